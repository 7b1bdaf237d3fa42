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
 *
 * With `redis` (REDIS_URL), the event bus, the relay's wake and the built-in
 * endpoint's channel state reach across instances through Redis; without
 * it they stay in this process (docs/realtime.md, "Several instances").
 */
import { randomUUID } from 'node:crypto';
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
import { LIMITS, PusherCompatibleServer, type PusherServerOptions } from '../realtime/pusher-server';
import { RedisChannelAdapter } from '../realtime/pusher-server/adapter/redis-adapter';
import { RealtimeService } from '../realtime/realtime-service';
import { RedisEventBus } from '../realtime/redis-event-bus';
import { RedisSignal } from '../realtime/redis-signal';
import { createTokenVerifier, type TokenKey } from './auth/tokens';
import { AppMetrics } from './metrics';
import { CollaborationUpkeep } from './collaboration-upkeep';
import { DEFAULTS, type CollaborationTiming, type PusherTarget, type RelayTuning } from './config';
import { TransactionalUnitOfWork } from './database/transactional-unit-of-work';
import { demoRoutes } from './http/demo/demo-routes';
import { pusherRoutes, type PusherClientSettings } from './http/pusher-routes';
import type { Logger } from './logger';
import { connectRedis, type RedisConnections } from './redis';
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
  /** Credentials of the built-in endpoint: required when `pusher` is built-in, unused (and not generated) otherwise. */
  builtInPusher?: { appId: string; key: string; secret: string };
  channelPrefix: '' | 'private-';
  /** Detail channels as `presence-` channels (PUSHER_PRESENCE_CHANNELS). */
  presenceChannels?: boolean;
  /** Presence heartbeat, lock TTL and idempotency retention (tests use short ones). */
  collaboration?: Partial<CollaborationTiming>;
  log: Logger;
  operationLimits?: OperationLimits;
  maxSubscriptionsPerSocket?: number;
  /** How often graphql-ws sockets are pinged; one unanswered ping ends a socket (tests use a short one). */
  graphqlWsKeepAliveMs?: number;
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
  /** Fan-out across instances (REDIS_URL); without it, everything stays in this process. */
  redis?: RedisSettings;
  /** Seams of the built-in Pusher endpoint (tests inject faults and observe publishes). */
  pusherServerHooks?: Pick<PusherServerOptions, 'beforePublish' | 'onPublished' | 'maxEventBytes'>;
}

export interface RedisSettings {
  url: string;
  /** Starts every Redis key and channel name: deployments (or test runs) sharing one Redis keep apart. */
  prefix?: string;
  /** How often the event bus compares followed channels with the outbox (default 1000 ms). */
  checkIntervalMs?: number;
  /** How often the built-in endpoint renews its heartbeat and looks for stopped instances (default 5000 ms). */
  heartbeatMs?: number;
}

/** The default prefix of Redis keys and channels. */
export const DEFAULT_REDIS_PREFIX = 'stocktake-live:';

