/**
 * Scalars that keep values exact on the wire: decimals as strings (never
 * floats), calendar dates as `YYYY-MM-DD`, instants as ISO-8601 UTC.
 */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isDecimalText } from '../domain/fixed-point';
import { EARLIEST_DATE, LATEST_DATE, isCalendarDate, isDateInRange, isInstantInRange } from '../domain/period';

const invalid = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'A decimal number as a string, e.g. "45.50"; never a float, so no digit is lost.',
  serialize: (value) => String(value),
  parseValue(value) {
    if (typeof value !== 'string') throw invalid('Decimal values must be strings such as "12.50", not JSON numbers');
    if (!isDecimalText(value)) throw invalid(`"${value}" is not a decimal number`);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Decimal values must be strings such as "12.50"');
    if (!isDecimalText(ast.value)) throw invalid(`"${ast.value}" is not a decimal number`);
    return ast.value;
  },
});

const OUT_OF_RANGE = `dates must be between ${EARLIEST_DATE} and ${LATEST_DATE}`;

export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: `A calendar date, YYYY-MM-DD, in the hotel's time zone, from ${EARLIEST_DATE} to ${LATEST_DATE}.`,
  serialize: (value) => String(value),
  parseValue(value) {
    if (typeof value !== 'string' || !isCalendarDate(value))
      throw invalid(`"${String(value)}" is not a date written YYYY-MM-DD`);
    if (!isDateInRange(value)) throw invalid(`"${value}" is out of range: ${OUT_OF_RANGE}`);
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING || !isCalendarDate(ast.value)) throw invalid('Dates are written "YYYY-MM-DD"');
    if (!isDateInRange(ast.value)) throw invalid(`"${ast.value}" is out of range: ${OUT_OF_RANGE}`);
    return ast.value;
  },
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as ISO-8601; always returned in UTC with Z, e.g. "2025-11-09T14:30:00.000Z".',
  serialize: (value) => (value instanceof Date ? value : new Date(String(value))).toISOString(),
  parseValue(value) {
    // Date.parse rolls impossible days over (31 September becomes 1 October), so the date is checked on its own.
    if (
      typeof value !== 'string' ||
      !ISO_INSTANT.test(value) ||
      !isCalendarDate(value.slice(0, 10)) ||
      Number.isNaN(Date.parse(value))
    ) {
      throw invalid(`"${String(value)}" is not an ISO-8601 date-time with a zone, e.g. "2025-11-09T14:30:00Z"`);
    }
    const instant = new Date(value);
    if (!isInstantInRange(instant)) throw invalid(`"${value}" is out of range: ${OUT_OF_RANGE}`);
    return instant;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Date-times are ISO-8601 strings');
    return this.parseValue!(ast.value);
  },
});
