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
import { displaySplit, money, valuationCost, type ItemUnits } from './line-calculations';
import type { LineRecord } from './line-shape';
import type { MovementRecord } from './services/movement-records';

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

export interface LineView {
  id: number;
  stocktakeId: number;
  itemId: number;
  itemSku: string;
  itemName: string;
  categoryCode: CategoryCode;
  categoryName: string;
  itemSize: string;
  itemUom: string;
  openingQty: string;
  purchases: string;
  salesQty: string;
  waste: string;
  transfersIn: string;
  transfersOut: string;
  adjustments: string;
  manualPurchasesValue: string | null;
  countedFullUnits: string;
  countedPartialUnits: string;
  countedQty: string;
  expectedQty: string;
  varianceQty: string;
  openingDisplayFullUnits: string;
  openingDisplayPartialUnits: string;
  expectedDisplayFullUnits: string;
  expectedDisplayPartialUnits: string;
  countedDisplayFullUnits: string;
  countedDisplayPartialUnits: string;
  varianceDisplayFullUnits: string;
  varianceDisplayPartialUnits: string;
  valuationCost: string;
  expectedValue: string;
  countedValue: string;
  varianceValue: string;
  version: number;
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

/** The line as every client sees it: fixed-place strings and the display splits. */
export function describeLineRecord(line: LineRecord): LineView {
  const units: ItemUnits = { categoryCode: line.categoryCode, size: line.size, uom: line.uom };
  const opening = displaySplit(units, line.openingQty);
  const expected = displaySplit(units, line.expectedQty);
  const counted = displaySplit(units, line.countedQty);
  const variance = displaySplit(units, line.varianceQty);
  return {
    id: line.id,
    stocktakeId: line.stocktakeId,
    itemId: line.itemId,
    itemSku: line.itemSku,
    itemName: line.itemName,
    categoryCode: line.categoryCode,
    categoryName: line.categoryName,
    itemSize: line.size,
    itemUom: fixed(line.uom, 2),
    openingQty: qty(line.openingQty),
    purchases: qty(line.purchases),
    salesQty: qty(line.salesQty),
    waste: qty(line.waste),
    transfersIn: qty(line.transfersIn),
    transfersOut: qty(line.transfersOut),
    adjustments: qty(line.adjustments),
    manualPurchasesValue: line.manualPurchasesValue === null ? null : fixed(line.manualPurchasesValue, 2),
    countedFullUnits: fixed(line.countedFullUnits, 2),
    countedPartialUnits: fixed(line.countedPartialUnits, 2),
    countedQty: qty(line.countedQty),
    expectedQty: qty(line.expectedQty),
    varianceQty: qty(line.varianceQty),
    openingDisplayFullUnits: opening.full,
    openingDisplayPartialUnits: opening.partial,
    expectedDisplayFullUnits: expected.full,
    expectedDisplayPartialUnits: expected.partial,
    countedDisplayFullUnits: counted.full,
    countedDisplayPartialUnits: counted.partial,
    varianceDisplayFullUnits: variance.full,
    varianceDisplayPartialUnits: variance.partial,
    valuationCost: fixed(line.valuationCost, 4),
    expectedValue: fixed(line.expectedValue, 2),
    countedValue: fixed(line.countedValue, 2),
    varianceValue: fixed(line.varianceValue, 2),
    version: line.version,
  };
}

/** Line count and value totals of a stocktake, summed from its lines' stored values. */
export interface StocktakeTotals {
  lineCount: number;
  totalValue: string;
  totalVarianceValue: string;
}

export const NO_LINES: StocktakeTotals = { lineCount: 0, totalValue: '0.00', totalVarianceValue: '0.00' };

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
