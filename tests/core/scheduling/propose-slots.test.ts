import { proposeSlots } from '../../../src/core/scheduling/propose-slots';
import type { NoSlotReason } from '../../../src/core/scheduling/no-slot-reason';
import type { SchedulingInput } from '../../../src/core/scheduling/scheduling-input';
import { formatInstantInZone } from '../../../src/core/time/zoned-time';
import { agreement, at, input, person, span, weekdays, win } from './scheduling-fixtures';

const WARSAW = 'Europe/Warsaw';
const NEW_YORK = 'America/New_York';

/** Each slot as "start in the mentor's zone | start in the mentee's zone". */
function slotsOf(i: SchedulingInput): string[] {
  const result = proposeSlots(i);
  if (!result.ok) throw new Error(`expected slots, got ${result.error.code}: ${result.error.message}`);
  return result.value.slots.map(
    (s) => `${formatInstantInZone(s.start, i.agreement.mentor.timeZone)} | ${formatInstantInZone(s.start, i.agreement.mentee.timeZone)}`,
  );
}

function reasonOf(i: SchedulingInput): NoSlotReason {
  const result = proposeSlots(i);
  if (result.ok) throw new Error(`expected no slot, got ${result.value.slots.length}`);
  return result.error;
}

describe('proposeSlots: exact instants', () => {
  it.each<[string, SchedulingInput, string[]]>([
    [
      'Warsaw and New York before either changes clocks: the whole two hours overlap',
      input(agreement(), { options: { maxSlots: 3 } }),
      ['2026-03-03T16:00:00+01:00 | 2026-03-03T10:00:00-05:00', '2026-03-03T16:15:00+01:00 | 2026-03-03T10:15:00-05:00', '2026-03-03T16:30:00+01:00 | 2026-03-03T10:30:00-05:00'],
    ],
    [
      'the weeks between the US and the EU change: only one hour overlaps (16:00 Warsaw = 11:00 New York)',
      input(agreement(), { horizon: span('2026-03-09T00:00:00Z', '2026-03-28T00:00:00Z'), options: { maxSlots: 2 } }),
      ['2026-03-10T16:00:00+01:00 | 2026-03-10T11:00:00-04:00', '2026-03-17T16:00:00+01:00 | 2026-03-17T11:00:00-04:00'],
    ],
    [
      'after both changes the full overlap is back',
      input(agreement(), { horizon: span('2026-03-30T00:00:00Z', '2026-04-05T00:00:00Z'), options: { maxSlots: 5 } }),
      [
        '2026-03-31T16:00:00+02:00 | 2026-03-31T10:00:00-04:00',
        '2026-03-31T16:15:00+02:00 | 2026-03-31T10:15:00-04:00',
        '2026-03-31T16:30:00+02:00 | 2026-03-31T10:30:00-04:00',
        '2026-03-31T16:45:00+02:00 | 2026-03-31T10:45:00-04:00',
        '2026-03-31T17:00:00+02:00 | 2026-03-31T11:00:00-04:00',
      ],
    ],
    [
      'Kolkata (+5:30) with Kathmandu (+5:45): the grid follows the mentor’s clock',
      input(
        agreement({
          mentor: person('ana', 'Asia/Kolkata', [win(1, '18:00', '20:00')]),
          mentee: person('ben', 'Asia/Kathmandu', [win(1, '18:30', '21:00')]),
        }),
        { options: { maxSlots: 3 } },
      ),
      ['2026-03-02T18:15:00+05:30 | 2026-03-02T18:30:00+05:45', '2026-03-02T18:30:00+05:30 | 2026-03-02T18:45:00+05:45', '2026-03-02T18:45:00+05:30 | 2026-03-02T19:00:00+05:45'],
    ],
    [
      'a Friday-night window in Tokyo crossing midnight meets a London afternoon',
      input(
        agreement({
          meetingMinutes: 45,
          mentor: person('ana', 'Asia/Tokyo', [win(5, '22:00', '01:00')]),
          mentee: person('ben', 'Europe/London', [win(5, '15:15', '16:00')]),
        }),
        { options: { maxSlots: 1 } },
      ),
      ['2026-03-07T00:15:00+09:00 | 2026-03-06T15:15:00+00:00'],
    ],
    [
      'a window that falls in the spring gap keeps only the hour that exists',
      input(
        agreement({
          cadence: { kind: 'weekly' },
          firstDate: '2026-03-29',
          endDate: '2026-03-29',
          mentor: person('ana', 'Europe/Berlin', [win(7, '02:00', '04:00')]),
          mentee: person('ben', 'UTC', [win(7, '00:00', '03:00')]),
        }),
        { horizon: span('2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'), options: { maxSlots: 5 } },
      ),
      ['2026-03-29T03:00:00+02:00 | 2026-03-29T01:00:00+00:00'],
    ],
    [
      'a three-hour meeting fits the Berlin night that the autumn change makes four hours long',
      input(
        agreement({
          meetingMinutes: 180,
          firstDate: '2026-10-24',
          endDate: '2026-10-26',
          mentor: person('ana', 'Europe/Berlin', [win(7, '00:00', '03:00')]),
          mentee: person('ben', 'UTC', [win(6, '22:00', '03:00')]),
        }),
        { now: at('2026-10-20T00:00:00Z'), horizon: span('2026-10-20T00:00:00Z', '2026-10-27T00:00:00Z'), options: { maxSlots: 5 } },
      ),
      ['2026-10-25T00:00:00+02:00 | 2026-10-24T22:00:00+00:00', '2026-10-25T00:15:00+02:00 | 2026-10-24T22:15:00+00:00', '2026-10-25T00:30:00+02:00 | 2026-10-24T22:30:00+00:00', '2026-10-25T00:45:00+02:00 | 2026-10-24T22:45:00+00:00', '2026-10-25T01:00:00+02:00 | 2026-10-24T23:00:00+00:00'],
    ],
  ])('%s', (_name, i, expected) => {
    expect(slotsOf(i)).toEqual(expected);
  });
});

