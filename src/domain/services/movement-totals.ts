/**
 * Movement sums per item, in one grouped query: the opening balance before a
 * period and each movement type's total within it (docs/domain.md,
 * "Counting a line"). Opening = purchases + transfers in + adjustments −
 * waste − transfers out before the period; sales do not move stock in this
 * model.
 */
import { fixedText } from '../fixed-point';
import { deriveLine } from '../line-calculations';
import type { PeriodBounds } from '../period';
import type { Sql } from '../sql';
import type { LineRecord } from '../views';

interface MovementTotals {
  itemId: number;
  opening: string;
  purchases: string;
  sales: string;
  waste: string;
  transfersIn: string;
  transfersOut: string;
  adjustments: string;
}

interface Row {
  item_id: number;
  opening: string;
  purchases: string;
  sales: string;
  waste: string;
  transfers_in: string;
  transfers_out: string;
  adjustments: string;
}

const inPeriod = (type: string) =>
  `coalesce(sum(m.quantity) filter (where m.timestamp >= ? and m.movement_type = '${type}'), 0)`;

/** Each item's opening before the period and its totals within it; its parameters: movementTotalsParams. */
export const MOVEMENT_TOTALS_SQL = `
select i.id as item_id,
  coalesce(sum(case when m.movement_type in ('PURCHASE', 'TRANSFER_IN', 'ADJUSTMENT') then m.quantity
                    when m.movement_type in ('WASTE', 'TRANSFER_OUT') then -m.quantity
                    else 0 end) filter (where m.timestamp < ?), 0) as opening,
  ${inPeriod('PURCHASE')} as purchases,
  ${inPeriod('SALE')} as sales,
  ${inPeriod('WASTE')} as waste,
  ${inPeriod('TRANSFER_IN')} as transfers_in,
  ${inPeriod('TRANSFER_OUT')} as transfers_out,
  ${inPeriod('ADJUSTMENT')} as adjustments
from stock_item i
left join stock_movement m on m.item_id = i.id and m.timestamp <= ?
where i.hotel_id = ? and (? or i.id = any(cast(? as integer[])))
group by i.id
order by i.id`;

/** MOVEMENT_TOTALS_SQL's parameters in the order of its placeholders; every item of the hotel without `itemIds`. */
export function movementTotalsParams(hotelId: number, bounds: PeriodBounds, itemIds?: readonly number[]): unknown[] {
  const inPeriodFilters = 6;
  return [
    bounds.from,
    ...Array<Date>(inPeriodFilters).fill(bounds.from),
    bounds.to,
    hotelId,
    itemIds === undefined,
    itemIds ?? [],
  ];
}

export async function movementTotals(
  sql: Sql,
  hotelId: number,
  bounds: PeriodBounds,
  itemIds?: readonly number[],
): Promise<Map<number, MovementTotals>> {
  const rows = await sql.rows<Row>(MOVEMENT_TOTALS_SQL, movementTotalsParams(hotelId, bounds, itemIds));
  return new Map(
    rows.map((row) => [
      row.item_id,
      {
        itemId: row.item_id,
        opening: String(row.opening),
        purchases: String(row.purchases),
        sales: String(row.sales),
        waste: String(row.waste),
        transfersIn: String(row.transfers_in),
        transfersOut: String(row.transfers_out),
        adjustments: String(row.adjustments),
      },
    ]),
  );
}

/** The line with every movement-derived total refreshed and its figures derived again; the opening stays as populate set it. */
export function withPeriodTotals(line: LineRecord, totals: MovementTotals): LineRecord {
  const refreshed: LineRecord = {
    ...line,
    purchases: fixedText(totals.purchases, 4),
    salesQty: fixedText(totals.sales, 4),
    waste: fixedText(totals.waste, 4),
    transfersIn: fixedText(totals.transfersIn, 4),
    transfersOut: fixedText(totals.transfersOut, 4),
    adjustments: fixedText(totals.adjustments, 4),
  };
  return { ...refreshed, ...deriveLine(refreshed) };
}
