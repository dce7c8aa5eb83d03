import fc from 'fast-check';
import { parseLocalDate } from '../../../src/core/time/civil-date';
import {
  formatInstantInZone,
  instantToLocal,
  localToInstant,
  offsetAt,
  startOfLocalDay,
  wallClockRangeToIntervals,
} from '../../../src/core/time/zoned-time';

const at = (iso: string): number => Date.parse(iso);
const day = (d: string): number => parseLocalDate(d)!;
const hm = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

describe('localToInstant', () => {
  it.each([
    // zone, local date, local time, instant shown in that zone
    ['Europe/Warsaw', '2026-01-15', '09:00', '2026-01-15T09:00:00+01:00'],
    ['Europe/Warsaw', '2026-07-15', '09:00', '2026-07-15T09:00:00+02:00'],
    ['Asia/Kolkata', '2026-03-29', '18:15', '2026-03-29T18:15:00+05:30'],
    ['Asia/Kathmandu', '2026-03-29', '09:00', '2026-03-29T09:00:00+05:45'],
    ['America/St_Johns', '2026-03-02', '09:00', '2026-03-02T09:00:00-03:30'],
    ['Australia/Lord_Howe', '2026-01-10', '09:00', '2026-01-10T09:00:00+11:00'],
    ['Australia/Lord_Howe', '2026-06-10', '09:00', '2026-06-10T09:00:00+10:30'],
    ['UTC', '2026-03-29', '02:30', '2026-03-29T02:30:00+00:00'],
    // Spring-forward gaps: a time that does not exist maps to the moment the clocks jump.
    ['Europe/Berlin', '2026-03-29', '02:00', '2026-03-29T03:00:00+02:00'],
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T03:00:00+02:00'],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T03:00:00+02:00'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T03:00:00-04:00'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-04T02:30:00+11:00'],
    // Fall-back overlaps: a time that happens twice maps to its first occurrence.
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T02:30:00+02:00'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T03:00:00+01:00'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T01:30:00-04:00'],
  ])('%s %s %s → %s', (zone, date, time, expected) => {
    expect(formatInstantInZone(localToInstant(zone, day(date), hm(time)), zone)).toBe(expected);
  });

  it('maps midnight to the start of the local day', () => {
    expect(formatInstantInZone(startOfLocalDay('Asia/Kathmandu', day('2026-03-02')), 'UTC')).toBe('2026-03-01T18:15:00+00:00');
  });

  it('round-trips every instant on a 15-minute grid through the local wall clock (except the repeated hour)', () => {
    const zones = ['Europe/Warsaw', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 2 * 365 * 96 }), (zone, q) => {
        const t = at('2026-01-01T00:00:00Z') + q * 15 * 60_000;
        const local = instantToLocal(zone, t);
        const back = localToInstant(zone, local.date, local.minutes);
        // In an overlap, the wall clock maps to its first occurrence, an hour (or 30 min) earlier.
        expect(back === t || (back < t && instantToLocal(zone, back).minutes === local.minutes)).toBe(true);
      }),
      { numRuns: 400, seed: 7 },
    );
  });
});

describe('offsetAt and formatInstantInZone agree with Intl', () => {
  it.each(['Europe/Warsaw', 'America/Los_Angeles', 'Asia/Kolkata', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe'])('%s', (zone) => {
    const intl = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 * 24 * 4 }), (q) => {
        const t = at('2025-01-01T00:00:00Z') + q * 15 * 60_000;
        const name = intl.formatToParts(t).find((p) => p.type === 'timeZoneName')!.value; // "GMT+05:45"
        const expected = name === 'GMT' ? 0 : (name[3] === '-' ? -1 : 1) * (Number(name.slice(4, 6)) * 60 + Number(name.slice(7, 9)));
        expect(offsetAt(zone, t) / 60_000).toBe(expected);
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});

describe('wallClockRangeToIntervals', () => {
  const iso = (t: number): string => new Date(t).toISOString();
  it.each([
    ['a normal day', 'Europe/Berlin', '2026-03-10', '09:00', '11:00', [['2026-03-10T08:00:00.000Z', '2026-03-10T10:00:00.000Z']]],
    ['a range across the spring gap is an hour shorter', 'Europe/Berlin', '2026-03-29', '01:00', '04:00', [['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']]],
    ['a range inside the spring gap is empty', 'Europe/Berlin', '2026-03-29', '02:00', '03:00', []],
    ['a range across the autumn overlap is an hour longer', 'Europe/Berlin', '2026-10-25', '01:00', '03:00', [['2026-10-24T23:00:00.000Z', '2026-10-25T02:00:00.000Z']]],
    [
      'a range inside the autumn overlap happens twice',
      'America/New_York',
      '2026-11-01',
      '01:15',
      '01:45',
      [
        ['2026-11-01T05:15:00.000Z', '2026-11-01T05:45:00.000Z'],
        ['2026-11-01T06:15:00.000Z', '2026-11-01T06:45:00.000Z'],
      ],
    ],
  ])('%s', (_name, zone, date, from, to, expected) => {
    const d = day(date) * 86_400_000;
    const got = wallClockRangeToIntervals(zone, d + hm(from) * 60_000, d + hm(to) * 60_000);
    expect(got.map((i) => [iso(i.start), iso(i.end)])).toEqual(expected);
  });
});
