/**
 * The EventJournal the app runs with: a mutation's events are stored in the
 * outbox inside its transaction (see OutboxStore.append), and handed on
 * (event bus, relay) only once the transaction has committed.
 */
import type { DomainEvent } from '../../domain/events';
import type { Sql } from '../../domain/sql';
import type { EventJournal } from '../../domain/unit-of-work';
import type { Actor } from '../../domain/viewer';
import type { OutboxStore } from './outbox-store';
import type { StoredEvent } from './stored-event';

export class OutboxJournal implements EventJournal<StoredEvent[]> {
  /** @param onCommitted runs after commit with the stored events (publish to the bus, wake the relay). */
  constructor(
    private readonly store: OutboxStore,
    private readonly onCommitted: (events: StoredEvent[]) => void,
  ) {}

  append(target: Sql, events: readonly DomainEvent[], actor: Actor): Promise<StoredEvent[]> {
    return this.store.append(target, events, actor);
  }

  committed(stored: StoredEvent[]): void {
    if (stored.length > 0) this.onCommitted(stored);
  }
}
