/**
 * Composition root: wires the database, the domain services, the outbox,
 * the event bus, the Pusher relay and endpoints, the GraphQL schema and the
 * server together. `main.ts` and the tests both start the product through
 * here, so tests run exactly what users run.
 *
 *   mutation ─ transaction ─┬─ change
 *                           └─ outbox rows (per channel, sequenced)
 *            after commit ──┬─ event bus ─┬─ channel streams ── graphql-ws subscriptions
 *                           │             └─ channel streams ── built-in Pusher endpoint ── pusher-js
 *                           └─ wake ─ Pusher relay ── hosted Pusher ── pusher-js
 *
 * The relay runs only for an external Pusher; the built-in endpoint feeds its
 * sockets on every instance from the same ordered streams as graphql-ws
 * (built-in-pusher-feed.ts). Every commit also NOTIFYs the other instances
 * through PostgreSQL (commit notices): that wakes the relay leader wherever
 * it runs and, without `redis`, carries the event bus across instances (each
 * reads the events from the outbox). With `redis` (REDIS_URL), the event bus
 * carries the events themselves through Redis, and the built-in endpoint's
 * presence and counts are shared there (docs/realtime.md, "Several instances").
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createServices } from '../domain/services';
import { InstanceLivenessService } from '../domain/services/instance-liveness';
import { pooledSql } from '../persistence/sql';
import { createSchema } from '../graphql/schema';
import { COMMIT_NOTICE_CHANNEL, CommitListener, type CommitListenerOptions } from '../realtime/commit-notices';
import type { EventBus } from '../realtime/event-bus';
import { NotifiedEventBus } from '../realtime/notified-event-bus';
import { OutboxJournal } from '../realtime/outbox/outbox-journal';
import { OutboxRetention } from '../realtime/outbox/outbox-retention';
import { OutboxStore } from '../realtime/outbox/outbox-store';
import { LeaderLock } from '../realtime/pusher-relay/leader-lock';
import { DeadlinePublisher, createPusherClient, type PusherCredentials } from '../realtime/pusher-relay/publisher';
import { PusherRelay, deliveryStatus, type RelayOptions } from '../realtime/pusher-relay/pusher-relay';
import {
  LIMITS,
  LocalChannelAdapter,
  LocallyFedAdapter,
  PusherCompatibleServer,
  encodeChannelEvent,
} from '../realtime/pusher-server';
import { BuiltInPusherFeed } from '../realtime/built-in-pusher-feed';
import { channelStream } from '../realtime/channel-stream';
import { RedisChannelAdapter } from '../realtime/pusher-server/adapter/redis-adapter';
import { RealtimeService, type RelayControl } from '../realtime/realtime-service';
import { RedisEventBus } from '../realtime/redis-event-bus';
import { createTokenVerifier, type TokenKey } from './auth/tokens';
import { AppMetrics } from './metrics';
import { CollaborationUpkeep } from './collaboration-upkeep';
import { InstanceHeartbeat } from './instance-heartbeat';
import type { Config, PusherTarget } from './config';
import { TransactionalUnitOfWork } from './database/transactional-unit-of-work';
import { demoRoutes } from './http/demo/demo-routes';
import { pusherRoutes, type PusherClientSettings } from './http/pusher-routes';
import type { Logger } from './logger';
import { connectRedis, type RedisConnections } from './redis';
import { TokenBudgets } from './token-budgets';
import { startServer, type Readiness, type RunningServer } from './http/server';

/**
 * What the app is built from besides its configuration: the resources `serve` opens from it
 * (the database, the token key, the built-in endpoint's credentials) and the logger.
 */
export interface AppResources {
  orm: MikroORM;
  /** The database the ORM is on (DATABASE_URL's, or the embedded one's): the relay's leader lock opens its own connection. */
  databaseUrl: string;
  tokenKey: TokenKey;
  /** Credentials of the built-in endpoint: required when `config.pusher` is built-in, unused (and not generated) otherwise. */
  builtInPusher?: { appId: string; key: string; secret: string };
  log: Logger;
}

