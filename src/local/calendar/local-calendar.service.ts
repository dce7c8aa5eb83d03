/** Mounts the local calendar on the local host (`npm start`) under /local-graph (Graph v1.0 at /local-graph/v1.0). */
import { windowsZoneOf } from '../../adapters/graph/windows-zones';
import { sendJson, type LocalService } from '../local-service';
import { GRAPH_AUDIENCE } from '../identity-issuer';
import { DEMO_GROUPS, DEMO_MANAGERS } from '../demo-people';
import { LocalAttendanceTable } from './online-meetings';
import { LocalTeamsApps } from './teams-apps';
import { installationUpdateSender } from './installation-update';
import { startLocalBotConnector } from '../connector/local-bot-connector';
import { localCalendarTable, localGraphCalendarHandler, type LocalGraphHandler } from './local-graph-calendar';

export const LOCAL_GRAPH_PREFIX = '/local-graph';

export function localCalendarService(handler: LocalGraphHandler, onClose?: () => Promise<void>): LocalService {
  return {
    name: 'calendar',
    prefix: LOCAL_GRAPH_PREFIX,
    links: [
      { label: 'Local calendar (Graph v1.0 subset)', path: `${LOCAL_GRAPH_PREFIX}/v1.0` },
      { label: 'Teams activity feed received (GET …/activity-feed/{personId})', path: `${LOCAL_GRAPH_PREFIX}/activity-feed/` },
    ],
    close: async () => {
      handler.subscriptions.stop();
      await onClose?.();
    },
    handle: async (request, response, url) => {
      // Local only (Graph has no such read): what each person's Teams activity feed received.
      const feedOf = /^\/local-graph\/activity-feed\/([^/]+)$/.exec(url.pathname);
      if (feedOf && request.method === 'GET') {
        sendJson(response, 200, { value: await handler.activityFeed.received(decodeURIComponent(feedOf[1]!)) });
        return;
      }
      return new Promise<void>((resolve) => {
        response.once('finish', () => resolve());
        response.once('close', () => resolve());
        handler(request, response);
      });
    },
    async health() {
      try {
        await handler.events.list('health-probe');
        return { status: 'ok' };
      } catch {
        return { status: 'unavailable', detail: 'the local calendar cannot reach its table in Azurite' };
      }
    },
  };
}

/**
 * The local calendar for `npm start`: the identity issuer's demo people as mailboxes (zones reported
 * by their Windows names, as Outlook does), events in the stack's Azurite, and tokens checked
 * against the local issuer's JWKS — add it to `additionalLocalServices`.
 */
export async function createLocalCalendarService(context: {
  readonly azurite: { readonly connectionString: string };
  readonly issuer: { readonly jwksUri: string; readonly people: readonly { personId: string; tenantId: string; email: string; displayName: string; timeZone: string }[] };
  /** The stack's clock (LOCAL_CLOCK_START moves it); the real clock when absent. */
  readonly api?: { readonly services: { readonly clock: { now(): number } } };
  /** The stack's address: a personal install through Graph sends the bot at {baseUrl}/api/messages Teams' installationUpdate. */
  readonly baseUrl?: string;
}): Promise<LocalService> {
  const people = context.issuer.people.map((p) => ({
    personId: p.personId,
    tenantId: p.tenantId,
    email: p.email,
    displayName: p.displayName,
    timeZone: windowsZoneOf(p.timeZone),
    ...(DEMO_MANAGERS[p.personId] ? { managerId: DEMO_MANAGERS[p.personId] } : {}),
  }));
  const teamsApps = LocalTeamsApps.fromConnectionString(context.azurite.connectionString);
  // The bot's replies to a person installed through Graph go to a local connector, as they would to Teams.
  const connector = context.baseUrl ? await startLocalBotConnector() : undefined;
  if (context.baseUrl && connector) {
    teamsApps.onInstalledForPerson = installationUpdateSender({ botEndpoint: `${context.baseUrl}/api/messages`, serviceUrl: connector.serviceUrl });
  }
  const handler = localGraphCalendarHandler({
    table: localCalendarTable(context.azurite.connectionString),
    attendance: LocalAttendanceTable.fromConnectionString(context.azurite.connectionString),
    teamsApps,
    people,
    groups: DEMO_GROUPS,
    jwksUrl: context.issuer.jwksUri,
    // Only Graph tokens (what MSAL obtains from the issuer's token endpoint), as Graph itself insists.
    audience: GRAPH_AUDIENCE,
    ...(context.api ? { now: () => context.api!.services.clock.now() } : {}),
  });
  return localCalendarService(handler, connector ? () => connector.stop() : undefined);
}
