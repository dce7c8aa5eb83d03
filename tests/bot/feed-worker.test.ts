/**
 * The feed worker's endings, on the bot's real delivery ledger (Table Storage on Azurite) and the real
 * feed queue: every job is sent, waits, or ends with a ledger record that says why — none loops and
 * none is lost. The activity feed here is a fake of the port that answers what each case needs (the
 * Graph adapter itself is tested over HTTP in tests/core/feed-activity-feed.test.ts).
 */
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { StorageQueueFeedQueue } from '../../src/adapters/bot/storage-queue-feed';
import { TableDeliveryLedger } from '../../src/adapters/bot/table-delivery-ledger';
import { FeedWorker, type FeedWorkerDeps } from '../../src/bot/delivery/feed-worker';
import { MAX_FAILED_ATTEMPTS } from '../../src/core/delivery/decide-delivery';
import type { ActivityFeedPort, FeedNotification } from '../../src/core/feed/activity-feed';
import type { FeedEvent } from '../../src/core/feed/feed-events';
import type { FeedJob } from '../../src/core/ports/feed';
import { nextContactMoment } from '../../src/core/scheduling/contact-hours';
import { fail, ok, type Result } from '../../src/core/result';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const TENANT = 'tenant-feed';
const MONDAY_NOON_WARSAW = Date.parse('2026-11-23T11:00:00Z');
const weekdays9to17 = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));

function event(personId: string, over: Partial<FeedEvent> = {}): FeedEvent {
  return {
    type: 'requestWaiting',
    tenantId: TENANT,
    personId,
    key: `feed|request|q-${personId}|${personId}`,
    page: 'home',
    subject: 'Margaret Hale',
    detail: { kind: 'request', requestId: `q-${personId}`, note: 'Hello' },
    notBefore: MONDAY_NOON_WARSAW - 60_000,
    ...over,
  };
}
const job = (e: FeedEvent, jobId = `job-${e.personId}`): FeedJob => ({ event: e, jobId, attempt: 0 });

let ledger: TableDeliveryLedger;
let table: TableClient;
let queue: StorageQueueFeedQueue;
let sent: FeedNotification[];
let answers: Result<void>[];
let needed: Result<boolean>;
/** The names nameOf answers, and who was asked (the feed worker reads a name only to send). */
let names: Map<string, Result<string>>;
let nameReads: string[];

const port: ActivityFeedPort = {
  async send(n) {
    const answer = answers.shift() ?? ok(undefined);
    if (answer.ok) sent.push(n);
    return answer;
  },
};

function worker(over: Partial<FeedWorkerDeps> = {}): FeedWorker {
  return new FeedWorker({
    queue,
    ledger,
    feedFor: () => ok(port),
    recipientOf: async (e) => ({ personId: e.personId, timeZone: 'Europe/Warsaw', contactHours: weekdays9to17 }),
    stillNeeded: async () => needed,
    nameOf: async (_tenantId, personId) => {
      nameReads.push(personId);
      return names.get(personId) ?? ok('—');
    },
    localeOf: async () => 'pl-PL',
    linkTo: (page) => `https://tab.example/index.html#/${page}`,
    nextContactMoment,
    now: () => MONDAY_NOON_WARSAW,
    ...over,
  });
}

beforeEach(async () => {
  table = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('feedworker'), { allowInsecureConnection: true });
  await table.createTable();
  ledger = new TableDeliveryLedger(table);
  queue = new StorageQueueFeedQueue(new QueueClient(testStorageConnectionString(), `feed-${uniqueTableName('w').toLowerCase()}`));
  sent = [];
  answers = [];
  needed = ok(true);
  names = new Map([['mentor-1', ok('Kacper Mentor')]]);
  nameReads = [];
});

it('writes the words in the person’s language: Polish for a Polish bot chat', async () => {
  expect((await worker().handle(job(event('p-pl')))).outcome).toBe('delivered');
  expect(sent.map((n) => [n.topic, n.previewText])).toEqual([['Mentoring: Margaret Hale', '„Hello” Otwórz, aby przyjąć lub odrzucić.']]);
});

it('a host without Graph access records FEED.NOT_CONFIGURED once and never calls the feed', async () => {
  const w = worker({ feedFor: () => fail('FEED.NOT_CONFIGURED', 'no credential') });
  expect((await w.handle(job(event('p1')))).outcome).toBe('undeliverable');
  expect(await ledger.withStatus('undeliverable')).toEqual([expect.objectContaining({ personId: 'p1', reason: 'FEED.NOT_CONFIGURED' })]);
  expect((await worker().handle(job(event('p1'), 'another-job'))).outcome).toBe('dropped');
  expect(sent).toEqual([]);
});

it('a person no longer in the relationship is recorded as NO_RECIPIENT', async () => {
  const w = worker({ recipientOf: async () => undefined });
  expect((await w.handle(job(event('p2', { relationshipId: 'r9' })))).outcome).toBe('undeliverable');
  expect((await ledger.withStatus('undeliverable')).map((r) => r.reason)).toEqual(['NO_RECIPIENT']);
});

