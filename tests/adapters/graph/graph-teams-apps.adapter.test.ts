/**
 * This app in Teams over HTTP against recorded Graph JSON (Microsoft's docs for chat installedApps,
 * chat tabs, user teamwork installedApps; see tests/fixtures/graph/README.md): exact URLs and bodies,
 * every expected call used once and nothing else sent.
 */
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphMeetingChatApps, GraphPersonalApps, meetingPanelTabOf } from '../../../src/adapters/graph/graph-teams-apps.adapter';
import { fixture, StrictGraphServer } from './strict-graph-server';

const TOKEN = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.e30.';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const MAREK = 'dc17674c-81d9-4adb-bfb2-8f6a442e4622';
const CATALOG_ID = '06805b9e-77e3-4b93-ac81-525eb87513b8';
const CHAT = '19:meeting_MGQ3MzYxMWMtOTU2Yy00MDQ2LWFkMzEtMWZiMjY3Y2YxM2Zl@thread.v2';
const CHAT_PATH = `/v1.0/chats/${encodeURIComponent(CHAT)}`;
const meeting = fixture<{ value: { id: string; joinWebUrl: string }[] }>('online-meetings-by-join-url.response.json').value[0]!;
const filterUrl = `/v1.0/users/${MAREK}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${meeting.joinWebUrl}'`).replace(/'/g, '%27')}`;
const tabsUrl = `${CHAT_PATH}/tabs?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${CATALOG_ID}'`).replace(/'/g, '%27')}`;
const BIND = { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_ID}` };
const CONSENT = [
  { permissionValue: 'OnlineMeeting.ReadBasic.Chat', permissionType: 'Application' as const },
  { permissionValue: 'TeamsTab.Create.Chat', permissionType: 'Application' as const },
];
// The chat install consents the app's resource-specific permissions there (chat-post-installedapps, example 2).
const CHAT_INSTALL = { ...BIND, consentedPermissionSet: { resourceSpecificPermissions: CONSENT } };
const TAB = meetingPanelTabOf('https://mentoring.contoso.com');

let graph: StrictGraphServer;
const client = () => createGraphClient({ baseUrl: graph.baseUrl, accessToken: async () => TOKEN, maxRetries: 0 });
const app = { catalogAppId: CATALOG_ID, graphRoot: 'https://graph.microsoft.com/v1.0' };
const chatApps = () => new GraphMeetingChatApps(client(), app, TAB, CONSENT);

beforeEach(async () => {
  graph = await StrictGraphServer.start();
});
afterEach(async () => {
  await graph.stop();
});

it('the panel tab is the page the configuration screen saves for every meeting', () => {
  expect(TAB).toEqual({ displayName: 'Mentoring', entityId: 'mentoring-meeting', contentUrl: 'https://mentoring.contoso.com/index.html#/meeting', websiteUrl: 'https://mentoring.contoso.com/index.html#/meeting' });
});

it('finds the meeting chat by the join URL (chatInfo.threadId)', async () => {
  graph.expect({ method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: fixture('online-meetings-by-join-url.response.json') } });
  expect(await chatApps().findMeetingChat(MAREK, meeting.joinWebUrl)).toEqual({ ok: true, value: CHAT });
  graph.verify();
});

it('a meeting without a chat yet is TEAMS_APP.NO_MEETING_CHAT; no meeting is ATTENDANCE.MEETING_NOT_FOUND', async () => {
  const found = fixture<{ value: Record<string, unknown>[] }>('online-meetings-by-join-url.response.json');
  graph.expect(
    { method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: { value: [{ ...found.value[0], chatInfo: null }] } } },
    { method: 'GET', url: filterUrl, headers: AUTH, reply: { status: 200, body: fixture('online-meetings-empty.response.json') } },
  );
  expect(await chatApps().findMeetingChat(MAREK, meeting.joinWebUrl)).toMatchObject({ ok: false, error: { code: 'TEAMS_APP.NO_MEETING_CHAT' } });
  expect(await chatApps().findMeetingChat(MAREK, meeting.joinWebUrl)).toMatchObject({ ok: false, error: { code: 'ATTENDANCE.MEETING_NOT_FOUND' } });
  graph.verify();
});

it('installs the app in the chat with the catalog binding and the consent; 409 (already installed) is success', async () => {
  graph.expect(
    { method: 'POST', url: `${CHAT_PATH}/installedApps`, headers: AUTH, body: CHAT_INSTALL, reply: { status: 201 } },
    { method: 'POST', url: `${CHAT_PATH}/installedApps`, headers: AUTH, body: CHAT_INSTALL, reply: { status: 409, body: fixture('error-conflict-app-installed.response.json') } },
  );
  expect(await chatApps().installInChat(CHAT)).toEqual({ ok: true, value: 'installed' });
  expect(await chatApps().installInChat(CHAT)).toEqual({ ok: true, value: 'alreadyInstalled' });
  graph.verify();
});

it('a 403 names what the admin must allow; a 429 is GRAPH.THROTTLED (the sync timer tries again)', async () => {
  graph.expect(
    { method: 'POST', url: `${CHAT_PATH}/installedApps`, headers: AUTH, body: CHAT_INSTALL, reply: { status: 403, body: fixture('error-forbidden-app-install.response.json') } },
    { method: 'POST', url: `${CHAT_PATH}/installedApps`, headers: AUTH, body: CHAT_INSTALL, reply: { status: 429, headers: { 'Retry-After': '7' }, body: fixture('error-throttled.response.json') } },
  );
  const forbidden = await chatApps().installInChat(CHAT);
  expect(forbidden).toMatchObject({ ok: false, error: { code: 'GRAPH.FORBIDDEN', message: expect.stringMatching(/not allowed to add the app to the meeting chat/) } });
  expect(await chatApps().installInChat(CHAT)).toMatchObject({ ok: false, error: { code: 'GRAPH.THROTTLED' } });
  graph.verify();
});

it('pins the panel with its configuration when this app has no tab there', async () => {
  graph.expect(
    { method: 'GET', url: tabsUrl, headers: AUTH, reply: { status: 200, body: fixture('chat-tabs-empty.response.json') } },
    {
      method: 'POST',
      url: `${CHAT_PATH}/tabs`,
      headers: AUTH,
      body: { displayName: 'Mentoring', ...BIND, configuration: { entityId: 'mentoring-meeting', contentUrl: TAB.contentUrl, websiteUrl: TAB.websiteUrl } },
      reply: { status: 201, body: fixture('chat-tab-created.response.json') },
    },
  );
  expect(await chatApps().pinPanel(CHAT)).toEqual({ ok: true, value: 'pinned' });
  graph.verify();
});

it('a panel already there is success and never a second tab (no POST)', async () => {
  const listed = fixture<{ value: { configuration: Record<string, unknown> }[] }>('chat-tabs-of-app.response.json');
  const ours = { ...listed, value: [{ ...listed.value[0], configuration: { ...listed.value[0]!.configuration, entityId: 'mentoring-meeting' } }] };
  graph.expect({ method: 'GET', url: tabsUrl, headers: AUTH, reply: { status: 200, body: ours } });
  expect(await chatApps().pinPanel(CHAT)).toEqual({ ok: true, value: 'alreadyPinned' });
  graph.verify();
});

it('installs the app for a person with the consent; 409 is success, 403 is GRAPH.FORBIDDEN, 429 GRAPH.THROTTLED', async () => {
  const url = `/v1.0/users/${MAREK}/teamwork/installedApps`;
  const body = CHAT_INSTALL;
  graph.expect(
    { method: 'POST', url, headers: AUTH, body, reply: { status: 201 } },
    { method: 'POST', url, headers: AUTH, body, reply: { status: 409, body: fixture('error-conflict-app-installed.response.json') } },
    { method: 'POST', url, headers: AUTH, body, reply: { status: 403, body: fixture('error-forbidden-app-install.response.json') } },
    { method: 'POST', url, headers: AUTH, body, reply: { status: 429, headers: { 'Retry-After': '3' }, body: fixture('error-throttled.response.json') } },
  );
  const personal = new GraphPersonalApps(client(), app, CONSENT);
  expect(await personal.installForPerson(MAREK)).toEqual({ ok: true, value: 'installed' });
  expect(await personal.installForPerson(MAREK)).toEqual({ ok: true, value: 'alreadyInstalled' });
  expect(await personal.installForPerson(MAREK)).toMatchObject({ ok: false, error: { code: 'GRAPH.FORBIDDEN' } });
  expect(await personal.installForPerson(MAREK)).toMatchObject({ ok: false, error: { code: 'GRAPH.THROTTLED' } });
  graph.verify();
});
