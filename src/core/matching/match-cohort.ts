/**
 * Cohort matching: the assignment of mentees to mentors with the largest total match score, under
 * each mentor's capacity and the owner's rules, where every pair can actually meet.
 *
 * What is optimal: the assignment is exact (min-cost flow, max-weight-assignment.ts) over the
 * candidate graph. To stay fast at thousands of people, each mentee keeps only its `candidatesPerMentee`
 * best-scored mentors that pass every rule and are schedulable (ties broken by the mentor's place in
 * the input). With `candidatesPerMentee: Infinity` the graph is complete and the answer is the
 * optimum over all allowed pairs; tests/core/matching measure the cost of pruning against brute force.
 */
import type { LocalDate } from '../agreement/agreement';
import { seniorityRank, type SeniorityLevel } from '../profiles/profile';
import { fail, ok, type Result } from '../result';
import { parseLocalDate, parseLocalTime } from '../time/civil-date';
import { resolveTimeZone } from '../time/zones';
import { DAY, MINUTE, type Interval } from '../time/interval';
import { startOfLocalDay } from '../time/zoned-time';
import { clipIntervals } from '../time/interval-algebra';
import { maxWeightAssignment, type WeightedEdge } from './max-weight-assignment';
import { availabilityOver, firstSharedStart, foldedWeek, foldedWeeksCanMeet, type PersonAvailability, type WeeklyOverlap, weeklyOverlap } from './pair-schedulability';

export interface CohortMentee {
  readonly personId: string;
  readonly seniority: SeniorityLevel;
  readonly skillsToLearn: readonly string[];
  readonly languages: readonly string[];
  /** From Graph (`/users/{id}/manager`); a person is never matched with their own manager. */
  readonly managerId?: string;
  readonly availability: PersonAvailability;
}

export interface CohortMentor {
  readonly personId: string;
  readonly seniority: SeniorityLevel;
  readonly skillsToTeach: readonly string[];
  readonly languages: readonly string[];
  readonly managerId?: string;
  /** Mentees this mentor takes on in this cohort. */
  readonly capacity: number;
  readonly openToReverseMentoring: boolean;
  readonly availability: PersonAvailability;
}

export interface PairRef {
  readonly menteeId: string;
  readonly mentorId: string;
}

/**
 * `allowed`: reverse pairs (mentor more junior) only with mentors open to them; `never`: none;
 * `only`: a reverse-mentoring programme — every pair is a reverse pair (joining it is the consent).
 */
export type ReversePairs = 'allowed' | 'never' | 'only';

export interface CohortRules {
  /** The programme's default meeting length. */
  readonly meetingMinutes: number;
  /** The programme's first day; schedulability is checked from here … */
  readonly firstDate: LocalDate;
  /** … to here (inclusive), a year and a week at most. */
  readonly lastDate?: LocalDate;
  readonly reversePairs: ReversePairs;
  readonly pinned: readonly PairRef[];
  readonly excluded: readonly PairRef[];
  /** Candidate mentors kept per mentee; Infinity keeps them all. */
  readonly candidatesPerMentee?: number;
}

export const DEFAULT_CANDIDATES_PER_MENTEE = 12;
const LONGEST_CHECK_DAYS = 373;

export interface SuggestedPair {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
  readonly reverse: boolean;
  readonly pinned: boolean;
  readonly overlap: WeeklyOverlap;
}

export interface CohortMatch {
  readonly pairs: readonly SuggestedPair[];
  /** Mentees left without a mentor, with how many schedulable, allowed mentors they had at all (up to the candidate limit). */
  readonly unmatched: readonly { readonly menteeId: string; readonly candidates: number }[];
  readonly totalScore: number;
  readonly candidatesPerMentee: number;
  readonly candidateEdges: number;
  /** The pruned candidate graph, for measuring (e.g. against greedy) — indices into the inputs. */
  readonly graph: { readonly edges: readonly WeightedEdge[]; readonly capacities: readonly number[] };
}

