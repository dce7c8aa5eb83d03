import { deliveryQueues, StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
import type { DeliveryJob } from '../../src/adapters/bot/delivery-ports';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const job = (personId: string): DeliveryJob => ({
  kind: 'checkin',
  tenantId: 't1',
  personId,
  relationshipId: 'r1',
  meetingId: 'm1',
  idempotencyKey: `checkin|m1|${personId}`,
  notBefore: 0,
});

describe('the sharded delivery queue on Azurite', () => {
  it('spreads jobs over its queues and hands every one out exactly once until completed', async () => {
    const shards = deliveryQueues(testStorageConnectionString(), uniqueTableName('dq').toLowerCase(), 3);
    const queue = new StorageQueueDeliveryQueue(shards);
    await queue.ensure();
    const people = Array.from({ length: 40 }, (_, i) => `p${i}`);
    for (const p of people) await queue.enqueue(job(p));
    const counts = await Promise.all(shards.map(async (s) => (await s.getProperties()).approximateMessagesCount ?? 0));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(40);
    expect(counts.every((c) => c > 0)).toBe(true);

    const seen: string[] = [];
    for (let round = 0; round < 10; round++) {
      const batch = await queue.receive(32, 60_000);
      for (const item of batch) {
        seen.push(item.job.personId);
        await queue.complete(item);
      }
    }
    expect(seen.sort()).toEqual([...people].sort());
    expect(await queue.receive(32, 60_000)).toEqual([]);
  });

  it('a deferred job stays hidden, then comes back', async () => {
    const queue = new StorageQueueDeliveryQueue(deliveryQueues(testStorageConnectionString(), uniqueTableName('dq').toLowerCase(), 2));
    await queue.ensure();
    await queue.enqueue(job('ania'));
    const [item] = await queue.receive(32, 60_000);
    await queue.defer(item!, 1000);
    expect(await queue.receive(32, 60_000)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    const again = await queue.receive(32, 60_000);
    expect(again.map((i) => [i.job.personId, i.dequeueCount])).toEqual([['ania', 2]]);
  });
});
