/**
 * Lines as plain records, read and written with one SQL statement each: the
 * path every count takes (several times a second per counting team), kept
 * free of entity hydration and change tracking. Reading a line for a change
 * locks its stocktake row first, the lock order every stocktake mutation
 * keeps (docs/realtime.md, "Delivery guarantees").
 */
import type { StocktakeStatus } from '../entities';
import { LINE_SELECT, LINE_WRITES, type LineRecord } from '../line-shape';
import type { Sql } from '../sql';
import { historyValues, insertHistoryFrom, type HistoryEntry } from './line-history-records';

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

/** A LockedLine as its statement returns it: the lock's parts not yet gathered. */
interface LockedLineRow extends Omit<LockedLine, 'lock'> {
  lockUserId: string | null;
  lockUserName: string | null;
  lockExpiresAt: string | null;
}

const LINE_JOINS = `join stock_item i on i.id = l.item_id join stock_category c on c.code = l.category_code`;

/** A line for a change: LINE_COLUMNS with its stocktake, hotel and live editing lock (lockLine, lockLinesOf). */
const LOCKED_LINE = `select ${LINE_SELECT}, s.status as "stocktakeStatus", h.identifier as "hotel", h.id as "hotelId",
       s.period_start::text as "periodStart", s.period_end::text as "periodEnd", h.time_zone as "timeZone",
       k.user_id as "lockUserId", k.user_name as "lockUserName", k.expires_at as "lockExpiresAt"
     from stocktake_line l join stocktake s on s.id = l.stocktake_id join hotel h on h.id = s.hotel_id ${LINE_JOINS}
     left join line_lock k on k.line_id = l.id and k.expires_at > now()`;

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
  const [row] = await sql.rows<LockedLineRow>(`${LOCKED_LINE} where l.id = ?`, [lineId]);
  return row ? lockedLineFromRow(row) : null;
}

/** The line as lockLine reads it, without locking anything: for reads. */
export async function readLine(sql: Sql, lineId: number): Promise<LockedLine | null> {
  const [row] = await sql.rows<LockedLineRow>(`${LOCKED_LINE} where l.id = ?`, [lineId]);
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
  const rows = await sql.rows<LockedLineRow>(
    `${LOCKED_LINE} where l.stocktake_id = ? and l.id = any(cast(? as int[]))`,
    [stocktakeId, lineIds],
  );
  return {
    hotel: stocktake.hotel,
    status: stocktake.status,
    lines: new Map(rows.map((row) => [row.id, lockedLineFromRow(row)])),
  };
}

function lockedLineFromRow({ lockUserId, lockUserName, lockExpiresAt, ...line }: LockedLineRow): LockedLine {
  return {
    ...line,
    lock:
      lockUserId === null ? null : { userId: lockUserId, userName: lockUserName!, expiresAt: new Date(lockExpiresAt!) },
  };
}

/**
 * Writes what a change to a line can change (counts, the purchases override,
 * the movement totals and every derived figure) as `line` holds them, and
 * records the change in the line's history, in one statement (one round trip
 * on the path of every count); the new version, or null when the line is no
 * longer at `line.version` (then nothing is written).
 */
export async function saveLine(sql: Sql, line: LineRecord, history: HistoryEntry): Promise<number | null> {
  const [row] = await sql.rows<{ version: number }>(SAVE_LINE, [
    ...LINE_WRITES.map(({ name }) => line[name]),
    line.id,
    line.version,
    ...historyValues(history),
  ]);
  return row?.version ?? null;
}

const SAVE_LINE = `with saved as (
   update stocktake_line set ${LINE_WRITES.map(({ column }) => `${column} = ?`).join(', ')}, version = version + 1
   where id = ? and version = ? returning version
 ), recorded as (${insertHistoryFrom('saved')})
 select version from saved`;

/** The lines of the stocktakes, in screen order (category, then SKU); with `hotels`, only stocktakes of those hotels. */
export async function lineRecordsOf(
  sql: Sql,
  stocktakeIds: readonly number[],
  hotels?: readonly string[],
): Promise<LineRecord[]> {
  if (stocktakeIds.length === 0) return [];
  const rows = await sql.rows<LineRecord>(
    `select ${LINE_SELECT} from stocktake_line l ${LINE_JOINS}
     ${hotels ? 'join stocktake s on s.id = l.stocktake_id join hotel h on h.id = s.hotel_id' : ''}
     where l.stocktake_id = any(cast(? as int[])) ${hotels ? 'and h.identifier = any(cast(? as text[]))' : ''}
     order by l.stocktake_id, l.category_code, i.sku`,
    [stocktakeIds, ...(hotels ? [hotels] : [])],
  );
  return rows;
}

/**
 * A page of one stocktake's lines in screen order (category, then SKU), after the line `afterLineId`:
 * up to `limit` rows (a caller asks for one more than it shows, to know whether a page follows).
 * Null when `afterLineId` is not a line of the stocktake. Keyset paging on the screen order, so a
 * page costs the same deep in a 10,000-line stocktake as at its start.
 */
export async function lineRecordsPage(
  sql: Sql,
  stocktakeId: number,
  afterLineId: number | null,
  limit: number,
): Promise<LineRecord[] | null> {
  if (afterLineId !== null) {
    const [anchor] = await sql.rows<{ id: number }>('select id from stocktake_line where id = ? and stocktake_id = ?', [
      afterLineId,
      stocktakeId,
    ]);
    if (!anchor) return null;
  }
  return sql.rows<LineRecord>(
    `select ${LINE_SELECT} from stocktake_line l ${LINE_JOINS}
     where l.stocktake_id = ? ${
       afterLineId === null
         ? ''
         : `and (l.category_code, i.sku, l.id) > (select a.category_code, ai.sku, a.id
              from stocktake_line a join stock_item ai on ai.id = a.item_id where a.id = ?)`
     }
     order by l.category_code, i.sku, l.id limit ?`,
    afterLineId === null ? [stocktakeId, limit] : [stocktakeId, afterLineId, limit],
  );
}
