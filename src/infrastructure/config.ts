/**
 * Configuration from the environment (docs/operations.md, "Configuration"),
 * validated once at start-up.
 * Every problem names the variable, so a bad deployment fails fast and clearly.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../graphql/operation-limits';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export type PusherTarget =
  /**
   * The relay publishes to our own built-in endpoint: with no Pusher settings, or with
   * PUSHER_APP_ID/KEY/SECRET but neither PUSHER_HOST nor PUSHER_CLUSTER. Given credentials
   * override; without them the endpoint uses the ones generated once and kept in the database,
   * which every replica on it shares (docs/pusher-server.md, "Credentials").
   */
  | { kind: 'built-in'; credentials?: { appId: string; key: string; secret: string } }
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
      /**
       * Where browsers reach that server, when not at `host`: behind a load
       * balancer the API publishes to `soketi:6001` but pusher-js connects to
       * the public name (PUSHER_CLIENT_HOST/PORT/USE_TLS; GET /pusher/config).
       */
      client?: { host: string; port: number | undefined; useTLS: boolean };
    };

/** Apollo Studio (docs/operations.md, "Apollo Studio"): usage reporting, and schema reporting when asked for. */
export interface ApolloStudioConfig {
  /** APOLLO_KEY: the graph API key. */
  key: string;
  /** APOLLO_GRAPH_REF: `graph-id@variant`. */
  graphRef: string;
  /** APOLLO_SCHEMA_REPORTING=true: the running schema is reported to Studio at start-up. */
  schemaReporting: boolean;
  /** APOLLO_USAGE_REPORTING_URL: where usage reports go (a proxy, or a test's receiver); Apollo's own otherwise. */
  usageReportingUrl: string | undefined;
  /** APOLLO_SCHEMA_REPORTING_URL: where schema reports go; Apollo's own otherwise. */
  schemaReportingUrl: string | undefined;
}

type AuthConfig =
  | { kind: 'secret'; secret: string | undefined /* undefined: generated and kept in DATA_DIR */ }
  | { kind: 'jwks'; jwksUrl: string };

export interface Config {
  nodeEnv: string;
  isProduction: boolean;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Starts every Redis key and channel name (REDIS_PREFIX): deployments sharing one Redis keep apart. */
  redisPrefix: string;
  pusher: PusherTarget;
  /** '' (public channels, as the original) or 'private-' (then /pusher/auth authorizes). */
  channelPrefix: '' | 'private-';
  /** PUSHER_PRESENCE_CHANNELS=true: detail channels are `presence-` channels (members = who has the screen open). */
  presenceChannels: boolean;
  auth: AuthConfig;
  logLevel: LogLevel;
  /** GRAPHQL_INTROSPECTION: introspection answered (default: outside production only). */
  introspection: boolean;
  /** Set when APOLLO_KEY and APOLLO_GRAPH_REF are. */
  apollo: ApolloStudioConfig | undefined;
  /** Depth, aliases, directives, tokens and cost every GraphQL operation must stay within. */
  operationLimits: OperationLimits;
  /** Operations one graphql-ws socket may have open at once. */
  maxSubscriptionsPerSocket: number;
  /** What one user (all of their tokens) may hold and spend (docs/operations.md, "Per-token budgets"). */
  tokenBudgets: TokenBudgetLimits;
  relay: RelayTuning;
  /** Delivered outbox events older than this are pruned (milliseconds). */
  outboxRetentionMs: number;
  collaboration: CollaborationTiming;
  /** The API's address as browsers reach it (PUBLIC_URL, no trailing slash), for the URLs /pusher/config returns. */
  publicUrl: string | undefined;
  /** Believe X-Forwarded-Proto/Host (TRUST_PROXY=true): only behind a proxy that sets them. */
  trustProxy: boolean;
  /**
   * METRICS_TOKEN: /metrics answers only `Authorization: Bearer <token>`. Unset: /metrics is open
   * outside production and answers 404 in production (docs/operations.md, "Metrics").
   */
  metricsToken: string | undefined;
  /** What the built-in Pusher endpoint lets clients hold (docs/pusher-server.md, "Connection and channel quotas"). */
  pusherQuotas: PusherQuotas;
}

/** The built-in Pusher endpoint's quotas, per instance. */
interface PusherQuotas {
  /** Channels one WebSocket connection may be subscribed to at once. */
  maxChannelsPerConnection: number;
  /** Open connections from one client address (X-Forwarded-For's first address with TRUST_PROXY). */
  maxConnectionsPerAddress: number;
  /** Open connections in all, for the one app. */
  maxConnections: number;
}