/**
 * Test seams: knobs no environment variable reaches, for tests that need short timings or must
 * observe the built-in endpoint. The product's behaviour comes from `Config` alone.
 */
export interface AppSeams {
  /** The address to listen on (default all interfaces; tests use 127.0.0.1). */
  host?: string;
  /** How often graphql-ws sockets are pinged; one unanswered ping ends a socket (default 12 s). */
  graphqlWsKeepAliveMs?: number;
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
  /** Redis check intervals (tests use short ones). */
  redis?: RedisTuning;
  /** How often the outbox is pruned (default: from OUTBOX_RETENTION, see `pruneInterval`); tests that prune by hand set a long one. */
  outboxPruneIntervalMs?: number;
  /** The commit-notice listener's timing (a test holds reconnection back so that notices are certainly missed). */
  commitNotices?: Pick<CommitListenerOptions, 'retryBaseMs' | 'pingIntervalMs'>;
}

export interface RedisTuning {
  /** How often the event bus compares followed channels with the outbox (default 1000 ms). */
  checkIntervalMs?: number;
  /** How often the built-in endpoint renews its heartbeat and looks for stopped instances (default 5000 ms). */
  heartbeatMs?: number;
}

export interface RunningApp extends RunningServer {
  bus: EventBus;
  metrics: AppMetrics;
  /** Present when an external Pusher is configured (the built-in endpoint needs none). */
  relay: PusherRelay | undefined;
  /** Present with the built-in endpoint: what feeds its sockets on this instance. */
  feed: BuiltInPusherFeed | undefined;
  retention: OutboxRetention;
  /** Presence renewal and the sweeps of lapsed locks, presences and idempotency keys. */
  collaboration: CollaborationUpkeep;
  /** Names this instance's connections in presence sessions and its relay's claims. */
  instanceId: string;
  /** This instance's liveness beat; `detach()` plays a crash in tests. */
  heartbeat: InstanceHeartbeat;
  /** Present when no Pusher credentials are configured. */
  pusherServer: PusherCompatibleServer | undefined;
  /** The pusher-js settings GET /pusher/config returns to a client that reached the API at `apiUrl`. */
  pusherSettings(apiUrl?: string): PusherClientSettings;
}

/**
 * Builds and starts the product from its configuration (`loadConfig`'s result, whole: a setting
 * cannot be parsed and then dropped on the way here) and the resources opened from it.
 */
