import { planSeries, type SeriesPlan } from '../../../src/core/scheduling/plan-series';
import { formatInstantInZone } from '../../../src/core/time/zoned-time';
import { agreement, at, input, person, span, weekdays, win } from './scheduling-fixtures';

const WARSAW = 'Europe/Warsaw';
const NEW_YORK = 'America/New_York';

/** Each entry as "mentor-zone start | mentee-zone start", or the reason's code. */
function shown(plan: SeriesPlan, mentorZone: string, menteeZone: string): string[] {
  return plan.entries.map((e) =>
    e.ok ? `${formatInstantInZone(e.slot.start, mentorZone)} | ${formatInstantInZone(e.slot.start, menteeZone)}` : e.reason.code,
  );
}

const office = agreement({ mentor: person('ana', WARSAW, weekdays('09:00', '17:00')), mentee: person('ben', WARSAW, weekdays('09:00', '17:00')) });

describe('planSeries', () => {
  it('keeps the same weekday and local time through both DST changes (Warsaw and New York)', () => {
    const plan = planSeries({ ...input(agreement()), count: 6 });
    expect(shown(plan, WARSAW, NEW_YORK)).toEqual([
      '2026-03-03T16:00:00+01:00 | 2026-03-03T10:00:00-05:00',
      '2026-03-10T16:00:00+01:00 | 2026-03-10T11:00:00-04:00',
      '2026-03-17T16:00:00+01:00 | 2026-03-17T11:00:00-04:00',
      '2026-03-24T16:00:00+01:00 | 2026-03-24T11:00:00-04:00',
      '2026-03-31T16:00:00+02:00 | 2026-03-31T10:00:00-04:00',
      '2026-04-07T16:00:00+02:00 | 2026-04-07T10:00:00-04:00',
    ]);
    expect(plan.stoppedBecause).toBe('REQUESTED_COUNT');
    expect(plan.entries.map((e) => e.period.targetDate)).toEqual(['2026-03-02', '2026-03-10', '2026-03-17', '2026-03-24', '2026-03-31', '2026-04-07']);
  });

  it('moves a meeting only as far as a busy day forces, then returns to the habit', () => {
    const plan = planSeries({
      ...input(office, { mentorCalendar: { busy: [span('2026-03-16T00:00:00+01:00', '2026-03-17T00:00:00+01:00')] } }),
      count: 4,
    });
    expect(shown(plan, WARSAW, WARSAW)).toEqual([
      '2026-03-02T09:00:00+01:00 | 2026-03-02T09:00:00+01:00',
      '2026-03-09T09:00:00+01:00 | 2026-03-09T09:00:00+01:00',
      '2026-03-17T09:00:00+01:00 | 2026-03-17T09:00:00+01:00',
      '2026-03-23T09:00:00+01:00 | 2026-03-23T09:00:00+01:00',
    ]);
  });

  it('keeps the habit time when only that hour is busy (nearest time on the same day)', () => {
    const plan = planSeries({
      ...input(office, { menteeCalendar: { busy: [span('2026-03-09T09:00:00+01:00', '2026-03-09T10:00:00+01:00')] } }),
      count: 2,
    });
    expect(shown(plan, WARSAW, WARSAW)).toEqual(['2026-03-02T09:00:00+01:00 | 2026-03-02T09:00:00+01:00', '2026-03-09T10:00:00+01:00 | 2026-03-09T10:00:00+01:00']);
  });

  it('explains a period with no slot and carries on with the next one', () => {
    const plan = planSeries({ ...input(agreement({ meetingMinutes: 90 })), count: 5 });
    expect(shown(plan, WARSAW, NEW_YORK)).toEqual([
      '2026-03-03T16:00:00+01:00 | 2026-03-03T10:00:00-05:00',
      'SCHEDULING.WINDOWS_NEVER_OVERLAP',
      'SCHEDULING.WINDOWS_NEVER_OVERLAP',
      'SCHEDULING.WINDOWS_NEVER_OVERLAP',
      '2026-03-31T16:00:00+02:00 | 2026-03-31T10:00:00-04:00',
    ]);
    const second = plan.entries[1]!;
    expect(!second.ok && second.reason).toMatchObject({ longestOverlapMinutes: 60 });
    expect(plan.meetings).toHaveLength(2);
  });

  it('stops at the end date', () => {
    const plan = planSeries(input({ ...office, endDate: '2026-03-20', meetingCount: undefined }));
    expect(shown(plan, WARSAW, WARSAW)).toEqual([
      '2026-03-02T09:00:00+01:00 | 2026-03-02T09:00:00+01:00',
      '2026-03-09T09:00:00+01:00 | 2026-03-09T09:00:00+01:00',
      '2026-03-16T09:00:00+01:00 | 2026-03-16T09:00:00+01:00',
    ]);
    expect(plan.stoppedBecause).toBe('END_DATE_REACHED');
  });

  it('stops when the agreed number of meetings is reached, counting those held', () => {
    const plan = planSeries({ ...input({ ...office, meetingCount: 3 }, { previousMeetings: [span('2026-02-26T11:00:00+01:00', '2026-02-26T12:00:00+01:00')] }), count: 10 });
    expect(shown(plan, WARSAW, WARSAW)).toEqual(['2026-03-05T11:00:00+01:00 | 2026-03-05T11:00:00+01:00', '2026-03-12T11:00:00+01:00 | 2026-03-12T11:00:00+01:00']);
    expect(plan.stoppedBecause).toBe('MEETING_COUNT_REACHED');
  });

  it('continues the pair’s habit from meetings held (Thursdays 11:00), two weeks apart', () => {
    const previousMeetings = [span('2026-02-12T11:00:00+01:00', '2026-02-12T12:00:00+01:00'), span('2026-02-26T11:00:00+01:00', '2026-02-26T12:00:00+01:00')];
    const plan = planSeries({ ...input({ ...office, cadence: { kind: 'biweekly' } }, { previousMeetings }), count: 3 });
    expect(shown(plan, WARSAW, WARSAW)).toEqual([
      '2026-03-12T11:00:00+01:00 | 2026-03-12T11:00:00+01:00',
      '2026-03-26T11:00:00+01:00 | 2026-03-26T11:00:00+01:00',
      '2026-04-09T11:00:00+02:00 | 2026-04-09T11:00:00+02:00',
    ]);
  });

  it('keeps the weekday monthly (the Tuesday nearest the same date)', () => {
    const plan = planSeries({
      ...input({ ...agreement(), cadence: { kind: 'monthly' } }, { horizon: span('2026-03-02T00:00:00Z', '2026-06-01T00:00:00Z') }),
      count: 3,
    });
    expect(shown(plan, WARSAW, NEW_YORK)).toEqual([
      '2026-03-03T16:00:00+01:00 | 2026-03-03T10:00:00-05:00',
      '2026-03-31T16:00:00+02:00 | 2026-03-31T10:00:00-04:00',
      '2026-05-05T16:00:00+02:00 | 2026-05-05T10:00:00-04:00',
    ]);
  });

  it('never double-books: each meeting keeps clear of busy time, planned meetings and the others, with buffers', () => {
    const a = { ...office, cadence: { kind: 'everyNDays' as const, days: 1 }, meetingMinutes: 60, bufferMinutes: 30, meetingCount: 30 };
    const plannedMeetings = [span('2026-03-02T09:00:00+01:00', '2026-03-02T10:00:00+01:00')];
    const busy = [span('2026-03-03T08:00:00Z', '2026-03-03T12:00:00Z')];
    const plan = planSeries({ ...input(a, { plannedMeetings, mentorCalendar: { busy } }), count: 5 });
    for (const m of plan.meetings) {
      for (const other of [...plannedMeetings, ...busy, ...plan.meetings.filter((x) => x !== m)]) {
        expect(m.end + 30 * 60_000 <= other.start || other.end + 30 * 60_000 <= m.start).toBe(true);
      }
    }
    // Daily, after the planned Monday meeting: Tuesday waits for the busy morning plus its buffer; the weekend has no windows.
    expect(shown(plan, WARSAW, WARSAW)).toEqual([
      '2026-03-03T13:30:00+01:00 | 2026-03-03T13:30:00+01:00',
      '2026-03-04T09:00:00+01:00 | 2026-03-04T09:00:00+01:00',
      '2026-03-05T09:00:00+01:00 | 2026-03-05T09:00:00+01:00',
      '2026-03-06T09:00:00+01:00 | 2026-03-06T09:00:00+01:00',
      'SCHEDULING.WINDOWS_NEVER_OVERLAP',
    ]);
  });

  it('says why nothing was searched when the agreement is over', () => {
    const plan = planSeries({ ...input({ ...office, firstDate: '2026-01-05', endDate: '2026-02-20' }), count: 3 });
    expect(plan).toMatchObject({ entries: [], meetings: [], stoppedBecause: 'END_DATE_REACHED', reason: { code: 'SCHEDULING.END_DATE_REACHED' } });
  });

  it('respects the minimum notice for the first meeting of a new pair', () => {
    const plan = planSeries({ ...input({ ...office, minimumNoticeHours: 72 }, { now: at('2026-03-02T10:00:00+01:00') }), count: 2 });
    expect(shown(plan, WARSAW, WARSAW)).toEqual(['2026-03-05T10:00:00+01:00 | 2026-03-05T10:00:00+01:00', '2026-03-12T10:00:00+01:00 | 2026-03-12T10:00:00+01:00']);
  });

  it('plans windows that cross midnight (Friday 22:00–01:00 in Tokyo)', () => {
    const a = agreement({
      meetingMinutes: 45,
      mentor: person('ana', 'Asia/Tokyo', [win(5, '22:00', '01:00')]),
      mentee: person('ben', 'Europe/London', [win(5, '15:15', '16:00')]),
    });
    const plan = planSeries({ ...input(a), count: 5 });
    expect(shown(plan, 'Asia/Tokyo', 'Europe/London')).toEqual([
      '2026-03-07T00:15:00+09:00 | 2026-03-06T15:15:00+00:00',
      '2026-03-14T00:15:00+09:00 | 2026-03-13T15:15:00+00:00',
      '2026-03-21T00:15:00+09:00 | 2026-03-20T15:15:00+00:00',
      '2026-03-28T00:15:00+09:00 | 2026-03-27T15:15:00+00:00',
      // London moves to summer time on 29 March: 15:15 London is 23:15 in Tokyo, still inside the window.
      '2026-04-03T23:15:00+09:00 | 2026-04-03T15:15:00+01:00',
    ]);
  });
});

describe('planSeries: a new pair whose first period has no slot', () => {
  it('tries whole periods until the first meeting is placed, then keeps its weekday and time', () => {
    const busy = [span('2026-03-02T00:00:00+01:00', '2026-03-11T12:00:00+01:00')];
    const plan = planSeries({ ...input(office, { mentorCalendar: { busy } }), count: 3 });
    expect(shown(plan, WARSAW, WARSAW)).toEqual([
      'SCHEDULING.HORIZON_FULLY_BUSY',
      '2026-03-11T12:00:00+01:00 | 2026-03-11T12:00:00+01:00',
      '2026-03-18T12:00:00+01:00 | 2026-03-18T12:00:00+01:00',
    ]);
    expect(plan.entries.map((e) => e.period.targetDate)).toEqual(['2026-03-02', '2026-03-09', '2026-03-18']);
  });
});