const fold = (s: string): string => s.trim().toLowerCase();

/**
 * The score of a pair: 10 per skill the mentor teaches that the mentee wants, 3 for a shared
 * language, and 1 for being an allowed, schedulable pair at all — so matching someone always beats
 * leaving them out. Integers, so the optimum is exact.
 */
export function cohortPairScore(sharedSkills: number, sharesLanguage: boolean): number {
  return 1 + 10 * sharedSkills + (sharesLanguage ? 3 : 0);
}

/** Why a pair may not be made, or undefined when it may (schedulability is checked apart). */
export function pairRuleBroken(mentee: CohortMentee, mentor: CohortMentor, rules: Pick<CohortRules, 'reversePairs'>): string | undefined {
  if (mentee.personId === mentor.personId) return 'a person cannot mentor themselves';
  if (mentee.managerId === mentor.personId || mentor.managerId === mentee.personId) return 'one is the other’s manager';
  const reverse = seniorityRank(mentor.seniority) < seniorityRank(mentee.seniority);
  if (rules.reversePairs === 'never' && reverse) return 'the programme has no reverse pairs';
  if (rules.reversePairs === 'only' && !reverse) return 'the programme has only reverse pairs';
  if (rules.reversePairs === 'allowed' && reverse && !mentor.openToReverseMentoring) return 'the mentor is not open to reverse mentoring';
  return undefined;
}

/**
 * The programme's dates as day numbers (first, and the day after the last — a year and a week at most),
 * and a UTC span a day wider on each side that holds those dates in every zone.
 */
function programmeSpan(rules: CohortRules): Result<Interval & { readonly firstDay: number; readonly afterLastDay: number }> {
  const first = parseLocalDate(rules.firstDate);
  if (first === undefined) return fail('MATCHING.INVALID_RULES', `The first date "${rules.firstDate}" is not a date (YYYY-MM-DD).`, { field: 'firstDate' });
  const last = rules.lastDate === undefined ? undefined : parseLocalDate(rules.lastDate);
  if (rules.lastDate !== undefined && (last === undefined || last < first)) {
    return fail('MATCHING.INVALID_RULES', `The last date "${rules.lastDate}" must be a date on or after the first date.`, { field: 'lastDate' });
  }
  const afterLastDay = Math.min((last ?? first + LONGEST_CHECK_DAYS) + 1, first + LONGEST_CHECK_DAYS);
  return ok({ start: startOfLocalDay('UTC', first) - DAY, end: startOfLocalDay('UTC', afterLastDay) + DAY, firstDay: first, afterLastDay });
}

