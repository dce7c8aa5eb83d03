import { fail, ok, type DomainError, type Result } from '../result';
import { resolveTimeZone } from '../time/zones';
import { parseLocalDate, parseLocalTime } from '../time/civil-date';
import { cadencePeriodMinDays } from './cadence';
import { agreementNumberProblems } from './agreement-limits';
import { neverOverlapInAgreement } from '../scheduling/agreement-overlap';
import type { Agreement, PersonBoundaries, WeeklyWindow } from './agreement';

/** One broken rule of an agreement, as the API lists it in `details.problems`. */
export interface AgreementProblem {
  readonly field: string;
  readonly code: DomainError['code'];
  readonly message: string;
}

/**
 * The rules an agreement must meet before anyone signs it. The shape (types, required fields) is
 * checked by the contracts at the edge; this checks meaning. Every broken rule is found at once: the
 * answer is the first (stable code, the field to fix) with all of them in `details.problems`, so a
 * form can show each at its field. Zones must be IANA names and come back in their current spelling
 * (Asia/Calcutta becomes Asia/Kolkata).
 */
export function validateAgreement(input: Agreement): Result<Agreement> {
  const valid = validateAgreementRules(input);
  if (!valid.ok) return valid;
  // An agreement that can never hold one meeting is refused when proposed, not discovered on the Schedule tab.
  const never = neverOverlapInAgreement(valid.value);
  if (never) {
    const { code, message, ...facts } = never;
    return fail(code, message, { field: 'meetingWindows', details: { ...facts, problems: [{ field: 'meetingWindows', code, message }] } });
  }
  return valid;
}

/** Every rule but whether the windows ever overlap (the agreement preview reports that as a finding). */
export function validateAgreementRules(input: Agreement): Result<Agreement> {
  const found = agreementRuleProblems(input);
  const first = found[0];
  if (first) {
    const problems: AgreementProblem[] = found.map((p) => ({ field: p.field ?? '', code: p.code, message: p.message }));
    return { ok: false, error: { ...first, details: { ...first.details, problems } } };
  }
  return ok({ ...input, mentor: { ...input.mentor, timeZone: currentZone(input.mentor.timeZone) }, mentee: { ...input.mentee, timeZone: currentZone(input.mentee.timeZone) } });
}

const currentZone = (zone: string): string => {
  const resolved = resolveTimeZone(zone);
  return resolved.ok ? resolved.value : zone;
};

/** Every broken rule, in the order of the form; an empty list when the agreement is sound (overlap aside). */
export function agreementRuleProblems(input: Agreement): DomainError[] {
  const meeting = input.meetingMinutes;
  const problems: DomainError[] = [...agreementNumberProblems(input)];
  const numbersAt = new Set(problems.map((p) => p.field));
  const add = (r: Result<unknown>) => {
    if (!r.ok) problems.push(r.error);
  };
  const meetingKnown = !numbersAt.has('meetingMinutes');
  const cadence = input.cadence;
  const periodDays = cadencePeriodMinDays(cadence);
  if (meetingKnown && !numbersAt.has('cadence.days') && periodDays * 24 * 60 < meeting) {
    add(
      fail(
        'AGREEMENT.CADENCE_SHORTER_THAN_MEETING',
        `The cadence repeats every ${periodDays} day(s), which is shorter than one ${meeting}-minute meeting. Choose at least 1 day between meetings.`,
        { field: cadence.kind === 'everyNDays' ? 'cadence.days' : 'cadence', details: { periodDays, meetingMinutes: meeting } },
      ),
    );
  }

  const first = parseLocalDate(input.firstDate);
  if (first === undefined) {
    add(fail('AGREEMENT.BAD_DATE', `The first date "${input.firstDate}" is not a calendar date in the form YYYY-MM-DD.`, { field: 'firstDate' }));
  }
  if (input.endDate !== undefined) {
    const end = parseLocalDate(input.endDate);
    if (end === undefined) {
      add(fail('AGREEMENT.BAD_DATE', `The end date "${input.endDate}" is not a calendar date in the form YYYY-MM-DD.`, { field: 'endDate' }));
    } else if (first !== undefined && end < first) {
      add(fail('AGREEMENT.END_DATE_BEFORE_FIRST_DATE', `The end date ${input.endDate} is before the first date ${input.firstDate}.`, { field: 'endDate' }));
    }
  }
  if (input.endDate === undefined && input.meetingCount === undefined) {
    add(fail('AGREEMENT.SERIES_UNBOUNDED', 'Give an end date, a number of meetings, or both, so the series knows when to stop.', { field: 'endDate' }));
  }
  if (input.location.kind === 'place' && input.location.name.trim().length === 0) {
    add(fail('AGREEMENT.PLACE_NAME_MISSING', 'Name the place where you will meet, or choose an online meeting.', { field: 'location.name' }));
  }

  problems.push(...personProblems(input.mentor, 'mentor', meetingKnown ? meeting : undefined));
  problems.push(...personProblems(input.mentee, 'mentee', meetingKnown ? meeting : undefined));
  if (input.mentor.personId.trim().length > 0 && input.mentor.personId === input.mentee.personId) {
    add(fail('AGREEMENT.SAME_PERSON', 'The mentor and the mentee must be two different people.', { field: 'mentee.personId' }));
  }
  return problems;
}