/** Presence, editing locks and idempotency keys (docs/collaboration.md): durations in milliseconds. */
export interface CollaborationTiming {
  /** A presence not renewed for this long ends (HTTP joins; connections are renewed by their instance). */
  presenceHeartbeatMs: number;
  /** An editing lock not renewed for this long expires. */
  lineLockTtlMs: number;
  /** How many editing locks one user may hold on one stocktake; taking one more releases their oldest. */
  lineLocksPerUser: number;
  /** Idempotency keys are kept this long. */
  idempotencyRetentionMs: number;
}

/** Per-user budgets: a cost rate over every request and replay, and caps on what is held open. */
export interface TokenBudgetLimits {
  /** Cost units (COST_UNIT_MICROSECONDS of server CPU each) one user may spend per second, sustained. */
  costPerSecond: number;
  /** graphql-ws connections one user may have open on one instance. */
  maxConnections: number;
  /** graphql-ws operations one user may have open on one instance, over all their connections. */
  maxSubscriptions: number;
  /** Presence sessions (stocktake × tab or device) one user may hold, over every instance. */
  maxPresenceSessions: number;
}

interface RelayTuning {
  /** Publish requests to Pusher in flight at once (never two of one channel). */
  concurrency: number;
  /** The relay's own deadline for a whole publish, headers and body. */
  requestTimeoutMs: number;
}

/** The defaults, also what `loadConfig({})` returns. */
const DEFAULTS = {
  maxSubscriptionsPerSocket: 20,
  /**
   * 20,000 units of 10 µs a second: a fifth of a core as priced, and at most a quarter as measured (a
   * flood of one user's heaviest documents from eight connections; docs/performance.md, "Cost calibration").
   */
  tokenBudgets: { costPerSecond: 20_000, maxConnections: 10, maxSubscriptions: 100, maxPresenceSessions: 20 },
  relay: { concurrency: 16, requestTimeoutMs: 5_000 },
  pusherQuotas: { maxChannelsPerConnection: 100, maxConnectionsPerAddress: 100, maxConnections: 10_000 },
  outboxRetentionMs: 7 * 24 * 60 * 60 * 1000,
  collaboration: {
    presenceHeartbeatMs: 60_000,
    lineLockTtlMs: 30_000,
    lineLocksPerUser: 1,
    idempotencyRetentionMs: 24 * 60 * 60 * 1000,
  },
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Every environment variable `loadConfig` reads, and the only names it can read (`get` takes a
 * `Setting`). docs/configuration.md documents exactly these: test/unit/config-documented.test.ts
 * fails when the two lists differ.
 */
export const SETTINGS = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'DATA_DIR',
  'PUBLIC_URL',
  'TRUST_PROXY',
  'METRICS_TOKEN',
  'REDIS_URL',
  'REDIS_PREFIX',
  'PUSHER_APP_ID',
  'PUSHER_KEY',
  'PUSHER_SECRET',
  'PUSHER_CLUSTER',
  'PUSHER_HOST',
  'PUSHER_PORT',
  'PUSHER_USE_TLS',
  'PUSHER_CLIENT_HOST',
  'PUSHER_CLIENT_PORT',
  'PUSHER_CLIENT_USE_TLS',
  'PUSHER_CHANNEL_PREFIX',
  'PUSHER_PRESENCE_CHANNELS',
  'PUSHER_MAX_CHANNELS_PER_CONNECTION',
  'PUSHER_MAX_CONNECTIONS_PER_ADDRESS',
  'PUSHER_MAX_CONNECTIONS',
  'AUTH_JWT_SECRET',
  'AUTH_JWKS_URL',
  'LOG_LEVEL',
  'GRAPHQL_INTROSPECTION',
  'GRAPHQL_MAX_DEPTH',
  'GRAPHQL_MAX_ALIASES',
  'GRAPHQL_MAX_DIRECTIVES',
  'GRAPHQL_MAX_TOKENS',
  'GRAPHQL_MAX_COST',
  'GRAPHQL_WS_MAX_SUBSCRIPTIONS',
  'TOKEN_COST_PER_SECOND',
  'TOKEN_MAX_CONNECTIONS',
  'TOKEN_MAX_SUBSCRIPTIONS',
  'TOKEN_MAX_PRESENCE_SESSIONS',
  'RELAY_CONCURRENCY',
  'PUSHER_TIMEOUT_MS',
  'OUTBOX_RETENTION',
  'PRESENCE_HEARTBEAT',
  'LINE_LOCK_TTL',
  'LINE_LOCKS_PER_USER',
  'IDEMPOTENCY_RETENTION',
  'APOLLO_KEY',
  'APOLLO_GRAPH_REF',
  'APOLLO_SCHEMA_REPORTING',
  'APOLLO_USAGE_REPORTING_URL',
  'APOLLO_SCHEMA_REPORTING_URL',
] as const;

