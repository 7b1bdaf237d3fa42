/**
 * The `token` admin command (`npm run token`): a developer gets a token for
 * the configured secret, and the server accepts exactly what it says.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MeDocument } from './__generated__/graphql';
import { runAdminCommand } from './support/admin-cli';
import { JWT_SECRET, startTestApp, type TestApp } from './support/test-app';

// Each test starts a real process (node dist/src/cli.js), which can take seconds on a busy machine.
jest.setTimeout(60_000);

async function token(...args: string[]) {
  const result = await runAdminCommand(['token', ...args], { AUTH_JWT_SECRET: JWT_SECRET });
  if (result.code !== 0) throw Object.assign(new Error(result.stderr), result);
  return result;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('prints a token the server accepts, with the user, name and hotel roles given', async () => {
  const { stdout } = await token(
    '--user',
    'u-42',
    '--name',
    'Aoife Byrne',
    '--hotel',
    'hotel-killarney',
    '--role',
    'staff',
    '--hotel',
    'hotel-galway',
    '--role',
    'manager',
  );
  const me = await t.graphql(MeDocument, {}, { token: stdout.trim() });
  expect(me.data!.me).toEqual({
    id: 'u-42',
    name: 'Aoife Byrne',
    hotels: [
      expect.objectContaining({ identifier: 'hotel-galway', role: 'manager' }),
      expect.objectContaining({ identifier: 'hotel-killarney', role: 'staff' }),
    ],
  });
});

it('refuses an unknown role and says how to call it', async () => {
  await expect(token('--user', 'u-1', '--hotel', 'hotel-killarney', '--role', 'owner')).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining('--role must be staff or manager (got "owner")'),
  });
});

it('says which folder DATA_DIR names and why, with exit code 1, when it must generate a secret there and cannot', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'stocktake-data-dir-'));
  try {
    // A regular file where DATA_DIR's parent should be: not writable, even for root.
    writeFileSync(path.join(folder, 'file'), '');
    const dataDir = path.join(folder, 'file', 'data');
    const result = await runAdminCommand(['token', '--user', 'u-1', '--hotel', 'hotel-killarney', '--role', 'staff'], {
      DATA_DIR: dataDir,
    });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `Invalid configuration:\n  - DATA_DIR (${dataDir}) is not writable (ENOTDIR), and the local JWT secret is generated there because AUTH_JWT_SECRET is not set: point DATA_DIR at a folder this user (uid ${process.getuid!()}) can write\n`,
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
