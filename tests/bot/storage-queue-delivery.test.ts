import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueueClient } from '@azure/storage-queue';
import { deliveryQueueNames, StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
import { QUEUE_TRIGGER_SETTINGS, StorageQueuePoller } from '../../src/adapters/queue/storage-queue-poller';
import type { DeliveryJob } from '../../src/core/ports/delivery';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const job = (personId: string): DeliveryJob => ({
  kind: 'checkin',
  tenantId: 't1',
  personId,
  relationshipId: 'r1',
  meetingId: 'm1',
  idempotencyKey: `checkin|m1|${personId}`,
  notBefore: 0,
  jobId: `job-${personId}`,
  attempt: 0,
});

const queueNamed = (name: string) => new QueueClient(testStorageConnectionString(), name);

function shardedQueue(shards: number) {
  const clients = deliveryQueueNames(uniqueTableName('dq').toLowerCase(), shards).map(queueNamed);
  return { clients, queue: new StorageQueueDeliveryQueue(clients, queueNamed) };
}

describe('the sharded delivery queue on Azurite, read by the poller that mirrors the Functions queue trigger', () => {
  it('spreads jobs over its queues and hands every one to the handler exactly once, deleting each message after it', async () => {
    const { clients, queue } = shardedQueue(3);
    await queue.ensure();
    const people = Array.from({ length: 40 }, (_, i) => `p${i}`);
    await queue.enqueue(people.map(job));
    // One message per shard: 40 jobs travel as 3 Storage messages.
    const counts = await Promise.all(clients.map(async (s) => (await s.getProperties()).approximateMessagesCount ?? 0));
    expect(counts).toEqual([1, 1, 1]);

    const poller = new StorageQueuePoller(
      clients.map((client) => ({ queue: client, handle: async (message: string) => (queue.read(message) ?? []).map((j) => j.personId) })),
      queueNamed,
    );
    const seen = [...(await poller.runOnce()), ...(await poller.runOnce())];
    expect(seen.sort()).toEqual([...people].sort());
    const left = await Promise.all(clients.map(async (s) => (await s.getProperties()).approximateMessagesCount ?? 0));
    expect(left).toEqual([0, 0, 0]);
  });

  it('queues jobs hidden for their delay; they come back after it', async () => {
    const { clients, queue } = shardedQueue(1);
    await queue.ensure();
    await queue.enqueue([{ ...job('ravi'), attempt: 1 }], 1000);
    const poller = new StorageQueuePoller([{ queue: clients[0]!, handle: async (m: string) => queue.read(m) ?? [] }], queueNamed);
    expect(await poller.runOnce()).toEqual([]);
    await new Promise((r) => setTimeout(r, 1300));
    expect((await poller.runOnce()).map((j) => [j.personId, j.attempt])).toEqual([['ravi', 1]]);
  });

  it('reads text and parsed JSON alike (the Functions trigger hands JSON over parsed), and refuses what is not a batch of jobs', () => {
    const { queue } = shardedQueue(1);
    const batch = { jobs: [job('ania')] };
    expect(queue.read(JSON.stringify(batch))).toEqual(batch.jobs);
    expect(queue.read(batch)).toEqual(batch.jobs);
    expect(queue.read('not json {')).toBeUndefined();
    expect(queue.read({ jobs: [] })).toBeUndefined();
    expect(queue.read({ jobs: [{ ...job('ania'), attempt: -1 }] })).toBeUndefined();
    expect(queue.read(42)).toBeUndefined();
  });

  it('a message whose handler throws stays in the queue, and at its fifth failure moves to {queue}-poison', async () => {
    const { clients, queue } = shardedQueue(1);
    await queue.ensure();
    await queue.enqueue([job('eve')]);
    const client = clients[0]!;
    let calls = 0;
    const poller = new StorageQueuePoller<never>(
      [
        {
          queue: client,
          handle: async () => {
            calls++;
            throw new Error('storage unreachable');
          },
        },
      ],
      queueNamed,
      () => undefined,
      // The trigger's settings with a 1 s visibility timeout instead of 30 s, to keep the test short.
      { ...QUEUE_TRIGGER_SETTINGS, visibilityTimeoutMs: 1000 },
    );
    for (let failure = 1; failure < QUEUE_TRIGGER_SETTINGS.maxDequeueCount; failure++) {
      await poller.runOnce();
      expect((await client.peekMessages({ numberOfMessages: 1 })).peekedMessageItems).toHaveLength(0);
      expect((await client.getProperties()).approximateMessagesCount).toBe(1);
      await new Promise((r) => setTimeout(r, 1200));
    }
    await poller.runOnce();
    expect(calls).toBe(QUEUE_TRIGGER_SETTINGS.maxDequeueCount);
    expect((await client.getProperties()).approximateMessagesCount).toBe(0);
    const poisoned = (await queueNamed(`${client.name}-poison`).peekMessages({ numberOfMessages: 5 })).peekedMessageItems;
    expect(poisoned.map((m) => queue.read(m.messageText)?.[0]?.personId)).toEqual(['eve']);
  });

  it('host.json gives the Functions queue trigger the same settings the local poller uses, with plain-text messages', () => {
    const host = JSON.parse(readFileSync(join(__dirname, '../../host.json'), 'utf8')) as { extensions: { queues: Record<string, unknown> } };
    const seconds = (ms: number) => new Date(ms).toISOString().slice(11, 19);
    expect(host.extensions.queues).toMatchObject({
      batchSize: QUEUE_TRIGGER_SETTINGS.batchSize,
      maxDequeueCount: QUEUE_TRIGGER_SETTINGS.maxDequeueCount,
      visibilityTimeout: seconds(QUEUE_TRIGGER_SETTINGS.visibilityTimeoutMs),
      maxPollingInterval: seconds(QUEUE_TRIGGER_SETTINGS.maxPollingIntervalMs),
      // The SDK sends plain text; the trigger's default (base64) would poison every message.
      messageEncoding: 'none',
    });
  });
});

