/**
 * Properties of the scheduler over random agreements and calendars, checked against the plain
 * step-walking checker in boundary-checker.ts (which shares no code with the scheduler):
 * - every proposed slot satisfies every boundary for both people;
 * - a slot is proposed whenever one exists, and when none is, the reason given is true;
 * - a planned series never overlaps busy time, planned meetings or itself, and its reasons are true.
 */
import fc from 'fast-check';
import type { Agreement, Cadence, IsoWeekday, WeeklyWindow } from '../../../src/core/agreement/agreement';
import type { Interval } from '../../../src/core/time/interval';
import { validateAgreementRules } from '../../../src/core/agreement/validate-agreement';
import { proposeSlots } from '../../../src/core/scheduling/propose-slots';
import { planSeries } from '../../../src/core/scheduling/plan-series';
import type { NoSlotReason } from '../../../src/core/scheduling/no-slot-reason';
import type { SchedulingInput } from '../../../src/core/scheduling/scheduling-input';
import { anyFit, fitsAt, insideWeekly, longestRun, STEP, stepFacts, wallClock, withExtraBusy, type Predicate, type StepFacts } from './boundary-checker';
import { win } from './scheduling-fixtures';

const ZONES = [
  'Europe/Warsaw',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'UTC',
];
/** Weeks around the clock changes of 2026 (US 8 Mar / 1 Nov, EU 29 Mar / 25 Oct, southern 5 Apr / 27 Sep). */
const BASES = ['2026-03-04', '2026-03-25', '2026-04-02', '2026-09-24', '2026-10-22', '2026-10-29', '2026-06-10'].map(
  (d) => Date.parse(`${d}T00:00:00Z`),
);
const DAY = 86_400_000;
const MIN = 60_000;

const hhmm = (m: number): string => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const windowArb: fc.Arbitrary<WeeklyWindow> = fc
  .record({
    weekday: fc.integer({ min: 1, max: 7 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 2, max: 64 }),
  })
  .map(({ weekday, start, length }) => win(weekday as IsoWeekday, hhmm(start * 15), hhmm((start * 15 + length * 15) % 1440)));

/** Mostly a person's usual shape (the same hours on several days), sometimes odd single windows. */
const windowsArb: fc.Arbitrary<WeeklyWindow[]> = fc
  .record({
    days: fc.subarray([1, 2, 3, 4, 5, 6, 7] as IsoWeekday[], { minLength: 3 }),
    start: fc.integer({ min: 0, max: 95 }),
    length: fc.integer({ min: 8, max: 80 }),
    extra: fc.array(windowArb, { maxLength: 2 }),
  })
  .map(({ days, start, length, extra }) => [
    ...days.map((weekday) => win(weekday, hhmm(start * 15), hhmm((start * 15 + length * 15) % 1440))),
    ...extra,
  ]);

const busyItemArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ at: fc.integer({ min: 0, max: (14 * DAY) / STEP }), length: fc.integer({ min: 1, max: 48 }) }) },
  { weight: 1, arbitrary: fc.record({ at: fc.integer({ min: 0, max: (14 * DAY) / STEP }), length: fc.integer({ min: 48, max: 1200 }) }) },
);

const cadenceArb: fc.Arbitrary<Cadence> = fc.oneof(
  fc.constant<Cadence>({ kind: 'weekly' }),
  fc.constant<Cadence>({ kind: 'biweekly' }),
  fc.constant<Cadence>({ kind: 'monthly' }),
  fc.integer({ min: 1, max: 10 }).map<Cadence>((days) => ({ kind: 'everyNDays', days })),
);

const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

