/**
 * Builds the objects legacy frontends receive from the views every client
 * sees: the original's snake_case keys and string formats (see
 * pusher-schemas.ts for the contract).
 */
import type { MovementValues } from '../../domain/events';
import type { LineView, MovementView, StocktakeView } from '../../domain/views';
import type {
  PusherLine,
  PusherMovement,
  PusherMovementSummary,
  PusherOldValues,
  PusherStocktakeSummary,
} from './pusher-schemas';

/** The original's full line object, plus `version` (additive). */
export function pusherLine(line: LineView): PusherLine {
  return {
    id: line.id,
    stocktake: line.stocktakeId,
    item: line.itemId,
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
  };
}

/** The stocktake without lines or snapshots, so that status events stay small. */
export function pusherStocktakeSummary(stocktake: StocktakeView): PusherStocktakeSummary {
  return {
    id: stocktake.id,
    hotel: stocktake.hotelId,
    period_start: stocktake.periodStart,
    period_end: stocktake.periodEnd,
    status: stocktake.status,
    is_locked: stocktake.isLocked,
    notes: stocktake.notes,
    created_at: stocktake.createdAt,
    approved_at: stocktake.approvedAt,
    approved_by: stocktake.approvedById,
    approved_by_name: stocktake.approvedByName,
    total_lines: stocktake.lineCount,
    line_count: stocktake.lineCount,
    total_value: stocktake.totalValue,
    total_variance_value: stocktake.totalVarianceValue,
  };
}

/** `line-movement-added` carries the short movement of the original document. */
export function pusherMovementSummary(movement: MovementView): PusherMovementSummary {
  return {
    id: movement.id,
    movement_type: lineMovementType(movement),
    quantity: movement.quantity,
    timestamp: movement.timestamp,
  };
}

/** `line-movement-updated` carries the movement with its editable fields. */
export function pusherMovement(movement: MovementView): PusherMovement {
  return {
    id: movement.id,
    movement_type: lineMovementType(movement),
    quantity: movement.quantity,
    unit_cost: movement.unitCost,
    reference: movement.reference,
    notes: movement.notes,
    timestamp: movement.timestamp,
  };
}

export function pusherOldValues(values: MovementValues): PusherOldValues {
  return {
    movement_type: values.movementType,
    quantity: values.quantity,
    unit_cost: values.unitCost,
    reference: values.reference,
    notes: values.notes,
  };
}

/** Only purchases and waste are recorded from a line, so only they appear in line events. */
function lineMovementType(movement: MovementView): PusherMovementSummary['movement_type'] {
  const type: string = movement.movementType;
  if (type !== 'PURCHASE' && type !== 'WASTE') throw new Error(`a line event cannot carry a ${type} movement`);
  return type;
}
