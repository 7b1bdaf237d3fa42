/**
 * Start-up that several replicas can share (docs/operations.md, "Several
 * instances"): instances migrating one empty database at once all succeed
 * and apply each migration once; a deployment with AUTH_JWT_SECRET and
 * external Pusher settings starts with a DATA_DIR it cannot write and
 * leaves it untouched; loading local secrets from an unwritable DATA_DIR
 * names it.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError } from '../src/infrastructure/config';
import { migratedOrm } from '../src/infrastructure/database/database';
import { createScratchDatabase, type ScratchDatabase } from '../src/infrastructure/database/scratch-database';
import { loadLocalSecrets } from '../src/infrastructure/local-secrets';
import { silentLogger } from '../src/infrastructure/logger';
import { migrationsList } from '../src/migrations';
import { closeAfterEach } from './support/closers';
import { JWT_SECRET } from './support/test-app';

const closers = closeAfterEach();

async function emptyDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase(process.env.TEST_POSTGRES_URL!, 'stocktake_startup');
  closers.push(() => database.drop());
  return database;
}

function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'stocktake-startup-'));
  closers.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

it('four instances migrating one empty database at once all succeed, and each migration is applied once', async () => {
  const database = await emptyDatabase();
  const orms = await Promise.allSettled([1, 2, 3, 4].map(() => migratedOrm(database.url, silentLogger)));
  const started = orms.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  closers.push(() => Promise.all(started.map((orm: MikroORM) => orm.close())));
  expect(orms.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual([
    'ok',
    'ok',
    'ok',
    'ok',
  ]);
  const rows = await started[0]!.em
    .getConnection()
    .execute<{ name: string }[]>('select name from mikro_orm_migrations order by name');
  expect(rows.map((row) => row.name)).toEqual(migrationsList.map((migration) => migration.name).sort());
});

it('loading local secrets from a DATA_DIR that cannot be created names DATA_DIR, the folder and the reason', () => {
  const folder = temporaryFolder();
  writeFileSync(path.join(folder, 'file'), '');
  const dataDir = path.join(folder, 'file', 'data');
  let thrown: unknown;
  try {
    loadLocalSecrets(dataDir);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  expect((thrown as ConfigError).problems).toEqual([
    `DATA_DIR (${dataDir}) is not writable (ENOTDIR), and the local JWT secret is generated there because AUTH_JWT_SECRET is not set: point DATA_DIR at a folder this user (uid ${process.getuid!()}) can write`,
  ]);
});

it('with AUTH_JWT_SECRET and external Pusher settings the server starts on an unwritable DATA_DIR and never writes there', async () => {
  const database = await emptyDatabase();
  const folder = temporaryFolder();
  writeFileSync(path.join(folder, 'file'), '');
  const dataDir = path.join(folder, 'file', 'data');
  // Compiled, as `npm start` and the image run it (dist/ is built by test/support/global-setup.ts).
  const server = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: path.resolve(__dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: database.url,
      AUTH_JWT_SECRET: JWT_SECRET,
      AUTH_JWKS_URL: '',
      PUSHER_APP_ID: 'app',
      PUSHER_KEY: 'key',
      PUSHER_SECRET: 'secret',
      PUSHER_HOST: '127.0.0.1',
      PUSHER_PORT: '1',
      PUSHER_USE_TLS: 'false',
      PUSHER_CLUSTER: '',
      REDIS_URL: '',
      // Production warns that channels are public; only errors count here.
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  closers.push(() => {
    if (server.exitCode === null) server.kill('SIGKILL');
  });
  let stdout = '';
  let stderr = '';
  server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // The banner is printed once the server listens; an early exit ends the wait too.
  const url = await new Promise<string | null>((resolve) => {
    server.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /GraphQL: (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    void exited.then(() => resolve(null));
  });
  expect({ url, stderr: url ? '' : stderr }).toEqual({
    url: expect.stringMatching(/^http:\/\/localhost:\d+\/graphql$/),
    stderr: '',
  });
  const readyz = await fetch(url!.replace('/graphql', '/healthz'));
  expect(readyz.status).toBe(200);
  server.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(existsSync(path.join(folder, 'file'))).toBe(true);
  expect(existsSync(dataDir)).toBe(false);
}, 120_000);