describe('proposeSlots: boundaries', () => {
  const a = agreement({ mentor: person('ana', WARSAW, [win(2, '16:00', '18:00')]), mentee: person('ben', NEW_YORK, [win(2, '10:00', '12:00')]) });

  it('keeps the buffer after a busy meeting and starts right where it ends', () => {
    const i = input({ ...a, bufferMinutes: 15 }, { mentorCalendar: { busy: [span('2026-03-03T16:00:00+01:00', '2026-03-03T16:20:00+01:00')] }, options: { maxSlots: 2 } });
    expect(slotsOf(i)).toEqual(['2026-03-03T16:35:00+01:00 | 2026-03-03T10:35:00-05:00', '2026-03-03T16:45:00+01:00 | 2026-03-03T10:45:00-05:00']);
  });

  it('keeps the buffer before a busy meeting too', () => {
    // 10:00–11:00 is exactly free once 15 minutes are kept before 11:15; 10:15 would end inside the buffer.
    const i = input({ ...a, bufferMinutes: 15 }, { menteeCalendar: { busy: [span('2026-03-03T11:15:00-05:00', '2026-03-03T12:00:00-05:00')] }, options: { maxSlots: 2 } });
    expect(slotsOf(i)).toEqual(['2026-03-03T16:00:00+01:00 | 2026-03-03T10:00:00-05:00', '2026-03-10T16:00:00+01:00 | 2026-03-10T11:00:00-04:00']);
  });

  it('never clashes with a meeting already planned for the pair', () => {
    const i = input(a, { plannedMeetings: [span('2026-03-03T15:00:00Z', '2026-03-03T16:30:00Z')], options: { maxSlots: 1 } });
    // The next meeting then targets a week after the planned one.
    expect(slotsOf(i)).toEqual(['2026-03-10T16:00:00+01:00 | 2026-03-10T11:00:00-04:00']);
  });

  it('starts no sooner than now plus the minimum notice', () => {
    const i = input({ ...a, minimumNoticeHours: 24 }, { now: at('2026-03-02T15:30:00Z'), options: { maxSlots: 1 } });
    expect(slotsOf(i)).toEqual(['2026-03-03T16:30:00+01:00 | 2026-03-03T10:30:00-05:00']);
  });

  it('stays inside working hours unless the agreement says otherwise', () => {
    const early = { workingHours: weekdays('09:00', '11:00') };
    expect(slotsOf(input(a, { menteeCalendar: early, options: { maxSlots: 1 } }))).toEqual(['2026-03-03T16:00:00+01:00 | 2026-03-03T10:00:00-05:00']);
    const narrow = { workingHours: weekdays('08:00', '10:30') };
    expect(reasonOf(input(a, { menteeCalendar: narrow, horizon: span('2026-03-09T00:00:00Z', '2026-03-28T00:00:00Z') })).code).toBe('SCHEDULING.OUTSIDE_WORKING_HOURS');
    expect(slotsOf(input({ ...a, respectWorkingHours: false }, { menteeCalendar: narrow, horizon: span('2026-03-09T00:00:00Z', '2026-03-28T00:00:00Z'), options: { maxSlots: 1 } }))).toEqual([
      '2026-03-10T16:00:00+01:00 | 2026-03-10T11:00:00-04:00',
    ]);
  });

  it('keeps inside the first and end dates in both people’s zones', () => {
    const i = input({ ...a, firstDate: '2026-03-10', endDate: '2026-03-10' }, { options: { maxSlots: 20 } });
    const slots = slotsOf(i);
    expect(slots[0]).toBe('2026-03-10T16:00:00+01:00 | 2026-03-10T11:00:00-04:00');
    expect(slots.every((s) => s.startsWith('2026-03-10T'))).toBe(true);
  });

  it('ranks the cadence’s target date first, then the pair’s usual weekday and time', () => {
    const both = agreement({
      mentor: person('ana', WARSAW, [win(2, '09:00', '18:00'), win(4, '09:00', '18:00')]),
      mentee: person('ben', WARSAW, [win(2, '09:00', '18:00'), win(4, '09:00', '18:00')]),
    });
    // Held on Thursdays at 14:00; the last one was Thursday 26 February, so the target is Thursday 5 March.
    const previousMeetings = [span('2026-02-19T14:00:00+01:00', '2026-02-19T15:00:00+01:00'), span('2026-02-26T14:00:00+01:00', '2026-02-26T15:00:00+01:00')];
    const result = proposeSlots(input(both, { previousMeetings, options: { maxSlots: 3 } }));
    expect(result.ok && result.value.targetDate).toBe('2026-03-05');
    expect(slotsOf(input(both, { previousMeetings, options: { maxSlots: 3 } }))).toEqual([
      '2026-03-05T14:00:00+01:00 | 2026-03-05T14:00:00+01:00',
      '2026-03-05T13:45:00+01:00 | 2026-03-05T13:45:00+01:00',
      '2026-03-05T14:15:00+01:00 | 2026-03-05T14:15:00+01:00',
    ]);
  });

  it('reads zones from the calendars for working hours (a calendar in another zone than the agreement)', () => {
    const i = input(a, { menteeCalendar: { timeZone: 'UTC', workingHours: weekdays('15:30', '23:00') }, options: { maxSlots: 1 } });
    expect(slotsOf(i)).toEqual(['2026-03-03T16:30:00+01:00 | 2026-03-03T10:30:00-05:00']);
  });
});

