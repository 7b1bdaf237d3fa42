/**
 * Work on one stocktake line: entering counts and recording the purchases
 * and waste found while counting. Every change recalculates the line from
 * the item's movements and bumps its version.
 */
import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { MovementType, StockMovement, StocktakeStatus, type StocktakeLine } from '../entities';
import { absFixed, compareFixed, parseFixed } from '../fixed-point';
import { BadInputError, ConflictError, DomainError, LockedError, NotFoundError } from '../errors';
import type { MovementValues } from '../events';
import { deriveLine } from '../line-calculations';
import { clampIntoPeriod, periodBounds } from '../period';
import type { UnitOfWork } from '../unit-of-work';
import { COUNT, MONEY, MOVEMENT_QUANTITY, UNIT_COST, checkDecimal, checkText } from '../validation';
import { actorOf, authorize, type Viewer } from '../viewer';
import {
  describeLine,
  describeLineRecord,
  describeMovement,
  type LineRecord,
  type LineView,
  type MovementView,
} from '../views';
import { lineFor, type LineAccess } from './access';
import { checkNotLockedByOther, liveLockOf, lineLockedError } from './line-locks';
import { lockLine, lockLinesOf, saveCounts, type LockedLine } from './line-records';
import { applyPeriodTotals, movementTotals } from './movement-totals';

export interface LineCountsInput {
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
export const MAX_BULK_LINES = 500;

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

/** Only purchases and waste are recorded from a line; other types come from item-level movements. */
const LINE_MOVEMENT_TYPES: readonly MovementType[] = [MovementType.PURCHASE, MovementType.WASTE];

export class LineService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  async get(em: EntityManager, viewer: Viewer, lineId: number): Promise<LineView> {
    return describeLine((await lineFor(em, viewer, lineId, 'staff')).line);
  }

