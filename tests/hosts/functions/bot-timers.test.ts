/**
 * The bot's timers end to end on Azurite: meetings stored through the composition root's decorated
 * repository land in the meeting-moment index; the planning timer plans each ended meeting once,
 * however often it runs, never a cancelled one, and a moved one at its new end, and later the nudge
 * and the day-before reminder; delivery (the queue trigger's handler, run here by the poller that
 * mirrors it) then sends exactly one check-in card per participant through the Agents SDK's
 * CloudAdapter to a local connector.
 */
import { createApiHost, type ComposedApiHost } from '../../../src/hosts/functions/composition-root';
import { parseApiSettings } from '../../../src/api/config';
import type { ApiLogger } from '../../../src/api/api-services';
import { botTimers, planDueMessages, type BotRuntime } from '../../../src/hosts/functions/bot-timers';
import { botStorageFromConnectionString, type BotStorage } from '../../../src/hosts/functions/bot-composition';
import { composeBotRuntime } from '../../../src/hosts/functions/bot-runtime';
import { parseBotSettings } from '../../../src/bot/host/bot-settings';
import type { Profile } from '../../../src/core/profiles/profile';
import type { Meeting } from '../../../src/core/relationships/meeting';
import { localApiEnvironment } from '../../../src/local/local-settings';
import { startLocalBotConnector, type LocalBotConnector } from '../../../src/local/connector/local-bot-connector';
import { StorageQueuePoller } from '../../../src/adapters/queue/storage-queue-poller';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

const HOUR = 3_600_000;
/** Monday 11:00 UTC: 12:00 in Warsaw, 11:00 in London, inside both people's default contact hours. */
const MEETING_END = Date.parse('2026-11-23T11:00:00Z');

const quietLogger: ApiLogger = { error: () => undefined, info: () => undefined };

function profile(userId: string, timeZone: string): Omit<Profile, 'version'> {
  return {
    userId,
    displayName: userId,
    jobTitle: '',
    seniority: 'senior',
    skillsToTeach: [],
    skillsToLearn: [],
    languages: [],
    timeZone,
    capacity: 1,
    openToReverseMentoring: true,
    activeMenteeCount: 0,
    createdAt: 0,
    updatedAt: 0,
  };
}

/** The bot's fixed table and queue names with a suffix, so this test shares no rows or messages with others. */
function isolated(storage: BotStorage, suffix: string): BotStorage {
  return { table: (name) => storage.table(`${name}${suffix}`), queue: (name) => storage.queue(`${name}-${suffix}`) };
}

