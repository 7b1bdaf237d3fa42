/** `migrate`: applies pending migrations (under the start-up lock) and says where the database stands. */
import type { CommandRun } from './command';
import { parseOptions } from './command';
import { withDatabase } from './database-command';

export const run: CommandRun = async (argv) => {
  parseOptions(argv, {});
  await withDatabase(async (database) => {
    const executed = await database.orm.migrator.getExecutedMigrations();
    process.stdout.write(`database is at ${executed.at(-1)?.name ?? 'no migration'} (${executed.length} applied)\n`);
  });
};
