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
import { DeadlinePublisher, createPusherClient } from '../realtime/pusher-relay/publisher';
import { PusherRelay, deliveryStatus, type RelayOptions } from '../realtime/pusher-relay/pusher-relay';
import {
  LIMITS,
  LocalChannelAdapter,
  LocallyFedAdapter,
  PusherCompatibleServer,
  encodeChannelEvent,
} from '../realtime/pusher-server';
import { BuiltInPusherFeed } from '../realtime/built-in-pusher-feed';
import type { ChannelPrefixes } from '../realtime/event-catalog/channels';
import { channelStream } from '../realtime/channel-stream';
import { RedisChannelAdapter } from '../realtime/pusher-server/adapter/redis-adapter';
import { RealtimeService, type RelayControl } from '../realtime/realtime-service';
import { RedisEventBus } from '../realtime/redis-event-bus';
import { createTokenVerifier, type TokenKey } from './auth/tokens';
import { AppMetrics } from './metrics';
import { CollaborationUpkeep } from './collaboration-upkeep';
import { InstanceHeartbeat } from './instance-heartbeat';
import type { Config } from './config';
import { TransactionalUnitOfWork } from './database/transactional-unit-of-work';
import { demoRoutes } from './http/demo/demo-routes';
import { pusherClientSettings, type PusherInUse } from './http/pusher-client-settings';
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
 * cannot be parsed and then dropped on the way here) and the resources opened from it. Each step
 * uses only what the steps before it built (docs/architecture.md, "The composition root"): the
 * relay, which commits wake but which starts only once the server is up, is built before them.
 */
export async function startApp(config: Config, resources: AppResources, seams: AppSeams = {}): Promise<RunningApp> {
  const { orm, log } = resources;
  const pusher = pusherInUse(config, resources);
  const builtIn = pusher.kind === 'built-in' ? pusher.credentials : undefined;
  const metrics = new AppMetrics();
  const instanceId = randomUUID();
  // Alive before anything it does can name it: presence sessions and relay claims die with it (instance-liveness.ts).
  const heartbeat = new InstanceHeartbeat(new InstanceLivenessService(pooledSql(orm), instanceId), log);
  await heartbeat.start();
  const channelPrefixes: ChannelPrefixes = {
    list: config.channelPrefix,
    detail: config.presenceChannels ? 'presence-' : config.channelPrefix,
  };
  // Only an external Pusher has a relay; the built-in endpoint's sockets are fed from the channel streams.
  const store = new OutboxStore(orm, { channel: COMMIT_NOTICE_CHANNEL, origin: instanceId }, !builtIn);
  const relay =
    pusher.kind === 'external'
      ? buildRelay(pusher, { config, resources, seams, store, heartbeat, instanceId, metrics, channelPrefixes })
      : undefined;
  const events = await startEventDelivery({
    config,
    resources,
    seams,
    store,
    instanceId,
    metrics,
    relay: relay?.relay,
  });
  const domain = buildDomain(config, { orm, instanceId, log, journal: events.journal, redis: events.redis });
  const endpoint = builtIn
    ? await startBuiltInEndpoint(builtIn, { config, seams, store, instanceId, metrics, channelPrefixes, events, log })
    : undefined;
  const realtime = new RealtimeService({
    orm,
    store,
    bus: events.bus,
    relay: relay?.relay ?? notRelaying(store),
    onGapFill: () => metrics.gapFills.inc(),
    payForReplay: (viewer, count, isClosed) => domain.budgets.paceReplay(viewer.id, count, isClosed),
  });
  const clientSettings = pusherClientSettings(pusher);
  const server = await startHttp(config, {
    resources,
    seams,
    metrics,
    instanceId,
    channelPrefixes,
    domain,
    realtime,
    endpoint,
    clientSettings,
    readiness: () => readiness(orm, { relay: relay?.relay, redis: events.redis }),
    pusher: createPusherClient(pusher.kind === 'built-in' ? { ...pusher.credentials, useTLS: false } : pusher),
  });

  domain.collaboration.start();
  relay?.relay.start();
  const retention = new OutboxRetention(store, {
    retentionMs: config.outboxRetentionMs,
    intervalMs: seams.outboxPruneIntervalMs ?? pruneInterval(config.outboxRetentionMs),
    // Without a relay every instance prunes: the deletes are idempotent, and cheap when another did them first.
    shouldRun: () => relay?.relay.leader ?? true,
    log,
  });
  retention.start();
  const redis = events.redis;
  metrics.attach({
    graphqlWsConnections: () => server.graphqlWs.connectionCount(),
    graphqlWsOperations: () => server.graphqlWs.operationCount(),
    busFollowedChannels: () => events.bus.followedChannels(),
    pusherConnections: () => endpoint?.server.connectionCount() ?? 0,
    pusherBusiestAddressConnections: () => endpoint?.server.busiestAddressConnections() ?? 0,
    pusherSubscriptions: async () => (endpoint ? endpoint.localSubscriptions() : 0),
    ...(redis ? { redisConnected: () => redis.connected() } : {}),
    outbox: () => store.overallStatus(),
  });

  return {
    ...server,
    bus: events.bus,
    metrics,
    relay: relay?.relay,
    feed: endpoint?.feed,
    retention,
    collaboration: domain.collaboration,
    instanceId,
    heartbeat,
    pusherServer: endpoint?.server,
    pusherSettings: (apiUrl) => clientSettings(apiUrl ?? `http://127.0.0.1:${server.port}`),
    async close() {
      await server.close();
      await domain.collaboration.stop();
      await retention.stop();
      await relay?.close();
      await endpoint?.close();
      await events.close();
      await heartbeat.stop();
    },
  };
}

