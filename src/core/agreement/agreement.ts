/**
 * The mentoring agreement: the boundaries both people sign. Plain data; validated by
 * `validateAgreement` (src/core/agreement/validate-agreement.ts).
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A local wall-clock time "HH:mm" (24h) in the owner's time zone. */
export type LocalTime = string;

/** A local calendar date "YYYY-MM-DD". */
export type LocalDate = string;

/**
 * A recurring weekly window in the owner's own IANA zone. A window that runs past midnight says so
 * with `endsNextDay` (Friday 22:00–01:00 ends on Saturday); an `end` of "00:00" means midnight at the
 * end of the day. Without either, an end at or before the start is a mistake and is rejected.
 */
export interface WeeklyWindow {
  readonly weekday: IsoWeekday;
  readonly start: LocalTime;
  readonly end: LocalTime;
  readonly endsNextDay?: boolean;
}

export type Cadence =
  | { readonly kind: 'weekly' }
  | { readonly kind: 'biweekly' }
  | { readonly kind: 'monthly' }
  | { readonly kind: 'everyNDays'; readonly days: number };

export type MeetingLocation =
  | { readonly kind: 'online' }
  | { readonly kind: 'place'; readonly name: string };

export type ContactChannel = 'teamsChat' | 'email';

/** One person's side of the agreement, in that person's own zone. */
export interface PersonBoundaries {
  readonly personId: string;
  /** IANA zone, e.g. "Europe/Warsaw". */
  readonly timeZone: string;
  /** When this person is willing to meet. */
  readonly meetingWindows: readonly WeeklyWindow[];
  readonly contactChannel: ContactChannel;
  /** When this person may be messaged (by the partner and by the bot). */
  readonly contactHours: readonly WeeklyWindow[];
}

export interface Agreement {
  readonly cadence: Cadence;
  readonly meetingMinutes: number;
  /** Free time kept before and after other meetings in either calendar. */
  readonly bufferMinutes: number;
  /** A meeting may not start sooner than this after `now`. */
  readonly minimumNoticeHours: number;
  /** When false, slots may fall outside the working hours that calendars report. */
  readonly respectWorkingHours: boolean;
  readonly firstDate: LocalDate;
  readonly endDate?: LocalDate;
  readonly meetingCount?: number;
  readonly location: MeetingLocation;
  readonly mentor: PersonBoundaries;
  readonly mentee: PersonBoundaries;
}
