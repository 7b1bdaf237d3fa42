/**
 * Soft editing locks on lines (docs/collaboration.md, "Editing locks"): a
 * user takes a line's lock while they edit it, renews it by taking it again,
 * releases it when done, and it expires on its own after the lock TTL. While
 * someone else holds it, counts and movements on that line are refused with
 * CONFLICT naming the holder; a manager can break it. Every lock change on a
 * line happens under its stocktake's row lock (like every line change), so
 * takes, renewals and writes on one stocktake follow one another.
 *
 * Locks cannot be hoarded: a user holds at most `locksPerUser` locks per
 * stocktake (one by default), so taking another line releases their oldest;
 * a manager ends all of one user's locks at once, and approval ends every
 * lock of the stocktake, each with one `editing-locks-ended` event rather
 * than one per line.
 */
import { StocktakeStatus } from '../entities';
import { BadInputError } from '../errors';
import type { EventRecorder, LockEndReason, LocksEndReason, UserRef } from '../events';
import type { Sql } from '../sql';
import type { UnitOfWork } from '../unit-of-work';
import { actorOf, type Viewer } from '../viewer';
import { hotelOfStocktake } from './access';
import { checkNotApproved, checkNotLockedByOther, lineForChange } from './line-change';

/** A line's editing lock as clients see it. */
export interface LineLockView {
  lineId: number;
  stocktakeId: number;
  user: UserRef;
  expiresAt: string;
}

interface LockRow {
  line_id: number;
  stocktake_id: number;
  hotel: string;
  user_id: string;
  user_name: string;
}

/** Records `user-stopped-editing-line` for each lock row that ended. */
function recordLocksEnded(events: EventRecorder, rows: readonly LockRow[], reason: LockEndReason): void {
  for (const row of rows) {
    events.record({
      name: 'user-stopped-editing-line',
      hotel: row.hotel,
      stocktakeId: row.stocktake_id,
      data: {
        stocktakeId: row.stocktake_id,
        lineId: row.line_id,
        user: { id: row.user_id, name: row.user_name },
        reason,
      },
    });
  }
}

/**
 * Ends locks of a stocktake with one `editing-locks-ended` event naming them
 * all (none when there were none): every lock, or only `userId`'s. Lapsed
 * locks not swept yet end with them, so no `expired` event follows for any.
 * The caller holds the stocktake's row lock. Returns how many ended.
 */
export async function endLocksTogether(
  sql: Sql,
  events: EventRecorder,
  ending: { hotel: string; stocktakeId: number; userId?: string; reason: LocksEndReason },
): Promise<number> {
  const rows = await sql.rows<LockRow>(
    `delete from line_lock where stocktake_id = ? ${ending.userId === undefined ? '' : 'and user_id = ?'}
     returning line_id, stocktake_id, hotel, user_id, user_name`,
    ending.userId === undefined ? [ending.stocktakeId] : [ending.stocktakeId, ending.userId],
  );
  if (rows.length === 0) return 0;
  const locks = rows
    .map((row) => ({ lineId: row.line_id, user: { id: row.user_id, name: row.user_name } }))
    .sort((a, b) => a.lineId - b.lineId);
  events.record({
    name: 'editing-locks-ended',
    hotel: ending.hotel,
    stocktakeId: ending.stocktakeId,
    data: { stocktakeId: ending.stocktakeId, locks, reason: ending.reason },
  });
  return rows.length;
}

/** Ends a user's locks on a stocktake (their presence ended). */
export async function releaseLocksOf(
  sql: Sql,
  events: EventRecorder,
  stocktakeId: number,
  userId: string,
): Promise<void> {
  const rows = await sql.rows<LockRow & { live: boolean }>(
    `delete from line_lock where stocktake_id = ? and user_id = ?
     returning line_id, stocktake_id, hotel, user_id, user_name, expires_at > now() as live`,
    [stocktakeId, userId],
  );
  recordLocksEnded(
    events,
    rows.filter((row) => row.live),
    'left',
  );
  recordLocksEnded(
    events,
    rows.filter((row) => !row.live),
    'expired',
  );
}

