import type { AdaptiveCard } from '../../adapters/cards/adaptive-card';
import { cardLocaleOf } from '../../adapters/cards/card-locale';
import type { ConversationReferenceStore } from '../../core/ports/bot-stores';
import type { CampaignUpdate, DeliveryFailure, DeliveryJob, DeliveryLedger, DeliveryQueue, MeetingNotifier, ProactiveSender, QueueMessageSource, SendOutcome } from '../../core/ports/delivery';
import type { StoredConversationReference } from '../../core/ports/bot-stores';
import { endingSoonObstacle } from '../../core/delivery/meeting-ending-soon';
import type { Meeting, TeamsMeetingRef } from '../../core/relationships/meeting';
import type { CardLocale } from '../../adapters/cards/card-locale';
import type { DeliveryRecipient, NextContactMoment } from '../../core/delivery/contact-hours';
import { DAILY_MESSAGE_LIMIT, decideDelivery, expiryOf, MAX_FAILED_ATTEMPTS } from '../../core/delivery/decide-delivery';
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
  /** Records what became of a campaign's message (jobs with a `campaignId`), for the owner's progress. */
  readonly campaignProgress?: (job: DeliveryJob, update: CampaignUpdate) => Promise<void>;
  /**
   * Jobs handled at once by this worker, across all the messages the queue triggers hand it (a
   * message carries up to 100 jobs, and the triggers take 16 messages per queue at a time): the
   * rest wait their turn inside the process instead of flooding storage with requests. Default
   * `MAX_JOBS_IN_FLIGHT`.
   */
  readonly maxJobsInFlight?: number;
  /**
   * The in-meeting nudge ('meetingEndingSoon'): not a card in the person's chat but Teams' targeted
   * notification inside the meeting, so neither contact hours nor the two-a-day rule apply (the
   * person is in the meeting); exactly once through the ledger all the same. Without it such jobs
   * are recorded as undeliverable.
   */
  readonly inMeeting?: {
    /** The meeting as stored now: a cancellation, an early end or a move since planning stops the nudge. */
    readonly meetingOf: (job: DeliveryJob) => Promise<Meeting | undefined>;
    readonly notifier: MeetingNotifier;
    /** The request body for this person (their Teams id and language), pointing at the panel. */
    readonly notification: (input: { readonly recipientMri: string; readonly locale: CardLocale }) => unknown;
  };
}

/** See `DeliveryWorkerDeps.maxJobsInFlight`: enough to keep storage and the connector busy, few enough to leave room for planning. */
export const MAX_JOBS_IN_FLIGHT = 64;

export type JobOutcome = 'delivered' | 'waiting' | 'retrying' | 'dropped' | 'expired' | 'undeliverable' | 'poisoned';

type Handled = { readonly outcome: JobOutcome; readonly delayMs?: number; readonly job?: DeliveryJob };

/** After losing a race for the person's day, decide again shortly. */
const RACE_RECHECK_MS = 30_000;

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Delivers the jobs of one queue message at most once each, only inside the person's contact hours
 * and within two a day. Each job is handled on its own: whatever one job meets (an unexpected
 * connector status, a storage error, a bug) fails that job only. Every job ends (delivered, or
 * recorded as undeliverable, expired or poisoned) or goes back to the queue, hidden until its next
 * try; after `MAX_FAILED_ATTEMPTS` failures it is set aside in the poison queue: none is forgotten and
 * none loops forever.
 */
