/**
 * POST /api/calendar-notifications: Microsoft Graph's webhook for the subscriptions the app keeps on
 * the organizers' mailboxes. Graph first validates the URL with `?validationToken=…` (echoed as
 * text/plain within 10 seconds); every notification must carry our clientState. Resource changes and
 * lifecycle events (reauthorizationRequired, missed, subscriptionRemoved) are only queued here, so
 * the answer (202) comes well within Graph's 3 seconds; the queue's consumer syncs
 * (calendar-changes.ts).
 */
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

  const expected = services.booking.notificationClientState;
  const body = parseWith(ChangeNotificationBody, call.body, 'body');
  if (!body.ok) return body;
  // Items without our clientState are not from our subscriptions: dropped, the genuine ones still count.
  const genuine = expected ? body.value.value.filter((n) => n.clientState === expected) : [];
  if (genuine.length === 0 && body.value.value.length > 0) {
    return fail('CALENDAR.NOTIFICATION_REJECTED', 'The notification does not carry this app’s clientState; it was ignored.', { field: 'clientState' });
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
