import type { Agreement, IsoWeekday, PersonBoundaries, WeeklyWindow } from '../../../src/core/agreement/agreement';
import type { PersonCalendar } from '../../../src/core/ports/calendar';
import type { Interval } from '../../../src/core/time/interval';
import type { SchedulingInput } from '../../../src/core/scheduling/scheduling-input';

/** Test inputs are written as ISO strings with offsets; the core sees epoch milliseconds. */
export const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`Bad ISO instant in a test: ${iso}`);
  return t;
};

export const span = (start: string, end: string): Interval => ({ start: at(start), end: at(end) });

/** A weekly window; one whose end is before its start (and not midnight) is marked as ending the next day. */
export const win = (weekday: IsoWeekday, start: string, end: string): WeeklyWindow =>
  end < start && end !== '00:00' ? { weekday, start, end, endsNextDay: true } : { weekday, start, end };

export const weekdays = (start: string, end: string): WeeklyWindow[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => win(weekday, start, end));

export function person(personId: string, timeZone: string, meetingWindows: WeeklyWindow[]): PersonBoundaries {
  return { personId, timeZone, meetingWindows, contactChannel: 'teamsChat', contactHours: weekdays('08:00', '18:00') };
}

export function agreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    cadence: { kind: 'weekly' },
    meetingMinutes: 60,
    bufferMinutes: 0,
    minimumNoticeHours: 0,
    respectWorkingHours: true,
    firstDate: '2026-03-02',
    meetingCount: 10,
    location: { kind: 'online' },
    mentor: person('ana', 'Europe/Warsaw', [win(2, '16:00', '18:00')]),
    mentee: person('ben', 'America/New_York', [win(2, '10:00', '12:00')]),
    ...overrides,
  };
}

export function calendarOf(p: PersonBoundaries, extra: Partial<PersonCalendar> = {}): PersonCalendar {
  return { personId: p.personId, timeZone: p.timeZone, busy: [], ...extra };
}

export function input(a: Agreement, extra: Partial<SchedulingInput> & { mentorCalendar?: Partial<PersonCalendar>; menteeCalendar?: Partial<PersonCalendar> } = {}): SchedulingInput {
  const { mentorCalendar, menteeCalendar, ...rest } = extra;
  return {
    agreement: a,
    calendars: { mentor: calendarOf(a.mentor, mentorCalendar), mentee: calendarOf(a.mentee, menteeCalendar) },
    now: at('2026-03-02T00:00:00Z'),
    horizon: span('2026-03-02T00:00:00Z', '2026-04-15T00:00:00Z'),
    ...rest,
  };
}