/** One person's broken rules; whether a meeting fits their windows only once the windows and the length are sound. */
function personProblems(person: PersonBoundaries, side: 'mentor' | 'mentee', meetingMinutes: number | undefined): DomainError[] {
  const problems: DomainError[] = [];
  if (person.personId.trim().length === 0) {
    problems.push(fail('AGREEMENT.PERSON_MISSING', `The ${side} is missing.`, { field: `${side}.personId` }).error);
  }
  const zone = resolveTimeZone(person.timeZone, `${side}.timeZone`);
  if (!zone.ok) problems.push(zone.error);

  if (person.meetingWindows.length === 0) {
    problems.push(
      fail('AGREEMENT.NO_MEETING_WINDOWS', `The ${side} has no days or times when they can meet. Add at least one window.`, { field: `${side}.meetingWindows` }).error,
    );
  } else {
    const windows = windowProblems(person.meetingWindows, `${side}.meetingWindows`);
    problems.push(...windows);
    const longest = windows.length === 0 && meetingMinutes !== undefined ? longestWeeklyStretch(person.meetingWindows) : Infinity;
    if (meetingMinutes !== undefined && longest < meetingMinutes) {
      problems.push(
        fail(
          'AGREEMENT.MEETING_LONGER_THAN_WINDOWS',
          `A ${meetingMinutes}-minute meeting does not fit in any of the ${side}'s windows (the longest is ${longest} minutes). Lengthen a window or shorten the meeting.`,
          { field: `${side}.meetingWindows`, details: { longestWindowMinutes: longest, meetingMinutes } },
        ).error,
      );
    }
  }

  if (person.contactHours.length === 0) {
    problems.push(
      fail('AGREEMENT.NO_CONTACT_HOURS', `The ${side} has no contact hours. Add at least one window when they may be messaged.`, { field: `${side}.contactHours` }).error,
    );
  } else {
    problems.push(...windowProblems(person.contactHours, `${side}.contactHours`));
  }
  return problems;
}

/** Each window's problems: a bad weekday, a bad start, a bad end, or an end that does not follow the start. */
export function windowProblems(windows: readonly WeeklyWindow[], field: string): DomainError[] {
  const problems: DomainError[] = [];
  for (const [i, w] of windows.entries()) {
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      problems.push(fail('AGREEMENT.BAD_WEEKDAY', `Weekday ${w.weekday} is not a day of the week (1 = Monday … 7 = Sunday).`, { field: `${field}[${i}].weekday` }).error);
    }
    const start = parseLocalTime(w.start);
    if (start === undefined) {
      problems.push(fail('AGREEMENT.BAD_TIME', `"${w.start}" is not a time in the form HH:mm (00:00–23:59).`, { field: `${field}[${i}].start` }).error);
    }
    const end = parseLocalTime(w.end);
    if (end === undefined) {
      problems.push(fail('AGREEMENT.BAD_TIME', `"${w.end}" is not a time in the form HH:mm (00:00–23:59).`, { field: `${field}[${i}].end` }).error);
    }
    if (start === undefined || end === undefined) continue;
    const endsAtMidnight = end === 0;
    if (w.endsNextDay) {
      if (end > start) {
        problems.push(
          fail(
            'AGREEMENT.WINDOW_LONGER_THAN_A_DAY',
            `The window ${w.start}–${w.end} is marked as ending the next day, which would make it longer than a day. Untick "ends the next day" or correct the times.`,
            { field: `${field}[${i}].end` },
          ).error,
        );
      }
    } else if (end === start) {
      problems.push(
        fail('AGREEMENT.WINDOW_END_EQUALS_START', `The window ${w.start}–${w.end} ends when it starts. Give it an end after its start.`, { field: `${field}[${i}].end` }).error,
      );
    } else if (end < start && !endsAtMidnight) {
      problems.push(
        fail(
          'AGREEMENT.WINDOW_END_BEFORE_START',
          `The window ${w.start}–${w.end} ends before it starts. If it runs past midnight, mark it as ending the next day.`,
          { field: `${field}[${i}].end` },
        ).error,
      );
    }
  }
  return problems;
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
