/**
 * This app in Teams over Microsoft Graph v1.0, app-only, least privilege:
 *   the meeting chat   GET  /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '…'  (chatInfo.threadId; OnlineMeetings.Read.All)
 *   install in chat    POST /chats/{chatId}/installedApps        {"teamsApp@odata.bind", consentedPermissionSet}
 *                      (TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All: the app declares resource-specific
 *                      permissions, which the narrower ReadWriteSelfForChat.All cannot install; the consent grants
 *                      them in that chat only)
 *   the panel there?   GET  /chats/{chatId}/tabs?$expand=teamsApp&$filter=teamsApp/id eq '{catalogId}'
 *   pin the panel      POST /chats/{chatId}/tabs                 {displayName, teamsApp@odata.bind, configuration}
 *                      (the chat's own TeamsTab.Create.Chat, consented at the install; no tenant-wide TeamsTab.Create)
 *   install for person POST /users/{userId}/teamwork/installedApps {"teamsApp@odata.bind", consentedPermissionSet}
 *                      (TeamsAppInstallation.ReadWriteSelfForUser.All; see the README on the consent variant)
 * An install answered 409 Conflict means the app is there already: success. The tab is listed before
 * it is pinned, so a retry never pins a second one.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { InstallResult, MeetingChatAppsPort, PersonalAppsPort } from '../../core/ports/teams-apps';
import { fail, ok, type Result } from '../../core/result';
import { fromThrown, graphInvalidResponse, type GraphFailure } from './graph-errors';
import { GraphMeetingAttendance } from './graph-meeting-attendance.adapter';

/** The panel's tab settings: the same page the tab's configuration screen saves (src/tab/app/root.tsx). */
export interface MeetingPanelTab {
  readonly displayName: string;
  readonly entityId: string;
  readonly contentUrl: string;
  readonly websiteUrl: string;
}

export interface TeamsAppIdentity {
  /** The app's id in the tenant's app catalog (`teamsApp.id`; for an app from the store, its manifest id). */
  readonly catalogAppId: string;
  /** Graph's root as the binding names it, e.g. https://graph.microsoft.com/v1.0 (no trailing slash). */
  readonly graphRoot: string;
}

/** A resource-specific permission of the app, as `consentedPermissionSet` names it. */
export interface ResourceSpecificPermission {
  readonly permissionValue: string;
  readonly permissionType: 'Application' | 'Delegated';
}

const Tabs = z.looseObject({
  value: z.array(z.looseObject({ id: z.string(), configuration: z.looseObject({ entityId: z.string().nullish() }).nullish(), teamsApp: z.looseObject({ id: z.string() }).nullish() })),
});

const seg = (s: string) => encodeURIComponent(s);
const statusOf = (failure: GraphFailure): unknown => failure.error.details?.status;

/** A 403 names what the administrator must allow, not the calendar permissions the generic message names. */
function notAllowed(failure: GraphFailure, what: string): GraphFailure {
  if (failure.error.code !== 'GRAPH.FORBIDDEN') return failure;
  return fail('GRAPH.FORBIDDEN', `The app is not allowed to ${what}: an administrator must grant the permission and allow the app in Teams.`, { details: failure.error.details ?? {} });
}

function binding(app: TeamsAppIdentity): { 'teamsApp@odata.bind': string } {
  return { 'teamsApp@odata.bind': `${app.graphRoot}/appCatalogs/teamsApps/${seg(app.catalogAppId)}` };
}

/** The catalog binding, and the app's resource-specific permissions consented where it is installed (they must match its definition). */
function installBody(app: TeamsAppIdentity, consent: readonly ResourceSpecificPermission[]): Record<string, unknown> {
  return { ...binding(app), ...(consent.length > 0 ? { consentedPermissionSet: { resourceSpecificPermissions: consent.map((p) => ({ ...p })) } } : {}) };
}

