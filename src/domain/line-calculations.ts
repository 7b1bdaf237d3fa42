/**
 * The stocktake formulas the legacy frontends depend on (docs/domain.md,
 * "Counting a line"). All quantities are servings; all values are at the
 * line's valuation cost (cost per serving fixed at populate).
 */
import { ROUND_HALF_EVEN, ROUND_HALF_UP, dec, fixed, type Decimal as DecimalValue } from './decimal';
import type { CategoryCode } from './entities/StockCategory';

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

export function countedQty(item: ItemUnits, fullUnits: string, partialUnits: string): DecimalValue {
  const uom = dec(item.uom);
  return partialIsServings(item)
    ? dec(fullUnits).times(uom).plus(partialUnits)
    : dec(fullUnits).plus(partialUnits).times(uom);
}

export function expectedQty(openingQty: string, purchases: string, waste: string): DecimalValue {
  return dec(openingQty).plus(purchases).minus(waste);
}

/** Cost per serving; uom is validated > 0 wherever items are written. */
export function valuationCost(unitCost: string, uom: string): string {
  return fixed(dec(unitCost).dividedBy(uom), 4);
}

/**
 * Splits servings into whole units and the remainder, for display. The
 * remainder keeps the sign of the quantity (−37.5 pints → "0" and "-37.50").
 * Bottled beer and `Doz` minerals show whole bottles (half-even, as Python's
 * round()); everything else shows 2 places, half-up.
 */
export function displaySplit(item: ItemUnits, servings: DecimalValue): { full: string; partial: string } {
  if (servings.isZero()) return { full: '0', partial: '0' };
  const uom = dec(item.uom);
  const full = servings.dividedBy(uom).truncated();
  const partial = servings.modulo(uom);
  const wholeBottles = item.categoryCode === 'B' || (item.categoryCode === 'M' && item.size.includes('Doz'));
  return {
    full: fixed(full, 0),
    partial: wholeBottles ? fixed(partial, 0, ROUND_HALF_EVEN) : fixed(partial, 2, ROUND_HALF_UP),
  };
}

/** Line values are quantised to cents half-even, as the original's serializer did. */
export function money(value: DecimalValue): string {
  return fixed(value, 2, ROUND_HALF_EVEN);
}

/** What a line's derived figures are computed from. */
export interface LineInputs extends ItemUnits {
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
  const expectedValue = expected.times(line.valuationCost);
  const countedValue = counted.times(line.valuationCost);
  return {
    countedQty: fixed(counted, 4),
    expectedQty: fixed(expected, 4),
    varianceQty: fixed(counted.minus(expected), 4),
    expectedValue: money(expectedValue),
    countedValue: money(countedValue),
    varianceValue: money(countedValue.minus(expectedValue)),
  };
}