type Setting = (typeof SETTINGS)[number];

/** A setting's trimmed value; undefined when unset or empty. */
type Getter = (name: Setting) => string | undefined;

/** Reads `.env` (when present) into process.env without overriding what is already set. */
export function loadDotEnv(file = path.resolve('.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** `postgres://host:5432` or `postgres://host:5432/`: a server, but no database on it. */
function namesNoDatabase(databaseUrl: string): boolean {
  try {
    return /^\/?$/.test(new URL(databaseUrl).pathname);
  } catch {
    return false;
  }
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const get: Getter = (name) => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };

  const nodeEnv = get('NODE_ENV') ?? 'development';
  const isProduction = nodeEnv === 'production';

  const port = parsePort('PORT', get('PORT') ?? '4000', problems);

  const databaseUrl = get('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  } else if (databaseUrl !== undefined && namesNoDatabase(databaseUrl)) {
    // Caught here, not by the driver: MikroORM would stop with a stack trace (docs/operations.md, "Start-up problems").
    problems.push(
      'DATABASE_URL names no database: add its name after the server, as in postgres://USER:PASSWORD@HOST:5432/stocktake',
    );
  }

  const redisUrl = get('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    problems.push('REDIS_URL must be a redis:// or rediss:// URL');
  }

  const redisPrefix = get('REDIS_PREFIX') ?? 'stocktake-live:';
  if (!/^[A-Za-z0-9:._-]{1,64}$/.test(redisPrefix)) {
    problems.push(`REDIS_PREFIX must be 1 to 64 letters, digits or :._- (got "${redisPrefix}")`);
  }

  const logLevel = (get('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push('LOG_LEVEL must be one of debug, info, warn, error');
  }

  const prefix = get('PUSHER_CHANNEL_PREFIX') ?? '';
  if (prefix !== '' && prefix !== 'private-') {
    problems.push('PUSHER_CHANNEL_PREFIX must be empty or "private-"');
  }

  const flag = (name: Setting, fallback: boolean) => parseFlag(name, get(name), fallback, problems);
  const presenceChannels = flag('PUSHER_PRESENCE_CHANNELS', false);
  const introspection = flag('GRAPHQL_INTROSPECTION', !isProduction);

  const pusher = parsePusher(get, problems);
  const auth = parseAuth(get, isProduction, problems);
  const count = (name: Setting, fallback: number, max: number) => parseCount(name, get(name), fallback, max, problems);
  const operationLimits: OperationLimits = {
    maxDepth: count('GRAPHQL_MAX_DEPTH', DEFAULT_OPERATION_LIMITS.maxDepth, 100),
    maxAliases: count('GRAPHQL_MAX_ALIASES', DEFAULT_OPERATION_LIMITS.maxAliases, 1_000),
    maxDirectives: count('GRAPHQL_MAX_DIRECTIVES', DEFAULT_OPERATION_LIMITS.maxDirectives, 1_000),
    maxTokens: count('GRAPHQL_MAX_TOKENS', DEFAULT_OPERATION_LIMITS.maxTokens, 1_000_000),
    maxCost: count('GRAPHQL_MAX_COST', DEFAULT_OPERATION_LIMITS.maxCost, 100_000_000),
  };
  const maxSubscriptionsPerSocket = count('GRAPHQL_WS_MAX_SUBSCRIPTIONS', DEFAULTS.maxSubscriptionsPerSocket, 10_000);
  const tokenBudgets: TokenBudgetLimits = {
    costPerSecond: count('TOKEN_COST_PER_SECOND', DEFAULTS.tokenBudgets.costPerSecond, 100_000_000),
    maxConnections: count('TOKEN_MAX_CONNECTIONS', DEFAULTS.tokenBudgets.maxConnections, 100_000),
    maxSubscriptions: count('TOKEN_MAX_SUBSCRIPTIONS', DEFAULTS.tokenBudgets.maxSubscriptions, 1_000_000),
    maxPresenceSessions: count('TOKEN_MAX_PRESENCE_SESSIONS', DEFAULTS.tokenBudgets.maxPresenceSessions, 100_000),
  };
  const relay: RelayTuning = {
    concurrency: count('RELAY_CONCURRENCY', DEFAULTS.relay.concurrency, 64),
    requestTimeoutMs: count('PUSHER_TIMEOUT_MS', DEFAULTS.relay.requestTimeoutMs, 600_000),
  };
  const duration = (name: Setting, fallback: number) => parseDuration(name, get(name), fallback, problems);
  const outboxRetentionMs = duration('OUTBOX_RETENTION', DEFAULTS.outboxRetentionMs);
  const collaboration: CollaborationTiming = {
    presenceHeartbeatMs: duration('PRESENCE_HEARTBEAT', DEFAULTS.collaboration.presenceHeartbeatMs),
    lineLockTtlMs: duration('LINE_LOCK_TTL', DEFAULTS.collaboration.lineLockTtlMs),
    // A small cap, so that no one user can block a count (docs/collaboration.md, "Editing locks").
    lineLocksPerUser: count('LINE_LOCKS_PER_USER', DEFAULTS.collaboration.lineLocksPerUser, 10),
    idempotencyRetentionMs: duration('IDEMPOTENCY_RETENTION', DEFAULTS.collaboration.idempotencyRetentionMs),
  };
  const publicUrl = parsePublicUrl(get('PUBLIC_URL'), problems);
  const trustProxy = flag('TRUST_PROXY', false);
  const metricsToken = get('METRICS_TOKEN');
  if (metricsToken !== undefined && !/^[\x21-\x7e]{16,}$/.test(metricsToken)) {
    problems.push('METRICS_TOKEN must be 16 or more printable characters without spaces');
  }
  const pusherQuotas: PusherQuotas = {
    maxChannelsPerConnection: count(
      'PUSHER_MAX_CHANNELS_PER_CONNECTION',
      DEFAULTS.pusherQuotas.maxChannelsPerConnection,
      100_000,
    ),
    maxConnectionsPerAddress: count(
      'PUSHER_MAX_CONNECTIONS_PER_ADDRESS',
      DEFAULTS.pusherQuotas.maxConnectionsPerAddress,
      1_000_000,
    ),
    maxConnections: count('PUSHER_MAX_CONNECTIONS', DEFAULTS.pusherQuotas.maxConnections, 10_000_000),
  };
  const apollo = parseApollo(get, flag, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    nodeEnv,
    isProduction,
    port,
    databaseUrl,
    dataDir: path.resolve(get('DATA_DIR') ?? '.data'),
    redisUrl,
    redisPrefix,
    pusher,
    channelPrefix: prefix as Config['channelPrefix'],
    presenceChannels,
    auth,
    logLevel,
    introspection,
    apollo,
    operationLimits,
    maxSubscriptionsPerSocket,
    tokenBudgets,
    relay,
    outboxRetentionMs,
    collaboration,
    publicUrl,
    trustProxy,
    metricsToken,
    pusherQuotas,
  };
}

function parseFlag(name: Setting, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined) return fallback;
  if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false (got "${raw}")`);
  return raw === 'true';
}

function parseApollo(
  get: Getter,
  flag: (name: Setting, fallback: boolean) => boolean,
  problems: string[],
): ApolloStudioConfig | undefined {
  const key = get('APOLLO_KEY');
  const graphRef = get('APOLLO_GRAPH_REF');
  const schemaReporting = flag('APOLLO_SCHEMA_REPORTING', false);
  const url = (name: Setting) => {
    const value = get(name);
    if (value !== undefined && !/^https?:\/\/[^\s]+$/.test(value)) problems.push(`${name} must be an http(s) URL`);
    return value;
  };
  const usageReportingUrl = url('APOLLO_USAGE_REPORTING_URL');
  const schemaReportingUrl = url('APOLLO_SCHEMA_REPORTING_URL');
  if (key === undefined && graphRef === undefined) {
    const orphans = (
      ['APOLLO_SCHEMA_REPORTING', 'APOLLO_USAGE_REPORTING_URL', 'APOLLO_SCHEMA_REPORTING_URL'] as const
    ).filter((name) => get(name) !== undefined);
    if (orphans.length > 0) problems.push(`${orphans.join(', ')} need APOLLO_KEY and APOLLO_GRAPH_REF`);
    return undefined;
  }
  if (key === undefined || graphRef === undefined) {
    problems.push('APOLLO_KEY and APOLLO_GRAPH_REF go together (Apollo Studio): set both or neither');
    return undefined;
  }
  if (!/^[A-Za-z0-9_-]+(@[A-Za-z0-9_.-]+)?$/.test(graphRef)) {
    problems.push(`APOLLO_GRAPH_REF must be graph-id@variant (got "${graphRef}")`);
  }
  return { key, graphRef, schemaReporting, usageReportingUrl, schemaReportingUrl };
}

/** An http(s) origin, optionally with a path prefix; returned without a trailing slash. */
function parsePublicUrl(raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    problems.push(`PUBLIC_URL must be the API's http(s) address, e.g. https://api.example.com (got "${raw}")`);
    return undefined;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseCount(name: Setting, raw: string | undefined, fallback: number, max: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    problems.push(`${name} must be a whole number from 1 to ${max} (got "${raw}")`);
    return fallback;
  }
  return value;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `7d`, `12h`, `30m`, `90s` or `500ms`. */
function parseDuration(name: Setting, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(raw);
  const value = match ? Number(match[1]) * DURATION_UNITS[match[2]!]! : 0;
  if (!match || value < 1) {
    problems.push(`${name} must be a duration such as 7d, 12h, 30m or 90s (got "${raw}")`);
    return fallback;
  }
  return value;
}

function parsePort(name: Setting, raw: string, problems: string[]): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 65535) {
    problems.push(`${name} must be a port number between 0 and 65535 (got "${raw}")`);
    return 0;
  }
  return value;
}

