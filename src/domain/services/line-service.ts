/**
 * Work on one stocktake line: entering counts and recording the purchases
 * and waste found while counting. Every change reads the line one way
 * (line-change.ts: its stocktake locked, the same refusals, the same
 * stale-version CONFLICT), recalculates it and bumps its version, all in
 * hand-written SQL (runSql), the path chosen for the count's speed.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { LineChangeKind, type MovementType } from '../entities';
import { absFixed, compareFixed, parseFixed } from '../fixed-point';
import { BadInputError, DomainError, NotFoundError } from '../errors';
import type { MovementValues } from '../events';
import { deriveLine } from '../line-calculations';
import { clampIntoPeriod, periodBounds, type PeriodBounds } from '../period';
import type { Sql } from '../sql';
import type { UnitOfWork } from '../unit-of-work';
import { COUNT, MONEY, MOVEMENT_QUANTITY, TEXT_LIMITS, UNIT_COST, checkDecimal, checkText } from '../validation';
import { actorOf, authorize, type Viewer } from '../viewer';
import { describeMovement, type LineRecord, type MovementView } from '../views';
import { checkLineEditable, checkNotApproved, editableLine, writeLine } from './line-change';
import { lockLinesOf, readLine, type LockedLine } from './line-records';
import {
  LINE_MOVEMENT_TYPES,
  deleteMovement,
  insertMovement,
  lineMovement,
  movementsOfItem,
  updateMovement,
  type MovementRecord,
} from './movement-records';
import { movementTotals, withPeriodTotals } from './movement-totals';
import { describeLineRecord, type LineView } from '../line-view';
import type { UserRef } from '../events';
import type { LineChange, LineHistoryView } from '../line-history';
import { checkPageSize, type Page } from '../page';
import { lineHistoryPage } from './line-history-records';
import { progressOf } from './stocktake-service';

interface LineCountsInput {
  countedFullUnits?: string | null;
  countedPartialUnits?: string | null;
  /** `null` clears the override; absent leaves it as it is. */
  manualPurchasesValue?: string | null;
  /** The version the client last saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null;
}

/** One line of a bulk count: the counts to enter and the version the client last saw. */
export interface BulkLineCount {
  lineId: number;
  countedFullUnits?: string | null;
  countedPartialUnits?: string | null;
  expectedVersion?: number | null;
}

/** The most lines one bulk count may change. */
const MAX_BULK_LINES = 500;

export interface MovementInput {
  movementType?: MovementType | null;
  quantity?: string | null;
  unitCost?: string | null;
  reference?: string | null;
  notes?: string | null;
  timestamp?: Date | null;
  /** The line version the client last saw; a different current version is a CONFLICT. */
  expectedVersion?: number | null;
}

/** Quantities are stored as numeric(15,4). */
const MAX_QUANTITY = parseFixed('100000000000');

