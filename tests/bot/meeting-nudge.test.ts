/**
 * The in-meeting nudge end to end on Azurite: a real meetingStart activity POSTed to the production
 * endpoint and the Agents SDK's CloudAdapter records the Teams meeting and plans "5 minutes left:
 * capture your action items" for both people; the delivery worker (the queue trigger's handler)
 * sends each one Teams' targeted in-meeting notification at the scheduled end − 5 minutes, once,
 * through the SDK's connector client to the local Bot Connector, which checks the request as Teams
 * documents it; the test asserts the exact URL and body. Not sent for a cancelled meeting, one that
 * already ended, after the end, or to someone not in the meeting.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiHost, type ComposedApiHost } from '../../src/hosts/functions/composition-root';
import { parseApiSettings } from '../../src/api/config';
import type { ApiLogger } from '../../src/api/api-services';
import { botStorageFromConnectionString, type BotStorage } from '../../src/hosts/functions/bot-composition';
import { composeBotRuntime } from '../../src/hosts/functions/bot-runtime';
import type { BotRuntime } from '../../src/hosts/functions/bot-timers';
import { parseBotSettings } from '../../src/bot/host/bot-settings';
import { nodeBotListener } from '../../src/bot/host/bot-endpoint';
import { MEETING_START_EVENT } from '../../src/bot/host/teams-mentoring-bot';
import { ENDING_SOON_LEAD, selectEndingSoonNudges } from '../../src/core/delivery/meeting-ending-soon';
import { recordMeetingEnd } from '../../src/core/delivery/meeting-end';
import type { DeliveryJob } from '../../src/core/ports/delivery';
import type { Profile } from '../../src/core/profiles/profile';
import type { Meeting } from '../../src/core/relationships/meeting';
import { localApiEnvironment } from '../../src/local/local-settings';
import { startLocalBotConnector, type LocalBotConnector } from '../../src/local/connector/local-bot-connector';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const MINUTE = 60_000;
const START = Date.parse('2026-11-23T10:00:00Z');
const END = START + 45 * MINUTE;
/** Teams' meeting id as meetingStart carries it (base64; this one has a '/' and '+', which the URL must encode). */
const TEAMS_MEETING_ID = 'MCMxOTptZWV0aW5nX05qVmp/+MGFoWmpZdE9HWmhZUzAwTXpW@thread.v2==';
const CHAT_ID = '19:meeting_NjVjMGFhZjYtOGZhYS00MzVm@thread.v2';
const JOIN_URL = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjVjMGFhZjYtOGZhYS00MzVm%40thread.v2/0?context=%7b%7d';
const TAB = 'https://mentoring.contoso.example';

const quietLogger: ApiLogger = { error: () => undefined, info: () => undefined };

function profile(userId: string, timeZone: string): Omit<Profile, 'version'> {
  return { userId, displayName: userId, jobTitle: '', seniority: 'senior', skillsToTeach: [], skillsToLearn: [], languages: [], timeZone, capacity: 1, openToReverseMentoring: true, activeMenteeCount: 0, createdAt: 0, updatedAt: 0 };
}

function isolated(storage: BotStorage, suffix: string): BotStorage {
  return { table: (name) => storage.table(`${name}${suffix}`), queue: (name) => storage.queue(`${name}-${suffix}`) };
}

const expectedBody = (recipientMri: string, title: string) => ({
  type: 'targetedMeetingNotification',
  value: {
    recipients: [recipientMri],
    surfaces: [
      { surface: 'meetingStage', contentType: 'task', content: { value: { height: '480', width: '320', title, url: `${TAB}/index.html#/meeting` } } },
      { surface: 'meetingTabIcon', tabEntityId: 'mentoring-meeting' },
    ],
  },
});

