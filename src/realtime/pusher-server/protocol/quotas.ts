/**
 * What one app, one client address and one connection may hold open on this server, as hosted
 * Pusher and soketi bound them (docs/pusher-server.md, "Connection and channel quotas"). The app
 * key is public (GET /pusher/config), so without these one anonymous client could hold any number
 * of sockets and subscriptions. Counts are this process's own.
 *
 * Refusals use Pusher's code 4100 ("over capacity": pusher-js retries with a backoff) rather than
 * 4004 ("over connection quota": pusher-js gives up for good), so that clients come back once the
 * pressure is gone, as soketi does for its connection quota.
 */

export interface PusherQuotaLimits {
  /** Open connections for the app, in all. */
  maxConnections: number;
  /** Open connections from one client address. */
  maxConnectionsPerAddress: number;
  /** Channels one connection may be subscribed to at once. */
  maxChannelsPerConnection: number;
}

/** Which quota refused something (the label of the refusals metric). */
export type QuotaReason = 'connections' | 'connections_per_address' | 'channels_per_connection';

/** Told of every refusal, for metrics. */
export interface QuotaObserver {
  refused(reason: QuotaReason): void;
}

/** Pusher's "over capacity" code: reconnect after a backoff. */
export const OVER_CAPACITY = 4100;

interface QuotaRefusal {
  reason: QuotaReason;
  code: typeof OVER_CAPACITY;
  message: string;
}

/** No quota: what a server built without limits uses. */
export const UNLIMITED: PusherQuotaLimits = {
  maxConnections: Number.POSITIVE_INFINITY,
  maxConnectionsPerAddress: Number.POSITIVE_INFINITY,
  maxChannelsPerConnection: Number.POSITIVE_INFINITY,
};

/** The connection counts behind the quotas: taken when a connection is accepted, given back when it ends. */
export class ConnectionQuotas {
  private open = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(
    readonly limits: PusherQuotaLimits,
    private readonly observer?: QuotaObserver,
  ) {}

  /** Takes a connection for `address`, or says which quota refuses it (and takes nothing). */
  admit(address: string): QuotaRefusal | undefined {
    const fromAddress = this.byAddress.get(address) ?? 0;
    if (this.open >= this.limits.maxConnections) {
      return this.refuse(
        'connections',
        `Over capacity: the app has its maximum of ${this.limits.maxConnections} connections`,
      );
    }
    if (fromAddress >= this.limits.maxConnectionsPerAddress) {
      return this.refuse(
        'connections_per_address',
        `Over capacity: at most ${this.limits.maxConnectionsPerAddress} connections from one address`,
      );
    }
    this.open += 1;
    this.byAddress.set(address, fromAddress + 1);
    return undefined;
  }

  /** Gives back a connection `admit` took. */
  release(address: string): void {
    this.open = Math.max(0, this.open - 1);
    const left = (this.byAddress.get(address) ?? 1) - 1;
    if (left > 0) this.byAddress.set(address, left);
    else this.byAddress.delete(address);
  }

  /** Refuses one more channel for a connection subscribed to `subscribed` channels, or undefined. */
  channel(subscribed: number): QuotaRefusal | undefined {
    if (subscribed < this.limits.maxChannelsPerConnection) return undefined;
    return this.refuse(
      'channels_per_connection',
      `Over capacity: at most ${this.limits.maxChannelsPerConnection} channels per connection`,
    );
  }

  /** The most connections any one address has open (0 when none). */
  busiestAddress(): number {
    let most = 0;
    for (const count of this.byAddress.values()) most = Math.max(most, count);
    return most;
  }

  private refuse(reason: QuotaReason, message: string): QuotaRefusal {
    this.observer?.refused(reason);
    return { reason, code: OVER_CAPACITY, message };
  }
}
