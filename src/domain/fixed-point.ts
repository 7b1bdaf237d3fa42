/**
 * Exact fixed-point arithmetic on decimal strings: the project's only decimal
 * implementation (formulas, input checks, change detection). Values travel
 * as strings everywhere (database numeric, GraphQL `Decimal`, Pusher
 * payloads); a value here is an integer count of 10^-scale units, held in a
 * BigInt, so nothing is ever a float and nothing is lost. It does the few
 * operations the domain needs, several times faster than a general decimal
 * library (the count path's speed, README "Performance").
 */
export interface Fixed {
  /** The value times 10^scale. */
  readonly units: bigint;
  readonly scale: number;
}

type Rounding = 'half-up' | 'half-even';

const POWERS: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
const pow10 = (n: number): bigint => POWERS[n] ?? 10n ** BigInt(n);

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** True for plain decimal text such as "12", "-0.5", "45.50" (no exponent, no spaces). */
export function isDecimalText(value: string): boolean {
  return DECIMAL.test(value);
}

/** How many digits follow the point ("12.50" → 2). */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot === -1 ? 0 : value.length - dot - 1;
}

/** Reads decimal text such as "88", "-0.5" or "221.5000". */
export function parseFixed(text: string): Fixed {
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`not a decimal number: "${text}"`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** The value with exactly `scale` places: exact when growing, rounded (half-up by default) when shrinking. */
export function rescale(value: Fixed, scale: number, rounding: Rounding = 'half-up'): Fixed {
  if (scale === value.scale) return value;
  if (scale > value.scale) return { units: value.units * pow10(scale - value.scale), scale };
  return { units: divideRounded(value.units, pow10(value.scale - scale), rounding), scale };
}

export function plus(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale).units + rescale(b, scale).units, scale };
}

export function minus(a: Fixed, b: Fixed): Fixed {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale).units - rescale(b, scale).units, scale };
}

export function times(a: Fixed, b: Fixed): Fixed {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** `a ÷ b` truncated toward zero to a whole number, and the remainder (with the sign of `a`). */
export function divideTruncated(a: Fixed, b: Fixed): { quotient: bigint; remainder: Fixed } {
  const scale = Math.max(a.scale, b.scale);
  const dividend = rescale(a, scale).units;
  const divisor = rescale(b, scale).units;
  return { quotient: dividend / divisor, remainder: { units: dividend % divisor, scale } };
}

/** `a ÷ b` rounded half-up to `places`. */
export function divide(a: Fixed, b: Fixed, places: number): Fixed {
  // a.units/10^as ÷ b.units/10^bs = (a.units × 10^(places + bs)) ÷ (b.units × 10^as), in units of 10^-places.
  const numerator = a.units * pow10(places + b.scale);
  const denominator = b.units * pow10(a.scale);
  return { units: divideRounded(numerator, denominator, 'half-up'), scale: places };
}

export function sumFixed(values: Iterable<string>): Fixed {
  let total: Fixed = { units: 0n, scale: 0 };
  for (const value of values) total = plus(total, parseFixed(value));
  return total;
}

export function isZero(value: Fixed): boolean {
  return value.units === 0n;
}

/** −1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compareFixed(a: Fixed, b: Fixed): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const difference = rescale(a, scale).units - rescale(b, scale).units;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** The value without its sign. */
export function absFixed(value: Fixed): Fixed {
  return value.units < 0n ? { units: -value.units, scale: value.scale } : value;
}

/** True when the decimal texts name the same number ("1.50" and "1.5"). */
export function sameDecimal(a: string, b: string): boolean {
  return compareFixed(parseFixed(a), parseFixed(b)) === 0;
}

/** Text with exactly `places` decimals ("88.0000", "2"); never "-0". */
export function formatFixed(value: Fixed, places: number, rounding: Rounding = 'half-up'): string {
  const { units } = rescale(value, places, rounding);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative ? `-${text}` : text;
}

/** Decimal text with exactly `places` decimals, rounded as asked. */
export function fixedText(text: string, places: number, rounding: Rounding = 'half-up'): string {
  // Most text already is what formatFixed would write (PostgreSQL's numeric(15,4) for 4 places): keep it.
  if (isCanonical(text, places)) return text;
  return formatFixed(parseFixed(text), places, rounding);
}

/** Text formatFixed writes for `places`: no leading zeros, exactly `places` decimals, no negative zero. */
const CANONICAL = Array.from({ length: 9 }, (_, places) =>
  places === 0 ? /^-?(?:0|[1-9]\d*)$/ : new RegExp(`^-?(?:0|[1-9]\\d*)\\.\\d{${places}}$`),
);
const NEGATIVE_ZERO = /^-0(?:\.0*)?$/;

function isCanonical(text: string, places: number): boolean {
  const pattern = CANONICAL[places];
  return pattern !== undefined && pattern.test(text) && !NEGATIVE_ZERO.test(text);
}

/** `numerator ÷ denominator` to a whole number, ties rounded as asked (away from zero for half-up). */
function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator < 0n) return divideRounded(-numerator, -denominator, rounding);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twice = (magnitude % denominator) * 2n;
  if (twice > denominator || (twice === denominator && (rounding === 'half-up' || quotient % 2n === 1n)))
    quotient += 1n;
  return negative ? -quotient : quotient;
}
