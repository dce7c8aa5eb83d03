import { z } from 'zod';
import type { RebookProblem } from '../../adapters/cards/card-strings';
import type { ErrorCode } from '../../core/error-codes';

/** The data of a time button on the "missed it?" card (see missedMeetingCard). */
export const RebookActionDataSchema = z.object({
  verb: z.literal('meeting.rebook'),
  cardVersion: z.literal(1),
  relationshipId: z.string().min(1).max(200),
  meetingId: z.string().min(1).max(200),
  start: z.iso.datetime(),
});
export type RebookActionData = z.infer<typeof RebookActionDataSchema>;

/** The card's words for why a time could not be booked, from the booking use case's code. */
export function rebookProblemOf(code: ErrorCode): RebookProblem {
  switch (code) {
    case 'BOOKING.SLOT_BUSY':
      return 'BUSY';
    case 'BOOKING.TOO_SOON':
      return 'TOO_SOON';
    case 'BOOKING.OUTSIDE_BOUNDARIES':
      return 'OUTSIDE_AGREEMENT';
    case 'BOOKING.NOT_MISSED':
    case 'BOOKING.MEETING_NOT_PLANNED':
    case 'BOOKING.MEETING_NOT_FOUND':
    case 'RELATIONSHIP.CLOSED':
      return 'NOT_MISSED';
    default:
      return 'CALENDAR';
  }
}
