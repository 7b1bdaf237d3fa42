/** Reading committed events back: catch-up for subscribers and for Pusher clients that were away. */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StoredEvent } from './stored-event';

interface Row {
  id: string;
  event_id: string;
  channel: string;
  sequence: string;
  name: StoredEvent['name'];
  hotel: string;
  stocktake_id: number;
  data: StoredEvent['data'];
  actor: StoredEvent['actor'];
  occurred_at: Date;
}

/** The columns a StoredEvent is read from (see toStoredEvent). */
export const EVENT_COLUMNS = 'id, event_id, channel, sequence, name, hotel, stocktake_id, data, actor, occurred_at';

export async function eventsAfter(em: EntityManager, channel: string, afterSequence: number, limit: number): Promise<StoredEvent[]> {
  const rows = await em.execute<Row[]>(
    `select ${EVENT_COLUMNS} from outbox_event where channel = ? and sequence > ? order by sequence limit ?`,
    [channel, afterSequence, limit],
  );
  return rows.map(toStoredEvent);
}

export async function latestSequence(em: EntityManager, channel: string): Promise<number> {
  const [row] = await em.execute<{ last_sequence: string }[]>('select last_sequence from channel_sequence where channel = ?', [channel]);
  return row ? Number(row.last_sequence) : 0;
}

export function toStoredEvent(row: Row): StoredEvent {
  return {
    id: String(row.id),
    eventId: row.event_id,
    channel: row.channel,
    sequence: Number(row.sequence),
    name: row.name,
    hotel: row.hotel,
    stocktakeId: row.stocktake_id,
    data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
    actor: typeof row.actor === 'string' ? JSON.parse(row.actor) : row.actor,
    occurredAt: new Date(row.occurred_at).toISOString(),
  } as StoredEvent;
}

export type { Row as OutboxRow };
