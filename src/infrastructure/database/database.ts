/**
 * Opening the database the configuration names: DATABASE_URL when set,
 * otherwise the embedded PostgreSQL. Pending migrations are applied before
 * anything else touches the schema.
 */
import { MikroORM } from '@mikro-orm/postgresql';
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

export async function migratedOrm(url: string, log: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(url, log));
  const applied = await orm.migrator.up();
  if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return orm;
}
