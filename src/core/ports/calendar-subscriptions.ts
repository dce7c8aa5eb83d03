import type { Result } from '../result';
import type { Instant } from '../time/interval';

/**
 * Change notifications for the mailboxes that hold the pairs' meetings. The adapter (Graph) knows
 * where notifications go and makes each subscription's clientState (a random secret of its own); the
 * core decides which mailboxes to watch and when to renew.
 */
export interface CalendarSubscription {
  readonly subscriptionId: string;
  /** The directory id of the mailbox whose events are watched (the meetings' organizer). */
  readonly mailboxId: string;
  readonly expiresAt: Instant;
  /**
   * The secret Graph echoes in every notification of this subscription: random, made when the
   * subscription is created, kept on renewal, stored with the record. Empty for a record kept before
   * subscriptions had their own (it validates nothing and is replaced at the next run).
   */
  readonly clientState: string;
}

export interface CalendarSubscriptionPort {
  /** A new subscription with a fresh random clientState. */
  subscribe(mailboxId: string, expiresAt: Instant): Promise<Result<CalendarSubscription>>;
  /** `GRAPH.NOT_FOUND` when the provider dropped it: subscribe again. The clientState stays. */
  renew(subscription: CalendarSubscription, expiresAt: Instant): Promise<Result<CalendarSubscription>>;
  remove(subscriptionId: string): Promise<Result<void>>;
}

/** Where the app keeps its subscriptions, one per watched mailbox and tenant. */
export interface CalendarSubscriptionRecords {
  list(tenantId: string): Promise<Result<CalendarSubscription[]>>;
  /** The record of a mailbox, if any. */
  get(tenantId: string, mailboxId: string): Promise<Result<CalendarSubscription | undefined>>;
  /** The record of a subscription by its id (a notification names only that), if we keep it. */
  find(tenantId: string, subscriptionId: string): Promise<Result<CalendarSubscription | undefined>>;
  /** Records the first subscription of a mailbox: `STORAGE.ALREADY_EXISTS` when another run recorded one first. */
  create(tenantId: string, subscription: CalendarSubscription): Promise<Result<void>>;
  /** Replaces the mailbox's record (a renewal, or a new subscription in place of a lapsed one). */
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
  /**
   * Sets a message that is not a batch of changes aside in the queue's poison queue (`{queue}-poison`,
   * where the queue trigger also moves a message that failed 5 times), so a person can inspect it and
   * it is never retried. Answers the poison queue's name.
   */
  setAside(body: string): Promise<Result<string>>;
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
