import fc from 'fast-check';
import type { IsoWeekday, WeeklyWindow } from '../../../src/core/agreement/agreement';
import {
  cohortPairScore,
  matchCohort,
  pairRuleBroken,
  type CohortMatch,
  type CohortMentee,
  type CohortMentor,
  type CohortRules,
} from '../../../src/core/matching/match-cohort';
import { greedyAssignment, maxWeightAssignment } from '../../../src/core/matching/max-weight-assignment';
import { SENIORITY_LEVELS } from '../../../src/core/profiles/profile';
import { insideWeekly, wallClock } from '../scheduling/boundary-checker';

const STEP_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/** The span the matcher checks, rebuilt here: UTC days from first to last date, with a day either side. */
function spanOf(firstDate: string, lastDate: string): { start: number; end: number } {
  return { start: Date.parse(`${firstDate}T00:00:00Z`) - DAY_MS, end: Date.parse(`${lastDate}T00:00:00Z`) + 2 * DAY_MS };
}

/** Independent of the matcher's interval algebra: walks the span in quarter hours on both wall clocks (Intl), each on the programme's dates. */
function canEverMeet(
  a: CohortMentee | CohortMentor,
  b: CohortMentee | CohortMentor,
  minutes: number,
  span: { start: number; end: number },
  dates: { first: string; last: string },
): boolean {
  const need = minutes / 15;
  let run = 0;
  const free = (p: CohortMentee | CohortMentor, t: number): boolean => {
    const wall = wallClock(p.availability.timeZone, t);
    if (wall.date < dates.first || wall.date > dates.last) return false;
    return insideWeekly(p.availability.meetingWindows, wall) && (p.availability.workingHours === undefined || insideWeekly(p.availability.workingHours, wall));
  };
  for (let t = span.start; t < span.end; t += STEP_MS) {
    run = free(a, t) && free(b, t) ? run + 1 : 0;
    if (run >= need) return true;
  }
  return false;
}

const norm = (s: string): string => s.toLowerCase();
function independentScore(mentee: CohortMentee, mentor: CohortMentor): number {
  const teaches = new Set(mentor.skillsToTeach.map(norm));
  const shared = new Set(mentee.skillsToLearn.map(norm).filter((s) => teaches.has(s))).size;
  const speaks = new Set(mentor.languages.map(norm));
  return cohortPairScore(shared, mentee.languages.some((l) => speaks.has(norm(l))));
}

/** Every assignment of mentees to a mentor or nobody, within capacity: the best total. */
function bruteForceBest(mentees: readonly CohortMentee[], mentors: readonly CohortMentor[], rules: CohortRules): number {
  const span = spanOf(rules.firstDate, rules.lastDate!);
  const allowed = mentees.map((e) =>
    mentors.map((r) =>
      pairRuleBroken(e, r, rules) === undefined &&
      !rules.excluded.some((p) => p.menteeId === e.personId && p.mentorId === r.personId) &&
      canEverMeet(e, r, rules.meetingMinutes, span, { first: rules.firstDate, last: rules.lastDate! })
        ? independentScore(e, r)
        : 0,
    ),
  );
  const room = mentors.map((m) => m.capacity);
  let best = 0;
  const walk = (i: number, total: number): void => {
    if (i === mentees.length) {
      best = Math.max(best, total);
      return;
    }
    walk(i + 1, total);
    for (let j = 0; j < mentors.length; j++) {
      if (allowed[i]![j]! > 0 && room[j]! > 0) {
        room[j]!--;
        walk(i + 1, total + allowed[i]![j]!);
        room[j]!++;
      }
    }
  };
  walk(0, 0);
  return best;
}

const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns', 'UTC'] as const;
const SKILLS = ['TypeScript', 'Leadership', 'Design', 'Testing'] as const;
const win = (weekday: IsoWeekday, start: string, end: string): WeeklyWindow => ({ weekday, start, end });

const windowArb = fc
  .record({ weekday: fc.integer({ min: 1, max: 7 }), start: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 2, max: 16 }) })
  .map(({ weekday, start, length }): WeeklyWindow => {
    const q = (n: number): string => `${String(Math.floor((n % 96) / 4)).padStart(2, '0')}:${String((n % 4) * 15).padStart(2, '0')}`;
    return { weekday: weekday as IsoWeekday, start: q(start), end: q(start + length) };
  });
