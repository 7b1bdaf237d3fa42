/**
 * What an operator checks before deploying: with nothing set the server
 * starts on port 4000 with the built-in Pusher and public channels; every
 * bad variable stops start-up with a ConfigError that names the variable
 * (all problems at once, not one per restart); and the demo seed can be run
 * twice without duplicating the demo hotel's 255 items.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { Hotel, StockItem } from '../src/domain/entities';
import { ConfigError, loadConfig } from '../src/infrastructure/config';
import { migratedOrm } from '../src/infrastructure/database/database';
import { createScratchDatabase, type ScratchDatabase } from '../src/infrastructure/database/scratch-database';
import { silentLogger } from '../src/infrastructure/logger';
import { seedDemoHotel } from '../src/infrastructure/seed/seed-demo-hotel';

const SECRET = 'a-jwt-secret-of-at-least-32-characters';
const PUSHER = { PUSHER_APP_ID: '12345', PUSHER_KEY: 'key', PUSHER_SECRET: 'secret' };

/** The problems loadConfig reports for `env`; fails the test when it does not throw a ConfigError. */
function problemsOf(env: Record<string, string>): string[] {
  let thrown: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigError);
  const error = thrown as ConfigError;
  expect(error.name).toBe('ConfigError');
  for (const problem of error.problems) expect(error.message).toContain(problem);
  return error.problems;
}

/** Exactly one problem, naming each of `variables`. */
function expectOneProblemNaming(env: Record<string, string>, ...variables: string[]): void {
  const problems = problemsOf(env);
  expect(problems).toHaveLength(1);
  for (const variable of variables) expect(problems[0]).toContain(variable);
}

