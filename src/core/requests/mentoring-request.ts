import type { Instant } from '../time/interval';

/** The pre-work questionnaire the mentee fills in with the request; the mentor sees it. */
export interface PreWork {
  readonly whatIWant: string;
  readonly whatIBring: string;
  readonly expectations: string;
}

export type RequestStatus = 'open' | 'accepted' | 'declined' | 'withdrawn';

export interface MentoringRequest {
  readonly id: string;
  readonly menteeId: string;
  readonly mentorId: string;
  readonly note: string;
  readonly preWork: PreWork;
  readonly status: RequestStatus;
  readonly createdAt: Instant;
  /** When it was accepted, declined or withdrawn. */
  readonly decidedAt?: Instant;
  readonly declineReason?: string;
  /** Set on acceptance; the relationship is created with this id. */
  readonly relationshipId?: string;
  /** Set when a programme's owner published this pair; the relationship inherits it. */
  readonly programmeId?: string;
  readonly version: string;
}
