import type { Result } from '../result';
import type { Instant, Interval } from '../time/interval';
import type { WeeklyWindow } from '../agreement/agreement';

/**
 * A person as a calendar knows them. `personId` is the directory id of the person (Entra object id
 * in Microsoft 365); `email` is needed because calendars address attendees and free/busy by mailbox.
 */
export interface CalendarPerson {
  readonly personId: string;
  readonly email: string;
  readonly displayName: string;
}

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

export interface FreeBusyQuery {
  /** Whose calendar asks (the signed-in person, or any mailbox the app may read for background work). */
  readonly requesterId: string;
  readonly people: readonly CalendarPerson[];
  readonly range: Interval;
}

export type EventLocation = { readonly kind: 'online' } | { readonly kind: 'place'; readonly name: string };

export interface PlannedMeetingEvent {
  /** Our id of the planned meeting; also the seed of the provider's deterministic transaction id. */
  readonly meetingId: string;
  readonly relationshipId: string;
  /** Whose calendar holds the event (the mentee by default; the use case decides). */
  readonly organizer: CalendarPerson;
  readonly attendees: readonly CalendarPerson[];
  readonly subject: string;
  readonly bodyHtml: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly location: EventLocation;
}

export interface CalendarEventRef {
  /** The provider's event id in the organizer's calendar. */
  readonly eventId: string;
  /** The organizer's directory id (the mailbox that holds the event). */
  readonly organizerId: string;
  readonly joinUrl?: string;
  /** The iCalendar UID: the same on the organizer's event and every attendee's copy. */
  readonly iCalUId?: string;
}

export type AttendeeResponse = 'none' | 'accepted' | 'tentativelyAccepted' | 'declined' | 'organizer' | 'notResponded';

export interface AttendeeState {
  /** Lower-cased mailbox address. */
  readonly email: string;
  readonly response: AttendeeResponse;
}

export interface CalendarEventState {
  readonly ref: CalendarEventRef;
  readonly start: Instant;
  readonly end: Instant;
  readonly isCancelled: boolean;
  readonly attendees: readonly AttendeeState[];
  /** Our ids, read back from the event, when the event carries them. */
  readonly relationshipId?: string;
  readonly meetingId?: string;
  /**
   * The time the Outlook add-in's guard warned the organizer about before they sent it anyway (the
   * add-in's custom property `boundaryWarnedTime`), when the event carries one.
   */
  readonly warnedTime?: { readonly start: Instant; readonly end: Instant };
}

export interface EventBodyUpdate {
  readonly ref: CalendarEventRef;
  readonly bodyHtml: string;
}

/**
 * The calendar port: implemented by the Graph adapter (and by fakes in unit tests). Bulk methods
 * return one result per input, in input order; one failure never hides the others.
 */
export interface CalendarPort {
  getCalendars(query: FreeBusyQuery): Promise<Result<PersonCalendar[]>>;
  createEvents(events: readonly PlannedMeetingEvent[]): Promise<Result<CalendarEventRef>[]>;
  updateEventBodies(updates: readonly EventBodyUpdate[]): Promise<Result<void>[]>;
  moveEvent(ref: CalendarEventRef, start: Instant, end: Instant): Promise<Result<void>>;
  cancelEvent(ref: CalendarEventRef, comment: string): Promise<Result<void>>;
  getEventStates(refs: readonly CalendarEventRef[]): Promise<Result<CalendarEventState>[]>;
}

/** A person's working hours as their calendar keeps them (Outlook's mailbox settings). */
export interface PersonWorkingHours {
  readonly personId: string;
  /** The IANA zone the hours are written in (Outlook may keep them in a zone other than the profile's). */
  readonly timeZone: string;
  /** One window per working day, in `timeZone`; empty when no day is a working day. */
  readonly windows: readonly WeeklyWindow[];
}

/** Reads working hours (Graph `mailboxSettings/workingHours` in Microsoft 365, the local calendar locally). */
export interface WorkingHoursPort {
  workingHoursOf(person: CalendarPerson): Promise<Result<PersonWorkingHours>>;
}
