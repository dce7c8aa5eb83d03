/**
 * Programme benchmarks (`npm run bench -- programme`), cohort matching on the real, cold path:
 * - match-cohort-5000: matchCohort over 2,500 mentees and 2,500 mentors, each with a profile (1–3
 *   skills to learn or 2–5 to teach out of 40, 1–2 languages out of 6, a seniority, a capacity of 1–3
 *   for mentors), one of ten zones (half-hour and DST-changing ones included), 1–4 weekly windows and,
 *   for half of them, working hours; every tenth mentee's manager is in the mentor pool; 50 pinned
 *   and 200 excluded pairs; a 60-minute meeting over a programme from 2027-01-11 to 2027-12-17 (both
 *   March and autumn clock changes inside). Timed: the whole call — expanding everyone's windows over
 *   the year, scoring all 6.25 M pairs, keeping 12 schedulable candidates per mentee, the min-cost flow,
 *   and each pair's weekly overlap in both zones. Budget: at most 5,000 ms wall.
 * - match-score-vs-greedy: the optimum's total score over a greedy baseline's (heaviest edge first)
 *   on the same candidate graph. Budget: at least 1.0.
 * - match-cohort-5000-cpu: the same call's CPU time (the wall time suffers when the machine is shared).
 * - match-pruning-vs-complete-400: on a 400 × 400 cohort drawn the same way, the total with the
 *   default 12 candidates per mentee over the total on the complete graph (the exact optimum over all allowed,
 *   schedulable pairs): what pruning costs.
 */
import { performance } from 'node:perf_hooks';
import type { Report } from './run';
import { seededRandom as random } from './support/seeded-random';
import type { IsoWeekday, WeeklyWindow } from '../src/core/agreement/agreement';
import { matchCohort, type CohortMentee, type CohortMentor, type CohortRules } from '../src/core/matching/match-cohort';
import { greedyAssignment } from '../src/core/matching/max-weight-assignment';
import { SENIORITY_LEVELS } from '../src/core/profiles/profile';

const ZONES = [
  'Europe/London', 'Europe/Warsaw', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata',
  'Asia/Kathmandu', 'Australia/Sydney', 'America/St_Johns', 'Asia/Tokyo', 'America/Sao_Paulo',
] as const;
const SKILLS = Array.from({ length: 40 }, (_, i) => `skill-${i}`);
const LANGUAGES = ['English', 'Polish', 'Hindi', 'Japanese', 'Portuguese', 'Spanish'];

const hhmm = (quarters: number): string => `${String(Math.floor(quarters / 4) % 24).padStart(2, '0')}:${String((quarters % 4) * 15).padStart(2, '0')}`;

function cohort(size: number, seed: number): { mentees: CohortMentee[]; mentors: CohortMentor[]; rules: CohortRules } {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number): T[] => {
    const n = min + Math.floor(r() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const availability = () => {
    const windows: WeeklyWindow[] = Array.from({ length: 1 + Math.floor(r() * 4) }, () => {
      const start = 28 + Math.floor(r() * 40); // 07:00–16:45 local
      return { weekday: (1 + Math.floor(r() * 5)) as IsoWeekday, start: hhmm(start), end: hhmm(start + 4 + Math.floor(r() * 9)) };
    });
    const workingHours = r() < 0.5 ? ([1, 2, 3, 4, 5] as const).map((d) => ({ weekday: d, start: '09:00', end: '17:00' })) : undefined;
    return { timeZone: pick(ZONES), meetingWindows: windows, ...(workingHours ? { workingHours } : {}) };
  };
  const mentors: CohortMentor[] = Array.from({ length: size }, (_, j) => ({
    personId: `mentor-${j}`,
    seniority: pick(SENIORITY_LEVELS),
    skillsToTeach: some(SKILLS, 2, 5),
    languages: some(LANGUAGES, 1, 2),
    capacity: 1 + Math.floor(r() * 3),
    openToReverseMentoring: r() < 0.4,
    availability: availability(),
  }));
  const mentees: CohortMentee[] = Array.from({ length: size }, (_, i) => ({
    personId: `mentee-${i}`,
    seniority: pick(SENIORITY_LEVELS),
    skillsToLearn: some(SKILLS, 1, 3),
    languages: some(LANGUAGES, 1, 2),
    ...(i % 10 === 0 ? { managerId: `mentor-${Math.floor(r() * size)}` } : {}),
    availability: availability(),
  }));
  const excluded = Array.from({ length: Math.floor(size / 12) }, () => ({ menteeId: pick(mentees).personId, mentorId: pick(mentors).personId }));
  return { mentees, mentors, rules: { meetingMinutes: 60, firstDate: '2027-01-11', lastDate: '2027-12-17', reversePairs: 'allowed', pinned: [], excluded } };
}

/** Pins that keep every rule: the first schedulable pairs an unpinned run made (so the pinned run is valid by construction). */
function withPins(rules: CohortRules, pairs: readonly { menteeId: string; mentorId: string }[], count: number): CohortRules {
  return { ...rules, pinned: pairs.slice(0, count).map(({ menteeId, mentorId }) => ({ menteeId, mentorId })) };
}

export async function run(report: Report): Promise<void> {
  // Pins are found on a small cohort with the same seed's shape, then the big cohort is timed cold.
  const big = cohort(2500, 5000);
  const warm = cohort(2500, 5000);
  const probe = matchCohort(warm.mentees.slice(0, 200), warm.mentors, { ...warm.rules, excluded: [] });
  if (!probe.ok) throw new Error(probe.error.message);
  const rules = withPins(big.rules, probe.value.pairs, 50);

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = matchCohort(big.mentees, big.mentors, rules);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (!result.ok) throw new Error(result.error.message);
  report('match-cohort-5000', wall, 'ms');
  report('match-cohort-5000-cpu', (cpu.user + cpu.system) / 1000, 'ms');
  report('match-cohort-5000-pairs', result.value.pairs.length, 'pairs');
  report('match-cohort-5000-unmatched', result.value.unmatched.length, 'mentees');
  report('match-cohort-5000-candidate-edges', result.value.candidateEdges, 'edges');
  const pinnedScore = result.value.pairs.filter((p) => p.pinned).reduce((s, p) => s + p.score, 0);
  const greedy = greedyAssignment({ leftCount: big.mentees.length, rightCapacities: result.value.graph.capacities, edges: result.value.graph.edges });
  report('match-score-vs-greedy', result.value.totalScore / (greedy.totalWeight + pinnedScore), 'ratio');

  const small = cohort(400, 400);
  const pruned = matchCohort(small.mentees, small.mentors, small.rules);
  const complete = matchCohort(small.mentees, small.mentors, { ...small.rules, candidatesPerMentee: Number.POSITIVE_INFINITY });
  if (!pruned.ok || !complete.ok) throw new Error('the 400 cohort failed');
  report('match-pruning-vs-complete-400', pruned.value.totalScore / complete.value.totalScore, 'ratio');
}
