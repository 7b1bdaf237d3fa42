/**
 * Commit notices: every transaction that stores events sends, for each
 * channel it wrote, a PostgreSQL NOTIFY naming the sending instance, the
 * channel, its new last sequence and how many events it took (sent by
 * OutboxStore.append inside the transaction, so PostgreSQL delivers it at
 * commit and never for a rollback). Every instance LISTENs on a connection
 * of its own and hands the notices of the others to its event bus (which
 * reads those events from the outbox) and its relay (which drains at once).
 * See docs/realtime.md, "Several instances".
 *
 * Notices sent while the listening connection is down are lost (PostgreSQL
 * keeps none for a listener that is not there): after it reconnects and
 * LISTENs again, `onReconnected` asks for every followed channel to be read
 * again from the outbox.
 */
import { Client, type Notification } from 'pg';
import type { Logger } from 'pino';

/** The PostgreSQL channel every instance of a deployment notifies and listens on. */
export const COMMIT_NOTICE_CHANNEL = 'stocktake_live_commits';

/** Starts the listening connection's application_name (operators and tests can find it in pg_stat_activity). */
export const LISTENER_APPLICATION_NAME = 'stocktake-live:listen';

/** One channel's part of one committed transaction. */
export interface CommitNotice {
  /** The instance that committed it. */
  origin: string;
  channel: string;
  /** The channel's last sequence after the commit. */
  sequence: number;
  /** How many events the commit added to the channel (sequences `sequence - count + 1` … `sequence`). */
  count: number;
}

/**
 * A notice's text, `<origin> <sequence> <count> <channel>` (OutboxStore.append builds it in SQL):
 * the channel comes last, whole, so no name can break the format. A few dozen bytes, far below
 * PostgreSQL's 8,000-byte payload limit, whatever the transaction wrote.
 */
function parseCommitNotice(payload: string): CommitNotice | null {
  const [origin, sequence, count, ...rest] = payload.split(' ');
  const channel = rest.join(' ');
  if (!origin || !channel || !/^\d+$/.test(sequence ?? '') || !/^\d+$/.test(count ?? '')) return null;
  return { origin, channel, sequence: Number(sequence), count: Number(count) };
}

export interface CommitListenerOptions {
  /** The database every instance commits to (the relay's leader lock uses it the same way). */
  databaseUrl: string;
  /** This instance: its own notices are skipped (its subscribers and relay already had them in-process). */
  instanceId: string;
  /** Every other instance's notice, in commit order. */
  onNotice(notice: CommitNotice): void;
  /** Listening again after the connection was lost: notices may have been missed meanwhile. */
  onReconnected(): void;
  log: Logger;
  /** How often the idle connection is proven alive (default 5,000 ms): a silently dead one is replaced. */
  pingIntervalMs?: number;
  /** First wait before reconnecting; doubles up to 5 s (default 250 ms). */
  retryBaseMs?: number;
}

/** Holds LISTEN on a connection of its own (not from the ORM's pool: a pooled connection is shared and recycled). */
export class CommitListener {
  private client: Client | null = null;
  private stopped = false;
  private everListened = false;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private pingTimer: NodeJS.Timeout | undefined;
  private connecting: Promise<void> | undefined;

  constructor(private readonly options: CommitListenerOptions) {}

  /** Resolves once listening (or once the first attempt failed, logged; it keeps retrying). */
  start(): Promise<void> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** True while LISTEN is in effect (readiness, tests). */
  listening(): boolean {
    return this.client !== null;
  }

  private async connect(): Promise<void> {
    const { databaseUrl, instanceId, log } = this.options;
    const client = new Client({
      connectionString: databaseUrl,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
      application_name: `${LISTENER_APPLICATION_NAME}:${instanceId}`,
    });
    client.on('notification', (message) => this.receive(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, undefined));
    try {
      await client.connect();
      await client.query(`listen ${COMMIT_NOTICE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      log.warn({ err: error }, 'commit notices: could not listen; retrying (other instances reach this one late)');
      this.retry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Anything but the first attempt's success may have missed notices (lost connection, or a failed start).
    const mayHaveMissed = this.everListened || this.failures > 0;
    this.failures = 0;
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => void this.ping(client), this.options.pingIntervalMs ?? 5_000);
    this.pingTimer.unref();
    if (mayHaveMissed) {
      log.info('commit notices: listening again; followed channels are read from the outbox');
      this.options.onReconnected();
    }
    this.everListened = true;
  }

  private receive(message: Notification): void {
    if (message.channel !== COMMIT_NOTICE_CHANNEL || message.payload === undefined) return;
    const notice = parseCommitNotice(message.payload);
    if (!notice) {
      this.options.log.warn({ payload: message.payload }, 'commit notices: ignored a malformed notice');
      return;
    }
    if (notice.origin !== this.options.instanceId) this.options.onNotice(notice);
  }

  private async ping(client: Client): Promise<void> {
    try {
      await client.query('select 1');
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    clearInterval(this.pingTimer);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.log.warn({ err: error }, 'commit notices: listening connection lost; reconnecting');
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    const base = this.options.retryBaseMs ?? 250;
    const delay = Math.min(5_000, base * 2 ** this.failures);
    this.failures += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.connecting = this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}
