import { fail, ok, type Result } from '../result';
import { resolveTimeZone } from '../time/zones';
import { parseLocalDate, parseLocalTime } from '../time/civil-date';
import { cadencePeriodMinDays } from './cadence';
import { checkAgreementNumbers } from './agreement-limits';
import { neverOverlapInAgreement } from '../scheduling/agreement-overlap';
import type { Agreement, PersonBoundaries, WeeklyWindow } from './agreement';

/**
 * The rules an agreement must meet before anyone signs it. The shape (types, required fields) is
 * checked by the contracts at the edge; this checks meaning. The first broken rule is returned with a
 * stable code and the path of the field to fix; zones must be IANA names and come back in their current
 * spelling (Asia/Calcutta becomes Asia/Kolkata).
 */
export function validateAgreement(input: Agreement): Result<Agreement> {
  const valid = validateAgreementRules(input);
  if (!valid.ok) return valid;
  // An agreement that can never hold one meeting is refused when proposed, not discovered on the Schedule tab.
  const never = neverOverlapInAgreement(valid.value);
  if (never) {
    const { code, message, ...facts } = never;
    return fail(code, message, { field: 'meetingWindows', details: facts });
  }
  return valid;
}

/** Every rule but whether the windows ever overlap (the agreement preview reports that as a finding). */
export function validateAgreementRules(input: Agreement): Result<Agreement> {
  const meeting = input.meetingMinutes;
  const numbers = checkAgreementNumbers(input);
  if (!numbers.ok) return numbers;
  const cadence = input.cadence;
  const periodDays = cadencePeriodMinDays(cadence);
  if (periodDays * 24 * 60 < meeting) {
    return fail(
      'AGREEMENT.CADENCE_SHORTER_THAN_MEETING',
      `The cadence repeats every ${periodDays} day(s), which is shorter than one ${meeting}-minute meeting. Choose at least 1 day between meetings.`,
      { field: cadence.kind === 'everyNDays' ? 'cadence.days' : 'cadence', details: { periodDays, meetingMinutes: meeting } },
    );
  }

  const first = parseLocalDate(input.firstDate);
  if (first === undefined) {
    return fail('AGREEMENT.BAD_DATE', `The first date "${input.firstDate}" is not a calendar date in the form YYYY-MM-DD.`, { field: 'firstDate' });
  }
  if (input.endDate !== undefined) {
    const end = parseLocalDate(input.endDate);
    if (end === undefined) {
      return fail('AGREEMENT.BAD_DATE', `The end date "${input.endDate}" is not a calendar date in the form YYYY-MM-DD.`, { field: 'endDate' });
    }
    if (end < first) {
      return fail('AGREEMENT.END_DATE_BEFORE_FIRST_DATE', `The end date ${input.endDate} is before the first date ${input.firstDate}.`, {
        field: 'endDate',
      });
    }
  }
  if (input.endDate === undefined && input.meetingCount === undefined) {
    return fail('AGREEMENT.SERIES_UNBOUNDED', 'Give an end date, a number of meetings, or both, so the series knows when to stop.', {
      field: 'endDate',
    });
  }
  if (input.location.kind === 'place' && input.location.name.trim().length === 0) {
    return fail('AGREEMENT.PLACE_NAME_MISSING', 'Name the place where you will meet, or choose an online meeting.', { field: 'location.name' });
  }

  const mentor = validatePerson(input.mentor, 'mentor', meeting);
  if (!mentor.ok) return mentor;
  const mentee = validatePerson(input.mentee, 'mentee', meeting);
  if (!mentee.ok) return mentee;
  if (mentor.value.personId === mentee.value.personId) {
    return fail('AGREEMENT.SAME_PERSON', 'The mentor and the mentee must be two different people.', { field: 'mentee.personId' });
  }

  return ok({ ...input, mentor: mentor.value, mentee: mentee.value });
}

