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
import { spawn } from 'node:child_process';
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
  // The build and the template database do not depend on each other: made side by side.
  const built = build();
  try {
    if (process.env.DATABASE_URL) {
      process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL;
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), 'stocktake-test-db-'));
      const server = await startEmbeddedPostgres(dir, silentLogger);
      globalThis.embeddedTestDatabase = { server, dir };
      process.env.TEST_POSTGRES_URL = server.urlFor('postgres');
    }
    globalThis.templateTestDatabase = await createTemplateDatabase(process.env.TEST_POSTGRES_URL);
  } finally {
    await built;
  }
}

/** `npm run build`'s compiler run; rejects with its output when it fails. */
function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    const tsc = spawn(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: path.resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    tsc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    tsc.once('error', reject);
    tsc.once('close', (status) => (status === 0 ? resolve() : reject(new Error(`npm run build failed:\n${output}`))));
  });
}
