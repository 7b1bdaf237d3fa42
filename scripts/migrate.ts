/** `npm run migrate`: applies pending migrations to the configured database (start-up does the same). */
import 'reflect-metadata';
import { loadConfig, loadDotEnv } from '../src/infrastructure/config';
import { openDatabase } from '../src/infrastructure/database/database';
import { createLogger } from '../src/infrastructure/logger';
import { describeFailure } from '../src/infrastructure/startup-error';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const database = await openDatabase(config, createLogger(config.logLevel));
  const executed = await database.orm.migrator.getExecutedMigrations();
  console.log(`database is at ${executed.at(-1)?.name ?? 'no migration'} (${executed.length} applied)`);
  await database.close();
}

main().catch((error: unknown) => {
  console.error(describeFailure(error));
  process.exit(1);
});
