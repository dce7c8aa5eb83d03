import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { CloudAdapter } from '@microsoft/agents-hosting';
import { BotConnectorSender } from '../../src/adapters/bot/bot-connector-sender';
import type { DeliveryJob } from '../../src/core/ports/delivery';
import { StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
import { StorageQueuePoller } from '../../src/adapters/queue/storage-queue-poller';
import type { JobOutcome } from '../../src/bot/delivery/delivery-worker';
import { MAX_FAILED_ATTEMPTS, MESSAGE_MAX_AGE } from '../../src/core/delivery/decide-delivery';
import { ensureTable, TableConversationReferenceStore } from '../../src/adapters/bot/table-bot-stores';
import { TableDeliveryLedger } from '../../src/adapters/bot/table-delivery-ledger';
import { helpCard } from '../../src/adapters/cards/simple-cards';
import { pacerPerKey } from '../../src/bot/delivery/adaptive-pacer';
import { DeliveryWorker } from '../../src/bot/delivery/delivery-worker';
import { idempotencyKeys } from '../../src/core/delivery/bot-message';
import { nextContactMoment } from '../../src/core/scheduling/contact-hours';
import { ok } from '../../src/core/result';
import { startLocalBotConnector, type LocalBotConnector } from '../../src/local/connector/local-bot-connector';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const TENANT = 'tenant-a';
const weekdays9to17 = ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const links = { home: 'https://tab/', schedule: 'https://tab/#/schedule', actionItems: 'https://tab/#/actions' };

describe('the delivery worker (Azurite queue + table, Agents SDK CloudAdapter, local connector)', () => {
  let connector: LocalBotConnector;
  let now: number;
  let worker: DeliveryWorker;
  let queue: StorageQueueDeliveryQueue;
  let queueClient: QueueClient;
  let ledger: TableDeliveryLedger;
  let poller: StorageQueuePoller<JobOutcome>;
  let logged: { event: string; details: Record<string, unknown> }[];
  let failRecipient: string | undefined;
  /** A person whose relationship no longer gives them a recipient (the agreement ended). */
  let noRecipient: string | undefined;
  let table: TableClient;
  let jobs = 0;
  const queueNamed = (name: string) => new QueueClient(testStorageConnectionString(), name);

  /** What the queue trigger does once: each due message handed to the worker, deleted when it returns. */
  const runOnce = () => poller.runOnce();

  function job(personId: string, meetingId: string, kind: DeliveryJob['kind'] = 'checkin'): DeliveryJob {
    const key = kind === 'checkin' ? idempotencyKeys.checkin(meetingId, personId) : idempotencyKeys.checkinNudge(meetingId, personId);
    return { kind, tenantId: TENANT, personId, idempotencyKey: key, notBefore: Date.parse('2026-11-23T11:00:00Z'), relationshipId: 'r1', meetingId, jobId: `job-${++jobs}`, attempt: 0 };
  }

  async function visibleCount(): Promise<number> {
    const peeked = await queueClient.peekMessages({ numberOfMessages: 32 });
    return peeked.peekedMessageItems.length;
  }

  beforeEach(async () => {
    connector = await startLocalBotConnector();
    table = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('deliv'), { allowInsecureConnection: true });
    await ensureTable(table);
    queueClient = queueNamed(uniqueTableName('deliv').toLowerCase());
    queue = new StorageQueueDeliveryQueue(queueClient, queueNamed);
    await queue.ensure();
    const references = new TableConversationReferenceStore(table);
    for (const person of ['ania', 'ravi']) {
      await references.save({
        serviceUrl: connector.serviceUrl,
        channelId: 'msteams',
        conversationId: `a:${person}`,
        botId: '28:bot',
        userId: `29:${person}`,
        userAadObjectId: person,
        tenantId: TENANT,
        locale: 'pl-PL',
      });
    }
    now = Date.parse('2026-11-23T12:00:00Z'); // Monday: 13:00 in Warsaw, 17:30 in Kolkata
    ledger = new TableDeliveryLedger(table);
    logged = [];
    failRecipient = undefined;
    noRecipient = undefined;
    worker = new DeliveryWorker({
      queue,
      ledger,
      sender: new BotConnectorSender(new CloudAdapter({}), ''),
      references,
      recipientOf: async (j) => {
        if (j.personId === failRecipient) throw new Error('storage unreachable');
        if (j.personId === noRecipient) return undefined;
        return { personId: j.personId, timeZone: j.personId === 'ravi' ? 'Asia/Kolkata' : 'Europe/Warsaw', contactHours: weekdays9to17 };
      },
      compose: async (_j, user) => ok(helpCard({ locale: user.locale, links })),
      nextContactMoment,
      now: () => now,
      pacerFor: pacerPerKey({ initialPerSecond: 50, minPerSecond: 1, maxPerSecond: 100, increasePerSuccess: 1 }),
      log: (event, details) => logged.push({ event, details }),
    });
    poller = new StorageQueuePoller([{ queue: queueClient, handle: (message, source) => worker.handleMessage(message, source) }], queueNamed);
  });

  afterEach(async () => {
    await connector.stop();
  });

  it('handles at most its limit of jobs at once across messages; the others wait their turn and all are handled', async () => {
    let inFlight = 0;
    let peak = 0;
    const limited = new DeliveryWorker({
      queue,
      ledger,
      sender: new BotConnectorSender(new CloudAdapter({}), ''),
      references: { save: async () => undefined, get: async () => undefined },
      recipientOf: async (j) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return { personId: j.personId, timeZone: 'Europe/Warsaw', contactHours: weekdays9to17 };
      },
      compose: async (_j, user) => ok(helpCard({ locale: user.locale, links })),
      nextContactMoment,
      now: () => now,
      pacerFor: pacerPerKey({ initialPerSecond: 50, minPerSecond: 1, maxPerSecond: 100, increasePerSuccess: 1 }),
      maxJobsInFlight: 3,
    });
    const message = (from: number) => JSON.stringify({ jobs: Array.from({ length: 10 }, (_, i) => job(`p${from + i}`, 'm1')) });
    const outcomes = await Promise.all([
      limited.handleMessage(message(0), { queueName: 'q', messageId: 'a' }),
      limited.handleMessage(message(10), { queueName: 'q', messageId: 'b' }),
    ]);
    expect(peak).toBe(3);
    // Nobody installed the app here: every job ends as undeliverable, none is left out.
    expect(outcomes.flat()).toEqual(Array.from({ length: 20 }, () => 'undeliverable'));
  });

  it('delivers inside contact hours, in the person\'s language, and removes the job', async () => {
    await queue.enqueue([job('ania', 'm1')]);
    expect(await runOnce()).toEqual(['delivered']);
    expect(connector.received).toHaveLength(1);
    expect(JSON.stringify(connector.received[0]!.activity)).toContain('Co potrafię');
    expect(await visibleCount()).toBe(0);
  });

  it('never sends the same check-in twice, even when the job is queued twice', async () => {
    await queue.enqueue([job('ania', 'm1')]);
    await queue.enqueue([job('ania', 'm1')]);
    const outcomes: JobOutcome[] = await runOnce();
    // Processed side by side: one sends; the duplicate finds the key held and waits, or (when it is
    // handled after the first finished) finds it delivered and is dropped. Never a second send.
    expect(outcomes.filter((o) => o === 'delivered')).toHaveLength(1);
    expect(['waiting', 'dropped']).toContain(outcomes.find((o) => o !== 'delivered'));
    expect(connector.received).toHaveLength(1);
    // Run the duplicate again (as the queue would after its wait): it is dropped, not sent.
    await queue.enqueue([job('ania', 'm1')]);
    expect(await runOnce()).toEqual(['dropped']);
    expect(connector.received).toHaveLength(1);
  });

  /** The ledger's row of the key, as stored (its status and what the delivery recorded). */
  async function ledgerRow(personId: string, meetingId: string): Promise<Record<string, unknown>> {
    const rows: Record<string, unknown>[] = [];
    for await (const row of table.listEntities<Record<string, unknown>>()) if (String(row.rowKey).startsWith('msg|') && String(row.partitionKey).endsWith(personId)) rows.push(row);
    expect(rows).toHaveLength(1);
    const { status, deliveredAt, activityId, reason, failedAt } = rows[0]!;
    expect(String(rows[0]!.rowKey)).toContain(meetingId);
    return { status, deliveredAt, activityId, reason, failedAt };
  }

  it('a duplicate job arriving after delivery changes nothing: one send, the ledger keeps the first delivery’s record', async () => {
    await queue.enqueue([job('ania', 'm1')]);
    expect(await runOnce()).toEqual(['delivered']);
    const first = await ledgerRow('ania', 'm1');
    expect(first).toMatchObject({ status: 'delivered', deliveredAt: now, activityId: expect.any(String) });
    expect(first.reason).toBeUndefined();
    // Later the pair's agreement ended (no recipient any more), and a duplicate of the job arrives.
    now += 60 * 60_000;
    noRecipient = 'ania';
    await queue.enqueue([job('ania', 'm1')]);
    expect(await runOnce()).toEqual(['dropped']);
    expect(connector.received).toHaveLength(1);
    expect(await ledgerRow('ania', 'm1')).toEqual(first);
  });

  it('outside contact hours the job waits, durably, in the queue and nothing is sent', async () => {
    await queue.enqueue([job('ravi', 'm1')]); // 17:30 in Kolkata
    expect(await runOnce()).toEqual(['waiting']);
    expect(connector.received).toHaveLength(0);
    expect(await visibleCount()).toBe(0);
    const approximate = await queueClient.getProperties();
    expect(approximate.approximateMessagesCount).toBe(1);
  });

  it('a 429 from the connector sends the job back to the queue; it is delivered once later', async () => {
    connector.failNext(429, 1);
    await queue.enqueue([job('ania', 'm1')]);
    expect(await runOnce()).toEqual(['retrying']);
    expect(connector.received).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await runOnce()).toEqual(['delivered']);
    expect(connector.received).toHaveLength(1);
  });

  it('a third message on the same local day waits for the next day', async () => {
    await queue.enqueue([job('ania', 'm1')]);
    await queue.enqueue([job('ania', 'm2')]);
    expect((await runOnce()).sort()).toEqual(['delivered', 'delivered']);
    await queue.enqueue([job('ania', 'm3')]);
    expect(await runOnce()).toEqual(['waiting']);
    expect(connector.received).toHaveLength(2);
  });

  it('a person who removed the app (403) is recorded as undeliverable, not retried forever', async () => {
    connector.failNext(403, 1);
    await queue.enqueue([job('ania', 'm1')]);
    expect(await runOnce()).toEqual(['undeliverable']);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(0);
  });

  const poisonQueue = () => queueNamed(`${queueClient.name}-poison`);
  async function poisoned(): Promise<string[]> {
    const client = poisonQueue();
    if (!(await client.exists())) return [];
    return (await client.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.map((m) => m.messageText);
  }

  it('an unexpected status from the connector (400) fails that job only: the other job of the same message is delivered', async () => {
    connector.failNext(400, 1);
    now = Date.parse('2026-11-23T11:00:00Z'); // 12:00 in Warsaw, 16:30 in Kolkata: both inside contact hours
    await queue.enqueue([job('ania', 'm1'), job('ravi', 'm1')]);
    const outcomes = (await runOnce()).sort();
    expect(outcomes).toEqual(['delivered', 'retrying']);
    expect(connector.received).toHaveLength(1);
    expect(logged.map((l) => [l.event, l.details.status])).toContainEqual(['delivery connector error', 400]);
    // The failed job is back in the queue, hidden for its backoff, carrying its failure.
    await new Promise((r) => setTimeout(r, 1300));
    const [again] = (await queueClient.receiveMessages({ numberOfMessages: 1 })).receivedMessageItems;
    expect(JSON.parse(again!.messageText).jobs[0]).toMatchObject({ attempt: 1, failures: 1, lastError: { code: 'DELIVERY.CONNECTOR_ERROR', status: 400 } });
  });

  it('a job whose handling throws fails alone, goes back to the queue with its error, and is delivered when it works again', async () => {
    failRecipient = 'ravi';
    now = Date.parse('2026-11-23T11:00:00Z');
    await queue.enqueue([job('ania', 'm1'), job('ravi', 'm1')]);
    expect((await runOnce()).sort()).toEqual(['delivered', 'retrying']);
    expect(logged.find((l) => l.event === 'delivery job failed')?.details.code).toBe('DELIVERY.UNEXPECTED_ERROR');
    failRecipient = undefined;
    await new Promise((r) => setTimeout(r, 1300));
    expect(await runOnce()).toEqual(['delivered']);
    expect(connector.received.map((r) => r.conversationId).sort()).toEqual(['a:ania', 'a:ravi']);
  });

  it(`after ${MAX_FAILED_ATTEMPTS} failed attempts (500s) the job goes to the poison queue with a ledger record of its last error`, async () => {
    // A job that has failed four times already (each failure counted, as the test before shows).
    connector.failNext(500, 1);
    await queue.enqueue([{ ...job('ania', 'm1'), attempt: MAX_FAILED_ATTEMPTS - 1, failures: MAX_FAILED_ATTEMPTS - 1 }]);
    expect(await runOnce()).toEqual(['poisoned']);
    expect(connector.received).toHaveLength(0);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(0);
    const [set] = await poisoned();
    expect(JSON.parse(set!).jobs[0]).toMatchObject({ personId: 'ania', failures: MAX_FAILED_ATTEMPTS, lastError: { code: 'DELIVERY.CONNECTOR_ERROR', status: 500 } });
    expect(await ledger.withStatus('poisoned')).toEqual([
      expect.objectContaining({ personId: 'ania', idempotencyKey: idempotencyKeys.checkin('m1', 'ania'), reason: 'DELIVERY.CONNECTOR_ERROR', httpStatus: 500, attempts: MAX_FAILED_ATTEMPTS }),
    ]);
    expect(logged.map((l) => l.event)).toContain('delivery job poisoned');
    // Its key is closed: the same check-in queued again is not sent.
    await queue.enqueue([job('ania', 'm1')]);
    expect(await runOnce()).toEqual(['dropped']);
    expect(connector.received).toHaveLength(0);
  });

  it('a message that is not a batch of jobs goes to the poison queue at once, recorded, and never comes back', async () => {
    await queueClient.sendMessage('{"jobs": "not a list"');
    expect(await runOnce()).toEqual(['poisoned']);
    expect(await poisoned()).toEqual(['{"jobs": "not a list"']);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(0);
    expect(await ledger.withStatus('poisoned')).toEqual([expect.objectContaining({ reason: 'DELIVERY.UNREADABLE_MESSAGE', queueName: queueClient.name })]);
    expect(await runOnce()).toEqual([]);
  });

  it('a check-in older than 7 days is dropped and recorded as expired, not sent', async () => {
    await queue.enqueue([{ ...job('ania', 'm-old'), notBefore: now - MESSAGE_MAX_AGE - 60_000 }]);
    expect(await runOnce()).toEqual(['expired']);
    expect(connector.received).toHaveLength(0);
    expect(await ledger.withStatus('expired')).toEqual([expect.objectContaining({ personId: 'ania', reason: 'EXPIRED' })]);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(0);
  });
});
