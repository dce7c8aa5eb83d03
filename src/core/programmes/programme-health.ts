/**
 * Programme health from facts: what calendars, Teams and check-ins recorded for each pair, never what
 * anyone typed. Each pair's facts are derived from its relationship aggregate when something of the
 * pair is written (`pairFacts`), and the programme's counters move by the difference between the
 * pair's old and new facts (`applyPairChange`). The same facts give the same counters, so applying
 * a pair twice changes nothing, and the dashboard reads the counters instead of scanning pairs.
 *
 * Nothing here holds text: no answers, notes, pre-work or goal titles — numbers, dates and names.
 */
import { cadencePeriodMinDays } from '../agreement/cadence';
import type { RelationshipAggregate } from '../relationships/relationship';
import type { Meeting } from '../relationships/meeting';
import type { Instant } from '../time/interval';

const DAY_MS = 86_400_000;

export type PairStage = 'matched' | 'agreed' | 'meeting' | 'closed';
export const PAIR_STAGES: readonly PairStage[] = ['matched', 'agreed', 'meeting', 'closed'];

/**
 * Why a pair needs the owner's attention:
 * - noMeetingInTwoPeriods: nothing held in two of the agreement's cadence periods (from the match, or the last held meeting);
 * - twoCancellationsInARow: the pair's two latest decided meetings were both cancelled;
 * - agreementNotAccepted: matched seven days ago or more and still no agreement both accepted;
 * - requestUnanswered: the programme's request (an invitation to accept) open for seven days or more.
 */
export type RiskFlag = 'noMeetingInTwoPeriods' | 'twoCancellationsInARow' | 'agreementNotAccepted' | 'requestUnanswered';

export interface MeetingCounts {
  readonly planned: number;
  readonly held: number;
  readonly missed: number;
  readonly cancelled: number;
}

export interface PairFacts {
  readonly relationshipId: string;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly menteeName: string;
  readonly mentorName: string;
  readonly stage: PairStage;
  readonly matchedAt: Instant;
  readonly firstHeldAt?: Instant;
  readonly lastHeldAt?: Instant;
  readonly meetings: MeetingCounts;
  /** Check-ins given after held meetings, and how many could have been (two per held meeting). */
  readonly checkInsAnswered: number;
  readonly checkInsExpected: number;
  readonly goals: number;
  /** Sum of the goals' progress (0–100 each). */
  readonly goalProgressSum: number;
  /** The agreement's shortest cadence period (14 days before there is one). */
  readonly periodDays: number;
  readonly lastTwoCancelled: boolean;
  /** A programme's request still waiting for the mentor's answer (no relationship yet; `matchedAt` is when it was sent). */
  readonly awaitingAnswer?: boolean;
  readonly risks: readonly RiskFlag[];
  /** When the facts were read (the risks are as of then). */
  readonly asOf: Instant;
}

export interface ProgrammeHealth {
  readonly pairs: number;
  readonly byStage: Readonly<Record<PairStage, number>>;
  readonly meetings: MeetingCounts;
  readonly checkIns: { readonly answered: number; readonly expected: number };
  readonly goals: { readonly count: number; readonly progressSum: number };
  /** Pairs that held a first meeting, and the days from match to it summed over them. */
  readonly firstMeeting: { readonly pairs: number; readonly daysSum: number };
  readonly atRisk: number;
  readonly updatedAt: Instant;
}

export const EMPTY_HEALTH: ProgrammeHealth = {
  pairs: 0,
  byStage: { matched: 0, agreed: 0, meeting: 0, closed: 0 },
  meetings: { planned: 0, held: 0, missed: 0, cancelled: 0 },
  checkIns: { answered: 0, expected: 0 },
  goals: { count: 0, progressSum: 0 },
  firstMeeting: { pairs: 0, daysSum: 0 },
  atRisk: 0,
  updatedAt: 0,
};

