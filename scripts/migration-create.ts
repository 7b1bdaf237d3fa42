/**
 * Writes a migration for the difference between the entities and the
 * committed snapshot: `npm run migration:create`. It works on a scratch
 * database migrated to the latest committed migration.
 */
import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { scratchServerUrl, withScratchDatabase } from './support/scratch';
import { ormOptions } from '../src/infrastructure/database/orm-options';

async function main(): Promise<void> {
  await withScratchDatabase(await scratchServerUrl(), async (url) => {
    const orm = await MikroORM.init(ormOptions(url));
    try {
      await orm.migrator.up();
      const initial = (await orm.migrator.getExecutedMigrations()).length === 0;
      const result = await orm.migrator.createMigration(undefined, false, initial);
      console.log(
        result.fileName
          ? `created ${result.fileName}; add it to src/migrations/index.ts`
          : 'no changes: entities match the migrations',
      );
    } finally {
      await orm.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
