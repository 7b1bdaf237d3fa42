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
import { StartupError } from '../startup-error';
import { EMBEDDED_DATABASE_NAME, startEmbeddedPostgres } from './embedded-postgres';
import { isMissingDatabase, missingDatabase, requireExistingDatabase } from './missing-database';
import { ormOptions } from './orm-options';
import { redactedUrl } from './redacted-url';

export interface Database {
  orm: MikroORM;
  url: string;
  /** True when this process started its own embedded PostgreSQL. */
  embedded: boolean;
  close(): Promise<void>;
}

export { EMBEDDED_DATABASE_NAME };

export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, log: Logger): Promise<Database> {
  if (config.databaseUrl) {
    const orm = await migratedOrm(config.databaseUrl, log).catch((error: unknown) => {
      throw connectionFailure(config.databaseUrl!, error);
    });
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
  // A database that is not there is an error, never created (missing-database.ts says why).
  await requireExistingDatabase(url);
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

/** SQLSTATEs and network codes that mean "DATABASE_URL names something that is not there or not us". */
const REASONS: Record<string, string> = {
  ECONNREFUSED: 'nothing accepts connections there: is PostgreSQL running, and on that port?',
  ENOTFOUND: 'that host name is not known: is it misspelt?',
  EAI_AGAIN: 'that host name could not be looked up (DNS): is it misspelt, or the network down?',
  ETIMEDOUT: 'the connection timed out: is the host reachable (firewall, VPN)?',
  EHOSTUNREACH: 'the host cannot be reached',
  '28P01': 'the password was refused',
  '28000': 'the server does not let this user in (pg_hba.conf) or the role does not exist',
  '42501': 'the user may not do this (permissions)',
};

/** A StartupError naming DATABASE_URL, with the URL's password hidden, when connecting or migrating fails for want of a database. */
function connectionFailure(url: string, error: unknown): unknown {
  if (error instanceof StartupError) return error;
  if (isMissingDatabase(error)) return missingDatabase(url);
  const code = (error as { code?: unknown } | undefined)?.code;
  const reason = typeof code === 'string' ? REASONS[code] : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (!reason && !/role .* does not exist|database .* does not exist|authentication failed/.test(message)) return error;
  return new StartupError(
    `DATABASE_URL (${redactedUrl(url)}) cannot be used: ${reason ?? message}.\n` +
      'Check the variable (in the environment or .env), or unset it to use the embedded PostgreSQL.',
  );
}
