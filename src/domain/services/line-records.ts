/**
 * Lines as plain records, read and written with one SQL statement each: the
 * path every count takes (several times a second per counting team), kept
 * free of entity hydration and change tracking. Reading a line for a change
 * locks its stocktake row first, the lock order every stocktake mutation
 * keeps (docs/realtime.md, "Delivery guarantees").
 */
import { type StocktakeStatus, type CategoryCode } from '../entities';
import type { Sql } from '../sql';
import type { LineRecord } from '../views';

/** Who holds a line's editing lock, and until when (docs/collaboration.md). */
export interface LockHolder {
  userId: string;
  userName: string;
  expiresAt: Date;
}

/**
 * A line with what a change to it must know: its stocktake's state, period
 * and hotel, its live editing lock and (in LineRecord) its version.
 */
export interface LockedLine extends LineRecord {
  stocktakeStatus: StocktakeStatus;
  hotel: string;
  hotelId: number;
  /** The stocktake's period (calendar dates) and the hotel's time zone, which make its bounds. */
  periodStart: string;
  periodEnd: string;
  timeZone: string;
  lock: LockHolder | null;
}

interface LineRow {
  id: number;
  stocktake_id: number;
  item_id: number;
  item_sku: string;
  item_name: string;
  category_code: CategoryCode;
  category_name: string;
  size: string;
  uom: string;
  opening_qty: string;
  purchases: string;
  sales_qty: string;
  waste: string;
  transfers_in: string;
  transfers_out: string;
  adjustments: string;
  manual_purchases_value: string | null;
  counted_full_units: string;
  counted_partial_units: string;
  counted_qty: string;
  expected_qty: string;
  variance_qty: string;
  valuation_cost: string;
  expected_value: string;
  counted_value: string;
  variance_value: string;
  version: number;
  stocktake_status: StocktakeStatus;
  hotel: string;
  hotel_id: number;
  period_start: string;
  period_end: string;
  time_zone: string;
  lock_user_id: string | null;
  lock_user_name: string | null;
  lock_expires_at: Date | null;
}

const LINE_COLUMNS = `l.id, l.stocktake_id, l.item_id, i.sku as item_sku, i.name as item_name, l.category_code,
  c.name as category_name, l.size, l.uom, l.opening_qty, l.purchases, l.sales_qty, l.waste, l.transfers_in,
  l.transfers_out, l.adjustments, l.manual_purchases_value, l.counted_full_units, l.counted_partial_units,
  l.counted_qty, l.expected_qty, l.variance_qty, l.valuation_cost, l.expected_value, l.counted_value,
  l.variance_value, l.version`;

const LINE_JOINS = `join stock_item i on i.id = l.item_id join stock_category c on c.code = l.category_code`;

/** A line for a change: LINE_COLUMNS with its stocktake, hotel and live editing lock (lockLine, lockLinesOf). */
const LOCKED_LINE = `select ${LINE_COLUMNS}, s.status as stocktake_status, h.identifier as hotel, h.id as hotel_id,
       s.period_start::text as period_start, s.period_end::text as period_end, h.time_zone,
       k.user_id as lock_user_id, k.user_name as lock_user_name, k.expires_at as lock_expires_at
     from stocktake_line l join stocktake s on s.id = l.stocktake_id join hotel h on h.id = s.hotel_id ${LINE_JOINS}
     left join line_lock k on k.line_id = l.id and k.expires_at > now()`;

function lineRecordFromRow(
  row: Omit<
    LineRow,
    | 'stocktake_status'
    | 'hotel'
    | 'hotel_id'
    | 'period_start'
    | 'period_end'
    | 'time_zone'
    | 'lock_user_id'
    | 'lock_user_name'
    | 'lock_expires_at'
  >,
): LineRecord {
  return {
    id: row.id,
    stocktakeId: row.stocktake_id,
    itemId: row.item_id,
    itemSku: row.item_sku,
    itemName: row.item_name,
    categoryCode: row.category_code,
    categoryName: row.category_name,
    size: row.size,
    uom: row.uom,
    openingQty: row.opening_qty,
    purchases: row.purchases,
    salesQty: row.sales_qty,
    waste: row.waste,
    transfersIn: row.transfers_in,
    transfersOut: row.transfers_out,
    adjustments: row.adjustments,
    manualPurchasesValue: row.manual_purchases_value,
    countedFullUnits: row.counted_full_units,
    countedPartialUnits: row.counted_partial_units,
    countedQty: row.counted_qty,
    expectedQty: row.expected_qty,
    varianceQty: row.variance_qty,
    valuationCost: row.valuation_cost,
    expectedValue: row.expected_value,
    countedValue: row.counted_value,
    varianceValue: row.variance_value,
    version: row.version,
  };
}

