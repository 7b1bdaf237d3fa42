/**
 * Bringing every line of a stocktake up to date with the movements, a whole
 * stocktake at a time (populate, approve, reopen): two reads give each
 * item's totals for the period and its line, the figures are derived in
 * TypeScript (the one home of the formulas, line-calculations.ts), and one
 * statement inserts the new lines and one updates the changed ones. The
 * derivation pauses between slices, so a stocktake of ten thousand lines
 * does not hold up other requests.
 */
import type { Sql } from '../sql';
import type { CategoryCode } from '../entities';
import { deriveLine, valuationCost, type DerivedLine } from '../line-calculations';
import type { PeriodBounds } from '../period';
import { eachSlice } from '../slices';
import { MOVEMENT_TOTALS_SQL, movementTotalsParams } from './movement-totals';
import { fixedText, isZero, minus, sumFixed } from '../fixed-point';

/** What the period's movements give an item of the hotel, with the item's own figures. */
interface ItemRow {
  item_id: number;
  active: boolean;
  item_uom: string;
  item_size: string;
  item_category: CategoryCode;
  unit_cost: string;
  opening: string;
  purchases: string;
  sales: string;
  waste: string;
  transfers_in: string;
  transfers_out: string;
  adjustments: string;
}

/** What the stocktake's line of an item holds now. */
interface LineRow {
  item_id: number;
  line_id: number;
  uom: string;
  size: string;
  category_code: CategoryCode;
  valuation_cost: string;
  counted_full_units: string;
  counted_partial_units: string;
  opening_qty: string;
  purchases_qty: string;
  sales_qty: string;
  waste_qty: string;
  transfers_in_qty: string;
  transfers_out_qty: string;
  adjustments_qty: string;
}

/** What a line gets from the movements: its opening and its totals within the period. */
interface Totals {
  opening_qty: string;
  purchases: string;
  sales_qty: string;
  waste: string;
  transfers_in: string;
  transfers_out: string;
  adjustments: string;
}

type Figures = Totals & { [Key in keyof DerivedLine as SnakeCase<Key>]: string };

type SnakeCase<Key extends string> = Key extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : Key;

interface RefreshOptions {
  stocktakeId: number;
  hotelId: number;
  bounds: PeriodBounds;
  /**
   * Populate: create lines for items that lack one (active items, and
   * inactive ones that still hold stock) and set every opening. Otherwise
   * only the existing lines' period totals are refreshed.
   */
  populate: boolean;
}

/** Refreshes the lines; returns how many were created. */
export async function refreshLines(sql: Sql, options: RefreshOptions): Promise<number> {
  const rows = await readRows(sql, options);
  // Each row's JSON is written in its slice: one JSON.stringify of 10,000 lines at the end held the event loop
  // for tens of milliseconds (bench B7's bystander waits).
  const created: string[] = [];
  const changed: string[] = [];
  await eachSlice(rows, ({ item, line }) => {
    const totals = totalsOf(item, line, options.populate);
    if (line === null) {
      if (!item.active && !holdsStock(item)) return;
      const units = { categoryCode: item.item_category, size: item.item_size, uom: item.item_uom };
      const cost = valuationCost(item.unit_cost, item.item_uom);
      created.push(
        JSON.stringify({
          item_id: item.item_id,
          uom: item.item_uom,
          size: item.item_size,
          category_code: item.item_category,
          valuation_cost: cost,
          ...figures(units, totals, '0', '0', cost),
        }),
      );
      return;
    }
    if (!differs(line, totals)) return;
    const units = { categoryCode: line.category_code, size: line.size, uom: line.uom };
    changed.push(
      JSON.stringify({
        id: line.line_id,
        ...figures(units, totals, line.counted_full_units, line.counted_partial_units, line.valuation_cost),
      }),
    );
  });
  if (created.length > 0) await insertLines(sql, options.stocktakeId, created);
  if (changed.length > 0) await updateLines(sql, changed);
  return created.length;
}

/**
 * Each item's totals beside its line (none for an item without one, which only populate keeps), in item order.
 * Two reads joined here rather than one statement joining the lines: right after populate inserted thousands of
 * lines, PostgreSQL's statistics still say the stocktake has none, and the joined statement was planned as a
 * nested loop over every line for every item (4.8 s for 10,000 lines in bench B7, against 0.1 s).
 */
async function readRows(
  sql: Sql,
  { stocktakeId, hotelId, bounds, populate }: RefreshOptions,
): Promise<Array<{ item: ItemRow; line: LineRow | null }>> {
  const items = await sql.rows<ItemRow>(
    `with totals as (${MOVEMENT_TOTALS_SQL})
       select i.id as item_id, i.active, i.uom as item_uom, i.size as item_size, i.category_code as item_category,
              i.unit_cost, t.opening, t.purchases, t.sales, t.waste, t.transfers_in, t.transfers_out, t.adjustments
       from stock_item i
       join totals t on t.item_id = i.id
       order by i.id`,
    movementTotalsParams(hotelId, bounds),
  );
  const lines = await sql.rows<LineRow>(
    `select l.item_id, l.id as line_id, l.uom, l.size, l.category_code, l.valuation_cost, l.counted_full_units,
              l.counted_partial_units, l.opening_qty, l.purchases as purchases_qty, l.sales_qty, l.waste as waste_qty,
              l.transfers_in as transfers_in_qty, l.transfers_out as transfers_out_qty,
              l.adjustments as adjustments_qty
       from stocktake_line l
       where l.stocktake_id = ?`,
    [stocktakeId],
  );
  const lineOf = new Map(lines.map((line) => [line.item_id, line]));
  const rows: Array<{ item: ItemRow; line: LineRow | null }> = [];
  for (const item of items) {
    const line = lineOf.get(item.item_id) ?? null;
    if (line !== null || populate) rows.push({ item, line });
  }
  return rows;
}