type MeetingFact = 'planned' | 'held' | 'missed' | 'cancelled';

/** What really happened to a meeting: Teams' attendance wins over the calendar's status. */
export function meetingFact(m: Pick<Meeting, 'status' | 'attendance'>): MeetingFact {
  if (m.status === 'cancelled') return 'cancelled';
  if (m.attendance?.outcome === 'missed') return 'missed';
  if (m.status === 'held') return 'held';
  return 'planned';
}

const WITHOUT_AGREEMENT_CADENCE_DAYS = 14;

export function pairFacts(aggregate: RelationshipAggregate, names: { mentee: string; mentor: string }, now: Instant): PairFacts {
  const { relationship } = aggregate;
  const meetings = { planned: 0, held: 0, missed: 0, cancelled: 0 };
  const heldIds = new Set<string>();
  let firstHeldAt: number | undefined;
  let lastHeldAt: number | undefined;
  const decided: { start: number; fact: MeetingFact }[] = [];
  for (const m of aggregate.meetings) {
    const fact = meetingFact(m);
    meetings[fact] += 1;
    if (fact !== 'planned') decided.push({ start: m.start, fact });
    if (fact === 'held') {
      heldIds.add(m.id);
      firstHeldAt = firstHeldAt === undefined ? m.start : Math.min(firstHeldAt, m.start);
      lastHeldAt = lastHeldAt === undefined ? m.start : Math.max(lastHeldAt, m.start);
    }
  }
  decided.sort((a, b) => a.start - b.start);
  const lastTwo = decided.slice(-2);
  const active = relationship.activeAgreementVersion !== undefined ? aggregate.agreementVersions.find((v) => v.number === relationship.activeAgreementVersion) : undefined;
  const periodDays = active ? cadencePeriodMinDays(active.agreement.cadence) : WITHOUT_AGREEMENT_CADENCE_DAYS;
  const stage: PairStage = relationship.status === 'closed' ? 'closed' : heldIds.size > 0 ? 'meeting' : active ? 'agreed' : 'matched';
  const lastTwoCancelled = lastTwo.length === 2 && lastTwo.every((d) => d.fact === 'cancelled');
  const facts = {
    relationshipId: relationship.id,
    menteeId: relationship.menteeId,
    mentorId: relationship.mentorId,
    menteeName: names.mentee,
    mentorName: names.mentor,
    stage,
    matchedAt: relationship.startedAt,
    ...(firstHeldAt !== undefined ? { firstHeldAt } : {}),
    ...(lastHeldAt !== undefined ? { lastHeldAt } : {}),
    meetings,
    checkInsAnswered: aggregate.checkIns.filter((c) => heldIds.has(c.meetingId)).length,
    checkInsExpected: heldIds.size * 2,
    goals: aggregate.goals.length,
    goalProgressSum: aggregate.goals.reduce((sum, g) => sum + g.progress, 0),
    periodDays,
    lastTwoCancelled,
  };
  return { ...facts, risks: risksOf(facts, now), asOf: now };
}

function risksOf(f: Pick<PairFacts, 'stage' | 'lastHeldAt' | 'matchedAt' | 'periodDays' | 'lastTwoCancelled' | 'awaitingAnswer'>, now: Instant): RiskFlag[] {
  const risks: RiskFlag[] = [];
  if (f.stage === 'closed') return risks;
  // Before the answer there is no pair to meet or agree yet: the only risk is the silence.
  if (f.awaitingAnswer) return now - f.matchedAt >= ANSWER_DAYS * DAY_MS ? ['requestUnanswered'] : [];
  if (now - (f.lastHeldAt ?? f.matchedAt) >= 2 * f.periodDays * DAY_MS) risks.push('noMeetingInTwoPeriods');
  if (f.lastTwoCancelled) risks.push('twoCancellationsInARow');
  if (f.stage === 'matched' && now - f.matchedAt >= 7 * DAY_MS) risks.push('agreementNotAccepted');
  return risks;
}