export function matchCohort(mentees: readonly CohortMentee[], mentors: readonly CohortMentor[], rules: CohortRules): Result<CohortMatch> {
  if (!Number.isInteger(rules.meetingMinutes) || rules.meetingMinutes <= 0) {
    return fail('MATCHING.INVALID_RULES', 'The meeting length must be a whole, positive number of minutes.', { field: 'meetingMinutes' });
  }
  const k = rules.candidatesPerMentee ?? DEFAULT_CANDIDATES_PER_MENTEE;
  if (!(k >= 1)) return fail('MATCHING.INVALID_RULES', 'At least one candidate mentor per mentee must be kept.', { field: 'candidatesPerMentee' });
  const spanResult = programmeSpan(rules);
  if (!spanResult.ok) return spanResult;
  const checked = checkPeople(mentees, mentors);
  if (!checked.ok) return checked;
  const { firstDay, afterLastDay, ...span } = spanResult.value;
  // Each person meets only on the programme's dates as their own calendar reads them.
  const ownDates = (a: PersonAvailability): Interval[] =>
    clipIntervals(availabilityOver(a, span), startOfLocalDay(a.timeZone, firstDay), startOfLocalDay(a.timeZone, afterLastDay));
  const meetingMs = rules.meetingMinutes * MINUTE;

  const menteeIndex = new Map(mentees.map((m, i) => [m.personId, i]));
  const mentorIndex = new Map(mentors.map((m, i) => [m.personId, i]));
  for (const pair of [...rules.pinned, ...rules.excluded]) {
    for (const [id, index, role] of [[pair.menteeId, menteeIndex, 'mentee'], [pair.mentorId, mentorIndex, 'mentor']] as const) {
      if (!index.has(id)) return fail('MATCHING.UNKNOWN_PERSON', `${id} is not a ${role} in this cohort; remove the pair or add the person.`, { details: { personId: id, role } });
    }
  }
  const excluded = new Set(rules.excluded.map((p) => `${p.menteeId}\u0000${p.mentorId}`));

  // Each person's availability, expanded once over the span, and folded onto one week: a cheap test
  // that rules out most pairs that can never meet before the exact one runs.
  const timesOfMentee = once(mentees.length, (i) => ownDates(mentees[i]!.availability));
  const timesOfMentor = once(mentors.length, (j) => ownDates(mentors[j]!.availability));
  const weekOfMentee = once(mentees.length, (i) => foldedWeek(timesOfMentee(i)));
  const weekOfMentor = once(mentors.length, (j) => foldedWeek(timesOfMentor(j)));
  const quarters = Math.ceil(meetingMs / (15 * MINUTE));
  const schedulable = (i: number, j: number): boolean =>
    foldedWeeksCanMeet(weekOfMentee(i), weekOfMentor(j), quarters) && firstSharedStart(timesOfMentee(i), timesOfMentor(j), meetingMs) !== undefined;

  // Skills and languages as bit sets over interned names: a pair's score is a few word operations.
  const skillIds = new Map<string, number>();
  const languageIds = new Map<string, number>();
  const intern = (ids: Map<string, number>, name: string): number => {
    const key = fold(name);
    const known = ids.get(key);
    if (known !== undefined) return known;
    ids.set(key, ids.size);
    return ids.size - 1;
  };
  const mentorSkillIds = mentors.map((m) => m.skillsToTeach.map((s) => intern(skillIds, s)));
  const mentorLanguageIds = mentors.map((m) => m.languages.map((l) => intern(languageIds, l)));
  const menteeSkillIds = mentees.map((m) => [...new Set(m.skillsToLearn.map((s) => intern(skillIds, s)))]);
  const menteeLanguageIds = mentees.map((m) => m.languages.map((l) => intern(languageIds, l)));
  const skillWords = Math.ceil(skillIds.size / 32) || 1;
  const languageWords = Math.ceil(languageIds.size / 32) || 1;
  const mentorSkills = new Uint32Array(mentors.length * skillWords);
  const mentorLanguages = new Uint32Array(mentors.length * languageWords);
  mentors.forEach((_, j) => {
    for (const id of mentorSkillIds[j]!) mentorSkills[j * skillWords + (id >>> 5)]! |= 1 << (id & 31);
    for (const id of mentorLanguageIds[j]!) mentorLanguages[j * languageWords + (id >>> 5)]! |= 1 << (id & 31);
  });
  const score = (i: number, j: number): number => {
    const skills = menteeSkillIds[i]!;
    const languages = menteeLanguageIds[i]!;
    let shared = 0;
    for (let s = 0; s < skills.length; s++) if (mentorSkills[j * skillWords + (skills[s]! >>> 5)]! & (1 << (skills[s]! & 31))) shared++;
    let language = false;
    for (let l = 0; l < languages.length && !language; l++) language = (mentorLanguages[j * languageWords + (languages[l]! >>> 5)]! & (1 << (languages[l]! & 31))) !== 0;
    return cohortPairScore(shared, language);
  };
  const isReverse = (i: number, j: number): boolean => seniorityRank(mentors[j]!.seniority) < seniorityRank(mentees[i]!.seniority);

  // Pinned pairs first: they keep every rule, and take their mentor's room.
  const capacities = mentors.map((m) => Math.max(0, Math.floor(m.capacity)));
  const pinnedMentee = new Map<number, number>();
  for (const pair of rules.pinned) {
    const i = menteeIndex.get(pair.menteeId)!;
    const j = mentorIndex.get(pair.mentorId)!;
    const broken =
      pinnedMentee.has(i) ? 'the mentee is already pinned to another mentor'
      : excluded.has(`${pair.menteeId}\u0000${pair.mentorId}`) ? 'the pair is also excluded'
      : (pairRuleBroken(mentees[i]!, mentors[j]!, rules) ?? (schedulable(i, j) ? undefined : `their windows never share ${rules.meetingMinutes} minutes in the programme's dates`));
    if (broken !== undefined) {
      return fail('MATCHING.PINNED_PAIR_REFUSED', `${pair.menteeId} cannot be pinned to ${pair.mentorId}: ${broken}. Unpin the pair or change what stands in the way.`, { details: { ...pair, reason: broken } });
    }
    if (capacities[j]! <= 0) {
      return fail('MATCHING.PINNED_OVER_CAPACITY', `More mentees are pinned to ${pair.mentorId} than their capacity of ${mentors[j]!.capacity}; unpin one or raise the capacity.`, { details: { mentorId: pair.mentorId, capacity: mentors[j]!.capacity } });
    }
    capacities[j] = capacities[j]! - 1;
    pinnedMentee.set(i, j);
  }

  // Candidate graph: per mentee, the best-scored allowed mentors that are schedulable, k at most.
  // The rules of pairRuleBroken, precomputed per person so the all-pairs pass is plain arithmetic.
  const menteeRank = mentees.map((m) => seniorityRank(m.seniority));
  const mentorRank = mentors.map((m) => seniorityRank(m.seniority));
  const managerOfMentee = mentees.map((m) => (m.managerId === undefined ? -1 : (mentorIndex.get(m.managerId) ?? -1)));
  const menteeManagedBy = new Map<number, number[]>();
  mentors.forEach((m, j) => {
    const i = m.managerId === undefined ? undefined : menteeIndex.get(m.managerId);
    if (i !== undefined) menteeManagedBy.set(i, [...(menteeManagedBy.get(i) ?? []), j]);
  });
  const excludedOf = new Map<number, Set<number>>();
  for (const p of rules.excluded) {
    const i = menteeIndex.get(p.menteeId)!;
    excludedOf.set(i, (excludedOf.get(i) ?? new Set()).add(mentorIndex.get(p.mentorId)!));
  }
  const sameId = new Map<number, number>();
  mentees.forEach((m, i) => {
    const j = mentorIndex.get(m.personId);
    if (j !== undefined) sameId.set(i, j);
  });
  const edges: WeightedEdge[] = [];
  const candidateCount = new Int32Array(mentees.length);
  const scores = new Int32Array(mentors.length);
  for (let i = 0; i < mentees.length; i++) {
    if (pinnedMentee.has(i)) continue;
    const off = new Set<number>([...(excludedOf.get(i) ?? []), ...(menteeManagedBy.get(i) ?? [])]);
    if (managerOfMentee[i]! >= 0) off.add(managerOfMentee[i]!);
    if (sameId.has(i)) off.add(sameId.get(i)!);
    let top = 0;
    for (let j = 0; j < mentors.length; j++) {
      let s = 0;
      if (capacities[j]! > 0) {
        const reverse = mentorRank[j]! < menteeRank[i]!;
        const reverseOk =
          rules.reversePairs === 'allowed' ? !reverse || mentors[j]!.openToReverseMentoring : rules.reversePairs === 'never' ? !reverse : reverse;
        if (reverseOk && (off.size === 0 || !off.has(j))) s = score(i, j);
      }
      scores[j] = s;
      if (s > top) top = s;
    }
    // Counting sort by score, best first, stable on the mentor's place in the input.
    const starts = new Int32Array(top + 2);
    for (let j = 0; j < mentors.length; j++) if (scores[j]! > 0) starts[top - scores[j]! + 1]!++;
    for (let b = 1; b < starts.length; b++) starts[b] = starts[b]! + starts[b - 1]!;
    const order = new Int32Array(starts[starts.length - 1]!);
    for (let j = 0; j < mentors.length; j++) if (scores[j]! > 0) order[starts[top - scores[j]!]!++] = j;
    for (let o = 0; o < order.length && candidateCount[i]! < k; o++) {
      const j = order[o]!;
      if (!schedulable(i, j)) continue;
      edges.push({ left: i, right: j, weight: scores[j]! });
      candidateCount[i] = candidateCount[i]! + 1;
    }
  }

  const assignment = maxWeightAssignment({ leftCount: mentees.length, rightCapacities: capacities, edges });
  const pairOf = (i: number, j: number, pinned: boolean): SuggestedPair => {
    const overlap = weeklyOverlap(
      { timeZone: mentors[j]!.availability.timeZone, intervals: timesOfMentor(j) },
      { timeZone: mentees[i]!.availability.timeZone, intervals: timesOfMentee(i) },
      span,
      meetingMs,
    );
    // Every pair made was checked schedulable; an absent overlap here is a bug.
    if (overlap === undefined) throw new Error(`Pair ${mentees[i]!.personId}/${mentors[j]!.personId} has no overlap`);
    return { menteeId: mentees[i]!.personId, mentorId: mentors[j]!.personId, score: score(i, j), reverse: isReverse(i, j), pinned, overlap };
  };
  const pairs: SuggestedPair[] = [];
  const unmatched: { menteeId: string; candidates: number }[] = [];
  let totalScore = assignment.totalWeight;
  for (let i = 0; i < mentees.length; i++) {
    const pinnedTo = pinnedMentee.get(i);
    if (pinnedTo !== undefined) {
      const pair = pairOf(i, pinnedTo, true);
      totalScore += pair.score;
      pairs.push(pair);
    } else if (assignment.rightOf[i]! >= 0) {
      pairs.push(pairOf(i, assignment.rightOf[i]!, false));
    } else {
      unmatched.push({ menteeId: mentees[i]!.personId, candidates: candidateCount[i]! });
    }
  }
  return ok({ pairs, unmatched, totalScore, candidatesPerMentee: k, candidateEdges: edges.length, graph: { edges, capacities } });
}

