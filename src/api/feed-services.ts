/**
 * Teams activity-feed notifications for the API and the bot: where events are queued (the
 * `feed-notifications` Storage queue on the app's account), the tenant's app-only Graph access to
 * `sendActivityNotification` (TeamsActivity.Send.User, consented per person when they install the
 * app), and the deep link a notification opens.
 */
import { QueueClient } from '@azure/storage-queue';
import { DefaultAzureCredential } from '@azure/identity';
import { FEED_QUEUE_NAME, StorageQueueFeedQueue } from '../adapters/bot/storage-queue-feed';
import { GraphActivityFeed } from '../adapters/graph/graph-activity-feed.adapter';
import { createGraphClient } from '../adapters/graph/graph-client';
import type { ActivityFeedPort } from '../core/feed/activity-feed';
import type { FeedRaiseDeps } from '../core/feed/raise-feed-events';
import type { IdGenerator } from '../core/ports/id-generator';
import type { MentoringRepositories } from '../core/ports/repositories';
import { fail, ok, type Result } from '../core/result';
import type { GraphTokenSources } from './booking-services';
import type { ApiSettings } from './config';

export interface FeedServices {
  /** What raising an event needs: names from the repositories, the queue. */
  readonly raise: FeedRaiseDeps;
  readonly queue: StorageQueueFeedQueue;
  /** The tenant's app-only Graph access to the activity feed. */
  activityFeedFor(tenantId: string): Result<ActivityFeedPort>;
  /** The tab page as the notification's link. */
  linkTo(page: string): string;
}

/**
 * A Teams deep link to the app's static tab ("mentoring") with the page as subPageId (`subEntityId`
 * in the link's context), which the tab opens (src/tab/app/hash-route.ts); without a Teams app id
 * (local), the tab's own address with the page as its hash route.
 */
export function feedLinkTo(settings: Pick<ApiSettings, 'TEAMS_APP_ID' | 'TAB_ENDPOINT'>): ((page: string) => string) | undefined {
  if (settings.TEAMS_APP_ID) {
    const app = encodeURIComponent(settings.TEAMS_APP_ID);
    return (page) => `https://teams.microsoft.com/l/entity/${app}/mentoring?context=${encodeURIComponent(JSON.stringify({ subEntityId: page }))}`;
  }
  if (!settings.TAB_ENDPOINT) return undefined;
  const tab = settings.TAB_ENDPOINT.replace(/\/$/, '');
  return (page) => `${tab}/index.html#/${page}`;
}

/** The feed queue on the app's storage account: the connection string (Azurite), or the queue endpoint with the managed identity. */
function feedQueueClient(settings: ApiSettings, name: string): QueueClient | undefined {
  if (settings.STORAGE_CONNECTION_STRING) return new QueueClient(settings.STORAGE_CONNECTION_STRING, name);
  if (settings.STORAGE_QUEUE_ENDPOINT) return new QueueClient(`${settings.STORAGE_QUEUE_ENDPOINT.replace(/\/$/, '')}/${name}`, new DefaultAzureCredential());
  return undefined;
}

export function createFeedServices(options: {
  readonly settings: ApiSettings;
  readonly repos: MentoringRepositories;
  readonly ids: IdGenerator;
  readonly tokens: GraphTokenSources | undefined;
  /** Tests give each run its own queue. */
  readonly queueName?: string;
}): FeedServices | undefined {
  const { settings, tokens } = options;
  const client = feedQueueClient(settings, options.queueName ?? FEED_QUEUE_NAME);
  if (!client) return undefined;
  const queue = new StorageQueueFeedQueue(client);
  const linkTo = feedLinkTo(settings);
  return {
    raise: { repos: options.repos, queue, newJobId: () => options.ids.newId() },
    queue,
    activityFeedFor(tenantId) {
      if (!tokens) {
        return fail('FEED.NOT_CONFIGURED', 'Teams activity-feed notifications cannot be sent from this server: it has no credential for Microsoft Graph (AUTH_FEDERATED_IDENTITY_CLIENT_ID, or AUTH_CLIENT_SECRET).');
      }
      if (!linkTo) {
        return fail('FEED.NOT_CONFIGURED', 'Teams activity-feed notifications need a link into the tab: set TEAMS_APP_ID (or TAB_ENDPOINT).');
      }
      return ok(new GraphActivityFeed(createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokens.appOnly(tenantId) })));
    },
    // Asked only after activityFeedFor succeeded, which needs a link.
    linkTo: (page) => linkTo?.(page) ?? '',
  };
}

/**
 * Raises a feed event after what it is about was saved. The person's answer never waits on it nor
 * fails because of it: a queue that cannot be written is logged (the event is then not notified;
 * the tab's Home still lists what waits for the person).
 */
export async function raiseFeedEvent(
  feed: FeedServices | undefined,
  logger: { error(message: string, fields: Record<string, unknown>): void },
  what: string,
  raise: (deps: FeedRaiseDeps) => Promise<Result<number>>,
): Promise<void> {
  if (!feed) return;
  try {
    const raised = await raise(feed.raise);
    if (!raised.ok) logger.error('feed event not raised', { what, code: raised.error.code });
  } catch (error) {
    logger.error('feed event not raised', { what, error: error instanceof Error ? error.message : String(error) });
  }
}