export class LineService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async get(em: EntityManager, viewer: Viewer, lineId: number): Promise<LineView> {
    return describeLineRecord(await visibleLine(this.unitOfWork.sqlOf(em), viewer, lineId));
  }

  /** The item's movements inside the stocktake period, newest first. */
  async movements(em: EntityManager, viewer: Viewer, lineId: number): Promise<MovementView[]> {
    const sql = this.unitOfWork.sqlOf(em);
    const line = await visibleLine(sql, viewer, lineId);
    const movements = await movementsOfItem(sql, line.itemId, boundsOf(line));
    return movements.map((m) => describeMovement(m, line.itemSku));
  }

  /**
   * The line's history, newest first, a page at a time (docs/domain.md, "A line's history"): seen by whoever
   * may read the line, refused as the line is (NOT_FOUND for another hotel's). `after` is the id of the last
   * entry of the previous page; BAD_USER_INPUT when it is not an entry of this line.
   */
  async history(
    em: EntityManager,
    viewer: Viewer,
    lineId: number,
    page: { first: number; after: string | null },
  ): Promise<Page<LineHistoryView>> {
    checkPageSize(page.first);
    const sql = this.unitOfWork.sqlOf(em);
    await visibleLine(sql, viewer, lineId);
    const found = await lineHistoryPage(sql, lineId, page.first, page.after);
    if (!found) {
      throw new BadInputError('after', "after must be a cursor of this line's history (the endCursor of a page)");
    }
    return found;
  }

  updateCounts(viewer: Viewer, lineId: number, input: LineCountsInput): Promise<LineView> {
    // Checked before the transaction: bad input never takes a lock.
    const counts = checkedCounts(input);

    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const line = await editableLine(sql, viewer, lineId, 'edit its lines', input.expectedVersion);
      // A change of the purchases override alone is not a count (it leaves countedAt/countedBy as they are).
      const counted = counts.full !== undefined || counts.partial !== undefined;
      const change = changeBy(viewer, counted ? LineChangeKind.COUNT : LineChangeKind.PURCHASES_VALUE);
      const view = await writeLine(sql, line, countedLine(line, counts, change), change);
      events.record({
        name: 'line-counted-updated',
        hotel: line.hotel,
        stocktakeId: line.stocktakeId,
        data: { line: view, progress: await progressOf(sql, line.stocktakeId) },
      });
      return view;
    });
  }

  /**
   * Counts several lines of one stocktake at once, all or nothing: when any
   * line is refused (unknown, stale, locked by someone else, bad input), none
   * changes and the CONFLICT or BAD_USER_INPUT lists every refused line in
   * `extensions.lineErrors`. One `bulk-lines-updated` event carries them all.
   */
  updateManyCounts(viewer: Viewer, stocktakeId: number, inputs: readonly BulkLineCount[]): Promise<LineView[]> {
    if (inputs.length === 0) throw new BadInputError('lines', 'lines must name at least one line');
    if (inputs.length > MAX_BULK_LINES) {
      throw new BadInputError('lines', `At most ${MAX_BULK_LINES} lines can be counted at once`);
    }
    const seen = new Set<number>();
    for (const input of inputs) {
      if (seen.has(input.lineId)) throw new BadInputError('lines', `Line ${input.lineId} is named twice`);
      seen.add(input.lineId);
    }
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const found = await lockLinesOf(sql, stocktakeId, [...seen]);
      if (!found) throw new NotFoundError('Stocktake', stocktakeId);
      authorize(viewer, {
        hotel: found.hotel,
        role: 'staff',
        record: { entity: 'Stocktake', id: String(stocktakeId) },
      });
      checkNotApproved(found.status, stocktakeId, 'edit its lines');
      const lineErrors: Record<string, unknown>[] = [];
      const change = changeBy(viewer, LineChangeKind.COUNT);
      const planned: { line: LockedLine; changed: LineRecord }[] = [];
      for (const input of inputs) {
        const line = found.lines.get(input.lineId);
        try {
          if (!line) throw new NotFoundError('StocktakeLine', input.lineId);
          checkLineEditable(viewer, line, input.expectedVersion);
          planned.push({
            line,
            changed: countedLine(line, checkedCounts({ ...input, manualPurchasesValue: undefined }), change),
          });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          lineErrors.push({ lineId: String(input.lineId), message: error.message, ...error.extensions });
        }
      }
      if (lineErrors.length > 0) {
        const onlyConflicts = lineErrors.every((error) => error.code === 'CONFLICT');
        throw new DomainError(
          onlyConflicts ? 'CONFLICT' : 'BAD_USER_INPUT',
          `${lineErrors.length} of ${inputs.length} lines were refused; nothing was changed`,
          { lineErrors },
        );
      }
      const views: LineView[] = [];
      for (const { line, changed } of planned) views.push(await writeLine(sql, line, changed, change));
      events.record({
        name: 'bulk-lines-updated',
        hotel: found.hotel,
        stocktakeId,
        data: { stocktakeId, lines: views, progress: await progressOf(sql, stocktakeId) },
      });
      return views;
    });
  }

  addMovement(
    viewer: Viewer,
    lineId: number,
    input: MovementInput,
  ): Promise<{ movement: MovementView; line: LineView }> {
    if (input.movementType == null) throw new BadInputError('movementType', 'movementType is required');
    if (input.quantity == null) throw new BadInputError('quantity', 'quantity is required');
    const values = checkMovement(input, input.movementType, input.quantity);

    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const line = await editableLine(sql, viewer, lineId, 'add movements to it', input.expectedVersion);
      const bounds = boundsOf(line);
      const movement = await insertMovement(sql, {
        ...values,
        reference: values.reference || `Stocktake-${line.stocktakeId}`,
        hotelId: line.hotelId,
        itemId: line.itemId,
        staffId: viewer.id,
        staffName: viewer.name,
        timestamp: clampIntoPeriod(input.timestamp ?? new Date(), bounds),
      });
      const view = await recalculate(sql, line, bounds, {
        ...changeBy(viewer, LineChangeKind.MOVEMENT_ADDED),
        movementId: movement.id,
      });
      const movementView = describeMovement(movement, view.itemSku);
      events.record({
        name: 'line-movement-added',
        hotel: line.hotel,
        stocktakeId: line.stocktakeId,
        data: { line: view, movement: movementView, progress: await progressOf(sql, line.stocktakeId) },
      });
      return { movement: movementView, line: view };
    });
  }

  updateMovement(
    viewer: Viewer,
    lineId: number,
    movementId: number,
    input: MovementInput,
  ): Promise<{ movement: MovementView; oldValues: MovementValues; line: LineView }> {
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const line = await editableLine(sql, viewer, lineId, 'edit its movements', input.expectedVersion);
      const bounds = boundsOf(line);
      const current = await movementOfLine(sql, line, bounds, movementId);
      const oldValues = movementValues(current);
      // Omitted fields keep their value; an explicit null clears unit cost, reference or notes.
      const values = checkMovement(
        {
          unitCost: input.unitCost === undefined ? oldValues.unitCost : input.unitCost,
          reference: input.reference === undefined ? oldValues.reference : input.reference,
          notes: input.notes === undefined ? oldValues.notes : input.notes,
        },
        input.movementType ?? oldValues.movementType,
        input.quantity ?? oldValues.quantity,
      );
      const timestamp =
        input.timestamp == null ? new Date(current.timestamp) : clampIntoPeriod(input.timestamp, bounds);
      const movement = await updateMovement(sql, movementId, { ...values, timestamp });
      const view = await recalculate(sql, line, bounds, {
        ...changeBy(viewer, LineChangeKind.MOVEMENT_UPDATED),
        movementId,
      });
      const movementView = describeMovement(movement, view.itemSku);
      events.record({
        name: 'line-movement-updated',
        hotel: line.hotel,
        stocktakeId: line.stocktakeId,
        data: { line: view, movement: movementView, oldValues, progress: await progressOf(sql, line.stocktakeId) },
      });
      return { movement: movementView, oldValues, line: view };
    });
  }

  deleteMovement(
    viewer: Viewer,
    lineId: number,
    movementId: number,
    expectedVersion?: number | null,
  ): Promise<{ deletedMovementId: number; line: LineView }> {
    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const line = await editableLine(sql, viewer, lineId, 'delete its movements', expectedVersion);
      const bounds = boundsOf(line);
      await movementOfLine(sql, line, bounds, movementId);
      await deleteMovement(sql, movementId);
      const view = await recalculate(sql, line, bounds, {
        ...changeBy(viewer, LineChangeKind.MOVEMENT_DELETED),
        movementId,
      });
      events.record({
        name: 'line-movement-deleted',
        hotel: line.hotel,
        stocktakeId: line.stocktakeId,
        data: { line: view, deletedMovementId: movementId, progress: await progressOf(sql, line.stocktakeId) },
      });
      return { deletedMovementId: movementId, line: view };
    });
  }
}

