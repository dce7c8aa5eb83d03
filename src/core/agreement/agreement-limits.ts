/**
 * The bounds of an agreement's numbers. They keep every agreement plannable (a year of dates at
 * most, a meeting that fits a working day) and are shared by the contract (the tab and the API's
 * first check) and by `validateAgreement`, so both refuse the same values with the same code.
 */
import { fail, ok, type DomainError, type Result } from '../result';
import type { Agreement } from './agreement';

export const AGREEMENT_LIMITS = {
  meetingMinutes: { min: 15, max: 240 },
  bufferMinutes: { min: 0, max: 240 },
  /** 30 days. */
  minimumNoticeHours: { min: 0, max: 720 },
  cadenceDays: { min: 1, max: 90 },
  meetingCount: { min: 1, max: 52 },
} as const;

type Numbers = Pick<Agreement, 'meetingMinutes' | 'bufferMinutes' | 'minimumNoticeHours' | 'cadence' | 'meetingCount'>;

const whole = (n: number) => Number.isInteger(n);

/** The first number outside its bounds, with a code and the field to fix; ok when all are inside. */
export function checkAgreementNumbers(a: Numbers): Result<void> {
  const first = agreementNumberProblems(a)[0];
  return first ? { ok: false, error: first } : ok(undefined);
}

/** Every number outside its bounds, one problem per field, in the order of the form. */
export function agreementNumberProblems(a: Numbers): DomainError[] {
  return [meetingProblem(a), cadenceProblem(a), bufferProblem(a), noticeProblem(a), countProblem(a)].flatMap((r) => (r.ok ? [] : [r.error]));
}

function meetingProblem(a: Numbers): Result<void> {
  const L = AGREEMENT_LIMITS;
  const m = a.meetingMinutes;
  if (!whole(m) || m <= 0) {
    return fail('AGREEMENT.MEETING_LENGTH_NOT_POSITIVE', `The meeting length must be a whole number of minutes above zero (got ${m}).`, { field: 'meetingMinutes' });
  }
  if (m < L.meetingMinutes.min) {
    return fail('AGREEMENT.MEETING_TOO_SHORT', `A meeting lasts at least ${L.meetingMinutes.min} minutes (got ${m}).`, { field: 'meetingMinutes' });
  }
  if (m > L.meetingMinutes.max) {
    return fail('AGREEMENT.MEETING_TOO_LONG', `A meeting lasts at most ${L.meetingMinutes.max} minutes, four hours (got ${m}).`, { field: 'meetingMinutes' });
  }
  return ok(undefined);
}

function cadenceProblem(a: Numbers): Result<void> {
  const L = AGREEMENT_LIMITS;
  const m = a.meetingMinutes;
  if (a.cadence.kind === 'everyNDays') {
    const days = a.cadence.days;
    if (!whole(days)) {
      return fail('AGREEMENT.CADENCE_DAYS_NOT_WHOLE', `"Every N days" needs a whole number of days (got ${days}).`, { field: 'cadence.days' });
    }
    if (days < L.cadenceDays.min) {
      return fail(
        'AGREEMENT.CADENCE_SHORTER_THAN_MEETING',
        `The cadence repeats every ${days} day(s), which is shorter than one ${m}-minute meeting. Choose at least 1 day between meetings.`,
        { field: 'cadence.days', details: { periodDays: days, meetingMinutes: m } },
      );
    }
    if (days > L.cadenceDays.max) {
      return fail('AGREEMENT.CADENCE_TOO_LONG', `Meet at least every ${L.cadenceDays.max} days (got every ${days} days).`, { field: 'cadence.days' });
    }
  }
  return ok(undefined);
}

function bufferProblem(a: Numbers): Result<void> {
  const L = AGREEMENT_LIMITS;
  const buffer = a.bufferMinutes;
  if (!Number.isFinite(buffer) || buffer < 0 || !whole(buffer)) {
    return fail('AGREEMENT.BUFFER_NEGATIVE', `The buffer around other meetings must be zero or more whole minutes (got ${buffer}).`, { field: 'bufferMinutes' });
  }
  if (buffer > L.bufferMinutes.max) {
    return fail('AGREEMENT.BUFFER_TOO_LONG', `The buffer around other meetings is at most ${L.bufferMinutes.max} minutes (got ${buffer}).`, { field: 'bufferMinutes' });
  }
  return ok(undefined);
}

function noticeProblem(a: Numbers): Result<void> {
  const L = AGREEMENT_LIMITS;
  const notice = a.minimumNoticeHours;
  if (!Number.isFinite(notice) || notice < 0) {
    return fail('AGREEMENT.NOTICE_NEGATIVE', `The minimum notice must be zero or more hours (got ${notice}).`, { field: 'minimumNoticeHours' });
  }
  if (notice > L.minimumNoticeHours.max) {
    return fail('AGREEMENT.NOTICE_TOO_LONG', `The minimum notice is at most ${L.minimumNoticeHours.max} hours, 30 days (got ${notice}).`, { field: 'minimumNoticeHours' });
  }
  return ok(undefined);
}

function countProblem(a: Numbers): Result<void> {
  const L = AGREEMENT_LIMITS;
  const count = a.meetingCount;
  if (count !== undefined && (!whole(count) || count < L.meetingCount.min)) {
    return fail('AGREEMENT.MEETING_COUNT_INVALID', `The number of meetings must be a whole number of at least 1 (got ${count}).`, { field: 'meetingCount' });
  }
  if (count !== undefined && count > L.meetingCount.max) {
    return fail('AGREEMENT.MEETING_COUNT_TOO_HIGH', `An agreement holds at most ${L.meetingCount.max} meetings, a year of weekly ones (got ${count}). Agree a new one when it is used.`, {
      field: 'meetingCount',
    });
  }
  return ok(undefined);
}
