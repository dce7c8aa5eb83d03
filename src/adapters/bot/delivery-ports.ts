import type { ProactiveMessage } from '../../core/delivery/bot-message';
import type { Instant } from '../../core/time/interval';
import type { StoredConversationReference } from './bot-stores';

/** A proactive message waiting in the queue, with what the card needs to be built when it is sent. */
export type DeliveryJob = ProactiveMessage;

export interface QueuedDelivery {
  readonly job: DeliveryJob;
  /** Which queue (shard) holds it. */
  readonly queueName: string;
  readonly messageId: string;
  readonly popReceipt: string;
  /** How many times the queue has handed this message out (1 on the first try). */
  readonly dequeueCount: number;
}

/**
 * Durable waiting: a job stays in the queue, invisible until it is due, until it was delivered or
 * can never be delivered. A worker that dies mid-send leaves it to reappear, so nothing is lost.
 */
export interface DeliveryQueue {
  enqueue(job: DeliveryJob, delayMs?: number): Promise<void>;
  receive(max: number, leaseMs: number): Promise<QueuedDelivery[]>;
  /** Hide it again for `delayMs` (waiting for contact hours, or backing off after a 429). */
  defer(item: QueuedDelivery, delayMs: number): Promise<QueuedDelivery>;
  complete(item: QueuedDelivery): Promise<void>;
}

/**
 * `alreadyReserved`: this same queue message reserved it before and its send did not complete (a 429,
 * a crash): send again. `reservedByAnother`: a duplicate job holds it; wait and decide again.
 */
export type Reservation = 'reserved' | 'alreadyReserved' | 'reservedByAnother' | 'alreadyDelivered' | 'dayFull';

/**
 * Who got what and when. The ledger is what makes delivery exactly-once (the idempotency key is
 * reserved before the send and marked after it) and what the two-a-day rule counts.
 */
export interface PersonLedger {
  readonly alreadyDelivered: boolean;
  /** The queue message that reserved this key, while its send has not completed. */
  readonly reservedBy?: string;
  /** When other proactive messages reached (or were reserved for) this person since `since`. */
  readonly deliveredAt: Instant[];
  /** Opaque to callers: what the ledger needs to reserve without reading again. */
  readonly concurrencyToken: unknown;
}

export interface DeliveryLedger {
  /** One read of the person's ledger: this key's state and their recent messages. */
  history(tenantId: string, personId: string, idempotencyKey: string, since: Instant): Promise<PersonLedger>;
  /**
   * Atomically claims the key and a place in the person's local day (at most `limit`), using the
   * snapshot read by `history`; a concurrent change makes it read again.
   */
  reserve(input: {
    tenantId: string;
    personId: string;
    idempotencyKey: string;
    localDate: string;
    limit: number;
    at: Instant;
    /** The queue message id: who holds the reservation. */
    owner: string;
    snapshot: PersonLedger;
  }): Promise<Reservation>;
  markDelivered(tenantId: string, personId: string, idempotencyKey: string, at: Instant, activityId: string): Promise<void>;
  markUndeliverable(tenantId: string, personId: string, idempotencyKey: string, at: Instant, reason: string): Promise<void>;
}

export type SendOutcome =
  | { readonly kind: 'sent'; readonly activityId: string }
  /** Throttled (429) or a transient failure (412, 502, 504, other 5xx, network): retry later. */
  | { readonly kind: 'retry'; readonly status: number; readonly retryAfterMs?: number }
  /** The person removed the app or the conversation is gone (403, 404): retrying cannot help. */
  | { readonly kind: 'undeliverable'; readonly status: number };

/** Sends one card into a stored conversation through the Bot Connector. */
export interface ProactiveSender {
  send(reference: StoredConversationReference, card: unknown): Promise<SendOutcome>;
}
