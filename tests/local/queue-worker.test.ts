/**
 * One queue poller for every queue (issue 15): the local host runs the API's calendar-changes
 * consumer on the same StorageQueuePoller as the bot's deliveries, so it has the same poison handling
 * as the Functions runtime in Azure. On Azurite, with the real consumer: a message that is not a
 * batch of changes goes to `{queue}-poison` at once; one whose sync keeps failing (storage down) goes
 * there at its 5th failure and is not handed out again; a good one is consumed and deleted.
 */
import { randomUUID } from 'node:crypto';
import { QueueClient } from '@azure/storage-queue';
import { newClientState } from '../../src/adapters/graph/client-state';
import { QUEUE_TRIGGER_SETTINGS } from '../../src/adapters/queue/storage-queue-poller';
import { apiQueues } from '../../src/api/function-table';
import type { ApiServices } from '../../src/api/api-services';
import { fail } from '../../src/core/result';
import { startQueueWorkers } from '../../src/local/local-queue-worker';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness';
import { testStorageConnectionString } from '../support/azurite';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

const queueName = () => `changes-${h.tableName.toLowerCase()}`;
const client = (name: string) => new QueueClient(testStorageConnectionString(), name);
const FAST = { ...QUEUE_TRIGGER_SETTINGS, visibilityTimeoutMs: 1000 };

async function bodies(name: string): Promise<string[]> {
  const queue = client(name);
  if (!(await queue.exists())) return [];
  const { peekedMessageItems } = await queue.peekMessages({ numberOfMessages: 32 });
  return peekedMessageItems.map((m) => m.messageText);
}

function worker(services: ApiServices, logged: { message: string; fields: Record<string, unknown> }[]) {
  const logger = {
    info: (message: string, fields: Record<string, unknown>) => logged.push({ message, fields }),
    error: (message: string, fields: Record<string, unknown>) => logged.push({ message, fields }),
  };
  return startQueueWorkers({ connectionString: testStorageConnectionString(), queues: apiQueues, services, logger, now: () => Date.now(), queueNames: { calendarChanges: queueName() }, settings: FAST, poll: false });
}

afterEach(async () => {
  for (const name of [queueName(), queueName() + '-poison']) if (await client(name).exists()) await client(name).clearMessages();
});

it('a message that is not a batch of changes goes to the poison queue at once, logged, and leaves the queue', async () => {
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  const w = worker(h.api.services, logged);
  await client(queueName()).createIfNotExists();
  await client(queueName()).sendMessage('{"changes": "not a list"}');
  await w.runOnce();
  await w.stop();
  expect(await bodies(queueName())).toEqual([]);
  expect(await bodies(queueName() + '-poison')).toEqual(['{"changes": "not a list"}']);
  expect(logged).toContainEqual({ message: 'calendar change message not understood; set aside', fields: { poisonQueue: queueName() + '-poison', bytes: 25 } });
});

it('a change whose sync keeps failing (storage down) comes back after the visibility timeout, and at its 5th failure goes to the poison queue', async () => {
  const tenantId = randomUUID();
  const mailboxId = randomUUID();
  const subscriptionId = randomUUID();
  expect((await h.api.services.booking.subscriptionRecords.create(tenantId, { subscriptionId, mailboxId, expiresAt: Date.now() + 3600_000, clientState: newClientState() })).ok).toBe(true);
  // The relationships of the changed mailbox cannot be read: the consumer throws, as on any transient failure.
  const relationships = h.api.services.repositories.relationships;
  const down: ApiServices = {
    ...h.api.services,
    repositories: {
      ...h.api.services.repositories,
      relationships: { ...relationships, listForPerson: async () => fail('STORAGE.UNAVAILABLE', 'down') } as typeof relationships,
    },
  };
  const body = JSON.stringify({ changes: [{ kind: 'changed', tenantId, subscriptionId, mailboxId }] });
  await client(queueName()).createIfNotExists();
  await client(queueName()).sendMessage(body);
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  const w = worker(down, logged);
  const failures = () => logged.filter((l) => l.message === 'queue message failed');
  for (let attempt = 1; attempt <= QUEUE_TRIGGER_SETTINGS.maxDequeueCount; attempt++) {
    const deadline = Date.now() + 10_000;
    while (failures().length < attempt && Date.now() < deadline) {
      await w.runOnce();
      if (failures().length < attempt) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(failures()).toHaveLength(attempt);
    expect(await bodies(queueName() + '-poison')).toEqual(attempt < QUEUE_TRIGGER_SETTINGS.maxDequeueCount ? [] : [body]);
  }
  expect(failures().map((f) => [f.fields.dequeueCount, f.fields.poisoned])).toEqual([
    [1, false],
    [2, false],
    [3, false],
    [4, false],
    [5, true],
  ]);
  expect(String(failures()[4]!.fields.error)).toMatch(/STORAGE.UNAVAILABLE/);
  // Gone from the queue for good: another round after the timeout hands nothing out.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await w.runOnce();
  await w.stop();
  expect(failures()).toHaveLength(QUEUE_TRIGGER_SETTINGS.maxDequeueCount);
  expect(await bodies(queueName())).toEqual([]);
});

it('a good change is consumed and deleted', async () => {
  const tenantId = randomUUID();
  const subscriptionId = randomUUID();
  const mailboxId = randomUUID();
  expect((await h.api.services.booking.subscriptionRecords.create(tenantId, { subscriptionId, mailboxId, expiresAt: Date.now() + 3600_000, clientState: newClientState() })).ok).toBe(true);
  await client(queueName()).createIfNotExists();
  await client(queueName()).sendMessage(JSON.stringify({ changes: [{ kind: 'changed', tenantId, subscriptionId, mailboxId }] }));
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  const w = worker(h.api.services, logged);
  await w.runOnce();
  await w.stop();
  expect(logged.filter((l) => l.message === 'queue message failed')).toEqual([]);
  expect(await bodies(queueName())).toEqual([]);
  expect(await bodies(queueName() + '-poison')).toEqual([]);
});
