/**
 * Delivers activity-feed notifications from the feed queue, as the delivery worker delivers bot
 * cards and on the same ledger: each event once (its key), inside the person's contact hours, within
 * the daily limit the bot's cards count in too. The words are written now, in the person's language
 * (their bot conversation's, English when they have none) and zone.
 *
 * Every job ends or goes back to the queue, hidden until its next try:
 * - sent, or already sent (a duplicate job): done;
 * - no longer needed when it may go out (the request answered, the check-in written meanwhile):
 *   recorded as expired, not sent;
 * - outside contact hours, the day full, not yet due: back until that moment;
 * - Graph throttled (429, after the Graph client's own Retry-After retries) or unavailable: back
 *   after Graph's Retry-After (backoff without one); the key stays reserved for this job, so its retry
 *   sends, and no other job can;
 * - Graph answers 403/404 (the app is not installed for the person, so Teams has no feed to put it
 *   in): recorded as undeliverable with that reason, never retried;
 * - anything else: retried up to MAX_FAILED_ATTEMPTS times, then recorded as undeliverable.
 */
import { cardLocaleOf, type CardLocale } from '../../adapters/cards/card-locale';
import { composeFeedNotification } from '../../adapters/cards/feed-strings';
import type { DeliveryRecipient, NextContactMoment } from '../../core/delivery/contact-hours';
import { MAX_FAILED_ATTEMPTS } from '../../core/delivery/decide-delivery';
import { deliverFeedNotification, type ActivityFeedPort, type FeedNotification } from '../../core/feed/activity-feed';
import type { FeedEvent } from '../../core/feed/feed-events';
import type { DeliveryLedger, QueueMessageSource } from '../../core/ports/delivery';
import type { FeedJob, FeedQueue } from '../../core/ports/feed';
import { ok, type Result } from '../../core/result';
import { retryDelayMs } from './adaptive-pacer';

export interface FeedWorkerDeps {
  readonly queue: FeedQueue;
  readonly ledger: DeliveryLedger;
  /** The tenant's app-only Graph access to `sendActivityNotification`. */
  readonly feedFor: (tenantId: string) => Result<ActivityFeedPort>;
  /** The person's zone and contact hours (their agreement's, or weekday office hours in their zone). */
  readonly recipientOf: (event: FeedEvent) => Promise<DeliveryRecipient | undefined>;
  /** Whether the event still needs the person (feedEventStillNeeded): a request answered meanwhile is not notified. */
  readonly stillNeeded: (event: FeedEvent) => Promise<Result<boolean>>;
  /** A person's name as notifications show it (nameForFeed), for events whose name is read as they are sent. */
  readonly nameOf: (tenantId: string, personId: string) => Promise<Result<string>>;
  /** The language the person uses with the bot. */
  readonly localeOf: (tenantId: string, personId: string) => Promise<string | undefined>;
  /** The tab page as a deep link (Teams: the static tab with the page as subPageId). */
  readonly linkTo: (page: string) => string;
  readonly nextContactMoment: NextContactMoment;
  readonly now: () => number;
  readonly log?: (event: string, details: Record<string, unknown>) => void;
}

/** The delivery worker's words (JobOutcome), so both queues' triggers answer alike. */
export type FeedJobOutcome = 'delivered' | 'waiting' | 'retrying' | 'dropped' | 'undeliverable';

interface Handled {
  readonly outcome: FeedJobOutcome;
  readonly delayMs?: number;
  readonly job?: FeedJob;
}

/** The app is not installed for the person (or was removed): Teams has no feed of ours to write to. */
export const APP_NOT_INSTALLED = 'APP_NOT_INSTALLED';

export class FeedWorker {
  constructor(private readonly deps: FeedWorkerDeps) {}

  /** The queue trigger's handler; it throws only when jobs still to do could not be queued again. */
  async handleMessage(message: unknown, source: QueueMessageSource): Promise<FeedJobOutcome[]> {
    const d = this.deps;
    const jobs = d.queue.read(message);
    if (!jobs) {
      await d.ledger.recordUnreadable(source, d.now());
      d.log?.('feed message unreadable; dropped', { ...source, code: 'DELIVERY.UNREADABLE_MESSAGE' });
      return ['dropped'];
    }
    const handled: Handled[] = [];
    for (const job of jobs) {
      try {
        handled.push(await this.handle(job));
      } catch (error) {
        d.log?.('feed job failed', { key: job.event.key, code: 'DELIVERY.UNEXPECTED_ERROR', error: error instanceof Error ? error.message : String(error) });
        handled.push(await this.failed(job, 'DELIVERY.UNEXPECTED_ERROR'));
      }
    }
    const groups = new Map<number, FeedJob[]>();
    handled.forEach((h, i) => {
      if (h.delayMs === undefined) return;
      const delay = Math.max(0, Math.ceil(h.delayMs / 1000) * 1000);
      groups.set(delay, [...(groups.get(delay) ?? []), h.job ?? jobs[i]!]);
    });
    for (const [delayMs, group] of groups) await d.queue.enqueue(group, delayMs);
    return handled.map((h) => h.outcome);
  }