const personArb = fc.record({
  seniority: fc.constantFrom(...SENIORITY_LEVELS),
  skills: fc.subarray([...SKILLS]),
  languages: fc.subarray(['English', 'Polish', 'Nepali']),
  timeZone: fc.constantFrom(...ZONES),
  windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
  capacity: fc.integer({ min: 0, max: 2 }),
  openToReverse: fc.boolean(),
});
const cohortArb = fc.record({
  mentees: fc.array(personArb, { minLength: 1, maxLength: 5 }),
  mentors: fc.array(personArb, { minLength: 1, maxLength: 4 }),
  reversePairs: fc.constantFrom('allowed', 'never', 'only') as fc.Arbitrary<CohortRules['reversePairs']>,
  meetingMinutes: fc.constantFrom(30, 45, 60),
  // Around the March clock changes (US a fortnight before Europe), and a southern-hemisphere April.
  firstDate: fc.constantFrom('2027-03-08', '2027-03-25', '2027-04-01'),
  managerOf: fc.option(fc.nat(), { nil: undefined }),
});

function cohortFrom(c: {
  mentees: { seniority: (typeof SENIORITY_LEVELS)[number]; skills: string[]; languages: string[]; timeZone: string; windows: WeeklyWindow[] }[];
  mentors: { seniority: (typeof SENIORITY_LEVELS)[number]; skills: string[]; languages: string[]; timeZone: string; windows: WeeklyWindow[]; capacity: number; openToReverse: boolean }[];
  managerOf: number | undefined;
}): { mentees: CohortMentee[]; mentors: CohortMentor[] } {
  const mentors: CohortMentor[] = c.mentors.map((p, j) => ({
    personId: `r${j}`,
    seniority: p.seniority,
    skillsToTeach: p.skills,
    languages: p.languages,
    capacity: p.capacity,
    openToReverseMentoring: p.openToReverse,
    availability: { timeZone: p.timeZone, meetingWindows: p.windows },
  }));
  const mentees: CohortMentee[] = c.mentees.map((p, i) => ({
    personId: `e${i}`,
    seniority: p.seniority,
    skillsToLearn: p.skills,
    languages: p.languages,
    ...(c.managerOf !== undefined && c.managerOf % c.mentees.length === i ? { managerId: `r${c.managerOf % c.mentors.length}` } : {}),
    availability: { timeZone: p.timeZone, meetingWindows: p.windows },
  }));
  return { mentees, mentors };
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Three weeks from the drawn first date, so the quarter-hour walker stays quick. */
function smallRules(c: { meetingMinutes: number; firstDate: string; reversePairs: CohortRules['reversePairs'] }, k: number): CohortRules {
  return { meetingMinutes: c.meetingMinutes, firstDate: c.firstDate, lastDate: plusDays(c.firstDate, 20), reversePairs: c.reversePairs, pinned: [], excluded: [], candidatesPerMentee: k };
}

function expectValid(result: CohortMatch, mentees: readonly CohortMentee[], mentors: readonly CohortMentor[], rules: CohortRules): void {
  const span = spanOf(rules.firstDate, rules.lastDate!);
  const used = new Map<string, number>();
  const seen = new Set<string>();
  let total = 0;
  for (const pair of result.pairs) {
    const mentee = mentees.find((m) => m.personId === pair.menteeId)!;
    const mentor = mentors.find((m) => m.personId === pair.mentorId)!;
    expect(seen.has(pair.menteeId)).toBe(false);
    seen.add(pair.menteeId);
    used.set(pair.mentorId, (used.get(pair.mentorId) ?? 0) + 1);
    expect(pairRuleBroken(mentee, mentor, rules)).toBeUndefined();
    expect(canEverMeet(mentee, mentor, rules.meetingMinutes, span, { first: rules.firstDate, last: rules.lastDate! })).toBe(true);
    expect(pair.overlap.minutesPerWeek).toBeGreaterThanOrEqual(rules.meetingMinutes);
    expect(pair.score).toBe(independentScore(mentee, mentor));
    total += pair.score;
  }
  for (const [mentorId, count] of used) expect(count).toBeLessThanOrEqual(mentors.find((m) => m.personId === mentorId)!.capacity);
  expect(result.totalScore).toBe(total);
}

describe('matchCohort — optimal, schedulable, within capacity', () => {
  it('reaches the brute-force optimum on small cohorts when every candidate is kept (zones, DST, half-hour zones)', () => {
    fc.assert(
      fc.property(cohortArb, (c) => {
        const { mentees, mentors } = cohortFrom(c);
        const rules = smallRules(c, Number.POSITIVE_INFINITY);
        const result = matchCohort(mentees, mentors, rules);
        if (!result.ok) throw new Error(result.error.message);
        expectValid(result.value, mentees, mentors, rules);
        expect(result.value.totalScore).toBe(bruteForceBest(mentees, mentors, rules));
      }),
      { numRuns: 150, seed: 14 },
    );
  });

  it('with pruned candidates stays valid and never beats the optimum; k = 1 loses at most what the property measures', () => {
    let ratioSum = 0;
    let runs = 0;
    fc.assert(
      fc.property(cohortArb, fc.integer({ min: 1, max: 2 }), (c, k) => {
        const { mentees, mentors } = cohortFrom(c);
        const rules = smallRules(c, k);
        const result = matchCohort(mentees, mentors, rules);
        if (!result.ok) throw new Error(result.error.message);
        expectValid(result.value, mentees, mentors, rules);
        const best = bruteForceBest(mentees, mentors, rules);
        expect(result.value.totalScore).toBeLessThanOrEqual(best);
        if (best > 0) {
          ratioSum += result.value.totalScore / best;
          runs++;
        }
      }),
      { numRuns: 100, seed: 7 },
    );
    // Recorded in bench/README.md: pruning to 1–2 candidates keeps most of the optimum on tiny cohorts.
    expect(ratioSum / runs).toBeGreaterThan(0.8);
  });

  it('the flow solver equals brute force on random weighted graphs and is never below greedy', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 20, maxLength: 20 }),
        (left, capacities, weights) => {
          const edges = [];
          for (let i = 0; i < left; i++) for (let j = 0; j < capacities.length; j++) edges.push({ left: i, right: j, weight: weights[(i * 4 + j) % 20]! });
          const flow = maxWeightAssignment({ leftCount: left, rightCapacities: capacities, edges });
          const room = capacities.slice();
          let best = 0;
          const walk = (i: number, total: number): void => {
            if (i === left) {
              best = Math.max(best, total);
              return;
            }
            walk(i + 1, total);
            for (let j = 0; j < capacities.length; j++) {
              const w = weights[(i * 4 + j) % 20]!;
              if (w > 0 && room[j]! > 0) {
                room[j]!--;
                walk(i + 1, total + w);
                room[j]!++;
              }
            }
          };
          walk(0, 0);
          expect(flow.totalWeight).toBe(best);
          expect(flow.totalWeight).toBeGreaterThanOrEqual(greedyAssignment({ leftCount: left, rightCapacities: capacities, edges }).totalWeight);
          const count = new Array(capacities.length).fill(0);
          for (const j of flow.rightOf) if (j >= 0) count[j]++;
          for (const [j, n] of count.entries()) expect(n).toBeLessThanOrEqual(capacities[j]!);
        },
      ),
      { numRuns: 300, seed: 3 },
    );
  });
});

