/**
 * POST /api/calendar-notifications: Microsoft Graph change notifications for the mailboxes we
 * subscribed to (where a tenant allows subscriptions). Graph first validates the URL by sending
 * `?validationToken=…`, answered with the token as text/plain within 10 seconds. Every notification
 * must carry our clientState; the resource names the mailbox, whose relationships are synced.
 */
import { ChangeNotificationBody } from '../../contracts/booking';
import { fail, ok } from '../../core/result';
import { syncCalendars } from '../../core/booking';
import { anonymousFunction } from '../function-definition';
import { parseWith } from '../respond';

const MAILBOX = /^\/?users\/([^/]+)\/events(?:\/|$)/i;

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
  const work = new Map<string, Set<string>>();
  for (const n of genuine) {
    const mailbox = MAILBOX.exec(n.resource)?.[1];
    if (!mailbox || !n.tenantId) continue;
    const relationships = await services.repositories.relationships.listForPerson(n.tenantId, decodeURIComponent(mailbox));
    if (!relationships.ok) return relationships;
    const ids = work.get(n.tenantId) ?? new Set<string>();
    for (const r of relationships.value) if (r.status === 'active') ids.add(r.id);
    work.set(n.tenantId, ids);
  }
  for (const [tenantId, ids] of work) {
    const deps = services.booking.forTenant(tenantId);
    if (!deps.ok) return deps;
    const synced = await syncCalendars(deps.value, { tenantId, relationshipIds: [...ids] }, call.now);
    if (!synced.ok) return synced;
  }
  return ok({ status: 202 });
});
