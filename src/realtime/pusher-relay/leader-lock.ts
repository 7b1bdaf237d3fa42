/**
 * Only one instance relays to Pusher, so each event is sent once however
 * many API instances run: the relay drains only while it holds a
 * PostgreSQL advisory lock on a connection of its own. If that instance
 * dies, its connection closes, the lock is released and another takes over.
 */
import { Client } from 'pg';
import type { Logger } from '../../infrastructure/logger';

const LOCK_KEY = "hashtext('stocktake-live:pusher-relay')";

export class LeaderLock {
  private client: Client | null = null;
  private held = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
  ) {}

  /**
   * True while this process holds the lock. Each call proves the lock's
   * connection is alive (a half-open connection would otherwise let a second
   * relay take over while this one still sends), or tries to take the lock.
   */
  async acquire(): Promise<boolean> {
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
      this.log.warn({ error: String(error) }, 'pusher relay lost its leader connection');
      await this.release();
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    await client?.end().catch(() => undefined);
  }

  private async connection(): Promise<Client> {
    if (this.client) return this.client;
    const client = new Client({ connectionString: this.databaseUrl, keepAlive: true });
    client.on('error', (error) => {
      this.log.warn({ error: error.message }, 'pusher relay leader connection failed');
      if (this.client === client) void this.release();
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
