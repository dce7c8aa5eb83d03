/**
 * One contract, two activity feeds: `POST /users/{id}/teamwork/sendActivityNotification` answers the
 * same way from recorded Graph JSON and from the local calendar. The recorded request is Microsoft's
 * own example ("Example 2: Notify a user about an event using custom topic" on
 * learn.microsoft.com/graph/api/userteamwork-sendactivitynotification, v1.0), served by the strict
 * server that checks the exact URL and body and answers as the page documents: 204 No Content. The
 * product's own request (GraphActivityFeed, through the Graph client over HTTP) is checked against
 * both the same way.
 */
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { localCalendarTable, startLocalGraphCalendar, type StartedLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { GraphActivityFeed, activityNotificationBody } from '../../../src/adapters/graph/graph-activity-feed.adapter';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { feedKeys, type FeedNotification } from '../../../src/core/feed/activity-feed';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { fixture, StrictGraphServer } from '../../adapters/graph/strict-graph-server';

const USER = 'bc55b173-cff6-457d-b7a1-64bda7d7581a';
const LINK = 'https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-0000000000aa/mentoring?context=%7B%22subEntityId%22%3A%22relationship%2Fr1%2Fagreement%22%7D';
const NOTIFICATION: FeedNotification = {
  type: 'agreementToAccept',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  personId: USER,
  key: feedKeys.agreementToAccept('r1', 2, USER),
  page: 'relationship/r1/agreement',
  topic: 'Mentoring with Kacper Nowak',
  subject: 'Kacper Nowak',
  previewText: 'Version 2. Read it and accept it, or propose changes.',
  notBefore: 0,
};

interface Target {
  readonly baseUrl: string;
  /** The next POST is expected with this body (the strict server); the stand-in takes whatever comes. */
  expectPost(body: unknown): void;
  /** What the person's feed holds now (the stand-in's record; the recorded side checks each body in `verify`). */
  received(): Promise<unknown[] | undefined>;
  stop(): Promise<void>;
}

async function recordedGraph(): Promise<Target> {
  const server = await StrictGraphServer.start();
  return {
    baseUrl: server.baseUrl,
    expectPost: (body) => server.expect({ method: 'POST', url: `/v1.0/users/${USER}/teamwork/sendActivityNotification`, body, reply: { status: 204 } }),
    received: async () => undefined,
    async stop() {
      server.verify();
      await server.stop();
    },
  };
}

async function localCalendar(): Promise<Target> {
  const person: LocalCalendarPerson = { personId: USER, email: 'oliver@contoso.com', displayName: 'Oliver Bennett', timeZone: 'Europe/London', seeded: false };
  const calendar: StartedLocalGraphCalendar = await startLocalGraphCalendar({ table: localCalendarTable(testStorageConnectionString(), uniqueTableName('feedcontract')), people: [person] });
  return {
    baseUrl: calendar.baseUrl,
    expectPost: () => undefined,
    received: async () => (await calendar.handler.activityFeed.received(USER)).map(({ userId: _u, receivedAt: _r, ...sent }) => sent),
    stop: () => calendar.stop(),
  };
}

describe.each([
  ['recorded Graph JSON', recordedGraph],
  ['the local calendar', localCalendar],
])('activity feed contract: %s', (_name, start) => {
  let target: Target;
  beforeAll(async () => {
    target = await start();
  });
  afterAll(async () => {
    await target.stop();
  });

  it('takes Microsoft’s documented text-topic request and answers 204 No Content, no body', async () => {
    const documented = fixture('userteamwork-sendactivitynotification-text-topic.request.json');
    target.expectPost(documented);
    const response = await fetch(`${target.baseUrl}/users/${USER}/teamwork/sendActivityNotification`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify(documented),
    });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    const held = await target.received();
    if (held) expect(held).toEqual([documented]);
  });

  it('takes the product’s request (topic text with the tab’s deep link, chainId, the template parameter) through the Graph client', async () => {
    const body = activityNotificationBody(NOTIFICATION, LINK);
    target.expectPost(body);
    const feed = new GraphActivityFeed(createGraphClient({ baseUrl: target.baseUrl, accessToken: async () => 'app-token', maxRetries: 0 }));
    expect(await feed.send(NOTIFICATION, LINK)).toEqual({ ok: true, value: undefined });
    const held = await target.received();
    if (held) expect(held.at(-1)).toEqual(body);
  });
});

describe('the local calendar refuses what Graph documents as invalid', () => {
  let calendar: StartedLocalGraphCalendar;
  beforeAll(async () => {
    calendar = await startLocalGraphCalendar({
      table: localCalendarTable(testStorageConnectionString(), uniqueTableName('feedinvalid')),
      people: [{ personId: USER, email: 'oliver@contoso.com', displayName: 'Oliver Bennett', timeZone: 'Europe/London', seeded: false }],
    });
  });
  afterAll(() => calendar.stop());

  it('a text topic without webUrl, or no activityType, is a 400 in Graph’s error shape and is not kept', async () => {
    const documented = fixture('userteamwork-sendactivitynotification-text-topic.request.json') as { topic: Record<string, unknown> } & Record<string, unknown>;
    const { webUrl: _dropped, ...topicWithoutUrl } = documented.topic;
    const { activityType: _none, ...withoutType } = documented;
    for (const body of [{ ...documented, topic: topicWithoutUrl }, withoutType]) {
      const response = await fetch(`${calendar.baseUrl}/users/${USER}/teamwork/sendActivityNotification`, { method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'BadRequest', message: expect.stringMatching(/Invalid request body/) } });
    }
    expect(await calendar.handler.activityFeed.received(USER)).toEqual([]);
  });

  it('a later notification with the same chainId replaces the earlier one, as Graph documents', async () => {
    const documented = fixture('userteamwork-sendactivitynotification-text-topic.request.json') as Record<string, unknown>;
    for (const content of ['first', 'second']) {
      const body = { ...documented, chainId: 42, previewText: { content } };
      const response = await fetch(`${calendar.baseUrl}/users/${USER}/teamwork/sendActivityNotification`, { method: 'POST', headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status).toBe(204);
    }
    expect((await calendar.handler.activityFeed.received(USER)).map((n) => n.previewText.content)).toEqual(['second']);
  });
});
