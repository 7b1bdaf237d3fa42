import type { DomainEvent, EventName } from '../../domain/events';
import type { Actor } from '../../domain/viewer';

/**
 * An event as committed to one channel: what the outbox holds, what the
 * internal event bus carries, and what every transport is built from.
 * Plain JSON, so it can cross process boundaries unchanged.
 */
export interface StoredEvent<Name extends EventName = EventName> {
  /** The outbox row id. */
  id: string;
  eventId: string;
  channel: string;
  /**
   * The history this sequence belongs to: it changes when the history cannot
   * continue (a restore, a reset), and sequences start again within the new
   * one. A position is (epoch, sequence) (docs/realtime.md, "Positions and epochs").
   */
  epoch: string;
  sequence: number;
  name: Name;
  hotel: string;
  stocktakeId: number;
  data: Extract<DomainEvent, { name: Name }>['data'];
  actor: Actor;
  /** ISO-8601 UTC. */
  occurredAt: string;
}