function parsePusher(get: Getter, problems: string[]): PusherTarget {
  const credentialNames = ['PUSHER_APP_ID', 'PUSHER_KEY', 'PUSHER_SECRET'] as const;
  const given = credentialNames.filter((name) => get(name) !== undefined);
  const locationGiven = (['PUSHER_CLUSTER', 'PUSHER_HOST', 'PUSHER_PORT'] as const).some((n) => get(n) !== undefined);
  if (given.length === 0) {
    if (locationGiven)
      problems.push('PUSHER_CLUSTER/PUSHER_HOST/PUSHER_PORT need PUSHER_APP_ID, PUSHER_KEY and PUSHER_SECRET');
    return { kind: 'built-in' };
  }
  for (const name of credentialNames) {
    if (get(name) === undefined) problems.push(`${name} is required when any Pusher credential is set`);
  }
  const appId = get('PUSHER_APP_ID') ?? '';
  const key = get('PUSHER_KEY') ?? '';
  const secret = get('PUSHER_SECRET') ?? '';
  const cluster = get('PUSHER_CLUSTER');
  const host = get('PUSHER_HOST');
  if (cluster === undefined && host === undefined) {
    // Credentials alone: the built-in endpoint with them instead of the database's generated ones
    // (e.g. a key frontends already hold). Settings of another server would be ignored: refused.
    const elsewhere = (
      ['PUSHER_PORT', 'PUSHER_USE_TLS', 'PUSHER_CLIENT_HOST', 'PUSHER_CLIENT_PORT', 'PUSHER_CLIENT_USE_TLS'] as const
    ).filter((name) => get(name) !== undefined);
    if (elsewhere.length > 0)
      problems.push(
        `${elsewhere.join('/')} need PUSHER_HOST (Pusher-compatible server) or PUSHER_CLUSTER (hosted Pusher); with credentials alone the built-in endpoint uses them`,
      );
    return { kind: 'built-in', credentials: { appId, key, secret } };
  }
  const rawPort = get('PUSHER_PORT');
  const port = rawPort === undefined ? undefined : parsePort('PUSHER_PORT', rawPort, problems);
  const tls = get('PUSHER_USE_TLS') ?? 'true';
  if (!['true', 'false'].includes(tls)) problems.push('PUSHER_USE_TLS must be true or false');
  const client = parsePusherClient(get, tls === 'true', problems);
  return {
    kind: 'external',
    appId,
    key,
    secret,
    cluster,
    host,
    port,
    useTLS: tls === 'true',
    ...(client ? { client } : {}),
  };
}

function parsePusherClient(
  get: Getter,
  serverTLS: boolean,
  problems: string[],
): { host: string; port: number | undefined; useTLS: boolean } | undefined {
  const host = get('PUSHER_CLIENT_HOST');
  const rawPort = get('PUSHER_CLIENT_PORT');
  const tls = get('PUSHER_CLIENT_USE_TLS');
  if (host === undefined) {
    if (rawPort !== undefined || tls !== undefined)
      problems.push('PUSHER_CLIENT_PORT and PUSHER_CLIENT_USE_TLS need PUSHER_CLIENT_HOST');
    return undefined;
  }
  if (tls !== undefined && !['true', 'false'].includes(tls))
    problems.push('PUSHER_CLIENT_USE_TLS must be true or false');
  return {
    host,
    port: rawPort === undefined ? undefined : parsePort('PUSHER_CLIENT_PORT', rawPort, problems),
    useTLS: tls === undefined ? serverTLS : tls === 'true',
  };
}

function parseAuth(get: Getter, isProduction: boolean, problems: string[]): AuthConfig {
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
