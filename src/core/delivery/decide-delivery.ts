import { DAY, type Instant } from '../time/interval';
import type { ProactiveMessage } from './bot-message';
import type { DeliveryRecipient, NextContactMoment } from './contact-hours';
import { localDayAt } from './local-day';

/** Nobody hears from the bot more than this many times in one of their own days. */
export const DAILY_MESSAGE_LIMIT = 2;

/**
 * A proactive message older than this (from the moment it became due, e.g. the meeting's end) is
 * dropped and recorded as expired: a check-in about a meeting more than a week ago helps nobody, and
 * no message may wait in the queue forever.
 */
export const MESSAGE_MAX_AGE = 7 * DAY;

/**
 * After this many failed tries (the connector answered an error other than 429, or handling the job
 * threw) a message is set aside in the poison queue with a record of its last error, never retried
 * again. Throttling (429) is pacing, not failure: it is retried until the message expires.
 */
export const MAX_FAILED_ATTEMPTS = 5;

/** When a message stops being worth sending: its own expiry, and never later than `MESSAGE_MAX_AGE` after it became due. */
export function expiryOf(message: Pick<ProactiveMessage, 'notBefore' | 'expiresAt'>): Instant {
  return Math.min(message.expiresAt ?? Number.POSITIVE_INFINITY, message.notBefore + MESSAGE_MAX_AGE);
}

/** What the delivery worker knows about one person when it decides. */
export interface RecipientHistory {
  /** This message's idempotency key has already been delivered. */
  readonly alreadyDelivered: boolean;
  /** When proactive messages reached this person recently (at least the last two days). */
  readonly deliveredAt: readonly Instant[];
}

export type DeliveryDecision =
  | { readonly kind: 'send'; readonly localDate: string }
  | { readonly kind: 'wait'; readonly until: Instant; readonly reason: 'OUTSIDE_CONTACT_HOURS' | 'DAILY_LIMIT_REACHED' | 'NOT_YET_DUE' }
  | { readonly kind: 'drop'; readonly reason: 'ALREADY_DELIVERED' | 'EXPIRED' | 'NO_CONTACT_HOURS' };

/** How many local days ahead we look for a day with room before giving up and re-checking later. */
const DAYS_AHEAD = 14;

/**
 * Decides whether a proactive message goes out now, waits, or is dropped. Pure: `now` and the
 * contact-hours rule come in as arguments, so the same decision is taken in tests with a fixed clock.
 */
export function decideDelivery(input: {
  /** Only when it is due and when it expires matter here (a bot card or an activity-feed notification). */
  readonly message: Pick<ProactiveMessage, 'notBefore' | 'expiresAt'>;
  readonly recipient: DeliveryRecipient;
  readonly history: RecipientHistory;
  readonly now: Instant;
  readonly nextContactMoment: NextContactMoment;
  readonly dailyLimit?: number;
}): DeliveryDecision {
  const { message, recipient, history, now, nextContactMoment } = input;
  const limit = input.dailyLimit ?? DAILY_MESSAGE_LIMIT;
  if (history.alreadyDelivered) return { kind: 'drop', reason: 'ALREADY_DELIVERED' };
  const expiresAt = expiryOf(message);
  if (expiresAt <= now) return { kind: 'drop', reason: 'EXPIRED' };

  let from = Math.max(now, message.notBefore);
  let reason: 'OUTSIDE_CONTACT_HOURS' | 'DAILY_LIMIT_REACHED' | 'NOT_YET_DUE' =
    message.notBefore > now ? 'NOT_YET_DUE' : 'OUTSIDE_CONTACT_HOURS';
  for (let i = 0; i < DAYS_AHEAD; i++) {
    const moment = nextContactMoment(recipient, from);
    if (moment === undefined) return { kind: 'drop', reason: 'NO_CONTACT_HOURS' };
    if (moment >= expiresAt) return { kind: 'drop', reason: 'EXPIRED' };
    const day = localDayAt(moment, recipient.timeZone);
    const sameDay = history.deliveredAt.filter((t) => t >= day.start && t < day.end).length;
    if (sameDay < limit) {
      if (moment <= now) return { kind: 'send', localDate: day.date };
      return { kind: 'wait', until: moment, reason };
    }
    reason = 'DAILY_LIMIT_REACHED';
    from = day.end;
  }
  return { kind: 'wait', until: from, reason: 'DAILY_LIMIT_REACHED' };
}
