/**
 * Teams activity-feed notifications over Graph v1.0 (the core's ActivityFeedPort), app-only:
 *
 *   POST /users/{personId}/teamwork/sendActivityNotification
 *   { topic: { source: "text", value, webUrl }, activityType, chainId, previewText: { content },
 *     templateParameters: [{ name, value }] }  → 204
 *
 * (the documented body: learn.microsoft.com/graph/api/userteamwork-sendactivitynotification, example 2,
 * "Notify a user about an event using custom topic"). `chainId` comes from the event's ledger key: a
 * send repeated after a crash replaces the earlier notification instead of adding a second one.
 *
 * `topic.source` "text" with a `webUrl` that deep-links into the tab (a Teams link to the app's
 * static tab with the page as subPageId); the activity types and their template texts are the ones
 * declared in appPackage/manifest.json. Permission: `TeamsActivity.Send.User`, resource-specific
 * consent granted when a person installs the app (the least privilege Graph documents for this call;
 * `TeamsActivity.Send` would reach every user in the tenant). Teams shows 150 characters of preview.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { FEED_TEMPLATE_PARAMETER, type ActivityFeedPort, type FeedNotification } from '../../core/feed/activity-feed';
import { ok, type Result } from '../../core/result';
import { feedChainId } from '../../core/feed/feed-text';
import { fromThrown } from './graph-errors';

const PREVIEW_LIMIT = 150;

export function activityNotificationBody(n: FeedNotification, webUrl: string): Record<string, unknown> {
  const preview = [...n.previewText];
  return {
    topic: { source: 'text', value: n.topic, webUrl },
    activityType: n.type,
    chainId: feedChainId(n.key),
    previewText: { content: preview.length > PREVIEW_LIMIT ? `${preview.slice(0, PREVIEW_LIMIT - 1).join('')}…` : n.previewText },
    templateParameters: [{ name: FEED_TEMPLATE_PARAMETER[n.type], value: n.subject }],
  };
}

/** Retry-After in seconds (the form Graph uses) from a thrown Graph error's response headers. */
function retryAfterMsOf(cause: unknown): number | undefined {
  const headers = (cause as { headers?: { get?: (name: string) => string | null } } | null)?.headers;
  const value = typeof headers?.get === 'function' ? headers.get('retry-after') : null;
  const seconds = value === null || value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export class GraphActivityFeed implements ActivityFeedPort {
  constructor(private readonly client: Client) {}

  async send(n: FeedNotification, webUrl: string): Promise<Result<void>> {
    try {
      await this.client.api(`/users/${encodeURIComponent(n.personId)}/teamwork/sendActivityNotification`).post(activityNotificationBody(n, webUrl));
    } catch (cause) {
      const failure = fromThrown(cause, 'send the Teams activity notification');
      // Throttled past the client's own retries: Graph's Retry-After travels on, so the queue waits as long.
      const retryAfter = retryAfterMsOf(cause);
      return retryAfter === undefined ? failure : { ok: false, error: { ...failure.error, details: { ...failure.error.details, retryAfterMs: retryAfter } } };
    }
    return ok(undefined);
  }
}
