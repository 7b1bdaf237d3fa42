/**
 * Test-only fault injection for the publish endpoints (POST /events and /batch_events), plus a
 * log of what was accepted so relay tests can assert batching and retries.
 *
 * Faults are queued in FIFO order and consumed one per publish request, before the request is
 * authenticated or validated (like a load balancer or network failure in front of Pusher):
 *
 *   faults.failNext({ status: 503 })                  // next publish gets 503 "Service Unavailable"
 *   faults.failNext({ status: 403, body: 'Forbidden: app disabled or over message quota', times: 2 })
 *   faults.delayNext({ ms: 3000 })                    // handled normally, answered 3 s late: the SDK
 *                                                     // times out but the events WERE delivered
 *   faults.delayNext({ ms: 3000, deliver: false })    // answered 504 after 3 s, nothing delivered
 *   faults.resetNext()                                // socket destroyed, no response, nothing delivered
 *   faults.setMaxEventBytes(100)                      // lower the 413 threshold (undefined restores it)
 *   faults.dropConnections()                          // close every WebSocket with 4200 (clients reconnect)
 *   faults.clear()                                    // forget queued faults and the 413 override
 *
 * Observation:
 *   faults.publishAttempts   every publish request that reached the router, faulted or not
 *   faults.requests          accepted requests: endpoint, time, and the events as sent
 *   faults.accepted          accepted events flattened to one entry per channel
 *   faults.waitForAccepted(n) resolves once `accepted` holds at least n entries
 *   faults.clearLog()        empties the three above
 *
 * The logs are kept only when the server is created with `recordPublishes: true` (tests), and
 * even then capped (oldest dropped), so a running server never holds what it relayed.
 */
import { STATUS_CODES } from 'node:http';

export type PublishEndpoint = 'events' | 'batch_events';

export interface AcceptedEvent {
  requestId: number;
  endpoint: PublishEndpoint;
  channel: string;
  name: string;
  /** Exactly the `data` string that was published (and sent to subscribers). */
  data: string;
  socketId?: string;
  receivedAt: Date;
}

export interface AcceptedRequest {
  id: number;
  endpoint: PublishEndpoint;
  receivedAt: Date;
  /** One entry per event in the request body (a /events call is one event on 1..100 channels). */
  events: Array<{ name: string; data: string; channels: string[]; socketId?: string }>;
}

export interface FailOptions {
  status: number;
  /** Text body; defaults to the HTTP reason phrase, e.g. "Service Unavailable". */
  body?: string;
  times?: number;
}

export interface DelayOptions {
  ms: number;
  /**
   * true (default): the request is processed normally after the delay, so the events are delivered
   * even though the caller has likely given up (the ambiguous-timeout case that causes duplicates).
   * false: nothing is delivered; after the delay the server answers `status` (default 504).
   */
  deliver?: boolean;
  status?: number;
  times?: number;
}

export interface ResetOptions {
  times?: number;
}

export type FaultAction =
  | { kind: 'fail'; status: number; body: string }
  | { kind: 'delay'; ms: number; deliver: boolean; status: number }
  | { kind: 'reset' };

const LOG_CAP = 10_000;

export class PusherFaults {
  private readonly queue: Array<{ action: FaultAction; remaining: number }> = [];
  private readonly waiters = new Set<{ count: number; resolve: () => void }>();
  private maxEventBytesOverride: number | undefined;
  private nextRequestId = 1;

  /** Every publish request that reached the router, including faulted and rejected ones. */
  publishAttempts = 0;
  readonly requests: AcceptedRequest[] = [];
  readonly accepted: AcceptedEvent[] = [];

  /**
   * @param drop closes every WebSocket; wired by PusherCompatibleServer.
   * @param recording whether accepted publishes are logged (tests only).
   */
  constructor(
    private readonly drop: (code: number, reason: string) => number,
    private readonly recording = false,
  ) {}

  failNext(options: FailOptions): this {
    if (!Number.isInteger(options.status) || options.status < 100 || options.status > 599) {
      throw new RangeError(`failNext: invalid status ${options.status}`);
    }
    return this.enqueue(
      { kind: 'fail', status: options.status, body: options.body ?? STATUS_CODES[options.status] ?? 'Error' },
      options.times,
    );
  }

  delayNext(options: DelayOptions): this {
    if (!(options.ms >= 0)) throw new RangeError(`delayNext: invalid ms ${options.ms}`);
    return this.enqueue(
      { kind: 'delay', ms: options.ms, deliver: options.deliver ?? true, status: options.status ?? 504 },
      options.times,
    );
  }

  resetNext(options: ResetOptions = {}): this {
    return this.enqueue({ kind: 'reset' }, options.times);
  }

  /** Overrides maxEventBytes for the 413 check until cleared (undefined restores the configured value). */
  setMaxEventBytes(bytes: number | undefined): this {
    this.maxEventBytesOverride = bytes;
    return this;
  }

  get maxEventBytes(): number | undefined {
    return this.maxEventBytesOverride;
  }

  /** Closes every WebSocket (default 4200: pusher-js reconnects at once with a new socket_id). */
  dropConnections(code = 4200, reason = 'Connections dropped by test fault injection'): number {
    return this.drop(code, reason);
  }

  get pendingFaults(): number {
    return this.queue.reduce((sum, entry) => sum + entry.remaining, 0);
  }

  clear(): this {
    this.queue.length = 0;
    this.maxEventBytesOverride = undefined;
    return this;
  }

  clearLog(): this {
    this.requests.length = 0;
    this.accepted.length = 0;
    this.publishAttempts = 0;
    return this;
  }

  waitForAccepted(count: number, timeoutMs = 5000): Promise<AcceptedEvent[]> {
    if (this.accepted.length >= count) return Promise.resolve([...this.accepted]);
    return new Promise((resolve, reject) => {
      const waiter = {
        count,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve([...this.accepted]);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`waitForAccepted: ${this.accepted.length}/${count} events after ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.waiters.add(waiter);
    });
  }

  /** @internal Called by the HTTP API once per publish request, before anything else. */
  takeNext(): FaultAction | undefined {
    this.publishAttempts += 1;
    const head = this.queue[0];
    if (!head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) this.queue.shift();
    return head.action;
  }

  /** @internal Called by the HTTP API after a publish request was accepted and fanned out. */
  recordAccepted(endpoint: PublishEndpoint, events: AcceptedRequest['events']): void {
    if (!this.recording) return;
    const receivedAt = new Date();
    const id = this.nextRequestId++;
    pushCapped(this.requests, { id, endpoint, receivedAt, events });
    for (const event of events) {
      for (const channel of event.channels) {
        pushCapped(this.accepted, {
          requestId: id,
          endpoint,
          channel,
          name: event.name,
          data: event.data,
          ...(event.socketId !== undefined ? { socketId: event.socketId } : {}),
          receivedAt,
        });
      }
    }
    for (const waiter of [...this.waiters]) {
      if (this.accepted.length >= waiter.count) waiter.resolve();
    }
  }

  private enqueue(action: FaultAction, times = 1): this {
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`times must be a positive integer, got ${times}`);
    this.queue.push({ action, remaining: times });
    return this;
  }
}

function pushCapped<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > LOG_CAP) list.splice(0, list.length - LOG_CAP);
}
