/**
 * Which instants belong to a stocktake: a period runs from `periodStart`
 * 00:00 to `periodEnd` 23:59:59.999 on the hotel's own wall clock, however
 * many hours its days have (23 when clocks spring forward, 25 when they fall
 * back), so a movement counts in the stocktake of the local day it happened
 * on. Movements entered from a stocktake are clamped onto exactly those
 * bounds, and only real calendar dates inside the product's calendar are
 * accepted.
 *
 * Every expected instant below was worked out by hand from the zone's offset
 * (Europe/Dublin: UTC+0 in winter, UTC+1 in summer, changing at 01:00 UTC
 * on 2025-03-30 and 2025-10-26; America/New_York: UTC−5 / UTC−4, changing
 * on 2025-03-09 and 2025-11-02; Asia/Tokyo: UTC+9 all year).
 */
import {
  clampIntoPeriod,
  isCalendarDate,
  isDateInRange,
  isInstantInRange,
  periodBounds,
  type PeriodBounds,
} from '../../src/domain/period';

function iso(bounds: PeriodBounds): { from: string; to: string } {
  return { from: bounds.from.toISOString(), to: bounds.to.toISOString() };
}

describe('periodBounds', () => {
  describe('a UTC hotel (every test fixture hotel)', () => {
    // prettier-ignore
    it.each([
      ['a one-day period', '2025-06-15', '2025-06-15', '2025-06-15T00:00:00.000Z', '2025-06-15T23:59:59.999Z'],
      ['a month', '2025-10-01', '2025-10-31', '2025-10-01T00:00:00.000Z', '2025-10-31T23:59:59.999Z'],
      ['the leap day alone', '2024-02-29', '2024-02-29', '2024-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z'],
      ['a period ending the day before a leap day', '2024-02-01', '2024-02-28', '2024-02-01T00:00:00.000Z', '2024-02-28T23:59:59.999Z'],
      ['February of a non-leap year', '2025-02-01', '2025-02-28', '2025-02-01T00:00:00.000Z', '2025-02-28T23:59:59.999Z'],
      ['New Year’s Eve alone', '2024-12-31', '2024-12-31', '2024-12-31T00:00:00.000Z', '2024-12-31T23:59:59.999Z'],
      ['a period across the year end', '2024-12-30', '2025-01-02', '2024-12-30T00:00:00.000Z', '2025-01-02T23:59:59.999Z'],
      ['the first day of the calendar', '1970-01-01', '1970-01-01', '1970-01-01T00:00:00.000Z', '1970-01-01T23:59:59.999Z'],
      ['the last day of the calendar', '2199-12-31', '2199-12-31', '2199-12-31T00:00:00.000Z', '2199-12-31T23:59:59.999Z'],
    ])('%s: %s..%s', (_label, start, end, from, to) => {
      expect(iso(periodBounds(start, end, 'UTC'))).toEqual({ from, to });
    });
  });

  describe('Europe/Dublin (the demo hotel)', () => {
    // prettier-ignore
    it.each([
      ['winter (UTC+0)', '2025-01-01', '2025-01-31', '2025-01-01T00:00:00.000Z', '2025-01-31T23:59:59.999Z'],
      ['summer (UTC+1)', '2025-07-01', '2025-07-31', '2025-06-30T23:00:00.000Z', '2025-07-31T22:59:59.999Z'],
      ['a summer day', '2025-08-15', '2025-08-15', '2025-08-14T23:00:00.000Z', '2025-08-15T22:59:59.999Z'],
      // March: starts in winter time, ends in summer time.
      ['a month containing the spring-forward day', '2025-03-01', '2025-03-31', '2025-03-01T00:00:00.000Z', '2025-03-31T22:59:59.999Z'],
      // October: starts in summer time, ends in winter time.
      ['a month containing the fall-back day', '2025-10-01', '2025-10-31', '2025-09-30T23:00:00.000Z', '2025-10-31T23:59:59.999Z'],
      // 2025-03-30: local midnight is still UTC+0, the next midnight already UTC+1 (a 23-hour day).
      ['the spring-forward day alone', '2025-03-30', '2025-03-30', '2025-03-30T00:00:00.000Z', '2025-03-30T22:59:59.999Z'],
      ['a period ending the day before spring-forward', '2025-03-24', '2025-03-29', '2025-03-24T00:00:00.000Z', '2025-03-29T23:59:59.999Z'],
      ['a period ending on the spring-forward day', '2025-03-24', '2025-03-30', '2025-03-24T00:00:00.000Z', '2025-03-30T22:59:59.999Z'],
      ['a period starting on the spring-forward day', '2025-03-30', '2025-04-05', '2025-03-30T00:00:00.000Z', '2025-04-05T22:59:59.999Z'],
      ['a period starting the day after spring-forward', '2025-03-31', '2025-04-06', '2025-03-30T23:00:00.000Z', '2025-04-06T22:59:59.999Z'],
      // 2025-10-26: local midnight is still UTC+1, the next midnight UTC+0 (a 25-hour day).
      ['the fall-back day alone', '2025-10-26', '2025-10-26', '2025-10-25T23:00:00.000Z', '2025-10-26T23:59:59.999Z'],
      ['a period ending the day before fall-back', '2025-10-20', '2025-10-25', '2025-10-19T23:00:00.000Z', '2025-10-25T22:59:59.999Z'],
      ['a period ending on the fall-back day', '2025-10-20', '2025-10-26', '2025-10-19T23:00:00.000Z', '2025-10-26T23:59:59.999Z'],
      ['a period starting on the fall-back day', '2025-10-26', '2025-11-01', '2025-10-25T23:00:00.000Z', '2025-11-01T23:59:59.999Z'],
      ['a period starting the day after fall-back', '2025-10-27', '2025-11-02', '2025-10-27T00:00:00.000Z', '2025-11-02T23:59:59.999Z'],
      ['a whole year (both changes inside)', '2025-01-01', '2025-12-31', '2025-01-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z'],
      ['across the year end (winter time)', '2024-12-31', '2025-01-01', '2024-12-31T00:00:00.000Z', '2025-01-01T23:59:59.999Z'],
      ['the leap day', '2024-02-29', '2024-02-29', '2024-02-29T00:00:00.000Z', '2024-02-29T23:59:59.999Z'],
      // 2024's changes were on 2024-03-31 and 2024-10-27 (the last Sundays).
      ['the spring-forward day of 2024', '2024-03-31', '2024-03-31', '2024-03-31T00:00:00.000Z', '2024-03-31T22:59:59.999Z'],
      ['the fall-back day of 2024', '2024-10-27', '2024-10-27', '2024-10-26T23:00:00.000Z', '2024-10-27T23:59:59.999Z'],
    ])('%s: %s..%s', (_label, start, end, from, to) => {
      expect(iso(periodBounds(start, end, 'Europe/Dublin'))).toEqual({ from, to });
    });

    it('gives the spring-forward day 23 hours and the fall-back day 25', () => {
      const spring = periodBounds('2025-03-30', '2025-03-30', 'Europe/Dublin');
      const autumn = periodBounds('2025-10-26', '2025-10-26', 'Europe/Dublin');
      expect(spring.to.getTime() + 1 - spring.from.getTime()).toBe(23 * 3_600_000);
      expect(autumn.to.getTime() + 1 - autumn.from.getTime()).toBe(25 * 3_600_000);
    });

    it.each([
      ['2025-03-28', '2025-03-29'],
      ['2025-03-29', '2025-03-30'],
      ['2025-03-30', '2025-03-31'],
      ['2025-03-31', '2025-04-01'],
      ['2025-10-24', '2025-10-25'],
      ['2025-10-25', '2025-10-26'],
      ['2025-10-26', '2025-10-27'],
      ['2025-10-27', '2025-10-28'],
    ])('leaves no gap and no overlap between %s and %s', (day, next) => {
      const first = periodBounds(day, day, 'Europe/Dublin');
      const second = periodBounds(next, next, 'Europe/Dublin');
      expect(second.from.getTime() - first.to.getTime()).toBe(1);
    });
  });

  describe('a zone east of UTC: Asia/Tokyo (UTC+9, no DST)', () => {
    // prettier-ignore
    it.each([
      ['a one-day period', '2025-06-15', '2025-06-15', '2025-06-14T15:00:00.000Z', '2025-06-15T14:59:59.999Z'],
      ['Dublin’s spring-forward day changes nothing', '2025-03-30', '2025-03-30', '2025-03-29T15:00:00.000Z', '2025-03-30T14:59:59.999Z'],
      ['the leap day', '2024-02-29', '2024-02-29', '2024-02-28T15:00:00.000Z', '2024-02-29T14:59:59.999Z'],
      ['a whole year: starts on the previous UTC year', '2025-01-01', '2025-12-31', '2024-12-31T15:00:00.000Z', '2025-12-31T14:59:59.999Z'],
      ['New Year’s Day', '2025-01-01', '2025-01-01', '2024-12-31T15:00:00.000Z', '2025-01-01T14:59:59.999Z'],
    ])('%s: %s..%s', (_label, start, end, from, to) => {
      expect(iso(periodBounds(start, end, 'Asia/Tokyo'))).toEqual({ from, to });
    });
  });

  describe('a zone west of UTC: America/New_York (UTC−5 / UTC−4)', () => {
    // prettier-ignore
    it.each([
      ['winter (UTC−5)', '2025-01-15', '2025-01-15', '2025-01-15T05:00:00.000Z', '2025-01-16T04:59:59.999Z'],
      ['summer (UTC−4)', '2025-07-01', '2025-07-31', '2025-07-01T04:00:00.000Z', '2025-08-01T03:59:59.999Z'],
      // 2025-03-09: clocks jump 02:00 → 03:00; midnight before is UTC−5, midnight after UTC−4.
      ['its spring-forward day alone', '2025-03-09', '2025-03-09', '2025-03-09T05:00:00.000Z', '2025-03-10T03:59:59.999Z'],
      ['a period ending the day before its spring-forward', '2025-03-01', '2025-03-08', '2025-03-01T05:00:00.000Z', '2025-03-09T04:59:59.999Z'],
      ['a period starting the day after its spring-forward', '2025-03-10', '2025-03-16', '2025-03-10T04:00:00.000Z', '2025-03-17T03:59:59.999Z'],
      // 2025-11-02: clocks fall back 02:00 → 01:00; midnight before is UTC−4, midnight after UTC−5.
      ['its fall-back day alone', '2025-11-02', '2025-11-02', '2025-11-02T04:00:00.000Z', '2025-11-03T04:59:59.999Z'],
      ['a period ending the day before its fall-back', '2025-10-27', '2025-11-01', '2025-10-27T04:00:00.000Z', '2025-11-02T03:59:59.999Z'],
      ['a period starting the day after its fall-back', '2025-11-03', '2025-11-09', '2025-11-03T05:00:00.000Z', '2025-11-10T04:59:59.999Z'],
      // Dublin changes on 2025-03-30 and 2025-10-26; New York is already / still on UTC−4 then.
      ['Dublin’s spring-forward day', '2025-03-30', '2025-03-30', '2025-03-30T04:00:00.000Z', '2025-03-31T03:59:59.999Z'],
      ['Dublin’s fall-back day', '2025-10-26', '2025-10-26', '2025-10-26T04:00:00.000Z', '2025-10-27T03:59:59.999Z'],
      ['a whole year: ends in the next UTC year', '2025-01-01', '2025-12-31', '2025-01-01T05:00:00.000Z', '2026-01-01T04:59:59.999Z'],
      ['across the year end', '2024-12-31', '2025-01-01', '2024-12-31T05:00:00.000Z', '2025-01-02T04:59:59.999Z'],
      ['the leap day', '2024-02-29', '2024-02-29', '2024-02-29T05:00:00.000Z', '2024-03-01T04:59:59.999Z'],
    ])('%s: %s..%s', (_label, start, end, from, to) => {
      expect(iso(periodBounds(start, end, 'America/New_York'))).toEqual({ from, to });
    });
  });

  describe('zones whose clocks change at midnight', () => {
    // prettier-ignore
    it.each([
      // Asia/Beirut, 2025-03-30: 00:00 (UTC+2) jumps to 01:00 (UTC+3); the day starts at 01:00 local = 22:00Z.
      ['Asia/Beirut, midnight skipped', 'Asia/Beirut', '2025-03-30', '2025-03-29T22:00:00.000Z', '2025-03-30T20:59:59.999Z'],
      // Asia/Beirut, 2025-10-26: 00:00 (UTC+3) falls back to 23:00 (UTC+2); midnight happens once, at 22:00Z.
      ['Asia/Beirut, the hour before midnight repeated', 'Asia/Beirut', '2025-10-25', '2025-10-24T21:00:00.000Z', '2025-10-25T21:59:59.999Z'],
      // America/Santiago, 2025-04-06: 00:00 (UTC−3) falls back to 23:00 (UTC−4) on the 5th; a 25-hour 5 April.
      ['America/Santiago, the hour before midnight repeated', 'America/Santiago', '2025-04-05', '2025-04-05T03:00:00.000Z', '2025-04-06T03:59:59.999Z'],
      ['America/Santiago, the day after the repeated hour', 'America/Santiago', '2025-04-06', '2025-04-06T04:00:00.000Z', '2025-04-07T03:59:59.999Z'],
      // America/Havana, 2025-11-02: 01:00 (UTC−4) falls back to 00:00 (UTC−5); the first midnight is 04:00Z.
      ['America/Havana, midnight repeated', 'America/Havana', '2025-11-02', '2025-11-02T04:00:00.000Z', '2025-11-03T04:59:59.999Z'],
    ])('%s: %s %s', (_label, zone, day, from, to) => {
      expect(iso(periodBounds(day, day, zone))).toEqual({ from, to });
    });

    // West of UTC, where local midnight is skipped the day starts when the clocks jump:
    // America/Santiago on 2025-09-07 goes from 00:00 (UTC−4) to 01:00 (UTC−3), so the
    // first instant of 7 September is 01:00 local = 04:00Z, and 6 September ends just before.
    // prettier-ignore
    it.each([
      ['America/Santiago, midnight skipped', 'America/Santiago', '2025-09-07', '2025-09-07T04:00:00.000Z', '2025-09-08T02:59:59.999Z'],
      ['America/Santiago, the day before midnight is skipped', 'America/Santiago', '2025-09-06', '2025-09-06T04:00:00.000Z', '2025-09-07T03:59:59.999Z'],
      ['America/Havana, midnight skipped', 'America/Havana', '2025-03-09', '2025-03-09T05:00:00.000Z', '2025-03-10T03:59:59.999Z'],
    ])('%s: %s %s', (_label, zone, day, from, to) => {
      expect(iso(periodBounds(day, day, zone))).toEqual({ from, to });
    });
  });
});

