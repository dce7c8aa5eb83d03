import type { Instant } from '../time/interval';

export type MeetingStatus = 'planned' | 'held' | 'cancelled';

/**
 * A meeting of the pair. Numbers start at 1 and follow the series; roadmap themes are assigned to
 * meeting numbers, check-ins to meeting ids. The Graph booking work adds the calendar event fields.
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
  readonly version: string;
}