  /** The item's movements inside the stocktake period, newest first. */
  async movements(em: EntityManager, viewer: Viewer, lineId: number): Promise<MovementView[]> {
    const { line, stocktake, hotel } = await lineFor(em, viewer, lineId, 'staff');
    const bounds = periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone);
    const movements = await em.find(
      StockMovement,
      { item: line.item, timestamp: { $gte: bounds.from, $lte: bounds.to } },
      { orderBy: { timestamp: 'desc', id: 'desc' } },
    );
    return movements.map((m) => describeMovement(m, line.item.getEntity().sku));
  }

  updateCounts(viewer: Viewer, lineId: number, input: LineCountsInput): Promise<LineView> {
    // Checked before the transaction: bad input never takes a lock.
    const counts = checkedCounts(input);

    return this.unitOfWork.runSql(actorOf(viewer), async (sql, events) => {
      const line = await lockLine(sql, lineId);
      if (!line) throw new NotFoundError('StocktakeLine', lineId);
      authorize(viewer, { hotel: line.hotel, role: 'staff', record: { entity: 'StocktakeLine', id: String(lineId) } });
      if (line.stocktakeStatus === StocktakeStatus.APPROVED) throw new LockedError(line.stocktakeId, 'edit its lines');
      checkNotLockedByOther(viewer, lineId, line.lock);
      if (input.expectedVersion != null && input.expectedVersion !== line.version) {
        throw staleVersion(describeLineRecord(line), input.expectedVersion);
      }
      const { changed, derived } = countedLine(line, counts);
      const version = await saveCounts(sql, changed, derived);
      // Every change to a line locks its stocktake first, so a concurrent change cannot slip in here.
      if (version === null) throw staleVersion(describeLineRecord(line), line.version);
      const view = describeLineRecord({ ...changed, ...derived, version });
      events.record({
        name: 'line-counted-updated',
        hotel: line.hotel,
        stocktakeId: line.stocktakeId,
        data: { line: view },
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
      if (found.status === StocktakeStatus.APPROVED) throw new LockedError(stocktakeId, 'edit its lines');
      const lineErrors: Record<string, unknown>[] = [];
      const planned: { line: LockedLine; changed: LineRecord; derived: ReturnType<typeof deriveLine> }[] = [];
      for (const input of inputs) {
        const line = found.lines.get(input.lineId);
        try {
          if (!line) throw new NotFoundError('StocktakeLine', input.lineId);
          checkNotLockedByOther(viewer, line.id, line.lock);
          if (input.expectedVersion != null && input.expectedVersion !== line.version) {
            throw staleVersion(describeLineRecord(line), input.expectedVersion);
          }
          planned.push({ line, ...countedLine(line, checkedCounts({ ...input, manualPurchasesValue: undefined })) });
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
      for (const { line, changed, derived } of planned) {
        const version = await saveCounts(sql, changed, derived);
        if (version === null) throw staleVersion(describeLineRecord(line), line.version);
        views.push(describeLineRecord({ ...changed, ...derived, version }));
      }
      events.record({
        name: 'bulk-lines-updated',
        hotel: found.hotel,
        stocktakeId,
        data: { stocktakeId, lines: views },
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

    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      const { line, hotel, stocktake } = await editableLine(
        em,
        viewer,
        lineId,
        'add movements to it',
        input.expectedVersion,
      );
      const bounds = periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone);
      const movement = em.create(StockMovement, {
        hotel,
        item: line.item,
        movementType: values.movementType,
        quantity: values.quantity,
        unitCost: values.unitCost,
        reference: values.reference || `Stocktake-${stocktake.id}`,
        notes: values.notes,
        staffId: viewer.id,
        staffName: viewer.name,
        timestamp: clampIntoPeriod(input.timestamp ?? new Date(), bounds),
      });
      await em.flush();
      const view = await recalculate(em, { line, hotel, stocktake });
      const movementView = describeMovement(movement, view.itemSku);
      events.record({
        name: 'line-movement-added',
        hotel: hotel.identifier,
        stocktakeId: stocktake.id,
        data: { line: view, movement: movementView },
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
    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      const access = await editableLine(em, viewer, lineId, 'edit its movements', input.expectedVersion);
      const movement = await movementOfLine(em, access, movementId);
      const oldValues = movementValues(movement);
      // Omitted fields keep their value; an explicit null clears unit cost, reference or notes.
      const values = checkMovement(
        {
          unitCost: input.unitCost === undefined ? movement.unitCost : input.unitCost,
          reference: input.reference === undefined ? movement.reference : input.reference,
          notes: input.notes === undefined ? movement.notes : input.notes,
        },
        input.movementType ?? movement.movementType,
        input.quantity ?? movement.quantity,
      );
      Object.assign(movement, values);
      if (input.timestamp != null) {
        const { stocktake, hotel } = access;
        movement.timestamp = clampIntoPeriod(
          input.timestamp,
          periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone),
        );
      }
      await em.flush();
      const view = await recalculate(em, access);
      const movementView = describeMovement(movement, view.itemSku);
      events.record({
        name: 'line-movement-updated',
        hotel: access.hotel.identifier,
        stocktakeId: access.stocktake.id,
        data: { line: view, movement: movementView, oldValues },
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
    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      const access = await editableLine(em, viewer, lineId, 'delete its movements', expectedVersion);
      const movement = await movementOfLine(em, access, movementId);
      em.remove(movement);
      await em.flush();
      const view = await recalculate(em, access);
      events.record({
        name: 'line-movement-deleted',
        hotel: access.hotel.identifier,
        stocktakeId: access.stocktake.id,
        data: { line: view, deletedMovementId: movementId },
      });
      return { deletedMovementId: movementId, line: view };
    });
  }
}

/**
 * The line for a movement change: its stocktake locked and not approved, no
 * one else's editing lock on it, and at the version the client expects.
 */
async function editableLine(
  em: EntityManager,
  viewer: Viewer,
  lineId: number,
  action: string,
  expectedVersion?: number | null,
): Promise<LineAccess> {
  const access = await lineFor(em, viewer, lineId, 'staff', { lock: true });
  if (access.stocktake.isLocked) throw new LockedError(access.stocktake.id, action);
  const holder = await liveLockOf(em, lineId);
  if (holder && holder.userId !== viewer.id) throw lineLockedError(lineId, holder);
  if (expectedVersion != null && expectedVersion !== access.line.version) {
    throw staleVersion(describeLine(access.line), expectedVersion);
  }
  return access;
}

/** The line with new counts and the figures derived from them; BAD_USER_INPUT for invalid or too large counts. */
/** Counts as entered and checked: undefined leaves a field as it is; a null override clears it. */
interface CheckedCounts {
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

/** The line with the counts applied and its figures derived; a count too large to approve is BAD_USER_INPUT. */
function countedLine(
  line: LineRecord,
  { full, partial, manual }: CheckedCounts,
): { changed: LineRecord; derived: ReturnType<typeof deriveLine> } {
  const changed: LineRecord = {
    ...line,
    countedFullUnits: full ?? line.countedFullUnits,
    countedPartialUnits: partial ?? line.countedPartialUnits,
    manualPurchasesValue: manual === undefined ? line.manualPurchasesValue : manual,
  };
  const derived = deriveLine({ ...changed, categoryCode: line.categoryCode });
  // Approval would have to store the variance as a movement quantity (numeric(15,4)).
  if (compareFixed(absFixed(parseFixed(derived.countedQty)), MAX_QUANTITY) >= 0) {
    throw new BadInputError(
      full !== undefined ? 'countedFullUnits' : 'countedPartialUnits',
      'The count is too large for this item',
    );
  }
  return { changed, derived };
}

/**
 * A movement a line may change: a purchase or waste of the line's item
 * inside the period. Other types come from elsewhere, and an approval's
 * adjustments belong to that approval (reopening removes them), even when
 * an overlapping stocktake's period covers them.
 */
async function movementOfLine(
  em: EntityManager,
  { line, stocktake, hotel }: LineAccess,
  movementId: number,
): Promise<StockMovement> {
  const bounds = periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone);
  const movement = await em.findOne(StockMovement, {
    id: movementId,
    item: line.item,
    movementType: { $in: [...LINE_MOVEMENT_TYPES] },
    approvalOf: null,
    timestamp: { $gte: bounds.from, $lte: bounds.to },
  });
  if (!movement) throw new NotFoundError('StockMovement', movementId);
  return movement;
}

async function recalculate(em: EntityManager, { line, hotel, stocktake }: LineAccess): Promise<LineView> {
  const bounds = periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone);
  const totals = await movementTotals(em, hotel.id, bounds, [line.item.id]);
  applyPeriodTotals(line, totals.get(line.item.id)!);
  await flushLine(em, line);
  return describeLine(line);
}

/** Saves the line; MikroORM bumps its version and refuses the write if another transaction bumped it first. */
async function flushLine(em: EntityManager, line: StocktakeLine): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof OptimisticLockError) throw staleVersion(describeLine(line), line.version);
    throw error;
  }
}

function staleVersion(line: LineView, expectedVersion: number): ConflictError {
  return new ConflictError(`Line ${line.id} has changed since version ${expectedVersion}; reload it and try again`, {
    reason: 'STALE_VERSION',
    lineId: String(line.id),
    currentVersion: line.version,
    line,
  });
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
    reference: checkText('reference', input.reference ?? '', 100, { singleLine: true }),
    notes: checkText('notes', input.notes ?? '', 10_000),
  };
}

function movementValues(movement: StockMovement): MovementValues {
  const { movementType, quantity, unitCost, reference, notes } = describeMovement(movement, '');
  return { movementType, quantity, unitCost, reference, notes };
}
