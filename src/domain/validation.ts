/**
 * Input rules shared by services. Each failure is a BAD_USER_INPUT naming
 * the offending field, raised before anything is written.
 */
import { absFixed, compareFixed, decimalPlaces, formatFixed, isDecimalText, parseFixed } from './fixed-point';
import { CATEGORY_CODES, type CategoryCode } from './entities/StockCategory';
import { BadInputError } from './errors';

interface DecimalRule {
  /** Most decimal places allowed. */
  places: number;
  /** Most digits before the point (from the column's precision − scale). */
  integerDigits: number;
  /** Smallest allowed value; `positive` means strictly greater than zero. */
  min: 'zero' | 'positive';
}

export function checkDecimal(field: string, value: string, rule: DecimalRule): string {
  if (!isDecimalText(value))
    throw new BadInputError(field, `${field} must be a decimal number written as a string, such as "12.50"`);
  if (decimalPlaces(value) > rule.places) {
    throw new BadInputError(field, `${field} allows at most ${rule.places} decimal places`);
  }
  const number = parseFixed(value);
  if (rule.min === 'positive' ? number.units <= 0n : number.units < 0n) {
    throw new BadInputError(
      field,
      `${field} must be ${rule.min === 'positive' ? 'greater than zero' : 'zero or more'}`,
    );
  }
  if (compareFixed(absFixed(number), { units: 10n ** BigInt(rule.integerDigits), scale: 0 }) >= 0) {
    throw new BadInputError(field, `${field} is too large (at most ${rule.integerDigits} digits before the point)`);
  }
  return formatFixed(number, rule.places);
}

/**
 * The most characters each free-text input may hold (docs/operations.md, "Text lengths"). The services
 * check them on the trimmed text; the GraphQL layer refuses a longer value as sent before anything reads
 * the database (src/graphql/text-limits.ts).
 */
export const TEXT_LIMITS = {
  /** Stock item SKUs such as D0030. */
  sku: 50,
  /** Stock item names. */
  itemName: 200,
  /** Display sizes such as 50Lt, Doz, 70cl. */
  size: 50,
  sizeUnit: 10,
  /** Movement references (invoice numbers, delivery notes). */
  reference: 100,
  /** Stocktake and movement notes. */
  notes: 10_000,
  /** A catalogue search term: a few words of a name or part of a SKU. */
  search: 64,
  /** Category codes are one letter; a little room so the domain names the allowed codes. */
  category: 16,
  /** User ids as tokens name them (the token's subject). */
  userId: 128,
} as const;

/** C0 controls except tab, LF and CR; DEL; C1 controls. NUL in particular cannot be stored. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n]/;

/**
 * Text as it will be stored: trimmed, within `maxLength`, free of control
 * characters; names and references (`singleLine`) also free of line breaks.
 */
export function checkText(
  field: string,
  value: string,
  maxLength: number,
  options: { required?: boolean; singleLine?: boolean } = {},
): string {
  if (CONTROL_CHARACTER.test(value))
    throw new BadInputError(field, `${field} contains a control character, which is not allowed`);
  const trimmed = value.trim();
  if (options.singleLine && LINE_BREAK.test(trimmed)) throw new BadInputError(field, `${field} must be a single line`);
  if (options.required && trimmed === '') throw new BadInputError(field, `${field} must not be empty`);
  if (trimmed.length > maxLength) throw new BadInputError(field, `${field} allows at most ${maxLength} characters`);
  return trimmed;
}

export function hasControlCharacter(value: string): boolean {
  return CONTROL_CHARACTER.test(value);
}

export function checkCategory(field: string, value: string): CategoryCode {
  if (!(CATEGORY_CODES as readonly string[]).includes(value)) {
    throw new BadInputError(field, `${field} must be one of ${CATEGORY_CODES.join(', ')}`);
  }
  return value as CategoryCode;
}

/** Counts: up to 2 places, never negative (numeric(10,2)). */
export const COUNT = { places: 2, integerDigits: 8, min: 'zero' } as const satisfies DecimalRule;
/** Movement quantities in servings: positive, up to 4 places (numeric(15,4)). */
export const MOVEMENT_QUANTITY = { places: 4, integerDigits: 11, min: 'positive' } as const satisfies DecimalRule;
/** Costs per serving or per unit (numeric(10,4)). */
export const UNIT_COST = { places: 4, integerDigits: 6, min: 'zero' } as const satisfies DecimalRule;
/** Prices per serving (numeric(10,2)). */
export const PRICE = { places: 2, integerDigits: 8, min: 'zero' } as const satisfies DecimalRule;
/** Money entered by hand (numeric(15,2)). */
export const MONEY = { places: 2, integerDigits: 13, min: 'zero' } as const satisfies DecimalRule;
/** Servings per full unit (numeric(10,2)), > 0: the original crashed on 0. */
export const UOM = { places: 2, integerDigits: 8, min: 'positive' } as const satisfies DecimalRule;

/** Hotel identifiers: lower-case words joined by hyphens, usable in Pusher channel names (`{hotel}-stocktakes`). */
const HOTEL_IDENTIFIER = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const HOTEL_IDENTIFIER_MAX_LENGTH = 100;

export function checkHotelIdentifier(field: string, value: string): string {
  if (value.length > HOTEL_IDENTIFIER_MAX_LENGTH || !HOTEL_IDENTIFIER.test(value)) {
    throw new BadInputError(
      field,
      `${field} must be lower-case letters and digits in words joined by single hyphens, at most ${HOTEL_IDENTIFIER_MAX_LENGTH} characters, such as "hotel-galway" (got "${value}")`,
    );
  }
  return value;
}

/** An IANA time zone such as `Europe/Dublin`, returned in its canonical spelling. */
export function checkTimeZone(field: string, value: string): string {
  try {
    if (value.trim() === '') throw new RangeError('empty');
    return new Intl.DateTimeFormat('en-GB', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    throw new BadInputError(field, `${field} must be an IANA time zone such as "Europe/Dublin" (got "${value}")`);
  }
}