async function install(client: Client, path: string, body: Record<string, unknown>, operation: string): Promise<Result<InstallResult>> {
  try {
    await client.api(path).post(body);
    return ok('installed');
  } catch (cause) {
    const failure = fromThrown(cause, operation);
    // Graph answers 409 Conflict when the app is already installed there.
    if (statusOf(failure) === 409) return ok('alreadyInstalled');
    return notAllowed(failure, operation);
  }
}

export class GraphMeetingChatApps implements MeetingChatAppsPort {
  private readonly meetings: GraphMeetingAttendance;

  constructor(
    private readonly client: Client,
    private readonly app: TeamsAppIdentity,
    private readonly tab: MeetingPanelTab,
    /** The app's resource-specific permissions, consented in the chat at install (they must match the app's definition). */
    private readonly consent: readonly ResourceSpecificPermission[] = [],
  ) {
    this.meetings = new GraphMeetingAttendance(client);
  }

  async findMeetingChat(organizerId: string, joinUrl: string): Promise<Result<string>> {
    const meeting = await this.meetings.findOnlineMeeting(organizerId, joinUrl);
    if (!meeting.ok) return meeting;
    if (!meeting.value.chatThreadId) return fail('TEAMS_APP.NO_MEETING_CHAT', 'Teams has not made this meeting’s chat yet, so the mentoring panel cannot be added to it yet.');
    return ok(meeting.value.chatThreadId);
  }

  installInChat(chatId: string): Promise<Result<InstallResult>> {
    return install(this.client, `/chats/${seg(chatId)}/installedApps`, installBody(this.app, this.consent), 'add the app to the meeting chat');
  }

  async pinPanel(chatId: string): Promise<Result<'pinned' | 'alreadyPinned'>> {
    const filter = encodeURIComponent(`teamsApp/id eq '${this.app.catalogAppId.replace(/'/g, "''")}'`);
    let raw: unknown;
    try {
      raw = await this.client.api(`/chats/${seg(chatId)}/tabs?$expand=teamsApp&$filter=${filter}`).get();
    } catch (cause) {
      return notAllowed(fromThrown(cause, 'list the meeting chat’s tabs'), 'list the meeting chat’s tabs');
    }
    const tabs = Tabs.safeParse(raw);
    if (!tabs.success) return graphInvalidResponse('list the meeting chat’s tabs', tabs.error.issues[0]?.message ?? 'unexpected shape');
    const ours = tabs.data.value.some((t) => (t.teamsApp?.id === undefined || t.teamsApp.id === this.app.catalogAppId) && t.configuration?.entityId === this.tab.entityId);
    if (ours) return ok('alreadyPinned');
    try {
      await this.client.api(`/chats/${seg(chatId)}/tabs`).post({
        displayName: this.tab.displayName,
        ...binding(this.app),
        configuration: { entityId: this.tab.entityId, contentUrl: this.tab.contentUrl, websiteUrl: this.tab.websiteUrl },
      });
      return ok('pinned');
    } catch (cause) {
      return notAllowed(fromThrown(cause, 'pin the mentoring panel in the meeting'), 'pin the mentoring panel in the meeting');
    }
  }
}

export class GraphPersonalApps implements PersonalAppsPort {
  constructor(
    private readonly client: Client,
    private readonly app: TeamsAppIdentity,
    private readonly consent: readonly ResourceSpecificPermission[] = [],
  ) {}

  installForPerson(personId: string): Promise<Result<InstallResult>> {
    return install(this.client, `/users/${seg(personId)}/teamwork/installedApps`, installBody(this.app, this.consent), 'install the app for this person');
  }
}

/** The panel tab for a tab host: the page the configuration screen saves for every meeting. */
export function meetingPanelTabOf(tabEndpoint: string): MeetingPanelTab {
  const page = `${tabEndpoint.replace(/\/+$/, '')}/index.html#/meeting`;
  return { displayName: 'Mentoring', entityId: 'mentoring-meeting', contentUrl: page, websiteUrl: page };
}
