/**
 * Every statement about the outbox, in one place: appending a mutation's
 * events, reading a channel's history back (subscriptions, channelEvents),
 * the Pusher relay's claims and outcomes, dead letters, status, and
 * retention. Nothing else writes SQL against `outbox_event` or
 * `channel_sequence`. See docs/realtime.md, "Delivery guarantees".
 *
 * Relay claims are the fencing: a relay sends a row only after claiming it
 * (a token and an expiry, set in one conditional UPDATE that two relays
 * cannot both win), and records the outcome only with that token. A relay
 * that lost its claim, or its leadership, can therefore neither send what
 * another relay sends nor mark it.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEvent } from '../../domain/events';
import { coalesced, singleFlight } from '../../domain/single-flight';
import type { Sql } from '../../domain/sql';
import { pooledSql } from '../../persistence/sql';
import { liveInstance } from '../../domain/services/instance-liveness';
import type { Actor } from '../../domain/viewer';
import { channelsOf } from '../event-catalog';
import type { StoredEvent } from './stored-event';

/** A row of `outbox_event` as the relay sees it. */
export interface RelayRow {
  id: string;
  event_id: string;
  channel: string;
  sequence: string;
  name: StoredEvent['name'];
  hotel: string;
  stocktake_id: number;
  data: StoredEvent['data'];
  actor: StoredEvent['actor'];
  occurred_at: Date | string;
  attempts: number;
  slimmed: boolean;
  /** The history's epoch when the row was read (EPOCH). */
  epoch: string;
}

export interface ChannelHistory {
  /** The current epoch of every channel's history (EPOCH). */
  epoch: string;
  /** The channel's last sequence (0 when it has none). */
  latest: number;
  /** Events up to this sequence were pruned; a catch-up from before it cannot be served. */
  prunedThrough: number;
}

/** Where a channel's history stands: its epoch and a sequence in it. */
interface ChannelPosition {
  epoch: string;
  sequence: number;
}

interface OutboxStatus {
  backlog: number;
  oldestPendingAt: Date | null;
  deadLettered: number;
  lastError: string | null;
}

export interface DeadLetter {
  eventId: string;
  name: string;
  channel: string;
  sequence: number;
  reason: string;
  deadLetteredAt: Date;
}

const EVENT_COLUMNS = 'id, event_id, channel, sequence, name, hotel, stocktake_id, data, actor, occurred_at';

/**
 * The epoch of the history, computed by the statement that reads or writes
 * the events (never cached, so a restore shows at once): the function
 * `current_history_epoch()` (migrations Migration20261205170829 and
 * Migration20261205174626) mixes the seed in `history_epoch` with what a
 * restore or reset changes. Stable and uncorrelated, so PostgreSQL runs it
 * once per statement, about 0.02 ms (docs/realtime.md, "Positions and epochs").
 */
const EPOCH = '(select current_history_epoch())';

type Executor = (sql: string, params?: unknown[]) => Promise<unknown[]>;

/** A row (alias `row`) nobody holds: never claimed, its lease over, or its holder dead. */
const unclaimed = (row: string) =>
  `(${row}.claimed_until is null or ${row}.claimed_until < now() or not ${liveInstance(`${row}.claimed_by`)})`;

/** How `append` announces a commit to the other instances (commit-notices.ts). */
interface CommitNoticeTarget {
  /** The PostgreSQL channel to NOTIFY. */
  channel: string;
  /** This instance, named in every notice so that it can skip its own. */
  origin: string;
}

export class OutboxStore {
  /** Statements outside a mutation run on the pool, each on its own. */
  private readonly run: Executor;

  /**
   * @param notices when given, every append also sends a commit notice per channel, in the same statement.
   * @param relayed false when no relay sends the events on (the built-in Pusher endpoint feeds its sockets from
   *   the channel streams, built-in-pusher-feed.ts): events are stored as delivered, so nothing waits in a backlog.
   */
  constructor(
    orm: MikroORM,
    private readonly notices?: CommitNoticeTarget,
    private readonly relayed = true,
  ) {
    const pool = pooledSql(orm);
    this.run = (sql, params = []) => pool.rows(sql, params);
  }

  private async rows<T>(sql: string, params: unknown[] = [], execute: Executor = this.run): Promise<T[]> {
    return (await execute(sql, params)) as T[];
  }

  // ---- writing, inside the mutation's transaction ---------------------------

