/**
 * The real product for a test file: its own database (a copy of the run's
 * migrated template holding the fixtures: template-database.ts), the app
 * started on a free port, and a GraphQL client speaking plain HTTP to it with
 * typed documents from codegen.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { print, type GraphQLFormattedError } from 'graphql';
import type { Role } from '../../src/domain/viewer';
import { startApp, type AppSeams, type RedisTuning, type RunningApp } from '../../src/infrastructure/app';
import { signToken } from '../../src/infrastructure/auth/tokens';
import { migratedOrm } from '../../src/infrastructure/database/database';
import type { ScratchDatabase } from '../../src/infrastructure/database/scratch-database';
import { loadConfig, type LogLevel } from '../../src/infrastructure/config';
import { createLogger, silentLogger, type Logger } from '../../src/infrastructure/logger';
import { HOTEL, seedFixtures } from './fixtures';
import { startPusherEndpoint } from './pusher-endpoint';
import { PusherFaults } from './pusher-faults';
import { copyOfTemplate } from './template-database';

export const JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
}

export interface TestApp {
  url: string;
  /** The app's database (another instance can be started on it with `database: { url }`). */
  databaseUrl: string;
  /** Faults and publish log of the Pusher endpoint the app's relay publishes to (none with `pusher: 'built-in'`). */
  faults: PusherFaults;
  port: number;
  /** Where pusher-js connects: the test's Pusher endpoint, or the app itself with `pusher: 'built-in'`. */
  pusherPort: number;
  orm: MikroORM;
  app: RunningApp;
  /** A token for `user` with the given hotel roles (default: manager of the fixture hotel). */
  token(options?: { user?: string; name?: string; hotels?: Record<string, Role> }): Promise<string>;
  graphql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<TData>>;
  /** A raw POST to /graphql (any body, any headers): for requests a typed document cannot express. */
  post(
    body: string | object,
    options?: { token?: string | null; headers?: Record<string, string> },
  ): Promise<RawResponse>;
  /** Stops the server (as a dying instance would) but keeps its database for the others. */
  stopApp(): Promise<void>;
  close(): Promise<void>;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON. */
  json: { data?: unknown; errors?: GraphQLFormattedError[] } | undefined;
}