export async function startApp(config: Config, resources: AppResources, seams: AppSeams = {}): Promise<RunningApp> {
  const { orm, log } = resources;
  const tuning = config.relay;
  const metrics = new AppMetrics();
  const instanceId = randomUUID();
  // Alive before anything it does can name it: presence sessions and relay claims die with it (instance-liveness.ts).
  const heartbeat = new InstanceHeartbeat(new InstanceLivenessService(pooledSql(orm), instanceId), log);
  await heartbeat.start();
  const builtIn = config.pusher.kind === 'built-in' ? resources.builtInPusher : undefined;
  if (config.pusher.kind === 'built-in' && !builtIn)
    throw new Error('the built-in Pusher endpoint needs builtInPusher');
  // Only an external Pusher has a relay; the built-in endpoint's sockets are fed from the channel streams.
  const store = new OutboxStore(orm, { channel: COMMIT_NOTICE_CHANNEL, origin: instanceId }, !builtIn);
  const redisPrefix = config.redisPrefix;
  const redis: RedisConnections | undefined = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
  // Without Redis the other instances' commits arrive as commit notices, their events read from the outbox.
  const notified = redis
    ? undefined
    : new NotifiedEventBus({
        eventsAfter: (channel, after, limit) => store.eventsAfter(channel, after, limit),
        observer: { resynced: (channels) => metrics.busObserver.resynced(channels) },
        log,
      });
  const bus: EventBus = redis
    ? new RedisEventBus({
        pubsub: redis.pubsub,
        instanceId,
        prefix: redisPrefix,
        latestSequences: (channels) => store.latestSequences(channels),
        checkIntervalMs: seams.redis?.checkIntervalMs,
        observer: metrics.busObserver,
        log,
      })
    : notified!;
  let relay: PusherRelay | undefined;
  // The relay leader may be another instance: a commit there wakes it here at once.
  const commitNotices = new CommitListener({
    databaseUrl: resources.databaseUrl,
    instanceId,
    onNotice: (notice) => {
      notified?.noticed(notice);
      relay?.wake();
    },
    onReconnected: () => {
      notified?.resyncAll();
      relay?.wake();
    },
    log,
    ...seams.commitNotices,
  });
  await commitNotices.start();
  const journal = new OutboxJournal(store, (events) => {
    // The line that ties a request (its requestId, added by the logger) to the events the relay and bus carry.
    log.info(
      { events: events.map(({ eventId, name, channel, sequence }) => ({ eventId, name, channel, sequence })) },
      'events committed',
    );
    metrics.busMessages.inc(events.length);
    bus.publish(events);
    relay?.wake();
  });
  const timing = config.collaboration;
  const services = createServices(new TransactionalUnitOfWork(orm, journal), {
    ...timing,
    presenceSessionsPerUser: config.tokenBudgets.maxPresenceSessions,
  });
  const budgets = new TokenBudgets(
    config.tokenBudgets,
    redis ? { redis: redis.commands, prefix: redisPrefix } : undefined,
  );
  const collaboration = new CollaborationUpkeep({ orm, services, instanceId, timing, log });
  const channelPrefixes = {
    list: config.channelPrefix,
    detail: config.presenceChannels ? ('presence-' as const) : config.channelPrefix,
  };
  const verifyToken = createTokenVerifier(resources.tokenKey);
  const realtime = new RealtimeService({
    orm,
    store,
    bus,
    relay: () => relay ?? noRelay,
    onGapFill: () => metrics.gapFills.inc(),
    payForReplay: (viewer, events, isClosed) => budgets.paceReplay(viewer.id, events, isClosed),
  });

  const noRelay: RelayControl = {
    status: (hotels) => deliveryStatus(store, hotels, { leader: false, pausedUntil: 0 }),
    wake: () => undefined,
  };
  const credentials: Omit<PusherCredentials, 'host' | 'port'> & Partial<PusherCredentials> = builtIn
    ? { ...builtIn, useTLS: false }
    : (config.pusher as Extract<PusherTarget, { kind: 'external' }>);
  const pusherAdapter =
    builtIn && redis
      ? new RedisChannelAdapter({
          redis: redis.commands,
          pubsub: redis.pubsub,
          prefix: redisPrefix,
          instanceId,
          maxPresenceMembers: LIMITS.maxPresenceMembers,
          heartbeatMs: seams.redis?.heartbeatMs,
          log,
        })
      : undefined;
  await pusherAdapter?.start();
  const feed = builtIn
    ? new BuiltInPusherFeed({
        follow: (channel) => channelStream({ store, bus, channel, onGapFill: () => metrics.gapFills.inc() }),
        deliver: (channel, name, data) => fedAdapter?.publishLocally(channel, encodeChannelEvent(name, data, channel)),
        channelPrefixes,
        log,
      })
    : undefined;
  const fedAdapter = feed
    ? new LocallyFedAdapter(pusherAdapter ?? new LocalChannelAdapter(LIMITS.maxPresenceMembers), feed)
    : undefined;
  const pusherServer = builtIn
    ? new PusherCompatibleServer({
        ...builtIn,
        log,
        adapter: fedAdapter,
        // The app key is public: what one client may hold is bounded (docs/pusher-server.md, "Connection and channel quotas").
        quotas: config.pusherQuotas,
        quotaObserver: metrics.pusherQuotaObserver,
        trustProxy: config.trustProxy,
      })
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
    const client = config.pusher.kind === 'external' ? config.pusher.client : undefined;
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
    const relayHealth = builtIn
      ? { ok: true, detail: 'no relay: the built-in endpoint feeds its sockets itself' }
      : (relay?.health() ?? { ok: false, detail: 'not started' });
    // Redis down degrades (events arrive late, from the outbox) but does not stop this instance serving.
    const checks: Readiness['checks'] = { database, relay: relayHealth };
    if (redis)
      checks.redis = redis.connected() ? { ok: true } : { ok: false, detail: 'reconnecting (events arrive late)' };
    return { ready: database.ok && relayHealth.ok, checks };
  };

  const server = await startServer({
    port: config.port,
    host: seams.host,
    trustProxy: config.trustProxy,
    isProduction: config.isProduction,
    introspection: config.introspection,
    apollo: config.apollo,
    schema: await createSchema(),
    limits: config.operationLimits,
    maxSubscriptionsPerSocket: config.maxSubscriptionsPerSocket,
    budgets,
    graphqlWsKeepAliveMs: seams.graphqlWsKeepAliveMs,
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
        publicUrl: config.publicUrl,
        pusher: createPusherClient(credentials),
        verifyToken,
      }),
      // The live demo is a development aid: production answers 404 at /demo.
      ...(config.isProduction ? [] : [demoRoutes()]),
    ],
    upgradeHandlers: pusherServer ? [(request, socket, head) => pusherServer.handleUpgrade(request, socket, head)] : [],
    metrics,
    metricsToken: config.metricsToken,
    instanceId,
    onConnectionClosed: (session) => collaboration.connectionClosed(session),
    log,
  });
  port = server.port;
  collaboration.start();

  const publisher = builtIn
    ? undefined
    : new DeadlinePublisher(credentials, tuning.concurrency, tuning.requestTimeoutMs);
  relay = publisher
    ? new PusherRelay({
        store,
        publisher,
        requestTimeoutMs: tuning.requestTimeoutMs,
        liveness: { instanceId, isFresh: () => heartbeat.isFresh() },
        channelPrefixes,
        leader: new LeaderLock(resources.databaseUrl, log),
        observer: metrics.relayObserver,
        log,
        ...seams.relayTiming,
      })
    : undefined;
  relay?.start();
  const retention = new OutboxRetention(store, {
    retentionMs: config.outboxRetentionMs,
    intervalMs: seams.outboxPruneIntervalMs ?? pruneInterval(config.outboxRetentionMs),
    // Without a relay every instance prunes: the deletes are idempotent, and cheap when another did them first.
    shouldRun: () => relay?.leader ?? true,
    log,
  });
  retention.start();
  metrics.attach({
    graphqlWsConnections: () => server.graphqlWs.connectionCount(),
    graphqlWsOperations: () => server.graphqlWs.operationCount(),
    pusherConnections: () => pusherServer?.connectionCount() ?? 0,
    pusherBusiestAddressConnections: () => pusherServer?.busiestAddressConnections() ?? 0,
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
    feed,
    retention,
    collaboration,
    instanceId,
    heartbeat,
    pusherServer,
    pusherSettings,
    async close() {
      await server.close();
      await collaboration.stop();
      await retention.stop();
      await relay?.stop();
      publisher?.close();
      await pusherServer?.close();
      await feed?.close();
      await pusherAdapter?.stop();
      await commitNotices.stop();
      await bus.close();
      await redis?.close();
      await heartbeat.stop();
    },
  };
}

/**
 * How often the outbox is pruned: a tenth of the retention, between a second and ten minutes, so a
 * short OUTBOX_RETENTION takes effect about as soon as it says (docs/operations.md, "Retention").
 */
export function pruneInterval(retentionMs: number): number {
  return Math.min(10 * 60_000, Math.max(1_000, Math.round(retentionMs / 10)));
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
