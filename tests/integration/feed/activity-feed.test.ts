/**
 * Teams activity-feed notifications end to end, on real parts: the API over HTTP (token validation,
 * contracts) on Azurite raises the events into the feed queue, the bot runtime's feed worker (as
 * composed for Azure and `npm start`) delivers them through the Graph client over HTTP to the local
 * calendar's sendActivityNotification, on the bot's delivery ledger. The clock is fixed on a Monday
 * afternoon UTC, inside everyone's contact hours, unless a test moves it.
 *
 * Each of the five events reaches exactly the right person once, with a Teams deep link whose
 * subPageId the tab opens on the right screen; outside contact hours it waits; the daily limit it
 * shares with the bot's cards holds; a 429 then success sends once; a person without the app is
 * recorded, not retried.
 */
import { QueueClient } from '@azure/storage-queue';
import { botStorageFromConnectionString, BOT_TABLE_NAME } from '../../../src/hosts/functions/bot-composition';
import { composeBotRuntime } from '../../../src/hosts/functions/bot-runtime';
import type { BotRuntime } from '../../../src/hosts/functions/bot-timers';
import { parseBotSettings } from '../../../src/bot/host/bot-settings';
import { syncRegisteredCalendars } from '../../../src/api/functions/sync-calendars';
import { TableDeliveryLedger } from '../../../src/adapters/bot/table-delivery-ledger';
import type { FeedJobOutcome } from '../../../src/bot/delivery/feed-worker';
import type { FeedJob } from '../../../src/core/ports/feed';
import type { ApiLogger } from '../../../src/api/api-services';
import { DAY, HOUR, MINUTE } from '../../../src/core/time/interval';
import { parseRoute, routeOfSubPage } from '../../../src/tab/app/hash-route';
import { testStorageConnectionString } from '../../support/azurite';
import { agreementFor, joinBody, programmeBody } from '../../api/support/endpoint-catalogue';
import { startApiHarness, type ApiHarness, type Cast } from '../../api/support/api-harness';
import type { Relationship } from '../../../src/core/relationships/relationship';
import type { DemoPerson } from '../../../src/local/demo-people';
import { LOCAL_TAB_ORIGIN } from '../../../src/local/local-ports';

/** The next Monday, 15:00 UTC, at least a day ahead: 16:00 in Warsaw, 10:00 in New York, 15:00 in London. */
function nextMondayAfternoon(from: number): number {
  const d = new Date(from + DAY);
  d.setUTCHours(15, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setTime(d.getTime() + DAY);
  return d.getTime();
}
const MONDAY = nextMondayAfternoon(Date.now());
let now = MONDAY;
const clock = { now: () => now };

let h: ApiHarness;
let runtime: BotRuntime;
let feedQueue: QueueClient;
const logged: { message: string; fields: Record<string, unknown> }[] = [];
const logger: ApiLogger = { error: (message, fields) => logged.push({ message, fields }), info: () => undefined };

beforeAll(async () => {
  h = await startApiHarness({ clock });
  runtime = await composeBotRuntime(h.api, {
    settings: parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'http://127.0.0.1:53000' }),
    storage: botStorageFromConnectionString(testStorageConnectionString()),
  });
  feedQueue = h.api.services.feed!.queue.queue;
});
afterAll(() => h.stop());
beforeEach(() => {
  now = MONDAY;
});

/** Hands every visible feed message to the runtime's feed worker, as the queue trigger does; the jobs it carried. */
async function deliverQueued(): Promise<{ outcomes: FeedJobOutcome[]; jobs: FeedJob[] }> {
  const outcomes: FeedJobOutcome[] = [];
  const jobs: FeedJob[] = [];
  for (;;) {
    const received = await feedQueue.receiveMessages({ numberOfMessages: 32, visibilityTimeout: 60 });
    if (received.receivedMessageItems.length === 0) return { outcomes, jobs };
    for (const message of received.receivedMessageItems) {
      jobs.push(...(h.api.services.feed!.queue.read(message.messageText) ?? []));
      outcomes.push(...(await runtime.host.feedWorker!.handleMessage(message.messageText, { queueName: feedQueue.name, messageId: message.messageId })));
      await feedQueue.deleteMessage(message.messageId, message.popReceipt);
    }
  }
}