/** A request unanswered this long puts the pair on the at-risk list. */
export const ANSWER_DAYS = 7;

/**
 * A programme's request (published as an invitation to accept) before the mentor answers: a pair at
 * stage `matched` with nothing counted yet, at risk once it has waited `ANSWER_DAYS`. Declined or
 * withdrawn, it is a pair that closed without starting. Accepted, the relationship of the same id
 * replaces these facts.
 */
export function requestFacts(
  request: { readonly id: string; readonly menteeId: string; readonly mentorId: string; readonly createdAt: Instant; readonly status: string },
  names: { mentee: string; mentor: string },
  now: Instant,
): PairFacts {
  const waiting = request.status === 'open';
  const facts = {
    relationshipId: request.id,
    menteeId: request.menteeId,
    mentorId: request.mentorId,
    menteeName: names.mentee,
    mentorName: names.mentor,
    stage: (waiting ? 'matched' : 'closed') as PairStage,
    matchedAt: request.createdAt,
    meetings: { planned: 0, held: 0, missed: 0, cancelled: 0 },
    checkInsAnswered: 0,
    checkInsExpected: 0,
    goals: 0,
    goalProgressSum: 0,
    periodDays: WITHOUT_AGREEMENT_CADENCE_DAYS,
    lastTwoCancelled: false,
    ...(waiting ? { awaitingAnswer: true } : {}),
  };
  return { ...facts, risks: risksOf(facts, now), asOf: now };
}

/** The same pair later, with nothing new written: only the time-based risks can change (the timer's reading). */
export function withRisksAsOf(f: PairFacts, now: Instant): PairFacts {
  return { ...f, risks: risksOf(f, now), asOf: now };
}

function sign(f: PairFacts | undefined, by: 1 | -1) {
  return (n: number) => (f ? by * n : 0);
}

/** The programme's counters with one pair's facts replaced (`before` absent: a new pair; `after` absent: a removed one). */
export function applyPairChange(health: ProgrammeHealth, before: PairFacts | undefined, after: PairFacts | undefined, now: Instant): ProgrammeHealth {
  const add = (f: PairFacts | undefined, by: 1 | -1, h: ProgrammeHealth): ProgrammeHealth => {
    if (!f) return h;
    const s = sign(f, by);
    const byStage = { ...h.byStage, [f.stage]: h.byStage[f.stage] + s(1) };
    const first = f.firstHeldAt !== undefined ? { pairs: h.firstMeeting.pairs + s(1), daysSum: h.firstMeeting.daysSum + s(Math.max(0, (f.firstHeldAt - f.matchedAt) / DAY_MS)) } : h.firstMeeting;
    return {
      pairs: h.pairs + s(1),
      byStage,
      meetings: {
        planned: h.meetings.planned + s(f.meetings.planned),
        held: h.meetings.held + s(f.meetings.held),
        missed: h.meetings.missed + s(f.meetings.missed),
        cancelled: h.meetings.cancelled + s(f.meetings.cancelled),
      },
      checkIns: { answered: h.checkIns.answered + s(f.checkInsAnswered), expected: h.checkIns.expected + s(f.checkInsExpected) },
      goals: { count: h.goals.count + s(f.goals), progressSum: h.goals.progressSum + s(f.goalProgressSum) },
      firstMeeting: first,
      atRisk: h.atRisk + (f.risks.length > 0 ? s(1) : 0),
      updatedAt: h.updatedAt,
    };
  };
  return { ...add(after, 1, add(before, -1, health)), updatedAt: now };
}

/** Whether two readings of a pair count the same (nothing to write). */
export function sameFacts(a: PairFacts, b: PairFacts): boolean {
  const { asOf: _a, ...x } = a;
  const { asOf: _b, ...y } = b;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Aggregates over fewer than this many people are not shown (they could point at a person). */
export const SMALLEST_GROUP = 5;
