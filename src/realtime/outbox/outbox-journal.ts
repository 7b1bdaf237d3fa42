/**
 * Writes a mutation's events into the outbox inside its transaction, one
 * row per channel, each with the channel's next sequence number.
 *
 * Sequences come from `channel_sequence`: the upsert locks the channel's row
 * until commit, so a second transaction on the same channel waits and gets
 * the next number only after the first has committed. Numbers therefore
 * follow commit order, and a rollback gives its numbers back (no gaps).
 * Channels are locked in sorted order so two transactions never wait on
 * each other in a cycle.
 */
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../domain/events';
import type { Actor } from '../../domain/viewer';
import type { EventJournal } from '../../domain/unit-of-work';
import { channelsOf } from '../event-catalog';
import type { StoredEvent } from './stored-event';

export class OutboxJournal implements EventJournal<StoredEvent[]> {
  /** @param onCommitted runs after commit with the stored events (publish to the bus, wake the relay). */
  constructor(private readonly onCommitted: (events: StoredEvent[]) => void) {}

  async append(em: EntityManager, events: readonly DomainEvent[], actor: Actor): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const occurredAt = new Date().toISOString();
    const copies = events.flatMap((event) => {
      const eventId = randomUUID();
      return channelsOf(event).map((channel) => ({ event, eventId, channel }));
    });
    const next = await reserveSequences(em, countByChannel(copies.map((copy) => copy.channel)));
    const stored: StoredEvent[] = [];
    for (const { event, eventId, channel } of copies) {
      const sequence = next.get(channel)!;
      next.set(channel, sequence + 1);
      const [row] = await em.execute<{ id: string }[]>(
        `insert into outbox_event (event_id, channel, sequence, name, hotel, stocktake_id, data, actor, occurred_at)
         values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?) returning id`,
        [eventId, channel, sequence, event.name, event.hotel, event.stocktakeId, JSON.stringify(event.data), JSON.stringify(actor), occurredAt],
      );
      stored.push({
        id: String(row!.id),
        eventId,
        channel,
        sequence,
        name: event.name,
        hotel: event.hotel,
        stocktakeId: event.stocktakeId,
        data: event.data,
        actor: { id: actor.id, name: actor.name },
        occurredAt,
      } as StoredEvent);
    }
    return stored;
  }

  committed(stored: StoredEvent[]): void {
    if (stored.length > 0) this.onCommitted(stored);
  }
}

/** Takes `count` numbers on each channel; returns the first one of each. */
async function reserveSequences(em: EntityManager, counts: Map<string, number>): Promise<Map<string, number>> {
  const first = new Map<string, number>();
  for (const channel of [...counts.keys()].sort()) {
    const count = counts.get(channel)!;
    const [row] = await em.execute<{ last_sequence: string }[]>(
      `insert into channel_sequence (channel, last_sequence) values (?, ?)
       on conflict (channel) do update set last_sequence = channel_sequence.last_sequence + excluded.last_sequence
       returning last_sequence`,
      [channel, count],
    );
    first.set(channel, Number(row!.last_sequence) - count + 1);
  }
  return first;
}

function countByChannel(channels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const channel of channels) counts.set(channel, (counts.get(channel) ?? 0) + 1);
  return counts;
}
