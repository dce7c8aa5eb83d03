import { resolveTimeZone } from '../../../src/core/time/zones';

describe('resolveTimeZone', () => {
  it.each([
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Central European Standard Time', 'Europe/Warsaw'],
    ['India Standard Time', 'Asia/Kolkata'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['Eastern Standard Time', 'America/New_York'],
    ['GMT Standard Time', 'Europe/London'],
    ['FLE Standard Time', 'Europe/Kyiv'],
    ['Nepal Standard Time', 'Asia/Kathmandu'],
    ['UTC', 'UTC'],
    ['Europe/Warsaw', 'Europe/Warsaw'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['America/St_Johns', 'America/St_Johns'],
  ])('maps %s to %s', (input, expected) => {
    expect(resolveTimeZone(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['Mars/Olympus_Mons', 'Nowhere Standard Time', '', 'tzone://Microsoft/Custom'])(
    'rejects %j with a stable code naming the field',
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
