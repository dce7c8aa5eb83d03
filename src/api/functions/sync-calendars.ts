/**
 * The calendar sync timer (every 15 minutes): for every relationship with booked meetings, finish
 * bookings left pending, record what people did in Outlook and pin the mentoring panel in meetings
 * that lack it; then retry installing the app for people it failed for. App-only Graph access per tenant.
 */
import { bookDeferred, syncCalendars } from '../../core/booking';
import { retryPersonInstalls } from '../../core/reach/reach-people';
import type { ApiLogger, ApiServices } from '../api-services';
import { timerFunction } from '../function-definition';
import { raiseFeedEvent } from '../feed-services';
import { raiseMeetingsMovedOutside } from '../../core/feed/raise-feed-events';

export const SYNC_EVERY_MS = 15 * 60_000;

export async function syncRegisteredCalendars(services: ApiServices, now: number, logger: ApiLogger): Promise<void> {
  const registered = await services.booking.register.list();
  if (!registered.ok) {
    logger.error('calendar sync could not read its register', { code: registered.error.code });
    return;
  }
  const byTenant = new Map<string, string[]>();
  for (const r of registered.value) byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.relationshipId]);
  for (const [tenantId, relationshipIds] of byTenant) {
    const deps = services.booking.forTenant(tenantId);
    if (!deps.ok) {
      logger.error('calendar sync has no calendar access', { tenantId, code: deps.error.code });
      continue;
    }
    const pairs = registered.value.filter((r) => r.tenantId === tenantId && r.deferred.length > 0);
    if (pairs.length > 0) {
      // Meetings deferred beyond the planning horizon are booked once they come within range.
      const booked = await bookDeferred(deps.value, { tenantId, pairs }, now);
      for (const b of booked) if (!b.ok) logger.error('calendar sync could not book deferred meetings', { tenantId, code: b.error.code });
    }
    const outcome = await syncCalendars(deps.value, { tenantId, relationshipIds }, now);
    if (!outcome.ok) {
      logger.error('calendar sync failed for a tenant', { tenantId, code: outcome.error.code });
      continue;
    }
    // A move outside the agreement (not sent anyway) goes to both people's activity feeds.
    await raiseFeedEvent(services.feed, logger, 'meetingMovedOutside', (feed) => raiseMeetingsMovedOutside(feed, tenantId, outcome.value.changes, now));
    logger.info('calendar sync', { tenantId, checked: outcome.value.checked, reconciled: outcome.value.reconciled.length, changes: outcome.value.changes.length, flagged: outcome.value.flagged.length, unread: outcome.value.unread.length });
  }
  // Installs of the app for people that were throttled or failed (or refused, once a day) are tried again.
  if (services.reach && services.reachRecords) {
    const retried = await retryPersonInstalls(services.reach, services.reachRecords.installs, now);
    if (!retried.ok) logger.error('app installs for people could not be retried', { code: retried.error.code });
    else if (retried.value.installed.length + retried.value.failed.length + retried.value.notAllowed.length > 0) {
      logger.info('app installs for people retried', { installed: retried.value.installed.length, notAllowed: retried.value.notAllowed.length, failed: retried.value.failed.length });
    }
  }
}

export const syncCalendarsTimer = timerFunction('syncCalendars', '0 0/15 * * * *', SYNC_EVERY_MS, syncRegisteredCalendars);
