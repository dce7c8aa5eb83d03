/**
 * Graph change-notification subscriptions for Outlook events (subscription: create, update, delete):
 *   POST   /subscriptions        { changeType: "created,updated,deleted", notificationUrl,
 *                                  lifecycleNotificationUrl, resource: "users/{id}/events",
 *                                  expirationDateTime, clientState }
 *   PATCH  /subscriptions/{id}   { expirationDateTime }
 *   DELETE /subscriptions/{id}
 * Graph validates the notification URL (and the lifecycle URL) before it answers 201, so the API's
 * webhook must be reachable; lifecycle events come to the same endpoint. Every subscription gets a
 * random clientState of its own (client-state.ts), returned with it for the record.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { CalendarSubscription, CalendarSubscriptionPort } from '../../core/ports/calendar-subscriptions';
import { ok, type Result } from '../../core/result';
import type { Instant } from '../../core/time/interval';
import { newClientState } from './client-state';
import { fromThrown, graphInvalidResponse } from './graph-errors';

const subscriptionSchema = z.looseObject({ id: z.string().min(1), resource: z.string(), expirationDateTime: z.string() });

export interface GraphSubscriptionSettings {
  readonly client: Client;
  /** The API's public webhook, e.g. https://<app>.azurewebsites.net/api/calendar-notifications */
  readonly notificationUrl: string;
  /** Default: 32 random bytes; a test may fix it. */
  readonly newClientState?: () => string;
}

export class GraphSubscriptionAdapter implements CalendarSubscriptionPort {
  constructor(private readonly s: GraphSubscriptionSettings) {}

  private parse(raw: unknown, mailboxId: string, clientState: string, operation: string): Result<CalendarSubscription> {
    const parsed = subscriptionSchema.safeParse(raw);
    if (!parsed.success) return graphInvalidResponse(operation, parsed.error.issues[0]?.message ?? '');
    const expiresAt = Date.parse(parsed.data.expirationDateTime);
    if (Number.isNaN(expiresAt)) return graphInvalidResponse(operation, 'expirationDateTime is not a date');
    return ok({ subscriptionId: parsed.data.id, mailboxId, expiresAt, clientState });
  }

  async subscribe(mailboxId: string, expiresAt: Instant): Promise<Result<CalendarSubscription>> {
    const operation = 'watch the calendar for changes';
    const clientState = (this.s.newClientState ?? newClientState)();
    try {
      const raw: unknown = await this.s.client.api('/subscriptions').post({
        changeType: 'created,updated,deleted',
        notificationUrl: this.s.notificationUrl,
        lifecycleNotificationUrl: this.s.notificationUrl,
        resource: `users/${mailboxId}/events`,
        expirationDateTime: new Date(expiresAt).toISOString(),
        clientState,
      });
      return this.parse(raw, mailboxId, clientState, operation);
    } catch (cause) {
      return fromThrown(cause, operation);
    }
  }

  async renew(subscription: CalendarSubscription, expiresAt: Instant): Promise<Result<CalendarSubscription>> {
    const operation = 'renew the calendar watch';
    try {
      const raw: unknown = await this.s.client.api(`/subscriptions/${encodeURIComponent(subscription.subscriptionId)}`).patch({ expirationDateTime: new Date(expiresAt).toISOString() });
      return this.parse(raw, subscription.mailboxId, subscription.clientState, operation);
    } catch (cause) {
      return fromThrown(cause, operation);
    }
  }

  async remove(subscriptionId: string): Promise<Result<void>> {
    try {
      await this.s.client.api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).delete();
      return ok(undefined);
    } catch (cause) {
      return fromThrown(cause, 'stop watching the calendar');
    }
  }
}