const scenarioArb: fc.Arbitrary<SchedulingInput> = fc
  .record({
    base: fc.constantFrom(...BASES),
    nowSteps: fc.integer({ min: 0, max: (2 * DAY) / STEP }),
    horizonDays: fc.integer({ min: 3, max: 12 }),
    mentorZone: fc.constantFrom(...ZONES),
    menteeZone: fc.constantFrom(...ZONES),
    mentorWindows: windowsArb,
    menteeWindows: windowsArb,
    mentorWorking: fc.option(windowsArb, { nil: undefined }),
    menteeWorking: fc.option(windowsArb, { nil: undefined }),
    respectWorkingHours: fc.boolean(),
    meetingSteps: fc.integer({ min: 3, max: 24 }),
    bufferSteps: fc.integer({ min: 0, max: 6 }),
    noticeHours: fc.oneof(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 24, max: 240 })),
    firstOffsetDays: fc.integer({ min: -3, max: 4 }),
    endAfterDays: fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }),
    meetingCount: fc.option(fc.integer({ min: 3, max: 12 }), { nil: undefined }),
    cadence: cadenceArb,
    busyA: fc.array(busyItemArb, { maxLength: 25 }),
    busyB: fc.array(busyItemArb, { maxLength: 25 }),
    planned: fc.array(fc.record({ at: fc.integer({ min: 0, max: (14 * DAY) / STEP }), length: fc.integer({ min: 3, max: 24 }) }), { maxLength: 2 }),
    previous: fc.array(fc.record({ daysAgo: fc.integer({ min: 1, max: 30 }), at: fc.integer({ min: 0, max: 287 }) }), { maxLength: 2 }),
  })
  .map((s) => {
    const now = s.base + s.nowSteps * STEP;
    const horizon = { start: s.base, end: s.base + s.horizonDays * DAY };
    const toIntervals = (list: { at: number; length: number }[]): Interval[] =>
      list.map(({ at, length }) => ({ start: s.base + at * STEP, end: s.base + (at + length) * STEP }));
    const firstDate = isoDate(s.base + s.firstOffsetDays * DAY);
    const hasEnd = s.endAfterDays !== undefined || s.meetingCount === undefined;
    const endDate = hasEnd ? isoDate(s.base + (s.firstOffsetDays + (s.endAfterDays ?? 7)) * DAY) : undefined;
    const meetingMinutes = (s.meetingSteps * STEP) / MIN;
    const contact = [{ weekday: 1 as IsoWeekday, start: '09:00', end: '17:00' }];
    const raw: Agreement = {
      cadence: s.cadence,
      meetingMinutes,
      bufferMinutes: (s.bufferSteps * STEP) / MIN,
      minimumNoticeHours: s.noticeHours,
      respectWorkingHours: s.respectWorkingHours,
      firstDate,
      ...(endDate !== undefined ? { endDate } : {}),
      ...(s.meetingCount !== undefined ? { meetingCount: s.meetingCount } : {}),
      location: { kind: 'online' },
      mentor: { personId: 'mentor', timeZone: s.mentorZone, meetingWindows: s.mentorWindows, contactChannel: 'teamsChat', contactHours: contact },
      mentee: { personId: 'mentee', timeZone: s.menteeZone, meetingWindows: s.menteeWindows, contactChannel: 'email', contactHours: contact },
    };
    const previous = s.previous.map(({ daysAgo, at }) => {
      const start = s.base - daysAgo * DAY + at * STEP;
      return { start, end: start + meetingMinutes * MIN };
    });
    return {
      agreement: raw,
      calendars: {
        mentor: { personId: 'mentor', timeZone: s.mentorZone, busy: toIntervals(s.busyA), ...(s.mentorWorking ? { workingHours: s.mentorWorking } : {}) },
        mentee: { personId: 'mentee', timeZone: s.menteeZone, busy: toIntervals(s.busyB), ...(s.menteeWorking ? { workingHours: s.menteeWorking } : {}) },
      },
      now,
      horizon,
      plannedMeetings: toIntervals(s.planned),
      previousMeetings: previous,
      options: { granularityMinutes: 15, maxSlots: 1000 },
    } satisfies SchedulingInput;
  })
  // Every rule but the overlap: agreements signed before proposals were refused for never overlapping still reach the planner.
  .filter((i) => validateAgreementRules(i.agreement).ok);

interface Predicates {
  readonly range: Predicate;
  readonly windows: Predicate;
  readonly working: Predicate;
  readonly all: Predicate;
  readonly withoutBusy: Predicate;
  readonly noticeOk: Predicate;
}

function predicates(input: SchedulingInput, f: StepFacts): Predicates {
  const earliest = input.now + input.agreement.minimumNoticeHours * 3_600_000;
  const range: Predicate = (i) => f.dates[i]!;
  const windows: Predicate = (i) => f.dates[i]! && f.windows[i]!;
  const working: Predicate = (i) => windows(i) && f.working[i]!;
  return {
    range,
    windows,
    working,
    withoutBusy: working,
    all: (i) => working(i) && f.mentorFree[i]! && f.menteeFree[i]! && f.plannedFree[i]!,
    noticeOk: (i) => f.base + i * STEP >= earliest,
  };
}