  /**
   * Stores each event once per channel it goes to, with the channel's next
   * sequence numbers. The upsert on `channel_sequence` keeps the channel's
   * row locked until commit, so numbers follow commit order and a rollback
   * gives them back; channels are locked in sorted order (no deadlock cycle).
   * With `notices`, the same statement also NOTIFYs `<origin> <last sequence>
   * <count> <channel>`: PostgreSQL delivers it at commit, never after a
   * rollback, at no extra round trip (docs/realtime.md, "Several instances").
   */
  async append(target: Sql, events: readonly DomainEvent[], actor: Actor): Promise<StoredEvent[]> {
    if (events.length === 0) return [];
    const execute: Executor = (sql, params = []) => target.rows(sql, params);
    const occurredAt = new Date().toISOString();
    const copies = events.flatMap((event) => {
      const eventId = randomUUID();
      return channelsOf(event).map((channel) => ({ event, eventId, channel }));
    });
    const byChannel = new Map<string, typeof copies>();
    for (const copy of copies) byChannel.set(copy.channel, [...(byChannel.get(copy.channel) ?? []), copy]);
    const stored: StoredEvent[] = [];
    const notice = this.noticeClause();
    // One statement per channel takes the channel's next numbers and stores its events with them.
    for (const channel of [...byChannel.keys()].sort()) {
      const own = byChannel.get(channel)!;
      const rows = await this.rows<{ id: string; sequence: string; ordinal: number; epoch: string }>(
        `with taken as (
           insert into channel_sequence (channel, last_sequence) values (?, ?)
           on conflict (channel) do update set last_sequence = channel_sequence.last_sequence + excluded.last_sequence
           returning last_sequence
         )${notice.sql}
         insert into outbox_event (event_id, channel, sequence, name, hotel, stocktake_id, data, actor, occurred_at, published_at)
         select e.event_id, ?, taken.last_sequence - ? + e.ordinal, e.name, e.hotel, e.stocktake_id, e.data,
                cast(? as jsonb), cast(? as timestamptz), cast(? as timestamptz)
         from taken${notice.from}, jsonb_to_recordset(cast(? as jsonb))
           as e(ordinal int, event_id uuid, name text, hotel text, stocktake_id int, data jsonb)
         returning id, sequence, sequence - (select last_sequence from taken) + ? as ordinal, ${EPOCH} as epoch`,
        [
          channel,
          own.length,
          ...notice.params(channel, own.length),
          channel,
          own.length,
          JSON.stringify(actor),
          occurredAt,
          this.relayed ? null : occurredAt,
          JSON.stringify(
            own.map(({ event, eventId }, index) => ({
              ordinal: index + 1,
              event_id: eventId,
              name: event.name,
              hotel: event.hotel,
              stocktake_id: event.stocktakeId,
              data: event.data,
            })),
          ),
          own.length,
        ],
        execute,
      );
      for (const row of rows.sort((x, y) => x.ordinal - y.ordinal)) {
        const { event, eventId } = own[row.ordinal - 1]!;
        stored.push({
          id: String(row.id),
          eventId,
          channel,
          epoch: row.epoch,
          sequence: Number(row.sequence),
          name: event.name,
          hotel: event.hotel,
          stocktakeId: event.stocktakeId,
          data: event.data,
          actor: { id: actor.id, name: actor.name },
          occurredAt,
        });
      }
    }
    return stored;
  }

  /**
   * The commit notice as part of the append statement: a CTE that the insert joins (its one row),
   * so PostgreSQL runs it exactly once; pg_notify is volatile, so the CTE is never inlined.
   */
  private noticeClause(): { sql: string; from: string; params: (channel: string, count: number) => unknown[] } {
    const notices = this.notices;
    if (!notices) return { sql: '', from: '', params: () => [] };
    return {
      sql: `,
         noticed as (
           select pg_notify(?, concat_ws(' ', cast(? as text), last_sequence, cast(? as int), cast(? as text))) from taken
         )`,
      from: ', noticed',
      params: (channel, count) => [notices.channel, notices.origin, count, channel],
    };
  }

  // ---- reading a channel's history -------------------------------------------

  /**
   * Up to `limit` events of the channel after `afterSequence`, in order. Identical calls made in one turn of
   * the event loop share one read that begins after all of them (`coalesced`): a thousand subscribers of one
   * stocktake catching up from the same sequence make one statement (bench B8), and none gets a read older
   * than its call.
   */
  eventsAfter(channel: string, afterSequence: number, limit: number): Promise<StoredEvent[]> {
    return this.coalescedEventsAfter(channel, afterSequence, limit);
  }

