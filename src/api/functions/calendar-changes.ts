/**
 * The consumer of the webhook's queue and the subscription timer:
 *   - calendarChanges (queue "calendar-changes"): a change or `missed` syncs the pairs of that mailbox
 *     at once; `reauthorizationRequired` renews, `subscriptionRemoved` subscribes again and syncs.
 *   - keepCalendarSubscriptions (every 5 minutes): one Graph subscription per mailbox that organizes
 *     a registered pair's upcoming meetings, renewed a day before it lapses (Graph: < 3 days).
 *   - readOutlookChanges (every 15 minutes): the safety net. Each watched mailbox is read with a
 *     calendarView delta query from its last deltaLink; the pairs of mailboxes with changes are synced,
 *     so a notification Graph failed to deliver is caught within a quarter of an hour.
 */
import { CALENDAR_CHANGES_QUEUE, parseCalendarChangeMessage } from '../../adapters/storage/storage-queue-calendar-changes';
import { handleCalendarChanges, keepCalendarSubscriptions, readOutlookChanges, syncCalendars, watchedMailboxes } from '../../core/booking';
import type { CalendarChange } from '../../core/ports/calendar-subscriptions';
import type { ApiLogger, ApiServices } from '../api-services';
import { timerFunction, type QueueDefinition } from '../function-definition';
import { raiseFeedEvent } from '../feed-services';
import { raiseMeetingsMovedOutside } from '../../core/feed/raise-feed-events';

export const KEEP_SUBSCRIPTIONS_EVERY_MS = 5 * 60_000;

function groupByTenant<T extends { readonly tenantId: string }, V>(items: readonly T[], value: (item: T) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) groups.set(item.tenantId, [...(groups.get(item.tenantId) ?? []), value(item)]);
  return groups;
}

/** Transient failures throw, so the queue hands the message out again; the rest is logged and dropped. */
export async function consumeCalendarChanges(services: ApiServices, changes: readonly CalendarChange[], now: number, logger: ApiLogger): Promise<void> {
  for (const [tenantId, list] of groupByTenant(changes, (c) => c)) {
    const subscriptionDeps = services.booking.subscriptionsFor(tenantId);
    if (!subscriptionDeps.ok) {
      logger.error('calendar change without subscriptions configured', { tenantId, code: subscriptionDeps.error.code });
      continue;
    }
    const handled = await handleCalendarChanges(subscriptionDeps.value, tenantId, list, now);
    if (!handled.ok) throw new Error(`calendar changes of tenant ${tenantId} could not be read: ${handled.error.code}`);
    for (const f of handled.value.failed) logger.error('calendar subscription could not be renewed', { tenantId, ...f });
    await syncMailboxes(services, tenantId, handled.value.syncMailboxes, now, logger);
  }
}

/** Syncs the active pairs of the given mailboxes (the organizers' mailboxes); throws on transient failures. */
async function syncMailboxes(services: ApiServices, tenantId: string, mailboxes: readonly string[], now: number, logger: ApiLogger): Promise<void> {
  if (mailboxes.length === 0) return;
  const relationshipIds = new Set<string>();
  for (const mailbox of mailboxes) {
    const relationships = await services.repositories.relationships.listForPerson(tenantId, mailbox);
    if (!relationships.ok) throw new Error(`relationships of a changed mailbox could not be read: ${relationships.error.code}`);
    for (const r of relationships.value) if (r.status === 'active') relationshipIds.add(r.id);
  }
  if (relationshipIds.size === 0) return;
  const deps = services.booking.forTenant(tenantId);
  if (!deps.ok) {
    logger.error('calendar change without calendar access', { tenantId, code: deps.error.code });
    return;
  }
  const synced = await syncCalendars(deps.value, { tenantId, relationshipIds: [...relationshipIds] }, now);
  if (!synced.ok) throw new Error(`calendar sync after a change failed: ${synced.error.code}`);
  await raiseFeedEvent(services.feed, logger, 'meetingMovedOutside', (feed) => raiseMeetingsMovedOutside(feed, tenantId, synced.value.changes, now));
  logger.info('calendar change synced', { tenantId, mailboxes: mailboxes.length, changes: synced.value.changes.length });
}

