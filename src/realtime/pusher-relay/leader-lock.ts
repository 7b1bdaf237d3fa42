/**
 * Only one instance relays to Pusher, so each event is sent once however
 * many API instances run: the relay drains only while it holds a
 * PostgreSQL advisory lock on a connection of its own. If that instance
 * dies, its connection closes, the lock is released and another takes over.
 */
import { Client } from 'pg';
import type { Log } from '../../infrastructure/logger';

const LOCK_KEY = "hashtext('stocktake-live:pusher-relay')";

export class LeaderLock {
  private client: Client | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Log,
  ) {}

  /** True while this process holds the lock; tries to take it when it does not. */
  async acquire(): Promise<boolean> {
    if (this.client) return true;
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('error', (error) => {
      this.log('warn', 'pusher relay lost its leader connection', { error: error.message });
      if (this.client === client) this.client = null;
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ locked: boolean }>(`select pg_try_advisory_lock(${LOCK_KEY}) as locked`);
      if (rows[0]?.locked) {
        this.client = client;
        this.log('info', 'this instance relays events to Pusher');
        return true;
      }
    } catch (error) {
      this.log('warn', 'pusher relay could not check its leader lock', { error: String(error) });
    }
    await client.end().catch(() => undefined);
    return false;
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