  private readonly coalescedEventsAfter = coalesced(
    async (channel: string, afterSequence: number, limit: number): Promise<StoredEvent[]> => {
      const rows = await this.rows<RelayRow>(
        `select ${EVENT_COLUMNS}, ${EPOCH} as epoch from outbox_event where channel = ? and sequence > ? order by sequence limit ?`,
        [channel, afterSequence, limit],
      );
      return rows.map(toStoredEvent);
    },
    (channel, afterSequence, limit) => `${channel}\u0000${afterSequence}\u0000${limit}`,
  );

  /**
   * The channel's position now: the epoch and the last sequence, and how far history was pruned. Calls for a
   * channel in one turn share one read that begins after all of them, as `eventsAfter`'s do.
   */
  history(channel: string): Promise<ChannelHistory> {
    return this.coalescedHistory(channel);
  }

  private readonly coalescedHistory = coalesced(
    async (channel: string): Promise<ChannelHistory> => {
      const [row] = await this.rows<{ epoch: string; last_sequence: string | null; pruned_through: string | null }>(
        `select ${EPOCH} as epoch, s.last_sequence, s.pruned_through
         from (select 1) one left join channel_sequence s on s.channel = ?`,
        [channel],
      );
      return {
        epoch: row!.epoch,
        latest: Number(row?.last_sequence ?? 0),
        prunedThrough: Number(row?.pruned_through ?? 0),
      };
    },
    (channel) => channel,
  );

  /**
   * The channel's position (epoch, latest sequence) for a subscriber starting from now: calls
   * made while a read for the channel is running share it (a thousand
   * screens opening one stocktake make one read). A read that began a moment
   * before the subscriber listened only makes "now" a moment earlier: the
   * events in between come from the outbox as the next live one reveals the
   * gap (channel-stream.ts). Not for checks against a sequence a client was
   * just given; those use history().
   */
  readonly startingPosition = singleFlight(async (channel: string): Promise<ChannelPosition> => {
    const { epoch, latest } = await this.history(channel);
    return { epoch, sequence: latest };
  });

  /** The last sequence of each given channel that has one, in one statement (the Redis bus's staleness check). */
  async latestSequences(channels: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.rows<{ channel: string; last_sequence: string }>(
      'select channel, last_sequence from channel_sequence where channel in (select jsonb_array_elements_text(cast(? as jsonb)))',
      [JSON.stringify(channels)],
    );
    return new Map(rows.map((row) => [row.channel, Number(row.last_sequence)]));
  }

  // ---- the relay ---------------------------------------------------------------

  /**
   * Claims the oldest pending event of up to `limit` channels whose retry
   * time has come and whose head nobody holds a live claim on: one per
   * channel, so a channel never has two events in flight. Candidate rows are
   * locked with SKIP LOCKED (two claimers never wait on each other, so they
   * cannot deadlock), and the claim condition is checked again on the locked,
   * current row, so of two relays racing for the same head exactly one wins.
   *
   * Each channel's head is found by walking the pending index channel by
   * channel (a loose index scan: one probe per channel with pending events)
   * rather than by reading every pending row, so a claim costs the same with
   * a backlog of ten thousand events as with ten (bench B5).
   *
   * A claim names its `holder` (the instance) and lasts until `leaseMs` has
   * passed or its holder stops beating (`liveInstance`), whichever is first:
   * a killed relay's claims are free within seconds.
   */
  async claimDue(limit: number, leaseMs: number, holder: string): Promise<{ token: string; rows: RelayRow[] }> {
    const token = randomUUID();
    const rows = await this.rows<RelayRow>(
      `with recursive pending_channels as (
         (select channel from outbox_event where published_at is null and dead_lettered_at is null
          order by channel limit 1)
         union all
         select (select o.channel from outbox_event o
                 where o.published_at is null and o.dead_lettered_at is null and o.channel > p.channel
                 order by o.channel limit 1)
         from pending_channels p where p.channel is not null
       ), heads as (
         select h.id, h.next_attempt_at, h.claimed_until, h.claimed_by from pending_channels p
         cross join lateral (
           select id, next_attempt_at, claimed_until, claimed_by from outbox_event
           where channel = p.channel and published_at is null and dead_lettered_at is null
           order by sequence limit 1
         ) h
         where p.channel is not null
       ), due as (
         select o.id from outbox_event o join heads h on h.id = o.id
         where (h.next_attempt_at is null or h.next_attempt_at <= now()) and ${unclaimed('h')}
         order by o.id limit ?
         for update of o skip locked
       )
       update outbox_event o set claim_token = ?, claimed_by = ?, claimed_until = now() + make_interval(secs => ?)
       from due
       where o.id = due.id and o.published_at is null and o.dead_lettered_at is null and ${unclaimed('o')}
       returning o.id, o.event_id, o.channel, o.sequence, o.name, o.hotel, o.stocktake_id, o.data, o.actor, o.occurred_at, o.attempts, o.slimmed,
         ${EPOCH} as epoch`,
      [limit, token, holder, leaseMs / 1000],
    );
    rows.sort((a, b) => Number(a.id) - Number(b.id));
    return { token, rows };
  }