const stepIndex = (f: StepFacts, t: number): number => (t - f.base) / STEP;

/** Asserts that `reason` is true of the searched steps [fromIndex, toIndex). */
function expectTrueReason(input: SchedulingInput, f: StepFacts, reason: NoSlotReason, fromIndex: number, toIndex: number): void {
  const a = input.agreement;
  const steps = (a.meetingMinutes * MIN) / STEP;
  const p = predicates(input, f);
  const fits = (ok: Predicate, startOk: Predicate = () => true): boolean => anyFit(f, steps, ok, fromIndex, toIndex, startOk);
  switch (reason.code) {
    case 'SCHEDULING.MEETING_COUNT_REACHED':
      expect(a.meetingCount).toBeDefined();
      expect((input.previousMeetings?.length ?? 0) + (input.plannedMeetings?.length ?? 0)).toBeGreaterThanOrEqual(a.meetingCount!);
      return;
    case 'SCHEDULING.END_DATE_REACHED': {
      // From the later of now and the horizon's start, no moment lies within the agreement's dates.
      const from = Math.max(0, Math.ceil(stepIndex(f, Math.max(input.now, input.horizon.start))));
      expect(longestRun(f, p.range, from, f.count)).toBe(0);
      expect(a.endDate).toBeDefined();
      return;
    }
    case 'SCHEDULING.BEFORE_FIRST_DATE':
      expect(longestRun(f, p.range, 0, f.count)).toBe(0);
      return;
    case 'SCHEDULING.WINDOWS_NEVER_OVERLAP': {
      expect(fits(p.windows)).toBe(false);
      const here = (longestRun(f, p.windows, fromIndex, toIndex) * STEP) / MIN;
      // Said of the whole agreement (beyond this search) when no week of it holds a meeting: at least as long, still too short.
      const wider = reason.searched.start < f.base + fromIndex * STEP || reason.searched.end > f.base + toIndex * STEP;
      if (wider) {
        expect(reason.longestOverlapMinutes).toBeGreaterThanOrEqual(here);
        expect(reason.longestOverlapMinutes).toBeLessThan(a.meetingMinutes);
      } else expect(reason.longestOverlapMinutes).toBe(here);
      return;
    }
    case 'SCHEDULING.NOTICE_RULES_OUT_PERIOD':
      expect(fits(p.windows)).toBe(true);
      expect(fits(p.windows, p.noticeOk)).toBe(false);
      return;
    case 'SCHEDULING.OUTSIDE_WORKING_HOURS': {
      expect(fits(p.windows, p.noticeOk)).toBe(true);
      expect(fits(p.working, p.noticeOk)).toBe(false);
      if (reason.people.length === 1) {
        const alone: Predicate = reason.people[0] === 'mentor' ? (i) => p.windows(i) && f.mentorWorking[i]! : (i) => p.windows(i) && f.menteeWorking[i]!;
        expect(fits(alone, p.noticeOk)).toBe(false);
      }
      return;
    }
    case 'SCHEDULING.HORIZON_FULLY_BUSY': {
      expect(fits(p.working, p.noticeOk)).toBe(true);
      expect(fits(p.all, p.noticeOk)).toBe(false);
      for (const who of reason.blockedBy) {
        const free = who === 'mentor' ? f.mentorFree : who === 'mentee' ? f.menteeFree : f.plannedFree;
        expect(fits((i) => p.working(i) && free[i]!, p.noticeOk)).toBe(false);
      }
      return;
    }
  }
}

const RUNS = { numRuns: 120, seed: 20260302 };

describe('proposeSlots (properties)', () => {
  it('proposes only slots inside every boundary for both people, finds one whenever one exists, and explains truly when none does', () => {
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const input = { ...raw, agreement: (validateAgreementRules(raw.agreement) as { value: Agreement }).value };
        const f = stepFacts(input);
        const steps = (input.agreement.meetingMinutes * MIN) / STEP;
        const p = predicates(input, f);
        const result = proposeSlots(input);
        const countReached =
          input.agreement.meetingCount !== undefined &&
          (input.previousMeetings?.length ?? 0) + (input.plannedMeetings?.length ?? 0) >= input.agreement.meetingCount;
        if (result.ok) {
          expect(countReached).toBe(false);
          expect(result.value.slots.length).toBeGreaterThan(0);
          // Ranked: never a slot farther from the cadence's target date (mentor's calendar) before a nearer one.
          const distances = result.value.slots.map((slot) =>
            Math.abs(Date.parse(wallClock(input.agreement.mentor.timeZone, slot.start).date) - Date.parse(result.value.targetDate)) / DAY,
          );
          for (let k = 1; k < distances.length; k++) expect(distances[k]!).toBeGreaterThanOrEqual(distances[k - 1]!);
          for (const slot of result.value.slots) {
            expect(slot.end - slot.start).toBe(input.agreement.meetingMinutes * MIN);
            const i = stepIndex(f, slot.start);
            expect(Number.isInteger(i)).toBe(true);
            expect(p.noticeOk(i)).toBe(true);
            expect(fitsAt(f, steps, p.all, i)).toBe(true);
          }
        } else {
          if (!countReached) expect(anyFit(f, steps, p.all, 0, f.count, p.noticeOk)).toBe(false);
          expectTrueReason(input, f, result.error, 0, f.count);
        }
      }),
      RUNS,
    );
  });
});