describe('clampIntoPeriod', () => {
  // Europe/Dublin, March 2025: 2025-03-01T00:00:00.000Z .. 2025-03-31T22:59:59.999Z.
  const march = periodBounds('2025-03-01', '2025-03-31', 'Europe/Dublin');
  // Europe/Dublin, the fall-back day: 2025-10-25T23:00:00.000Z .. 2025-10-26T23:59:59.999Z.
  const fallBack = periodBounds('2025-10-26', '2025-10-26', 'Europe/Dublin');

  // prettier-ignore
  it.each([
    ['inside, mid-period', march, '2025-03-15T12:34:56.789Z', '2025-03-15T12:34:56.789Z'],
    ['inside, in the hour clocks skip locally', march, '2025-03-30T01:30:00.000Z', '2025-03-30T01:30:00.000Z'],
    ['exactly the start', march, '2025-03-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z'],
    ['exactly the end', march, '2025-03-31T22:59:59.999Z', '2025-03-31T22:59:59.999Z'],
    ['1 ms before the start', march, '2025-02-28T23:59:59.999Z', '2025-03-01T00:00:00.000Z'],
    ['long before the start', march, '2024-06-01T08:00:00.000Z', '2025-03-01T00:00:00.000Z'],
    ['1 ms after the end (local midnight of 1 April)', march, '2025-03-31T23:00:00.000Z', '2025-03-31T22:59:59.999Z'],
    ['still 31 March in UTC, but 1 April locally', march, '2025-03-31T23:30:00.000Z', '2025-03-31T22:59:59.999Z'],
    ['long after the end', march, '2026-01-01T00:00:00.000Z', '2025-03-31T22:59:59.999Z'],
    ['the fall-back day: 25 October in UTC, 26th locally', fallBack, '2025-10-25T23:30:00.000Z', '2025-10-25T23:30:00.000Z'],
    ['the fall-back day: the repeated hour', fallBack, '2025-10-26T01:30:00.000Z', '2025-10-26T01:30:00.000Z'],
    ['the fall-back day: 22:59 UTC on the 25th is still the 25th locally', fallBack, '2025-10-25T22:59:00.000Z', '2025-10-25T23:00:00.000Z'],
    ['the fall-back day: midnight UTC of the 27th is the 27th locally', fallBack, '2025-10-27T00:00:00.000Z', '2025-10-26T23:59:59.999Z'],
  ])('%s', (_label, bounds, instant, expected) => {
    expect(clampIntoPeriod(new Date(instant), bounds).toISOString()).toBe(expected);
  });

  it('does not change the instant or the bounds it is given', () => {
    const instant = new Date('2025-04-02T10:00:00.000Z');
    const bounds = {
      from: new Date('2025-03-01T00:00:00.000Z'),
      to: new Date('2025-03-31T22:59:59.999Z'),
    };
    expect(clampIntoPeriod(instant, bounds).toISOString()).toBe('2025-03-31T22:59:59.999Z');
    expect(instant.toISOString()).toBe('2025-04-02T10:00:00.000Z');
    expect(bounds.from.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(bounds.to.toISOString()).toBe('2025-03-31T22:59:59.999Z');
  });

  it('keeps a one-day period’s instants within that day', () => {
    const day = periodBounds('2025-07-01', '2025-07-01', 'Asia/Tokyo'); // 2025-06-30T15:00Z .. 2025-07-01T14:59:59.999Z
    expect(clampIntoPeriod(new Date('2025-06-30T14:59:59.999Z'), day).toISOString()).toBe('2025-06-30T15:00:00.000Z');
    expect(clampIntoPeriod(new Date('2025-07-01T12:00:00.000Z'), day).toISOString()).toBe('2025-07-01T12:00:00.000Z');
    expect(clampIntoPeriod(new Date('2025-07-01T15:00:00.000Z'), day).toISOString()).toBe('2025-07-01T14:59:59.999Z');
  });
});

describe('isCalendarDate', () => {
  it.each([
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400: leap
    '2025-01-01',
    '2025-12-31',
    '2025-09-30',
    '1970-01-01',
    '2199-12-31',
    '9999-12-31', // real, though outside the product's calendar (isDateInRange)
  ])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'divisible by 100 but not 400: not a leap year'],
    ['2024-02-30', 'no 30 February'],
    ['2025-09-31', 'no 31 September'],
    ['2025-04-31', 'no 31 April'],
    ['2025-00-10', 'month 0'],
    ['2025-13-01', 'month 13'],
    ['2025-01-00', 'day 0'],
    ['2025-01-32', 'day 32'],
    ['2025-1-01', 'one-digit month'],
    ['2025-01-1', 'one-digit day'],
    ['25-01-01', 'two-digit year'],
    ['2025/01/01', 'slashes'],
    ['20250101', 'no separators'],
    ['2025-01-01T00:00:00Z', 'an instant, not a date'],
    [' 2025-01-01', 'leading space'],
    ['2025-01-01 ', 'trailing space'],
    ['+2025-01-01', 'signed year'],
    ['', 'empty'],
  ])('refuses %s (%s)', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('isDateInRange', () => {
  it.each([
    ['1970-01-01', true],
    ['2025-06-15', true],
    ['2199-12-31', true],
    ['1969-12-31', false],
    ['2200-01-01', false],
    ['0001-01-01', false],
    ['9999-12-31', false],
  ])('%s → %s', (value, expected) => {
    expect(isDateInRange(value)).toBe(expected);
  });
});

describe('isInstantInRange', () => {
  it.each([
    ['1970-01-01T00:00:00.000Z', true],
    ['2025-03-30T01:30:00.000Z', true],
    ['2199-12-31T23:59:59.999Z', true],
    ['1969-12-31T23:59:59.999Z', false],
    ['2200-01-01T00:00:00.000Z', false],
  ])('%s → %s', (value, expected) => {
    expect(isInstantInRange(new Date(value))).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(isInstantInRange(new Date('not a date'))).toBe(false);
  });
});
