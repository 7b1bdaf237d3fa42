/**
 * The admin command (docs/operations.md, "Admin commands") run as real
 * processes against a real database: migrate an empty database, create a
 * hotel, seed the demo hotel; bad arguments get exit code 2 with the reason
 * and the usage and change nothing; a taken slug gets exit code 1.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { Hotel, StockItem } from '../src/domain/entities';
import { migrationsList } from '../src/migrations';
import { ormOptions } from '../src/infrastructure/database/orm-options';
import { createScratchDatabase, type ScratchDatabase } from '../src/infrastructure/database/scratch-database';
import { runAdminCommand } from './support/admin-cli';
import { JWT_SECRET } from './support/test-app';

let database: ScratchDatabase;
let orm: MikroORM;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createScratchDatabase(process.env.TEST_POSTGRES_URL!, 'stocktake_cli');
  env = { DATABASE_URL: database.url, AUTH_JWT_SECRET: JWT_SECRET };
  // Migrated by the command under test, not by the test.
  const result = await runAdminCommand(['migrate'], env);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(result.stdout).toBe(`database is at ${migrationsList.at(-1)!.name} (${migrationsList.length} applied)\n`);
  orm = await MikroORM.init(ormOptions(database.url));
}, 60_000);

afterAll(async () => {
  await orm?.close();
  await database?.drop();
});

const hotels = () =>
  orm.em
    .fork()
    .find(Hotel, {}, { orderBy: { identifier: 'asc' } })
    .then((found) => found.map(({ identifier, name, timeZone }) => ({ identifier, name, timeZone })));

it('migrate leaves every migration applied once and says so again on a migrated database', async () => {
  const again = await runAdminCommand(['migrate'], env);
  expect(again).toEqual({
    code: 0,
    stdout: `database is at ${migrationsList.at(-1)!.name} (${migrationsList.length} applied)\n`,
    stderr: '',
  });
  const rows = await orm.em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations');
  expect(rows.map((row) => row.name).sort()).toEqual(migrationsList.map((migration) => migration.name).sort());
}, 60_000);

it('create-hotel creates the hotel with the canonical time zone, and refuses a taken slug', async () => {
  const created = await runAdminCommand(
    ['create-hotel', '--slug', 'hotel-galway', '--name', 'Hotel Galway', '--time-zone', 'europe/dublin'],
    env,
  );
  expect(created).toEqual({
    code: 0,
    stdout: 'created hotel hotel-galway (Hotel Galway, Europe/Dublin)\n',
    stderr: '',
  });

  const taken = await runAdminCommand(['create-hotel', '--slug', 'hotel-galway', '--name', 'Another'], env);
  expect(taken).toEqual({
    code: 1,
    stdout: '',
    stderr: 'a hotel with the slug "hotel-galway" already exists; nothing was changed\n',
  });
  expect((await hotels()).filter((hotel) => hotel.identifier === 'hotel-galway')).toEqual([
    { identifier: 'hotel-galway', name: 'Hotel Galway', timeZone: 'Europe/Dublin' },
  ]);
}, 60_000);

it('create-hotel refuses bad arguments with exit code 2, the reason and the usage, and creates nothing', async () => {
  const usage = 'usage: create-hotel --slug SLUG --name NAME [--time-zone Europe/Dublin]\n';
  const before = await hotels();
  const results = await Promise.all([
    runAdminCommand(['create-hotel', '--slug', 'Hotel Cork', '--name', 'Hotel Cork'], env),
    runAdminCommand(
      ['create-hotel', '--slug', 'hotel-cork', '--name', 'Hotel Cork', '--time-zone', 'Mars/Olympus'],
      env,
    ),
    runAdminCommand(['create-hotel', '--slug', 'hotel-cork'], env),
    runAdminCommand(['create-hotel', '--slug', 'hotel-cork', '--name', 'Hotel Cork', '--colour', 'red'], env),
  ]);
  expect(results).toEqual([
    {
      code: 2,
      stdout: '',
      stderr: `--slug must be lower-case letters and digits in words joined by single hyphens, at most 100 characters, such as "hotel-galway" (got "Hotel Cork")\n${usage}`,
    },
    {
      code: 2,
      stdout: '',
      stderr: `--time-zone must be an IANA time zone such as "Europe/Dublin" (got "Mars/Olympus")\n${usage}`,
    },
    { code: 2, stdout: '', stderr: `--name is required\n${usage}` },
    { code: 2, stdout: '', stderr: expect.stringMatching(/^Unknown option '--colour'.*\n/) },
  ]);
  expect(results[3].stderr.endsWith(usage)).toBe(true);
  expect(await hotels()).toEqual(before);
}, 60_000);

it('seed adds the demo hotel once, however often it runs', async () => {
  const first = await runAdminCommand(['seed'], env);
  expect(first).toEqual({ code: 0, stdout: 'seeded the demo hotel hotel-killarney\n', stderr: '' });
  const second = await runAdminCommand(['seed'], env);
  expect(second).toEqual({ code: 0, stdout: 'hotel-killarney is already there\n', stderr: '' });
  const em = orm.em.fork();
  const killarney = await em.findOneOrFail(Hotel, { identifier: 'hotel-killarney' });
  expect(await em.count(StockItem, { hotel: killarney })).toBe(255);
}, 60_000);

it('an unknown command or none gets exit code 2 and the list of commands', async () => {
  const [unknown, none] = await Promise.all([runAdminCommand(['frobnicate'], env), runAdminCommand([], env)]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/^unknown command "frobnicate"\n/);
  expect(none.code).toBe(2);
  for (const command of ['serve', 'migrate', 'create-hotel', 'seed', 'token']) {
    expect(unknown.stderr).toMatch(new RegExp(`\\n  ${command} +\\S`));
    expect(none.stderr).toMatch(new RegExp(`\\n  ${command} +\\S`));
  }
}, 60_000);

it('a database it cannot reach gets exit code 1 and no usage', async () => {
  const result = await runAdminCommand(['migrate'], { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(
    /DATABASE_URL \(postgres:\/\/nobody@127.0.0.1:1\/none\) cannot be used: nothing accepts connections there/,
  );
  expect(result.stderr).not.toMatch(/usage:/);
}, 60_000);
