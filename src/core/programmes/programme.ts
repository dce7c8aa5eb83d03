/**
 * A mentoring programme of one tenant: what it is for, who may join, how people are matched, and the
 * defaults its relationships start from. A relationship belongs to at most one programme (its
 * `programmeId`); organic relationships have none and keep working as before.
 */
import type { Instant } from '../time/interval';
import type { Cadence, WeeklyWindow } from '../agreement/agreement';

/** The app role (Entra `roles` claim) that may run programmes. */
export const PROGRAMME_OWNER_ROLE = 'Programme.Owner';

/** Who may join: everyone in the tenant, a list the owner invited, or the members of an Entra group (read through Graph). */
export type JoinPolicy =
  | { readonly kind: 'everyone' }
  | { readonly kind: 'invited'; readonly personIds: readonly string[] }
  | { readonly kind: 'entraGroup'; readonly groupId: string };

/** mentoring: the mentor is at least as senior; reverse: the mentor is more junior; both: either. */
export type ProgrammeKind = 'mentoring' | 'reverse' | 'both';

/** organic: members send requests as today; assisted: the owner pairs people; cohort: the owner runs cohort auto-match. */
export type MatchingMode = 'organic' | 'assisted' | 'cohort';

/** What a published pair gets: a relationship already accepted on both sides, or a request the mentor accepts. */
export type PublishAs = 'accepted' | 'invitation';

export interface DefaultAgreement {
  readonly cadence: Cadence;
  readonly meetingMinutes: number;
  readonly meetingCount: number;
}

export interface Programme {
  readonly id: string;
  readonly name: string;
  readonly purpose: string;
  /** Local dates (YYYY-MM-DD), the tenant's calendar days. */
  readonly startDate: string;
  readonly endDate: string;
  readonly joinPolicy: JoinPolicy;
  readonly kind: ProgrammeKind;
  readonly matchingMode: MatchingMode;
  /** The most mentees one mentor takes in this programme. */
  readonly mentorCapacity: number;
  readonly defaultAgreement: DefaultAgreement;
  /** Roadmap templates offered to the programme's pairs (ids of src/core/roadmap/roadmap-templates.ts). */
  readonly roadmapTemplateIds: readonly string[];
  readonly goals: readonly string[];
  readonly publishAs: PublishAs;
  readonly createdBy: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly version: string;
}

export type MemberRole = 'mentee' | 'mentor';

/** A person who joined, with the role and the weekly windows they stated (in their own zone) for matching. */
export interface ProgrammeMember {
  readonly personId: string;
  readonly role: MemberRole;
  readonly timeZone: string;
  readonly meetingWindows: readonly WeeklyWindow[];
  readonly workingHours?: readonly WeeklyWindow[];
  readonly joinedAt: Instant;
  readonly updatedAt: Instant;
  readonly version: string;
}

/** The reverse-pair rule cohort matching applies for the programme's kind. */
export function reversePairsFor(kind: ProgrammeKind): 'never' | 'only' | 'allowed' {
  return kind === 'mentoring' ? 'never' : kind === 'reverse' ? 'only' : 'allowed';
}

/** One pair of a cohort's matches, as the owner reviews it. */
export interface CohortPair {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
  readonly reverse: boolean;
  /** Set by the owner (a swap or a pin), not chosen by the matcher. */
  readonly pinned: boolean;
  /** How long the two can meet in a week, both boundaries kept. */
  readonly minutesPerWeek: number;
}

/**
 * The programme's current cohort matches: a draft the owner reviews and changes, then publishes.
 * Publishing freezes it (status `published`); the next suggestion starts round + 1.
 */
export interface ProgrammeCohort {
  readonly round: number;
  readonly status: 'draft' | 'published';
  readonly pairs: readonly CohortPair[];
  readonly unmatched: readonly { readonly menteeId: string; readonly candidates: number }[];
  /** Members who could not be matched at all (no profile any more). */
  readonly notMatchable: readonly string[];
  readonly totalScore: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly publishedAt?: Instant;
  readonly version: string;
}

/** The id of the relationship (and request) a published pair becomes: the same on every retry. */
export function publishedPairId(programmeId: string, round: number, index: number): string {
  return `${programmeId}.${round}.${index}`;
}
