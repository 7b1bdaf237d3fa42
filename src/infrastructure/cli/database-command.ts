/** What the commands that touch the database share: the configured database, migrated, closed afterwards. */
import { loadConfig, loadDotEnv } from '../config';
import { openDatabase, type Database } from '../database/database';
import { createLogger, type Logger } from '../logger';

/** Opens the configured database (DATABASE_URL, else the embedded one) for `work`, and closes it. */
export async function withDatabase<T>(work: (database: Database, log: Logger) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const database = await openDatabase(config, log);
  try {
    return await work(database, log);
  } finally {
    await database.close();
  }
}
