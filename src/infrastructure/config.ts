/**
 * Configuration from the environment (SPEC §7), validated once at start-up.
 * Every problem names the variable, so a bad deployment fails fast and clearly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type PusherTarget =
  /** No credentials configured: the relay publishes to our own built-in endpoint. */
  | { kind: 'built-in' }
  | {
      kind: 'external';
      appId: string;
      key: string;
      secret: string;
      /** `api-{cluster}.pusher.com` unless `host` is set (self-hosted compatible server). */
      cluster: string | undefined;
      host: string | undefined;
      port: number | undefined;
      useTLS: boolean;
    };

export type AuthConfig =
  | { kind: 'secret'; secret: string | undefined /* undefined: generated and kept in DATA_DIR */ }
  | { kind: 'jwks'; jwksUrl: string };

export interface Config {
  nodeEnv: string;
  isProduction: boolean;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  pusher: PusherTarget;
  /** '' (public channels, as the original) or 'private-' (then /pusher/auth authorizes). */
  channelPrefix: '' | 'private-';
  auth: AuthConfig;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads `.env` (when present) into process.env without overriding what is already set. */
export function loadDotEnv(file = path.resolve('.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const nodeEnv = get('NODE_ENV') ?? 'development';
  const isProduction = nodeEnv === 'production';

  const port = parsePort('PORT', get('PORT') ?? '4000', problems);

  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }

  const redisUrl = get('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const logLevel = (get('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push('LOG_LEVEL must be one of debug, info, warn, error');
  }

  const prefix = get('PUSHER_CHANNEL_PREFIX') ?? '';
  if (prefix !== '' && prefix !== 'private-') {
    problems.push('PUSHER_CHANNEL_PREFIX must be empty or "private-"');
  }

  const pusher = parsePusher(get, problems);
  const auth = parseAuth(get, isProduction, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv,
    isProduction,
    port,
    databaseUrl,
    dataDir: path.resolve(get('DATA_DIR') ?? '.data'),
    redisUrl,
    pusher,
    channelPrefix: prefix as Config['channelPrefix'],
    auth,
    logLevel,
  };
}

function parsePort(name: string, raw: string, problems: string[]): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) {
    problems.push(`${name} must be a port number between 0 and 65535 (got "${raw}")`);
    return 0;
  }
  return value;
}

function parsePusher(get: (name: string) => string | undefined, problems: string[]): PusherTarget {
  const credentialNames = ['PUSHER_APP_ID', 'PUSHER_KEY', 'PUSHER_SECRET'] as const;
  const given = credentialNames.filter((name) => get(name) !== undefined);
  const locationGiven = ['PUSHER_CLUSTER', 'PUSHER_HOST', 'PUSHER_PORT'].some((n) => get(n) !== undefined);
  if (given.length === 0) {
    if (locationGiven) problems.push('PUSHER_CLUSTER/PUSHER_HOST/PUSHER_PORT need PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET');
    return { kind: 'built-in' };
  }
  for (const name of credentialNames) {
    if (get(name) === undefined) problems.push(`${name} is required when any Pusher credential is set`);
  }
  const cluster = get('PUSHER_CLUSTER');
  const host = get('PUSHER_HOST');
  if (cluster === undefined && host === undefined) {
    problems.push('PUSHER_CLUSTER (hosted Pusher) or PUSHER_HOST (Pusher-compatible server) is required with Pusher credentials');
  }
  const rawPort = get('PUSHER_PORT');
  const port = rawPort === undefined ? undefined : parsePort('PUSHER_PORT', rawPort, problems);
  const tls = get('PUSHER_USE_TLS') ?? 'true';
  if (!['true', 'false'].includes(tls)) problems.push('PUSHER_USE_TLS must be true or false');
  return {
    kind: 'external',
    appId: get('PUSHER_APP_ID') ?? '',
    key: get('PUSHER_KEY') ?? '',
    secret: get('PUSHER_SECRET') ?? '',
    cluster,
    host,
    port,
    useTLS: tls === 'true',
  };
}

function parseAuth(get: (name: string) => string | undefined, isProduction: boolean, problems: string[]): AuthConfig {
  const secret = get('AUTH_JWT_SECRET');
  const jwksUrl = get('AUTH_JWKS_URL');
  if (secret !== undefined && jwksUrl !== undefined) {
    problems.push('Set AUTH_JWT_SECRET or AUTH_JWKS_URL, not both');
  }
  if (jwksUrl !== undefined) {
    if (!/^https?:\/\//.test(jwksUrl)) problems.push('AUTH_JWKS_URL must be an http(s) URL');
    return { kind: 'jwks', jwksUrl };
  }
  if (secret !== undefined && secret.length < 32) {
    problems.push('AUTH_JWT_SECRET must be at least 32 characters');
  }
  if (secret === undefined && isProduction) {
    problems.push('AUTH_JWT_SECRET or AUTH_JWKS_URL is required when NODE_ENV=production');
  }
  return { kind: 'secret', secret };
}
