/**
 * Prometheus metrics at GET /metrics (prom-client): the process (CPU, heap,
 * event-loop lag), HTTP and GraphQL operation latency, open graphql-ws and
 * Pusher connections and subscriptions, the outbox backlog and its oldest
 * event's age, the relay's deliveries, failures by class and dead letters,
 * the event bus's messages and gap-fills, and with REDIS_URL its Redis
 * messages, resyncs and connection state. docs/operations.md, "Metrics",
 * lists them.
 */
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { QuotaObserver } from '../realtime/pusher-server';
import type { RelayObserver } from '../realtime/pusher-relay/pusher-relay';
import type { BusObserver } from '../realtime/redis-event-bus';

/** Values read when /metrics is scraped (they live elsewhere and are cheap or bounded to read). */
interface MetricSources {
  graphqlWsConnections(): number;
  graphqlWsOperations(): number;
  /** Channels this instance's subscribers follow on the event bus. */
  busFollowedChannels(): number;
  pusherConnections(): number;
  /** The most connections one client address has open on the built-in Pusher endpoint. */
  pusherBusiestAddressConnections(): number;
  pusherSubscriptions(): Promise<number>;
  /** Undefined when REDIS_URL is not set (single instance). */
  redisConnected?: () => boolean;
  outbox(): Promise<{ backlog: number; oldestPendingAt: Date | null; deadLettered: number }>;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class AppMetrics {
  readonly registry = new Registry();
  private sources: MetricSources | undefined;

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operations over HTTP by type (query, mutation) and outcome',
    labelNames: ['type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly relayDelivered = new Counter({
    name: 'relay_delivered_events_total',
    help: 'Events Pusher accepted',
    registers: [this.registry],
  });

