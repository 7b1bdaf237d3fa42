/**
 * Stock movements of a line's item, read and written in hand-written SQL
 * (src/persistence/sql.ts), so that a movement change runs on the same path
 * as a count (line-change.ts). Off the hot path, so every row is checked
 * against its declared shape (MovementRow) as it is read.
 */
import { Type, type Static } from '@sinclair/typebox';
import { MovementType } from '../entities';
import type { MovementValues } from '../events';
import type { PeriodBounds } from '../period';
import type { Sql } from '../sql';

/** A stock_movement row as this module selects it: the one declaration of its shape. */
const MovementRow = Type.Object({
  id: Type.Integer(),
  item_id: Type.Integer(),
  movement_type: Type.Enum(MovementType),
  quantity: Type.String(),
  unit_cost: Type.Union([Type.String(), Type.Null()]),
  reference: Type.String(),
  notes: Type.String(),
  staff_id: Type.Union([Type.String(), Type.Null()]),
  staff_name: Type.Union([Type.String(), Type.Null()]),
  /** timestamptz as PostgreSQL writes it (the pool returns timestamps as text). */
  timestamp: Type.String(),
});

/** A movement as stored (describeMovement turns it into what clients see). */
export type MovementRecord = Static<typeof MovementRow>;

const COLUMNS = 'id, item_id, movement_type, quantity, unit_cost, reference, notes, staff_id, staff_name, timestamp';

/** Only purchases and waste are recorded from a line; other types come from item-level movements. */
export const LINE_MOVEMENT_TYPES: readonly MovementType[] = [MovementType.PURCHASE, MovementType.WASTE];

/** The item's movements inside the period, newest first. */
export function movementsOfItem(sql: Sql, itemId: number, bounds: PeriodBounds): Promise<MovementRecord[]> {
  return sql.checkedRows(
    MovementRow,
    `select ${COLUMNS} from stock_movement where item_id = ? and timestamp >= ? and timestamp <= ?
     order by timestamp desc, id desc`,
    [itemId, bounds.from, bounds.to],
  );
}

/**
 * A movement a line may change: a purchase or waste of the line's item
 * inside the period, not written by an approval; null when there is none.
 */
export async function lineMovement(
  sql: Sql,
  itemId: number,
  bounds: PeriodBounds,
  movementId: number,
): Promise<MovementRecord | null> {
  const [row] = await sql.checkedRows(
    MovementRow,
    `select ${COLUMNS} from stock_movement
     where id = ? and item_id = ? and movement_type = any(cast(? as movement_type[])) and approval_of_id is null
       and timestamp >= ? and timestamp <= ?`,
    [movementId, itemId, LINE_MOVEMENT_TYPES, bounds.from, bounds.to],
  );
  return row ?? null;
}

/** Stores a new movement of the item; the movement as stored. */
export async function insertMovement(
  sql: Sql,
  movement: MovementValues & {
    hotelId: number;
    itemId: number;
    staffId: string;
    staffName: string;
    timestamp: Date;
  },
): Promise<MovementRecord> {
  const [row] = await sql.checkedRows(
    MovementRow,
    `insert into stock_movement (hotel_id, item_id, movement_type, quantity, unit_cost, reference, notes, staff_id,
       staff_name, timestamp, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
     returning ${COLUMNS}`,
    [
      movement.hotelId,
      movement.itemId,
      movement.movementType,
      movement.quantity,
      movement.unitCost,
      movement.reference,
      movement.notes,
      movement.staffId,
      movement.staffName,
      movement.timestamp,
    ],
  );
  return row!;
}

/** Writes a movement's values and timestamp; the movement as stored. */
export async function updateMovement(
  sql: Sql,
  id: number,
  values: MovementValues & { timestamp: Date },
): Promise<MovementRecord> {
  const [row] = await sql.checkedRows(
    MovementRow,
    `update stock_movement set movement_type = ?, quantity = ?, unit_cost = ?, reference = ?, notes = ?, timestamp = ?
     where id = ? returning ${COLUMNS}`,
    [values.movementType, values.quantity, values.unitCost, values.reference, values.notes, values.timestamp, id],
  );
  return row!;
}

export async function deleteMovement(sql: Sql, id: number): Promise<void> {
  await sql.rows('delete from stock_movement where id = ?', [id]);
}
