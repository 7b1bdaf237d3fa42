/**
 * Fails when the entities differ from what the committed migrations build:
 * `npm run check:migrations` (CI). Runs every migration on a scratch
 * database, then asks MikroORM whether a new migration would be needed.
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
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
      if (diff.trim() !== '') {
        console.error('The entities and the migrations differ; run `npm run migration:create`. Pending SQL:\n' + diff);
        process.exitCode = 1;
      } else {
        console.log('migrations are in sync with the entities');
      }
    } finally {
      await orm.close();
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
