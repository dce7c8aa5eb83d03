import { ianaZoneFromGraph, windowsZoneOf } from '../../../src/adapters/graph/windows-zones';

describe('ianaZoneFromGraph', () => {
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
    expect(ianaZoneFromGraph(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['Mars/Olympus_Mons', 'Nowhere Standard Time', '', 'tzone://Microsoft/Custom'])('rejects %j with a stable code naming the field', (input) => {
    const result = ianaZoneFromGraph(input, 'mailboxSettings.timeZone');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('TIME.UNKNOWN_ZONE');
      expect(result.error.field).toBe('mailboxSettings.timeZone');
      expect(result.error.message).toContain('Windows name');
    }
  });
});

describe('windowsZoneOf', () => {
  it.each([
    ['Europe/Warsaw', 'Central European Standard Time'],
    ['Asia/Kolkata', 'India Standard Time'],
    ['America/New_York', 'Eastern Standard Time'],
  ])('gives the Windows name Outlook reports for %s', (iana, windows) => {
    expect(windowsZoneOf(iana)).toBe(windows);
    expect(ianaZoneFromGraph(windows)).toEqual({ ok: true, value: iana });
  });
});