/** Zones and window times as the core needs them, each failure naming the person's field. */
function checkPeople(mentees: readonly CohortMentee[], mentors: readonly CohortMentor[]): Result<void> {
  const people = [...mentees.map((m, i) => [m, `mentees[${i}]`] as const), ...mentors.map((m, j) => [m, `mentors[${j}]`] as const)];
  for (const [person, field] of people) {
    const zone = resolveTimeZone(person.availability.timeZone, `${field}.availability.timeZone`);
    if (!zone.ok) return zone;
    if (zone.value !== person.availability.timeZone) {
      return fail('TIME.UNKNOWN_ZONE', `Use the current name "${zone.value}" for "${person.availability.timeZone}".`, { field: `${field}.availability.timeZone` });
    }
    const windows = [
      ...person.availability.meetingWindows.map((w, k) => [w, `meetingWindows[${k}]`] as const),
      ...(person.availability.workingHours ?? []).map((w, k) => [w, `workingHours[${k}]`] as const),
    ];
    for (const [w, name] of windows) {
      for (const end of ['start', 'end'] as const) {
        if (parseLocalTime(w[end]) === undefined) {
          return fail('AGREEMENT.BAD_TIME', `"${w[end]}" is not a time in the form HH:mm (00:00–23:59).`, { field: `${field}.availability.${name}.${end}` });
        }
      }
    }
  }
  return ok(undefined);
}

/** `make(i)` computed at most once per index, on first use. */
function once<T>(count: number, make: (index: number) => T): (index: number) => T {
  const cache: (T | undefined)[] = new Array(count);
  return (index) => {
    let value = cache[index];
    if (value === undefined) {
      value = make(index);
      cache[index] = value;
    }
    return value;
  };
}
