import { isWithinContactHours, nextContactMoment } from '../../../src/core/scheduling/contact-hours';
import { formatInstantInZone } from '../../../src/core/time/zoned-time';
import { at, weekdays, win } from './scheduling-fixtures';
import type { WeeklyWindow } from '../../../src/core/agreement/agreement';

const person = (timeZone: string, contactHours: WeeklyWindow[]) => ({ timeZone, contactHours });
const office = (zone: string) => person(zone, weekdays('09:00', '17:00'));

describe('nextContactMoment', () => {
  it.each<[string, ReturnType<typeof person>, string, string]>([
    ['inside contact hours: now', office('Europe/Warsaw'), '2026-03-04T10:00:00+01:00', '2026-03-04T10:00:00+01:00'],
    ['before the day starts: at 09:00', office('Europe/Warsaw'), '2026-03-04T07:59:00+01:00', '2026-03-04T09:00:00+01:00'],
    ['at the end of the window: next morning', office('Europe/Warsaw'), '2026-03-04T17:00:00+01:00', '2026-03-05T09:00:00+01:00'],
    ['Friday evening: Monday morning', office('Europe/Warsaw'), '2026-03-06T18:30:00+01:00', '2026-03-09T09:00:00+01:00'],
    ['over the spring change: Monday 09:00 summer time', office('Europe/Warsaw'), '2026-03-27T20:00:00+01:00', '2026-03-30T09:00:00+02:00'],
    ['over the autumn change in New York', office('America/New_York'), '2026-10-30T18:00:00-04:00', '2026-11-02T09:00:00-05:00'],
    ['half-hour zone', office('Asia/Kolkata'), '2026-03-04T02:00:00Z', '2026-03-04T09:00:00+05:30'],
    ['quarter-hour zone', office('Asia/Kathmandu'), '2026-03-04T03:00:00Z', '2026-03-04T09:00:00+05:45'],
    ['a window crossing midnight still open after midnight', person('Asia/Tokyo', [win(5, '20:00', '01:00')]), '2026-03-07T00:30:00+09:00', '2026-03-07T00:30:00+09:00'],
    ['a window crossing midnight, closed: next Friday 20:00', person('Asia/Tokyo', [win(5, '20:00', '01:00')]), '2026-03-07T01:00:00+09:00', '2026-03-13T20:00:00+09:00'],
  ])('%s', (_name, p, now, expected) => {
    const next = nextContactMoment(p, at(now));
    expect(next).toBeDefined();
    expect(formatInstantInZone(next!, p.timeZone)).toBe(expected);
    expect(isWithinContactHours(p, next!)).toBe(true);
    expect(isWithinContactHours(p, at(now))).toBe(next === at(now));
  });

  it('is undefined for a person without contact hours', () => {
    expect(nextContactMoment(person('UTC', []), at('2026-03-04T10:00:00Z'))).toBeUndefined();
    expect(isWithinContactHours(person('UTC', []), at('2026-03-04T10:00:00Z'))).toBe(false);
  });

  it('never returns a moment outside contact hours or earlier than asked (every quarter hour of a week)', () => {
    const p = person('America/St_Johns', [win(2, '08:30', '12:00'), win(4, '22:00', '02:00')]);
    for (let t = at('2026-03-01T00:00:00Z'); t < at('2026-03-16T00:00:00Z'); t += 15 * 60_000) {
      const next = nextContactMoment(p, t)!;
      expect(next).toBeGreaterThanOrEqual(t);
      expect(isWithinContactHours(p, next)).toBe(true);
      // Nothing in between is inside contact hours.
      if (next > t) expect(isWithinContactHours(p, next - 60_000)).toBe(false);
    }
  });
});
