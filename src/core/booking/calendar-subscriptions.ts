/**
 * Outlook changes within a minute: the app subscribes to change notifications for every mailbox
 * that organizes a pair's upcoming meetings, renews each subscription before it lapses, and handles
 * what the notifications (queued by the webhook) say: a change or a `missed` batch syncs the
 * mailbox's pairs, `reauthorizationRequired` renews, `subscriptionRemoved` subscribes again and
 * syncs. Graph's limits for Outlook events: a subscription lives under three days (at most 4,230
 * minutes) and a mailbox takes at most 1,000; the app keeps exactly one per mailbox. Behind them, a
 * timer reads each mailbox with delta queries (readOutlookChanges) in case a notification was lost.
 */
import { ok, type Result } from '../result';
import { HOUR, MINUTE, type Instant } from '../time/interval';
import type { CalendarChange, CalendarChangeFeed, CalendarSubscription, CalendarSubscriptionPort, CalendarSubscriptionRecords, DeltaCursorRecords } from '../ports/calendar-subscriptions';
import type { MentoringRepositories } from '../ports/repositories';
import type { ErrorCode } from '../error-codes';
import { STORAGE_ALREADY_EXISTS } from '../ports/repositories';

/** Graph's maximum for Outlook resources (under three days). */
export const SUBSCRIPTION_MAX_MINUTES = 4230;
/** How long a new or renewed subscription is asked for: the maximum less a margin for clock skew. */
export const SUBSCRIPTION_LIFETIME = (SUBSCRIPTION_MAX_MINUTES - 30) * MINUTE;
/** Renewed when less than this is left, so an hourly timer has many chances before expiry. */
export const RENEW_WHEN_LEFT = 24 * HOUR;

export interface SubscriptionDeps {
  readonly repos: MentoringRepositories;
  readonly subscriptions: CalendarSubscriptionPort;
  readonly records: CalendarSubscriptionRecords;
}

export interface KeepSubscriptionsOutcome {
  readonly created: readonly string[];
  readonly renewed: readonly string[];
  readonly removed: readonly string[];
  readonly kept: readonly string[];
  readonly failed: readonly { readonly mailboxId: string; readonly code: ErrorCode }[];
}

/** The mailboxes that organize the relationships' booked meetings that have not ended. */
export async function watchedMailboxes(repos: MentoringRepositories, tenantId: string, relationshipIds: readonly string[], now: Instant): Promise<Result<string[]>> {
  const mailboxes = new Set<string>();
  for (const relationshipId of relationshipIds) {
    const meetings = await repos.relationships.meetings.list(tenantId, relationshipId);
    if (!meetings.ok) return meetings;
    for (const m of meetings.value) if (m.status === 'planned' && m.eventId && m.end > now) mailboxes.add(m.organizerId);
  }
  return ok([...mailboxes].sort());
}

type SubscribeHow = 'created' | 'renewed' | 'kept';

/** A record still good for this long is left alone (no Graph call). */
function fresh(record: CalendarSubscription | undefined, now: Instant): record is CalendarSubscription {
  return record !== undefined && record.clientState !== '' && record.expiresAt - now > RENEW_WHEN_LEFT;
}

/**
 * Renews the mailbox's subscription, or makes a new one. A mailbox without a record gets its first
 * one through an insert-only write, so two runs at once (a booking and the timer, or a retried
 * booking) never leave two subscriptions: the loser removes its own from Graph and keeps the winner's.
 */
