/**
 * The internal pubsub: committed events, by channel, for every live
 * subscriber. The interface is all the rest of the code sees: the
 * composition root (infrastructure/app.ts) picks NotifiedEventBus
 * (notified-event-bus.ts: this process's commits at once, other instances'
 * through PostgreSQL commit notices and the outbox), or RedisEventBus
 * (redis-event-bus.ts) to carry the events themselves between instances
 * when REDIS_URL is set. Events are plain JSON (StoredEvent) for that
 * reason. The in-process bus below serves tests and tools that run one
 * process alone. See docs/realtime.md, "Several instances".
 */
import type { StoredEvent } from './outbox/stored-event';

export type EventListener = (event: StoredEvent) => void;

/**
 * Told when the bus may have lost events of the channel (a message dropped
 * between instances, a Redis outage): the subscriber reads the outbox for
 * anything after what it has, since live events alone would not show it.
 */
export type ResyncListener = () => void;

export interface EventBus {
  /** Called after commit; must not throw or wait on subscribers. */
  publish(events: readonly StoredEvent[]): void;
  /** Returns the function that unsubscribes. `onResync` is never called by a bus that cannot lose events. */
  subscribe(channel: string, listener: EventListener, onResync?: ResyncListener): () => void;
  /** Channels this instance's subscribers follow (what a Redis bus's staleness check reads each interval). */
  followedChannels(): number;
  close(): Promise<void>;
}
