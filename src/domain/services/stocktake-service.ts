/**
 * Stocktake lifecycle: create, notes, delete, populate, approve, reopen, and
 * the reads a stocktake screen needs. Each mutation is one unit of work and
 * records the events it produces.
 */
import type { Sql } from '../sql';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StockMovement, Stocktake, StocktakeLine, StocktakeStatus } from '../entities';
import { BadInputError, LockedError } from '../errors';
import { EARLIEST_DATE, LATEST_DATE, isCalendarDate, isDateInRange, periodBounds } from '../period';
import type { UnitOfWork } from '../unit-of-work';
import { actorOf, type Viewer } from '../viewer';
import {
  NO_LINES,
  describeProgress,
  describeStocktake,
  uncountedLines,
  totalsByCategory,
  type CategoryTotalsView,
  type ProgressView,
  type StocktakeTotals,
  type StocktakeView,
} from '../views';
import { TEXT_LIMITS, checkCategory, checkText } from '../validation';
import { hotelFor, stocktakeFor } from './access';
import { endLocksTogether } from './line-locks';
import { refreshLines } from './line-refresh';
import { lineRecordsOf, lineRecordsPage } from './line-records';
import { mapSlices } from '../slices';
import { checkPageSize, pageFromRows, pageOfList, PAGE_SIZE, type Page } from '../page';
import { describeLineRecord, type LineView } from '../line-view';

export interface CreateStocktakeInput {
  periodStart: string;
  periodEnd: string;
  notes?: string | null;
}

export interface StocktakePage {
  status?: StocktakeStatus;
  /** Page size, 1 to PAGE_SIZE.max. */
  first?: number;
  /** The id of the last stocktake of the previous page. */
  after?: number | null;
}

export class StocktakeService {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  // ---- reads ---------------------------------------------------------------

  /**
   * A hotel's stocktakes, newest period first, a page at a time: `after` is
   * the id of the last stocktake of the previous page. Totals come from the
   * lines' stored values; the lines themselves are loaded only when asked
   * for (see `lines`). One row more than the page is read to tell whether a
   * next page exists; a previous one exists when `after` is itself in the
   * (filtered) list or something newer than it is.
   */
  async list(
    em: EntityManager,
    viewer: Viewer,
    hotelIdentifier: string,
    page: StocktakePage = {},
  ): Promise<Page<StocktakeView>> {
    const first = page.first ?? PAGE_SIZE.default;
    checkPageSize(first);
    const hotel = await hotelFor(em, viewer, hotelIdentifier, 'staff');
    const filter: FilterQuery<Stocktake> = { hotel, ...(page.status ? { status: page.status } : {}) };
    let after: FilterQuery<Stocktake> = {};
    let hasPreviousPage = false;
    if (page.after !== undefined && page.after !== null) {
      const anchor = await em.findOne(Stocktake, { id: page.after, hotel });
      if (!anchor)
        throw new BadInputError(
          'after',
          `after must be a cursor of a stocktake of ${hotelIdentifier} (the endCursor of the previous page)`,
        );
      after = {
        $or: [{ periodEnd: { $lt: anchor.periodEnd } }, { periodEnd: anchor.periodEnd, id: { $lt: anchor.id } }],
      };
      hasPreviousPage =
        !page.status ||
        anchor.status === page.status ||
        (await em.count(Stocktake, {
          ...filter,
          $or: [{ periodEnd: { $gt: anchor.periodEnd } }, { periodEnd: anchor.periodEnd, id: { $gt: anchor.id } }],
        })) > 0;
    }
    const rows = await em.find(
      Stocktake,
      { ...filter, ...after },
      { orderBy: { periodEnd: 'desc', id: 'desc' }, limit: first + 1 },
    );
    const { items, hasNextPage } = pageFromRows(rows, first, hasPreviousPage);
    const totals = await totalsOf(
      this.unitOfWork.sqlOf(em),
      items.map((s) => s.id),
    );
    return {
      items: items.map((s) => describeStocktake(s, hotel, totals.get(s.id) ?? NO_LINES)),
      hasNextPage,
      hasPreviousPage,
    };
  }

