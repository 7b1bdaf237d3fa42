/**
 * Composition root: wires the database, the domain services, the outbox,
 * the event bus, the Pusher relay and endpoints, the GraphQL schema and the
 * server together. `main.ts` and the tests both start the product through
 * here, so tests run exactly what users run.
 *
 *   mutation ─ transaction ─┬─ change
 *                           └─ outbox rows (per channel, sequenced)
 *            after commit ──┬─ event bus ── graphql-ws subscriptions
 *                           └─ wake ─ Pusher relay ── Pusher / built-in endpoint ── pusher-js
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { createServices } from '../domain/services';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from '../graphql/operation-limits';
import { createSchema } from '../graphql/schema';
import { InProcessEventBus, type EventBus } from '../realtime/event-bus';
import { OutboxJournal } from '../realtime/outbox/outbox-journal';
import { OutboxRetention } from '../realtime/outbox/outbox-retention';
import { OutboxStore } from '../realtime/outbox/outbox-store';
import { LeaderLock } from '../realtime/pusher-relay/leader-lock';
import { DeadlinePublisher, createPusherClient, type PusherCredentials } from '../realtime/pusher-relay/publisher';
import { PusherRelay, type RelayOptions } from '../realtime/pusher-relay/pusher-relay';
import { PusherCompatibleServer, type PusherServerOptions } from '../realtime/pusher-server';
import { RealtimeService } from '../realtime/realtime-service';
import { createTokenVerifier, type TokenKey } from './auth/tokens';
import { AppMetrics } from './metrics';
import { DEFAULTS, type PusherTarget, type RelayTuning } from './config';
import { TransactionalUnitOfWork } from './database/transactional-unit-of-work';
import { pusherRoutes, type PusherClientSettings } from './http/pusher-routes';
import type { Logger } from './logger';
import { startServer, type Readiness, type RunningServer } from './http/server';

export interface AppOptions {
  orm: MikroORM;
  /** Used by the relay's leader lock (a connection of its own). */
  databaseUrl: string;
  port: number;
  host?: string;
  /** The API's address as browsers reach it (PUBLIC_URL); otherwise taken from each request. */
  publicUrl?: string;
  /** Believe X-Forwarded-Proto/Host (TRUST_PROXY). */
  trustProxy?: boolean;
  isProduction: boolean;
  tokenKey: TokenKey;
  pusher: PusherTarget;
  /** Credentials of the built-in endpoint, used when `pusher` is built-in. */
  builtInPusher: { appId: string; key: string; secret: string };
  channelPrefix: '' | 'private-';
  log: Logger;
  operationLimits?: OperationLimits;
  maxSubscriptionsPerSocket?: number;
  relay?: Partial<RelayTuning>;
  /** Finer relay timing (tests use short polls and backoffs). */
  relayTiming?: Partial<
    Pick<
      RelayOptions,
      | 'pollIntervalMs'
      | 'backoffBaseMs'
      | 'backoffMaxMs'
      | 'pauseBaseMs'
      | 'pauseMaxMs'
      | 'maxEventAgeMs'
      | 'stopGraceMs'
    >
  >;
  outboxRetentionMs?: number;
  /** Seams of the built-in Pusher endpoint (tests inject faults and observe publishes). */
  pusherServerHooks?: Pick<PusherServerOptions, 'beforePublish' | 'onPublished' | 'maxEventBytes'>;
}

export interface RunningApp extends RunningServer {
  bus: EventBus;
  metrics: AppMetrics;
  relay: PusherRelay;
  retention: OutboxRetention;
  /** Present when no Pusher credentials are configured. */
  pusherServer: PusherCompatibleServer | undefined;
  /** The pusher-js settings GET /pusher/config returns to a client that reached the API at `apiUrl`. */
  pusherSettings(apiUrl?: string): PusherClientSettings;
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { orm, log } = options;
  const tuning: RelayTuning = { ...DEFAULTS.relay, ...options.relay };
  const metrics = new AppMetrics();
  const bus = new InProcessEventBus();
  const store = new OutboxStore(orm);
  let relay: PusherRelay | undefined;
  const journal = new OutboxJournal(store, (events) => {
    metrics.busMessages.inc(events.length);
    bus.publish(events);
    relay?.wake();
  });
  const services = createServices(new TransactionalUnitOfWork(orm, journal));
  const verifyToken = createTokenVerifier(options.tokenKey);
  const realtime = new RealtimeService({
    orm,
    store,
    bus,
    relay: () => relay!,
    onGapFill: () => metrics.gapFills.inc(),
  });

  const builtIn = options.pusher.kind === 'built-in';
  const credentials: Omit<PusherCredentials, 'host' | 'port'> & Partial<PusherCredentials> = builtIn
    ? { ...options.builtInPusher, useTLS: false }
    : (options.pusher as Extract<PusherTarget, { kind: 'external' }>);
  const pusherServer = builtIn
    ? new PusherCompatibleServer({ ...options.builtInPusher, log, ...options.pusherServerHooks })
    : undefined;