type BuiltInCredentials = NonNullable<AppResources['builtInPusher']>;
type ExternalPusher = Extract<PusherInUse, { kind: 'external' }>;

/** The Pusher this instance serves: an external one, or the built-in endpoint with the credentials `serve` supplies. */
function pusherInUse(config: Config, resources: AppResources): PusherInUse {
  if (config.pusher.kind === 'external') return config.pusher;
  if (!resources.builtInPusher) throw new Error('the built-in Pusher endpoint needs builtInPusher');
  return { kind: 'built-in', credentials: resources.builtInPusher };
}

/** What the builders below share. */
interface Parts {
  config: Config;
  resources: AppResources;
  seams: AppSeams;
  store: OutboxStore;
  instanceId: string;
  metrics: AppMetrics;
}

/**
 * The relay to an external Pusher and its publisher, built but not started: commits may wake it at
 * once (a wake before `start()` finds no lane waiting and does nothing), and it starts once the
 * server is up.
 */
function buildRelay(
  pusher: ExternalPusher,
  {
    config,
    resources,
    seams,
    store,
    heartbeat,
    instanceId,
    metrics,
    channelPrefixes,
  }: Parts & {
    heartbeat: InstanceHeartbeat;
    channelPrefixes: ChannelPrefixes;
  },
): { relay: PusherRelay; close(): Promise<void> } {
  const tuning = config.relay;
  const publisher = new DeadlinePublisher(pusher, tuning.concurrency, tuning.requestTimeoutMs);
  const relay = new PusherRelay({
    store,
    publisher,
    requestTimeoutMs: tuning.requestTimeoutMs,
    liveness: { instanceId, isFresh: () => heartbeat.isFresh() },
    channelPrefixes,
    leader: new LeaderLock(resources.databaseUrl, resources.log),
    observer: metrics.relayObserver,
    log: resources.log,
    ...seams.relayTiming,
  });
  return {
    relay,
    async close() {
      await relay.stop();
      publisher.close();
    },
  };
}

/** How committed events travel: to this instance's streams and, through Redis or commit notices, to the others'. */
interface EventDelivery {
  /** Present with REDIS_URL. */
  redis: RedisConnections | undefined;
  bus: EventBus;
  /** Told of each transaction's events after it commits. */
  journal: OutboxJournal;
  close(): Promise<void>;
}

/**
 * The event bus (through Redis, or commit notices and the outbox without it), the commit-notice
 * listener (which also wakes the relay, wherever its leader runs) and the journal that hands each
 * commit's events to both.
 */