describe('planSeries (properties)', () => {
  it('never double-books, keeps each meeting in its period and inside every boundary, and explains empty periods truly', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 6 }), (raw, count) => {
        const input = { ...raw, agreement: (validateAgreementRules(raw.agreement) as { value: Agreement }).value };
        const plan = planSeries({ ...input, count });
        const a = input.agreement;
        const buffer = a.bufferMinutes * MIN;
        const steps = (a.meetingMinutes * MIN) / STEP;
        expect(plan.entries.length).toBeLessThanOrEqual(count);
        if (a.meetingCount !== undefined) {
          const soFar = (input.previousMeetings?.length ?? 0) + (input.plannedMeetings?.length ?? 0);
          expect(plan.meetings.length).toBeLessThanOrEqual(Math.max(0, a.meetingCount - soFar));
        }
        for (let i = 0; i < plan.meetings.length; i++) {
          for (let j = i + 1; j < plan.meetings.length; j++) {
            const x = plan.meetings[i]!;
            const y = plan.meetings[j]!;
            expect(x.end + buffer <= y.start || y.end + buffer <= x.start).toBe(true);
          }
        }
        const base = stepFacts(input);
        const chosen: Interval[] = [];
        for (const entry of plan.entries) {
          const f = chosen.length === 0 ? base : withExtraBusy(base, input, chosen);
          const from = Math.max(0, Math.ceil(stepIndex(f, entry.period.start)));
          const to = Math.min(f.count, Math.floor(stepIndex(f, entry.period.end)));
          if (entry.ok) {
            expect(entry.slot.start).toBeGreaterThanOrEqual(entry.period.start);
            expect(entry.slot.end).toBeLessThanOrEqual(entry.period.end);
            const i = stepIndex(f, entry.slot.start);
            const pf = predicates(input, f);
            expect(pf.noticeOk(i)).toBe(true);
            expect(fitsAt(f, steps, pf.all, i)).toBe(true);
            chosen.push(entry.slot);
          } else {
            const pf = predicates(input, f);
            expect(anyFit(f, steps, pf.all, from, to, pf.noticeOk)).toBe(false);
            expectTrueReason(input, f, entry.reason, from, to);
          }
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
  });
});

/**
 * The first true cause (issue 10): windows that never hold a meeting in any week of the agreement come
 * before everything, BEFORE_FIRST_DATE is never the answer when they do, and nothing is deferred to a
 * later that cannot hold it. Checked against a plain walk over the agreement's whole dates in 5-minute
 * steps (both people's wall clocks), sharing no code with the planner.
 */