  let port = 0;
  const pusherSettings = (apiUrl?: string): PusherClientSettings => {
    const authEndpoint = `${apiUrl ?? `http://127.0.0.1:${port}`}/pusher/auth`;
    const channelAuthorization = { endpoint: authEndpoint, transport: 'ajax' as const };
    if (builtIn) {
      // pusher-js connects where the browser reached the API (through a proxy, its public host and port).
      const api = apiUrl ? new URL(apiUrl) : undefined;
      const tls = api?.protocol === 'https:';
      return {
        key: credentials.key,
        cluster: 'mt1',
        wsHost: api?.hostname ?? '127.0.0.1',
        wsPort: api ? Number(api.port || (tls ? 443 : 80)) : port,
        forceTLS: tls,
        authEndpoint,
        channelAuthorization,
      };
    }
    if (credentials.host)
      return {
        key: credentials.key,
        cluster: credentials.cluster ?? 'mt1',
        wsHost: credentials.host,
        wsPort: credentials.port,
        forceTLS: credentials.useTLS,
        authEndpoint,
        channelAuthorization,
      };
    return {
      key: credentials.key,
      cluster: credentials.cluster ?? 'mt1',
      forceTLS: true,
      authEndpoint,
      channelAuthorization,
    };
  };

  const readiness = async (): Promise<Readiness> => {
    const database = await databaseAnswers(orm);
    const relayHealth = relay?.health() ?? { ok: false, detail: 'not started' };
    return { ready: database.ok && relayHealth.ok, checks: { database, relay: relayHealth } };
  };

  const server = await startServer({
    port: options.port,
    host: options.host,
    trustProxy: options.trustProxy,
    isProduction: options.isProduction,
    schema: await createSchema(),
    limits: options.operationLimits ?? DEFAULT_OPERATION_LIMITS,
    maxSubscriptionsPerSocket: options.maxSubscriptionsPerSocket ?? DEFAULTS.maxSubscriptionsPerSocket,
    readiness,
    orm,
    services,
    realtime,
    verifyToken,
    routers: [
      ...(pusherServer ? [pusherServer.httpRouter] : []),
      pusherRoutes({
        settings: pusherSettings,
        publicUrl: options.publicUrl,
        channelPrefix: options.channelPrefix,
        pusher: createPusherClient(credentials),
        verifyToken,
      }),
    ],
    upgradeHandlers: pusherServer ? [(request, socket, head) => pusherServer.handleUpgrade(request, socket, head)] : [],
    metrics,
    log,
  });
  port = server.port;

  // The built-in endpoint is reached through the same SDK code path as hosted Pusher.
  const relayTarget: PusherCredentials = builtIn
    ? { ...credentials, host: '127.0.0.1', port: server.port }
    : credentials;
  const publisher = new DeadlinePublisher(relayTarget, tuning.concurrency, tuning.requestTimeoutMs);
  relay = new PusherRelay({
    store,
    publisher,
    requestTimeoutMs: tuning.requestTimeoutMs,
    channelPrefix: options.channelPrefix,
    leader: new LeaderLock(options.databaseUrl, log),
    observer: metrics.relayObserver,
    log,
    ...options.relayTiming,
  });
  relay.start();
  const retention = new OutboxRetention(store, {
    retentionMs: options.outboxRetentionMs ?? DEFAULTS.outboxRetentionMs,
    shouldRun: () => relay.leader,
    log,
  });
  retention.start();
  metrics.attach({
    graphqlWsConnections: () => server.graphqlWs.connectionCount(),
    graphqlWsOperations: () => server.graphqlWs.operationCount(),
    pusherConnections: () => pusherServer?.connectionCount() ?? 0,
    pusherSubscriptions: async () =>
      [...((await pusherServer?.channelInfo())?.values() ?? [])].reduce(
        (sum, channel) => sum + channel.subscriptionCount,
        0,
      ),
    outbox: () => store.overallStatus(),
  });

  return {
    ...server,
    bus,
    metrics,
    relay,
    retention,
    pusherServer,
    pusherSettings,
    async close() {
      await server.close();
      await retention.stop();
      await relay.stop();
      publisher.close();
      await pusherServer?.close();
      await bus.close();
    },
  };
}

/** The database answers `select 1` within a second. */
async function databaseAnswers(orm: MikroORM): Promise<{ ok: boolean; detail?: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: 'no answer within 1 s' }), 1_000);
  });
  try {
    return await Promise.race([
      orm.em
        .getConnection()
        .execute('select 1')
        .then(() => ({ ok: true })),
      timeout,
    ]);
  } catch {
    return { ok: false, detail: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
