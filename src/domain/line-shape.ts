/**
 * A stocktake line as stored, declared once: every field of LineRecord with
 * its type, the SQL that reads it (stocktake_line `l`, its item `i` and
 * category `c`) and whether a change to the line writes it. The record type,
 * the select list, the update of a change (line-records.ts) all come from
 * here, so a new stored figure is a field here plus its formula
 * (line-calculations.ts) and its column (the entity and a migration). What
 * clients see of a line (LineView, its GraphQL type and Pusher payload) is
 * declared apart: docs/architecture.md, "The line's shape".
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { CATEGORY_CODES } from './entities/StockCategory';

/** One stored field: its type, the SQL expression that reads it, and the column a change writes it to. */
interface StoredField<S extends TSchema> {
  type: S;
  read: string;
  /** Set for the fields a change to the line writes (counts, movement totals and derived figures). */
  writes?: string;
}

const field = <S extends TSchema>(type: S, read: string, writes?: string): StoredField<S> => ({ type, read, writes });
/** A numeric column as PostgreSQL writes it (node-postgres returns numeric as text: never a float). */
const decimal = Type.String();
/** A nullable column a change writes as it is (the count's provenance). */
const nullable = <S extends TSchema>(type: S, read: string, column: string) =>
  field(Type.Union([type, Type.Null()]), read, column);
/** A figure a change recalculates and writes back. */
const figure = (column: string) => field(decimal, `l.${column}`, column);

export const LINE_FIELDS = {
  id: field(Type.Integer(), 'l.id'),
  stocktakeId: field(Type.Integer(), 'l.stocktake_id'),
  itemId: field(Type.Integer(), 'l.item_id'),
  itemSku: field(Type.String(), 'i.sku'),
  itemName: field(Type.String(), 'i.name'),
  categoryCode: field(Type.Union(CATEGORY_CODES.map((code) => Type.Literal(code))), 'l.category_code'),
  categoryName: field(Type.String(), 'c.name'),
  size: field(Type.String(), 'l.size'),
  uom: field(decimal, 'l.uom'),
  openingQty: field(decimal, 'l.opening_qty'),
  purchases: figure('purchases'),
  salesQty: figure('sales_qty'),
  waste: figure('waste'),
  transfersIn: figure('transfers_in'),
  transfersOut: figure('transfers_out'),
  adjustments: figure('adjustments'),
  manualPurchasesValue: field(Type.Union([decimal, Type.Null()]), 'l.manual_purchases_value', 'manual_purchases_value'),
  countedFullUnits: figure('counted_full_units'),
  countedPartialUnits: figure('counted_partial_units'),
  countedQty: figure('counted_qty'),
  expectedQty: figure('expected_qty'),
  varianceQty: figure('variance_qty'),
  valuationCost: field(decimal, 'l.valuation_cost'),
  expectedValue: figure('expected_value'),
  countedValue: figure('counted_value'),
  varianceValue: figure('variance_value'),
  /** When counts were last entered, ISO-8601 UTC with milliseconds; null until counted. */
  countedAt: nullable(
    Type.String(),
    `to_char(l.counted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    'counted_at',
  ),
  countedById: nullable(Type.String(), 'l.counted_by_id', 'counted_by_id'),
  countedByName: nullable(Type.String(), 'l.counted_by_name', 'counted_by_name'),
  version: field(Type.Integer({ minimum: 1 }), 'l.version'),
} as const;

type Fields = typeof LINE_FIELDS;

/** The stored line's schema (TypeBox), from LINE_FIELDS: for checks in tests and off the hot path. */
export const LineRecordSchema = Type.Object(
  Object.fromEntries(Object.entries(LINE_FIELDS).map(([name, { type }]) => [name, type])) as {
    [K in keyof Fields]: Fields[K]['type'];
  },
);

/**
 * A line's stored fields with what it shows of its item: what the database
 * holds for one line, before formatting (describeLineRecord).
 */
export type LineRecord = Static<typeof LineRecordSchema>;

/** The select list that reads a LineRecord, each field under its own name (rows need no mapping). */
export const LINE_SELECT = Object.entries(LINE_FIELDS)
  .map(([name, { read }]) => `${read} as "${name}"`)
  .join(', ');

/** The fields a change writes, in a fixed order, with their columns. */
export const LINE_WRITES: readonly { name: keyof LineRecord; column: string }[] = Object.entries(LINE_FIELDS).flatMap(
  ([name, declared]: [string, StoredField<TSchema>]) =>
    declared.writes ? [{ name: name as keyof LineRecord, column: declared.writes }] : [],
);
