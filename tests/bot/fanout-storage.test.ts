/**
 * The fan-out's storage pieces on Azurite, each as the post-meeting fan-out uses it: planned keys
 * checked with point reads and recorded in one transaction per relationship, the delivery queue
 * carrying many jobs per message (spread over its shards), planning's group commit of queue writes,
 * and the meeting-moment index marked handled in transactions per hour partition.
 */
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { deliveryQueueNames, JOBS_PER_MESSAGE, StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
import { TablePlannedKeys } from '../../src/adapters/bot/table-delivery-ledger';
import { ensureTable } from '../../src/adapters/bot/table-bot-stores';
import { TableMeetingMomentIndex } from '../../src/adapters/storage/table-meeting-moment-index';
import { MeetingJoinIndex } from '../../src/adapters/storage/meeting-join-index';
import { TableDocumentStore } from '../../src/adapters/storage/table-document-store';
import { storageFromConnectionString } from '../../src/adapters/storage/storage-connection';
import { GroupCommitDeliveryQueue, GroupCommitFeedQueue } from '../../src/bot/delivery/group-commit-queue';
import type { FeedJob, FeedQueue } from '../../src/core/ports/feed';
import type { DeliveryJob, DeliveryQueue } from '../../src/core/ports/delivery';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const tableNamed = (name: string) => TableClient.fromConnectionString(testStorageConnectionString(), name, { allowInsecureConnection: true });
const queueNamed = (name: string) => new QueueClient(testStorageConnectionString(), name);

const job = (personId: string, relationshipId = 'r1'): DeliveryJob => ({
  kind: 'checkin',
  tenantId: 't1',
  personId,
  relationshipId,
  meetingId: 'm1',
  idempotencyKey: `checkin|m1|${personId}`,
  notBefore: 0,
  jobId: `job-${personId}`,
  attempt: 0,
});

/** Counts the Table service calls a client makes (each is one billed operation in Azure). */
function counting(table: TableClient) {
  const calls: string[] = [];
  for (const method of ['getEntity', 'createEntity', 'upsertEntity', 'updateEntity', 'submitTransaction', 'listEntities'] as const) {
    const original = (table[method] as (...args: unknown[]) => unknown).bind(table);
    (table as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      calls.push(method);
      return original(...args);
    };
  }
  return calls;
}

async function messagesIn(queues: readonly QueueClient[]): Promise<{ jobs: DeliveryJob[] }[][]> {
  return Promise.all(
    queues.map(async (q) => {
      const peeked = await q.peekMessages({ numberOfMessages: 32 });
      return peeked.peekedMessageItems.map((m) => JSON.parse(m.messageText) as { jobs: DeliveryJob[] });
    }),
  );
}

describe('planned keys: one partition per relationship, point reads and one transaction', () => {
  it('reports which keys were queued, records many in transactions of at most 100, and keeps relationships and tenants apart', async () => {
    const table = tableNamed(uniqueTableName('plan'));
    await ensureTable(table);
    const planned = new TablePlannedKeys(table);
    const keys = Array.from({ length: 150 }, (_, i) => `checkin|m${i}|p/${i}`);
    expect([...(await planned.claimed('t1', 'r1', keys))]).toEqual([]);

    const calls = counting(table);
    await planned.claim('t1', 'r1', [...keys, keys[0]!]);
    // 150 distinct keys: two entity-group transactions (100 + 50), nothing else.
    expect(calls).toEqual(['submitTransaction', 'submitTransaction']);

    calls.length = 0;
    const some = [keys[3]!, 'checkin|m9|never', keys[149]!];
    expect([...(await planned.claimed('t1', 'r1', some))].sort()).toEqual([keys[149]!, keys[3]!].sort());
    // Point reads only: one per key asked, never a query.
    expect(calls).toEqual(['getEntity', 'getEntity', 'getEntity']);

    // Another relationship and another tenant see none of them.
    expect([...(await planned.claimed('t1', 'r2', some))]).toEqual([]);
    expect([...(await planned.claimed('t2', 'r1', some))]).toEqual([]);
    // Claiming again is harmless.
    await planned.claim('t1', 'r1', [keys[3]!]);
    expect((await planned.claimed('t1', 'r1', [keys[3]!])).has(keys[3]!)).toBe(true);
  });
});

describe('the delivery queue carries many jobs per message, spread over its shards', () => {
  it('splits a batch over the shards only while each message keeps several jobs, and never puts more than the limit in one', async () => {
    const clients = deliveryQueueNames(uniqueTableName('fq').toLowerCase(), 16).map(queueNamed);
    const queue = new StorageQueueDeliveryQueue(clients, queueNamed);
    await queue.ensure();

    await queue.enqueue([job('solo')]);
    let messages = (await messagesIn(clients)).flat();
    expect(messages).toHaveLength(1);

    await Promise.all(clients.map((c) => c.clearMessages()));
    await queue.enqueue(Array.from({ length: 24 }, (_, i) => job(`p${i}`)));
    messages = (await messagesIn(clients)).flat();
    // 24 jobs: three messages of eight, in three shards.
    expect(messages.map((m) => m.jobs.length)).toEqual([8, 8, 8]);
    expect((await messagesIn(clients)).filter((m) => m.length > 0)).toHaveLength(3);

    await Promise.all(clients.map((c) => c.clearMessages()));
    const many = Array.from({ length: 2000 }, (_, i) => job(`q${i}`));
    await queue.enqueue(many);
    const perShard = await messagesIn(clients);
    messages = perShard.flat();
    // 2,000 jobs: 20 messages of 100 (the limit), every shard used.
    expect(messages).toHaveLength(2000 / JOBS_PER_MESSAGE);
    expect(Math.max(...messages.map((m) => m.jobs.length))).toBeLessThanOrEqual(JOBS_PER_MESSAGE);
    expect(perShard.every((m) => m.length > 0)).toBe(true);
    expect(new Set(messages.flatMap((m) => m.jobs.map((j) => j.personId))).size).toBe(2000);
  });
});

describe('group commit of planning queue writes', () => {
  it('writes the jobs of relationships planned side by side together, and settles each caller only after its write', async () => {
    const clients = deliveryQueueNames(uniqueTableName('gc').toLowerCase(), 4).map(queueNamed);
    const inner = new StorageQueueDeliveryQueue(clients, queueNamed);
    await inner.ensure();
    const grouped = new GroupCommitDeliveryQueue(inner, { lingerMs: 50, maxJobs: 1000 });
    // 40 relationships, two check-ins each, queued at nearly the same time; one with a delay.
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => grouped.enqueue([job(`a${i}`, `r${i}`), job(`b${i}`, `r${i}`)])),
      grouped.enqueue([job('later')], 60_000),
    ]);
    // Every caller's promise has settled: its jobs are in the queue now.
    const visible = (await messagesIn(clients)).flat();
    expect(visible.flatMap((m) => m.jobs).length).toBe(80);
    // 80 jobs in 4 shards: four messages, not 40.
    expect(visible).toHaveLength(4);
    expect((await Promise.all(clients.map(async (c) => (await c.getProperties()).approximateMessagesCount ?? 0))).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('passes a failed write on to every caller whose jobs it carried', async () => {
    const failing: DeliveryQueue = {
      enqueue: async () => {
        throw new Error('queue unavailable');
      },
      read: () => undefined,
      poison: async () => undefined,
    };
    const grouped = new GroupCommitDeliveryQueue(failing, { lingerMs: 10, maxJobs: 1000 });
    const outcomes = await Promise.allSettled([grouped.enqueue([job('a')]), grouped.enqueue([job('b')])]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('group commit of the activity feed queue (planning raises a check-in due beside each check-in)', () => {
  it('writes the feed jobs of relationships planned side by side in one write per delay, settling each caller after it', async () => {
    const writes: { jobs: readonly FeedJob[]; delayMs: number }[] = [];
    const inner: FeedQueue = {
      enqueue: async (jobs, delayMs = 0) => {
        writes.push({ jobs, delayMs });
      },
      read: () => undefined,
    };
    const grouped = new GroupCommitFeedQueue(inner, { lingerMs: 20, maxJobs: 1000 });
    const feedJob = (id: string) => ({ jobId: id, attempt: 0 }) as unknown as FeedJob;
    await Promise.all([...Array.from({ length: 40 }, (_, i) => grouped.enqueue([feedJob(`f${i}`), feedJob(`g${i}`)])), grouped.enqueue([feedJob('later')], 60_000)]);
    expect(writes.map((w) => [w.jobs.length, w.delayMs])).toEqual([
      [80, 0],
      [1, 60_000],
    ]);
  });
});

describe('the meeting-moment index marks handled rows in transactions per hour', () => {
  it('marks 230 rows of one hour with three transactions, and they are no longer due', async () => {
    const table = tableNamed(uniqueTableName('moments'));
    const index = await TableMeetingMomentIndex.open(table);
    const end = Date.parse('2026-11-23T11:20:00Z');
    await Promise.all(Array.from({ length: 230 }, (_, i) => index.record('t1', `r${i}`, { id: 'm1', start: end - 3_600_000, end })));
    const due = (await index.unhandledDueBetween(end - 60_000, end + 60_000)).filter((m) => m.kind === 'ended');
    expect(due).toHaveLength(230);
    const calls = counting(table);
    await index.markAllHandled(
      due.map((moment) => ({ moment, outcome: 'planned' as const })),
      end,
    );
    expect(calls).toEqual(['submitTransaction', 'submitTransaction', 'submitTransaction']);
    expect((await index.unhandledDueBetween(end - 60_000, end + 60_000)).filter((m) => m.kind === 'ended')).toEqual([]);
  });
});

describe('the join URL index (meetingEnd finds its meeting with one point read)', () => {
  it('maps a join URL to its relationship within the tenant, with keys that hold any URL', async () => {
    const store = await TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), uniqueTableName('joins'));
    const joins = new MeetingJoinIndex(store);
    const url = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${'x'.repeat(1500)}%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d#/?x`;
    await joins.record('t1', 'r1', { id: 'm1', joinUrl: url });
    await joins.record('t1', 'r9', { id: 'm2' });
    expect(await joins.relationshipOf('t1', url)).toBe('r1');
    expect(await joins.relationshipOf('t2', url)).toBeUndefined();
    expect(await joins.relationshipOf('t1', `${url}x`)).toBeUndefined();
    // Last writer wins: a hint, which the reader checks against the relationship as stored.
    await joins.record('t1', 'r2', { id: 'm5', joinUrl: url });
    expect(await joins.relationshipOf('t1', url)).toBe('r2');
  });
});
