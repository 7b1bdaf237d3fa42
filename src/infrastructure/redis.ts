/**
 * The Redis connections of an instance when REDIS_URL is set (ioredis), and
 * the pub/sub engine on them (graphql-redis-subscriptions): one connection
 * publishes and runs the Pusher endpoint's scripts, one is in subscriber
 * mode. See docs/operations.md, "Several instances".
 *
 * The publishing connection queues nothing while Redis is away: a publish
 * after commit fails at once (and the outbox stands in) instead of piling
 * up in memory. The subscribing connection reconnects and subscribes again
 * by itself; the event bus then reads what it missed from the outbox.
 */
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from './logger';

export interface RedisConnections {
  pubsub: RedisPubSub;
  /** Commands (publish, scripts, reads); not in subscriber mode. */
  commands: Redis;
  /** 1 while both connections are ready, 0 otherwise (metrics, readiness). */
  connected(): boolean;
  close(): Promise<void>;
}

/** Gives up starting after this long without Redis: an instance that starts cut off would serve stale screens. */
const CONNECT_TIMEOUT_MS = 10_000;
/** close() waits at most this long for the sockets to end. */
const CLOSE_TIMEOUT_MS = 2_000;

/** Connects both, and resolves once both are ready; fails with a clear error if Redis does not answer in time. */
export async function connectRedis(url: string, log: Logger): Promise<RedisConnections> {
  const common: RedisOptions = {
    // Reconnect forever, backing off to 2 s: an outage ends, and the outbox covers it meanwhile.
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    lazyConnect: true,
  };
  const commands = new Redis(url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(url, { ...common, maxRetriesPerRequest: null });
  for (const [role, connection] of [
    ['commands', commands],
    ['subscriber', subscriber],
  ] as const) {
    let wasDown = false;
    connection.on('error', (error: Error) => {
      // ioredis reports every failed reconnect attempt: say it once per outage.
      if (!wasDown) log.warn({ err: error, role }, 'Redis connection lost; reconnecting');
      wasDown = true;
    });
    connection.on('ready', () => {
      if (wasDown) log.info({ role }, 'Redis connection back');
      wasDown = false;
    });
  }
  // Resolves once both sockets are closed (ioredis says 'end'), so nothing of Redis outlives close();
  // bounded, since a connection that never connected may have nothing to end.
  const close = async () => {
    const ended = [commands, subscriber].map((connection) =>
      connection.status === 'end'
        ? Promise.resolve()
        : new Promise<void>((resolve) => connection.once('end', () => resolve())),
    );
    commands.disconnect();
    subscriber.disconnect();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(ended),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())),
    ]);
    clearTimeout(timer);
  };
  try {
    await withTimeout(Promise.all([commands.connect(), subscriber.connect()]), CONNECT_TIMEOUT_MS);
  } catch (error) {
    await close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`REDIS_URL: could not connect to Redis at ${redactedUrl(url)}: ${reason}`, { cause: error });
  }
  const pubsub = new RedisPubSub({ publisher: commands, subscriber });
  return {
    pubsub,
    commands,
    connected: () => commands.status === 'ready' && subscriber.status === 'ready',
    close,
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}
