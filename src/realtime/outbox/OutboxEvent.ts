import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One event on one channel, written in the transaction of the change it
 * describes (transactional outbox). The same row serves GraphQL catch-up,
 * the Pusher relay's queue and its delivery record.
 */
@Entity({ tableName: 'outbox_event' })
@Unique({ properties: ['channel', 'sequence'] })
@Index({
  name: 'outbox_event_pending_index',
  expression:
    'create index "outbox_event_pending_index" on "outbox_event" ("channel", "sequence") where "published_at" is null and "dead_lettered_at" is null',
})
@Index({
  name: 'outbox_event_published_index',
  expression:
    'create index "outbox_event_published_index" on "outbox_event" ("published_at") where "published_at" is not null',
})
export class OutboxEvent {
  [OptionalProps]?:
    | 'attempts'
    | 'nextAttemptAt'
    | 'lastError'
    | 'publishedAt'
    | 'deadLetteredAt'
    | 'slimmed'
    | 'claimToken'
    | 'claimedBy'
    | 'claimedUntil';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** Shared by the rows of one event that goes to several channels. */
  @Property({ type: 'uuid' })
  eventId!: string;

  /** The channel without the optional `private-` prefix, e.g. `hotel-killarney-stocktake-5`. */
  @Property({ type: 'string', length: 164 })
  channel!: string;

  /** Per channel: 1, 2, 3… in commit order, with no gaps. */
  @Property({ type: 'bigint' })
  sequence!: string;

  /** The Pusher event name, e.g. `line-counted-updated`. */
  @Property({ type: 'string', length: 64 })
  name!: string;

  @Property({ type: 'string', length: 100 })
  hotel!: string;

  @Property({ type: 'integer' })
  stocktakeId!: number;

  /** The event's data as the domain recorded it (camelCase views); payloads are built from it. */
  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'json' })
  actor!: { id: string; name: string };

  @Property({ type: 'datetime' })
  occurredAt!: Date;

  // ---- Pusher relay state ----------------------------------------------------

  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  /** Set when the event can never be delivered to Pusher; `lastError` says why. */
  @Property({ type: 'datetime', nullable: true })
  deadLetteredAt: Date | null = null;

  /**
   * True when the event goes (or went) to Pusher in the slim form: its full
   * payload was over the size limit, or it was re-queued after later events
   * of its channel had been delivered (stale data must not overwrite newer).
   */
  @Property({ type: 'boolean', default: false })
  slimmed: boolean = false;

  /**
   * Fencing for the relay: a relay publishes a row only while it holds an
   * unexpired claim on it, and marks it only with the token of that claim,
   * so two instances never send the same event (see outbox-store.ts).
   */
  @Property({ type: 'uuid', nullable: true })
  claimToken: string | null = null;

  /** The instance holding the claim: its claims end when it stops beating (instance_liveness), not only at `claimedUntil`. */
  @Property({ type: 'string', length: 64, nullable: true })
  claimedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  claimedUntil: Date | null = null;
}

/** The last sequence number given out on each channel; its row lock orders commits per channel. */
@Entity({ tableName: 'channel_sequence' })
export class ChannelSequence {
  @PrimaryKey({ type: 'string', length: 164 })
  channel!: string;

  @Property({ type: 'bigint' })
  lastSequence!: string;

  /** Events up to this sequence were delivered and then pruned (OUTBOX_RETENTION); catch-up before it is refused. */
  @Property({ type: 'bigint', default: 0 })
  prunedThrough: string = '0';
}