const mentee = (personId: string, zone: string, windows: WeeklyWindow[], extra: Partial<CohortMentee> = {}): CohortMentee => ({
  personId,
  seniority: 'junior',
  skillsToLearn: ['TypeScript'],
  languages: ['English'],
  availability: { timeZone: zone, meetingWindows: windows },
  ...extra,
});
const mentor = (personId: string, zone: string, windows: WeeklyWindow[], extra: Partial<CohortMentor> = {}): CohortMentor => ({
  personId,
  seniority: 'senior',
  skillsToTeach: ['TypeScript'],
  languages: ['English'],
  capacity: 1,
  openToReverseMentoring: false,
  availability: { timeZone: zone, meetingWindows: windows },
  ...extra,
});
const rulesFor = (firstDate: string, lastDate: string, extra: Partial<CohortRules> = {}): CohortRules => ({
  meetingMinutes: 60,
  firstDate,
  lastDate,
  reversePairs: 'allowed',
  pinned: [],
  excluded: [],
  ...extra,
});

describe('the schedulability rule across zones and DST', () => {
  // London Mon 08:00–09:00 and New York Mon 04:00–05:00 meet only while the US is on summer time and the UK is not.
  const london = mentor('london', 'Europe/London', [win(1, '08:00', '09:00')]);
  const newYork = mentee('ny', 'America/New_York', [win(1, '04:00', '05:00')]);

  it('matches a pair whose windows meet only in the weeks between the US and UK clock changes', () => {
    const result = matchCohort([newYork], [london], rulesFor('2027-03-01', '2027-04-30'));
    expect(result.ok && result.value.pairs).toEqual([
      expect.objectContaining({
        menteeId: 'ny',
        mentorId: 'london',
        overlap: expect.objectContaining({
          minutesPerWeek: 60,
          mentor: { timeZone: 'Europe/London', windows: [win(1, '08:00', '09:00')] },
          mentee: { timeZone: 'America/New_York', windows: [win(1, '04:00', '05:00')] },
        }),
      }),
    ]);
  });

  it('never matches the same pair in a programme that runs only through the summer', () => {
    const result = matchCohort([newYork], [london], rulesFor('2027-06-01', '2027-08-31'));
    expect(result.ok && result.value.pairs).toEqual([]);
    expect(result.ok && result.value.unmatched).toEqual([{ menteeId: 'ny', candidates: 0 }]);
  });

  it('counts a half-hour zone exactly: Kathmandu 14:00–15:00 and London 08:00–09:00 share 45 minutes in winter', () => {
    const kathmandu = mentor('ktm', 'Asia/Kathmandu', [win(2, '14:00', '15:00')]);
    const londoner = mentee('ldn', 'Europe/London', [win(2, '08:00', '09:00')]);
    const long = matchCohort([londoner], [kathmandu], rulesFor('2027-01-04', '2027-02-28'));
    expect(long.ok && long.value.pairs).toEqual([]);
    const short = matchCohort([londoner], [kathmandu], rulesFor('2027-01-04', '2027-02-28', { meetingMinutes: 45 }));
    expect(short.ok && short.value.pairs[0]?.overlap).toEqual(
      expect.objectContaining({
        minutesPerWeek: 45,
        mentor: { timeZone: 'Asia/Kathmandu', windows: [win(2, '14:00', '14:45')] },
        mentee: { timeZone: 'Europe/London', windows: [win(2, '08:15', '09:00')] },
      }),
    );
  });

  it('counts only the programme’s dates as each person’s own calendar reads them (UTC+14 against UTC)', () => {
    // Kiritimati's Monday 13:00 is UTC's Sunday 23:00: the day before the programme for the UTC mentor.
    const utc = mentor('utc', 'UTC', [{ weekday: 7, start: '23:00', end: '00:00' }]);
    const kiritimati = mentee('kir', 'Pacific/Kiritimati', [win(1, '13:00', '14:00')]);
    const sameWeek = matchCohort([kiritimati], [utc], rulesFor('2027-01-04', '2027-01-10'));
    expect(sameWeek.ok && sameWeek.value.pairs).toEqual([]);
    const oneMoreDay = matchCohort([kiritimati], [utc], rulesFor('2027-01-04', '2027-01-11'));
    expect(oneMoreDay.ok && oneMoreDay.value.pairs.map((p) => p.overlap.mentee.windows)).toEqual([[win(1, '13:00', '14:00')]]);
  });

  it('cuts stated windows to working hours when a person has them', () => {
    const busyMentor = mentor('m', 'UTC', [win(3, '09:00', '12:00')], { availability: { timeZone: 'UTC', meetingWindows: [win(3, '09:00', '12:00')], workingHours: [win(3, '11:30', '17:00')] } });
    const result = matchCohort([mentee('e', 'UTC', [win(3, '08:00', '11:45')])], [busyMentor], rulesFor('2027-01-04', '2027-01-31', { meetingMinutes: 30 }));
    expect(result.ok && result.value.pairs).toEqual([]);
  });
});