function totalsOf(item: ItemRow, line: LineRow | null, populate: boolean): Totals {
  return {
    // A refresh keeps the opening populate set; populate sets it from everything before the period.
    opening_qty: fixedText(populate || line === null ? item.opening : line.opening_qty, 4),
    purchases: fixedText(item.purchases, 4),
    sales_qty: fixedText(item.sales, 4),
    waste: fixedText(item.waste, 4),
    transfers_in: fixedText(item.transfers_in, 4),
    transfers_out: fixedText(item.transfers_out, 4),
    adjustments: fixedText(item.adjustments, 4),
  };
}

function differs(row: LineRow, totals: Totals): boolean {
  const before = [
    row.opening_qty,
    row.purchases_qty,
    row.sales_qty,
    row.waste_qty,
    row.transfers_in_qty,
    row.transfers_out_qty,
    row.adjustments_qty,
  ];
  const after = [
    totals.opening_qty,
    totals.purchases,
    totals.sales_qty,
    totals.waste,
    totals.transfers_in,
    totals.transfers_out,
    totals.adjustments,
  ];
  return before.some((value, index) => fixedText(value, 4) !== after[index]);
}

function figures(
  units: { categoryCode: CategoryCode; size: string; uom: string },
  totals: Totals,
  countedFullUnits: string,
  countedPartialUnits: string,
  cost: string,
): Figures {
  const derived = deriveLine({
    ...units,
    countedFullUnits,
    countedPartialUnits,
    openingQty: totals.opening_qty,
    purchases: totals.purchases,
    waste: totals.waste,
    valuationCost: cost,
  });
  return {
    ...totals,
    counted_qty: derived.countedQty,
    expected_qty: derived.expectedQty,
    variance_qty: derived.varianceQty,
    expected_value: derived.expectedValue,
    counted_value: derived.countedValue,
    variance_value: derived.varianceValue,
  };
}

/** Inactive items are counted while they still hold stock at the end of the period. */
function holdsStock(row: ItemRow): boolean {
  const closing = minus(
    sumFixed([row.opening, row.purchases, row.transfers_in, row.adjustments]),
    sumFixed([row.waste, row.transfers_out]),
  );
  return !isZero(closing);
}

const FIGURE_COLUMNS = `opening_qty numeric, purchases numeric, sales_qty numeric, waste numeric, transfers_in numeric,
  transfers_out numeric, adjustments numeric, counted_qty numeric, expected_qty numeric, variance_qty numeric,
  expected_value numeric, counted_value numeric, variance_value numeric`;

// The rows travel as one JSON text read with json_to_recordset, not jsonb: jsonb would build its binary form of the
// whole text first (for 10,000 lines, 140 ms against 65 ms, and twice that while a named statement is planned).
async function insertLines(sql: Sql, stocktakeId: number, lines: string[]): Promise<void> {
  await sql.rows(
    `insert into stocktake_line (stocktake_id, item_id, uom, size, category_code, valuation_cost, opening_qty, purchases,
       sales_qty, waste, transfers_in, transfers_out, adjustments, counted_qty, expected_qty, variance_qty,
       expected_value, counted_value, variance_value, version)
     select ?, d.item_id, d.uom, d.size, d.category_code, d.valuation_cost, d.opening_qty, d.purchases, d.sales_qty,
       d.waste, d.transfers_in, d.transfers_out, d.adjustments, d.counted_qty, d.expected_qty, d.variance_qty,
       d.expected_value, d.counted_value, d.variance_value, 1
     from json_to_recordset(cast(? as json)) as d(item_id int, uom numeric, size text, category_code text,
       valuation_cost numeric, ${FIGURE_COLUMNS})`,
    [stocktakeId, `[${lines.join(',')}]`],
  );
}

async function updateLines(sql: Sql, lines: string[]): Promise<void> {
  await sql.rows(
    `update stocktake_line l set opening_qty = d.opening_qty, purchases = d.purchases, sales_qty = d.sales_qty,
       waste = d.waste, transfers_in = d.transfers_in, transfers_out = d.transfers_out, adjustments = d.adjustments,
       counted_qty = d.counted_qty, expected_qty = d.expected_qty, variance_qty = d.variance_qty,
       expected_value = d.expected_value, counted_value = d.counted_value, variance_value = d.variance_value,
       version = l.version + 1
     from json_to_recordset(cast(? as json)) as d(id int, ${FIGURE_COLUMNS})
     where l.id = d.id`,
    [`[${lines.join(',')}]`],
  );
}
