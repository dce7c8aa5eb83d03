import type { ProactiveMessage } from '../delivery/bot-message';
import type { Instant } from '../time/interval';
import type { StoredConversationReference } from './bot-stores';

/** A proactive message waiting in the queue, with what the card needs to be built when it is sent. */
export interface DeliveryJob extends ProactiveMessage {
  /** This job instance: it owns the key's reservation across retries (a duplicate job has another id). */
  readonly jobId: string;
  /** Tries that did not send so far, throttling included (for backoff). */
  readonly attempt: number;
  /** Of those, the failures (an error other than 429, or an exception): at `MAX_FAILED_ATTEMPTS` the job is poisoned. */
  readonly failures?: number;
  /** The code of the last failure, kept for the poison record. */
  readonly lastError?: DeliveryFailure;
}

/** Why a try failed: a stable code, and the connector's HTTP status when it answered. */
export interface DeliveryFailure {
  readonly code: 'DELIVERY.CONNECTOR_ERROR' | 'DELIVERY.UNEXPECTED_ERROR';
  readonly status?: number;
}

/** Where a queue message came from: the queue (shard) and the message's id, for records and logs. */
export interface QueueMessageSource {
  readonly queueName: string;
  readonly messageId: string;
}

/**
 * Durable waiting: a job stays in the queue, invisible until it is due, until it was delivered or
 * can never be delivered. Each queue message (a batch of jobs) is handed to the worker by the queue
 * trigger (Azure Functions' Storage queue trigger, or the local host's poller that mirrors it), which
 * deletes it once the handler returned; jobs still to do were queued again by then, so a crash in
 * between can only duplicate a job, which the ledger then sends once.
 */
export interface DeliveryQueue {
  enqueue(jobs: readonly DeliveryJob[], delayMs?: number): Promise<void>;
  /** The jobs of a queue message as the trigger hands it over (text or parsed JSON); undefined when it is not a batch of jobs. */
  read(message: unknown): readonly DeliveryJob[] | undefined;
  /** Sets a message aside in the poison queue of its shard (`{queue}-poison`), where a person can inspect it. */
  poison(source: QueueMessageSource, body: string): Promise<void>;
}

/**
 * Remembers which idempotency keys were queued, per relationship, so a timer running every few
 * minutes (and a meetingEnd event beside it) queues each once. One relationship's keys are read
 * together and recorded together, in as few storage operations as the store allows.
 */
export interface PlannedKeys {
  /** Those of `keys` (all of one relationship) that were queued before. */
  claimed(tenantId: string, relationshipId: string, keys: readonly string[]): Promise<ReadonlySet<string>>;
  /** Records `keys` (all of one relationship) as queued; recording a key again changes nothing. */
  claim(tenantId: string, relationshipId: string, keys: readonly string[]): Promise<void>;
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
    /**
     * Claims the key only, without a place in the person's day: for what is not a bot message in
     * their chat (the in-meeting nudge, shown to someone in the meeting, is not one of their two a day).
     */
    uncounted?: boolean;
  }): Promise<Reservation>;
  markDelivered(tenantId: string, personId: string, idempotencyKey: string, at: Instant, activityId: string): Promise<void>;
  /**
   * The message's end when it was not delivered: a record a person can query, and the key closed for
   * good. A key already closed (delivered, or ended before) keeps its first record: nothing is written.
   */
  markFinal(tenantId: string, personId: string, idempotencyKey: string, at: Instant, final: FinalFailure): Promise<void>;
  /** A queue message that is not a batch of jobs, set aside in the poison queue. */
  recordUnreadable(source: QueueMessageSource, at: Instant): Promise<void>;
}

/**
 * `undeliverable`: it can never arrive (app removed, no agreement, card refused); `expired`: too old
 * to be worth sending; `poisoned`: failed `MAX_FAILED_ATTEMPTS` times, set aside in the poison queue.
 */
export type FinalFailure =
  | { readonly status: 'undeliverable' | 'expired'; readonly reason: string }
  | { readonly status: 'poisoned'; readonly reason: DeliveryFailure['code']; readonly httpStatus?: number; readonly attempts: number };

export type SendOutcome =
  | { readonly kind: 'sent'; readonly activityId: string }
  /** Throttled (429), a transient failure (412, 5xx, network: status 0) or an unexpected status: retry later. */
  | { readonly kind: 'retry'; readonly status: number; readonly retryAfterMs?: number }
  /** The person removed the app or the conversation is gone (403, 404): retrying cannot help. */
  | { readonly kind: 'undeliverable'; readonly status: number };

/**
 * What became of one person's message of a campaign (a programme announcement, invitation or
 * nudge), for the owner's progress counts. `reason` is the ledger's (NOT_INSTALLED, NO_AGREEMENT,
 * EXPIRED, NO_CONTACT_HOURS, HTTP_403, POISONED, a card's error code).
 */
export type CampaignUpdate =
  | { readonly status: 'sent'; readonly at: Instant }
  | { readonly status: 'waiting'; readonly at: Instant; readonly until: Instant }
  | { readonly status: 'unreachable'; readonly at: Instant; readonly reason: string };

/** Sends one card into a stored conversation through the Bot Connector. */
export interface ProactiveSender {
  send(reference: StoredConversationReference, card: unknown): Promise<SendOutcome>;
}

/** Where an in-meeting notification goes: the Teams meeting as its meetingStart event named it. */
export interface MeetingNotificationTarget {
  readonly tenantId: string;
  /** The Bot Connector endpoint of the meeting (the event's serviceUrl). */
  readonly serviceUrl: string;
  /** Teams' meeting id (`MCMxOTpt…`). */
  readonly meetingId: string;
  /** The meeting chat (`19:meeting_…@thread.v2`). */
  readonly chatId: string;
}

/**
 * Teams' targeted in-meeting notification (`POST {serviceUrl}/v1/meetings/{meetingId}/notification`):
 * 202 sent; 207 only to some (for one recipient: not to them); 403/404 never (app not allowed,
 * meeting chat gone, recipient not in the meeting); 429 and 5xx retried like any send.
 */
export interface MeetingNotifier {
  notify(target: MeetingNotificationTarget, notification: unknown): Promise<SendOutcome>;
}