describe('loadConfig', () => {
  it('defaults: port 4000, built-in Pusher, public channels, info logs, development, a secret kept locally', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      isProduction: false,
      port: 4000,
      databaseUrl: undefined,
      redisUrl: undefined,
      pusher: { kind: 'built-in' },
      channelPrefix: '',
      logLevel: 'info',
      auth: { kind: 'secret', secret: undefined },
    });
  });

  it('accepts valid values', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://app@db:5432/stocktake',
      REDIS_URL: 'rediss://cache:6380',
      LOG_LEVEL: 'warn',
      PUSHER_CHANNEL_PREFIX: 'private-',
      ...PUSHER,
      PUSHER_CLUSTER: 'eu',
      PUSHER_USE_TLS: 'false',
      AUTH_JWT_SECRET: SECRET,
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://app@db:5432/stocktake',
      redisUrl: 'rediss://cache:6380',
      logLevel: 'warn',
      channelPrefix: 'private-',
      pusher: {
        kind: 'external',
        appId: '12345',
        key: 'key',
        secret: 'secret',
        cluster: 'eu',
        host: undefined,
        port: undefined,
        useTLS: false,
      },
      auth: { kind: 'secret', secret: SECRET },
      isProduction: true,
    });
  });

  it('accepts a self-hosted Pusher-compatible server by host instead of cluster', () => {
    expect(loadConfig({ ...PUSHER, PUSHER_HOST: 'soketi.internal', PUSHER_PORT: '6001' }).pusher).toEqual({
      kind: 'external',
      appId: '12345',
      key: 'key',
      secret: 'secret',
      cluster: undefined,
      host: 'soketi.internal',
      port: 6001,
      useTLS: true,
    });
  });

  it('accepts where browsers reach a self-hosted server behind a load balancer, apart from where the API publishes', () => {
    const soketi = { ...PUSHER, PUSHER_HOST: 'soketi', PUSHER_PORT: '6001', PUSHER_USE_TLS: 'false' };
    expect(
      loadConfig({
        ...soketi,
        PUSHER_CLIENT_HOST: 'rt.example.com',
        PUSHER_CLIENT_PORT: '443',
        PUSHER_CLIENT_USE_TLS: 'true',
      }).pusher,
    ).toEqual({
      kind: 'external',
      appId: '12345',
      key: 'key',
      secret: 'secret',
      cluster: undefined,
      host: 'soketi',
      port: 6001,
      useTLS: false,
      client: { host: 'rt.example.com', port: 443, useTLS: true },
    });
    // TLS as the server's unless said otherwise.
    expect(loadConfig({ ...soketi, PUSHER_CLIENT_HOST: 'localhost' }).pusher).toMatchObject({
      client: { host: 'localhost', port: undefined, useTLS: false },
    });
  });

  it.each([
    ['PUSHER_CLIENT_HOST', { ...PUSHER, PUSHER_HOST: 'soketi', PUSHER_CLIENT_PORT: '8080' }],
    [
      'PUSHER_CLIENT_PORT',
      { ...PUSHER, PUSHER_HOST: 'soketi', PUSHER_CLIENT_HOST: 'localhost', PUSHER_CLIENT_PORT: 'x' },
    ],
    [
      'PUSHER_CLIENT_USE_TLS',
      { ...PUSHER, PUSHER_HOST: 'soketi', PUSHER_CLIENT_HOST: 'localhost', PUSHER_CLIENT_USE_TLS: 'yes' },
    ],
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x' }],
    ['REDIS_URL', { REDIS_URL: 'http://x' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }],
    ['PUSHER_CHANNEL_PREFIX', { PUSHER_CHANNEL_PREFIX: 'public-' }],
    ['PUSHER_USE_TLS', { ...PUSHER, PUSHER_CLUSTER: 'eu', PUSHER_USE_TLS: 'maybe' }],
    ['PUSHER_PORT', { ...PUSHER, PUSHER_HOST: 'soketi.internal', PUSHER_PORT: 'six' }],
    ['AUTH_JWT_SECRET', { AUTH_JWT_SECRET: 'too-short' }],
    ['AUTH_JWKS_URL', { AUTH_JWKS_URL: 'ftp://keys.example.com/jwks.json' }],
  ])('refuses a bad %s (%j)', (variable, env) => {
    expectOneProblemNaming(env, variable);
  });

  it('refuses PUSHER_KEY without the rest of the credentials, naming each missing one', () => {
    const problems = problemsOf({ PUSHER_KEY: 'key' });
    expect(problems).toHaveLength(2);
    for (const variable of ['PUSHER_APP_ID', 'PUSHER_SECRET']) {
      expect(problems.filter((p) => p.includes(variable))).toHaveLength(1);
    }
  });

  it('takes Pusher credentials with neither a cluster nor a host as the built-in endpoint’s, so that replicas agree', () => {
    expect(loadConfig(PUSHER).pusher).toEqual({
      kind: 'built-in',
      credentials: { appId: '12345', key: 'key', secret: 'secret' },
    });
    // Without credentials, each instance generates its own (in DATA_DIR).
    expect(loadConfig({}).pusher).toEqual({ kind: 'built-in' });
  });

  it.each(['PUSHER_PORT', 'PUSHER_USE_TLS', 'PUSHER_CLIENT_HOST', 'PUSHER_CLIENT_PORT', 'PUSHER_CLIENT_USE_TLS'])(
    'refuses %s with credentials but neither a cluster nor a host (the built-in endpoint would ignore it)',
    (variable) => {
      expectOneProblemNaming(
        { ...PUSHER, [variable]: variable.endsWith('TLS') ? 'false' : '6001' },
        variable,
        'PUSHER_HOST',
      );
    },
  );

  it('refuses a cluster or host without credentials', () => {
    expectOneProblemNaming({ PUSHER_CLUSTER: 'eu' }, 'PUSHER_APP_ID', 'PUSHER_KEY', 'PUSHER_SECRET');
  });

  it('refuses both AUTH_JWT_SECRET and AUTH_JWKS_URL', () => {
    expectOneProblemNaming(
      { AUTH_JWT_SECRET: SECRET, AUTH_JWKS_URL: 'https://auth.example.com/.well-known/jwks.json' },
      'AUTH_JWT_SECRET',
      'AUTH_JWKS_URL',
    );
  });

  it('refuses production without a way to verify tokens, and accepts it with one', () => {
    expectOneProblemNaming({ NODE_ENV: 'production' }, 'AUTH_JWT_SECRET', 'AUTH_JWKS_URL', 'NODE_ENV');
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://auth.example.com/.well-known/jwks.json' }).auth,
    ).toEqual({
      kind: 'jwks',
      jwksUrl: 'https://auth.example.com/.well-known/jwks.json',
    });
  });

  it('reports several problems together, each naming its variable', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', REDIS_URL: 'http://x', AUTH_JWT_SECRET: 'short' });
    expect(problems).toHaveLength(4);
    for (const variable of ['PORT', 'REDIS_URL', 'LOG_LEVEL', 'AUTH_JWT_SECRET']) {
      expect(problems.filter((p) => p.includes(variable))).toHaveLength(1);
    }
  });
});

describe('seeding the demo hotel', () => {
  let database: ScratchDatabase;
  let orm: MikroORM;

  beforeAll(async () => {
    database = await createScratchDatabase(process.env.TEST_POSTGRES_URL!, 'seed_test');
    orm = await migratedOrm(database.url, silentLogger);
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('seeds once; a second run changes nothing', async () => {
    expect(await seedDemoHotel(orm, silentLogger)).toBe(true);
    expect(await seedDemoHotel(orm, silentLogger)).toBe(false);

    const em = orm.em.fork();
    const hotels = await em.find(Hotel, {});
    expect(hotels.map((hotel) => [hotel.identifier, hotel.name, hotel.timeZone])).toEqual([
      ['hotel-killarney', 'Hotel Killarney', 'Europe/Dublin'],
    ]);
    expect(await em.count(StockItem, {})).toBe(255);
    const guinness = await em.findOneOrFail(StockItem, { sku: 'D0030' });
    expect([guinness.name, guinness.size, guinness.uom, guinness.unitCost]).toEqual([
      'Guinness',
      '50Lt',
      '88.00',
      '220.0000',
    ]);
  });
});
