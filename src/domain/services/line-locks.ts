/**
 * Soft editing locks on lines (docs/collaboration.md, "Editing locks"): a
 * user takes a line's lock while they edit it, renews it by taking it again,
 * releases it when done, and it expires on its own after the lock TTL. While
 * someone else holds it, counts and movements on that line are refused with
 * CONFLICT naming the holder; a manager can break it. Every lock change on a
 * line happens under its stocktake's row lock (like every line change), so
 * takes, renewals and writes on one stocktake follow one another.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { StocktakeStatus } from '../entities';
import { ConflictError, LockedError, NotFoundError } from '../errors';
import type { EventRecorder, LockEndReason, UserRef } from '../events';
import type { UnitOfWork } from '../unit-of-work';
import { actorOf, authorize, type Viewer } from '../viewer';
import { lockLine, type LockHolder, type LockedLine } from './line-records';

/** A line's editing lock as clients see it. */
export interface LineLockView {
  lineId: number;
  stocktakeId: number;
  user: UserRef;
  expiresAt: string;
}

/** The CONFLICT for a change to a line someone else is editing: who holds it, and until when. */
export function lineLockedError(lineId: number, holder: LockHolder): ConflictError {
  return new ConflictError(
    `Line ${lineId} is being edited by ${holder.userName} until ${holder.expiresAt.toISOString()}`,
    {
      reason: 'LINE_LOCKED',
      lineId: String(lineId),
      lockedBy: { id: holder.userId, name: holder.userName },
      lockExpiresAt: holder.expiresAt.toISOString(),
    },
  );
}

/** Refuses a change to the line when a live lock of another user is on it. */
export function checkNotLockedByOther(viewer: Viewer, lineId: number, holder: LockHolder | null): void {
  if (holder && holder.userId !== viewer.id) throw lineLockedError(lineId, holder);
}

/** The live lock on a line (one primary-key lookup), for changes that do not read the line through lockLine. */
export async function liveLockOf(em: EntityManager, lineId: number): Promise<LockHolder | null> {
  const [row] = await em.execute<{ user_id: string; user_name: string; expires_at: Date }[]>(
    'select user_id, user_name, expires_at from line_lock where line_id = ? and expires_at > now()',
    [lineId],
  );
  return row ? { userId: row.user_id, userName: row.user_name, expiresAt: new Date(row.expires_at) } : null;
}

interface LockRow {
  line_id: number;
  stocktake_id: number;
  hotel: string;
  user_id: string;
  user_name: string;
}

/** Records `user-stopped-editing-line` for each lock row that ended. */
export function recordLocksEnded(events: EventRecorder, rows: readonly LockRow[], reason: LockEndReason): void {
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

/** Ends a user's locks on a stocktake (their presence ended). */
export async function releaseLocksOf(
  em: EntityManager,
  events: EventRecorder,
  stocktakeId: number,
  userId: string,
): Promise<void> {
  const rows = await em.execute<(LockRow & { live: boolean })[]>(
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
  ) {}

  /** Takes the line's lock, or renews it for its holder; CONFLICT while another user holds it. */
  start(viewer: Viewer, lineId: number): Promise<LineLockView> {
    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      const line = await editableLine(em, viewer, lineId, 'staff');
      checkNotLockedByOther(viewer, lineId, line.lock);
      // An expired lock of someone else not yet swept: it ends here, and says so.
      const expired = await em.execute<LockRow[]>(
        `delete from line_lock where line_id = ? and user_id <> ? and expires_at <= now()
         returning line_id, stocktake_id, hotel, user_id, user_name`,
        [lineId, viewer.id],
      );
      recordLocksEnded(events, expired, 'expired');
      const [taken] = await em.execute<{ expires_at: Date }[]>(
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
    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      await editableLine(em, viewer, lineId, 'staff', { approvedToo: true });
      const rows = await em.execute<(LockRow & { live: boolean })[]>(
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
    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      await editableLine(em, viewer, lineId, 'manager', { approvedToo: true });
      const rows = await em.execute<(LockRow & { live: boolean })[]>(
        `delete from line_lock where line_id = ?
         returning line_id, stocktake_id, hotel, user_id, user_name, expires_at > now() as live`,
        [lineId],
      );
      recordLocksEnded(events, rows, rows[0]?.live === false ? 'expired' : 'broken');
      return rows.length > 0;
    });
  }

  /** Ends every lock past its expiry, on every instance's behalf; how many ended. */
  sweep(): Promise<number> {
    return this.unitOfWork.run(SYSTEM_ACTOR, async (em, events) => {
      const rows = await em.execute<LockRow[]>(
        `delete from line_lock where line_id in (
           select line_id from line_lock where expires_at <= now() order by expires_at limit 500 for update skip locked)
         returning line_id, stocktake_id, hotel, user_id, user_name`,
      );
      recordLocksEnded(events, rows, 'expired');
      return rows.length;
    });
  }
}

/** Who ends what lapses on its own: sweeps are done by the service, not by a user. */
export const SYSTEM_ACTOR = { id: 'system', name: 'Stocktake Live' } as const;

async function editableLine(
  em: EntityManager,
  viewer: Viewer,
  lineId: number,
  role: 'staff' | 'manager',
  options: { approvedToo?: boolean } = {},
): Promise<LockedLine> {
  const line = await lockLine(em, lineId);
  if (!line) throw new NotFoundError('StocktakeLine', lineId);
  authorize(viewer, { hotel: line.hotel, role, record: { entity: 'StocktakeLine', id: String(lineId) } });
  if (!options.approvedToo && line.stocktakeStatus === StocktakeStatus.APPROVED) {
    throw new LockedError(line.stocktakeId, 'edit its lines');
  }
  return line;
}
