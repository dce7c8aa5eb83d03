import type { Instant } from '../time/interval';
import type { AttendeeResponse } from '../ports/calendar';

export type MeetingStatus = 'planned' | 'held' | 'cancelled';

/**
 * Where the meeting is on its way into the calendar. A meeting is recorded `pending` BEFORE the
 * calendar is called, so that a crash or a timeout after the call leaves a trace to reconcile;
 * `booked` once the event id is stored; `failed` when the calendar refused it for good (not for
 * throttling or outages, which stay pending and are retried).
 */
export type BookingState = 'pending' | 'booked' | 'failed';

/** Something a person did to the meeting in Outlook, noticed by the calendar sync. */
export interface OutlookChange {
  readonly kind: 'declined' | 'moved' | 'cancelled';
  /** Who declined (for `declined`); the organizer otherwise. */
  readonly personId?: string;
  readonly noticedAt: Instant;
  /** The new time, for `moved`. */
  readonly start?: Instant;
  readonly end?: Instant;
  /** For `moved` outside the agreement: the organizer was warned about this time by the Outlook guard and sent it anyway. */
  readonly sentAnyway?: boolean;
}

/**
 * What really happened, from Teams: `held` both joined, `halfAttended` one did, `missed` nobody did;
 * `unknown` when the meeting ended (a meetingEnd event) but its attendance could not be read.
 */
export type AttendanceOutcome = 'held' | 'halfAttended' | 'missed' | 'unknown';

/** Recorded when Teams says the meeting ended; programme health counts the outcomes. */
export interface MeetingAttendance {
  readonly endedAt: Instant;
  readonly outcome: AttendanceOutcome;
  /** Which of the pair joined (empty for `missed` and `unknown`). */
  readonly joined: readonly string[];
}

/**
 * A meeting nobody joined, moved by one of the pair to a time from the "missed it?" card. The miss
 * stays on record (programme health counts it); the meeting itself is planned again at the new time.
 */
export interface RebookedAfterMiss {
  readonly from: { readonly start: Instant; readonly end: Instant };
  readonly attendance: MeetingAttendance;
  /** Who chose the new time. */
  readonly by: string;
  readonly at: Instant;
}

/**
 * Teams said the meeting ended but its attendance report was not there yet: the report is read again
 * later (a bounded number of times); until `until`, check-ins wait for it, and after it they go to both.
 */
export interface AttendancePending {
  readonly endedAt: Instant;
  /** Reads that found no report so far. */
  readonly attempts: number;
  readonly until: Instant;
}

/**
 * The Teams meeting behind an online mentoring meeting, as Teams' meetingStart event named it to the
 * bot in the meeting chat: what an in-meeting notification is addressed to.
 */
export interface TeamsMeetingRef {
  /** Teams' meeting id (base64, `MCMxOTpt…`), as the event's channelData.meeting.id carries it. */
  readonly meetingId: string;
  /** The Bot Connector endpoint the event came from (the region's serviceUrl). */
  readonly serviceUrl: string;
  /** The meeting chat's conversation id (`19:meeting_…@thread.v2`). */
  readonly chatId: string;
  readonly startedAt: Instant;
}

/**
 * The mentoring panel in the Teams meeting: the app installed in the meeting's chat and its side panel
 * pinned there through Graph, after the booking (never part of it). Absent: not started yet;
 * `installed`: the app is in the chat, the panel not pinned yet; `failed`: not even installed. Both
 * keep the last reason and are tried again by the calendar sync timer until the meeting ends.
 */
export type MeetingPanelStatus = 'notStarted' | 'installed' | 'pinned' | 'failed';

export interface MeetingPanel {
  readonly status: Exclude<MeetingPanelStatus, 'notStarted'>;
  /** The meeting chat's thread id (`chatInfo.threadId`), once found. */
  readonly chatId?: string;
  /** The app is in the chat (a failed pin after the install keeps it, so the retry only pins). */
  readonly installed: boolean;
  readonly attempts: number;
  readonly lastTriedAt: Instant;
  /** Why the last attempt failed (throttled, Graph unavailable, not allowed by the admin, no chat yet). */
  readonly error?: { readonly code: string; readonly message: string };
}

export const panelStatusOf = (meeting: Pick<Meeting, 'panel'>): MeetingPanelStatus => meeting.panel?.status ?? 'notStarted';

export interface MeetingResponse {
  readonly personId: string;
  readonly response: AttendeeResponse;
}

/**
 * A meeting of the pair. Numbers start at 1 and follow the series; roadmap themes are assigned to
 * meeting numbers, check-ins to meeting ids. The booking fields are optional so that meetings
 * written before booking existed still read.
 */
export interface Meeting {
  readonly id: string;
  readonly number: number;
  readonly start: Instant;
  readonly end: Instant;
  readonly status: MeetingStatus;
  readonly organizerId: string;
  /** The provider's event id in the organizer's calendar, once booked. */
  readonly eventId?: string;
  readonly joinUrl?: string;
  readonly cancelledAt?: Instant;
  readonly cancelReason?: string;
  /** Absent on meetings written before booking existed (treated as booked when they have an event). */
  readonly bookingState?: BookingState;
  /** The last calendar failure while booking, for support and for the person who asked. */
  readonly bookingError?: { readonly code: string; readonly message: string };
  /** Fingerprint of the agenda last written into the invite: an unchanged agenda is not sent again. */
  readonly agendaDigest?: string;
  /** The attendees' answers as last read from the calendar. */
  readonly responses?: readonly MeetingResponse[];
  /** Declines, moves and cancellations made in Outlook, oldest first: the relationship's health reads them. */
  readonly outlookChanges?: readonly OutlookChange[];
  /** Moved in Outlook to a time outside the agreement's boundaries: flagged for the pair, never moved back. */
  readonly outsideBoundaries?: boolean;
  /**
   * The invite's iCalendar UID, as the calendar gave it at booking: the attendee's copy carries the same
   * one (and not the add-in's custom properties), so the Outlook pane finds the meeting by it.
   */
  readonly iCalUId?: string;
  /**
   * Moved outside the agreement after the Outlook guard warned the organizer about exactly this time,
   * and sent anyway: recorded as a move both people agreed to, not as a violation (not flagged).
   */
  readonly agreedMove?: boolean;
  readonly lastSyncedAt?: Instant;
  /** The real end and who joined, when a Teams meetingEnd event arrived; absent on the timer path. */
  readonly attendance?: MeetingAttendance;
  /** The attendance report is late; set until it is read or the retries run out. */
  readonly attendancePending?: AttendancePending;
  /** Set when Teams said the online meeting started (meetingStart in the meeting chat). */
  readonly teamsMeeting?: TeamsMeetingRef;
  /** Set once the missed meeting was moved from the "missed it?" card; a second choice finds it here. */
  readonly rebookedAfterMiss?: RebookedAfterMiss;
  /** The mentoring panel in the meeting's chat (online meetings only); absent until the first attempt. */
  readonly panel?: MeetingPanel;
  readonly version: string;
}