  /**
   * Another request under the same claim (an event split in parts, a batch
   * sent one by one): the claim lasts another `leaseMs`. False when it was
   * lost (its holder counted dead, or the lease ran out), so nothing more is sent under it.
   */
  async extendClaim(token: string, leaseMs: number): Promise<boolean> {
    const rows = await this.rows<{ id: string }>(
      `update outbox_event set claimed_until = now() + make_interval(secs => ?)
       where claim_token = ? and published_at is null and dead_lettered_at is null returning id`,
      [leaseMs / 1000, token],
    );
    return rows.length > 0;
  }

  /** Pusher accepted these: delivered. Returns the ids still held by this claim (a lost claim marks nothing). */
  async markPublished(token: string, ids: readonly string[], slimmedIds: readonly string[]): Promise<number> {
    const rows = await this.rows<{ id: string }>(
      `update outbox_event set published_at = now(), attempts = attempts + 1, next_attempt_at = null, last_error = null,
              slimmed = (id = any(cast(? as bigint[]))), claim_token = null, claimed_by = null, claimed_until = null
       where id = any(cast(? as bigint[])) and claim_token = ? returning id`,
      [slimmedIds, ids, token],
    );
    return rows.length;
  }

  /** A failed attempt that may succeed later: try again at `at`. */
  async retryLater(token: string, id: string, attempts: number, at: Date, reason: string): Promise<void> {
    await this.run(
      `update outbox_event set attempts = ?, next_attempt_at = ?, last_error = ?, claim_token = null, claimed_by = null, claimed_until = null
       where id = ? and claim_token = ?`,
      [attempts, at, reason, id, token],
    );
  }

  /** Gives up on these for good (until a manager re-queues them). */
  async deadLetter(token: string, ids: readonly string[], reason: string): Promise<void> {
    await this.run(
      `update outbox_event set dead_lettered_at = now(), last_error = ?, attempts = attempts + 1, claim_token = null, claimed_by = null, claimed_until = null
       where id = any(cast(? as bigint[])) and claim_token = ?`,
      [reason, ids, token],
    );
  }

  /** Lets go of a claim without an outcome (paused, or shutting down): the rows are due again at once. */
  async release(token: string, ids: readonly string[], reason?: string): Promise<void> {
    await this.run(
      `update outbox_event set claim_token = null, claimed_by = null, claimed_until = null, last_error = coalesce(?, last_error)
       where id = any(cast(? as bigint[])) and claim_token = ?`,
      [reason ?? null, ids, token],
    );
  }

  /**
   * Puts a hotel's dead letters back in the queue. One whose channel has
   * since delivered later events goes in the slim form (`refetch: true`),
   * so that a legacy frontend never replaces newer data with older.
   */
  async requeueDeadLetters(hotel: string): Promise<number> {
    const rows = await this.rows<{ id: string }>(
      `update outbox_event o set dead_lettered_at = null, attempts = 0, next_attempt_at = null, last_error = null,
              slimmed = o.slimmed or exists (
                select 1 from outbox_event later
                where later.channel = o.channel and later.sequence > o.sequence and later.published_at is not null)
       where o.hotel = ? and o.dead_lettered_at is not null returning o.id`,
      [hotel],
    );
    return rows.length;
  }

  // ---- status ------------------------------------------------------------------

