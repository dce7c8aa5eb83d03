import type { Instant } from '../time/interval';

/** The answers shared with the partner. */
export interface CheckInAnswers {
  readonly useful: string;
  readonly nextSteps: string;
  readonly beforeNextTime: string;
  readonly changeOrFocus: string;
}

/** "How useful was it?": 1 (not useful) to 5 (very useful), answered with one tap on the card. */
export const CHECKIN_RATING_MIN = 1;
export const CHECKIN_RATING_MAX = 5;

export interface GoalProgressUpdate {
  readonly goalId: string;
  readonly progress: number;
}

/**
 * One person's check-in after one meeting. The id is `checkInId(meetingId, authorId)`, so a second
 * submit for the same meeting finds and edits the first.
 */
export interface CheckIn {
  readonly id: string;
  readonly meetingId: string;
  readonly authorId: string;
  readonly answers: CheckInAnswers;
  /** How useful the meeting was (1–5), shared with the partner like the answers; absent when skipped. */
  readonly rating?: number;
  readonly goalProgress: readonly GoalProgressUpdate[];
  /** Action items created from this check-in. */
  readonly actionItemIds: readonly string[];
  /** Visible ONLY to the author: never to the partner, never to programme owners. */
  readonly privateNote?: string;
  readonly submittedAt: Instant;
  readonly updatedAt: Instant;
  readonly version: string;
}

export function checkInId(meetingId: string, authorId: string): string {
  return `${meetingId}.${authorId}`;
}
