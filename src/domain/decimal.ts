/**
 * Decimal arithmetic for quantities and money. Values travel as strings
 * everywhere (database numeric, GraphQL `Decimal`, Pusher payloads); this
 * module is the only place they become numbers, and never JS floats.
 */
import DecimalJs from 'decimal.js';

/** A Decimal constructor isolated from the global one so its settings cannot be changed elsewhere. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export const ROUND_HALF_UP = DecimalJs.ROUND_HALF_UP;
export const ROUND_HALF_EVEN = DecimalJs.ROUND_HALF_EVEN;
type Rounding = typeof ROUND_HALF_UP | typeof ROUND_HALF_EVEN;

export const ZERO = new Decimal(0);

export function dec(value: string | Decimal): Decimal {
  return new Decimal(value);
}

/** Formats with exactly `places` decimals ("88.0000"); half-up unless told otherwise. */
export function fixed(value: string | Decimal, places: number, rounding: Rounding = ROUND_HALF_UP): string {
  const formatted = dec(value).toFixed(places, rounding);
  // decimal.js keeps the sign of a negative zero ("-0.00"); a quantity never means that.
  return /^-0(\.0*)?$/.test(formatted) ? formatted.slice(1) : formatted;
}

export function sum(values: Iterable<string | Decimal>): Decimal {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** True for plain decimal text such as "12", "-0.5", "45.50" (no exponent, no spaces). */
export function isDecimalText(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

export function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot === -1 ? 0 : value.length - dot - 1;
}