  async get(em: EntityManager, viewer: Viewer, id: number): Promise<StocktakeView> {
    const { stocktake, hotel } = await stocktakeFor(em, viewer, id, 'staff');
    return describeStocktake(stocktake, hotel, (await totalsOf(this.unitOfWork.sqlOf(em), [id])).get(id) ?? NO_LINES);
  }

  /** The lines of several stocktakes at once (one query), each in screen order; only stocktakes of the viewer's hotels. */
  async lines(sql: Sql, viewer: Viewer, stocktakeIds: readonly number[]): Promise<Map<number, LineView[]>> {
    const records = await lineRecordsOf(sql, stocktakeIds, [...viewer.hotels.keys()]);
    const views = await mapSlices(records, describeLineRecord);
    const byStocktake = new Map<number, LineView[]>(stocktakeIds.map((id) => [id, []]));
    for (const view of views) byStocktake.get(view.stocktakeId)?.push(view);
    return byStocktake;
  }

  /**
   * A page of a stocktake's lines in screen order, after the line `afterLineId` (the cursor of the previous
   * page): what a screen renders first, without waiting for thousands of lines. For a stocktake the caller has
   * already read (its field resolver), so access was checked then. With `stored`, the lines an idempotent
   * result stored are paged instead (a replay answers as the first request did).
   */
  async linePage(
    sql: Sql,
    stocktakeId: number,
    page: { first: number; afterLineId: number | null },
    stored?: readonly LineView[],
  ): Promise<Page<LineView>> {
    checkPageSize(page.first);
    const { first, afterLineId } = page;
    const notACursor = () =>
      new BadInputError('after', "after must be a cursor of this stocktake's lines (a page's endCursor)");
    if (stored) {
      const found = pageOfList(stored, first, afterLineId === null ? null : (line) => line.id === afterLineId);
      if (!found) throw notACursor();
      return found;
    }
    const rows = await lineRecordsPage(sql, stocktakeId, afterLineId, first + 1);
    if (!rows) throw notACursor();
    const found = pageFromRows(rows, first, afterLineId !== null);
    return { ...found, items: await mapSlices(found.items, describeLineRecord) };
  }

  async categoryTotals(
    em: EntityManager,
    viewer: Viewer,
    id: number,
    category?: string,
  ): Promise<CategoryTotalsView[]> {
    if (category !== undefined) checkCategory('category', category);
    const { stocktake } = await stocktakeFor(em, viewer, id, 'staff');
    const totals = totalsByCategory(await linesOf(this.unitOfWork.sqlOf(em), stocktake));
    return category === undefined ? totals : totals.filter((t) => t.categoryCode === category);
  }

  // ---- mutations -----------------------------------------------------------

