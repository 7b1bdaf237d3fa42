/** A scratch database on DATABASE_URL's server, or on a throw-away embedded PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/infrastructure/database/embedded-postgres';
import { createScratchDatabase } from '../../src/infrastructure/database/scratch-database';
import { silentLogger } from '../../src/infrastructure/logger';

let embedded: { server: EmbeddedDatabase; dir: string } | undefined;

export async function scratchServerUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const dir = mkdtempSync(path.join(tmpdir(), 'stocktake-scratch-'));
  const server = await startEmbeddedPostgres(dir, silentLogger);
  embedded = { server, dir };
  return server.urlFor('postgres');
}

export async function withScratchDatabase(serverUrl: string, work: (url: string) => Promise<void>): Promise<void> {
  const database = await createScratchDatabase(serverUrl, 'stocktake_scratch');
  try {
    await work(database.url);
  } finally {
    await database.drop();
    if (embedded) {
      await embedded.server.stop();
      rmSync(embedded.dir, { recursive: true, force: true });
    }
  }
}
