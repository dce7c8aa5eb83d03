/**
 * The /api/health component for the app's own credential towards Entra ID (Graph on behalf of
 * people and app-only): a federated credential through the managed identity never expires; a
 * client secret does, so the component reminds 30 days ahead and reports the expired one as down.
 */
import type { ComponentStatus } from './api-services';
import type { ApiSettings } from './config';

export const SECRET_REMINDER_DAYS = 30;
const DAY_MS = 86_400_000;
const ROTATE = 'rotate it: docs/try-it-in-your-tenant.md#rotating-the-client-secret';

export function credentialStatus(settings: Pick<ApiSettings, 'AUTH_FEDERATED_IDENTITY_CLIENT_ID' | 'AUTH_CLIENT_SECRET' | 'AUTH_CLIENT_SECRET_EXPIRES_ON'>, now: number): ComponentStatus {
  if (settings.AUTH_FEDERATED_IDENTITY_CLIENT_ID) return { status: 'ok', detail: 'federated credential (managed identity): nothing to rotate' };
  if (!settings.AUTH_CLIENT_SECRET) return { status: 'ok', detail: 'calendars are not connected: no credential for Microsoft Graph' };
  // Without a date (the local stand-in's fixed secret, or a deployment that does not say) there is nothing to remind of.
  if (!settings.AUTH_CLIENT_SECRET_EXPIRES_ON) return { status: 'ok' };
  const expires = Date.parse(settings.AUTH_CLIENT_SECRET_EXPIRES_ON);
  const day = new Date(expires).toISOString().slice(0, 10);
  const daysLeft = Math.ceil((expires - now) / DAY_MS);
  if (daysLeft <= 0) return { status: 'unavailable', detail: `the client secret expired on ${day}; Graph calls fail until you ${ROTATE}` };
  if (daysLeft <= SECRET_REMINDER_DAYS) return { status: 'ok', detail: `the client secret expires on ${day} (in ${daysLeft} day${daysLeft === 1 ? '' : 's'}); ${ROTATE}` };
  return { status: 'ok' };
}
