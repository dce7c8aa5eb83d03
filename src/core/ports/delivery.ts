import type { ProactiveMessage } from '../delivery/bot-message';
import type { Instant } from '../time/interval';
import type { StoredConversationReference } from './bot-stores';

/** A proactive message waiting in the queue, with what the card needs to be built when it is sent. */
export interface DeliveryJob extends ProactiveMessage {
  /** This job instance: it owns the key's reservation across retries (a duplicate job has another id). */
  readonly jobId: string;
  /** Failed send attempts so far (for backoff). */
  readonly attempt: number;
}

/** One queue message: a batch of jobs that became due together (e.g. one timer run's check-ins). */
export interface QueuedBatch {
  readonly jobs: readonly DeliveryJob[];
  /** Which queue (shard) holds it. */
  readonly queueName: string;
  readonly messageId: string;
  readonly popReceipt: string;
}

/** A job that is not finished, and how long it should stay hidden before its next try. */
export interface RemainingJob {
  readonly job: DeliveryJob;
  readonly delayMs: number;
}

/**
 * Durable waiting: a job stays in the queue, invisible until it is due, until it was delivered or
 * can never be delivered. A worker that dies mid-batch leaves the message to reappear, so nothing is
 * lost. Jobs travel in batches (one Storage message holds many) to keep queue traffic per check-in low.
 */
export interface DeliveryQueue {
  enqueue(jobs: readonly DeliveryJob[], delayMs?: number): Promise<void>;
  receive(maxBatches: number, leaseMs: number): Promise<QueuedBatch[]>;
  /**
   * Closes a batch: the remaining jobs are queued again (grouped by delay) before the message is
   * deleted, so a crash in between can only duplicate a job, which the ledger then sends once.
   */
  settle(batch: QueuedBatch, remaining: readonly RemainingJob[]): Promise<void>;
}

/**
 * `alreadyReserved`: this same job reserved it before and its send did not complete (a 429,
 * a crash): send again. `reservedByAnother`: a duplicate job holds it; wait and decide again.
 */
export type Reservation = 'reserved' | 'alreadyReserved' | 'reservedByAnother' | 'alreadyDelivered' | 'dayFull';

/**
 * Who got what and when. The ledger is what makes delivery exactly-once (the idempotency key is
 * reserved before the send and marked after it) and what the two-a-day rule counts.
 */
export interface PersonLedger {
  readonly alreadyDelivered: boolean;
  /** The job that reserved this key, while its send has not completed. */
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
    /** The job instance id: who holds the reservation. */
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
