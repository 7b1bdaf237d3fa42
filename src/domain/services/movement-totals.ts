/**
 * Movement sums per item, in one grouped query: the opening balance before a
 * period and each movement type's total within it (docs/domain.md,
 * "Counting a line"). Opening = purchases + transfers in + adjustments −
 * waste − transfers out before the period; sales do not move stock in this
 * model.
 */
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { fixedText } from '../fixed-point';
import { deriveLine } from '../line-calculations';
import type { StocktakeLine } from '../entities';
import type { PeriodBounds } from '../period';

export interface MovementTotals {
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
  `coalesce(sum(m.quantity) filter (where m.timestamp >= :from and m.movement_type = '${type}'), 0)`;

/** Each item's opening before the period and its totals within it (named bindings: from, to, hotelId, allItems, itemIds). */
export const MOVEMENT_TOTALS_SQL = `
select i.id as item_id,
  coalesce(sum(case when m.movement_type in ('PURCHASE', 'TRANSFER_IN', 'ADJUSTMENT') then m.quantity
                    when m.movement_type in ('WASTE', 'TRANSFER_OUT') then -m.quantity
                    else 0 end) filter (where m.timestamp < :from), 0) as opening,
  ${inPeriod('PURCHASE')} as purchases,
  ${inPeriod('SALE')} as sales,
  ${inPeriod('WASTE')} as waste,
  ${inPeriod('TRANSFER_IN')} as transfers_in,
  ${inPeriod('TRANSFER_OUT')} as transfers_out,
  ${inPeriod('ADJUSTMENT')} as adjustments
from stock_item i
left join stock_movement m on m.item_id = i.id and m.timestamp <= :to
where i.hotel_id = :hotelId and (:allItems or i.id = any(cast(:itemIds as integer[])))
group by i.id
order by i.id`;

export async function movementTotals(
  em: EntityManager,
  hotelId: number,
  bounds: PeriodBounds,
  itemIds?: readonly number[],
): Promise<Map<number, MovementTotals>> {
  const query = em.getKnex().raw(MOVEMENT_TOTALS_SQL, {
    from: bounds.from,
    to: bounds.to,
    hotelId,
    allItems: itemIds === undefined,
    // An array literal: knex would expand a JS array into a list of bindings.
    itemIds: `{${(itemIds ?? []).join(',')}}`,
  });
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (transaction) query.transacting(transaction);
  const { rows } = (await query) as { rows: Row[] };
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

/** Refreshes every movement-derived total of a line, and its derived figures; the opening stays as populate set it. */
export function applyPeriodTotals(line: StocktakeLine, totals: MovementTotals): void {
  line.purchases = fixedText(totals.purchases, 4);
  line.salesQty = fixedText(totals.sales, 4);
  line.waste = fixedText(totals.waste, 4);
  line.transfersIn = fixedText(totals.transfersIn, 4);
  line.transfersOut = fixedText(totals.transfersOut, 4);
  line.adjustments = fixedText(totals.adjustments, 4);
  rederive(line);
}

/** Writes the line's derived figures from its inputs; call after changing any of them. */
export function rederive(line: StocktakeLine): void {
  Object.assign(line, deriveLine(line));
}
