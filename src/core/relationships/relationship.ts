import type { Instant } from '../time/interval';
import type { PreWork } from '../requests/mentoring-request';
import type { AgreementVersion } from './agreement-version';
import type { Goal } from '../goals/goal';
import type { Roadmap } from '../roadmap/roadmap';
import type { Meeting } from './meeting';
import type { ActionItem } from '../actions/action-item';
import type { CheckIn } from '../checkins/check-in';

export type RelationshipStatus = 'active' | 'closed';

export type PairRole = 'mentor' | 'mentee';

/** What each side says when the relationship closes. */
export interface ClosingReflection {
  readonly whatWorked: string;
  readonly whatToImprove: string;
  readonly keyTakeaway: string;
  readonly submittedAt: Instant;
}

export interface Relationship {
  readonly id: string;
  readonly mentorId: string;
  readonly menteeId: string;
  /** True when the mentor is more junior than the mentee (reverse mentoring). */
  readonly reverse: boolean;
  readonly status: RelationshipStatus;
  /** The request this relationship came from. */
  readonly requestId: string;
  /** The mentee's pre-work from the request, kept for both to see. */
  readonly menteePreWork: PreWork;
  readonly startedAt: Instant;
  readonly closedAt?: Instant;
  readonly closedBy?: string;
  readonly reflections: {
    readonly mentor?: ClosingReflection;
    readonly mentee?: ClosingReflection;
  };
  /** The agreement version both accepted; absent until then. */
  readonly activeAgreementVersion?: number;
  /** The one programme this relationship belongs to (published from its cohort); absent for organic ones. */
  readonly programmeId?: string;
  readonly version: string;
}

/** Everything the relationship detail view needs, loaded in one go (one storage partition). */
export interface RelationshipAggregate {
  readonly relationship: Relationship;
  readonly agreementVersions: readonly AgreementVersion[];
  readonly goals: readonly Goal[];
  /** Absent until a roadmap is first saved. */
  readonly roadmap?: Roadmap;
  readonly meetings: readonly Meeting[];
  readonly actionItems: readonly ActionItem[];
  readonly checkIns: readonly CheckIn[];
}

export function roleOf(relationship: Relationship, personId: string): PairRole | undefined {
  if (relationship.mentorId === personId) return 'mentor';
  if (relationship.menteeId === personId) return 'mentee';
  return undefined;
}

export function partnerOf(relationship: Relationship, personId: string): string | undefined {
  if (relationship.mentorId === personId) return relationship.menteeId;
  if (relationship.menteeId === personId) return relationship.mentorId;
  return undefined;
}
