import type { Result } from '../result';

/**
 * Who joined an online meeting, from its attendance report (Microsoft Graph, app-only, allowed by an
 * application access policy for the organizer). Ids are Entra object ids, as our people's ids are.
 */
export interface MeetingAttendancePort {
  /**
   * Everyone who spent time in the meeting the organizer holds under this join URL, across its
   * attendance reports. `ATTENDANCE.MEETING_NOT_FOUND` when there is no such online meeting.
   */
  whoJoined(organizerId: string, joinUrl: string): Promise<Result<string[]>>;
}

/** A later read of a late attendance report (a queued message): which meeting, and how many reads found none. */
export interface AttendanceRetry {
  readonly tenantId: string;
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly endedAt: number;
  /** Reads so far that found no report (1 after the meetingEnd event's own read). */
  readonly attempt: number;
}
