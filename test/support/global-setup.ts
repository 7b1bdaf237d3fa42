/**
 * One PostgreSQL server for the whole run: DATABASE_URL's when set (CI),
 * otherwise an embedded one in a temporary folder. On it, one template
 * database, migrated and seeded (template-database.ts), which each test app
 * and shipped server copies.
 *
 * And the build, once: tests of the shipped process (shipped-server.ts) run
 * `node dist/src/cli.js` as `npm start` and the image do, so dist/ must be
 * the code under test (an incremental tsc: a few seconds when nothing changed).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/infrastructure/database/embedded-postgres';
import type { ScratchDatabase } from '../../src/infrastructure/database/scratch-database';
import { silentLogger } from '../../src/infrastructure/logger';
import { createTemplateDatabase } from './template-database';

declare global {
  var embeddedTestDatabase: { server: EmbeddedDatabase; dir: string } | undefined;
  var templateTestDatabase: ScratchDatabase | undefined;
}

export default async function globalSetup(): Promise<void> {
  const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: path.resolve(__dirname, '../..'),
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  if (process.env.DATABASE_URL) {
    process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), 'stocktake-test-db-'));
    const server = await startEmbeddedPostgres(dir, silentLogger);
    globalThis.embeddedTestDatabase = { server, dir };
    process.env.TEST_POSTGRES_URL = server.urlFor('postgres');
  }
  globalThis.templateTestDatabase = await createTemplateDatabase(process.env.TEST_POSTGRES_URL);
}