function validatePerson(person: PersonBoundaries, side: 'mentor' | 'mentee', meetingMinutes: number): Result<PersonBoundaries> {
  if (person.personId.trim().length === 0) {
    return fail('AGREEMENT.PERSON_MISSING', `The ${side} is missing.`, { field: `${side}.personId` });
  }
  const zone = resolveTimeZone(person.timeZone, `${side}.timeZone`);
  if (!zone.ok) return zone;

  if (person.meetingWindows.length === 0) {
    return fail('AGREEMENT.NO_MEETING_WINDOWS', `The ${side} has no days or times when they can meet. Add at least one window.`, {
      field: `${side}.meetingWindows`,
    });
  }
  const windows = validateWindows(person.meetingWindows, `${side}.meetingWindows`);
  if (!windows.ok) return windows;
  const longest = longestWeeklyStretch(person.meetingWindows);
  if (longest < meetingMinutes) {
    return fail(
      'AGREEMENT.MEETING_LONGER_THAN_WINDOWS',
      `A ${meetingMinutes}-minute meeting does not fit in any of the ${side}'s windows (the longest is ${longest} minutes). Lengthen a window or shorten the meeting.`,
      { field: `${side}.meetingWindows`, details: { longestWindowMinutes: longest, meetingMinutes } },
    );
  }

  if (person.contactHours.length === 0) {
    return fail('AGREEMENT.NO_CONTACT_HOURS', `The ${side} has no contact hours. Add at least one window when they may be messaged.`, {
      field: `${side}.contactHours`,
    });
  }
  const contact = validateWindows(person.contactHours, `${side}.contactHours`);
  if (!contact.ok) return contact;

  return ok({ ...person, timeZone: zone.value });
}

function validateWindows(windows: readonly WeeklyWindow[], field: string): Result<void> {
  for (const [i, w] of windows.entries()) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      return fail('AGREEMENT.BAD_WEEKDAY', `Weekday ${w.weekday} is not a day of the week (1 = Monday … 7 = Sunday).`, {
        field: `${field}[${i}].weekday`,
      });
    }
    const start = parseLocalTime(w.start);
    if (start === undefined) {
      return fail('AGREEMENT.BAD_TIME', `"${w.start}" is not a time in the form HH:mm (00:00–23:59).`, { field: `${field}[${i}].start` });
    }
    const end = parseLocalTime(w.end);
    if (end === undefined) {
      return fail('AGREEMENT.BAD_TIME', `"${w.end}" is not a time in the form HH:mm (00:00–23:59).`, { field: `${field}[${i}].end` });
    }
    const endsAtMidnight = end === 0;
    if (w.endsNextDay) {
      if (end > start) {
        return fail(
          'AGREEMENT.WINDOW_LONGER_THAN_A_DAY',
          `The window ${w.start}–${w.end} is marked as ending the next day, which would make it longer than a day. Untick "ends the next day" or correct the times.`,
          { field: `${field}[${i}].end` },
        );
      }
    } else if (end === start) {
      return fail('AGREEMENT.WINDOW_END_EQUALS_START', `The window ${w.start}–${w.end} ends when it starts. Give it an end after its start.`, {
        field: `${field}[${i}].end`,
      });
    } else if (end < start && !endsAtMidnight) {
      return fail(
        'AGREEMENT.WINDOW_END_BEFORE_START',
        `The window ${w.start}–${w.end} ends before it starts. If it runs past midnight, mark it as ending the next day.`,
        { field: `${field}[${i}].end` },
      );
    }
  }
  return ok(undefined);
}

/**
 * The longest continuous stretch (minutes) the weekly windows give, joining windows that touch or
 * overlap, also across midnight and from Sunday into Monday.
 */
function longestWeeklyStretch(windows: readonly WeeklyWindow[]): number {
  const WEEK = 7 * 1440;
  const spans: [number, number][] = [];
  for (const w of windows) {
    const start = parseLocalTime(w.start)!;
    let end = parseLocalTime(w.end)!;
    if (end <= start) end += 1440;
    const offset = (w.weekday - 1) * 1440;
    spans.push([offset + start, offset + end], [offset + start + WEEK, offset + end + WEEK]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let longest = 0;
  let curStart = -1;
  let curEnd = -1;
  for (const [s, e] of spans) {
    if (s <= curEnd) curEnd = Math.max(curEnd, e);
    else {
      curStart = s;
      curEnd = e;
    }
    longest = Math.max(longest, Math.min(curEnd - curStart, WEEK));
  }
  return longest;
}
