import type { Agreement, PersonBoundaries } from '../../../src/core/agreement/agreement';
import { validateAgreement } from '../../../src/core/agreement/validate-agreement';
import { agreement, win } from '../scheduling/scheduling-fixtures';

const base = agreement();
const withMentor = (changes: Partial<PersonBoundaries>): Agreement => ({ ...base, mentor: { ...base.mentor, ...changes } });
const withMentee = (changes: Partial<PersonBoundaries>): Agreement => ({ ...base, mentee: { ...base.mentee, ...changes } });
/** A mentee who can meet at any time, so a test of the mentor's window shapes is not refused for never overlapping. */
const anyTime = ([1, 2, 3, 4, 5, 6, 7] as const).map((d) => win(d, '00:00', '23:59'));
const withMentorShape = (changes: Partial<PersonBoundaries>): Agreement => ({ ...withMentor(changes), mentee: { ...base.mentee, meetingWindows: anyTime } });

describe('validateAgreement', () => {
  it('accepts a valid agreement and returns zones in their current IANA spelling', () => {
    const result = validateAgreement(withMentee({ timeZone: 'Asia/Calcutta', meetingWindows: [win(2, '20:30', '22:30')] }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.mentee.timeZone).toBe('Asia/Kolkata');
  });

  it('accepts a window that crosses midnight when it is marked as ending the next day', () => {
    expect(validateAgreement(withMentorShape({ meetingWindows: [{ weekday: 5, start: '22:00', end: '01:00', endsNextDay: true }] })).ok).toBe(true);
  });

  it('accepts a window that ends at midnight (00:00) without the mark', () => {
    expect(validateAgreement(withMentorShape({ meetingWindows: [{ weekday: 5, start: '21:00', end: '00:00' }] })).ok).toBe(true);
  });

  it('accepts windows that only together fit the meeting (Monday 23:00–24:00 joined to Tuesday 00:00–01:00)', () => {
    const a = { ...withMentorShape({ meetingWindows: [win(1, '23:00', '00:00'), win(2, '00:00', '01:00')] }), meetingMinutes: 120 };
    expect(validateAgreement(a).ok).toBe(true);
  });

  // One case per rule: [rule, input, code, field]
  it.each<[string, Agreement, string, string]>([
    ['window end before start', withMentor({ meetingWindows: [{ weekday: 2, start: '16:00', end: '09:00' }] }), 'AGREEMENT.WINDOW_END_BEFORE_START', 'mentor.meetingWindows[0].end'],
    ['window marked next day but longer than a day', withMentee({ meetingWindows: [{ weekday: 2, start: '09:00', end: '10:00', endsNextDay: true }] }), 'AGREEMENT.WINDOW_LONGER_THAN_A_DAY', 'mentee.meetingWindows[0].end'],
    ['window end equals start', withMentor({ meetingWindows: [win(2, '16:00', '16:00')] }), 'AGREEMENT.WINDOW_END_EQUALS_START', 'mentor.meetingWindows[0].end'],
    ['unknown zone', withMentee({ timeZone: 'Mars/Olympus_Mons' }), 'TIME.UNKNOWN_ZONE', 'mentee.timeZone'],
    ['zero-length meeting', { ...base, meetingMinutes: 0 }, 'AGREEMENT.MEETING_LENGTH_NOT_POSITIVE', 'meetingMinutes'],
    ['negative meeting length', { ...base, meetingMinutes: -30 }, 'AGREEMENT.MEETING_LENGTH_NOT_POSITIVE', 'meetingMinutes'],
    ['fractional meeting length', { ...base, meetingMinutes: 30.5 }, 'AGREEMENT.MEETING_LENGTH_NOT_POSITIVE', 'meetingMinutes'],
    ['meeting longer than a day', { ...base, meetingMinutes: 1500 }, 'AGREEMENT.MEETING_TOO_LONG', 'meetingMinutes'],
    ['every 0 days', { ...base, cadence: { kind: 'everyNDays', days: 0 } }, 'AGREEMENT.CADENCE_SHORTER_THAN_MEETING', 'cadence.days'],
    ['every -2 days', { ...base, cadence: { kind: 'everyNDays', days: -2 } }, 'AGREEMENT.CADENCE_SHORTER_THAN_MEETING', 'cadence.days'],
    ['every 1.5 days', { ...base, cadence: { kind: 'everyNDays', days: 1.5 } }, 'AGREEMENT.CADENCE_DAYS_NOT_WHOLE', 'cadence.days'],
    ['negative buffer', { ...base, bufferMinutes: -5 }, 'AGREEMENT.BUFFER_NEGATIVE', 'bufferMinutes'],
    ['negative notice', { ...base, minimumNoticeHours: -1 }, 'AGREEMENT.NOTICE_NEGATIVE', 'minimumNoticeHours'],
    ['meeting shorter than 15 minutes', { ...base, meetingMinutes: 10 }, 'AGREEMENT.MEETING_TOO_SHORT', 'meetingMinutes'],
    ['meeting longer than 240 minutes', { ...base, meetingMinutes: 241 }, 'AGREEMENT.MEETING_TOO_LONG', 'meetingMinutes'],
    ['buffer over 240 minutes', { ...base, bufferMinutes: 241 }, 'AGREEMENT.BUFFER_TOO_LONG', 'bufferMinutes'],
    ['absurd buffer', { ...base, bufferMinutes: 1e9 }, 'AGREEMENT.BUFFER_TOO_LONG', 'bufferMinutes'],
    ['notice over 30 days', { ...base, minimumNoticeHours: 721 }, 'AGREEMENT.NOTICE_TOO_LONG', 'minimumNoticeHours'],
    ['absurd notice', { ...base, minimumNoticeHours: 1e12 }, 'AGREEMENT.NOTICE_TOO_LONG', 'minimumNoticeHours'],
    ['every 91 days', { ...base, cadence: { kind: 'everyNDays', days: 91 } }, 'AGREEMENT.CADENCE_TOO_LONG', 'cadence.days'],
    ['every 1e9 days', { ...base, cadence: { kind: 'everyNDays', days: 1e9 } }, 'AGREEMENT.CADENCE_TOO_LONG', 'cadence.days'],
    ['53 meetings', { ...base, meetingCount: 53 }, 'AGREEMENT.MEETING_COUNT_TOO_HIGH', 'meetingCount'],
    ['1e9 meetings', { ...base, meetingCount: 1e9 }, 'AGREEMENT.MEETING_COUNT_TOO_HIGH', 'meetingCount'],
    ['malformed first date', { ...base, firstDate: '2026-3-2' }, 'AGREEMENT.BAD_DATE', 'firstDate'],
    ['impossible first date', { ...base, firstDate: '2026-02-30' }, 'AGREEMENT.BAD_DATE', 'firstDate'],
    ['malformed end date', { ...base, endDate: 'next year' }, 'AGREEMENT.BAD_DATE', 'endDate'],
    ['end date before first date', { ...base, endDate: '2026-03-01' }, 'AGREEMENT.END_DATE_BEFORE_FIRST_DATE', 'endDate'],
    ['meeting count zero', { ...base, meetingCount: 0 }, 'AGREEMENT.MEETING_COUNT_INVALID', 'meetingCount'],
    ['fractional meeting count', { ...base, meetingCount: 2.5 }, 'AGREEMENT.MEETING_COUNT_INVALID', 'meetingCount'],
    ['neither end date nor count', (({ meetingCount: _, ...rest }) => rest)(base), 'AGREEMENT.SERIES_UNBOUNDED', 'endDate'],
    ['place without a name', { ...base, location: { kind: 'place', name: '  ' } }, 'AGREEMENT.PLACE_NAME_MISSING', 'location.name'],
    ['missing person', withMentor({ personId: '' }), 'AGREEMENT.PERSON_MISSING', 'mentor.personId'],
    ['no meeting windows', withMentee({ meetingWindows: [] }), 'AGREEMENT.NO_MEETING_WINDOWS', 'mentee.meetingWindows'],
    ['bad weekday', withMentor({ meetingWindows: [{ weekday: 8 as 1, start: '09:00', end: '10:00' }] }), 'AGREEMENT.BAD_WEEKDAY', 'mentor.meetingWindows[0].weekday'],
    ['bad start time', withMentor({ meetingWindows: [win(2, '9:00', '11:00')] }), 'AGREEMENT.BAD_TIME', 'mentor.meetingWindows[0].start'],
    ['bad end time', withMentor({ meetingWindows: [win(2, '09:00', '24:00')] }), 'AGREEMENT.BAD_TIME', 'mentor.meetingWindows[0].end'],
    ['meeting longer than every window', { ...base, meetingMinutes: 150 }, 'AGREEMENT.MEETING_LONGER_THAN_WINDOWS', 'mentor.meetingWindows'],
    ['no contact hours', withMentee({ contactHours: [] }), 'AGREEMENT.NO_CONTACT_HOURS', 'mentee.contactHours'],
    ['bad contact hours', withMentee({ contactHours: [win(1, '08:00', '8pm')] }), 'AGREEMENT.BAD_TIME', 'mentee.contactHours[0].end'],
    ['same person on both sides', withMentee({ personId: 'ana' }), 'AGREEMENT.SAME_PERSON', 'mentee.personId'],
  ])('rejects %s', (_rule, input, code, field) => {
    const result = validateAgreement(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.field).toBe(field);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts every bound at its edge (15 and 240 minutes, buffer 240, notice 720 h, every 90 days, 52 meetings)', () => {
    for (const edge of [
      { meetingMinutes: 15 },
      { meetingMinutes: 120, bufferMinutes: 240 },
      { minimumNoticeHours: 720 },
      { cadence: { kind: 'everyNDays' as const, days: 90 } },
      { meetingCount: 52 },
    ]) {
      expect(validateAgreement({ ...base, ...edge }).ok).toBe(true);
    }
    expect(validateAgreement({ ...withMentorShape({ meetingWindows: [win(2, '08:00', '13:00')] }), meetingMinutes: 240 }).ok).toBe(true);
  });

  it('accepts windows that overlap only in the weeks between the US and EU clock changes, and refuses them outside those weeks', () => {
    // Warsaw Tue 13:00–14:00 and New York Tue 08:00–09:00 meet only while New York is on summer time and Warsaw is not.
    const gapOnly = (firstDate: string): Agreement => ({
      ...base,
      firstDate,
      meetingCount: 8,
      mentor: { ...base.mentor, meetingWindows: [win(2, '13:00', '14:00')] },
      mentee: { ...base.mentee, meetingWindows: [win(2, '08:00', '09:00')] },
    });
    expect(validateAgreement(gapOnly('2027-03-01')).ok).toBe(true);
    const refused = validateAgreement(gapOnly('2027-04-06'));
    expect(refused.ok ? 'ok' : [refused.error.code, refused.error.field]).toEqual(['SCHEDULING.WINDOWS_NEVER_OVERLAP', 'meetingWindows']);
    expect(refused.ok ? '' : refused.error.message).toMatch(/never share 60 minutes in any week of the agreement/);
  });

  it('accepts a daily cadence for a meeting under a day', () => {
    expect(validateAgreement({ ...base, cadence: { kind: 'everyNDays', days: 1 }, meetingMinutes: 120, mentor: { ...base.mentor, meetingWindows: [win(2, '12:00', '18:00')] }, mentee: { ...base.mentee, meetingWindows: [win(2, '06:00', '12:00')] } }).ok).toBe(true);
  });

  it('does not change its input', () => {
    const input = withMentee({ timeZone: 'Asia/Calcutta' });
    const copy = structuredClone(input);
    validateAgreement(input);
    expect(input).toEqual(copy);
  });

  it('validates each person the same way (mentee window rule)', () => {
    const result = validateAgreement(withMentee({ meetingWindows: [win(2, '10:00', '11:00'), win(3, '12:00', '12:00')] }));
    expect(!result.ok && result.error.field).toBe('mentee.meetingWindows[1].end');
  });
});

describe('validateAgreement lists every problem at once', () => {
  it('answers with the first problem and lists all of them, each with its field and code, in the order of the form', () => {
    const input: Agreement = {
      ...base,
      meetingMinutes: 10,
      firstDate: '2026-02-30',
      location: { kind: 'place', name: ' ' },
      mentor: { ...base.mentor, meetingWindows: [{ weekday: 2, start: '16:00', end: '09:00' }, win(3, '9:00', '10:00')] },
      mentee: { ...base.mentee, timeZone: 'Mars/Olympus_Mons', contactHours: [] },
    };
    const result = validateAgreement(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.error.code, result.error.field]).toEqual(['AGREEMENT.MEETING_TOO_SHORT', 'meetingMinutes']);
    const problems = (result.error.details as { problems: { field: string; code: string; message: string }[] }).problems;
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['meetingMinutes', 'AGREEMENT.MEETING_TOO_SHORT'],
      ['firstDate', 'AGREEMENT.BAD_DATE'],
      ['location.name', 'AGREEMENT.PLACE_NAME_MISSING'],
      ['mentor.meetingWindows[0].end', 'AGREEMENT.WINDOW_END_BEFORE_START'],
      ['mentor.meetingWindows[1].start', 'AGREEMENT.BAD_TIME'],
      ['mentee.timeZone', 'TIME.UNKNOWN_ZONE'],
      ['mentee.contactHours', 'AGREEMENT.NO_CONTACT_HOURS'],
    ]);
    for (const p of problems) expect(p.message.length).toBeGreaterThan(10);
  });

  it('checks whether a meeting fits a person only once their windows are sound', () => {
    const result = validateAgreement({ ...base, meetingMinutes: 150, mentee: { ...base.mentee, meetingWindows: [win(2, '12:00', '12:00')] } });
    const problems = result.ok ? [] : (result.error.details as { problems: { field: string; code: string }[] }).problems;
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['mentor.meetingWindows', 'AGREEMENT.MEETING_LONGER_THAN_WINDOWS'],
      ['mentee.meetingWindows[0].end', 'AGREEMENT.WINDOW_END_EQUALS_START'],
    ]);
  });

  it('lists windows that never overlap as the one problem when every other rule holds', () => {
    const result = validateAgreement({ ...base, mentor: { ...base.mentor, meetingWindows: [win(2, '13:00', '15:00')] }, mentee: { ...base.mentee, meetingWindows: [win(4, '08:00', '10:00')] } });
    const problems = result.ok ? [] : (result.error.details as { problems: { field: string; code: string }[] }).problems;
    expect(problems.map((p) => [p.field, p.code])).toEqual([['meetingWindows', 'SCHEDULING.WINDOWS_NEVER_OVERLAP']]);
  });
});
