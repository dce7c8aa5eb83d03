import { deliveryQueues, StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
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

describe('the sharded delivery queue on Azurite', () => {
  it('spreads jobs over its queues and hands every one out exactly once until completed', async () => {
    const shards = deliveryQueues(testStorageConnectionString(), uniqueTableName('dq').toLowerCase(), 3);
    const queue = new StorageQueueDeliveryQueue(shards);
    await queue.ensure();
    const people = Array.from({ length: 40 }, (_, i) => `p${i}`);
    await queue.enqueue(people.map(job));
    // One message per shard: 40 jobs travel as 3 Storage messages.
    const counts = await Promise.all(shards.map(async (s) => (await s.getProperties()).approximateMessagesCount ?? 0));
    expect(counts).toEqual([1, 1, 1]);

    const seen: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (const batch of await queue.receive(32, 60_000)) {
        seen.push(...batch.jobs.map((j) => j.personId));
        await queue.settle(batch, []);
      }
    }
    expect(seen.sort()).toEqual([...people].sort());
    expect(await queue.receive(32, 60_000)).toEqual([]);
  });

  it('settling a batch keeps the unfinished jobs hidden for their delay, then they come back', async () => {
    const queue = new StorageQueueDeliveryQueue(deliveryQueues(testStorageConnectionString(), uniqueTableName('dq').toLowerCase(), 1));
    await queue.ensure();
    await queue.enqueue([job('ania'), job('ravi'), job('sam')]);
    const [batch] = await queue.receive(32, 60_000);
    expect(batch!.jobs).toHaveLength(3);
    // ania is done, ravi retries in 1 s (second attempt), sam waits an hour.
    await queue.settle(batch!, [
      { job: { ...job('ravi'), attempt: 1 }, delayMs: 1000 },
      { job: job('sam'), delayMs: 3_600_000 },
    ]);
    expect(await queue.receive(32, 60_000)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1200));
    const again = await queue.receive(32, 60_000);
    expect(again.flatMap((b) => b.jobs.map((j) => [j.personId, j.attempt]))).toEqual([['ravi', 1]]);
  });

  it('when every job waits equally long the same message is hidden again with the updated jobs', async () => {
    const queue = new StorageQueueDeliveryQueue(deliveryQueues(testStorageConnectionString(), uniqueTableName('dq').toLowerCase(), 1));
    await queue.ensure();
    await queue.enqueue([job('ania')]);
    const [batch] = await queue.receive(32, 60_000);
    await queue.settle(batch!, [{ job: { ...job('ania'), attempt: 2 }, delayMs: 1000 }]);
    await new Promise((r) => setTimeout(r, 1200));
    const [again] = await queue.receive(32, 60_000);
    expect(again!.messageId).toBe(batch!.messageId);
    expect(again!.jobs.map((j) => j.attempt)).toEqual([2]);
  });
});