const feedOf = (person: DemoPerson) => h.calendar().activityFeed.received(person.personId);

/**
 * The page a notification opens. Locally (no Teams app id, as `npm start` runs) the link is the tab's
 * own address with the page as its hash route; in Teams the same page is the deep link's subPageId
 * (tests/api/feed-link.test.ts), which the tab turns into the same hash (routeOfSubPage).
 */
function pageOf(webUrl: string): string {
  const url = new URL(webUrl);
  expect(`${url.origin}${url.pathname}`).toBe(`${LOCAL_TAB_ORIGIN}/index.html`);
  const page = url.hash.replace(/^#\//, '');
  expect(routeOfSubPage(page)).toBe(url.hash);
  return page;
}
const screenOf = (webUrl: string) => parseRoute(routeOfSubPage(pageOf(webUrl))!);

async function pairWithAgreement(): Promise<{ cast: Cast & { relationship: Relationship }; rel: string }> {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: 'Tuesdays suit me' } });
  expect(proposed.status).toBe(201);
  const version = proposed.json.versions[0].version;
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version } })).status).toBe(200);
  return { cast, rel };
}

async function askForMentor(from: DemoPerson, mentor: DemoPerson, note = 'I would love to learn how you run reviews') {
  const answer = await h.request('POST', '/api/requests', {
    person: from,
    body: { mentorId: mentor.personId, note, preWork: { whatIWant: 'Reviews', whatIBring: 'Curiosity', expectations: 'Monthly' } },
  });
  expect(answer.status).toBe(201);
  return answer.json as { id: string };
}

