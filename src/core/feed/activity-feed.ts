/**
 * Teams activity-feed notifications: what needs a person becomes a notification in their Teams
 * activity feed that opens the right screen of the tab; the bot's chat stays for cards that ask for
 * an answer. The five activity types are declared in appPackage/manifest.json (`activities`) with
 * their Polish words in appPackage/pl.json.
 *
 * A notification is delivered as the bot's proactive messages are: at most once per event (the
 * delivery ledger's idempotency key), only inside the person's contact hours, and counted in the same
 * daily limit (DAILY_MESSAGE_LIMIT across bot cards and feed notifications together).
 */
import { ok, type Result } from '../result';
import type { DeliveryLedger } from '../ports/delivery';
import type { DeliveryRecipient, NextContactMoment } from '../delivery/contact-hours';
import { DAILY_MESSAGE_LIMIT, decideDelivery } from '../delivery/decide-delivery';
import { DAY, type Instant } from '../time/interval';

export const FEED_ACTIVITY_TYPES = ['requestWaiting', 'agreementToAccept', 'checkInDue', 'meetingMovedOutside', 'programmeInvitation'] as const;
export type FeedActivityType = (typeof FEED_ACTIVITY_TYPES)[number];

/** The template parameter each activity type's manifest text names. */
export const FEED_TEMPLATE_PARAMETER: Readonly<Record<FeedActivityType, 'person' | 'programme'>> = {
  requestWaiting: 'person',
  agreementToAccept: 'person',
  checkInDue: 'person',
  meetingMovedOutside: 'person',
  programmeInvitation: 'programme',
};

export interface FeedNotification {
  readonly type: FeedActivityType;
  readonly tenantId: string;
  readonly personId: string;
  /** Same event → same key (feedKeys), so a notification is sent at most once. */
  readonly key: string;
  /** The tab page it opens (the deep link's subPageId), e.g. "relationship/<id>/agreement". */
  readonly page: string;
  /** The topic line: what it is about, e.g. "Mentoring with Kacper Nowak". */
  readonly topic: string;
  /** The value of the type's template parameter (FEED_TEMPLATE_PARAMETER): a name or a programme. */
  readonly subject: string;
  /** Up to 150 characters Teams shows under the line. */
  readonly previewText: string;
  readonly notBefore: Instant;
  readonly expiresAt?: Instant;
}

export const feedKeys = {
  requestWaiting: (requestId: string, mentorId: string) => `feed|request|${requestId}|${mentorId}`,
  agreementToAccept: (relationshipId: string, version: number, personId: string) => `feed|agreement|${relationshipId}|${version}|${personId}`,
  checkInDue: (meetingId: string, personId: string) => `feed|checkin|${meetingId}|${personId}`,
  meetingMovedOutside: (meetingId: string, start: Instant, personId: string) => `feed|moved|${meetingId}|${start}|${personId}`,
  programmeInvitation: (programmeId: string, personId: string) => `feed|programme|${programmeId}|${personId}`,
};

/** Sends one notification to one person's activity feed (Graph `sendActivityNotification`). */
export interface ActivityFeedPort {
  send(notification: FeedNotification, webUrl: string): Promise<Result<void>>;
}

export type FeedOutcome =
  | { readonly kind: 'sent' }
  | { readonly kind: 'wait'; readonly until: Instant; readonly reason: 'OUTSIDE_CONTACT_HOURS' | 'DAILY_LIMIT_REACHED' | 'NOT_YET_DUE' | 'RESERVED_ELSEWHERE' }
  | { readonly kind: 'dropped'; readonly reason: 'ALREADY_DELIVERED' | 'EXPIRED' | 'NO_CONTACT_HOURS' | 'NO_LONGER_NEEDED' };

/** After losing a race for the person's day (or the key), decide again shortly. */
const RACE_RECHECK_MS = 30_000;

/**
 * Sends the notification now if the person's contact hours and daily limit allow and it was not sent
 * before; otherwise says until when to wait, or why it is dropped. A Graph failure comes back as the
 * failure (its key stays reserved for this `owner`, so a retry by the same owner sends it again).
 */
export async function deliverFeedNotification(
  deps: {
    readonly ledger: DeliveryLedger;
    readonly feed: ActivityFeedPort;
    readonly nextContactMoment: NextContactMoment;
    /** The tab page as a deep link (Teams: the static tab with the page as subPageId). */
    readonly linkTo: (page: string) => string;
    /**
     * Asked only when it would be sent now: whether what it is about still needs the person (it may
     * have waited for their contact hours while they did it). No: recorded as expired, not sent.
     */
    readonly stillNeeded?: () => Promise<Result<boolean>>;
    /**
     * Asked only once the key is reserved for this send: the notification with what is read only
     * when it goes out (a name). Its failure comes back as the failure, the key still reserved.
     */
    readonly completed?: () => Promise<Result<FeedNotification>>;
  },
  input: { readonly notification: FeedNotification; readonly recipient: DeliveryRecipient; readonly owner: string; readonly now: Instant },
): Promise<Result<FeedOutcome>> {
  const { notification: n, recipient, now } = input;
  const history = await deps.ledger.history(n.tenantId, n.personId, n.key, now - 2 * DAY);
  const decision = decideDelivery({ message: n, recipient, history, now, nextContactMoment: deps.nextContactMoment });
  if (decision.kind === 'drop') {
    if (decision.reason !== 'ALREADY_DELIVERED') {
      await deps.ledger.markFinal(n.tenantId, n.personId, n.key, now, { status: decision.reason === 'EXPIRED' ? 'expired' : 'undeliverable', reason: decision.reason });
    }
    return ok({ kind: 'dropped', reason: decision.reason });
  }
  if (decision.kind === 'wait') return ok({ kind: 'wait', until: decision.until, reason: decision.reason });
  if (deps.stillNeeded) {
    const needed = await deps.stillNeeded();
    if (!needed.ok) return needed;
    if (!needed.value) {
      await deps.ledger.markFinal(n.tenantId, n.personId, n.key, now, { status: 'expired', reason: 'NO_LONGER_NEEDED' });
      return ok({ kind: 'dropped', reason: 'NO_LONGER_NEEDED' });
    }
  }
  const reservation = await deps.ledger.reserve({ tenantId: n.tenantId, personId: n.personId, idempotencyKey: n.key, localDate: decision.localDate, limit: DAILY_MESSAGE_LIMIT, at: now, owner: input.owner, snapshot: history });
  if (reservation === 'alreadyDelivered') return ok({ kind: 'dropped', reason: 'ALREADY_DELIVERED' });
  if (reservation === 'dayFull' || reservation === 'reservedByAnother') return ok({ kind: 'wait', until: now + RACE_RECHECK_MS, reason: 'RESERVED_ELSEWHERE' });
  const final = deps.completed ? await deps.completed() : ok(n);
  if (!final.ok) return final;
  const sent = await deps.feed.send(final.value, deps.linkTo(final.value.page));
  if (!sent.ok) return sent;
  await deps.ledger.markDelivered(n.tenantId, n.personId, n.key, now, `feed:${n.key}`);
  return ok({ kind: 'sent' });
}
