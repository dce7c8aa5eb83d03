import type { Result } from '../result';
import type { AgendaLocale } from '../agenda/agenda';
import type { CalendarPerson, CalendarPort } from '../ports/calendar';
import type { MeetingChatAppsPort } from '../ports/teams-apps';
import type { MentoringRepositories } from '../ports/repositories';
import type { SubscriptionDeps } from './calendar-subscriptions';
import type { NoSlotReason } from '../scheduling/no-slot-reason';

/**
 * Who a person is to a calendar (mailbox address and name). Profiles do not hold mailbox addresses,
 * the directory does (Microsoft Entra ID in production, the local identity's people locally).
 */
export interface PeopleDirectory {
  /** One entry per id, in input order; `DIRECTORY.PERSON_NOT_FOUND` when one is unknown. */
  findPeople(tenantId: string, personIds: readonly string[]): Promise<Result<CalendarPerson[]>>;
}

export interface BookingSettings {
  /** Whose calendar holds the events: the mentee by default, since the mentee drives the relationship. */
  readonly organizer: 'mentee' | 'mentor';
  readonly locale: AgendaLocale;
  /**
   * The planning horizon: how far ahead meetings are booked and free/busy is read (in windows of at most
   * 62 days). Meetings of the series beyond it come back deferred and the sync timer books them once
   * they come within range.
   */
  readonly horizonDays: number;
  /** How many meetings a "series" booking keeps planned ahead when the agreement fixes no count. */
  readonly seriesAhead: number;
  /** Deep link to the relationship in the Teams tab, shown at the end of every agenda. */
  readonly appLink?: (relationshipId: string) => string;
}

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = { organizer: 'mentee', locale: 'en', horizonDays: 366, seriesAhead: 6 };

/**
 * The relationships the calendar sync timer watches. A pair is recorded before its first calendar
 * call, so a crash between Graph's create and our storage write still leaves the pair to the timer,
 * which finishes its pending meetings with the same transaction ids.
 */
export interface SyncRegister {
  /** Watch this pair (idempotent; keeps what was recorded as deferred). */
  record(tenantId: string, relationshipId: string): Promise<Result<void>>;
  /**
   * What the pair's last booking left unbooked: the target dates of meetings deferred beyond the
   * planning horizon (the timer books them) and the meetings no slot was found for, with the reason
   * (the tab shows both in the upcoming list). Empty lists: none.
   */
  recordDeferred(tenantId: string, relationshipId: string, deferred: readonly string[], unplaced: readonly UnbookedMeeting[]): Promise<Result<void>>;
  /** What `recordDeferred` last recorded for the pair, or undefined before its first booking. */
  readUnbooked(tenantId: string, relationshipId: string): Promise<Result<UnbookedSeries | undefined>>;
}

/** A meeting of the series the last booking found no slot for, with the true reason. */
export interface UnbookedMeeting {
  readonly targetDate: string;
  readonly code: NoSlotReason['code'];
  readonly message: string;
}

export interface UnbookedSeries {
  readonly deferred: readonly string[];
  readonly unplaced: readonly UnbookedMeeting[];
}

/**
 * The ports of the booking use cases. `calendar` is the one the host chose for this call: delegated
 * (on behalf of the signed-in person) for requests, app-only for timers.
 */
export interface BookingDeps {
  readonly repos: MentoringRepositories;
  readonly calendar: CalendarPort;
  readonly directory: PeopleDirectory;
  /** Where booked pairs are recorded for the sync timer (the API host's register); absent in pure unit tests. */
  readonly syncRegister?: SyncRegister;
  /**
   * Change notifications for the organizer's mailbox (app-only): a booking subscribes it at once
   * instead of waiting for the subscription timer. Absent where the host has no public webhook.
   */
  readonly watch?: SubscriptionDeps;
  /**
   * The mentoring panel in booked Teams meetings (app-only Graph): installed in the meeting chat and
   * pinned after a booking has its answer, and by the sync timer. Absent where the host knows no
   * app catalog id or tab address.
   */
  readonly meetingPanels?: MeetingChatAppsPort;
  readonly settings?: Partial<BookingSettings>;
}

export function bookingSettings(deps: Pick<BookingDeps, 'settings'>): BookingSettings {
  return { ...DEFAULT_BOOKING_SETTINGS, ...(deps.settings ?? {}) };
}