export class DeliveryWorker {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly deps: DeliveryWorkerDeps) {}

  /** Runs `work` when fewer than the limit of jobs are in flight. */
  private async limited<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= (this.deps.maxJobsInFlight ?? MAX_JOBS_IN_FLIGHT)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inFlight++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next job waiting, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight--;
    }
  }

  /**
   * The queue trigger's handler: Azure Functions' Storage queue trigger calls it with each message,
   * the local host's poller the same way, and the message is deleted when it returns. It throws only
   * when the jobs still to do could not be queued again, so the trigger retries the message.
   */
  async handleMessage(message: unknown, source: QueueMessageSource): Promise<JobOutcome[]> {
    const d = this.deps;
    const jobs = d.queue.read(message);
    if (!jobs) {
      // Not a batch of jobs (another version, or not ours): set aside at once, never retried.
      await d.queue.poison(source, typeof message === 'string' ? message : JSON.stringify(message) ?? '');
      await d.ledger.recordUnreadable(source, d.now());
      d.log?.('delivery message unreadable, moved to the poison queue', { ...source, code: 'DELIVERY.UNREADABLE_MESSAGE' });
      return ['poisoned'];
    }
    const settled = await Promise.allSettled(jobs.map((job) => this.limited(() => this.handle(job))));
    const handled = settled.map((result, i): Handled => {
      if (result.status === 'fulfilled') return result.value;
      const job = jobs[i]!;
      d.log?.('delivery job failed', { key: job.idempotencyKey, code: 'DELIVERY.UNEXPECTED_ERROR', error: describe(result.reason) });
      return this.failed(job, { code: 'DELIVERY.UNEXPECTED_ERROR' });
    });
    for (const h of handled) if (h.outcome === 'poisoned') await this.poison(h.job!, source);
    // Grouped by delay: one queue message per group (the jobs of a message wait equally long).
    const groups = new Map<number, DeliveryJob[]>();
    handled.forEach((h, i) => {
      if (h.delayMs === undefined) return;
      const delay = Math.max(0, Math.ceil(h.delayMs / 1000) * 1000);
      groups.set(delay, [...(groups.get(delay) ?? []), h.job ?? jobs[i]!]);
    });
    for (const [delayMs, group] of groups) await d.queue.enqueue(group, delayMs);
    return handled.map((h) => h.outcome);
  }

  /** The owner's progress counts; a failure here never changes what happened to the message. */
  private async progress(job: DeliveryJob, update: CampaignUpdate): Promise<void> {
    if (!job.campaignId || !this.deps.campaignProgress) return;
    try {
      await this.deps.campaignProgress(job, update);
    } catch (error) {
      this.deps.log?.('campaign progress not recorded', { key: job.idempotencyKey, campaignId: job.campaignId, error: describe(error) });
    }
  }

  /** One failure more: retried with backoff, or poisoned at the limit. */
  private failed(job: DeliveryJob, failure: DeliveryFailure): Handled {
    const failures = (job.failures ?? 0) + 1;
    const attempt = job.attempt + 1;
    const next: DeliveryJob = { ...job, attempt, failures, lastError: failure };
    if (failures >= MAX_FAILED_ATTEMPTS) return { outcome: 'poisoned', job: next };
    return { outcome: 'retrying', delayMs: retryDelayMs(attempt, undefined), job: next };
  }

  private async poison(job: DeliveryJob, source: QueueMessageSource): Promise<void> {
    const d = this.deps;
    const failure = job.lastError ?? { code: 'DELIVERY.UNEXPECTED_ERROR' as const };
    await d.queue.poison(source, JSON.stringify({ jobs: [job] }));
    await d.ledger.markFinal(job.tenantId, job.personId, job.idempotencyKey, d.now(), {
      status: 'poisoned',
      reason: failure.code,
      ...(failure.status !== undefined ? { httpStatus: failure.status } : {}),
      attempts: job.failures ?? MAX_FAILED_ATTEMPTS,
    });
    await this.progress(job, { status: 'unreachable', at: d.now(), reason: 'POISONED' });
    d.log?.('delivery job poisoned', { key: job.idempotencyKey, tenantId: job.tenantId, code: failure.code, status: failure.status, attempts: job.failures });
  }

  async handle(job: DeliveryJob): Promise<Handled> {
    if (job.kind === 'meetingEndingSoon') return this.handleInMeeting(job);
    const d = this.deps;
    const now = d.now();
    // The key's state is read beside the recipient: a duplicate of a job already delivered (or ended)
    // stops here, whatever became of the person since, and never writes over the first record.
    const [recipient, reference, history] = await Promise.all([
      d.recipientOf(job),
      d.references.get(job.tenantId, job.personId),
      d.ledger.history(job.tenantId, job.personId, job.idempotencyKey, now - 2 * DAY),
    ]);
    if (history.alreadyDelivered) return { outcome: 'dropped' };
    if (!recipient || !reference) {
      // No agreement or the app was never installed: recorded, not silently lost.
      await d.ledger.markFinal(job.tenantId, job.personId, job.idempotencyKey, d.now(), {
        status: 'undeliverable',
        reason: recipient ? 'NOT_INSTALLED' : 'NO_AGREEMENT',
      });
      await this.progress(job, { status: 'unreachable', at: d.now(), reason: recipient ? 'NOT_INSTALLED' : 'NO_AGREEMENT' });
      return { outcome: 'undeliverable' };
    }
    const decision = decideDelivery({ message: job, recipient, history, now, nextContactMoment: d.nextContactMoment });
    if (decision.kind === 'drop') {
      if (decision.reason === 'ALREADY_DELIVERED') return { outcome: 'dropped' };
      const expired = decision.reason === 'EXPIRED';
      await d.ledger.markFinal(job.tenantId, job.personId, job.idempotencyKey, now, { status: expired ? 'expired' : 'undeliverable', reason: decision.reason });
      await this.progress(job, { status: 'unreachable', at: now, reason: decision.reason });
      if (expired) d.log?.('delivery job expired', { key: job.idempotencyKey, tenantId: job.tenantId, notBefore: job.notBefore });
      return { outcome: expired ? 'expired' : 'dropped' };
    }
    if (decision.kind === 'wait') {
      if (decision.reason !== 'NOT_YET_DUE') await this.progress(job, { status: 'waiting', at: now, until: decision.until });
      return { outcome: 'waiting', delayMs: decision.until - now };
    }
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
      await d.ledger.markFinal(job.tenantId, job.personId, job.idempotencyKey, now, { status: 'undeliverable', reason: card.error.code });
      await this.progress(job, { status: 'unreachable', at: now, reason: card.error.code });
      return { outcome: 'undeliverable' };
    }
    const pacer = d.pacerFor(job.tenantId);
    await pacer.acquire();
    const outcome = await d.sender.send(reference, card.value);
    if (outcome.kind === 'sent') {
      pacer.succeeded();
      await d.ledger.markDelivered(job.tenantId, job.personId, job.idempotencyKey, d.now(), outcome.activityId);
      await this.progress(job, { status: 'sent', at: d.now() });
      return { outcome: 'delivered' };
    }
    if (outcome.kind === 'undeliverable') {
      await d.ledger.markFinal(job.tenantId, job.personId, job.idempotencyKey, d.now(), { status: 'undeliverable', reason: `HTTP_${outcome.status}` });
      await this.progress(job, { status: 'unreachable', at: d.now(), reason: `HTTP_${outcome.status}` });
      return { outcome: 'undeliverable' };
    }
    return this.retryOrFail(job, outcome, pacer);
  }

  /** A send that did not go through and may later: a failure (with its budget), or throttling (pacing). */
  private retryOrFail(job: DeliveryJob, outcome: Extract<SendOutcome, { kind: 'retry' }>, pacer: AdaptivePacer): Handled {
    const d = this.deps;
    if (outcome.status !== 429) {
      d.log?.('delivery connector error', { key: job.idempotencyKey, code: 'DELIVERY.CONNECTOR_ERROR', status: outcome.status });
      return this.failed(job, { code: 'DELIVERY.CONNECTOR_ERROR', status: outcome.status });
    }
    // Throttling is pacing, not failure: slower, and back through the queue until the message expires.
    pacer.throttled();
    const attempt = job.attempt + 1;
    return { outcome: 'retrying', delayMs: retryDelayMs(attempt, outcome.retryAfterMs), job: { ...job, attempt } };
  }

  /**
   * "5 minutes left" inside the Teams meeting: waits in the queue until it is due, is dropped at the
   * scheduled end, and is not sent when the meeting was cancelled, ended, moved or never started in
   * Teams; otherwise the key is claimed (not counted in the person's day) and the notification goes
   * to this person only, in their language.
   */
  private async handleInMeeting(job: DeliveryJob): Promise<Handled> {
    const d = this.deps;
    const now = d.now();
    const final = async (status: 'undeliverable' | 'expired', reason: string, outcome: JobOutcome): Promise<Handled> => {
      await d.ledger.markFinal(job.tenantId, job.personId, job.idempotencyKey, now, { status, reason });
      return { outcome };
    };
    const history = await d.ledger.history(job.tenantId, job.personId, job.idempotencyKey, now);
    if (history.alreadyDelivered) return { outcome: 'dropped' };
    if (expiryOf(job) <= now) return final('expired', 'EXPIRED', 'expired');
    if (job.notBefore > now) return { outcome: 'waiting', delayMs: job.notBefore - now };
    if (!d.inMeeting) return final('undeliverable', 'NOT_CONFIGURED', 'undeliverable');
    const meeting = await d.inMeeting.meetingOf(job);
    const obstacle = endingSoonObstacle(meeting, job.expiresAt ?? Number.NaN);
    if (obstacle) return final('undeliverable', obstacle, 'dropped');
    const reference: StoredConversationReference | undefined = await d.references.get(job.tenantId, job.personId);
    // Teams addresses the notification by the person's Teams id, which their chat with the bot gave us.
    if (!reference) return final('undeliverable', 'NOT_INSTALLED', 'undeliverable');
    const reservation = await d.ledger.reserve({
      tenantId: job.tenantId,
      personId: job.personId,
      idempotencyKey: job.idempotencyKey,
      localDate: new Date(now).toISOString().slice(0, 10),
      limit: DAILY_MESSAGE_LIMIT,
      at: now,
      owner: job.jobId,
      snapshot: history,
      uncounted: true,
    });
    if (reservation === 'alreadyDelivered') return { outcome: 'dropped' };
    if (reservation === 'dayFull' || reservation === 'reservedByAnother') return { outcome: 'waiting', delayMs: RACE_RECHECK_MS };
    const teams = meeting!.teamsMeeting as TeamsMeetingRef;
    const pacer = d.pacerFor(job.tenantId);
    await pacer.acquire();
    const outcome = await d.inMeeting.notifier.notify(
      { tenantId: job.tenantId, serviceUrl: teams.serviceUrl, meetingId: teams.meetingId, chatId: teams.chatId },
      d.inMeeting.notification({ recipientMri: reference.userId, locale: cardLocaleOf(reference.locale) }),
    );
    if (outcome.kind === 'sent') {
      pacer.succeeded();
      await d.ledger.markDelivered(job.tenantId, job.personId, job.idempotencyKey, d.now(), outcome.activityId);
      return { outcome: 'delivered' };
    }
    if (outcome.kind === 'undeliverable') {
      await d.ledger.markFinal(job.tenantId, job.personId, job.idempotencyKey, d.now(), { status: 'undeliverable', reason: `HTTP_${outcome.status}` });
      return { outcome: 'undeliverable' };
    }
    return this.retryOrFail(job, outcome, pacer);
  }
}
