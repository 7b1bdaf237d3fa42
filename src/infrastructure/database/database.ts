/**
 * Opening the database the configuration names: DATABASE_URL when set,
 * otherwise the embedded PostgreSQL. Pending migrations are applied before
 * anything else touches the schema, under a PostgreSQL advisory lock so
 * that replicas starting together take turns (docs/operations.md,
 * "Several instances").
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ormOptions } from './orm-options';

export interface Database {
  orm: MikroORM;
  url: string;
  /** True when this process started its own embedded PostgreSQL. */
  embedded: boolean;
  close(): Promise<void>;
}

export const EMBEDDED_DATABASE_NAME = 'stocktake';

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log: Logger): Promise<Database> {
  if (config.databaseUrl) {
    const orm = await migratedOrm(config.databaseUrl, log);
    return { orm, url: config.databaseUrl, embedded: false, close: () => orm.close() };
  }
  const server = await startEmbeddedPostgres(config.dataDir, log);
  try {
    await server.createDatabase(EMBEDDED_DATABASE_NAME);
    const url = server.urlFor(EMBEDDED_DATABASE_NAME);
    const orm = await migratedOrm(url, log);
    return {
      orm,
      url,
      embedded: true,
      async close() {
        await orm.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Distinct from the relay's leader lock (realtime/pusher-relay/leader-lock.ts). */
const MIGRATION_LOCK_KEY = "hashtext('stocktake-live:migrations')";

export async function migratedOrm(url: string, log: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, log));
  try {
    const applied = await underMigrationLock(url, log, () => orm.migrator.up());
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
    return orm;
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/**
 * Runs `work` holding the migration lock, a session advisory lock on a
 * connection of its own: a replica that starts while another migrates waits,
 * then finds nothing left to do. A crashed holder's lock goes with its
 * connection.
 */
async function underMigrationLock<T>(url: string, log: Logger, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(${MIGRATION_LOCK_KEY}) as locked`,
    );
    if (!rows[0]?.locked) {
      log.info('another instance is migrating this database; waiting for it');
      await client.query(`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    }
    try {
      return await work();
    } finally {
      await client.query(`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await client.end();
  }
}
