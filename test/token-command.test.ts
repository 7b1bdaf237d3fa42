/**
 * `npm run token` (SPEC §7): a developer gets a token for the configured
 * secret, and the server accepts exactly what it says.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { MeDocument } from './__generated__/graphql';
import { JWT_SECRET, startTestApp, type TestApp } from './support/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');

function token(...args: string[]) {
  return run('npx', ['ts-node', '-T', 'scripts/token.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, AUTH_JWT_SECRET: JWT_SECRET, AUTH_JWKS_URL: '', PUSHER_KEY: '' },
  });
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