export const calendarChangesQueue: QueueDefinition = {
  name: 'calendarChanges',
  queueName: CALENDAR_CHANGES_QUEUE,
  run: async (services, message, now, logger) => {
    const changes = parseCalendarChangeMessage(message);
    if (!changes) {
      // Retrying cannot make it readable: set it aside at once where a person can look at it.
      const body = typeof message === 'string' ? message : (JSON.stringify(message) ?? String(message));
      const setAside = services.booking.changes ? await services.booking.changes.setAside(body) : undefined;
      if (!setAside?.ok) throw new Error('an unreadable calendar change message could not be set aside; the trigger retries it, then poisons it');
      logger.error('calendar change message not understood; set aside', { poisonQueue: setAside.value, bytes: body.length });
      return;
    }
    await consumeCalendarChanges(services, changes, now, logger);
  },
};

/** Each tenant of the sync register with the mailboxes to watch there (organizers of upcoming booked meetings). */
async function watchedByTenant(services: ApiServices, now: number, logger: ApiLogger, timer: string): Promise<{ tenantId: string; mailboxIds: string[] }[]> {
  const registered = await services.booking.register.list();
  if (!registered.ok) {
    logger.error(`${timer} could not read the register`, { code: registered.error.code });
    return [];
  }
  const watched: { tenantId: string; mailboxIds: string[] }[] = [];
  for (const [tenantId, relationshipIds] of groupByTenant(registered.value, (r) => r.relationshipId)) {
    const mailboxes = await watchedMailboxes(services.repositories, tenantId, relationshipIds, now);
    if (!mailboxes.ok) logger.error(`${timer} could not read meetings`, { tenantId, code: mailboxes.error.code });
    else watched.push({ tenantId, mailboxIds: mailboxes.value });
  }
  return watched;
}

export async function keepSubscriptions(services: ApiServices, now: number, logger: ApiLogger): Promise<void> {
  for (const { tenantId, mailboxIds } of await watchedByTenant(services, now, logger, 'subscription timer')) {
    const deps = services.booking.subscriptionsFor(tenantId);
    if (!deps.ok) {
      logger.info('no change notifications for this tenant', { tenantId, code: deps.error.code });
      continue;
    }
    const kept = await keepCalendarSubscriptions(deps.value, { tenantId, mailboxIds }, now);
    if (!kept.ok) logger.error('subscription timer failed for a tenant', { tenantId, code: kept.error.code });
    else logger.info('calendar subscriptions', { tenantId, created: kept.value.created.length, renewed: kept.value.renewed.length, removed: kept.value.removed.length, kept: kept.value.kept.length, failed: kept.value.failed });
  }
}

export const keepSubscriptionsTimer = timerFunction('keepCalendarSubscriptions', '0 0/5 * * * *', KEEP_SUBSCRIPTIONS_EVERY_MS, keepSubscriptions);

export const READ_CHANGES_EVERY_MS = 15 * 60_000;

export async function readChangesWithDelta(services: ApiServices, now: number, logger: ApiLogger): Promise<void> {
  for (const { tenantId, mailboxIds } of await watchedByTenant(services, now, logger, 'delta timer')) {
    const deps = services.booking.deltaFor(tenantId);
    if (!deps.ok) {
      logger.error('delta timer has no calendar access', { tenantId, code: deps.error.code });
      continue;
    }
    const read = await readOutlookChanges(deps.value, { tenantId, mailboxIds }, now);
    if (!read.ok) {
      logger.error('delta timer could not read its cursors', { tenantId, code: read.error.code });
      continue;
    }
    for (const f of read.value.failed) logger.error('delta read failed for a mailbox', { tenantId, ...f });
    try {
      await syncMailboxes(services, tenantId, read.value.changedMailboxes, now, logger);
    } catch (error) {
      logger.error('delta timer could not sync changed mailboxes', { tenantId, error: String(error) });
    }
    logger.info('outlook changes read', { tenantId, mailboxes: mailboxIds.length, changed: read.value.changedMailboxes.length, failed: read.value.failed.length });
  }
}

export const readChangesTimer = timerFunction('readOutlookChanges', '0 5/15 * * * *', READ_CHANGES_EVERY_MS, readChangesWithDelta);
