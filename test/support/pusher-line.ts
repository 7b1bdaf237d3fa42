/**
 * The legacy full line object (docs/realtime.md, "The full line object"), written out key by key
 * from the GraphQL line: what a legacy frontend must receive on Pusher.
 */
import type { LineFieldsFragment } from '../__generated__/graphql';

export function pusherLineOf(line: LineFieldsFragment): Record<string, unknown> {
  return {
    id: Number(line.id),
    stocktake: Number(line.stocktakeId),
    item: Number(line.itemId),
    item_sku: line.itemSku,
    item_name: line.itemName,
    category_code: line.categoryCode,
    category_name: line.categoryName,
    item_size: line.itemSize,
    item_uom: line.itemUom,
    opening_qty: line.openingQty,
    purchases: line.purchases,
    sales_qty: line.salesQty,
    waste: line.waste,
    transfers_in: line.transfersIn,
    transfers_out: line.transfersOut,
    adjustments: line.adjustments,
    manual_purchases_value: line.manualPurchasesValue,
    counted_full_units: line.countedFullUnits,
    counted_partial_units: line.countedPartialUnits,
    counted_qty: line.countedQty,
    expected_qty: line.expectedQty,
    variance_qty: line.varianceQty,
    opening_display_full_units: line.openingDisplayFullUnits,
    opening_display_partial_units: line.openingDisplayPartialUnits,
    expected_display_full_units: line.expectedDisplayFullUnits,
    expected_display_partial_units: line.expectedDisplayPartialUnits,
    counted_display_full_units: line.countedDisplayFullUnits,
    counted_display_partial_units: line.countedDisplayPartialUnits,
    variance_display_full_units: line.varianceDisplayFullUnits,
    variance_display_partial_units: line.varianceDisplayPartialUnits,
    valuation_cost: line.valuationCost,
    expected_value: line.expectedValue,
    counted_value: line.countedValue,
    variance_value: line.varianceValue,
    version: line.version,
    counted_at: line.countedAt ?? null,
    counted_by: line.countedBy ? { id: line.countedBy.id, name: line.countedBy.name } : null,
  };
}