describe('proposeSlots: why no slot', () => {
  const a = agreement();

  it('WINDOWS_NEVER_OVERLAP shows both people’s windows in each person’s local time', () => {
    const reason = reasonOf(input({ ...a, meetingMinutes: 90 }, { horizon: span('2026-03-09T00:00:00Z', '2026-03-28T00:00:00Z') }));
    expect(reason).toMatchObject({
      code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP',
      meetingMinutes: 90,
      longestOverlapMinutes: 60,
      mentorView: { personId: 'ana', timeZone: WARSAW, ownWindows: [win(2, '16:00', '18:00')], partnerWindows: [win(2, '15:00', '17:00')] },
      menteeView: { personId: 'ben', timeZone: NEW_YORK, ownWindows: [win(2, '10:00', '12:00')], partnerWindows: [win(2, '11:00', '13:00')] },
    });
    expect(reason.message).toContain('Tue 15:00–17:00');
    expect(reason.message).toContain('Tue 11:00–13:00');
  });

  it('WINDOWS_NEVER_OVERLAP when the days differ', () => {
    const reason = reasonOf(input({ ...a, mentee: person('ben', NEW_YORK, [win(3, '10:00', '12:00')]) }));
    expect(reason).toMatchObject({ code: 'SCHEDULING.WINDOWS_NEVER_OVERLAP', longestOverlapMinutes: 0 });
  });

  it('NOTICE_RULES_OUT_PERIOD names the earliest allowed start', () => {
    const reason = reasonOf(input({ ...a, minimumNoticeHours: 48 }, { now: at('2026-03-03T12:00:00Z'), horizon: span('2026-03-03T00:00:00Z', '2026-03-06T00:00:00Z') }));
    expect(reason).toMatchObject({ code: 'SCHEDULING.NOTICE_RULES_OUT_PERIOD', minimumNoticeHours: 48, earliestStart: at('2026-03-05T12:00:00Z') });
  });

  it('OUTSIDE_WORKING_HOURS says whose hours rule the windows out', () => {
    const reason = reasonOf(input(a, { menteeCalendar: { workingHours: weekdays('13:00', '17:00') } }));
    expect(reason).toMatchObject({ code: 'SCHEDULING.OUTSIDE_WORKING_HOURS', people: ['mentee'] });
  });

  it('HORIZON_FULLY_BUSY says whose calendar is full', () => {
    const busy = [span('2026-03-02T00:00:00Z', '2026-04-15T00:00:00Z')];
    const reason = reasonOf(input(a, { mentorCalendar: { busy } }));
    expect(reason).toMatchObject({ code: 'SCHEDULING.HORIZON_FULLY_BUSY', blockedBy: ['mentor'] });
  });

  it('HORIZON_FULLY_BUSY with no single culprit when only both calendars together fill it', () => {
    const weeks = [0, 1, 2, 3, 4, 5, 6].map((w) => at('2026-03-03T15:00:00Z') + w * 7 * 86_400_000 - (w >= 4 ? 3_600_000 : 0));
    const mentorBusy = weeks.map((t) => ({ start: t, end: t + 3_600_000 }));
    const menteeBusy = weeks.map((t) => ({ start: t + 3_600_000, end: t + 2 * 3_600_000 }));
    const reason = reasonOf(input(a, { mentorCalendar: { busy: mentorBusy }, menteeCalendar: { busy: menteeBusy } }));
    expect(reason).toMatchObject({ code: 'SCHEDULING.HORIZON_FULLY_BUSY', blockedBy: [] });
  });

  it('END_DATE_REACHED once the agreement has ended', () => {
    expect(reasonOf(input({ ...a, firstDate: '2026-01-05', endDate: '2026-02-27' }))).toMatchObject({ code: 'SCHEDULING.END_DATE_REACHED', endDate: '2026-02-27' });
  });

  it('MEETING_COUNT_REACHED once every agreed meeting is held or planned', () => {
    const previousMeetings = [span('2026-02-17T15:00:00Z', '2026-02-17T16:00:00Z'), span('2026-02-24T15:00:00Z', '2026-02-24T16:00:00Z')];
    expect(reasonOf(input({ ...a, meetingCount: 2 }, { previousMeetings }))).toMatchObject({ code: 'SCHEDULING.MEETING_COUNT_REACHED', meetingCount: 2, meetingsSoFar: 2 });
  });

  it('BEFORE_FIRST_DATE when the calendars were read for a time before the agreement starts', () => {
    expect(reasonOf(input({ ...a, firstDate: '2026-06-01' }))).toMatchObject({ code: 'SCHEDULING.BEFORE_FIRST_DATE', firstDate: '2026-06-01' });
  });
});

describe('proposeSlots: purity', () => {
  it('does not change its input and gives the same answer twice', () => {
    const i = input(agreement({ bufferMinutes: 10 }), { mentorCalendar: { busy: [span('2026-03-10T15:30:00Z', '2026-03-10T15:45:00Z'), span('2026-03-03T15:00:00Z', '2026-03-03T15:30:00Z')] } });
    const copy = structuredClone(i);
    const first = proposeSlots(i);
    expect(i).toEqual(copy);
    expect(proposeSlots(i)).toEqual(first);
  });
});

describe('proposeSlots: programming errors throw', () => {
  it.each([
    ['an unbounded horizon', input(agreement(), { horizon: { start: 0, end: Number.POSITIVE_INFINITY } })],
    ['a zero granularity', input(agreement(), { options: { granularityMinutes: 0 } })],
  ])('%s', (_name, i) => {
    expect(() => proposeSlots(i)).toThrow();
  });
});
