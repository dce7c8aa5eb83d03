import type { AdaptiveCard } from '../../adapters/cards/adaptive-card';
import { cardLocaleOf } from '../../adapters/cards/card-locale';
import type { ConversationReferenceStore } from '../../core/ports/bot-stores';
import type { DeliveryJob, DeliveryLedger, DeliveryQueue, ProactiveSender } from '../../core/ports/delivery';
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

type Handled = { readonly outcome: JobOutcome; readonly delayMs?: number; readonly job?: DeliveryJob };

/** The queue lease: long enough for one batch with its waits for pacing slots. */
const LEASE_MS = 300_000;
/** After losing a race for the person's day, decide again shortly. */
const RACE_RECHECK_MS = 30_000;

/**
 * Takes due batches from the queue and delivers each job at most once, only inside the person's
 * contact hours and within two a day. Every job either ends (delivered, or recorded as
 * undeliverable/dropped) or goes back to the queue, hidden until its next try: none is forgotten.
 */
export class DeliveryWorker {
  constructor(private readonly deps: DeliveryWorkerDeps) {}

  /** Up to `maxBatches` queue messages; returns what happened to each job. */
  async runOnce(maxBatches = 4): Promise<JobOutcome[]> {
    const batches = await this.deps.queue.receive(maxBatches, LEASE_MS);
    const results = await Promise.all(
      batches.map(async (batch) => {
        const handled = await Promise.all(batch.jobs.map((job) => this.handle(job)));
        const remaining = handled.flatMap((h, i) =>
          h.delayMs === undefined ? [] : [{ job: h.job ?? batch.jobs[i]!, delayMs: h.delayMs }],
        );
        await this.deps.queue.settle(batch, remaining);
        return handled.map((h) => h.outcome);
      }),
    );
    return results.flat();
  }

  async handle(job: DeliveryJob): Promise<Handled> {
    const d = this.deps;
    const recipient = await d.recipientOf(job);
    const reference = await d.references.get(job.tenantId, job.personId);
    if (!recipient || !reference) {
      // No agreement or the app was never installed: recorded, not silently lost.
      await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, d.now(), recipient ? 'NOT_INSTALLED' : 'NO_AGREEMENT');
      return { outcome: 'undeliverable' };
    }
    const now = d.now();
    const history = await d.ledger.history(job.tenantId, job.personId, job.idempotencyKey, now - 2 * DAY);
    const decision = decideDelivery({ message: job, recipient, history, now, nextContactMoment: d.nextContactMoment });
    if (decision.kind === 'drop') {
      if (decision.reason !== 'ALREADY_DELIVERED') await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, now, decision.reason);
      return { outcome: 'dropped' };
    }
    if (decision.kind === 'wait') return { outcome: 'waiting', delayMs: decision.until - now };
    const reservation = await d.ledger.reserve({
      tenantId: job.tenantId,
      personId: job.personId,
      idempotencyKey: job.idempotencyKey,
      localDate: decision.localDate,
      limit: DAILY_MESSAGE_LIMIT,
      at: now,
      owner: job.jobId,
      snapshot: history,
    });
    if (reservation === 'alreadyDelivered') return { outcome: 'dropped' };
    if (reservation === 'dayFull' || reservation === 'reservedByAnother') return { outcome: 'waiting', delayMs: RACE_RECHECK_MS };

    const user: BotUser = { tenantId: job.tenantId, userId: job.personId, displayName: '', locale: cardLocaleOf(reference.locale) };
    const card = await d.compose(job, user);
    if (!card.ok) {
      await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, now, card.error.code);
      return { outcome: 'undeliverable' };
    }
    const pacer = d.pacerFor(job.tenantId);
    await pacer.acquire();
    const outcome = await d.sender.send(reference, card.value);
    if (outcome.kind === 'sent') {
      pacer.succeeded();
      await d.ledger.markDelivered(job.tenantId, job.personId, job.idempotencyKey, d.now(), outcome.activityId);
      return { outcome: 'delivered' };
    }
    if (outcome.kind === 'undeliverable') {
      await d.ledger.markUndeliverable(job.tenantId, job.personId, job.idempotencyKey, d.now(), `HTTP_${outcome.status}`);
      return { outcome: 'undeliverable' };
    }
    if (outcome.status === 429) pacer.throttled();
    const attempt = job.attempt + 1;
    const delayMs = retryDelayMs(attempt, outcome.retryAfterMs);
    d.log?.('delivery retry', { key: job.idempotencyKey, status: outcome.status, attempt, delayMs });
    return { outcome: 'retrying', delayMs, job: { ...job, attempt } };
  }
}
