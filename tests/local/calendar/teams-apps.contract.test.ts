/**
 * One contract, two Graphs, for this app in Teams: chat installedApps, chat tabs and a person's
 * teamwork installedApps answer in the same shapes from recorded Graph JSON (tests/fixtures/graph,
 * from Microsoft's docs pages named in its README) and from the local calendar; the adapter's walk
 * (meeting chat by join URL, install, pin, install again, pin again) behaves the same on the local
 * calendar as the adapter test proves against the recorded JSON: one install, one tab.
 */
import { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphMeetingChatApps, GraphPersonalApps, meetingPanelTabOf } from '../../../src/adapters/graph/graph-teams-apps.adapter';
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { localCalendarTable, startLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { LocalAttendanceTable } from '../../../src/local/calendar/online-meetings';
import { LocalTeamsApps, type InstalledForPerson } from '../../../src/local/calendar/teams-apps';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { fixture } from '../../adapters/graph/strict-graph-server';

// ---- Shapes, as Microsoft documents them (teamsAppInstallation, teamsTab, Graph's error) ----------
const teamsApp = z.looseObject({ id: z.string().min(1), displayName: z.string(), distributionMethod: z.enum(['store', 'organization', 'sideloaded', 'unknownFutureValue']) });
const installation = z.looseObject({ id: z.string().min(1), teamsApp });
const installations = z.looseObject({ value: z.array(installation) });
const tab = z.looseObject({
  id: z.string().min(1),
  displayName: z.string().min(1),
  webUrl: z.string().url(),
  sortOrderIndex: z.string(),
  configuration: z.looseObject({ entityId: z.string().nullable(), contentUrl: z.string().url(), websiteUrl: z.string().url().nullable(), removeUrl: z.string().url().nullable() }),
});
const tabs = z.looseObject({ '@odata.count': z.number().int(), value: z.array(tab.extend({ teamsApp })) });
const graphError = z.object({ error: z.looseObject({ code: z.string().min(1), message: z.string().min(1) }) });

const assertInstallations = (body: unknown, count: number) => expect(installations.parse(body).value).toHaveLength(count);
const assertTabs = (body: unknown, count: number) => {
  const parsed = tabs.parse(body);
  expect(parsed.value).toHaveLength(count);
  expect(parsed['@odata.count']).toBe(count);
};

it('the recorded Graph JSON has the shapes the contract checks', () => {
  assertInstallations(fixture('chat-installed-apps-filtered.response.json'), 1);
  assertTabs(fixture('chat-tabs-of-app.response.json'), 1);
  assertTabs(fixture('chat-tabs-empty.response.json'), 0);
  tab.parse(fixture('chat-tab-created.response.json'));
  graphError.parse(fixture('error-conflict-app-installed.response.json'));
  graphError.parse(fixture('error-forbidden-app-install.response.json'));
});

describe('the local calendar serves this app in Teams as Graph does', () => {
  const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const marek: LocalCalendarPerson & { tenantId: string } = { personId: 'dc17674c-81d9-4adb-bfb2-8f6a442e4622', tenantId, email: 'marek@contoso.com', displayName: 'Marek Nowak', timeZone: 'UTC', seeded: false };
  const ania: LocalCalendarPerson & { tenantId: string } = { personId: '57caaef9-5ed0-48d5-8862-e5abfa71b3e9', tenantId, email: 'ania@contoso.com', displayName: 'Ania Kowalska', timeZone: 'UTC', seeded: false };
  const CATALOG_ID = 'f31b1263-ba99-435a-a679-911d24850d7c';
  const apps = new LocalTeamsApps(TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('teamsapps'), { allowInsecureConnection: true }));
  const installedFor: InstalledForPerson[] = [];
  apps.onInstalledForPerson = async (install) => {
    installedFor.push(install);
  };
  let calendar: Awaited<ReturnType<typeof startLocalGraphCalendar>>;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${calendar.baseUrl}${path}`, {
      method,
      headers: { Authorization: 'Bearer t', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };
  const bind = () => ({ 'teamsApp@odata.bind': `${calendar.baseUrl}/appCatalogs/teamsApps/${CATALOG_ID}` });
  const CONSENT = [{ permissionValue: 'TeamsTab.Create.Chat', permissionType: 'Application' as const }];
  const install = () => ({ ...bind(), consentedPermissionSet: { resourceSpecificPermissions: CONSENT } });
  const client = () => createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 't', maxRetries: 0 });
  const app = () => ({ catalogAppId: CATALOG_ID, graphRoot: calendar.baseUrl });
  const book = async () => {
    const response = await fetch(`${calendar.baseUrl}/users/${marek.personId}/calendar/events`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        subject: 'Mentoring: Marek and Ania',
        start: { dateTime: '2026-11-30T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-11-30T11:00:00', timeZone: 'UTC' },
        attendees: [{ emailAddress: { address: ania.email, name: ania.displayName }, type: 'required' }],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
      }),
    });
    return (await response.json()) as { id: string; onlineMeeting: { joinUrl: string } };
  };
  const chatOf = async () => {
    const event = await book();
    const chat = await new GraphMeetingChatApps(client(), app(), meetingPanelTabOf('https://tab.local')).findMeetingChat(marek.personId, event.onlineMeeting.joinUrl);
    if (!chat.ok) throw new Error(chat.error.message);
    return { chatId: chat.value, path: `/chats/${encodeURIComponent(chat.value)}` };
  };
  const filter = `$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${CATALOG_ID}'`)}`;

  beforeAll(async () => {
    calendar = await startLocalGraphCalendar({
      table: localCalendarTable(testStorageConnectionString(), uniqueTableName('teamsappsevents')),
      attendance: new LocalAttendanceTable(TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('teamsappsattendance'), { allowInsecureConnection: true })),
      teamsApps: apps,
      people: [marek, ania],
      now: () => Date.UTC(2026, 10, 23, 9, 30),
    });
  });
  afterAll(async () => {
    await calendar.stop();
  });

  it('chat installedApps: listed in Graph’s shape, installed once (201), a second install is 409 Conflict', async () => {
    const { path } = await chatOf();
    assertInstallations((await call('GET', `${path}/installedApps?${filter}`)).body, 0);
    expect((await call('POST', `${path}/installedApps`, bind())).status).toBe(201);
    const again = await call('POST', `${path}/installedApps`, bind());
    expect(again.status).toBe(409);
    graphError.parse(again.body);
    assertInstallations((await call('GET', `${path}/installedApps?${filter}`)).body, 1);
    expect((await call('POST', `${path}/installedApps`, { teamsApp: CATALOG_ID })).status).toBe(400);
  });

  it('without TeamsTab.Create.Chat consented at install, adding a tab is 403 Forbidden', async () => {
    const { path } = await chatOf();
    const panel = meetingPanelTabOf('https://tab.local');
    expect((await call('POST', `${path}/installedApps`, bind())).status).toBe(201);
    const refused = await call('POST', `${path}/tabs`, { displayName: panel.displayName, ...bind(), configuration: { entityId: panel.entityId, contentUrl: panel.contentUrl, websiteUrl: panel.websiteUrl } });
    expect(refused.status).toBe(403);
    graphError.parse(refused.body);
  });

  it('chat tabs: a tab needs the app installed first; created (201) and listed with $expand=teamsApp in Graph’s shape', async () => {
    const { path } = await chatOf();
    const panel = meetingPanelTabOf('https://tab.local');
    const body = { displayName: panel.displayName, ...bind(), configuration: { entityId: panel.entityId, contentUrl: panel.contentUrl, websiteUrl: panel.websiteUrl } };
    expect((await call('POST', `${path}/tabs`, body)).status).toBe(400);
    expect((await call('POST', `${path}/installedApps`, install())).status).toBe(201);
    assertTabs((await call('GET', `${path}/tabs?${filter}`)).body, 0);
    const created = await call('POST', `${path}/tabs`, body);
    expect(created.status).toBe(201);
    expect(tab.parse(created.body).configuration.entityId).toBe('mentoring-meeting');
    assertTabs((await call('GET', `${path}/tabs?${filter}`)).body, 1);
  });

  it('the adapter’s walk on the local calendar: install, pin, and again: one install, one tab', async () => {
    const event = await book();
    const adapter = new GraphMeetingChatApps(client(), app(), meetingPanelTabOf('https://tab.local'), CONSENT);
    const chat = await adapter.findMeetingChat(marek.personId, event.onlineMeeting.joinUrl);
    if (!chat.ok) throw new Error(chat.error.message);
    expect(await adapter.installInChat(chat.value)).toEqual({ ok: true, value: 'installed' });
    expect(await adapter.pinPanel(chat.value)).toEqual({ ok: true, value: 'pinned' });
    expect(await adapter.installInChat(chat.value)).toEqual({ ok: true, value: 'alreadyInstalled' });
    expect(await adapter.pinPanel(chat.value)).toEqual({ ok: true, value: 'alreadyPinned' });
    const path = `/chats/${encodeURIComponent(chat.value)}`;
    assertInstallations((await call('GET', `${path}/installedApps?${filter}`)).body, 1);
    assertTabs((await call('GET', `${path}/tabs?${filter}`)).body, 1);
  });

  it('where the admin has not allowed it, installs answer 403 Forbidden in Graph’s error shape', async () => {
    const { path } = await chatOf();
    apps.policy.chatInstallBlocked = true;
    apps.policy.personInstallBlocked.add(ania.personId);
    try {
      const refused = await call('POST', `${path}/installedApps`, bind());
      expect(refused.status).toBe(403);
      graphError.parse(refused.body);
      const personal = await call('POST', `/users/${ania.personId}/teamwork/installedApps`, bind());
      expect(personal.status).toBe(403);
      graphError.parse(personal.body);
      expect(await new GraphPersonalApps(client(), app()).installForPerson(ania.personId)).toMatchObject({ ok: false, error: { code: 'GRAPH.FORBIDDEN' } });
    } finally {
      apps.policy.chatInstallBlocked = false;
      apps.policy.personInstallBlocked.clear();
    }
  });

  it('a personal install: 201 and Teams’ installationUpdate to the bot; installed again is 409, which the adapter takes as success', async () => {
    const personal = new GraphPersonalApps(client(), app());
    expect(await personal.installForPerson(marek.personId)).toEqual({ ok: true, value: 'installed' });
    expect(installedFor).toEqual([{ personId: marek.personId, tenantId, displayName: marek.displayName, catalogAppId: CATALOG_ID }]);
    const again = await call('POST', `/users/${marek.personId}/teamwork/installedApps`, bind());
    expect(again.status).toBe(409);
    graphError.parse(again.body);
    expect(await personal.installForPerson(marek.personId)).toEqual({ ok: true, value: 'alreadyInstalled' });
    expect(installedFor).toHaveLength(1);
    assertInstallations((await call('GET', `/users/${marek.personId}/teamwork/installedApps?${filter}`)).body, 1);
  });
});
