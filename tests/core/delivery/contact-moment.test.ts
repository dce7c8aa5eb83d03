import type { WeeklyWindow } from '../../../src/core/agreement/agreement';
import { nextContactMoment } from '../../../src/core/scheduling/contact-hours';

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());
const weekdays = (start: string, end: string): WeeklyWindow[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));

describe('contact hours in the person\'s own zone', () => {
  const warsaw = { personId: 'ania', timeZone: 'Europe/Warsaw', contactHours: weekdays('09:00', '17:00') };
  const kolkata = { personId: 'ravi', timeZone: 'Asia/Kolkata', contactHours: weekdays('09:00', '17:00') };
  const newYork = { personId: 'sam', timeZone: 'America/New_York', contactHours: weekdays('09:00', '17:00') };

  it('returns the moment itself inside the window', () => {
    const at = Date.parse('2026-11-23T10:00:00Z'); // Monday 11:00 in Warsaw
    expect(nextContactMoment(warsaw, at)).toBe(at);
  });

  it('one UTC instant is inside hours in one zone, outside in another', () => {
    const at = Date.parse('2026-11-23T14:00:00Z'); // 15:00 Warsaw, 19:30 Kolkata, 09:00 New York
    expect(nextContactMoment(warsaw, at)).toBe(at);
    expect(iso(nextContactMoment(kolkata, at))).toBe('2026-11-24T03:30:00.000Z');
    expect(nextContactMoment(newYork, at)).toBe(at);
  });

  it('after Friday hours waits until Monday morning', () => {
    const fridayEvening = Date.parse('2026-11-27T17:30:00Z'); // 18:30 Warsaw
    expect(iso(nextContactMoment(warsaw, fridayEvening))).toBe('2026-11-30T08:00:00.000Z');
  });

  it('follows the DST change: 09:00 Warsaw is 07:00Z in summer, 08:00Z in winter', () => {
    expect(iso(nextContactMoment(warsaw, Date.parse('2026-10-23T18:00:00Z')))).toBe('2026-10-26T08:00:00.000Z');
    expect(iso(nextContactMoment(warsaw, Date.parse('2026-10-22T18:00:00Z')))).toBe('2026-10-23T07:00:00.000Z');
  });

  it('a window over midnight is open after midnight', () => {
    const owl = { personId: 'owl', timeZone: 'UTC', contactHours: [{ weekday: 5 as const, start: '22:00', end: '01:00', endsNextDay: true }] };
    const saturday0030 = Date.parse('2026-11-28T00:30:00Z');
    expect(nextContactMoment(owl, saturday0030)).toBe(saturday0030);
  });

  it('no contact hours means no moment', () => {
    expect(nextContactMoment({ timeZone: 'UTC', contactHours: [] }, 0)).toBeUndefined();
  });
});
