/**
 * Scheduling benchmarks (`npm run bench -- scheduling`), planSeries on the real, cold path:
 * - plan-series-pair-median: one pair, 90-day horizon from a `now` that varies per pair (any hour of
 *   three years, so clock changes and uncached days come up), 300 busy intervals each, plan 6
 *   meetings; one pair in ten has no slot at all (calendars full in every shared window, or, one in
 *   twenty, windows that never overlap), so the explaining path is timed too.
 * - plan-series-52-weekly-median: one pair's full year of weekly meetings (52, a 366-day horizon),
 *   ~300 busy items each spread over that year, same varying `now`.
 * - plan-cohort-10000-pairs: 10,000 pairs of the first kind one after another on one core (generating
 *   each pair's calendars is inside the timing, so the figure is an upper bound for planning alone).
 * - plan-cohort-10000-pairs-cpu: the cohort's CPU time (the wall time above suffers when the machine is shared).
 * - plan-cohort-meetings-planned / plan-cohort-pairs-without-slot: sanity figures.
 * - plan-cohort-peak-rss: the process's peak resident memory after the cohort.
 * Every pair is built fresh (its own window arrays, so the per-agreement parse cache is cold; no input is
 * timed twice). Budgets: pair median ≤ 1 ms, 52 weekly median ≤ 2 ms, cohort ≤ 10 s.
 */
import { performance } from 'node:perf_hooks';
import type { Report } from './run';
import type { Agreement, WeeklyWindow } from '../src/core/agreement/agreement';
import type { PersonCalendar } from '../src/core/ports/calendar';
import { DAY, HOUR, MINUTE, type Interval } from '../src/core/time/interval';
import { planSeries, type PlanSeriesInput } from '../src/core/scheduling/plan-series';

/** `now` varies per pair over three years from here (Monday 2026-03-02 08:00Z). */
const EPOCH = Date.UTC(2026, 2, 2, 8, 0);
const BUSY_PER_PERSON = 300;

const ZONE_PAIRS: readonly (readonly [string, string])[] = [
  ['Europe/Warsaw', 'America/New_York'],
  ['Europe/London', 'Asia/Kolkata'],
  ['America/Los_Angeles', 'America/Chicago'],
  ['Asia/Kathmandu', 'Europe/Berlin'],
  ['Europe/Paris', 'Europe/Paris'],
  ['Australia/Lord_Howe', 'America/St_Johns'],
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const weekdays = (start: string, end: string): WeeklyWindow[] => ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

type Kind = 'fits' | 'fullyBusy' | 'neverOverlap';

function busyIntervals(random: () => number, horizon: Interval, count: number): Interval[] {
  const days = Math.floor((horizon.end - horizon.start) / DAY);
  const busy: Interval[] = [];
  for (let i = 0; i < count; i++) {
    const start = horizon.start + Math.floor(random() * days * 96) * 15 * MINUTE;
    busy.push({ start, end: start + (1 + Math.floor(random() * 6)) * 15 * MINUTE });
  }
  return busy;
}

function pairInput(index: number, options: { horizonDays: number; count: number; meetingCount: number; noSlotShare: boolean }): PlanSeriesInput & { kind: Kind } {
  const random = mulberry32(index + 1);
  const now = EPOCH + Math.floor(random() * 3 * 365 * 24) * HOUR;
  const horizon: Interval = { start: now, end: now + options.horizonDays * DAY };
  const [mentorZone, menteeZone] = ZONE_PAIRS[index % ZONE_PAIRS.length]!;
  const kind: Kind = !options.noSlotShare ? 'fits' : index % 20 === 7 ? 'neverOverlap' : index % 20 === 13 ? 'fullyBusy' : 'fits';
  const mentorWindows = kind === 'neverOverlap' ? weekdays('06:00', '07:00') : weekdays('06:00', '22:00');
  const menteeWindows = kind === 'neverOverlap' ? weekdays('06:00', '07:00').map((w) => ({ ...w, weekday: (((w.weekday + 1) % 7) + 1) as WeeklyWindow['weekday'] })) : weekdays('06:00', '22:00');
  const agreement: Agreement = {
    cadence: { kind: 'weekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: isoDate(now),
    meetingCount: options.meetingCount,
    location: { kind: 'online' },
    mentor: { personId: `mentor-${index}`, timeZone: mentorZone, meetingWindows: mentorWindows, contactChannel: 'teamsChat', contactHours: weekdays('06:00', '22:00') },
    mentee: { personId: `mentee-${index}`, timeZone: menteeZone, meetingWindows: menteeWindows, contactChannel: 'teamsChat', contactHours: weekdays('06:00', '22:00') },
  };
  const calendar = (personId: string, timeZone: string): PersonCalendar => ({
    personId,
    timeZone,
    workingHours: weekdays('07:00', '21:00'),
    // A fully busy pair: the mentor's calendar is one long block over the horizon, plus the usual items.
    busy: [...busyIntervals(random, horizon, BUSY_PER_PERSON), ...(kind === 'fullyBusy' && personId.startsWith('mentor') ? [horizon] : [])],
  });
  return {
    kind,
    agreement,
    calendars: { mentor: calendar(agreement.mentor.personId, mentorZone), mentee: calendar(agreement.mentee.personId, menteeZone) },
    now,
    horizon,
    count: options.count,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const PAIR = { horizonDays: 90, count: 6, meetingCount: 12, noSlotShare: true };
const YEAR = { horizonDays: 366, count: 52, meetingCount: 52, noSlotShare: false };

export async function run(report: Report): Promise<void> {
  // Warm the code (JIT), not the data: these pairs are never timed.
  for (let i = 0; i < 200; i++) planSeries(pairInput(1_000_000 + i, PAIR));

  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const input = pairInput(i, PAIR);
    const started = performance.now();
    planSeries(input);
    times.push(performance.now() - started);
  }
  report('plan-series-pair-median', median(times), 'ms');

  const yearTimes: number[] = [];
  let yearPlanned = 0;
  for (let i = 0; i < 300; i++) {
    const input = pairInput(2_000_000 + i, YEAR);
    const started = performance.now();
    const plan = planSeries(input);
    yearTimes.push(performance.now() - started);
    yearPlanned += plan.meetings.length;
  }
  if (yearPlanned < 300 * 40) throw new Error(`The year-long series planned only ${yearPlanned} meetings: the benchmark is not planning a year.`);
  report('plan-series-52-weekly-median', median(yearTimes), 'ms');

  let planned = 0;
  let withoutSlot = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < 10_000; i++) {
    const plan = planSeries(pairInput(3_000_000 + i, PAIR));
    planned += plan.meetings.length;
    if (plan.meetings.length === 0) withoutSlot++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (planned === 0) throw new Error('The cohort planned no meetings: the benchmark measures nothing.');
  report('plan-cohort-10000-pairs', seconds, 's');
  // CPU time of this process: the same work, free of the other processes sharing the machine.
  report('plan-cohort-10000-pairs-cpu', (cpu.user + cpu.system) / 1e6, 's');
  report('plan-cohort-meetings-planned', planned, 'meetings');
  report('plan-cohort-pairs-without-slot', withoutSlot, 'pairs');
  report('plan-cohort-peak-rss', process.resourceUsage().maxRSS / 1024, 'MiB');
}
