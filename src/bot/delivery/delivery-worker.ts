import type { AdaptiveCard } from '../../adapters/cards/adaptive-card';
import { cardLocaleOf } from '../../adapters/cards/card-locale';
import type { ConversationReferenceStore } from '../../adapters/bot/bot-stores';
import type { DeliveryJob, DeliveryLedger, DeliveryQueue, ProactiveSender, QueuedDelivery } from '../../adapters/bot/delivery-ports';
import type { DeliveryRecipient, NextContactMoment } from '../../core/delivery/contact-hours';
import { DAILY_MESSAGE_LIMIT, decideDelivery } from '../../core/delivery/decide-delivery';
import type { Result } from '../../core/result';
import { DAY } from '../../core/time/interval';
import type { BotUser } from '../conversation/mentoring-conversation';
import { AdaptivePacer, retryDelayMs } from './adaptive-pacer';

export interface DeliveryWorkerDeps {
  readonly queue: DeliveryQueue;
  readonly ledger: DeliveryLedger;
  readonly sender: ProactiveSender;
  readonly references: ConversationReferenceStore;
  /** The person's zone and contact hours from their signed agreement. */
  readonly recipientOf: (job: DeliveryJob) => Promise<DeliveryRecipient | undefined>;
  /** Builds the card for the job (issuing a fresh check-in nonce where the card has one). */
  readonly compose: (job: DeliveryJob, user: BotUser) => Promise<Result<AdaptiveCard>>;
  readonly nextContactMoment: NextContactMoment;
  readonly now: () => number;
  /** Teams limits each tenant separately, so pacing is per tenant. */
  readonly pacerFor: (tenantId: string) => AdaptivePacer;
  readonly log?: (event: string, details: Record<string, unknown>) => void;
}

export type JobOutcome = 'delivered' | 'waiting' | 'retrying' | 'dropped' | 'undeliverable';

/** The queue lease: long enough for one send with its waits for a pacing slot. */
const LEASE_MS = 120_000;
/** After losing a race for the person's day, decide again shortly. */
const RACE_RECHECK_MS = 30_000;

/**
 * Takes due jobs from the queue and delivers each one at most once, only inside the person's contact
 * hours and within two a day. Every path either completes the queue message (delivered, or recorded
 * as undeliverable/dropped) or hides it again for a later attempt: a job is never simply forgotten.
 */
export class DeliveryWorker {
  constructor(private readonly deps: DeliveryWorkerDeps) {}

  /** One batch; returns what happened to each job. */
  async runOnce(max = 32): Promise<JobOutcome[]> {
    const items = await this.deps.queue.receive(max, LEASE_MS);
    return Promise.all(items.map((item) => this.handle(item)));
  }

  async handle(item: QueuedDelivery): Promise<JobOutcome> {
    const { job } = item;
    const d = this.deps;
    const recipient = await d.recipientOf(job);
    const reference = await d.references.get(job.tenantId, job.personId);
    if (!recipient || !reference) {
      // No agreement or the app was never installed: recorded, not silently lost.
      await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, d.now(), recipient ? 'NOT_INSTALLED' : 'NO_AGREEMENT');
      await d.queue.complete(item);
      return 'undeliverable';
    }
    const now = d.now();
    const history = await d.ledger.history(job.tenantId, job.personId, job.idempotencyKey, now - 2 * DAY);
    const decision = decideDelivery({ message: job, recipient, history, now, nextContactMoment: d.nextContactMoment });
    if (decision.kind === 'drop') {
      if (decision.reason !== 'ALREADY_DELIVERED') await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, now, decision.reason);
      await d.queue.complete(item);
      return 'dropped';
    }
    if (decision.kind === 'wait') {
      await d.queue.defer(item, decision.until - now);
      return 'waiting';
    }
    const reservation = await d.ledger.reserve({
      tenantId: job.tenantId,
      personId: job.personId,
      idempotencyKey: job.idempotencyKey,
      localDate: decision.localDate,
      limit: DAILY_MESSAGE_LIMIT,
      at: now,
      owner: item.messageId,
      snapshot: history,
    });
    if (reservation === 'alreadyDelivered') {
      await d.queue.complete(item);
      return 'dropped';
    }
    if (reservation === 'dayFull' || reservation === 'reservedByAnother') {
      await d.queue.defer(item, RACE_RECHECK_MS);
      return 'waiting';
    }

    const user: BotUser = { tenantId: job.tenantId, userId: job.personId, displayName: '', locale: cardLocaleOf(reference.locale) };
    const card = await d.compose(job, user);
    if (!card.ok) {
      await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, now, card.error.code);
      await d.queue.complete(item);
      return 'undeliverable';
    }
    const pacer = d.pacerFor(job.tenantId);
    await pacer.acquire();
    const outcome = await d.sender.send(reference, card.value);
    if (outcome.kind === 'sent') {
      pacer.succeeded();
      await d.ledger.markDelivered(job.tenantId, job.personId, job.idempotencyKey, d.now(), outcome.activityId);
      await d.queue.complete(item);
      return 'delivered';
    }
    if (outcome.kind === 'undeliverable') {
      await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, d.now(), `HTTP_${outcome.status}`);
      await d.queue.complete(item);
      return 'undeliverable';
    }
    if (outcome.status === 429) pacer.throttled();
    const delay = retryDelayMs(item.dequeueCount, outcome.retryAfterMs);
    d.log?.('delivery retry', { key: job.idempotencyKey, status: outcome.status, delayMs: delay });
    await d.queue.defer(item, delay);
    return 'retrying';
  }
}
