/**
 * Scheduling benchmarks (`npm run bench -- scheduling`):
 * - plan-series-pair-median: one pair, 90-day horizon, 300 busy intervals each, plan 6 meetings.
 * - plan-cohort-10000-pairs: 10,000 such pairs one after another on one core (generating each pair's
 *   calendars is inside the timing, so the figure is an upper bound for planning alone).
 * - plan-cohort-10000-pairs-cpu: the cohort's CPU time (the wall time above suffers when the machine is shared).
 * - plan-cohort-meetings-planned: a sanity figure (6 per pair when every pair fits).
 * - plan-cohort-peak-rss: the process's peak resident memory after the cohort.
 * Budgets (issue 2): median ≤ 1 ms, cohort ≤ 10 s.
 */
import { performance } from 'node:perf_hooks';
import type { Report } from './run';
import type { Agreement, WeeklyWindow } from '../src/core/agreement/agreement';
import type { PersonCalendar } from '../src/core/ports/calendar';
import { DAY, MINUTE, type Interval } from '../src/core/time/interval';
import { planSeries, type PlanSeriesInput } from '../src/core/scheduling/plan-series';

const NOW = Date.UTC(2026, 2, 2, 8, 0); // Monday 2026-03-02 08:00Z: the horizon spans both DST changes in Europe and the US
const HORIZON: Interval = { start: NOW, end: NOW + 90 * DAY };
const BUSY_PER_PERSON = 300;

const ZONE_PAIRS: readonly (readonly [string, string])[] = [
  ['Europe/Warsaw', 'America/New_York'],
  ['Europe/London', 'Asia/Kolkata'],
  ['America/Los_Angeles', 'America/Chicago'],
  ['Asia/Kathmandu', 'Europe/Berlin'],
  ['Europe/Paris', 'Europe/Paris'],
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

const weekdays = (start: string, end: string): WeeklyWindow[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));

function busyIntervals(random: () => number): Interval[] {
  const busy: Interval[] = [];
  for (let i = 0; i < BUSY_PER_PERSON; i++) {
    const start = HORIZON.start + Math.floor(random() * 90 * 96) * 15 * MINUTE;
    busy.push({ start, end: start + (1 + Math.floor(random() * 6)) * 15 * MINUTE });
  }
  return busy;
}

function pairInput(index: number): PlanSeriesInput {
  const random = mulberry32(index + 1);
  const [mentorZone, menteeZone] = ZONE_PAIRS[index % ZONE_PAIRS.length]!;
  const wide = weekdays('06:00', '22:00');
  const agreement: Agreement = {
    cadence: { kind: 'weekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: '2026-03-02',
    meetingCount: 12,
    location: { kind: 'online' },
    mentor: { personId: `mentor-${index}`, timeZone: mentorZone, meetingWindows: wide, contactChannel: 'teamsChat', contactHours: wide },
    mentee: { personId: `mentee-${index}`, timeZone: menteeZone, meetingWindows: wide, contactChannel: 'teamsChat', contactHours: wide },
  };
  const calendar = (personId: string, timeZone: string): PersonCalendar => ({
    personId,
    timeZone,
    workingHours: weekdays('07:00', '21:00'),
    busy: busyIntervals(random),
  });
  return {
    agreement,
    calendars: { mentor: calendar(agreement.mentor.personId, mentorZone), mentee: calendar(agreement.mentee.personId, menteeZone) },
    now: NOW,
    horizon: HORIZON,
    count: 6,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function run(report: Report): Promise<void> {
  for (let i = 0; i < 200; i++) planSeries(pairInput(i));

  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const input = pairInput(i);
    const started = performance.now();
    planSeries(input);
    times.push(performance.now() - started);
  }
  report('plan-series-pair-median', median(times), 'ms');

  let planned = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < 10_000; i++) planned += planSeries(pairInput(i)).meetings.length;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (planned === 0) throw new Error('The cohort planned no meetings: the benchmark measures nothing.');
  report('plan-cohort-10000-pairs', seconds, 's');
  // CPU time of this process: the same work, free of the other processes sharing the machine.
  report('plan-cohort-10000-pairs-cpu', (cpu.user + cpu.system) / 1e6, 's');
  report('plan-cohort-meetings-planned', planned, 'meetings');
  report('plan-cohort-peak-rss', process.resourceUsage().maxRSS / 1024, 'MiB');
}
