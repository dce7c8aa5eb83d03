import type { Result } from '../result';
import type { Instant } from '../time/interval';

/**
 * Change notifications for the mailboxes that hold the pairs' meetings. The adapter (Graph) knows
 * where notifications go and the clientState they carry; the core decides which mailboxes to watch
 * and when to renew.
 */
export interface CalendarSubscription {
  readonly subscriptionId: string;
  /** The directory id of the mailbox whose events are watched (the meetings' organizer). */
  readonly mailboxId: string;
  readonly expiresAt: Instant;
}

export interface CalendarSubscriptionPort {
  subscribe(mailboxId: string, expiresAt: Instant): Promise<Result<CalendarSubscription>>;
  /** `GRAPH.NOT_FOUND` when the provider dropped it: subscribe again. */
  renew(subscription: CalendarSubscription, expiresAt: Instant): Promise<Result<CalendarSubscription>>;
  remove(subscriptionId: string): Promise<Result<void>>;
}

/** Where the app keeps its subscriptions, one per watched mailbox and tenant. */
export interface CalendarSubscriptionRecords {
  list(tenantId: string): Promise<Result<CalendarSubscription[]>>;
  save(tenantId: string, subscription: CalendarSubscription): Promise<Result<void>>;
  remove(tenantId: string, mailboxId: string): Promise<Result<void>>;
}

/** What a notification tells us, queued by the webhook and handled by the queue's consumer. */
export type CalendarChangeKind = 'changed' | 'missed' | 'reauthorizationRequired' | 'subscriptionRemoved';

export interface CalendarChange {
  readonly kind: CalendarChangeKind;
  readonly tenantId: string;
  readonly subscriptionId: string;
  /** Known for resource changes (from the resource path); lifecycle events name only the subscription. */
  readonly mailboxId?: string;
}

export interface CalendarChangeQueue {
  enqueue(changes: readonly CalendarChange[]): Promise<Result<void>>;
}

/** What changed in a mailbox's calendar since the last read (Graph: calendarView delta). */
export interface CalendarDelta {
  /** Ids of events added or updated in the window (every event on a first round). */
  readonly changed: readonly string[];
  /** Ids of events deleted, or moved out of the window. */
  readonly removed: readonly string[];
  /** Where the next read starts (Graph's deltaLink). */
  readonly cursor: string;
}

export interface CalendarChangeFeed {
  /** From `cursor`, or a first round over `window` when there is none. `GRAPH.NOT_FOUND`: start again. */
  readChanges(mailboxId: string, cursor: string | undefined, window: { readonly start: Instant; readonly end: Instant }): Promise<Result<CalendarDelta>>;
}

export interface DeltaCursor {
  readonly mailboxId: string;
  readonly cursor: string;
  /** When the round's window began; a round too old is started again over a new window. */
  readonly windowStart: Instant;
}

export interface DeltaCursorRecords {
  list(tenantId: string): Promise<Result<DeltaCursor[]>>;
  save(tenantId: string, cursor: DeltaCursor): Promise<Result<void>>;
}
