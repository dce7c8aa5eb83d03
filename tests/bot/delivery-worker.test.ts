import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { CloudAdapter } from '@microsoft/agents-hosting';
import { BotConnectorSender } from '../../src/adapters/bot/bot-connector-sender';
import type { DeliveryJob } from '../../src/core/ports/delivery';
import { StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
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
  let jobs = 0;

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
    const table = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('deliv'), { allowInsecureConnection: true });
    await ensureTable(table);
    queueClient = new QueueClient(testStorageConnectionString(), uniqueTableName('deliv').toLowerCase());
    queue = new StorageQueueDeliveryQueue(queueClient);
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
    worker = new DeliveryWorker({
      queue,
      ledger: new TableDeliveryLedger(table),
      sender: new BotConnectorSender(new CloudAdapter({}), ''),
      references,
      recipientOf: async (j) => ({ personId: j.personId, timeZone: j.personId === 'ravi' ? 'Asia/Kolkata' : 'Europe/Warsaw', contactHours: weekdays9to17 }),
      compose: async (_j, user) => ok(helpCard({ locale: user.locale, links })),
      nextContactMoment,
      now: () => now,
      pacerFor: pacerPerKey({ initialPerSecond: 50, minPerSecond: 1, maxPerSecond: 100, increasePerSuccess: 1 }),
    });
  });

  afterEach(async () => {
    await connector.stop();
  });

  it('delivers inside contact hours, in the person\'s language, and removes the job', async () => {
    await queue.enqueue([job('ania', 'm1')]);
    expect(await worker.runOnce()).toEqual(['delivered']);
    expect(connector.received).toHaveLength(1);
    expect(JSON.stringify(connector.received[0]!.activity)).toContain('Co potrafię');
    expect(await visibleCount()).toBe(0);
  });

  it('never sends the same check-in twice, even when the job is queued twice', async () => {
    await queue.enqueue([job('ania', 'm1')]);
    await queue.enqueue([job('ania', 'm1')]);
    const outcomes = await worker.runOnce();
    // Processed side by side: one sends; the duplicate finds the key held and waits, or (when it is
    // handled after the first finished) finds it delivered and is dropped. Never a second send.
    expect(outcomes.filter((o) => o === 'delivered')).toHaveLength(1);
    expect(['waiting', 'dropped']).toContain(outcomes.find((o) => o !== 'delivered'));
    expect(connector.received).toHaveLength(1);
    // Run the duplicate again (as the queue would after its wait): it is dropped, not sent.
    await queue.enqueue([job('ania', 'm1')]);
    expect(await worker.runOnce()).toEqual(['dropped']);
    expect(connector.received).toHaveLength(1);
  });

  it('outside contact hours the job waits, durably, in the queue and nothing is sent', async () => {
    await queue.enqueue([job('ravi', 'm1')]); // 17:30 in Kolkata
    expect(await worker.runOnce()).toEqual(['waiting']);
    expect(connector.received).toHaveLength(0);
    expect(await visibleCount()).toBe(0);
    const approximate = await queueClient.getProperties();
    expect(approximate.approximateMessagesCount).toBe(1);
  });

  it('a 429 from the connector sends the job back to the queue; it is delivered once later', async () => {
    connector.failNext(429, 1);
    await queue.enqueue([job('ania', 'm1')]);
    expect(await worker.runOnce()).toEqual(['retrying']);
    expect(connector.received).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1200));
    expect(await worker.runOnce()).toEqual(['delivered']);
    expect(connector.received).toHaveLength(1);
  });

  it('a third message on the same local day waits for the next day', async () => {
    await queue.enqueue([job('ania', 'm1')]);
    await queue.enqueue([job('ania', 'm2')]);
    expect((await worker.runOnce()).sort()).toEqual(['delivered', 'delivered']);
    await queue.enqueue([job('ania', 'm3')]);
    expect(await worker.runOnce()).toEqual(['waiting']);
    expect(connector.received).toHaveLength(2);
  });

  it('a person who removed the app (403) is recorded as undeliverable, not retried forever', async () => {
    connector.failNext(403, 1);
    await queue.enqueue([job('ania', 'm1')]);
    expect(await worker.runOnce()).toEqual(['undeliverable']);
    expect((await queueClient.getProperties()).approximateMessagesCount).toBe(0);
  });
});