describe('each of the five events sends exactly one notification to the right person, opening the right screen', () => {
  it('a request waiting: the mentor, opening Home (where requests are answered)', async () => {
    const cast = await h.newCast();
    await askForMentor(cast.stranger, cast.mentor, 'Line one\nline two {person} \u202eevil');
    expect((await deliverQueued()).outcomes).toEqual(['delivered']);
    const [received, ...more] = await feedOf(cast.mentor);
    expect(more).toEqual([]);
    expect(received).toMatchObject({
      activityType: 'requestWaiting',
      topic: { source: 'text', value: 'Mentoring with Sam Stranger' },
      templateParameters: [{ name: 'person', value: 'Sam Stranger' }],
      // Typed text made plain for one line: no line break, no direction override, no placeholder.
      previewText: { content: '“Line one line two {person} evil” Open it to accept or decline.' },
    });
    expect(typeof received!.chainId).toBe('number');
    expect(pageOf(received!.topic.source === 'text' ? received!.topic.webUrl : '')).toBe('home');
    expect(await feedOf(cast.stranger)).toEqual([]);
    expect(await feedOf(cast.mentee)).toEqual([]);
  });

  it('a request waiting also comes from a cohort published as invitations: the mentor of each pair, once, however often the owner publishes', async () => {
    const cast = await h.newCast();
    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }, { publishAs: 'invitation' }) });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const profile = { jobTitle: 'Analyst', seniority: 'executive', skillsToTeach: ['leadership'], skillsToLearn: [], languages: ['en'], timeZone: 'Europe/London', capacity: 5, openToReverseMentoring: false };
    expect((await h.request('PUT', '/api/me/profile', { person: cast.owner, body: profile })).status).toBeLessThan(300);
    expect((await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.stranger, body: joinBody('mentee') })).status).toBe(200);
    expect((await h.request('PUT', `/api/programmes/${id}/membership`, { person: cast.owner, body: joinBody('mentor') })).status).toBe(200);
    const draft = await h.request('POST', `/api/programmes/${id}/matches`, { person: cast.owner, body: {} });
    expect(draft.status).toBe(200);
    const version = draft.json.version as string;
    for (let i = 0; i < 2; i++) expect((await h.request('POST', `/api/programmes/${id}/matches/publish`, { person: cast.owner, body: { version } })).status).toBe(200);
    expect((await deliverQueued()).outcomes.sort()).toEqual(['delivered', 'dropped']);
    const feed = await feedOf(cast.owner);
    expect(feed).toMatchObject([{ activityType: 'requestWaiting', templateParameters: [{ name: 'person', value: 'Sam Stranger' }] }]);
    expect(pageOf(feed[0]!.topic.source === 'text' ? feed[0]!.topic.webUrl : '')).toBe('home');
  });

  it('an agreement to accept: the partner of who proposed it, opening its Agreement panel', async () => {
    const cast = await h.newCast();
    const proposed = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: 'Tuesdays suit me' } });
    expect(proposed.status).toBe(201);
    expect((await deliverQueued()).outcomes).toEqual(['delivered']);
    const feed = await feedOf(cast.mentor);
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({ activityType: 'agreementToAccept', templateParameters: [{ name: 'person', value: 'Margaret Mentee' }], previewText: { content: 'Version 1: Tuesdays suit me. Read it and accept it, or propose changes.' } });
    const link = feed[0]!.topic.source === 'text' ? feed[0]!.topic.webUrl : '';
    expect(pageOf(link)).toBe(`relationship/${cast.relationship.id}/agreement`);
    expect(screenOf(link)).toEqual({ screen: 'relationship', relationshipId: cast.relationship.id, section: 'agreement' });
    expect(await feedOf(cast.mentee)).toEqual([]);
  });

  it('a check-in due: each of the pair, opening the check-in of that meeting; planning again sends nothing more', async () => {
    const { cast, rel } = await pairWithAgreement();
    await deliverQueued();
    const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', count: 2 } });
    expect(booked.status).toBe(200);
    const first = booked.json.meetings[0] as { id: string; end: string };
    now = Date.parse(first.end) + 10 * MINUTE;
    const planned = await runtime.host.plan(cast.tenantId, cast.relationship.id);
    expect(planned.ok && planned.value.filter((m) => m.kind === 'checkin').map((m) => m.personId).sort()).toEqual([cast.mentor.personId, cast.mentee.personId].sort());
    expect((await deliverQueued()).outcomes).toEqual(['delivered', 'delivered']);
    for (const [person, partner] of [
      [cast.mentor, 'Margaret Mentee'],
      [cast.mentee, 'Kacper Mentor'],
    ] as const) {
      const feed = await feedOf(person);
      // The agreement was accepted before its notification went out: that one was not sent.
      expect(feed.map((n) => n.activityType)).toEqual(['checkInDue']);
      const checkIn = feed.at(-1)!;
      // The partner's name, whenever it is read (at planning or at sending), and the words around it.
      expect(checkIn).toMatchObject({ topic: { value: `Mentoring with ${partner}` }, templateParameters: [{ name: 'person', value: partner }] });
      expect(checkIn.previewText.content).toMatch(/^Your meeting on .+: two minutes to note how it went\.$/);
      const link = checkIn.topic.source === 'text' ? checkIn.topic.webUrl : '';
      expect(screenOf(link)).toEqual({ screen: 'relationship', relationshipId: cast.relationship.id, section: 'checkins', meetingId: first.id });
    }
    await runtime.host.plan(cast.tenantId, cast.relationship.id);
    expect((await deliverQueued()).outcomes).toEqual([]);
  });

  it('a meeting moved outside the agreement in Outlook: both, opening that meeting on the Schedule; the next sync sends nothing more', async () => {
    const { cast, rel } = await pairWithAgreement();
    await deliverQueued();
    expect((await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series', count: 2 } })).status).toBe(200);
    const stored = await h.api.services.repositories.relationships.meetings.list(cast.tenantId, cast.relationship.id);
    if (!stored.ok) throw new Error(stored.error.code);
    const second = [...stored.value].sort((a, b) => a.start - b.start)[1];
    // The organizer moves it to 20:00 in Warsaw in Outlook, outside the mentor's 14:00–17:00.
    const moved = second!.start + 6 * HOUR;
    const iso = (t: number) => new Date(t).toISOString().slice(0, 19);
    const patched = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${second!.organizerId}/events/${encodeURIComponent(second!.eventId!)}`, {
      method: 'PATCH',
      headers: { authorization: 'Bearer outlook-user', 'content-type': 'application/json' },
      body: JSON.stringify({ start: { dateTime: iso(moved), timeZone: 'UTC' }, end: { dateTime: iso(moved + (second!.end - second!.start)), timeZone: 'UTC' } }),
    });
    expect(patched.status).toBe(200);
    await syncRegisteredCalendars(h.api.services, now, logger);
    expect((await deliverQueued()).outcomes).toEqual(['delivered', 'delivered']);
    for (const [person, partner] of [
      [cast.mentor, 'Margaret Mentee'],
      [cast.mentee, 'Kacper Mentor'],
    ] as const) {
      const notice = (await feedOf(person)).filter((n) => n.activityType === 'meetingMovedOutside');
      expect(notice).toHaveLength(1);
      expect(notice[0]!.templateParameters).toEqual([{ name: 'person', value: partner }]);
      const link = notice[0]!.topic.source === 'text' ? notice[0]!.topic.webUrl : '';
      expect(screenOf(link)).toEqual({ screen: 'relationship', relationshipId: cast.relationship.id, section: 'schedule', meetingId: second!.id });
    }
    await syncRegisteredCalendars(h.api.services, now + MINUTE, logger);
    expect((await deliverQueued()).outcomes).toEqual([]);
  });

  it('a programme invitation: each invited person (not the owner), opening the Programme screen; editing the programme does not invite again', async () => {
    const cast = await h.newCast();
    const created = await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'invited', personIds: [cast.stranger.personId, cast.owner.personId] }) });
    expect(created.status).toBe(201);
    expect((await deliverQueued()).outcomes).toEqual(['delivered']);
    const feed = await feedOf(cast.stranger);
    expect(feed).toMatchObject([{ activityType: 'programmeInvitation', topic: { value: 'Data skills 2027' }, templateParameters: [{ name: 'programme', value: 'Data skills 2027' }] }]);
    const link = feed[0]!.topic.source === 'text' ? feed[0]!.topic.webUrl : '';
    expect(pageOf(link)).toBe(`programme/${created.json.id}`);
    expect(screenOf(link)).toEqual({ screen: 'programme', programmeId: created.json.id });
    expect(await feedOf(cast.owner)).toEqual([]);
    const edited = await h.request('PATCH', `/api/programmes/${created.json.id}`, { person: cast.owner, body: { name: 'Data skills, spring 2027', version: created.json.version } });
    expect(edited.status).toBe(200);
    expect((await deliverQueued()).outcomes).toEqual(['dropped']);
    expect(await feedOf(cast.stranger)).toHaveLength(1);
  });
});

describe('when and how often', () => {
  it('outside contact hours it waits until the next contact moment, then sends once', async () => {
    const cast = await h.newCast();
    now = MONDAY - 2 * DAY; // Saturday afternoon
    await askForMentor(cast.stranger, cast.mentor);
    const waited = await deliverQueued();
    expect(waited.outcomes).toEqual(['waiting']);
    expect(await feedOf(cast.mentor)).toEqual([]);
    // Monday 09:00 in Warsaw (08:00 UTC in winter): the job, shown again by the queue, sends.
    now = MONDAY - 7 * HOUR;
    const job = waited.jobs[0]!;
    expect((await runtime.host.feedWorker!.handle(job)).outcome).toBe('delivered');
    expect((await runtime.host.feedWorker!.handle({ ...job, jobId: 'a-duplicate' })).outcome).toBe('dropped');
    expect((await feedOf(cast.mentor)).map((n) => n.activityType)).toEqual(['requestWaiting']);
  });

  it('what was done while it waited is not notified: a request answered over the weekend is dropped on Monday, recorded, not sent', async () => {
    const cast = await h.newCast();
    now = MONDAY - 2 * DAY;
    const request = await h.request('POST', '/api/requests', {
      person: cast.stranger,
      body: { mentorId: cast.mentor.personId, note: 'Weekend thought', preWork: { whatIWant: 'Reviews', whatIBring: 'Curiosity', expectations: 'Monthly' } },
    });
    expect(request.status).toBe(201);
    const waited = await deliverQueued();
    expect(waited.outcomes).toEqual(['waiting']);
    now = MONDAY - DAY; // Sunday: the mentor answers in the tab
    expect((await h.request('POST', `/api/requests/${request.json.id}/accept`, { person: cast.mentor, body: { version: request.json.version } })).status).toBe(200);
    now = MONDAY - 7 * HOUR;
    expect((await runtime.host.feedWorker!.handle(waited.jobs[0]!)).outcome).toBe('dropped');
    expect(await feedOf(cast.mentor)).toEqual([]);
    const ledger = new TableDeliveryLedger(botStorageFromConnectionString(testStorageConnectionString()).table(BOT_TABLE_NAME));
    const history = await ledger.history(cast.tenantId, cast.mentor.personId, waited.jobs[0]!.event.key, now - DAY);
    expect(history.alreadyDelivered).toBe(true);
  });

  it('counts in the daily limit the bot’s cards count in: after two cards today it waits for tomorrow', async () => {
    const cast = await h.newCast();
    const ledger = new TableDeliveryLedger(botStorageFromConnectionString(testStorageConnectionString()).table(BOT_TABLE_NAME));
    for (const key of [`checkin|m1|${cast.mentor.personId}`, `nudge|m0|${cast.mentor.personId}`]) {
      const history = await ledger.history(cast.tenantId, cast.mentor.personId, key, now - 2 * DAY);
      expect(await ledger.reserve({ tenantId: cast.tenantId, personId: cast.mentor.personId, idempotencyKey: key, localDate: new Date(now).toISOString().slice(0, 10), limit: 2, at: now - HOUR, owner: key, snapshot: history })).toBe('reserved');
      await ledger.markDelivered(cast.tenantId, cast.mentor.personId, key, now - HOUR, `activity-${key}`);
    }
    await askForMentor(cast.stranger, cast.mentor);
    const waited = await deliverQueued();
    expect(waited.outcomes).toEqual(['waiting']);
    expect(await feedOf(cast.mentor)).toEqual([]);
    now = MONDAY + 18 * HOUR; // Tuesday 10:00 in Warsaw
    expect((await runtime.host.feedWorker!.handle(waited.jobs[0]!)).outcome).toBe('delivered');
    expect(await feedOf(cast.mentor)).toHaveLength(1);
  });

  it('a 429 then success sends once: the Graph client waits out Retry-After; throttled past its retries, the same job sends on its next try and a duplicate never', async () => {
    const cast = await h.newCast();
    const graph = h.calendar();
    graph.faults.retryAfterSeconds = 1;
    graph.faults.script = ['throttle'];
    await askForMentor(cast.stranger, cast.mentor);
    expect((await deliverQueued()).outcomes).toEqual(['delivered']);
    expect(graph.stats.faults).toBe(1);
    expect(await feedOf(cast.mentor)).toHaveLength(1);

    // Throttled on every one of the client's tries: back to the queue, key kept for this job.
    const other = await h.newCast();
    const graph2 = h.calendar();
    // Retry-After: 1 second, so the job waits in the queue that long after the client's last try.
    graph2.faults.retryAfterSeconds = 1;
    graph2.faults.script = ['throttle', 'throttle', 'throttle', 'throttle'];
    await askForMentor(other.stranger, other.mentor);
    const throttled = await deliverQueued();
    expect(throttled.outcomes).toEqual(['retrying']);
    expect(await feedOf(other.mentor)).toEqual([]);
    const job = throttled.jobs[0]!;
    // The same event raised twice meanwhile: the duplicate job waits, the key is held for the first.
    expect((await runtime.host.feedWorker!.handle({ ...job, jobId: 'a-duplicate' })).outcome).toBe('waiting');
    // The queue shows the job again after Graph's Retry-After: it sends, once.
    let again = await deliverQueued();
    for (let i = 0; i < 40 && again.outcomes.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      again = await deliverQueued();
    }
    expect(again.outcomes).toEqual(['delivered']);
    expect(again.jobs.map((j) => [j.jobId, j.attempt])).toEqual([[job.jobId, 1]]);
    expect((await runtime.host.feedWorker!.handle({ ...job, jobId: 'a-duplicate' })).outcome).toBe('dropped');
    expect(await feedOf(other.mentor)).toHaveLength(1);
  });

  it('a person without the app (Graph 403) is recorded as undeliverable with the reason, and never tried again', async () => {
    const cast = await h.newCast();
    const graph = h.calendar();
    graph.activityFeed.notInstalled.add(cast.mentor.personId.toLowerCase());
    await askForMentor(cast.stranger, cast.mentor);
    const before = graph.stats.calls;
    const first = await deliverQueued();
    expect(first.outcomes).toEqual(['undeliverable']);
    expect(graph.stats.calls - before).toBe(1);
    expect((await runtime.host.feedWorker!.handle(first.jobs[0]!)).outcome).toBe('dropped');
    expect(graph.stats.calls - before).toBe(1);
    expect(await feedOf(cast.mentor)).toEqual([]);
  });
});