/** The line for a read: NOT_FOUND when there is none or it is of another hotel, FORBIDDEN below staff. */
async function visibleLine(sql: Sql, viewer: Viewer, lineId: number): Promise<LockedLine> {
  const line = await readLine(sql, lineId);
  if (!line) throw new NotFoundError('StocktakeLine', lineId);
  authorize(viewer, { hotel: line.hotel, role: 'staff', record: { entity: 'StocktakeLine', id: String(lineId) } });
  return line;
}

/** The instants the line's stocktake period covers, in its hotel's time zone. */
function boundsOf(line: LockedLine): PeriodBounds {
  return periodBounds(line.periodStart, line.periodEnd, line.timeZone);
}

/** Counts as entered and checked: undefined leaves a field as it is; a null override clears it. */
export interface CheckedCounts {
  full: string | undefined;
  partial: string | undefined;
  manual: string | null | undefined;
}

function checkedCounts(
  input: Pick<LineCountsInput, 'countedFullUnits' | 'countedPartialUnits' | 'manualPurchasesValue'>,
): CheckedCounts {
  return {
    full: input.countedFullUnits == null ? undefined : checkDecimal('countedFullUnits', input.countedFullUnits, COUNT),
    partial:
      input.countedPartialUnits == null
        ? undefined
        : checkDecimal('countedPartialUnits', input.countedPartialUnits, COUNT),
    manual:
      input.manualPurchasesValue == null
        ? input.manualPurchasesValue
        : checkDecimal('manualPurchasesValue', input.manualPurchasesValue, MONEY),
  };
}