/** A raw POST of `body` to a GraphQL URL, with a bearer token when given: what `post` of a test app or shipped server sends. */
export async function postGraphql(
  url: string,
  body: string | object,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: RawResponse['json'];
  try {
    json = JSON.parse(text) as RawResponse['json'];
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Silent, unless TEST_LOG names a level (e.g. TEST_LOG=debug npx jest …) to see what the server logs. */
export function testLogger(): Logger {
  const level = process.env.TEST_LOG as LogLevel | undefined;
  return level ? createLogger(level) : silentLogger;
}

/** The built-in Pusher endpoint's credentials in tests. */
export const PUSHER = { appId: 'test-app', key: 'test-key', secret: 'test-pusher-secret' };

/** What every test app's environment holds unless a test says otherwise. */
const BASE_ENV: Record<string, string> = {
  PORT: '0',
  AUTH_JWT_SECRET: JWT_SECRET,
  // Short enough that a stalled publish is given up within a test.
  PUSHER_TIMEOUT_MS: '1000',
  // One manager token here does a whole team's work, as fast as the machine allows: far past one person's share of
  // the server. test/token-budgets.test.ts sets its own budgets; spawned servers (shipped-settings) keep the default.
  TOKEN_COST_PER_SECOND: '100000000',
};

export interface TestAppOptions {
  /**
   * Settings, as environment variables: they go through `loadConfig` as the product's own do, so a
   * test configures the app exactly as an operator would (on top of BASE_ENV; DATABASE_URL is the
   * test's database).
   */
  env?: Record<string, string>;
  /**
   * An existing database (another instance of the same deployment), given the fixtures with `seed`; default: a
   * fresh copy of the run's template (migrated, with the fixtures).
   */
  database?: { url: string; seed?: boolean };
  /** The server's logger (default: silent, or TEST_LOG). */
  log?: Logger;
  /** Fan-out across instances through Redis (see test/support/redis.ts): REDIS_URL, and a key prefix of the test's own. */
  redis?: { url: string; prefix: string } & RedisTuning;
  /** Test seams no setting reaches: graphql-ws ping interval, relay timing. */
  graphqlWsKeepAliveMs?: number;
  relayTiming?: AppSeams['relayTiming'];
  outboxPruneIntervalMs?: number;
  commitNotices?: AppSeams['commitNotices'];
  /**
   * Which Pusher the app uses. By default, a Pusher-compatible endpoint of the test's own standing in for hosted
   * Pusher (the relay publishes there, with `faults` in front); with `'built-in'`, the app's built-in endpoint, fed
   * from the channel streams with no relay. PUSHER_* settings in `env` name an endpoint the test started itself.
   */
  pusher?: 'built-in';
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database: ScratchDatabase | null = options.database ? null : await copyOfTemplate('stocktake_test');
  const databaseUrl = options.database?.url ?? database!.url;
  // An app id of this app's own: a relay of another test app still publishing to a port this endpoint now holds
  // (its own endpoint gone) is refused, rather than handing this test's clients events of another database.
  const external =
    options.pusher === 'built-in' || options.env?.PUSHER_APP_ID
      ? undefined
      : await startPusherEndpoint({ ...PUSHER, appId: `${PUSHER.appId}-${randomBytes(4).toString('hex')}` });
  const config = loadConfig({
    ...BASE_ENV,
    ...external?.env,
    DATABASE_URL: databaseUrl,
    ...(options.redis ? { REDIS_URL: options.redis.url, REDIS_PREFIX: options.redis.prefix } : {}),
    ...options.env,
  });
  // As the product opens its database: migrations first (none are pending on a copy of the template).
  const orm = await migratedOrm(databaseUrl, silentLogger);
  if (options.database?.seed) await seedFixtures(orm);
  const faults = external?.faults ?? new PusherFaults();
  const app = await startApp(
    config,
    {
      orm,
      databaseUrl,
      tokenKey: { kind: 'secret', secret: JWT_SECRET },
      builtInPusher: PUSHER,
      log: options.log ?? testLogger(),
    },
    {
      host: '127.0.0.1',
      graphqlWsKeepAliveMs: options.graphqlWsKeepAliveMs,
      relayTiming: {
        pollIntervalMs: 50,
        backoffBaseMs: 20,
        backoffMaxMs: 200,
        pauseBaseMs: 300,
        pauseMaxMs: 1_200,
        ...options.relayTiming,
      },
      redis: options.redis && {
        checkIntervalMs: options.redis.checkIntervalMs,
        heartbeatMs: options.redis.heartbeatMs,
      },
      outboxPruneIntervalMs: options.outboxPruneIntervalMs,
      commitNotices: options.commitNotices,
    },
  );
  let stopping: Promise<void> | undefined;
  const managerToken = await signToken(JWT_SECRET, {
    userId: 'manager-1',
    name: 'Mary Manager',
    hotels: { [HOTEL]: 'manager' },
  });

  return {
    url: app.url,
    databaseUrl,
    faults,
    port: app.port,
    pusherPort: external?.port ?? app.port,
    orm,
    app,
    token: (options = {}) =>
      signToken(JWT_SECRET, {
        userId: options.user ?? 'manager-1',
        name: options.name ?? 'Mary Manager',
        hotels: options.hotels ?? { [HOTEL]: 'manager' },
      }),
    async graphql(document, variables, options = {}) {
      const token = options.token === undefined ? managerToken : options.token;
      const response = await fetch(app.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: GraphQLFormattedError[] };
      return { status: response.status, data: body.data, errors: body.errors };
    },
    async post(body, options = {}) {
      const token = options.token === undefined ? managerToken : options.token;
      return postGraphql(app.url, body, token, options.headers);
    },
    stopApp() {
      stopping ??= app.close();
      return stopping;
    },
    async close() {
      faults.clear();
      stopping ??= app.close();
      await stopping;
      await external?.close();
      await orm.close();
      await database?.drop();
    },
  };
}