  readonly relayFailures = new Counter({
    name: 'relay_failed_events_total',
    help: 'Events in failed publish requests, by class (retry, pause, reject)',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly relayDeadLettered = new Counter({
    name: 'relay_dead_lettered_events_total',
    help: 'Events given up on (until a manager re-queues them)',
    registers: [this.registry],
  });

  readonly busMessages = new Counter({
    name: 'event_bus_messages_total',
    help: 'Committed events handed to the event bus',
    registers: [this.registry],
  });

  readonly gapFills = new Counter({
    name: 'subscription_gap_fills_total',
    help: 'Times a subscriber read missed events back from the outbox (out-of-order or lost live events)',
    registers: [this.registry],
  });

  readonly busRedisPublished = new Counter({
    name: 'event_bus_redis_published_total',
    help: "Messages (a commit's events of one channel) published to Redis for the other instances",
    registers: [this.registry],
  });

  readonly busRedisPublishFailures = new Counter({
    name: 'event_bus_redis_publish_failures_total',
    help: 'Messages Redis did not take (the other instances read those events from the outbox)',
    registers: [this.registry],
  });

  readonly busRedisReceived = new Counter({
    name: 'event_bus_redis_received_events_total',
    help: 'Events received from other instances through Redis',
    registers: [this.registry],
  });

  readonly busResyncs = new Counter({
    name: 'event_bus_resyncs_total',
    help: 'Followed channels read again from the outbox because Redis may have lost a message (check or reconnect)',
    registers: [this.registry],
  });

  readonly pusherQuotaRefusals = new Counter({
    name: 'pusher_quota_refusals_total',
    help: 'Connections and subscriptions the built-in Pusher endpoint refused over a quota, by quota (connections, connections_per_address, channels_per_connection)',
    labelNames: ['quota'] as const,
    registers: [this.registry],
  });

  readonly pusherQuotaObserver: QuotaObserver = {
    refused: (reason) => this.pusherQuotaRefusals.inc({ quota: reason }),
  };

  readonly busObserver: BusObserver = {
    published: (messages) => this.busRedisPublished.inc(messages),
    publishFailed: (messages) => this.busRedisPublishFailures.inc(messages),
    received: (events) => this.busRedisReceived.inc(events),
    resynced: (channels) => this.busResyncs.inc(channels),
  };

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    // Every quota's series from the start, so a first refusal is a change a rate() can see.
    for (const quota of ['connections', 'connections_per_address', 'channels_per_connection'] as const)
      this.pusherQuotaRefusals.inc({ quota }, 0);
    const sources = () => this.sources;
    // Gauges whose value is read from the app at scrape time (0 until it is attached).
    const fromSources = (name: string, help: string, read: (from: MetricSources) => number | Promise<number>) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const from = sources();
          this.set(from ? await read(from) : 0);
        },
      });
    fromSources('graphql_ws_connections', 'Open graphql-ws connections', (from) => from.graphqlWsConnections());
    fromSources('graphql_ws_operations', 'Operations (mostly subscriptions) open on graphql-ws connections', (from) =>
      from.graphqlWsOperations(),
    );
    fromSources(
      'event_bus_followed_channels',
      "Channels this instance's subscribers follow on the event bus (with Redis, the staleness check reads them all each interval)",
      (from) => from.busFollowedChannels(),
    );
    fromSources('pusher_connections', 'Open WebSocket connections to the built-in Pusher-compatible endpoint', (from) =>
      from.pusherConnections(),
    );
    fromSources(
      'pusher_connections_busiest_address',
      'The most connections one client address has open on the built-in Pusher endpoint (PUSHER_MAX_CONNECTIONS_PER_ADDRESS bounds it)',
      (from) => from.pusherBusiestAddressConnections(),
    );
    fromSources('pusher_subscriptions', 'Channel subscriptions on the built-in Pusher-compatible endpoint', (from) =>
      from.pusherSubscriptions(),
    );
    const outbox = new Gauge({
      name: 'outbox_backlog_events',
      help: 'Events committed but not yet accepted by Pusher (dead letters excluded)',
      registers: [this.registry],
      async collect() {
        const status = await sources()?.outbox();
        this.set(status?.backlog ?? 0);
        oldest.set(status?.oldestPendingAt ? (Date.now() - status.oldestPendingAt.getTime()) / 1000 : 0);
        dead.set(status?.deadLettered ?? 0);
      },
    });
    const oldest = new Gauge({
      name: 'outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest event waiting for Pusher (0 when none)',
      registers: [this.registry],
    });
    const dead = new Gauge({
      name: 'outbox_dead_lettered_events',
      help: 'Events dead-lettered and not re-queued',
      registers: [this.registry],
    });
    void outbox;
    new Gauge({
      name: 'redis_connected',
      help: 'Whether both Redis connections are ready (1) or not (0, also without REDIS_URL)',
      registers: [this.registry],
      collect() {
        const connected = sources()?.redisConnected;
        if (connected) this.set(connected() ? 1 : 0);
      },
    });
  }

  /** Connects the values read at scrape time, once the app has built what holds them. */
  attach(sources: MetricSources): void {
    this.sources = sources;
  }

  readonly relayObserver: RelayObserver = {
    delivered: (events) => this.relayDelivered.inc(events),
    failed: (kind, events) => this.relayFailures.inc({ kind }, events),
    deadLettered: (events) => this.relayDeadLettered.inc(events),
  };

  /** Times every HTTP request, labelled by its route (not its raw path, so ids do not multiply series). */
  readonly httpTimer: RequestHandler = (request, response, next) => {
    const end = this.httpDuration.startTimer({ method: request.method });
    response.on('finish', () => {
      const matched = (request as { route?: { path?: unknown } }).route?.path;
      const route = request.baseUrl + (typeof matched === 'string' ? matched : '') || 'unmatched';
      end({ route, status: String(response.statusCode) });
    });
    next();
  };

  /** GET /metrics. With BENCH_GC_ON_METRICS=1 and node --expose-gc, a garbage collection runs first (heap benchmarks). */
  readonly route: RequestHandler = async (_request, response) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (process.env.BENCH_GC_ON_METRICS === '1' && gc) gc();
    response.type(this.registry.contentType).send(await this.registry.metrics());
  };
}