it('a refusal that is neither throttling nor "not installed" is retried with backoff, then recorded after the fifth', async () => {
  answers = Array.from({ length: MAX_FAILED_ATTEMPTS }, () => fail('GRAPH.BAD_REQUEST', 'refused', { details: { status: 400 } }));
  let current = job(event('p3'));
  const outcomes: string[] = [];
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
    const handled = await worker().handle(current);
    outcomes.push(handled.outcome);
    if (handled.job) current = handled.job;
  }
  expect(outcomes).toEqual([...Array(MAX_FAILED_ATTEMPTS - 1).fill('retrying'), 'undeliverable']);
  expect((await ledger.withStatus('undeliverable')).map((r) => r.reason)).toEqual([`FAILED_${MAX_FAILED_ATTEMPTS}_TIMES:GRAPH.BAD_REQUEST`]);
  expect(sent).toEqual([]);
});

it('storage failing to say whether it is still needed is a failure to retry, not a silent drop', async () => {
  needed = fail('STORAGE.UNAVAILABLE', 'The data store did not answer.');
  const handled = await worker().handle(job(event('p4')));
  expect([handled.outcome, handled.job?.failures]).toEqual(['retrying', 1]);
  expect(sent).toEqual([]);
});

it('a queue message that is not a batch of feed jobs is recorded and dropped; the jobs of one that is are handled and the waiting ones queued again', async () => {
  expect(await worker().handleMessage('{"jobs":[]}', { queueName: queue.name, messageId: 'm1' })).toEqual(['dropped']);
  const saturday = Date.parse('2026-11-28T10:00:00Z');
  const message = JSON.stringify({ feedJobs: [job(event('p5')), job(event('p6', { notBefore: saturday }))] });
  const requeued: [number, string[]][] = [];
  const recording = { read: (m: unknown) => queue.read(m), enqueue: async (jobs: readonly FeedJob[], delayMs = 0) => void requeued.push([delayMs, jobs.map((j) => j.event.personId)]) };
  const w = worker({ now: () => saturday, queue: recording });
  expect(await w.handleMessage(message, { queueName: queue.name, messageId: 'm2' })).toEqual(['waiting', 'waiting']);
  // Both hidden until they may go out, Monday 09:00 in Warsaw (08:00 UTC): one queue message for the two.
  expect(requeued).toEqual([[Date.parse('2026-11-30T08:00:00Z') - saturday, ['p5', 'p6']]]);
});

describe('a check-in due whose partner’s name is read as it is sent (planning reads no profile)', () => {
  const checkInDue = (personId: string, over: Partial<FeedEvent> = {}): FeedEvent => ({
    type: 'checkInDue',
    tenantId: TENANT,
    personId,
    key: `feed|checkin|m1|${personId}`,
    page: 'relationship/r1/checkins/m1',
    relationshipId: 'r1',
    subject: '',
    subjectPersonId: 'mentor-1',
    detail: { kind: 'checkIn', meetingId: 'm1', meetingStart: MONDAY_NOON_WARSAW - 2 * 3_600_000 },
    notBefore: MONDAY_NOON_WARSAW - 3_600_000,
    ...over,
  });

  it('sends exactly the words of the same event named when it was raised', async () => {
    const named = checkInDue('mentee-named', { subject: 'Kacper Mentor', key: 'feed|checkin|m1|named' });
    delete (named as { subjectPersonId?: string }).subjectPersonId;
    expect((await worker().handle(job(named))).outcome).toBe('delivered');
    expect(nameReads).toEqual([]);
    expect((await worker().handle(job(checkInDue('mentee-1')))).outcome).toBe('delivered');
    expect(nameReads).toEqual(['mentor-1']);
    const [early, late] = sent;
    expect({ ...late, personId: early!.personId, key: early!.key }).toEqual(early);
    expect(late!.subject).toBe('Kacper Mentor');
  });

  it('reads the name only when it goes out: not while it waits for contact hours, nor for a duplicate', async () => {
    const night = worker({ now: () => Date.parse('2026-11-23T22:00:00Z') });
    expect((await night.handle(job(checkInDue('mentee-1')))).outcome).toBe('waiting');
    expect(nameReads).toEqual([]);
    expect((await worker().handle(job(checkInDue('mentee-1')))).outcome).toBe('delivered');
    expect((await worker().handle(job(checkInDue('mentee-1'), 'duplicate'))).outcome).toBe('dropped');
    expect(nameReads).toEqual(['mentor-1']);
    expect(sent).toHaveLength(1);
  });

  it('a profile store that does not answer: tried again (the key kept for this job), then sent with the name', async () => {
    names.set('mentor-1', fail('STORAGE.UNAVAILABLE', 'The data store did not answer.'));
    const first = await worker().handle(job(checkInDue('mentee-1')));
    expect(first.outcome).toBe('retrying');
    expect(sent).toEqual([]);
    names.set('mentor-1', ok('Kacper Mentor'));
    expect((await worker().handle(first.job!)).outcome).toBe('delivered');
    expect(sent.map((n) => n.subject)).toEqual(['Kacper Mentor']);
  });
});