  create(viewer: Viewer, hotelIdentifier: string, input: CreateStocktakeInput): Promise<StocktakeView> {
    for (const field of ['periodStart', 'periodEnd'] as const) {
      if (!isCalendarDate(input[field])) throw new BadInputError(field, `${field} must be a date written YYYY-MM-DD`);
      if (!isDateInRange(input[field]))
        throw new BadInputError(field, `${field} must be between ${EARLIEST_DATE} and ${LATEST_DATE}`);
    }
    if (input.periodEnd < input.periodStart)
      throw new BadInputError('periodEnd', 'periodEnd must not be before periodStart');
    const notes = checkText('notes', input.notes ?? '', TEXT_LIMITS.notes);

    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      const hotel = await hotelFor(em, viewer, hotelIdentifier, 'manager');
      const stocktake = em.create(Stocktake, {
        hotel,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        notes,
      });
      try {
        await em.flush();
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw new BadInputError(
            'periodStart',
            `A stocktake for ${input.periodStart} to ${input.periodEnd} already exists in ${hotel.identifier}`,
          );
        }
        throw error;
      }
      const view = describeStocktake(stocktake, hotel, NO_LINES);
      events.record({
        name: 'stocktake-created',
        hotel: hotel.identifier,
        stocktakeId: stocktake.id,
        data: { stocktake: view },
      });
      return view;
    });
  }

  updateNotes(viewer: Viewer, id: number, notes: string): Promise<StocktakeView> {
    const checked = checkText('notes', notes, TEXT_LIMITS.notes);
    return this.unitOfWork.run(actorOf(viewer), async (em, _events, sql) => {
      const { stocktake, hotel } = await stocktakeFor(em, viewer, id, 'manager', { lock: true });
      stocktake.notes = checked;
      await em.flush();
      return describeStocktake(stocktake, hotel, await totalsOfOne(sql, stocktake));
    });
  }

  delete(viewer: Viewer, id: number): Promise<number> {
    return this.unitOfWork.run(actorOf(viewer), async (em, events) => {
      const { stocktake, hotel } = await stocktakeFor(em, viewer, id, 'manager', { lock: true });
      if (stocktake.isLocked) throw new LockedError(id, 'delete it');
      await em.nativeDelete(StocktakeLine, { stocktake });
      em.remove(stocktake);
      await em.flush();
      events.record({ name: 'stocktake-deleted', hotel: hotel.identifier, stocktakeId: id, data: { stocktakeId: id } });
      return id;
    });
  }

  /**
   * Creates lines for items that lack one and refreshes the movement totals
   * of every line, keeping counts already entered, so it is safe to repeat.
   * It covers active items and inactive items that still hold stock.
   */
  populate(viewer: Viewer, id: number): Promise<{ stocktake: StocktakeView; linesCreated: number }> {
    return this.unitOfWork.run(actorOf(viewer), async (em, events, sql) => {
      const { stocktake, hotel } = await stocktakeFor(em, viewer, id, 'manager', { lock: true });
      if (stocktake.isLocked) throw new LockedError(id, 'populate it');
      const bounds = periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone);
      const linesCreated = await refreshLines(sql, { stocktakeId: id, hotelId: hotel.id, bounds, populate: true });
      events.record({
        name: 'stocktake-populated',
        hotel: hotel.identifier,
        stocktakeId: id,
        data: { stocktakeId: id, linesCreated },
      });
      return { stocktake: describeStocktake(stocktake, hotel, await totalsOfOne(sql, stocktake)), linesCreated };
    });
  }

  /**
   * Writes one ADJUSTMENT per line whose variance is not zero, stamped at
   * the end of the period so the next period opens at this count, and ends
   * every editing lock of the stocktake (one `editing-locks-ended`).
   */
  approve(
    viewer: Viewer,
    id: number,
  ): Promise<{ stocktake: StocktakeView; adjustmentsCreated: number; uncountedLines: number }> {
    return this.unitOfWork.run(actorOf(viewer), async (em, events, sql) => {
      const { stocktake, hotel } = await stocktakeFor(em, viewer, id, 'manager', { lock: true });
      if (stocktake.isLocked) throw new LockedError(id, 'approve it again');
      const bounds = periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone);
      // One ADJUSTMENT per line with a variance, written by one statement from the lines' stored figures.
      const [{ created: adjustmentsCreated } = { created: 0 }] = await sql.rows<{ created: number }>(
        `with inserted as (
           insert into stock_movement (hotel_id, item_id, movement_type, quantity, unit_cost, reference, notes, staff_id,
             staff_name, timestamp, approval_of_id, created_at)
           select ?, l.item_id, 'ADJUSTMENT', l.variance_qty, l.valuation_cost, ?,
             'Stocktake adjustment: counted ' || l.counted_qty::text || ', expected ' || l.expected_qty::text,
             ?, ?, ?, ?, now()
           from stocktake_line l where l.stocktake_id = ? and l.variance_qty <> 0
           returning 1
         )
         select count(*)::int as created from inserted`,
        [hotel.id, `Stocktake-${id}`, viewer.id, viewer.name, bounds.to, id, id],
      );
      stocktake.status = StocktakeStatus.APPROVED;
      stocktake.approvedAt = new Date();
      stocktake.approvedById = viewer.id;
      stocktake.approvedByName = viewer.name;
      await em.flush();
      await refreshLines(sql, { stocktakeId: id, hotelId: hotel.id, bounds, populate: false });
      // Nobody edits an approved stocktake: every editing lock ends here, told in one event (docs/collaboration.md).
      await endLocksTogether(sql, events, { hotel: hotel.identifier, stocktakeId: id, reason: 'approved' });
      const view = describeStocktake(stocktake, hotel, await totalsOfOne(sql, stocktake));
      // Approving with lines not counted is allowed; the answer and the event say how many (docs/domain.md).
      const uncounted = uncountedLines(view.progress);
      events.record({
        name: 'stocktake-status-changed',
        hotel: hotel.identifier,
        stocktakeId: id,
        data: {
          stocktakeId: id,
          status: stocktake.status,
          adjustmentsCreated,
          uncountedLines: uncounted,
          stocktake: view,
        },
      });
      return { stocktake: view, adjustmentsCreated, uncountedLines: uncounted };
    });
  }

  /** APPROVED → DRAFT, removing the adjustments the approval wrote so a new approval does not double them. */
  reopen(viewer: Viewer, id: number): Promise<{ stocktake: StocktakeView; adjustmentsRemoved: number }> {
    return this.unitOfWork.run(actorOf(viewer), async (em, events, sql) => {
      const { stocktake, hotel } = await stocktakeFor(em, viewer, id, 'manager', { lock: true });
      if (!stocktake.isLocked)
        throw new BadInputError('id', `Stocktake ${id} is not approved, so it cannot be reopened`);
      const adjustmentsRemoved = await em.nativeDelete(StockMovement, { approvalOf: stocktake });
      stocktake.status = StocktakeStatus.DRAFT;
      stocktake.approvedAt = null;
      stocktake.approvedById = null;
      stocktake.approvedByName = null;
      await em.flush();
      const bounds = periodBounds(stocktake.periodStart, stocktake.periodEnd, hotel.timeZone);
      await refreshLines(sql, { stocktakeId: id, hotelId: hotel.id, bounds, populate: false });
      const view = describeStocktake(stocktake, hotel, await totalsOfOne(sql, stocktake));
      events.record({
        name: 'stocktake-status-changed',
        hotel: hotel.identifier,
        stocktakeId: id,
        data: {
          stocktakeId: id,
          status: stocktake.status,
          adjustmentsCreated: 0,
          uncountedLines: uncountedLines(view.progress),
          stocktake: view,
        },
      });
      return { stocktake: view, adjustmentsRemoved };
    });
  }
}

