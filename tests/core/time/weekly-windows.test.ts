import type { WeeklyWindow } from '../../../src/core/agreement/agreement';
import { expandWeeklyWindows } from '../../../src/core/time/weekly-windows';
import { formatInstantInZone } from '../../../src/core/time/zoned-time';

const at = (iso: string): number => Date.parse(iso);
const shown = (zone: string, windows: WeeklyWindow[], from: string, to: string): string[] =>
  expandWeeklyWindows(windows, zone, { start: at(from), end: at(to) }).map(
    (i) => `${formatInstantInZone(i.start, zone)} – ${formatInstantInZone(i.end, zone)}`,
  );

describe('expandWeeklyWindows', () => {
  it('keeps the local time across the US change while Europe has not changed yet (8–29 March 2026)', () => {
    const windows = [{ weekday: 2 as const, start: '10:00', end: '12:00' }];
    expect(shown('America/New_York', windows, '2026-03-02T00:00:00Z', '2026-03-18T00:00:00Z')).toEqual([
      '2026-03-03T10:00:00-05:00 – 2026-03-03T12:00:00-05:00',
      '2026-03-10T10:00:00-04:00 – 2026-03-10T12:00:00-04:00',
      '2026-03-17T10:00:00-04:00 – 2026-03-17T12:00:00-04:00',
    ]);
  });

  it('runs a window past midnight into the next day', () => {
    expect(shown('Asia/Tokyo', [{ weekday: 5, start: '22:00', end: '01:00' }], '2026-03-02T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([
      '2026-03-06T22:00:00+09:00 – 2026-03-07T01:00:00+09:00',
    ]);
  });

  it('joins a Sunday-night window with Monday morning', () => {
    expect(
      shown('Asia/Kolkata', [{ weekday: 7, start: '22:00', end: '00:00' }, { weekday: 1, start: '00:00', end: '01:30' }], '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'),
    ).toEqual(['2026-03-01T22:00:00+05:30 – 2026-03-02T01:30:00+05:30']);
  });

  it('shortens a window that spans the spring gap and keeps only what exists', () => {
    expect(shown('Europe/Warsaw', [{ weekday: 7, start: '01:00', end: '04:00' }], '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      '2026-03-29T01:00:00+01:00 – 2026-03-29T04:00:00+02:00',
    ]);
  });

  it('clips to the range asked for', () => {
    expect(shown('UTC', [{ weekday: 1, start: '09:00', end: '17:00' }], '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z')).toEqual([
      '2026-03-02T12:00:00+00:00 – 2026-03-02T13:00:00+00:00',
    ]);
  });

  it('gives quarter-hour zones their own instants (Kathmandu)', () => {
    expect(shown('Asia/Kathmandu', [{ weekday: 1, start: '18:30', end: '21:00' }], '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toEqual([
      '2026-03-02T18:30:00+05:45 – 2026-03-02T21:00:00+05:45',
    ]);
  });
});