/** A change made now by the viewer, for the line's history (and a count's provenance). */
function changeBy(viewer: Viewer, kind: LineChangeKind): LineChange {
  const by: UserRef = { id: viewer.id, name: viewer.name };
  return { kind, by, at: new Date() };
}

/**
 * The line with the counts applied and its figures derived; a count too large to approve is BAD_USER_INPUT.
 * Entering a count (either figure, even the same again) makes the line counted, by `change.by` at `change.at`
 * (docs/domain.md, "Progress and provenance"); changing only the purchases override does not.
 */
export function countedLine(
  line: LineRecord,
  { full, partial, manual }: CheckedCounts,
  change: LineChange,
): LineRecord {
  const counted = full !== undefined || partial !== undefined;
  const changed: LineRecord = {
    ...line,
    countedFullUnits: full ?? line.countedFullUnits,
    countedPartialUnits: partial ?? line.countedPartialUnits,
    manualPurchasesValue: manual === undefined ? line.manualPurchasesValue : manual,
    ...(counted
      ? { countedAt: change.at.toISOString(), countedById: change.by.id, countedByName: change.by.name }
      : {}),
  };
  const derived = deriveLine({ ...changed, categoryCode: line.categoryCode });
  // Approval would have to store the variance as a movement quantity (numeric(15,4)).
  if (compareFixed(absFixed(parseFixed(derived.countedQty)), MAX_QUANTITY) >= 0) {
    throw new BadInputError(
      full !== undefined ? 'countedFullUnits' : 'countedPartialUnits',
      'The count is too large for this item',
    );
  }
  return { ...changed, ...derived };
}

/**
 * A movement a line may change: a purchase or waste of the line's item
 * inside the period. Other types come from elsewhere, and an approval's
 * adjustments belong to that approval (reopening removes them), even when
 * an overlapping stocktake's period covers them.
 */
async function movementOfLine(
  sql: Sql,
  line: LockedLine,
  bounds: PeriodBounds,
  movementId: number,
): Promise<MovementRecord> {
  const movement = await lineMovement(sql, line.itemId, bounds, movementId);
  if (!movement) throw new NotFoundError('StockMovement', movementId);
  return movement;
}

/** The line with its movement totals read afresh and its figures derived again, written back. */
async function recalculate(sql: Sql, line: LockedLine, bounds: PeriodBounds, change: LineChange): Promise<LineView> {
  const totals = await movementTotals(sql, line.hotelId, bounds, [line.itemId]);
  return writeLine(sql, line, withPeriodTotals(line, totals.get(line.itemId)!), change);
}

function checkMovement(
  input: Pick<MovementInput, 'unitCost' | 'reference' | 'notes'>,
  movementType: MovementType,
  quantity: string,
): MovementValues {
  if (!LINE_MOVEMENT_TYPES.includes(movementType)) {
    throw new BadInputError('movementType', 'movementType must be PURCHASE or WASTE for a stocktake line');
  }
  return {
    movementType,
    quantity: checkDecimal('quantity', quantity, MOVEMENT_QUANTITY),
    unitCost: input.unitCost == null ? null : checkDecimal('unitCost', input.unitCost, UNIT_COST),
    reference: checkText('reference', input.reference ?? '', TEXT_LIMITS.reference, { singleLine: true }),
    notes: checkText('notes', input.notes ?? '', TEXT_LIMITS.notes),
  };
}

function movementValues(movement: MovementRecord): MovementValues {
  const { movementType, quantity, unitCost, reference, notes } = describeMovement(movement, '');
  return { movementType, quantity, unitCost, reference, notes };
}
