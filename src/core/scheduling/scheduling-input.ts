import type { Agreement } from '../agreement/agreement';
import type { PersonCalendar } from '../ports/calendar';
import type { Instant, Interval } from '../time/interval';

export interface PairCalendars {
  readonly mentor: PersonCalendar;
  readonly mentee: PersonCalendar;
}

export interface SchedulingOptions {
  /** Slots start on this grid of the mentor's local clock (and at the start of any free stretch). Default 15. */
  readonly granularityMinutes?: number;
  /** How many ranked slots `proposeSlots` returns. Default 10. */
  readonly maxSlots?: number;
}

/** Everything scheduling needs, passed in: the core reads no clock and no settings of its own. */
export interface SchedulingInput {
  /** A validated agreement (`validateAgreement`), zones as IANA names. */
  readonly agreement: Agreement;
  readonly calendars: PairCalendars;
  readonly now: Instant;
  /** The time the calendars were read for; nothing outside it is proposed, since its busy time is unknown. */
  readonly horizon: Interval;
  /** This pair's meetings already planned and not yet held: kept clear of (with buffers) and counted. */
  readonly plannedMeetings?: readonly Interval[];
  /** This pair's meetings already held: they set the cadence's next date and the usual weekday/time. */
  readonly previousMeetings?: readonly Interval[];
  readonly options?: SchedulingOptions;
}

export const DEFAULT_GRANULARITY_MINUTES = 15;
export const DEFAULT_MAX_SLOTS = 10;
