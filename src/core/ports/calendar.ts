import type { Result } from '../result';
import type { Instant, Interval } from '../time/interval';
import type { WeeklyWindow } from '../agreement/agreement';

/**
 * What a calendar tells us about one person. Adapters convert provider data (Graph's Windows zone
 * names, its working-hours shape) into this before it reaches the core.
 */
export interface PersonCalendar {
  readonly personId: string;
  /** IANA zone. */
  readonly timeZone: string;
  /** Working hours as weekly windows in `timeZone`; absent when the calendar reports none. */
  readonly workingHours?: readonly WeeklyWindow[];
  /** Busy (or tentative, out of office, working elsewhere) time, sorted or not. */
  readonly busy: readonly Interval[];
}

export interface PlannedMeetingEvent {
  /** Our id of the planned meeting; also the seed of Graph's deterministic transactionId. */
  readonly meetingId: string;
  readonly relationshipId: string;
  readonly organizerId: string;
  readonly attendeeIds: readonly string[];
  readonly subject: string;
  readonly bodyHtml: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly location: { readonly kind: 'online' } | { readonly kind: 'place'; readonly name: string };
}

export interface CalendarEventRef {
  /** The provider's event id in the organizer's calendar. */
  readonly eventId: string;
  readonly organizerId: string;
  readonly joinUrl?: string;
}

export type AttendeeResponse = 'none' | 'accepted' | 'tentativelyAccepted' | 'declined' | 'organizer';

export interface CalendarEventState {
  readonly ref: CalendarEventRef;
  readonly start: Instant;
  readonly end: Instant;
  readonly isCancelled: boolean;
  readonly responses: Readonly<Record<string, AttendeeResponse>>;
}

/** The calendar port: implemented by the Graph adapter (and by fakes in unit tests). */
export interface CalendarPort {
  getCalendars(personIds: readonly string[], range: Interval): Promise<Result<PersonCalendar[]>>;
  createEvents(events: readonly PlannedMeetingEvent[]): Promise<Result<CalendarEventRef>[]>;
  updateEventBody(ref: CalendarEventRef, bodyHtml: string): Promise<Result<void>>;
  moveEvent(ref: CalendarEventRef, start: Instant, end: Instant): Promise<Result<void>>;
  cancelEvent(ref: CalendarEventRef, comment: string): Promise<Result<void>>;
  getEventState(ref: CalendarEventRef): Promise<Result<CalendarEventState>>;
}
