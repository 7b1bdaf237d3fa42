/**
 * The run's template database: created once by global-setup.ts, migrated and
 * holding the test fixtures (fixtures.ts), then frozen; each test app and
 * shipped server gets a copy of it (`CREATE DATABASE … TEMPLATE`) instead of
 * migrating and seeding a database of its own. It is made anew each run, so
 * it always has the migrations of the code under test. Tests that need an
 * empty or unmigrated database create a scratch database themselves.
 */
import 'reflect-metadata';
import { migratedOrm } from '../../src/infrastructure/database/database';
import { createScratchDatabase, type ScratchDatabase } from '../../src/infrastructure/database/scratch-database';
import { silentLogger } from '../../src/infrastructure/logger';
import { seedFixtures } from './fixtures';

/** Where global-setup.ts leaves the template's name for the test files. */
const TEMPLATE_VARIABLE = 'TEST_TEMPLATE_DATABASE';

/** Creates, migrates, seeds and freezes the run's template on `serverUrl`, and names it for the test files. */
export async function createTemplateDatabase(serverUrl: string): Promise<ScratchDatabase> {
  const globalsBefore = new Set(Object.keys(globalThis));
  const template = await createScratchDatabase(serverUrl, 'stocktake_template');
  try {
    const orm = await migratedOrm(template.url, silentLogger);
    try {
      await seedFixtures(orm);
    } finally {
      await orm.close();
    }
    await template.freezeAsTemplate();
  } catch (error) {
    await template.drop();
    throw error;
  } finally {
    // MikroORM keeps its entity metadata on globalThis (set when it is imported), and jest hands global-setup's
    // globals to a test file it runs in band (one file alone): MikroORM there would find this process's metadata and
    // fail. Leave none behind.
    for (const key of Object.keys(globalThis)) {
      if (!globalsBefore.has(key) || key.startsWith('mikro-orm-')) delete (globalThis as Record<string, unknown>)[key];
    }
  }
  process.env[TEMPLATE_VARIABLE] = template.name;
  return template;
}

/** A fresh copy of the run's template: migrated and holding the test fixtures. `prefix` starts its name. */
export function copyOfTemplate(prefix: string): Promise<ScratchDatabase> {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  const template = process.env[TEMPLATE_VARIABLE];
  if (!serverUrl || !template)
    throw new Error('TEST_POSTGRES_URL is not set: run the tests through jest (test/support/global-setup.ts)');
  return createScratchDatabase(serverUrl, prefix, { template });
}
