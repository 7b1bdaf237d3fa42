/**
 * Stocktake periods are calendar days in the hotel's time zone: from
 * `periodStart` 00:00 to `periodEnd` 23:59:59.999 (docs/domain.md, "Periods").
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface PeriodBounds {
  from: Date;
  to: Date;
}

/**
 * The calendar the product works with: periods, movement times and every
 * computation on them (time zones, period bounds) stay inside these years.
 */
export const EARLIEST_DATE = '1970-01-01';
export const LATEST_DATE = '2199-12-31';

/** A real day written YYYY-MM-DD (no 31 September), whatever its year. */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date inside EARLIEST_DATE..LATEST_DATE. */
export function isDateInRange(value: string): boolean {
  return value >= EARLIEST_DATE && value <= LATEST_DATE;
}

/** An instant inside the product's calendar (UTC). */
export function isInstantInRange(instant: Date): boolean {
  const time = instant.getTime();
  return time >= Date.parse(`${EARLIEST_DATE}T00:00:00Z`) && time <= Date.parse(`${LATEST_DATE}T23:59:59.999Z`);
}

export function periodBounds(periodStart: string, periodEnd: string, timeZone: string): PeriodBounds {
  return {
    from: startOfDay(periodStart, timeZone),
    to: new Date(startOfDay(nextDay(periodEnd), timeZone).getTime() - 1),
  };
}

/** A movement entered from a stocktake always lands inside that stocktake's period. */
export function clampIntoPeriod(instant: Date, bounds: PeriodBounds): Date {
  const time = Math.min(Math.max(instant.getTime(), bounds.from.getTime()), bounds.to.getTime());
  return new Date(time);
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The first instant of `date` in `timeZone`: local midnight, or, where the
 * clocks skip midnight (America/Santiago, America/Havana), the moment they
 * jump to 01:00.
 */
function startOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallClock = Date.UTC(y, m - 1, d);
  // The offset at the wall-clock time read as UTC is right except within a
  // transition; a second pass with the offset at the first guess settles it
  // whenever local midnight exists.
  const guess = wallClock - offsetAt(new Date(wallClock), timeZone);
  const candidate = wallClock - offsetAt(new Date(guess), timeZone);
  if (localDate(candidate, timeZone) === date && localDate(candidate - 1, timeZone) < date) return new Date(candidate);
  // Midnight did not happen that day: find the first instant whose local date is `date`.
  let before = candidate - 3 * HOUR;
  let from = candidate + 3 * HOUR;
  while (from - before > 1) {
    const middle = Math.floor((before + from) / 2);
    if (localDate(middle, timeZone) >= date) from = middle;
    else before = middle;
  }
  return new Date(from);
}

const HOUR = 60 * 60 * 1000;

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockParts(
  instant: number,
  timeZone: string,
): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number> {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

/** The calendar date (YYYY-MM-DD) the zone's wall clock shows at `instant`. */
function localDate(instant: number, timeZone: string): string {
  const { year, month, day } = wallClockParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function offsetAt(instant: Date, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClockParts(instant.getTime(), timeZone);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}
