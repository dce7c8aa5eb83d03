import { resolveTimeZone } from '../../../src/core/time/zones';

describe('resolveTimeZone (IANA names only)', () => {
  it.each([
    ['UTC', 'UTC'],
    ['Etc/UTC', 'UTC'],
    ['Europe/Warsaw', 'Europe/Warsaw'],
    [' Europe/Warsaw ', 'Europe/Warsaw'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['America/St_Johns', 'America/St_Johns'],
  ])('maps %s to %s', (input, expected) => {
    expect(resolveTimeZone(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['Mars/Olympus_Mons', 'Nowhere Standard Time', '', 'tzone://Microsoft/Custom', 'W. Europe Standard Time', 'India Standard Time'])(
    'rejects %j with a stable code naming the field (Windows names are mapped at the Graph adapter, not here)',
    (input) => {
      const result = resolveTimeZone(input, 'mentor.timeZone');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('TIME.UNKNOWN_ZONE');
        expect(result.error.field).toBe('mentor.timeZone');
      }
    },
  );
});