async function startEventDelivery({
  config,
  resources: { databaseUrl, log },
  seams,
  store,
  instanceId,
  metrics,
  relay,
}: Parts & { relay: PusherRelay | undefined }): Promise<EventDelivery> {
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
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
        prefix: config.redisPrefix,
        latestSequences: (channels) => store.latestSequences(channels),
        checkIntervalMs: seams.redis?.checkIntervalMs,
        observer: metrics.busObserver,
        log,
      })
    : notified!;
  // The relay leader may be another instance: a commit there wakes it here at once.
  const commitNotices = new CommitListener({
    databaseUrl,
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
  const journal = new OutboxJournal(store, (committed) => {
    // The line that ties a request (its requestId, added by the logger) to the events the relay and bus carry.
    log.info(
      { events: committed.map(({ eventId, name, channel, sequence }) => ({ eventId, name, channel, sequence })) },
      'events committed',
    );
    metrics.busMessages.inc(committed.length);
    bus.publish(committed);
    relay?.wake();
  });
  return {
    redis,
    bus,
    journal,
    async close() {
      await commitNotices.stop();
      await bus.close();
      await redis?.close();
    },
  };
}

/** The domain services on a unit of work that journals each commit's events, each user's budgets, and the collaboration sweeps. */
function buildDomain(
  config: Config,
  {
    orm,
    instanceId,
    log,
    journal,
    redis,
  }: { orm: MikroORM; instanceId: string; log: Logger; journal: OutboxJournal; redis: RedisConnections | undefined },
) {
  const timing = config.collaboration;
  const services = createServices(new TransactionalUnitOfWork(orm, journal), {
    ...timing,
    presenceSessionsPerUser: config.tokenBudgets.maxPresenceSessions,
  });
  const budgets = new TokenBudgets(
    config.tokenBudgets,
    redis ? { redis: redis.commands, prefix: config.redisPrefix } : undefined,
  );
  const collaboration = new CollaborationUpkeep({ orm, services, instanceId, timing, log });
  return { services, budgets, collaboration };
}

/** The built-in Pusher endpoint, with the feed of its sockets on this instance. */
interface BuiltInEndpoint {
  server: PusherCompatibleServer;
  feed: BuiltInPusherFeed;
  /** Subscriptions on this instance (with Redis, the server's channelInfo() counts every instance's). */
  localSubscriptions(): Promise<number>;
  close(): Promise<void>;
}

async function startBuiltInEndpoint(
  credentials: BuiltInCredentials,
  {
    config,
    seams,
    store,
    instanceId,
    metrics,
    channelPrefixes,
    events: { bus, redis },
    log,
  }: Omit<Parts, 'resources'> & { channelPrefixes: ChannelPrefixes; events: EventDelivery; log: Logger },
): Promise<BuiltInEndpoint> {
  // With Redis, presence and subscription counts are shared by every instance.
  const shared = redis
    ? new RedisChannelAdapter({
        redis: redis.commands,
        pubsub: redis.pubsub,
        prefix: config.redisPrefix,
        instanceId,
        maxPresenceMembers: LIMITS.maxPresenceMembers,
        heartbeatMs: seams.redis?.heartbeatMs,
        log,
      })
    : undefined;
  await shared?.start();
  // The one cycle here: the sockets' adapter tells the feed which channels have sockets on this
  // instance, and the feed hands that adapter their events. The feed delivers only after a socket
  // subscribed through the adapter, so by then `sockets` is set.
  let sockets: LocallyFedAdapter | undefined;
  const feed = new BuiltInPusherFeed({
    follow: (channel) => channelStream({ store, bus, channel, onGapFill: () => metrics.gapFills.inc() }),
    deliver: (channel, name, data) => sockets?.publishLocally(channel, encodeChannelEvent(name, data, channel)),
    channelPrefixes,
    log,
  });
  sockets = new LocallyFedAdapter(shared ?? new LocalChannelAdapter(LIMITS.maxPresenceMembers), feed);
  const server = new PusherCompatibleServer({
    ...credentials,
    log,
    adapter: sockets,
    // The app key is public: what one client may hold is bounded (docs/pusher-server.md, "Connection and channel quotas").
    quotas: config.pusherQuotas,
    quotaObserver: metrics.pusherQuotaObserver,
    trustProxy: config.trustProxy,
  });
  return {
    server,
    feed,
    localSubscriptions: async () =>
      shared
        ? shared.localSubscriptionCount()
        : [...(await server.channelInfo()).values()].reduce((sum, channel) => sum + channel.subscriptionCount, 0),
    async close() {
      await server.close();
      await feed.close();
      await shared?.stop();
    },
  };
}

/** The HTTP server: GraphQL over HTTP and graphql-ws, the Pusher routes (and the built-in endpoint's), the demo. */
async function startHttp(
  config: Config,
  options: {
    resources: AppResources;
    seams: AppSeams;
    metrics: AppMetrics;
    instanceId: string;
    channelPrefixes: ChannelPrefixes;
    domain: ReturnType<typeof buildDomain>;
    realtime: RealtimeService;
    endpoint: BuiltInEndpoint | undefined;
    clientSettings: (apiUrl: string) => PusherClientSettings;
    readiness: () => Promise<Readiness>;
    pusher: ReturnType<typeof createPusherClient>;
  },
): Promise<RunningServer> {
  const { resources, domain, endpoint } = options;
  const verifyToken = createTokenVerifier(resources.tokenKey);
  return startServer({
    port: config.port,
    host: options.seams.host,
    trustProxy: config.trustProxy,
    isProduction: config.isProduction,
    introspection: config.introspection,
    apollo: config.apollo,
    schema: await createSchema(),
    limits: config.operationLimits,
    maxSubscriptionsPerSocket: config.maxSubscriptionsPerSocket,
    budgets: domain.budgets,
    graphqlWsKeepAliveMs: options.seams.graphqlWsKeepAliveMs,
    readiness: options.readiness,
    orm: resources.orm,
    services: domain.services,
    realtime: options.realtime,
    verifyToken,
    routers: [
      ...(endpoint ? [endpoint.server.httpRouter] : []),
      pusherRoutes({
        settings: options.clientSettings,
        channelPrefixes: options.channelPrefixes,
        publicUrl: config.publicUrl,
        pusher: options.pusher,
        verifyToken,
      }),
      // The live demo is a development aid: production answers 404 at /demo.
      ...(config.isProduction ? [] : [demoRoutes()]),
    ],
    upgradeHandlers: endpoint ? [(request, socket, head) => endpoint.server.handleUpgrade(request, socket, head)] : [],
    metrics: options.metrics,
    metricsToken: config.metricsToken,
    instanceId: options.instanceId,
    onConnectionClosed: (session) => domain.collaboration.connectionClosed(session),
    log: resources.log,
  });
}

/** With the built-in endpoint there is no relay: every event is stored as delivered, and nothing waits. */
function notRelaying(store: OutboxStore): RelayControl {
  return {
    status: (hotels) => deliveryStatus(store, hotels, { leader: false, pausedUntil: 0 }),
    wake: () => undefined,
  };
}

/** Ready when the database answers and the relay (if any) is not stuck; Redis down only degrades. */
async function readiness(
  orm: MikroORM,
  { relay, redis }: { relay: PusherRelay | undefined; redis: RedisConnections | undefined },
): Promise<Readiness> {
  const database = await databaseAnswers(orm);
  const relayHealth = relay
    ? relay.health()
    : { ok: true, detail: 'no relay: the built-in endpoint feeds its sockets itself' };
  // Redis down degrades (events arrive late, from the outbox) but does not stop this instance serving.
  const checks: Readiness['checks'] = { database, relay: relayHealth };
  if (redis)
    checks.redis = redis.connected() ? { ok: true } : { ok: false, detail: 'reconnecting (events arrive late)' };
  return { ready: database.ok && relayHealth.ok, checks };
}

/**
 * How often the outbox is pruned: a tenth of the retention, between a second and ten minutes, so a
 * short OUTBOX_RETENTION takes effect about as soon as it says (docs/operations.md, "Retention").
 */
function pruneInterval(retentionMs: number): number {
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
      pooledSql(orm)
        .rows('select 1')
        .then(() => ({ ok: true })),
      timeout,
    ]);
  } catch {
    return { ok: false, detail: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