describe('the in-meeting nudge', () => {
  let now: number;
  let api: ComposedApiHost;
  let runtime: BotRuntime;
  let connector: LocalBotConnector;
  let server: Server;
  let endpoint: string;
  const tenantId = 'tenant-nudge';
  const mentor = 'rel-n-mentor';
  const mentee = 'rel-n-mentee';

  beforeEach(async () => {
    now = START + MINUTE;
    connector = await startLocalBotConnector();
    const settings = parseApiSettings(
      localApiEnvironment(
        { storageConnectionString: testStorageConnectionString(), jwksUri: 'http://127.0.0.1:9/keys', issuerTemplate: 'http://127.0.0.1:9/{tenantid}/v2.0', graphBaseUrl: 'http://127.0.0.1:9/v1.0' },
        { STORAGE_TABLE_NAME: uniqueTableName('nudge') },
      ),
    );
    api = await createApiHost({ settings, clock: { now: () => now }, logger: quietLogger });
    runtime = await composeBotRuntime(api, {
      settings: parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: TAB }),
      storage: isolated(botStorageFromConnectionString(testStorageConnectionString()), uniqueTableName('n').toLowerCase()),
    });
    server = createServer(nodeBotListener(runtime.host.handle));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    const repos = api.services.repositories;
    for (const [id, zone, locale] of [[mentor, 'Europe/Warsaw', 'en-US'], [mentee, 'Europe/London', 'pl-PL']] as const) {
      await repos.profiles.create(tenantId, profile(id, zone));
      // Each person's own chat with the bot: where their Teams id (29:…) and language come from.
      await runtime.host.conversation.remember({ serviceUrl: connector.serviceUrl, channelId: 'msteams', conversationId: `a:${id}`, botId: '28:bot', userId: `29:${id}`, userAadObjectId: id, tenantId, locale });
    }
    await repos.relationships.create(tenantId, { id: 'rel-n', mentorId: mentor, menteeId: mentee, reverse: false, status: 'active', requestId: 'req-n', menteePreWork: { whatIWant: 'x', whatIBring: 'y', expectations: 'z' }, startedAt: 0, reflections: {} });
    const created = await repos.relationships.meetings.create(tenantId, 'rel-n', { id: 'meet-n', number: 2, start: START, end: END, status: 'planned', organizerId: mentor, bookingState: 'booked', eventId: 'event-n', joinUrl: JOIN_URL });
    if (!created.ok) throw new Error(created.error.code);
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await connector.stop();
  });

  const stored = async (): Promise<Meeting> => {
    const read = await api.services.repositories.relationships.meetings.get(tenantId, 'rel-n', 'meet-n');
    if (!read.ok) throw new Error(read.error.code);
    return read.value;
  };

  /** Teams' meetingStart from the meeting chat, as a real activity over HTTP. */
  const meetingStart = () =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'event',
        name: MEETING_START_EVENT,
        id: `meeting-start-${now}`,
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        from: { id: `29:${mentor}`, aadObjectId: mentor },
        recipient: { id: '28:bot', name: 'Mentoring' },
        conversation: { isGroup: true, conversationType: 'groupChat', id: CHAT_ID, tenantId },
        channelData: { tenant: { id: tenantId }, source: null, meeting: { id: TEAMS_MEETING_ID } },
        value: { MeetingType: 'Scheduled', Title: 'Mentoring', Id: TEAMS_MEETING_ID, JoinUrl: JOIN_URL, StartTime: new Date(START).toISOString() },
      }),
    });

  /** The nudges as planning selects them from the meeting as stored, as jobs the queue trigger hands over. */
  const nudgeJobs = async (suffix: string): Promise<DeliveryJob[]> => {
    const aggregate = await api.services.repositories.relationships.getAggregate(tenantId, 'rel-n');
    if (!aggregate.ok) throw new Error(aggregate.error.code);
    const snapshot = { tenantId, relationship: aggregate.value.relationship, meetings: aggregate.value.meetings, actionItems: [], checkIns: [], timeZoneOf: () => 'UTC' };
    return selectEndingSoonNudges(snapshot, START + MINUTE).map((m) => ({ ...m, jobId: `${m.personId}-${suffix}`, attempt: 0 }));
  };
  const handle = (jobs: DeliveryJob[]) => runtime.host.worker.handleMessage(JSON.stringify({ jobs }), { queueName: runtime.host.deliveryQueue.queues[0]!.name, messageId: `m-${now}` });

  it('meetingStart records the Teams meeting and queues the two nudges once, hidden until they are due', async () => {
    expect((await meetingStart()).status).toBeLessThan(300);
    expect((await stored()).teamsMeeting).toEqual({ meetingId: TEAMS_MEETING_ID, serviceUrl: connector.serviceUrl, chatId: CHAT_ID, startedAt: START });
    const queued = await Promise.all(runtime.host.deliveryQueue.queues.map(async (q) => ({ count: (await q.getProperties()).approximateMessagesCount ?? 0, visible: (await q.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.length })));
    // One queue message carries both people's nudges (one delay), invisible until end − 5 min.
    expect(queued.reduce((sum, q) => sum + q.count, 0)).toBe(1);
    expect(queued.reduce((sum, q) => sum + q.visible, 0)).toBe(0);
    // Teams repeats events: the first record stands and nothing is queued again.
    now += MINUTE;
    expect((await meetingStart()).status).toBeLessThan(300);
    expect((await stored()).teamsMeeting?.startedAt).toBe(START);
    const again = await runtime.host.plan(tenantId, 'rel-n');
    expect(again.ok && again.value).toEqual([]);
  });

  it('is due at the scheduled end − 5 min and expires at the end, one per person, keyed per meeting, person and end', async () => {
    await meetingStart();
    const jobs = await nudgeJobs('a');
    expect(jobs.map(({ kind, personId, notBefore, expiresAt, idempotencyKey }) => ({ kind, personId, notBefore, expiresAt, idempotencyKey }))).toEqual([
      { kind: 'meetingEndingSoon', personId: mentor, notBefore: END - ENDING_SOON_LEAD, expiresAt: END, idempotencyKey: `endingsoon|meet-n|${mentor}|${END}` },
      { kind: 'meetingEndingSoon', personId: mentee, notBefore: END - ENDING_SOON_LEAD, expiresAt: END, idempotencyKey: `endingsoon|meet-n|${mentee}|${END}` },
    ]);
  });

  it('at end − 5 min each person gets Teams’ targeted notification once, in their language: the exact URL and body', async () => {
    await meetingStart();
    connector.startMeeting(TEAMS_MEETING_ID, [`29:${mentor}`, `29:${mentee}`]);
    const jobs = await nudgeJobs('a');
    now = END - 6 * MINUTE;
    expect(await handle(jobs)).toEqual(['waiting', 'waiting']);
    expect(connector.meetingNotifications).toEqual([]);
    now = END - 5 * MINUTE;
    expect(await handle(jobs)).toEqual(['delivered', 'delivered']);
    const path = `/v1/meetings/${encodeURIComponent(TEAMS_MEETING_ID)}/notification`;
    // The two jobs are handled concurrently, so the two calls may reach Teams in either order.
    expect(connector.meetingNotifications).toHaveLength(2);
    expect(connector.meetingNotifications).toEqual(
      expect.arrayContaining([
        { path, meetingId: TEAMS_MEETING_ID, status: 202, body: expectedBody(`29:${mentor}`, '5 minutes left: capture your action items') },
        { path, meetingId: TEAMS_MEETING_ID, status: 202, body: expectedBody(`29:${mentee}`, 'Zostało 5 minut: zapiszcie zadania') },
      ]),
    );
    // A retried or duplicated job (another job id) finds the key delivered.
    now += MINUTE;
    expect(await handle(await nudgeJobs('b'))).toEqual(['dropped', 'dropped']);
    expect(connector.meetingNotifications).toHaveLength(2);
    // Not a chat message: nothing reached the people's chats, and their two-a-day is untouched.
    expect(connector.received).toEqual([]);
  });

  it('is not sent for a meeting cancelled meanwhile', async () => {
    await meetingStart();
    connector.startMeeting(TEAMS_MEETING_ID, [`29:${mentor}`, `29:${mentee}`]);
    const jobs = await nudgeJobs('a');
    const { version, ...meeting } = await stored();
    expect((await api.services.repositories.relationships.meetings.update(tenantId, 'rel-n', { ...meeting, status: 'cancelled', cancelledAt: now }, version)).ok).toBe(true);
    now = END - 5 * MINUTE;
    expect(await handle(jobs)).toEqual(['dropped', 'dropped']);
    expect(connector.meetingNotifications).toEqual([]);
  });

  it('is not sent for a meeting that already ended (meetingEnd came first), nor after the scheduled end', async () => {
    await meetingStart();
    connector.startMeeting(TEAMS_MEETING_ID, [`29:${mentor}`, `29:${mentee}`]);
    const jobs = await nudgeJobs('a');
    const current = await stored();
    const relationship = await api.services.repositories.relationships.get(tenantId, 'rel-n');
    if (!relationship.ok) throw new Error(relationship.error.code);
    now = END - 10 * MINUTE;
    expect((await api.services.repositories.relationships.meetings.update(tenantId, 'rel-n', recordMeetingEnd(current, relationship.value, now, [mentor, mentee]), current.version)).ok).toBe(true);
    now = END - 5 * MINUTE;
    expect(await handle(jobs)).toEqual(['dropped', 'dropped']);
    // Nothing selects it any more, and a copy still in the queue stays unsent at the end too.
    expect(await nudgeJobs('late')).toEqual([]);
    now = END;
    expect(await handle(jobs.map((j) => ({ ...j, jobId: `${j.jobId}-copy` })))).toEqual(['dropped', 'dropped']);
    expect(connector.meetingNotifications).toEqual([]);
  });

  it('past the scheduled end a nudge still in the queue expires unsent', async () => {
    await meetingStart();
    connector.startMeeting(TEAMS_MEETING_ID, [`29:${mentor}`, `29:${mentee}`]);
    now = END;
    expect(await handle(await nudgeJobs('a'))).toEqual(['expired', 'expired']);
    expect(connector.meetingNotifications).toEqual([]);
  });

  it('someone not in the meeting: Teams answers 404 and the nudge is recorded undeliverable, never retried', async () => {
    await meetingStart();
    connector.startMeeting(TEAMS_MEETING_ID, [`29:${mentor}`]);
    now = END - 5 * MINUTE;
    expect(await handle(await nudgeJobs('a'))).toEqual(['delivered', 'undeliverable']);
    expect(connector.meetingNotifications.map((n) => (n.body as { value: { recipients: string[] } }).value.recipients)).toEqual([[`29:${mentor}`]]);
    expect(await handle(await nudgeJobs('b'))).toEqual(['dropped', 'dropped']);
  });
});
