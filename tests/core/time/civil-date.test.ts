import fc from 'fast-check';
import {
  addMonths,
  civilFromDayNumber,
  dayNumberFromCivil,
  formatLocalDate,
  formatLocalTime,
  parseLocalDate,
  parseLocalTime,
  weekdayOf,
} from '../../../src/core/time/civil-date';

describe('civil dates', () => {
  it('agrees with the runtime calendar for any day in four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
        const d = new Date(days * 86_400_000);
        expect(civilFromDayNumber(days)).toEqual({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
        expect(dayNumberFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(days);
        expect(weekdayOf(days)).toBe(((d.getUTCDay() + 6) % 7) + 1);
      }),
      { numRuns: 500, seed: 3 },
    );
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-15', 1, '2026-04-15'],
    ['2026-12-10', 1, '2027-01-10'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i month(s) = %s', (from, months, expected) => {
    expect(formatLocalDate(addMonths(parseLocalDate(from)!, months))).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', ''])('rejects the date %j', (text) => {
    expect(parseLocalDate(text)).toBeUndefined();
  });

  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
  ])('parses %s', (text, minutes) => {
    expect(parseLocalTime(text)).toBe(minutes);
    expect(formatLocalTime(minutes)).toBe(text);
  });

  it.each(['24:00', '9:00', '12:60', '12.30', ''])('rejects the time %j', (text) => {
    expect(parseLocalTime(text)).toBeUndefined();
  });
});
