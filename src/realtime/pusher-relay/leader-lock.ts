/**
 * Only one instance relays to Pusher at a time, so the work is not done
 * twice however many API instances run: the relay publishes only while it
 * holds a PostgreSQL advisory lock on a connection of its own. If that
 * instance dies, its connection closes, the lock is released and another
 * takes over. Leadership is an efficiency, not the safety: the outbox
 * claims fence every publish (see outbox-store.ts).
 */
import { Client } from 'pg';
import type { Logger } from 'pino';

const LOCK_KEY = "hashtext('stocktake-live:pusher-relay')";

export class LeaderLock {
  private client: Client | null = null;
  private held = false;
  private inFlight: Promise<boolean> | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  /**
   * True while this process holds the lock. Each call proves the lock's
   * connection is alive (a dead one means the lock is gone, and another
   * instance may hold it), or tries to take the lock. Concurrent calls share
   * one round trip.
   */
  acquire(): Promise<boolean> {
    this.inFlight ??= this.check().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  async release(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    await this.drop();
  }

  private async check(): Promise<boolean> {
    try {
      const client = await this.connection();
      if (this.held) {
        await client.query('select 1');
        return true;
      }
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(${LOCK_KEY}) as locked`);
      this.held = rows[0]?.locked === true;
      if (this.held) this.log.info('this instance relays events to Pusher');
      return this.held;
    } catch (error) {
      if (this.held) this.log.warn({ err: error }, 'pusher relay lost its leader connection');
      await this.drop();
      return false;
    }
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.databaseUrl, keepAlive: true, connectionTimeoutMillis: 5_000 });
    client.on('error', (error) => {
      this.log.warn({ err: error }, 'pusher relay leader connection failed');
      if (this.client === client) {
        this.client = null;
        this.held = false;
        void client.end().catch(() => undefined);
      }
    });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    return client;
  }
}
