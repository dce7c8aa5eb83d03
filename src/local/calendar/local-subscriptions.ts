/**
 * Change notifications of the local calendar, as Graph sends them for Outlook events:
 *   POST   /subscriptions          create: resource users/{id}/events, changeType created/updated/deleted,
 *                                  expiry in the future and at most 4,230 minutes ahead, clientState ≤ 128
 *                                  characters, at most 1,000 per mailbox; the notificationUrl (and the
 *                                  lifecycleNotificationUrl) must first answer Graph's validation request
 *                                  (POST ?validationToken=…, text/plain, echoed within 10 seconds)
 *   PATCH  /subscriptions/{id}     renew ({expirationDateTime}, same limits)
 *   GET    /subscriptions[/{id}]   read; DELETE /subscriptions/{id} → 204
 * Each change to an event in a subscribed mailbox is POSTed to the notificationUrl as a
 * changeNotificationCollection (resource Users/{id}/Events/{eventId}). An answer other than 2xx
 * within 3 seconds is retried with back-off; when retries run out the subscription's lifecycle URL
 * gets `missed`. Graph insists on https notification URLs; the local calendar also takes http on
 * loopback, the only place it can reach. Subscriptions live in memory: after a restart they are
 * gone, as after Graph's `subscriptionRemoved`, and the app's renewal recreates them.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { graphError, type Answer } from './graph-answer';
import type { ChangeType } from './mailbox-events';

export const MAX_EXPIRY_MINUTES = 4230;
export const MAX_PER_MAILBOX = 1000;
const VALIDATION_TIMEOUT_MS = 10_000;
const DELIVERY_TIMEOUT_MS = 3_000;
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000];
/** Changes that happen together go out in one POST, as Graph batches them. */
const BATCH_WINDOW_MS = 25;

export interface LocalSubscription {
  readonly id: string;
  readonly resource: string;
  readonly mailbox: string;
  readonly changeType: string;
  readonly clientState: string | null;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl: string | null;
  readonly expirationDateTime: string;
  readonly tenantId: string | undefined;
}

const createInput = z.looseObject({
  changeType: z.string(),
  notificationUrl: z.string(),
  resource: z.string(),
  expirationDateTime: z.string(),
  clientState: z.string().max(128, 'clientState can be at most 128 characters.').optional(),
  lifecycleNotificationUrl: z.string().optional(),
  latestSupportedTlsVersion: z.string().optional(),
});
const renewInput = z.object({ expirationDateTime: z.string() }).strict();

const RESOURCE = /^\/?(?:users\/([^/]+)|me)\/(?:calendar\/)?events$/i;

function acceptableUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}

export interface LocalSubscriptionsOptions {
  readonly now: () => number;
  /** Finds the mailbox a resource names (id or address). */
  readonly mailboxOf: (idOrEmail: string) => { readonly personId: string; readonly tenantId?: string } | undefined;
  /** Told of every delivery failure (for tests and logs). */
  readonly onDeliveryFailure?: (subscriptionId: string, reason: string) => void;
  /** Back-off between delivery attempts; default 1 s, 5 s, 30 s. */
  readonly retryDelaysMs?: readonly number[];
}

export class LocalSubscriptions {
  private readonly all = new Map<string, LocalSubscription>();
  private readonly pending = new Map<string, { changes: { eventId: string; change: ChangeType }[]; timer: NodeJS.Timeout }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private stopped = false;
  /** Notifications delivered (2xx), for tests and benchmarks. */
  delivered = 0;

  constructor(private readonly o: LocalSubscriptionsOptions) {}

  private shape(s: LocalSubscription): Record<string, unknown> {
    return {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity',
      id: s.id,
      resource: s.resource,
      applicationId: null,
      changeType: s.changeType,
      clientState: s.clientState,
      notificationUrl: s.notificationUrl,
      notificationQueryOptions: null,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl,
      expirationDateTime: s.expirationDateTime,
      creatorId: null,
      includeResourceData: false,
      latestSupportedTlsVersion: 'v1_2',
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationUrlAppId: null,
    };
  }