describe('the owner’s rules', () => {
  const always = [win(1, '09:00', '17:00'), win(2, '09:00', '17:00')];
  const rules = rulesFor('2027-01-04', '2027-03-31');

  it('never pairs someone with their own manager, in either direction', () => {
    const result = matchCohort(
      [mentee('e1', 'UTC', always, { managerId: 'boss' }), mentee('e2', 'UTC', always)],
      [mentor('boss', 'UTC', always, { capacity: 2 }), mentor('peer', 'UTC', always, { managerId: 'e2', capacity: 2 })],
      rules,
    );
    expect(result.ok && result.value.pairs.map((p) => `${p.menteeId}-${p.mentorId}`).sort()).toEqual(['e1-peer', 'e2-boss']);
  });

  it('keeps pinned pairs, honours exclusions and the reverse rule', () => {
    const people = [mentee('e1', 'UTC', always), mentee('e2', 'UTC', always, { seniority: 'lead' })];
    const mentors = [mentor('a', 'UTC', always, { openToReverseMentoring: true }), mentor('b', 'UTC', always, { skillsToTeach: [] })];
    const pinned = matchCohort(people, mentors, { ...rules, pinned: [{ menteeId: 'e1', mentorId: 'b' }] });
    expect(pinned.ok && pinned.value.pairs.map((p) => `${p.menteeId}-${p.mentorId}-${p.pinned}`).sort()).toEqual(['e1-b-true', 'e2-a-false']);
    const excluded = matchCohort(people, mentors, { ...rules, excluded: [{ menteeId: 'e1', mentorId: 'a' }], reversePairs: 'never' });
    expect(excluded.ok && excluded.value.pairs.map((p) => `${p.menteeId}-${p.mentorId}`)).toEqual(['e1-b']);
    const onlyReverse = matchCohort(people, mentors, { ...rules, reversePairs: 'only' });
    expect(onlyReverse.ok && onlyReverse.value.pairs.map((p) => `${p.menteeId}-${p.mentorId}-${p.reverse}`)).toEqual(['e2-a-true']);
  });

  it('refuses pins that break a rule or a capacity, and unknown people, with codes a person can act on', () => {
    const people = [mentee('e1', 'UTC', always), mentee('e2', 'UTC', always)];
    const mentors = [mentor('a', 'UTC', always), mentor('night', 'UTC', [win(5, '22:00', '23:00')])];
    const over = matchCohort(people, mentors, { ...rules, pinned: [{ menteeId: 'e1', mentorId: 'a' }, { menteeId: 'e2', mentorId: 'a' }] });
    expect(!over.ok && over.error.code).toBe('MATCHING.PINNED_OVER_CAPACITY');
    const never = matchCohort(people, mentors, { ...rules, pinned: [{ menteeId: 'e1', mentorId: 'night' }] });
    expect(!never.ok && never.error).toEqual(expect.objectContaining({ code: 'MATCHING.PINNED_PAIR_REFUSED', message: expect.stringContaining('never share 60 minutes') }));
    const unknown = matchCohort(people, mentors, { ...rules, excluded: [{ menteeId: 'ghost', mentorId: 'a' }] });
    expect(!unknown.ok && unknown.error.code).toBe('MATCHING.UNKNOWN_PERSON');
    const badDates = matchCohort(people, mentors, rulesFor('2027-03-01', '2027-02-01'));
    expect(!badDates.ok && badDates.error.code).toBe('MATCHING.INVALID_RULES');
  });

  it('prefers the assignment with the larger total over the greedy one', () => {
    // Greedy gives e1 the shared top mentor; the optimum gives it to e2, who has no one else.
    // e1: top 34, design 24; e2: top 14, design 1. Greedy 34 + 1 = 35; optimum 24 + 14 = 38.
    const people = [
      mentee('e1', 'UTC', always, { skillsToLearn: ['TypeScript', 'Design', 'Leadership'] }),
      mentee('e2', 'UTC', always, { skillsToLearn: ['TypeScript'], languages: ['Polish'] }),
    ];
    const mentors = [
      mentor('top', 'UTC', always, { skillsToTeach: ['TypeScript', 'Design', 'Leadership'], languages: ['English', 'Polish'] }),
      mentor('design', 'UTC', always, { skillsToTeach: ['Design', 'Leadership'] }),
    ];
    const result = matchCohort(people, mentors, rules);
    expect(result.ok && result.value.pairs.map((p) => `${p.menteeId}-${p.mentorId}`).sort()).toEqual(['e1-design', 'e2-top']);
    const greedy = result.ok ? greedyAssignment({ leftCount: 2, rightCapacities: result.value.graph.capacities, edges: result.value.graph.edges }) : undefined;
    expect(result.ok && result.value.totalScore).toBe(38);
    expect(greedy?.totalWeight).toBe(35);
  });
});
