/**
 * The stocktake formulas the legacy frontends depend on (docs/domain.md,
 * "Counting a line"). All quantities are servings; all values are at the
 * line's valuation cost (cost per serving fixed at populate).
 */
import type { CategoryCode } from './entities/StockCategory';
import {
  divide,
  divideTruncated,
  formatFixed,
  isZero,
  minus,
  parseFixed,
  plus,
  times,
  type Fixed,
} from './fixed-point';

export interface ItemUnits {
  categoryCode: CategoryCode;
  size: string;
  uom: string;
}

/**
 * Draught, `Doz` cases and bag-in-box (`…LT`) items count their partial unit
 * in servings (pints, loose bottles); everything else counts a fraction of a
 * bottle. Matching is case-sensitive for `Doz`, case-insensitive for `LT`,
 * as in the original.
 */
export function partialIsServings(item: ItemUnits): boolean {
  return item.categoryCode === 'D' || item.size.includes('Doz') || item.size.toUpperCase().includes('LT');
}

export function countedQty(item: ItemUnits, fullUnits: string, partialUnits: string): Fixed {
  const uom = parseFixed(item.uom);
  const full = parseFixed(fullUnits);
  const partial = parseFixed(partialUnits);
  return partialIsServings(item) ? plus(times(full, uom), partial) : times(plus(full, partial), uom);
}

export function expectedQty(openingQty: string, purchases: string, waste: string): Fixed {
  return minus(plus(parseFixed(openingQty), parseFixed(purchases)), parseFixed(waste));
}

/** Cost per serving, 4 places half-up; uom is validated > 0 wherever items are written. */
export function valuationCost(unitCost: string, uom: string): string {
  return formatFixed(divide(parseFixed(unitCost), parseFixed(uom), 4), 4);
}

/**
 * Splits servings into whole units and the remainder, for display. The
 * remainder keeps the sign of the quantity (−37.5 pints → "0" and "-37.50").
 * Bottled beer and `Doz` minerals show whole bottles (half-even, as Python's
 * round()); everything else shows 2 places, half-up.
 */
export function displaySplit(item: ItemUnits, servings: string): { full: string; partial: string } {
  const quantity = parseFixed(servings);
  if (isZero(quantity)) return { full: '0', partial: '0' };
  const { quotient, remainder } = divideTruncated(quantity, parseFixed(item.uom));
  const wholeBottles = item.categoryCode === 'B' || (item.categoryCode === 'M' && item.size.includes('Doz'));
  return {
    full: formatFixed({ units: quotient, scale: 0 }, 0),
    partial: wholeBottles ? formatFixed(remainder, 0, 'half-even') : formatFixed(remainder, 2, 'half-up'),
  };
}

/** Line values are quantised to cents half-even, as the original's serializer did. */
export function money(value: string | Fixed): string {
  return formatFixed(typeof value === 'string' ? parseFixed(value) : value, 2, 'half-even');
}

/** What a line's derived figures are computed from. */
interface LineInputs extends ItemUnits {
  countedFullUnits: string;
  countedPartialUnits: string;
  openingQty: string;
  purchases: string;
  waste: string;
  /** Cost per serving, fixed when the line was created. */
  valuationCost: string;
}

/** A line's derived figures: quantities with 4 places, values in cents. */
export interface DerivedLine {
  countedQty: string;
  expectedQty: string;
  varianceQty: string;
  expectedValue: string;
  countedValue: string;
  varianceValue: string;
}

/**
 * Every derived figure of a line (docs/domain.md, "Counting a line"): counted
 * and expected servings, their difference, and each valued at the line's
 * valuation cost. The variance value is the difference of the unrounded
 * values, rounded once.
 */
export function deriveLine(line: LineInputs): DerivedLine {
  const counted = countedQty(line, line.countedFullUnits, line.countedPartialUnits);
  const expected = expectedQty(line.openingQty, line.purchases, line.waste);
  const cost = parseFixed(line.valuationCost);
  const expectedValue = times(expected, cost);
  const countedValue = times(counted, cost);
  return {
    countedQty: formatFixed(counted, 4),
    expectedQty: formatFixed(expected, 4),
    varianceQty: formatFixed(minus(counted, expected), 4),
    expectedValue: money(expectedValue),
    countedValue: money(countedValue),
    varianceValue: money(minus(countedValue, expectedValue)),
  };
}