export interface RunningApp extends RunningServer {
  bus: EventBus;
  metrics: AppMetrics;
  relay: PusherRelay;
  retention: OutboxRetention;
  /** Presence renewal and the sweeps of lapsed locks, presences and idempotency keys. */
  collaboration: CollaborationUpkeep;
  /** Names this instance's connections in presence sessions. */
  instanceId: string;
  /** Present when no Pusher credentials are configured. */
  pusherServer: PusherCompatibleServer | undefined;
  /** The pusher-js settings GET /pusher/config returns to a client that reached the API at `apiUrl`. */
  pusherSettings(apiUrl?: string): PusherClientSettings;
}

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { orm, log } = options;
  const tuning: RelayTuning = { ...DEFAULTS.relay, ...options.relay };
  const metrics = new AppMetrics();
  const store = new OutboxStore(orm);
  const instanceId = randomUUID();
  const redisPrefix = options.redis?.prefix ?? DEFAULT_REDIS_PREFIX;
  const redis: RedisConnections | undefined = options.redis ? await connectRedis(options.redis.url, log) : undefined;
  const bus: EventBus = redis
    ? new RedisEventBus({
        pubsub: redis.pubsub,
        instanceId,
        prefix: redisPrefix,
        latestSequences: (channels) => store.latestSequences(channels),
        checkIntervalMs: options.redis?.checkIntervalMs,
        observer: metrics.busObserver,
        log,
      })
    : new InProcessEventBus();
  let relay: PusherRelay | undefined;
  // The relay leader may be another instance: a commit here wakes it there too.
  const relayWake = redis
    ? new RedisSignal({
        pubsub: redis.pubsub,
        trigger: `${redisPrefix}relay-wake`,
        instanceId,
        onSignal: () => relay?.wake(),
        log,
      })
    : undefined;
  await relayWake?.start();
  const journal = new OutboxJournal(store, (events) => {
    // The line that ties a request (its requestId, added by the logger) to the events the relay and bus carry.
    log.info(
      { events: events.map(({ eventId, name, channel, sequence }) => ({ eventId, name, channel, sequence })) },
      'events committed',
    );
    metrics.busMessages.inc(events.length);
    bus.publish(events);
    relay?.wake();
    relayWake?.send();
  });
  const timing: CollaborationTiming = { ...DEFAULTS.collaboration, ...options.collaboration };
  const services = createServices(new TransactionalUnitOfWork(orm, journal), timing);
  const collaboration = new CollaborationUpkeep({ orm, services, instanceId, timing, log });
  const channelPrefixes = {
    list: options.channelPrefix,
    detail: options.presenceChannels ? ('presence-' as const) : options.channelPrefix,
  };
  const verifyToken = createTokenVerifier(options.tokenKey);
  const realtime = new RealtimeService({
    orm,
    store,
    bus,
    relay: () => relay!,
    onGapFill: () => metrics.gapFills.inc(),
  });

  const builtIn = options.pusher.kind === 'built-in' ? options.builtInPusher : undefined;
  if (options.pusher.kind === 'built-in' && !builtIn)
    throw new Error('the built-in Pusher endpoint needs builtInPusher');
  const credentials: Omit<PusherCredentials, 'host' | 'port'> & Partial<PusherCredentials> = builtIn
    ? { ...builtIn, useTLS: false }
    : (options.pusher as Extract<PusherTarget, { kind: 'external' }>);
  const pusherAdapter =
    builtIn && redis
      ? new RedisChannelAdapter({
          redis: redis.commands,
          pubsub: redis.pubsub,
          prefix: redisPrefix,
          instanceId,
          maxPresenceMembers: LIMITS.maxPresenceMembers,
          heartbeatMs: options.redis?.heartbeatMs,
          log,
        })
      : undefined;
  await pusherAdapter?.start();
  const pusherServer = builtIn
    ? new PusherCompatibleServer({ ...builtIn, log, adapter: pusherAdapter, ...options.pusherServerHooks })
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
    const client = options.pusher.kind === 'external' ? options.pusher.client : undefined;
    if (client)
      return {
        key: credentials.key,
        cluster: credentials.cluster ?? 'mt1',
        wsHost: client.host,
        wsPort: client.port,
        forceTLS: client.useTLS,
        authEndpoint,
        channelAuthorization,
      };
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
    // Redis down degrades (events arrive late, from the outbox) but does not stop this instance serving.
    const checks: Readiness['checks'] = { database, relay: relayHealth };
    if (redis)
      checks.redis = redis.connected() ? { ok: true } : { ok: false, detail: 'reconnecting (events arrive late)' };
    return { ready: database.ok && relayHealth.ok, checks };
  };

  const server = await startServer({
    port: options.port,
    host: options.host,
    trustProxy: options.trustProxy,
    isProduction: options.isProduction,
    schema: await createSchema(),
    limits: options.operationLimits ?? DEFAULT_OPERATION_LIMITS,
    maxSubscriptionsPerSocket: options.maxSubscriptionsPerSocket ?? DEFAULTS.maxSubscriptionsPerSocket,
    graphqlWsKeepAliveMs: options.graphqlWsKeepAliveMs,
    readiness,
    orm,
    services,
    realtime,
    verifyToken,
    routers: [
      ...(pusherServer ? [pusherServer.httpRouter] : []),
      pusherRoutes({
        settings: pusherSettings,
        channelPrefixes,
        publicUrl: options.publicUrl,
        pusher: createPusherClient(credentials),
        verifyToken,
      }),
      // The live demo is a development aid: production answers 404 at /demo.
      ...(options.isProduction ? [] : [demoRoutes()]),
    ],
    upgradeHandlers: pusherServer ? [(request, socket, head) => pusherServer.handleUpgrade(request, socket, head)] : [],
    metrics,
    instanceId,
    onConnectionClosed: (session) => collaboration.connectionClosed(session),
    log,
  });
  port = server.port;
  collaboration.start();

  // The built-in endpoint is reached through the same SDK code path as hosted Pusher.
  const relayTarget: PusherCredentials = builtIn
    ? { ...credentials, host: '127.0.0.1', port: server.port }
    : credentials;
  const publisher = new DeadlinePublisher(relayTarget, tuning.concurrency, tuning.requestTimeoutMs);
  relay = new PusherRelay({
    store,
    publisher,
    requestTimeoutMs: tuning.requestTimeoutMs,
    channelPrefixes,
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
    // This instance's subscriptions: with Redis, channelInfo() counts every instance's.
    pusherSubscriptions: async () =>
      pusherAdapter
        ? pusherAdapter.localSubscriptionCount()
        : [...((await pusherServer?.channelInfo())?.values() ?? [])].reduce(
            (sum, channel) => sum + channel.subscriptionCount,
            0,
          ),
    ...(redis ? { redisConnected: () => redis.connected() } : {}),
    outbox: () => store.overallStatus(),
  });

  return {
    ...server,
    bus,
    metrics,
    relay,
    retention,
    collaboration,
    instanceId,
    pusherServer,
    pusherSettings,
    async close() {
      await server.close();
      await collaboration.stop();
      await retention.stop();
      await relay.stop();
      publisher.close();
      await pusherServer?.close();
      await pusherAdapter?.stop();
      await relayWake?.stop();
      await bus.close();
      await redis?.close();
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