/**
 * The line, with its stocktake's row locked until the transaction ends; null
 * when there is no such line. The lock comes first, in a statement of its
 * own: a statement that waited for the lock still reads the line as it was
 * when it started, so the line is read once the lock is held. The line's
 * live editing lock comes with it (a primary-key join), so checking it costs
 * no statement of its own.
 */
export async function lockLine(sql: Sql, lineId: number): Promise<LockedLine | null> {
  const [locked] = await sql.rows<{ id: number }>(
    'select s.id from stocktake s join stocktake_line l on l.stocktake_id = s.id where l.id = ? for update of s',
    [lineId],
  );
  if (!locked) return null;
  const [row] = await sql.rows<LineRow>(`${LOCKED_LINE} where l.id = ?`, [lineId]);
  return row ? lockedLineFromRow(row) : null;
}

/** The line as lockLine reads it, without locking anything: for reads. */
export async function readLine(sql: Sql, lineId: number): Promise<LockedLine | null> {
  const [row] = await sql.rows<LineRow>(`${LOCKED_LINE} where l.id = ?`, [lineId]);
  return row ? lockedLineFromRow(row) : null;
}

/**
 * Every line of a stocktake named in `lineIds`, with its stocktake's row
 * locked first (as lockLine does), for a bulk change; lines of other
 * stocktakes are simply absent.
 */
export async function lockLinesOf(
  sql: Sql,
  stocktakeId: number,
  lineIds: readonly number[],
): Promise<{ hotel: string; status: StocktakeStatus; lines: Map<number, LockedLine> } | null> {
  const [stocktake] = await sql.rows<{ status: StocktakeStatus; hotel: string }>(
    `select s.status, h.identifier as hotel from stocktake s join hotel h on h.id = s.hotel_id
     where s.id = ? for update of s`,
    [stocktakeId],
  );
  if (!stocktake) return null;
  const rows = await sql.rows<LineRow>(`${LOCKED_LINE} where l.stocktake_id = ? and l.id = any(cast(? as int[]))`, [
    stocktakeId,
    lineIds,
  ]);
  return {
    hotel: stocktake.hotel,
    status: stocktake.status,
    lines: new Map(rows.map((row) => [row.id, lockedLineFromRow(row)])),
  };
}

function lockedLineFromRow(row: LineRow): LockedLine {
  return {
    ...lineRecordFromRow(row),
    stocktakeStatus: row.stocktake_status,
    hotel: row.hotel,
    hotelId: row.hotel_id,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    timeZone: row.time_zone,
    lock:
      row.lock_user_id === null
        ? null
        : { userId: row.lock_user_id, userName: row.lock_user_name!, expiresAt: new Date(row.lock_expires_at!) },
  };
}

/**
 * Writes what a change to a line can change (counts, the purchases override,
 * the movement totals and every derived figure) as `line` holds them; the new
 * version, or null when the line is no longer at `line.version`.
 */
export async function saveLine(sql: Sql, line: LineRecord): Promise<number | null> {
  const [row] = await sql.rows<{ version: number }>(
    `update stocktake_line set counted_full_units = ?, counted_partial_units = ?, manual_purchases_value = ?,
       purchases = ?, sales_qty = ?, waste = ?, transfers_in = ?, transfers_out = ?, adjustments = ?,
       counted_qty = ?, expected_qty = ?, variance_qty = ?, expected_value = ?, counted_value = ?, variance_value = ?,
       version = version + 1
     where id = ? and version = ? returning version`,
    [
      line.countedFullUnits,
      line.countedPartialUnits,
      line.manualPurchasesValue,
      line.purchases,
      line.salesQty,
      line.waste,
      line.transfersIn,
      line.transfersOut,
      line.adjustments,
      line.countedQty,
      line.expectedQty,
      line.varianceQty,
      line.expectedValue,
      line.countedValue,
      line.varianceValue,
      line.id,
      line.version,
    ],
  );
  return row?.version ?? null;
}

/** The lines of the stocktakes, in screen order (category, then SKU); with `hotels`, only stocktakes of those hotels. */
export async function lineRecordsOf(
  sql: Sql,
  stocktakeIds: readonly number[],
  hotels?: readonly string[],
): Promise<LineRecord[]> {
  if (stocktakeIds.length === 0) return [];
  const rows = await sql.rows<LineRow>(
    `select ${LINE_COLUMNS} from stocktake_line l ${LINE_JOINS}
     ${hotels ? 'join stocktake s on s.id = l.stocktake_id join hotel h on h.id = s.hotel_id' : ''}
     where l.stocktake_id = any(cast(? as int[])) ${hotels ? 'and h.identifier = any(cast(? as text[]))' : ''}
     order by l.stocktake_id, l.category_code, i.sku`,
    [stocktakeIds, ...(hotels ? [hotels] : [])],
  );
  return rows.map(lineRecordFromRow);
}