async function subscribeOrRenew(
  deps: SubscriptionDeps,
  tenantId: string,
  mailboxId: string,
  record: CalendarSubscription | undefined,
  now: Instant,
  mode: 'renew' | 'replace' = 'renew',
): Promise<Result<SubscribeHow>> {
  const expiresAt = now + SUBSCRIPTION_LIFETIME;
  if (record && mode === 'renew' && record.clientState !== '' && record.expiresAt > now) {
    const renewed = await deps.subscriptions.renew(record, expiresAt);
    if (renewed.ok) {
      const saved = await deps.records.save(tenantId, { ...renewed.value, clientState: record.clientState });
      return saved.ok ? ok('renewed') : saved;
    }
    if (renewed.error.code !== 'GRAPH.NOT_FOUND') return renewed;
  }
  const created = await deps.subscriptions.subscribe(mailboxId, expiresAt);
  if (!created.ok) return created;
  if (record) {
    const saved = await deps.records.save(tenantId, created.value);
    if (!saved.ok) return saved;
    // A record from before per-subscription secrets still lives in Graph until it lapses; its
    // notifications would be refused, so it is removed (gone already is fine).
    if (record.clientState === '' && record.expiresAt > now) await deps.subscriptions.remove(record.subscriptionId);
    return ok('created');
  }
  const recorded = await deps.records.create(tenantId, created.value);
  if (recorded.ok) return ok('created');
  // Another run recorded this mailbox's subscription first (or the write failed): ours would be a
  // second subscription for the same mailbox, so it goes.
  await deps.subscriptions.remove(created.value.subscriptionId);
  return recorded.error.code === STORAGE_ALREADY_EXISTS ? ok('kept') : recorded;
}

/**
 * At booking time: the organizer's mailbox is watched at once, not only from the subscription
 * timer's next run. Idempotent: a mailbox already watched is left alone, and a retried or concurrent
 * booking never makes a second subscription.
 */
export async function watchMailbox(deps: SubscriptionDeps, input: { readonly tenantId: string; readonly mailboxId: string }, now: Instant): Promise<Result<SubscribeHow>> {
  const record = await deps.records.get(input.tenantId, input.mailboxId);
  if (!record.ok) return record;
  if (fresh(record.value, now)) return ok('kept');
  return subscribeOrRenew(deps, input.tenantId, input.mailboxId, record.value, now);
}

/** One subscription per watched mailbox, renewed in time; those no longer needed are removed. */
export async function keepCalendarSubscriptions(deps: SubscriptionDeps, input: { readonly tenantId: string; readonly mailboxIds: readonly string[] }, now: Instant): Promise<Result<KeepSubscriptionsOutcome>> {
  const records = await deps.records.list(input.tenantId);
  if (!records.ok) return records;
  const outcome = { created: [] as string[], renewed: [] as string[], removed: [] as string[], kept: [] as string[], failed: [] as { mailboxId: string; code: ErrorCode }[] };
  const wanted = new Set(input.mailboxIds);
  for (const mailboxId of wanted) {
    const existing = records.value.find((r) => r.mailboxId === mailboxId);
    if (fresh(existing, now)) {
      outcome.kept.push(mailboxId);
      continue;
    }
    const done = await subscribeOrRenew(deps, input.tenantId, mailboxId, existing, now);
    if (!done.ok) outcome.failed.push({ mailboxId, code: done.error.code });
    else outcome[done.value].push(mailboxId);
  }
  for (const stale of records.value.filter((r) => !wanted.has(r.mailboxId))) {
    const removed = await deps.subscriptions.remove(stale.subscriptionId);
    if (!removed.ok && removed.error.code !== 'GRAPH.NOT_FOUND') {
      outcome.failed.push({ mailboxId: stale.mailboxId, code: removed.error.code });
      continue;
    }
    const forgotten = await deps.records.remove(input.tenantId, stale.mailboxId);
    if (!forgotten.ok) outcome.failed.push({ mailboxId: stale.mailboxId, code: forgotten.error.code });
    else outcome.removed.push(stale.mailboxId);
  }
  return ok(outcome);
}

export interface ChangeHandling {
  /** Mailboxes whose pairs must be synced now. */
  readonly syncMailboxes: readonly string[];
  readonly renewed: readonly string[];
  readonly resubscribed: readonly string[];
  /** Notifications for subscriptions we do not keep (stale or foreign): ignored. */
  readonly ignored: number;
  readonly failed: readonly { readonly subscriptionId: string; readonly code: ErrorCode }[];
}

/**
 * What a batch of queued notifications of one tenant asks for. Changes and `missed` need a sync of
 * the mailbox (the caller runs it); lifecycle events about the subscription itself are handled here.
 */
