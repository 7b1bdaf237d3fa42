/**
 * The internal pubsub: committed events, by channel, for every live
 * subscriber in this process. The interface is all the rest of the code
 * sees, so a Redis-backed bus can carry the same events between instances.
 * Events are plain JSON (StoredEvent) for that reason.
 */
import type { StoredEvent } from './outbox/stored-event';

export type EventListener = (event: StoredEvent) => void;

export interface EventBus {
  /** Called after commit; must not throw or wait on subscribers. */
  publish(events: readonly StoredEvent[]): void;
  /** Returns the function that unsubscribes. */
  subscribe(channel: string, listener: EventListener): () => void;
  close(): Promise<void>;
}

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