describe('planSeries: the most fundamental true reason (properties)', () => {
  const firstCauseArb = fc
    .record({
      base: fc.constantFrom(...BASES),
      horizonDays: fc.integer({ min: 3, max: 12 }),
      firstOffsetDays: fc.integer({ min: 0, max: 30 }),
      mentorZone: fc.constantFrom(...ZONES),
      menteeZone: fc.constantFrom(...ZONES),
      mentorWindows: fc.oneof(windowsArb, fc.array(windowArb, { minLength: 1, maxLength: 2 })),
      menteeWindows: fc.oneof(windowsArb, fc.array(windowArb, { minLength: 1, maxLength: 2 })),
      meetingSteps: fc.integer({ min: 3, max: 24 }),
      meetingCount: fc.integer({ min: 1, max: 4 }),
      biweekly: fc.boolean(),
    })
    .map((s) => {
      const contact = [{ weekday: 1 as IsoWeekday, start: '09:00', end: '17:00' }];
      const agreement: Agreement = {
        cadence: { kind: s.biweekly ? 'biweekly' : 'weekly' },
        meetingMinutes: (s.meetingSteps * STEP) / MIN,
        bufferMinutes: 0,
        minimumNoticeHours: 0,
        respectWorkingHours: false,
        firstDate: isoDate(s.base + s.firstOffsetDays * DAY),
        meetingCount: s.meetingCount,
        location: { kind: 'online' },
        mentor: { personId: 'mentor', timeZone: s.mentorZone, meetingWindows: s.mentorWindows, contactChannel: 'teamsChat', contactHours: contact },
        mentee: { personId: 'mentee', timeZone: s.menteeZone, meetingWindows: s.menteeWindows, contactChannel: 'email', contactHours: contact },
      };
      const input: SchedulingInput = {
        agreement,
        calendars: { mentor: { personId: 'mentor', timeZone: s.mentorZone, busy: [] }, mentee: { personId: 'mentee', timeZone: s.menteeZone, busy: [] } },
        now: s.base,
        horizon: { start: s.base, end: s.base + s.horizonDays * DAY },
        options: { granularityMinutes: 15 },
      };
      return { input, count: s.meetingCount };
    })
    .filter(({ input }) => validateAgreementRules(input.agreement).ok);

  /** Whether both windows share `steps` consecutive steps on some day of the agreement (its dates: first date to the last meeting's period, and a year at most). */
  function overlapsSomewhere(input: SchedulingInput): boolean {
    const a = input.agreement;
    // Window edges and zone offsets all fall on a 15-minute grid, so 15-minute steps see every overlap.
    const step = 15 * MIN;
    const steps = Math.ceil((a.meetingMinutes * MIN) / step);
    const periods = a.meetingCount! * (a.cadence.kind === 'biweekly' ? 14 : 7);
    const from = Date.parse(`${a.firstDate}T00:00:00Z`) - 2 * DAY;
    const to = from + (periods + 5) * DAY;
    const last = isoDate(Date.parse(`${a.firstDate}T00:00:00Z`) + periods * DAY);
    let run = 0;
    for (let t = from; t < to; t += step) {
      const m = wallClock(a.mentor.timeZone, t);
      const e = wallClock(a.mentee.timeZone, t);
      const inDates = m.date >= a.firstDate && e.date >= a.firstDate && m.date <= last && e.date <= last;
      run = inDates && insideWeekly(a.mentor.meetingWindows, m) && insideWeekly(a.mentee.meetingWindows, e) ? run + 1 : 0;
      if (run >= steps) return true;
    }
    return false;
  }

  it('names windows that never overlap first, never BEFORE_FIRST_DATE when they do, and defers only what can be held', () => {
    fc.assert(
      fc.property(firstCauseArb, ({ input, count }) => {
        const agreement = (validateAgreementRules(input.agreement) as { value: Agreement }).value;
        const plan = planSeries({ ...input, agreement, count });
        const overlaps = overlapsSomewhere({ ...input, agreement });
        const reasons = [plan.reason, ...plan.entries.flatMap((e) => (e.ok ? [] : [e.reason]))].filter((r): r is NoSlotReason => r !== undefined);
        if (!overlaps) {
          expect(plan.meetings).toEqual([]);
          expect(plan.deferred).toEqual([]);
          expect(reasons.length).toBeGreaterThan(0);
          expect(reasons.every((r) => r.code === 'SCHEDULING.WINDOWS_NEVER_OVERLAP')).toBe(true);
        }
        if (plan.reason?.code === 'SCHEDULING.WINDOWS_NEVER_OVERLAP') expect(overlaps).toBe(false);
        // A first date beyond the search only ever defers the whole series (booked later); it explains no meeting.
        if (plan.reason?.code === 'SCHEDULING.BEFORE_FIRST_DATE') {
          expect(overlaps).toBe(true);
          expect(plan.deferred.length + plan.afterEndDate.length).toBe(count);
        }
        expect(plan.entries.some((e) => !e.ok && e.reason.code === 'SCHEDULING.BEFORE_FIRST_DATE')).toBe(false);
        // Every meeting asked for is accounted for: planned or explained in the horizon, deferred, or past the end.
        if (plan.reason === undefined) expect(plan.entries.length + plan.deferred.length + plan.afterEndDate.length).toBe(count);
      }),
      { numRuns: 80, seed: 1010 },
    );
  });
});