  private expiryProblem(value: string): Answer | undefined {
    const at = Date.parse(value);
    const now = this.o.now();
    if (Number.isNaN(at)) return graphError(400, 'ExtensionError', 'expirationDateTime is not a valid date and time.');
    if (at <= now) return graphError(400, 'ExtensionError', 'Subscription expiration can only be in the future.');
    if (at > now + MAX_EXPIRY_MINUTES * 60_000) return graphError(400, 'ExtensionError', `Subscription expiration can only be ${MAX_EXPIRY_MINUTES} minutes in the future.`);
    return undefined;
  }

  private live(s: LocalSubscription): boolean {
    return Date.parse(s.expirationDateTime) > this.o.now();
  }

  private async validate(url: string): Promise<boolean> {
    const token = `Validation: local calendar ${randomUUID()}`;
    const target = `${url}${url.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`;
    try {
      const response = await fetch(target, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '', signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS) });
      return response.status === 200 && (await response.text()) === token;
    } catch {
      return false;
    }
  }

  async route(method: string, segments: readonly string[], body: unknown, tenantId: string | undefined): Promise<Answer> {
    const id = segments[1] ? decodeURIComponent(segments[1]) : undefined;
    if (!id && method === 'POST') return this.create(body, tenantId);
    if (!id && method === 'GET') {
      const value = [...this.all.values()].filter((s) => this.live(s) && (!tenantId || !s.tenantId || s.tenantId === tenantId)).map((s) => this.shape(s));
      return { status: 200, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions', value } };
    }
    const found = id ? this.all.get(id) : undefined;
    if (!found || !this.live(found)) return graphError(404, 'ResourceNotFound', `The object was not found.`);
    if (segments.length !== 2) return graphError(400, 'BadRequest', 'Unsupported subscriptions segment.');
    if (method === 'GET') return { status: 200, body: this.shape(found) };
    if (method === 'DELETE') {
      this.all.delete(found.id);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      const input = renewInput.safeParse(body);
      if (!input.success) return graphError(400, 'BadRequest', 'Only expirationDateTime can be updated.');
      const problem = this.expiryProblem(input.data.expirationDateTime);
      if (problem) return problem;
      const renewed = { ...found, expirationDateTime: new Date(Date.parse(input.data.expirationDateTime)).toISOString() };
      this.all.set(found.id, renewed);
      return { status: 200, body: this.shape(renewed) };
    }
    return graphError(405, 'BadRequest', `${method} is not supported on a subscription.`);
  }

  private async create(body: unknown, tenantId: string | undefined): Promise<Answer> {
    const input = createInput.safeParse(body);
    if (!input.success) return graphError(400, 'BadRequest', `The subscription is not valid: ${input.error.issues[0]?.path.join('.')} ${input.error.issues[0]?.message ?? ''}`.trim());
    const s = input.data;
    const match = RESOURCE.exec(s.resource.trim());
    if (!match?.[1]) return graphError(400, 'ExtensionError', `The local calendar takes subscriptions to users/{id}/events only, not '${s.resource}'.`);
    const mailbox = this.o.mailboxOf(decodeURIComponent(match[1]));
    if (!mailbox) return graphError(404, 'ExtensionError', `The user '${decodeURIComponent(match[1])}' has no mailbox here.`);
    const changeTypes = s.changeType.split(',').map((c) => c.trim());
    if (changeTypes.length === 0 || changeTypes.some((c) => !['created', 'updated', 'deleted'].includes(c))) {
      return graphError(400, 'ExtensionError', "changeType must be a comma-separated list of 'created', 'updated' and 'deleted'.");
    }
    const problem = this.expiryProblem(s.expirationDateTime);
    if (problem) return problem;
    for (const url of [s.notificationUrl, s.lifecycleNotificationUrl].filter((u): u is string => u !== undefined)) {
      if (!acceptableUrl(url)) return graphError(400, 'ValidationError', `The notification URL '${url}' must use https.`);
    }
    if ([...this.all.values()].filter((x) => this.live(x) && x.mailbox === mailbox.personId).length >= MAX_PER_MAILBOX) {
      return graphError(403, 'ExtensionError', `The mailbox already has ${MAX_PER_MAILBOX} subscriptions, the most Graph allows.`);
    }
    for (const url of [s.notificationUrl, s.lifecycleNotificationUrl].filter((u): u is string => u !== undefined)) {
      if (!(await this.validate(url))) return graphError(400, 'ValidationError', `Subscription validation request failed. Notification endpoint '${url}' must respond with 200 OK to the validation request.`);
    }
    const created: LocalSubscription = {
      id: randomUUID(),
      resource: s.resource,
      mailbox: mailbox.personId,
      changeType: changeTypes.join(','),
      clientState: s.clientState ?? null,
      notificationUrl: s.notificationUrl,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl ?? null,
      expirationDateTime: new Date(Date.parse(s.expirationDateTime)).toISOString(),
      // Graph names the mailbox's tenant in every notification.
      tenantId: tenantId ?? mailbox.tenantId,
    };
    this.all.set(created.id, created);
    return { status: 201, body: this.shape(created) };
  }

  /** An event in `mailbox` changed: queue a notification for each live subscription that wants it. */
  changed(mailbox: string, eventId: string, change: ChangeType): void {
    if (this.stopped) return;
    for (const s of this.all.values()) {
      if (s.mailbox.toLowerCase() !== mailbox.toLowerCase() || !this.live(s) || !s.changeType.split(',').includes(change)) continue;
      const batch = this.pending.get(s.id) ?? { changes: [], timer: setTimeout(() => this.flush(s.id), BATCH_WINDOW_MS) };
      batch.changes.push({ eventId, change });
      this.pending.set(s.id, batch);
    }
  }

  private flush(subscriptionId: string): void {
    const batch = this.pending.get(subscriptionId);
    this.pending.delete(subscriptionId);
    const s = this.all.get(subscriptionId);
    if (!batch || !s) return;
    const value = batch.changes.map(({ eventId, change }) => ({
      subscriptionId: s.id,
      subscriptionExpirationDateTime: s.expirationDateTime,
      changeType: change,
      resource: `Users/${s.mailbox}/Events/${eventId}`,
      resourceData: { '@odata.type': '#Microsoft.Graph.Event', '@odata.id': `Users/${s.mailbox}/Events/${eventId}`, id: eventId },
      clientState: s.clientState,
      tenantId: s.tenantId ?? null,
    }));
    this.track(this.deliver(s, value));
  }

  private track(p: Promise<unknown>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async post(url: string, body: unknown): Promise<boolean> {
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
      await response.arrayBuffer();
      return response.status >= 200 && response.status < 300;
    } catch {
      return false;
    }
  }

  private async deliver(s: LocalSubscription, value: unknown[]): Promise<void> {
    const delays = this.o.retryDelaysMs ?? RETRY_DELAYS_MS;
    for (let attempt = 0; attempt <= delays.length; attempt++) {
      if (this.stopped) return;
      if (await this.post(s.notificationUrl, { value })) {
        this.delivered += value.length;
        return;
      }
      this.o.onDeliveryFailure?.(s.id, `attempt ${attempt + 1} not answered 2xx within ${DELIVERY_TIMEOUT_MS} ms`);
      const delay = delays[attempt];
      if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
    await this.lifecycle(s.id, 'missed');
  }

  /** Sends a lifecycle notification (Graph sends these on its own; tests and the local stack may too). */
  async lifecycle(subscriptionId: string, event: 'reauthorizationRequired' | 'missed' | 'subscriptionRemoved'): Promise<boolean> {
    const s = this.all.get(subscriptionId);
    if (!s?.lifecycleNotificationUrl) return false;
    if (event === 'subscriptionRemoved') this.all.delete(subscriptionId);
    return this.post(s.lifecycleNotificationUrl, {
      value: [{ lifecycleEvent: event, subscriptionId: s.id, subscriptionExpirationDateTime: s.expirationDateTime, clientState: s.clientState, tenantId: s.tenantId ?? null, resource: s.resource }],
    });
  }

  list(): readonly LocalSubscription[] {
    return [...this.all.values()];
  }

  /** Waits for notifications already queued or in flight (tests and benchmarks). */
  async settle(): Promise<void> {
    while (this.pending.size > 0 || this.inFlight.size > 0) {
      for (const id of [...this.pending.keys()]) {
        clearTimeout(this.pending.get(id)!.timer);
        this.flush(id);
      }
      await Promise.allSettled([...this.inFlight]);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
