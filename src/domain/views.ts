/**
 * Read models: the shapes every client sees. GraphQL object types implement
 * these interfaces and Pusher payloads are built from them, so a line looks
 * the same in a query result, a subscription event and a Pusher event.
 * Quantities and money are fixed-place strings; timestamps are ISO UTC.
 */
import { fixedText as fixed, formatFixed, sumFixed } from './fixed-point';
import type { Hotel, StockCategory, StockItem, Stocktake } from './entities';
import type { MovementType, StocktakeStatus } from './entities';
import type { CategoryCode } from './entities/StockCategory';
import { money, valuationCost } from './line-calculations';
import type { MovementRecord } from './services/movement-records';
import { type LineView } from './line-view';

export interface HotelView {
  id: number;
  identifier: string;
  name: string;
  timeZone: string;
}

export interface StockItemView {
  id: number;
  sku: string;
  name: string;
  categoryCode: CategoryCode;
  categoryName: string;
  size: string;
  sizeValue: string | null;
  sizeUnit: string;
  uom: string;
  unitCost: string;
  costPerServing: string;
  menuPrice: string | null;
  active: boolean;
}

/** The stocktake without its lines: small enough for any event payload. */
export interface StocktakeView {
  id: number;
  hotelId: number;
  hotelIdentifier: string;
  periodStart: string;
  periodEnd: string;
  status: StocktakeStatus;
  isLocked: boolean;
  notes: string;
  createdAt: string;
  approvedAt: string | null;
  approvedById: string | null;
  approvedByName: string | null;
  lineCount: number;
  /** Σ expected value of the lines, as the original's `total_value`. */
  totalValue: string;
  totalVarianceValue: string;
  /** How far the count has got (docs/domain.md, "Progress and provenance"). */
  progress: ProgressView;
}

/**
 * How far a stocktake's count has got: lines counted of all lines, and the
 * counted value and variance over the counted lines only, so that an
 * uncounted line is not taken for a count of zero (its whole expected stock
 * as a shortage).
 */
export interface ProgressView {
  countedLines: number;
  totalLines: number;
  /** Σ counted value of the counted lines, 2 places. */
  countedValue: string;
  /** Σ variance value of the counted lines only, 2 places. */
  varianceValueCounted: string;
}

export interface MovementView {
  id: number;
  itemId: number;
  itemSku: string;
  movementType: MovementType;
  quantity: string;
  unitCost: string | null;
  reference: string;
  notes: string;
  staffId: string | null;
  staffName: string | null;
  timestamp: string;
}

export interface CategoryTotalsView {
  categoryCode: CategoryCode;
  categoryName: string;
  itemCount: number;
  openingQty: string;
  purchases: string;
  waste: string;
  transfersIn: string;
  transfersOut: string;
  adjustments: string;
  expectedQty: string;
  countedQty: string;
  varianceQty: string;
  expectedValue: string;
  countedValue: string;
  varianceValue: string;
  manualPurchasesValue: string;
}

const qty = (value: string) => fixed(value, 4);

export function describeHotel(hotel: Hotel): HotelView {
  return { id: hotel.id, identifier: hotel.identifier, name: hotel.name, timeZone: hotel.timeZone };
}

export function describeItem(item: StockItem, category: StockCategory): StockItemView {
  return {
    id: item.id,
    sku: item.sku,
    name: item.name,
    categoryCode: category.code,
    categoryName: category.name,
    size: item.size,
    sizeValue: item.sizeValue === null ? null : fixed(item.sizeValue, 2),
    sizeUnit: item.sizeUnit,
    uom: fixed(item.uom, 2),
    unitCost: fixed(item.unitCost, 4),
    costPerServing: valuationCost(item.unitCost, item.uom),
    menuPrice: item.menuPrice === null ? null : fixed(item.menuPrice, 2),
    active: item.active,
  };
}

export type { LineRecord } from './line-shape';