export async function handleCalendarChanges(deps: SubscriptionDeps, tenantId: string, changes: readonly CalendarChange[], now: Instant): Promise<Result<ChangeHandling>> {
  const records = await deps.records.list(tenantId);
  if (!records.ok) return records;
  const sync = new Set<string>();
  const renewed: string[] = [];
  const resubscribed: string[] = [];
  const failed: { subscriptionId: string; code: ErrorCode }[] = [];
  let ignored = 0;
  for (const change of changes) {
    const record = records.value.find((r) => r.subscriptionId === change.subscriptionId);
    if (!record || (change.mailboxId !== undefined && change.mailboxId.toLowerCase() !== record.mailboxId.toLowerCase())) {
      ignored++;
      continue;
    }
    if (change.kind === 'changed' || change.kind === 'missed') {
      sync.add(record.mailboxId);
      continue;
    }
    const done = await subscribeOrRenew(deps, tenantId, record.mailboxId, record, now, change.kind === 'reauthorizationRequired' ? 'renew' : 'replace');
    if (!done.ok) {
      failed.push({ subscriptionId: change.subscriptionId, code: done.error.code });
      continue;
    }
    (done.value === 'renewed' ? renewed : resubscribed).push(record.mailboxId);
    // A removed subscription may have missed changes in the meantime.
    if (change.kind === 'subscriptionRemoved') sync.add(record.mailboxId);
  }
  return ok({ syncMailboxes: [...sync], renewed, resubscribed, ignored, failed });
}

/** The window a delta round watches: from a day back to a bit over a year ahead (a year of meetings). */
export const DELTA_WINDOW_BACK = 24 * HOUR;
export const DELTA_WINDOW_AHEAD = 400 * 24 * HOUR;
/** A round older than this starts again, so the window keeps moving with time. */
export const DELTA_ROUND_MAX_AGE = 7 * 24 * HOUR;

export interface DeltaDeps {
  readonly feed: CalendarChangeFeed;
  readonly cursors: DeltaCursorRecords;
}

export interface OutlookChangesRead {
  /** Mailboxes with changes since the last read (or read for the first time in this window). */
  readonly changedMailboxes: readonly string[];
  readonly failed: readonly { readonly mailboxId: string; readonly code: ErrorCode }[];
}

/**
 * The safety net behind the notifications: reads each watched mailbox's calendar with delta queries
 * and names those where something changed, so their pairs are synced even if a notification was lost.
 */
export async function readOutlookChanges(deps: DeltaDeps, input: { readonly tenantId: string; readonly mailboxIds: readonly string[] }, now: Instant): Promise<Result<OutlookChangesRead>> {
  const cursors = await deps.cursors.list(input.tenantId);
  if (!cursors.ok) return cursors;
  const changedMailboxes: string[] = [];
  const failed: { mailboxId: string; code: ErrorCode }[] = [];
  for (const mailboxId of input.mailboxIds) {
    const stored = cursors.value.find((c) => c.mailboxId === mailboxId);
    const fresh = stored && now - stored.windowStart < DELTA_ROUND_MAX_AGE ? stored : undefined;
    const windowStart = fresh ? fresh.windowStart : now - DELTA_WINDOW_BACK;
    let read = await deps.feed.readChanges(mailboxId, fresh?.cursor, { start: windowStart, end: windowStart + DELTA_WINDOW_AHEAD });
    if (!read.ok && fresh && read.error.code === 'GRAPH.NOT_FOUND') {
      read = await deps.feed.readChanges(mailboxId, undefined, { start: now - DELTA_WINDOW_BACK, end: now - DELTA_WINDOW_BACK + DELTA_WINDOW_AHEAD });
    }
    if (!read.ok) {
      failed.push({ mailboxId, code: read.error.code });
      continue;
    }
    const saved = await deps.cursors.save(input.tenantId, { mailboxId, cursor: read.value.cursor, windowStart: fresh ? windowStart : now - DELTA_WINDOW_BACK });
    if (!saved.ok) {
      failed.push({ mailboxId, code: saved.error.code });
      continue;
    }
    // A first round lists everything: nothing is known to be unchanged, so the mailbox is synced.
    if (!fresh || read.value.changed.length > 0 || read.value.removed.length > 0) changedMailboxes.push(mailboxId);
  }
  return ok({ changedMailboxes, failed });
}
