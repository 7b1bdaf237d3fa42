/**
 * The one way a line is read for a change and the one set of refusals, for
 * every change to a line: counts, bulk counts, movements and editing locks
 * (docs/architecture.md, "One path for line changes"). The line is read with
 * lockLine (its stocktake's row locked first, its stocktake's status and live
 * editing lock joined), refused in a fixed order (not found, not allowed,
 * approved, someone else's lock, stale version), and written back with
 * saveLine, whose stale-version answer is the same CONFLICT as a stale
 * `expectedVersion`; every write records an entry of the line's history in
 * the same transaction (docs/domain.md, "A line's history").
 */
import { StocktakeStatus } from '../entities';
import { ConflictError, LockedError, NotFoundError } from '../errors';
import type { Sql } from '../sql';
import { authorize, type Role, type Viewer } from '../viewer';
import { type LineRecord } from '../views';
import { lockLine, saveLine, type LockHolder, type LockedLine } from './line-records';
import { describeLineRecord, type LineView } from '../line-view';
import { lineFigures, type LineChange } from '../line-history';

/**
 * The line with its stocktake locked for the rest of the transaction:
 * NOT_FOUND when there is none (or it is of a hotel the viewer does not
 * belong to), FORBIDDEN below `role`. Nothing is refused for its state here.
 */
export async function lineForChange(sql: Sql, viewer: Viewer, lineId: number, role: Role): Promise<LockedLine> {
  const line = await lockLine(sql, lineId);
  if (!line) throw new NotFoundError('StocktakeLine', lineId);
  authorize(viewer, { hotel: line.hotel, role, record: { entity: 'StocktakeLine', id: String(lineId) } });
  return line;
}

/** LOCKED when the stocktake is approved: `action` says what was refused ("edit its lines"). */
export function checkNotApproved(status: StocktakeStatus, stocktakeId: number, action: string): void {
  if (status === StocktakeStatus.APPROVED) throw new LockedError(stocktakeId, action);
}

/** Refuses a change to a line someone else holds the editing lock of, or that is not at the version the client saw. */
export function checkLineEditable(viewer: Viewer, line: LockedLine, expectedVersion: number | null | undefined): void {
  checkNotLockedByOther(viewer, line.id, line.lock);
  if (expectedVersion != null && expectedVersion !== line.version) {
    throw staleVersion(describeLineRecord(line), expectedVersion);
  }
}

/**
 * The line for a change by `viewer`, every refusal checked: lineForChange,
 * then checkNotApproved and checkLineEditable.
 */
export async function editableLine(
  sql: Sql,
  viewer: Viewer,
  lineId: number,
  action: string,
  expectedVersion: number | null | undefined,
): Promise<LockedLine> {
  const line = await lineForChange(sql, viewer, lineId, 'staff');
  checkNotApproved(line.stocktakeStatus, line.stocktakeId, action);
  checkLineEditable(viewer, line, expectedVersion);
  return line;
}

/**
 * Writes the line's stored figures (as `changed` holds them), records the
 * change in the line's history (`change`: what, by whom, when; with the
 * figures before and after) and returns its view at the new version; the
 * stale-version CONFLICT when it changed since `read` was read. Every change
 * locks the stocktake first, so that means a path that skipped the lock:
 * refused rather than overwritten.
 */
export async function writeLine(
  sql: Sql,
  read: LockedLine,
  changed: LineRecord,
  change: LineChange,
): Promise<LineView> {
  const before = describeLineRecord(read);
  // Saved only at `read.version`, so the line's next version.
  const after = describeLineRecord({ ...changed, version: read.version + 1 });
  const version = await saveLine(
    sql,
    { ...changed, version: read.version },
    {
      lineId: read.id,
      stocktakeId: read.stocktakeId,
      before: lineFigures(before),
      after: lineFigures(after),
      change,
    },
  );
  if (version === null) throw staleVersion(before, read.version);
  return after;
}

/** The CONFLICT for a change to a line someone else is editing: who holds it, and until when. */
function lineLockedError(lineId: number, holder: LockHolder): ConflictError {
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

/** The CONFLICT for a change made against a version of the line other than its current one. */
function staleVersion(line: LineView, expectedVersion: number): ConflictError {
  return new ConflictError(`Line ${line.id} has changed since version ${expectedVersion}; reload it and try again`, {
    reason: 'STALE_VERSION',
    lineId: String(line.id),
    currentVersion: line.version,
    line,
  });
}
