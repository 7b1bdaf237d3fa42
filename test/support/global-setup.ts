/**
 * One PostgreSQL server for the whole run: DATABASE_URL's when set (CI),
 * otherwise an embedded one in a temporary folder. Each test file then
 * creates its own database on it (see test-app.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/infrastructure/database/embedded-postgres';
import { silentLogger } from '../../src/infrastructure/logger';

declare global {
  var embeddedTestDatabase: { server: EmbeddedDatabase; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL;
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'stocktake-test-db-'));
  const server = await startEmbeddedPostgres(dir, silentLogger);
  globalThis.embeddedTestDatabase = { server, dir };
  process.env.TEST_POSTGRES_URL = server.urlFor('postgres');
}