/** Line count and value totals of a stocktake, summed from its lines' stored values. */
export interface StocktakeTotals {
  lineCount: number;
  totalValue: string;
  totalVarianceValue: string;
  /** Lines with a count (counted_at set). */
  countedLines: number;
  /** Σ counted value and Σ variance value of the counted lines only. */
  countedValue: string;
  varianceValueCounted: string;
}

export const NO_LINES: StocktakeTotals = {
  lineCount: 0,
  totalValue: '0.00',
  totalVarianceValue: '0.00',
  countedLines: 0,
  countedValue: '0.00',
  varianceValueCounted: '0.00',
};

/** The progress of a count from its stocktake's totals. */
export function describeProgress(totals: StocktakeTotals): ProgressView {
  return {
    countedLines: totals.countedLines,
    totalLines: totals.lineCount,
    countedValue: fixed(totals.countedValue, 2),
    varianceValueCounted: fixed(totals.varianceValueCounted, 2),
  };
}

/** Lines approved (or left) without a count: every line not counted yet. */
export function uncountedLines(progress: ProgressView): number {
  return progress.totalLines - progress.countedLines;
}

export function describeStocktake(stocktake: Stocktake, hotel: Hotel, totals: StocktakeTotals): StocktakeView {
  return {
    id: stocktake.id,
    hotelId: hotel.id,
    hotelIdentifier: hotel.identifier,
    periodStart: stocktake.periodStart,
    periodEnd: stocktake.periodEnd,
    status: stocktake.status,
    isLocked: stocktake.isLocked,
    notes: stocktake.notes,
    createdAt: stocktake.createdAt.toISOString(),
    approvedAt: stocktake.approvedAt?.toISOString() ?? null,
    approvedById: stocktake.approvedById,
    approvedByName: stocktake.approvedByName,
    lineCount: totals.lineCount,
    totalValue: fixed(totals.totalValue, 2),
    totalVarianceValue: fixed(totals.totalVarianceValue, 2),
    progress: describeProgress(totals),
  };
}

export function describeMovement(movement: MovementRecord, itemSku: string): MovementView {
  return {
    id: movement.id,
    itemId: movement.item_id,
    itemSku,
    movementType: movement.movement_type,
    quantity: qty(movement.quantity),
    unitCost: movement.unit_cost === null ? null : fixed(movement.unit_cost, 4),
    reference: movement.reference,
    notes: movement.notes,
    staffId: movement.staff_id,
    staffName: movement.staff_name,
    timestamp: new Date(movement.timestamp).toISOString(),
  };
}

const TOTALLED = [
  'openingQty',
  'purchases',
  'waste',
  'transfersIn',
  'transfersOut',
  'adjustments',
  'expectedQty',
  'countedQty',
  'varianceQty',
] as const;

/** Per-category sums of line views, in category order. */
export function totalsByCategory(lines: readonly LineView[]): CategoryTotalsView[] {
  const groups = new Map<CategoryCode, LineView[]>();
  for (const line of lines) {
    const group = groups.get(line.categoryCode);
    if (group) group.push(line);
    else groups.set(line.categoryCode, [line]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, group]) => {
      const quantities = Object.fromEntries(
        TOTALLED.map((key) => [key, formatFixed(sumFixed(group.map((l) => l[key])), 4)]),
      ) as Record<(typeof TOTALLED)[number], string>;
      return {
        categoryCode: code,
        categoryName: group[0]!.categoryName,
        itemCount: group.length,
        ...quantities,
        expectedValue: money(sumFixed(group.map((l) => l.expectedValue))),
        countedValue: money(sumFixed(group.map((l) => l.countedValue))),
        varianceValue: money(sumFixed(group.map((l) => l.varianceValue))),
        manualPurchasesValue: money(sumFixed(group.map((l) => l.manualPurchasesValue ?? '0'))),
      };
    });
}
