/**
 * POST /api/calendar-notifications: Microsoft Graph's webhook for the subscriptions the app keeps on
 * the organizers' mailboxes. Graph first validates the URL with `?validationToken=…` (echoed as
 * text/plain within 10 seconds). A notification counts only when it names a subscription we keep and
 * carries that subscription's own random clientState (stored with its record; one point read per
 * subscription, compared in constant time). Anything else changes nothing: a batch with nothing
 * genuine is refused 403 `CALENDAR.NOTIFICATION_REJECTED`; forged items beside genuine ones are
 * dropped. Resource changes and lifecycle events (reauthorizationRequired, missed,
 * subscriptionRemoved) are only queued here, so the answer (202) comes well within Graph's 3 seconds;
 * the queue's consumer syncs (calendar-changes.ts).
 */
import { clientStateMatches } from '../../adapters/graph/client-state';
import { ChangeNotificationBody } from '../../contracts/booking';
import type { CalendarChange, CalendarChangeKind } from '../../core/ports/calendar-subscriptions';
import { fail, ok } from '../../core/result';
import { anonymousFunction } from '../function-definition';
import { parseWith } from '../respond';

const MAILBOX = /^\/?users\/([^/]+)\/events(?:\/|$)/i;
const LIFECYCLE: readonly CalendarChangeKind[] = ['reauthorizationRequired', 'missed', 'subscriptionRemoved'];

export const calendarNotifications = anonymousFunction('calendarNotifications', 'POST', 'calendar-notifications', async (call, services) => {
  const validationToken = call.request.query.get('validationToken');
  if (validationToken !== null) return ok({ status: 200, text: validationToken });

  const body = parseWith(ChangeNotificationBody, call.body, 'body');
  if (!body.ok) return body;
  // One point read per subscription named (a batch usually names one), in parallel.
  const named = new Map<string, { readonly tenantId: string; readonly subscriptionId: string }>();
  for (const n of body.value.value) if (n.tenantId && n.subscriptionId) named.set(`${n.tenantId}|${n.subscriptionId}`, { tenantId: n.tenantId, subscriptionId: n.subscriptionId });
  const secrets = new Map<string, string>();
  const reads = await Promise.all(
    [...named].map(async ([key, n]) => {
      const record = await services.booking.subscriptionRecords.find(n.tenantId, n.subscriptionId);
      if (record.ok && record.value) secrets.set(key, record.value.clientState);
      return record;
    }),
  );
  const unreadable = reads.find((r) => !r.ok);
  if (unreadable && !unreadable.ok) return unreadable;
  // Items that do not carry their own subscription's clientState are not from Graph for us: dropped.
  const genuine = body.value.value.filter((n) => clientStateMatches(secrets.get(`${n.tenantId}|${n.subscriptionId}`) ?? '', n.clientState));
  if (genuine.length === 0 && body.value.value.length > 0) {
    return fail('CALENDAR.NOTIFICATION_REJECTED', 'The notification does not carry the clientState of a subscription this app keeps; it was ignored.', { field: 'clientState' });
  }
  const changes: CalendarChange[] = [];
  for (const n of genuine) {
    if (!n.tenantId || !n.subscriptionId) continue;
    if ('lifecycleEvent' in n) {
      const kind = LIFECYCLE.find((k) => k === n.lifecycleEvent);
      if (kind) changes.push({ kind, tenantId: n.tenantId, subscriptionId: n.subscriptionId });
      continue;
    }
    const mailbox = MAILBOX.exec(n.resource)?.[1];
    if (mailbox) changes.push({ kind: 'changed', tenantId: n.tenantId, subscriptionId: n.subscriptionId, mailboxId: decodeURIComponent(mailbox) });
  }
  if (changes.length === 0) return ok({ status: 202 });
  const queue = services.booking.changes;
  if (!queue) return fail('CALENDAR.CHANGE_QUEUE_UNAVAILABLE', 'This host has no queue for calendar changes; Graph will send them again.');
  const queued = await queue.enqueue(changes);
  return queued.ok ? ok({ status: 202 }) : queued;
});