/**
 * Line count, value totals and the count's progress per stocktake, summed in SQL from the lines' stored
 * values in one statement (a line is counted once counted_at is set).
 */
export async function totalsOf(sql: Sql, stocktakeIds: readonly number[]): Promise<Map<number, StocktakeTotals>> {
  if (stocktakeIds.length === 0) return new Map();
  const rows = await sql.rows<StocktakeTotals & { stocktakeId: number }>(
    `select stocktake_id as "stocktakeId", count(*)::int as "lineCount", sum(expected_value)::text as "totalValue",
       sum(variance_value)::text as "totalVarianceValue", count(counted_at)::int as "countedLines",
       coalesce(sum(counted_value) filter (where counted_at is not null), 0)::text as "countedValue",
       coalesce(sum(variance_value) filter (where counted_at is not null), 0)::text as "varianceValueCounted"
     from stocktake_line where stocktake_id = any(cast(? as int[])) group by stocktake_id`,
    [stocktakeIds],
  );
  return new Map(rows.map(({ stocktakeId, ...totals }) => [stocktakeId, totals]));
}

/** The progress of one stocktake's count, read in the caller's transaction (after a change, for its event). */
export async function progressOf(sql: Sql, stocktakeId: number): Promise<ProgressView> {
  return describeProgress((await totalsOf(sql, [stocktakeId])).get(stocktakeId) ?? NO_LINES);
}

async function totalsOfOne(sql: Sql, stocktake: Stocktake): Promise<StocktakeTotals> {
  return (await totalsOf(sql, [stocktake.id])).get(stocktake.id) ?? NO_LINES;
}

/** Lines in screen order: category, then SKU. */
export async function linesOf(sql: Sql, stocktake: Stocktake): Promise<LineView[]> {
  return mapSlices(await lineRecordsOf(sql, [stocktake.id]), describeLineRecord);
}
