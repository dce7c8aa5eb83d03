/**
 * An independent, deliberately plain checker for the property tests. It shares no code with the
 * scheduler: it walks the horizon in 5-minute steps, asks Intl what each person's wall clock shows at
 * every step, and tests each boundary directly. (All generated inputs lie on a 5-minute grid.)
 */
import type { Agreement, WeeklyWindow } from '../../../src/core/agreement/agreement';
import type { Interval } from '../../../src/core/time/interval';
import type { SchedulingInput } from '../../../src/core/scheduling/scheduling-input';

export const STEP = 5 * 60_000;

interface Wall {
  readonly weekday: number;
  readonly minutes: number;
  readonly date: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const memo = new Map<string, Map<number, Wall>>();

/** What a wall clock in `zone` shows at `t`, straight from Intl (memoised: the tests revisit the same weeks). */
export function wallClock(zone: string, t: number): Wall {
  let zoneMemo = memo.get(zone);
  if (!zoneMemo) {
    zoneMemo = new Map();
    memo.set(zone, zoneMemo);
  }
  let wall = zoneMemo.get(t);
  if (!wall) {
    wall = readWallClock(zone, t);
    zoneMemo.set(t, wall);
  }
  return wall;
}

function readWallClock(zone: string, t: number): Wall {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(t).map((p) => [p.type, p.value]));
  return {
    weekday: WEEKDAYS[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function insideWeekly(windows: readonly WeeklyWindow[], wall: Wall): boolean {
  return windows.some((w) => {
    const s = toMinutes(w.start);
    const e = toMinutes(w.end);
    if (e > s) return wall.weekday === w.weekday && wall.minutes >= s && wall.minutes < e;
    const nextDay = (w.weekday % 7) + 1;
    return (wall.weekday === w.weekday && wall.minutes >= s) || (wall.weekday === nextDay && wall.minutes < e);
  });
}

const blocked = (intervals: readonly Interval[], buffer: number, t: number): boolean =>
  intervals.some((b) => t + STEP > b.start - buffer && t < b.end + buffer);

/** Per-step facts over the horizon. */
export interface StepFacts {
  readonly base: number;
  readonly count: number;
  readonly dates: boolean[];
  readonly windows: boolean[];
  readonly working: boolean[];
  readonly mentorWorking: boolean[];
  readonly menteeWorking: boolean[];
  readonly mentorFree: boolean[];
  readonly menteeFree: boolean[];
  readonly plannedFree: boolean[];
}

/** The same facts with more meetings to keep clear of (e.g. the earlier meetings of a series). */
export function withExtraBusy(f: StepFacts, input: SchedulingInput, extraBusy: readonly Interval[]): StepFacts {
  const buffer = input.agreement.bufferMinutes * 60_000;
  const planned = [...(input.plannedMeetings ?? []), ...extraBusy];
  return { ...f, plannedFree: f.plannedFree.map((_, i) => !blocked(planned, buffer, f.base + i * STEP)) };
}

export function stepFacts(input: SchedulingInput, extraBusy: readonly Interval[] = []): StepFacts {
  const a: Agreement = input.agreement;
  const buffer = a.bufferMinutes * 60_000;
  const base = input.horizon.start;
  const count = Math.floor((input.horizon.end - base) / STEP);
  const f: StepFacts = {
    base,
    count,
    dates: [],
    windows: [],
    working: [],
    mentorWorking: [],
    menteeWorking: [],
    mentorFree: [],
    menteeFree: [],
    plannedFree: [],
  };
  const mentorCal = input.calendars.mentor;
  const menteeCal = input.calendars.mentee;
  for (let i = 0; i < count; i++) {
    const t = base + i * STEP;
    const mentorWall = wallClock(a.mentor.timeZone, t);
    const menteeWall = wallClock(a.mentee.timeZone, t);
    const dateOk = (d: string): boolean => d >= a.firstDate && (a.endDate === undefined || d <= a.endDate);
    f.dates.push(dateOk(mentorWall.date) && dateOk(menteeWall.date));
    f.windows.push(insideWeekly(a.mentor.meetingWindows, mentorWall) && insideWeekly(a.mentee.meetingWindows, menteeWall));
    const mw = !a.respectWorkingHours || !mentorCal.workingHours || insideWeekly(mentorCal.workingHours, wallClock(mentorCal.timeZone, t));
    const ew = !a.respectWorkingHours || !menteeCal.workingHours || insideWeekly(menteeCal.workingHours, wallClock(menteeCal.timeZone, t));
    f.mentorWorking.push(mw);
    f.menteeWorking.push(ew);
    f.working.push(mw && ew);
    f.mentorFree.push(!blocked(mentorCal.busy, buffer, t));
    f.menteeFree.push(!blocked(menteeCal.busy, buffer, t));
    f.plannedFree.push(!blocked([...(input.plannedMeetings ?? []), ...extraBusy], buffer, t));
  }
  return f;
}

export type Predicate = (i: number) => boolean;

/** Whether a meeting fits at step index `i` (every step of it satisfies `ok`). */
export function fitsAt(f: StepFacts, meetingSteps: number, ok: Predicate, i: number): boolean {
  if (i < 0 || i + meetingSteps > f.count) return false;
  for (let k = i; k < i + meetingSteps; k++) if (!ok(k)) return false;
  return true;
}

/** Every start (as step index) in [from, to) where a meeting fits. */
export function anyFit(f: StepFacts, meetingSteps: number, ok: Predicate, fromIndex = 0, toIndex = f.count, startOk: Predicate = () => true): boolean {
  for (let i = Math.max(0, fromIndex); i + meetingSteps <= Math.min(f.count, toIndex); i++) {
    if (startOk(i) && fitsAt(f, meetingSteps, ok, i)) return true;
  }
  return false;
}

/** The longest run (in steps) of `ok` between the step indexes. */
export function longestRun(f: StepFacts, ok: Predicate, fromIndex = 0, toIndex = f.count): number {
  let best = 0;
  let run = 0;
  for (let i = Math.max(0, fromIndex); i < Math.min(f.count, toIndex); i++) {
    run = ok(i) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