  async status(hotels: readonly string[]): Promise<OutboxStatus> {
    if (hotels.length === 0) return { backlog: 0, oldestPendingAt: null, deadLettered: 0, lastError: null };
    const [row] = await this.rows<{
      backlog: string;
      oldest: Date | string | null;
      dead: string;
      last_error: string | null;
    }>(
      `select count(*) filter (where published_at is null and dead_lettered_at is null) as backlog,
              min(occurred_at) filter (where published_at is null and dead_lettered_at is null) as oldest,
              count(*) filter (where dead_lettered_at is not null) as dead,
              (select last_error from outbox_event where hotel = any(cast(? as text[])) and published_at is null and last_error is not null
               order by id desc limit 1) as last_error
       from outbox_event where hotel = any(cast(? as text[])) and published_at is null`,
      [hotels, hotels],
    );
    return {
      backlog: Number(row?.backlog ?? 0),
      oldestPendingAt: row?.oldest ? new Date(row.oldest) : null,
      deadLettered: Number(row?.dead ?? 0),
      lastError: row?.last_error ?? null,
    };
  }

  /** The backlog of every hotel (metrics). */
  async overallStatus(): Promise<Omit<OutboxStatus, 'lastError'>> {
    const [row] = await this.rows<{ backlog: string; oldest: Date | string | null; dead: string }>(
      `select count(*) filter (where dead_lettered_at is null) as backlog,
              min(occurred_at) filter (where dead_lettered_at is null) as oldest,
              count(*) filter (where dead_lettered_at is not null) as dead
       from outbox_event where published_at is null`,
    );
    return {
      backlog: Number(row?.backlog ?? 0),
      oldestPendingAt: row?.oldest ? new Date(row.oldest) : null,
      deadLettered: Number(row?.dead ?? 0),
    };
  }

  async deadLetters(hotel: string, limit: number): Promise<DeadLetter[]> {
    const rows = await this.rows<{
      event_id: string;
      name: string;
      channel: string;
      sequence: string;
      last_error: string;
      dead_lettered_at: Date | string;
    }>(
      `select event_id, name, channel, sequence, last_error, dead_lettered_at from outbox_event
       where hotel = ? and dead_lettered_at is not null order by dead_lettered_at desc, id desc limit ?`,
      [hotel, limit],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      name: row.name,
      channel: row.channel,
      sequence: Number(row.sequence),
      reason: row.last_error,
      deadLetteredAt: new Date(row.dead_lettered_at),
    }));
  }

  // ---- retention ---------------------------------------------------------------

  /**
   * Deletes up to `batch` delivered events published before `cutoff`, only
   * ever a prefix of each channel (nothing after an event still waiting or
   * dead-lettered), and records per channel how far history now starts.
   * Returns how many were deleted.
   */
  async prune(cutoff: Date, batch: number): Promise<number> {
    const rows = await this.rows<{ channel: string; pruned: string; deleted: string }>(
      `with first_kept as (
         -- per channel, the first event that must stay: not yet delivered, or delivered recently
         select channel, min(sequence) as sequence from outbox_event
         where published_at is null or published_at >= ?
         group by channel
       ), doomed as (
         select o.id from outbox_event o left join first_kept k on k.channel = o.channel
         where o.published_at < ? and (k.sequence is null or o.sequence < k.sequence)
         order by o.id limit ?
       ), deleted as (
         delete from outbox_event o using doomed where o.id = doomed.id returning o.channel, o.sequence
       ), per_channel as (
         select channel, max(sequence) as pruned, count(*) as deleted from deleted group by channel
       ), marked as (
         update channel_sequence s set pruned_through = greatest(s.pruned_through, p.pruned)
         from per_channel p where s.channel = p.channel returning s.channel
       )
       select p.channel, p.pruned, p.deleted from per_channel p`,
      [cutoff, cutoff, batch],
    );
    return rows.reduce((total, row) => total + Number(row.deleted), 0);
  }
}

export function toStoredEvent(row: RelayRow): StoredEvent {
  return {
    id: String(row.id),
    eventId: row.event_id,
    channel: row.channel,
    epoch: row.epoch,
    sequence: Number(row.sequence),
    name: row.name,
    hotel: row.hotel,
    stocktakeId: row.stocktake_id,
    data: typeof row.data === 'string' ? (JSON.parse(row.data) as StoredEvent['data']) : row.data,
    actor: typeof row.actor === 'string' ? (JSON.parse(row.actor) as StoredEvent['actor']) : row.actor,
    occurredAt: new Date(row.occurred_at).toISOString(),
  };
}
