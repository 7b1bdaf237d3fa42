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
  close(): Promise<void>;
}

/** One process: nothing crosses a network, so nothing is lost and no resync is ever needed. */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Map<string, Set<EventListener>>();

  publish(events: readonly StoredEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners.get(event.channel) ?? []) listener(event);
    }
  }

  subscribe(channel: string, listener: EventListener): () => void {
    const set = this.listeners.get(channel) ?? new Set<EventListener>();
    set.add(listener);
    this.listeners.set(channel, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