describe('the bot timers on Azurite', () => {
  let now: number;
  let api: ComposedApiHost;
  let runtime: BotRuntime;
  let connector: LocalBotConnector;

  beforeEach(async () => {
    // Before the first run's look-back reaches the test meetings' day-before reminder moments.
    now = MEETING_END - 30 * HOUR;
    connector = await startLocalBotConnector();
    const settings = parseApiSettings(
      localApiEnvironment(
        {
          storageConnectionString: testStorageConnectionString(),
          jwksUri: 'http://127.0.0.1:9/keys',
          issuerTemplate: 'http://127.0.0.1:9/{tenantid}/v2.0',
          graphBaseUrl: 'http://127.0.0.1:9/v1.0',
        },
        { STORAGE_TABLE_NAME: uniqueTableName('timers') },
      ),
    );
    api = await createApiHost({ settings, clock: { now: () => now }, logger: quietLogger });
    runtime = await composeBotRuntime(api, {
      settings: parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'http://127.0.0.1:53000' }),
      storage: isolated(botStorageFromConnectionString(testStorageConnectionString()), uniqueTableName('t').toLowerCase()),
    });
  });

  afterEach(async () => {
    await connector.stop();
  });

  async function pair(tenantId: string, relationshipId: string) {
    const repos = api.services.repositories;
    for (const [id, zone] of [[`${relationshipId}-mentor`, 'Europe/Warsaw'], [`${relationshipId}-mentee`, 'Europe/London']] as const) {
      const created = await repos.profiles.create(tenantId, profile(id, zone));
      if (!created.ok) throw new Error(created.error.code);
      await runtime.host.conversation.remember({
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        conversationId: `a:${id}`,
        botId: '28:bot',
        userId: `29:${id}`,
        userAadObjectId: id,
        tenantId,
        locale: 'en-US',
      });
    }
    const relationship = await repos.relationships.create(tenantId, {
      id: relationshipId,
      mentorId: `${relationshipId}-mentor`,
      menteeId: `${relationshipId}-mentee`,
      reverse: false,
      status: 'active',
      requestId: `req-${relationshipId}`,
      menteePreWork: { whatIWant: 'Learn Power BI', whatIBring: 'Curiosity', expectations: 'Monthly' },
      startedAt: 0,
      reflections: {},
    });
    if (!relationship.ok) throw new Error(relationship.error.code);
  }

  async function storeMeeting(tenantId: string, relationshipId: string, id: string, end: number, number = 1): Promise<Meeting> {
    const created = await api.services.repositories.relationships.meetings.create(tenantId, relationshipId, {
      id,
      number,
      start: end - HOUR,
      end,
      status: 'planned',
      organizerId: `${relationshipId}-mentor`,
      bookingState: 'booked',
      eventId: `event-${id}`,
    });
    if (!created.ok) throw new Error(created.error.code);
    return created.value;
  }

  const runPlanning = () => planDueMessages({ index: runtime.meetingMoments, repos: api.services.repositories, plan: runtime.host.plan }, now, quietLogger);

  /** The queue trigger over the bot's (isolated) delivery queues, until nothing is due. */
  async function deliver() {
    const { deliveryQueue, worker } = runtime.host;
    const poller = new StorageQueuePoller(
      deliveryQueue.queues.map((queue) => ({ queue, handle: (message: string, source: { queueName: string; messageId: string }) => worker.handleMessage(message, source) })),
      () => {
        throw new Error('no poison queue expected');
      },
    );
    while ((await poller.runOnce()).length > 0);
  }

  async function runTimer(name: string) {
    const timer = botTimers(async () => runtime).find((t) => t.name === name)!;
    await timer.run(api.services, now, quietLogger);
  }

  it('plans an ended meeting once over two runs, and delivers one check-in card per participant', async () => {
    await pair('tenant-a', 'rel-a');
    await storeMeeting('tenant-a', 'rel-a', 'meet-a', MEETING_END);

    expect(await runPlanning()).toEqual({ planned: [], skipped: 0, failed: 0 });

    now = MEETING_END + 5 * 60_000;
    expect(await runPlanning()).toEqual({ planned: [{ tenantId: 'tenant-a', relationshipId: 'rel-a', queued: 2 }], skipped: 0, failed: 0 });
    expect(await runPlanning()).toEqual({ planned: [], skipped: 0, failed: 0 });

    await deliver();
    now += 60_000;
    await runTimer('planBotMessages');
    await deliver();

    const cards = connector.received.map((r) => ({ conversationId: r.conversationId, tenantId: r.tenantId, meeting: JSON.stringify(r.activity).includes('meet-a') }));
    expect(cards.sort((a, b) => a.conversationId.localeCompare(b.conversationId))).toEqual([
      { conversationId: 'a:rel-a-mentee', tenantId: 'tenant-a', meeting: true },
      { conversationId: 'a:rel-a-mentor', tenantId: 'tenant-a', meeting: true },
    ]);
  });

  it('never plans a cancelled meeting, and plans a moved one at its new end only', async () => {
    await pair('tenant-b', 'rel-cancelled');
    await pair('tenant-b', 'rel-moved');
    const cancelled = await storeMeeting('tenant-b', 'rel-cancelled', 'meet-cancelled', MEETING_END);
    const { version, ...rest } = cancelled;
    const cancelling = await api.services.repositories.relationships.meetings.update('tenant-b', 'rel-cancelled', { ...rest, status: 'cancelled', cancelledAt: now, cancelReason: 'Something urgent came up' }, version);
    expect(cancelling.ok).toBe(true);

    const moved = await storeMeeting('tenant-b', 'rel-moved', 'meet-moved', MEETING_END);
    const { version: movedVersion, ...movedRest } = moved;
    const later = MEETING_END + 26 * HOUR;
    const moving = await api.services.repositories.relationships.meetings.update('tenant-b', 'rel-moved', { ...movedRest, start: later - HOUR, end: later }, movedVersion);
    expect(moving.ok).toBe(true);

    now = MEETING_END + 5 * 60_000;
    // The cancelled meeting's end moment and the moved meeting's old one (their reminder moments lie before the first look-back).
    expect(await runPlanning()).toEqual({ planned: [], skipped: 2, failed: 0 });
    expect(await runPlanning()).toEqual({ planned: [], skipped: 0, failed: 0 });

    now = later + 60_000;
    expect(await runPlanning()).toEqual({ planned: [{ tenantId: 'tenant-b', relationshipId: 'rel-moved', queued: 2 }], skipped: 0, failed: 0 });
    expect(await runPlanning()).toEqual({ planned: [], skipped: 0, failed: 0 });
    await deliver();
    expect(connector.received.map((r) => r.conversationId).sort()).toEqual(['a:rel-moved-mentee', 'a:rel-moved-mentor']);
  });

  it('keeps tenants apart: meetings of two tenants ending in the same hour are each planned in their own tenant', async () => {
    await pair('tenant-c', 'rel-shared-id');
    await pair('tenant-d', 'rel-shared-id');
    await storeMeeting('tenant-c', 'rel-shared-id', 'meet-1', MEETING_END);
    await storeMeeting('tenant-d', 'rel-shared-id', 'meet-1', MEETING_END + 10 * 60_000);
    now = MEETING_END + 20 * 60_000;
    const outcome = await runPlanning();
    expect([...outcome.planned].sort((a, b) => a.tenantId.localeCompare(b.tenantId))).toEqual([
      { tenantId: 'tenant-c', relationshipId: 'rel-shared-id', queued: 2 },
      { tenantId: 'tenant-d', relationshipId: 'rel-shared-id', queued: 2 },
    ]);
    await deliver();
    expect(connector.received.map((r) => `${r.tenantId} ${r.conversationId}`).sort()).toEqual([
      'tenant-c a:rel-shared-id-mentee',
      'tenant-c a:rel-shared-id-mentor',
      'tenant-d a:rel-shared-id-mentee',
      'tenant-d a:rel-shared-id-mentor',
    ]);
  });

  it('finds a meeting written late, with an end just before the last run, on the next run', async () => {
    await pair('tenant-e', 'rel-late');
    now = MEETING_END + 5 * 60_000;
    expect(await runPlanning()).toEqual({ planned: [], skipped: 0, failed: 0 });
    // Stored after that run, ending before it (e.g. "end the meeting now" racing the timer).
    await storeMeeting('tenant-e', 'rel-late', 'meet-late', MEETING_END + 4 * 60_000);
    now += 60_000;
    expect(await runPlanning()).toEqual({ planned: [{ tenantId: 'tenant-e', relationshipId: 'rel-late', queued: 2 }], skipped: 0, failed: 0 });
  });

  it('plans the nudge for a missing check-in two days after, and the reminder of open items a day before the next meeting', async () => {
    await pair('tenant-f', 'rel-f');
    await storeMeeting('tenant-f', 'rel-f', 'meet-1', MEETING_END);
    const nextStart = MEETING_END + 7 * 24 * HOUR;
    await storeMeeting('tenant-f', 'rel-f', 'meet-2', nextStart + HOUR, 2);
    const item = await api.services.repositories.relationships.actionItems.create('tenant-f', 'rel-f', {
      id: 'item-1',
      title: 'Draft the Power BI report',
      ownerId: 'rel-f-mentee',
      dueDate: '2026-11-29',
      status: 'open',
      origin: { kind: 'manual' },
      createdBy: 'rel-f-mentee',
      createdAt: 0,
      updatedAt: 0,
    });
    expect(item.ok).toBe(true);

    now = MEETING_END + 5 * 60_000;
    expect((await runPlanning()).planned).toEqual([{ tenantId: 'tenant-f', relationshipId: 'rel-f', queued: 2 }]);
    now = MEETING_END + 2 * 24 * HOUR + 5 * 60_000;
    expect((await runPlanning()).planned).toEqual([{ tenantId: 'tenant-f', relationshipId: 'rel-f', queued: 2 }]);
    expect(await runPlanning()).toEqual({ planned: [], skipped: 0, failed: 0 });
    now = nextStart - 24 * HOUR + 5 * 60_000;
    expect((await runPlanning()).planned).toEqual([{ tenantId: 'tenant-f', relationshipId: 'rel-f', queued: 1 }]);
    expect(await runPlanning()).toEqual({ planned: [], skipped: 0, failed: 0 });
  });
});
