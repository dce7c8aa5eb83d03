import { localDateOf, localDayAt, startOfLocalDate } from '../../../src/core/delivery/local-day';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('a person\'s local day', () => {
  it('starts at their midnight, not UTC midnight (Warsaw in winter is UTC+1)', () => {
    const day = localDayAt(Date.parse('2026-11-23T23:30:00Z'), 'Europe/Warsaw');
    expect(day.date).toBe('2026-11-24');
    expect(iso(day.start)).toBe('2026-11-23T23:00:00.000Z');
    expect(iso(day.end)).toBe('2026-11-24T23:00:00.000Z');
  });

  it('handles half-hour zones (Kolkata UTC+5:30)', () => {
    expect(localDateOf(Date.parse('2026-11-23T18:29:00Z'), 'Asia/Kolkata')).toBe('2026-11-23');
    expect(localDateOf(Date.parse('2026-11-23T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-24');
    expect(iso(startOfLocalDate('2026-11-24', 'Asia/Kolkata'))).toBe('2026-11-23T18:30:00.000Z');
  });

  it('is 23 hours long on the spring DST change and 25 on the autumn one (Warsaw)', () => {
    const spring = localDayAt(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Warsaw');
    expect(spring.end - spring.start).toBe(23 * 3_600_000);
    const autumn = localDayAt(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Warsaw');
    expect(autumn.end - autumn.start).toBe(25 * 3_600_000);
    expect(iso(autumn.start)).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(autumn.end)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('handles zones west of UTC (New York)', () => {
    const day = localDayAt(Date.parse('2026-11-24T03:00:00Z'), 'America/New_York');
    expect(day.date).toBe('2026-11-23');
    expect(iso(day.start)).toBe('2026-11-23T05:00:00.000Z');
  });
});