export class LineLockService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly lockTtlMs: number,
    /** How many locks one user may hold on one stocktake (LINE_LOCKS_PER_USER). */
    private readonly locksPerUser = 1,
  ) {}

  /**
   * Takes the line's lock, or renews it for its holder; CONFLICT while
   * another user holds it. A take beyond the caller's share of locks on the
   * stocktake releases their least recently taken or renewed other lock(s)
   * first (`user-stopped-editing-line`, released), in the same transaction.
   */
  start(viewer: Viewer, lineId: number): Promise<LineLockView> {
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const line = await lineForChange(sql, viewer, lineId, 'staff');
      checkNotApproved(line.stocktakeStatus, line.stocktakeId, 'edit its lines');
      checkNotLockedByOther(viewer, lineId, line.lock);
      // An expired lock of someone else not yet swept: it ends here, and says so.
      const expired = await sql.rows<LockRow>(
        `delete from line_lock where line_id = ? and user_id <> ? and expires_at <= now()
         returning line_id, stocktake_id, hotel, user_id, user_name`,
        [lineId, viewer.id],
      );
      recordLocksEnded(events, expired, 'expired');
      // The caller's other locks beyond their share end: editing moves to this line.
      const moved = await sql.rows<LockRow & { live: boolean }>(
        `delete from line_lock where line_id in (
           select line_id from line_lock where stocktake_id = ? and user_id = ? and line_id <> ?
           order by expires_at desc, line_id desc offset ?)
         returning line_id, stocktake_id, hotel, user_id, user_name, expires_at > now() as live`,
        [line.stocktakeId, viewer.id, lineId, this.locksPerUser - 1],
      );
      moved.sort((a, b) => a.line_id - b.line_id);
      for (const row of moved) recordLocksEnded(events, [row], row.live ? 'released' : 'expired');
      const [taken] = await sql.rows<{ expires_at: Date }>(
        `insert into line_lock (line_id, stocktake_id, hotel, user_id, user_name, expires_at)
         values (?, ?, ?, ?, ?, now() + ? * interval '1 millisecond')
         on conflict (line_id) do update set user_name = excluded.user_name, expires_at = excluded.expires_at
         returning expires_at`,
        [lineId, line.stocktakeId, line.hotel, viewer.id, viewer.name, this.lockTtlMs],
      );
      const lock: LineLockView = {
        lineId,
        stocktakeId: line.stocktakeId,
        user: { id: viewer.id, name: viewer.name },
        expiresAt: new Date(taken!.expires_at).toISOString(),
      };
      // A renewal by the holder says nothing new; a take (or a take-back after expiry) does.
      if (line.lock?.userId !== viewer.id) {
        events.record({
          name: 'user-editing-line',
          hotel: line.hotel,
          stocktakeId: line.stocktakeId,
          data: { stocktakeId: lock.stocktakeId, lineId, user: lock.user, expiresAt: lock.expiresAt },
        });
      }
      return lock;
    });
  }

  /** Releases the caller's lock on the line; false when they held none. */
  stop(viewer: Viewer, lineId: number): Promise<boolean> {
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      await lineForChange(sql, viewer, lineId, 'staff');
      const rows = await sql.rows<LockRow & { live: boolean }>(
        `delete from line_lock where line_id = ? and user_id = ?
         returning line_id, stocktake_id, hotel, user_id, user_name, expires_at > now() as live`,
        [lineId, viewer.id],
      );
      recordLocksEnded(events, rows, rows[0]?.live === false ? 'expired' : 'released');
      return rows.length > 0;
    });
  }

  /** Managers end anyone's lock on the line; false when there was none. */
  breakLock(viewer: Viewer, lineId: number): Promise<boolean> {
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      await lineForChange(sql, viewer, lineId, 'manager');
      const rows = await sql.rows<LockRow & { live: boolean }>(
        `delete from line_lock where line_id = ?
         returning line_id, stocktake_id, hotel, user_id, user_name, expires_at > now() as live`,
        [lineId],
      );
      recordLocksEnded(events, rows, rows[0]?.live === false ? 'expired' : 'broken');
      return rows.length > 0;
    });
  }

  /**
   * Managers end all of one user's locks on the stocktake at once, with one
   * `editing-locks-ended` event (reason broken); how many ended. A user id no
   * lock names ends nothing (users are known from tokens only).
   */
  breakUserLocks(viewer: Viewer, stocktakeId: number, userId: string): Promise<number> {
    if (userId.length === 0 || userId.length > 128) {
      throw new BadInputError('userId', 'userId must be the id of a user (1 to 128 characters)');
    }
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const hotel = await hotelOfStocktake(sql, viewer, stocktakeId, 'manager');
      await sql.rows('select id from stocktake where id = ? for update', [stocktakeId]);
      return endLocksTogether(sql, events, { hotel, stocktakeId, userId, reason: 'broken' });
    });
  }

  /**
   * Ends every lock past its expiry, on every instance's behalf; how many
   * ended. Locks of an approved stocktake end silently: approval already
   * told everyone that all editing ended (none should remain; this covers
   * any left from before approvals ended them).
   */
  sweep(): Promise<number> {
    return this.unitOfWork.runSql(SYSTEM_ACTOR, async (sql, events) => {
      const rows = await sql.rows<LockRow & { approved: boolean }>(
        `with ended as (
           delete from line_lock where line_id in (
             select line_id from line_lock where expires_at <= now() order by expires_at limit 500 for update skip locked)
           returning line_id, stocktake_id, hotel, user_id, user_name)
         select e.*, exists (select 1 from stocktake s where s.id = e.stocktake_id and s.status = ?) as approved
         from ended e`,
        [StocktakeStatus.APPROVED],
      );
      recordLocksEnded(
        events,
        rows.filter((row) => !row.approved),
        'expired',
      );
      return rows.length;
    });
  }
}

/** Who ends what lapses on its own: sweeps are done by the service, not by a user. */
export const SYSTEM_ACTOR = { id: 'system', name: 'Stocktake Live' } as const;