  private async final(job: FeedJob, reason: string): Promise<Handled> {
    const e = job.event;
    // A duplicate job of a notification already sent must not write its key over as undeliverable.
    const history = await this.deps.ledger.history(e.tenantId, e.personId, e.key, this.deps.now());
    if (history.alreadyDelivered) return { outcome: 'dropped' };
    await this.deps.ledger.markFinal(e.tenantId, e.personId, e.key, this.deps.now(), { status: 'undeliverable', reason });
    this.deps.log?.('feed notification undeliverable', { key: e.key, tenantId: e.tenantId, reason });
    return { outcome: 'undeliverable' };
  }

  private async failed(job: FeedJob, code: string): Promise<Handled> {
    const failures = (job.failures ?? 0) + 1;
    const attempt = job.attempt + 1;
    if (failures >= MAX_FAILED_ATTEMPTS) return this.final(job, `FAILED_${failures}_TIMES:${code}`);
    return { outcome: 'retrying', delayMs: retryDelayMs(attempt, undefined), job: { ...job, attempt, failures } };
  }

  async handle(job: FeedJob): Promise<Handled> {
    const d = this.deps;
    const e = job.event;
    const feed = d.feedFor(e.tenantId);
    if (!feed.ok) return this.final(job, feed.error.code);
    const recipient = await d.recipientOf(e);
    if (!recipient) return this.final(job, 'NO_RECIPIENT');
    const locale: CardLocale = cardLocaleOf(await d.localeOf(e.tenantId, e.personId));
    const notification = composeFeedNotification(e, locale, recipient.timeZone);
    // A name read at sending (a check-in due): only once the notification is sure to go out now.
    const subjectPersonId = e.subjectPersonId;
    const completed =
      subjectPersonId === undefined
        ? undefined
        : async (): Promise<Result<FeedNotification>> => {
            const name = await d.nameOf(e.tenantId, subjectPersonId);
            return name.ok ? ok(composeFeedNotification({ ...e, subject: name.value }, locale, recipient.timeZone)) : name;
          };
    const now = d.now();
    const delivered = await deliverFeedNotification(
      { ledger: d.ledger, feed: feed.value, nextContactMoment: d.nextContactMoment, linkTo: d.linkTo, stillNeeded: () => d.stillNeeded(e), ...(completed ? { completed } : {}) },
      { notification, recipient, owner: job.jobId, now },
    );
    if (delivered.ok) {
      const outcome = delivered.value;
      if (outcome.kind === 'sent') return { outcome: 'delivered' };
      if (outcome.kind === 'dropped') return { outcome: outcome.reason === 'ALREADY_DELIVERED' || outcome.reason === 'NO_LONGER_NEEDED' ? 'dropped' : 'undeliverable' };
      return { outcome: 'waiting', delayMs: outcome.until - now };
    }
    const { code, details } = delivered.error;
    const status = typeof details?.status === 'number' ? details.status : undefined;
    if (code === 'GRAPH.NOT_FOUND' || code === 'GRAPH.FORBIDDEN') return this.final(job, `${APP_NOT_INSTALLED} (HTTP ${status ?? '?'})`);
    if (code === 'GRAPH.THROTTLED' || code === 'GRAPH.UNAVAILABLE') {
      // Throttling is pacing, not failure: back through the queue until the notification expires.
      const attempt = job.attempt + 1;
      const retryAfterMs = typeof details?.retryAfterMs === 'number' ? details.retryAfterMs : undefined;
      d.log?.('feed notification throttled; retried later', { key: e.key, code, status, retryAfterMs });
      return { outcome: 'retrying', delayMs: retryDelayMs(attempt, retryAfterMs), job: { ...job, attempt } };
    }
    return this.failed(job, code);
  }
}
