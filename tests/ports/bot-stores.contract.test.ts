/**
 * One contract per bot storage port (src/core/ports/bot-stores.ts, src/core/ports/delivery.ts), run
 * against every implementation the code has: the Table Storage stores on the run's Azurite, and for
 * the delivery queue both the sharded Storage queue and the group-commit queue that planning wraps
 * around it. The bot's tests use these real stores (no in-memory fakes of these ports exist); a new
 * implementation, a fake included, joins its list here and must pass the same cases.
 */
import { TableClient } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { ensureTable, TableCheckInCardIssueStore, TableConversationReferenceStore } from '../../src/adapters/bot/table-bot-stores';
import { TableDeliveryLedger } from '../../src/adapters/bot/table-delivery-ledger';
import { deliveryQueueNames, StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
import { GroupCommitDeliveryQueue } from '../../src/bot/delivery/group-commit-queue';
import type { CheckInCardIssueStore, ConversationReferenceLookup, ConversationReferenceStore, StoredConversationReference } from '../../src/core/ports/bot-stores';
import type { DeliveryJob, DeliveryLedger, DeliveryQueue } from '../../src/core/ports/delivery';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const AT = Date.UTC(2027, 0, 4, 10, 0);
const DAY = 86_400_000;

async function freshTable(): Promise<TableClient> {
  const table = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('botcontract'), { allowInsecureConnection: true });
  await ensureTable(table);
  return table;
}

const reference = (tenantId: string, aad: string, extra: Partial<StoredConversationReference> = {}): StoredConversationReference => ({
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversationId: `a:conv-${aad}`,
  botId: '28:bot',
  userId: `29:${aad}`,
  userAadObjectId: aad,
  tenantId,
  ...extra,
});

describe.each([['Table Storage on Azurite', async (): Promise<ConversationReferenceStore> => new TableConversationReferenceStore(await freshTable())]])(
  'ConversationReferenceStore: %s',
  (_name, make) => {
    it('gives back what was saved (locale optional), the last save wins, and an unknown person is undefined', async () => {
      const store = await make();
      await store.save(reference(T1, 'ana', { locale: 'pl-PL' }));
      expect(await store.get(T1, 'ana')).toEqual(reference(T1, 'ana', { locale: 'pl-PL' }));
      await store.save(reference(T1, 'ana', { conversationId: 'a:newer' }));
      expect(await store.get(T1, 'ana')).toEqual(reference(T1, 'ana', { conversationId: 'a:newer' }));
      expect(await store.get(T1, 'nobody')).toBeUndefined();
    });

    it('keeps tenants apart: the same person id in another tenant is another row', async () => {
      const store = await make();
      await store.save(reference(T1, 'ana'));
      expect(await store.get(T2, 'ana')).toBeUndefined();
      await store.save(reference(T2, 'ana', { serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
      expect((await store.get(T1, 'ana'))?.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
      expect((await store.get(T2, 'ana'))?.serviceUrl).toBe('https://smba.trafficmanager.net/amer/');
    });
  },
);

describe.each([['Table Storage on Azurite', async (): Promise<ConversationReferenceStore & ConversationReferenceLookup> => new TableConversationReferenceStore(await freshTable())]])(
  'ConversationReferenceLookup: %s',
  (_name, make) => {
    it('has: true for a saved person (in their tenant only), false for one never saved', async () => {
      const store = await make();
      await store.save(reference(T1, 'ana'));
      expect(await store.has(T1, 'ana')).toEqual({ ok: true, value: true });
      expect(await store.has(T2, 'ana')).toEqual({ ok: true, value: false });
      expect(await store.has(T1, 'nobody')).toEqual({ ok: true, value: false });
    });

    it('has: a store that refuses the request (not "not found") is STORAGE.UNAVAILABLE, as a value', async () => {
      const wrongKey = Buffer.from('not the key of this account').toString('base64');
      const refused = TableClient.fromConnectionString(testStorageConnectionString().replace(/AccountKey=[^;]+/, `AccountKey=${wrongKey}`), uniqueTableName('botcontract'), {
        allowInsecureConnection: true,
      });
      const answer = await new TableConversationReferenceStore(refused).has(T1, 'ana');
      expect(answer).toMatchObject({ ok: false, error: { code: 'STORAGE.UNAVAILABLE', details: { reason: expect.stringContaining('403') } } });
    });
  },
);

describe.each([['Table Storage on Azurite', async (): Promise<CheckInCardIssueStore> => new TableCheckInCardIssueStore(await freshTable())]])(
  'CheckInCardIssueStore: %s',
  (_name, make) => {
    const card = (nonce: string, extra: { tenantId?: string; meetingId?: string } = {}) => ({ nonce, tenantId: T1, userId: 'u1', relationshipId: 'r1', meetingId: 'm1', ...extra });

    it('an issued card is found by its nonce and is the current one for that person and meeting; a second issue takes over', async () => {
      const store = await make();
      await store.issue(card('n1'));
      expect(await store.findByNonce(T1, 'n1')).toEqual(card('n1'));
      expect(await store.currentNonce(T1, 'u1', 'm1')).toBe('n1');
      await store.issue(card('n2'));
      expect(await store.currentNonce(T1, 'u1', 'm1')).toBe('n2');
      expect(await store.findByNonce(T1, 'n1')).toEqual(card('n1'));
      expect(await store.findByNonce(T1, 'unknown')).toBeUndefined();
      expect(await store.currentNonce(T1, 'u1', 'other-meeting')).toBeUndefined();
    });

    it('a nonce is issued once: issuing it again fails and changes nothing', async () => {
      const store = await make();
      await store.issue(card('n1'));
      await expect(store.issue(card('n1', { meetingId: 'm2' }))).rejects.toThrow();
      expect(await store.findByNonce(T1, 'n1')).toEqual(card('n1'));
      expect(await store.currentNonce(T1, 'u1', 'm2')).toBeUndefined();
    });

    it('replaceCurrent is a compare-and-swap: it wins only from the current nonce, and two clicks on one card win once', async () => {
      const store = await make();
      await store.issue(card('n1'));
      expect(await store.replaceCurrent('not-current', card('x'))).toBe(false);
      expect(await store.findByNonce(T1, 'x')).toBeUndefined();
      const both = await Promise.all([store.replaceCurrent('n1', card('a')), store.replaceCurrent('n1', card('b'))]);
      expect(both.filter(Boolean)).toHaveLength(1);
      const winner = both[0] ? 'a' : 'b';
      expect(await store.currentNonce(T1, 'u1', 'm1')).toBe(winner);
      expect(await store.findByNonce(T1, winner)).toEqual(card(winner));
      // The loser's issue was not recorded: it committed with the swap or not at all.
      expect(await store.findByNonce(T1, winner === 'a' ? 'b' : 'a')).toBeUndefined();
      // No current card for that meeting: nothing to replace.
      expect(await store.replaceCurrent('n1', card('y', { meetingId: 'm9' }))).toBe(false);
    });

    it('keeps tenants apart', async () => {
      const store = await make();
      await store.issue(card('n1'));
      expect(await store.findByNonce(T2, 'n1')).toBeUndefined();
      expect(await store.currentNonce(T2, 'u1', 'm1')).toBeUndefined();
      expect(await store.replaceCurrent('n1', card('z', { tenantId: T2 }))).toBe(false);
    });
  },
);

describe.each([['Table Storage on Azurite', async (): Promise<DeliveryLedger> => new TableDeliveryLedger(await freshTable())]])('DeliveryLedger: %s', (_name, make) => {
  const reserve = async (ledger: DeliveryLedger, idempotencyKey: string, owner: string, options: { limit?: number; localDate?: string; at?: number; personId?: string } = {}) => {
    const personId = options.personId ?? 'p1';
    const at = options.at ?? AT;
    const snapshot = await ledger.history(T1, personId, idempotencyKey, at - 2 * DAY);
    return ledger.reserve({ tenantId: T1, personId, idempotencyKey, localDate: options.localDate ?? '2027-01-04', limit: options.limit ?? 2, at, owner, snapshot });
  };

  it('a new key: nothing delivered, no holder; reserved by one job, which may send again, while another job waits', async () => {
    const ledger = await make();
    const first = await ledger.history(T1, 'p1', 'k1', AT - 2 * DAY);
    expect(first).toMatchObject({ alreadyDelivered: false, deliveredAt: [] });
    expect(first.reservedBy).toBeUndefined();
    expect(await reserve(ledger, 'k1', 'job-a')).toBe('reserved');
    expect((await ledger.history(T1, 'p1', 'k1', AT - 2 * DAY)).reservedBy).toBe('job-a');
    expect(await reserve(ledger, 'k1', 'job-a')).toBe('alreadyReserved');
    expect(await reserve(ledger, 'k1', 'job-b')).toBe('reservedByAnother');
  });

  it('delivered and final keys are closed for good; a reservation counts as a message for the person, others’ keys do not see their own', async () => {
    const ledger = await make();
    expect(await reserve(ledger, 'k1', 'job-a', { at: AT })).toBe('reserved');
    await ledger.markDelivered(T1, 'p1', 'k1', AT + 1000, 'activity-1');
    expect(await ledger.history(T1, 'p1', 'k1', AT - 2 * DAY)).toMatchObject({ alreadyDelivered: true });
    expect(await reserve(ledger, 'k1', 'job-b')).toBe('alreadyDelivered');
    expect((await ledger.history(T1, 'p1', 'k2', AT - 2 * DAY)).deliveredAt).toEqual([AT]);
    // A message that could never be delivered is closed too, whatever ended it.
    await ledger.markFinal(T1, 'p1', 'k3', AT, { status: 'undeliverable', reason: 'BOT.APP_REMOVED' });
    await ledger.markFinal(T1, 'p1', 'k4', AT, { status: 'poisoned', reason: 'DELIVERY.CONNECTOR_ERROR', httpStatus: 500, attempts: 5 });
    expect(await reserve(ledger, 'k3', 'job-c')).toBe('alreadyDelivered');
    expect(await reserve(ledger, 'k4', 'job-d')).toBe('alreadyDelivered');
    // Only messages since `since` count.
    expect((await ledger.history(T1, 'p1', 'k2', AT + 1)).deliveredAt).toEqual([]);
  });

  it('a closed key keeps its first record: a later final (a duplicate job’s) writes nothing over it', async () => {
    const ledger = await make();
    expect(await reserve(ledger, 'k1', 'job-a')).toBe('reserved');
    await ledger.markDelivered(T1, 'p1', 'k1', AT + 1000, 'activity-1');
    await ledger.markFinal(T1, 'p1', 'k1', AT + 2000, { status: 'undeliverable', reason: 'NOT_INSTALLED' });
    await ledger.markFinal(T1, 'p1', 'k1', AT + 3000, { status: 'poisoned', reason: 'DELIVERY.CONNECTOR_ERROR', httpStatus: 500, attempts: 5 });
    expect(await ledger.history(T1, 'p1', 'k1', AT - 2 * DAY)).toMatchObject({ alreadyDelivered: true });
    if (ledger instanceof TableDeliveryLedger) {
      expect(await ledger.withStatus('undeliverable')).toEqual([]);
      expect(await ledger.withStatus('poisoned')).toEqual([]);
    }
    // The first final wins likewise: an expired key stays expired, with its reason.
    await ledger.markFinal(T1, 'p1', 'k2', AT, { status: 'expired', reason: 'EXPIRED' });
    await ledger.markFinal(T1, 'p1', 'k2', AT + 1000, { status: 'undeliverable', reason: 'NO_AGREEMENT' });
    if (ledger instanceof TableDeliveryLedger) {
      expect(await ledger.withStatus('expired')).toEqual([expect.objectContaining({ idempotencyKey: 'k2', reason: 'EXPIRED', failedAt: AT })]);
      expect(await ledger.withStatus('undeliverable')).toEqual([]);
    }
  });

  it('at most `limit` per person and local day: the next key that day is dayFull, another day has room, another person too', async () => {
    const ledger = await make();
    expect(await reserve(ledger, 'k1', 'j1')).toBe('reserved');
    expect(await reserve(ledger, 'k2', 'j2')).toBe('reserved');
    expect(await reserve(ledger, 'k3', 'j3')).toBe('dayFull');
    expect(await reserve(ledger, 'k3', 'j3', { localDate: '2027-01-05', at: AT + DAY })).toBe('reserved');
    expect(await reserve(ledger, 'k9', 'j9', { personId: 'p2' })).toBe('reserved');
  });

  it('concurrent jobs for one person, each with its own snapshot: the day limit holds exactly', async () => {
    const ledger = await make();
    const keys = Array.from({ length: 6 }, (_, i) => `k${i}`);
    const snapshots = await Promise.all(keys.map((k) => ledger.history(T1, 'p1', k, AT - 2 * DAY)));
    const answers = await Promise.all(
      keys.map((k, i) => ledger.reserve({ tenantId: T1, personId: 'p1', idempotencyKey: k, localDate: '2027-01-04', limit: 2, at: AT + i, owner: `job-${k}`, snapshot: snapshots[i]! })),
    );
    expect(answers.filter((a) => a === 'reserved')).toHaveLength(2);
    expect(answers.filter((a) => a !== 'reserved')).toEqual(Array(4).fill('dayFull'));
  });

  it('two jobs racing for the same key: one holds it, the other is told another holds it', async () => {
    const ledger = await make();
    const [a, b] = await Promise.all([ledger.history(T1, 'p1', 'k1', AT - 2 * DAY), ledger.history(T1, 'p1', 'k1', AT - 2 * DAY)]);
    const answers = await Promise.all([
      ledger.reserve({ tenantId: T1, personId: 'p1', idempotencyKey: 'k1', localDate: '2027-01-04', limit: 2, at: AT, owner: 'job-a', snapshot: a }),
      ledger.reserve({ tenantId: T1, personId: 'p1', idempotencyKey: 'k1', localDate: '2027-01-04', limit: 2, at: AT, owner: 'job-b', snapshot: b }),
    ]);
    expect([...answers].sort()).toEqual(['reserved', 'reservedByAnother']);
  });

  it('an uncounted reservation (the in-meeting nudge) claims its key once and takes no place in the person’s day', async () => {
    const ledger = await make();
    const uncounted = async (key: string, owner: string) =>
      ledger.reserve({ tenantId: T1, personId: 'p1', idempotencyKey: key, localDate: '2027-01-04', limit: 2, at: AT, owner, snapshot: await ledger.history(T1, 'p1', key, AT - 2 * DAY), uncounted: true });
    const snapshots = await Promise.all([ledger.history(T1, 'p1', 'nudge', AT - 2 * DAY), ledger.history(T1, 'p1', 'nudge', AT - 2 * DAY)]);
    const raced = await Promise.all(
      ['job-a', 'job-b'].map((owner, i) => ledger.reserve({ tenantId: T1, personId: 'p1', idempotencyKey: 'nudge', localDate: '2027-01-04', limit: 2, at: AT, owner, snapshot: snapshots[i]!, uncounted: true })),
    );
    expect([...raced].sort()).toEqual(['reserved', 'reservedByAnother']);
    const holder = raced[0] === 'reserved' ? 'job-a' : 'job-b';
    expect(await uncounted('nudge', holder)).toBe('alreadyReserved');
    await ledger.markDelivered(T1, 'p1', 'nudge', AT + 1, 'meeting-notification');
    expect(await uncounted('nudge', 'job-c')).toBe('alreadyDelivered');
    // The person's two messages of the day are still to come.
    expect((await ledger.history(T1, 'p1', 'k1', AT - 2 * DAY)).deliveredAt).toEqual([]);
    expect(await reserve(ledger, 'k1', 'j1')).toBe('reserved');
    expect(await reserve(ledger, 'k2', 'j2')).toBe('reserved');
  });

  it('keeps tenants apart', async () => {
    const ledger = await make();
    expect(await reserve(ledger, 'k1', 'job-a')).toBe('reserved');
    expect(await ledger.history(T2, 'p1', 'k1', AT - 2 * DAY)).toMatchObject({ alreadyDelivered: false, deliveredAt: [] });
  });
});

const job = (personId: string, extra: Partial<DeliveryJob> = {}): DeliveryJob => ({
  kind: 'checkin',
  tenantId: T1,
  personId,
  relationshipId: 'r1',
  meetingId: 'm1',
  idempotencyKey: `checkin|m1|${personId}`,
  notBefore: AT,
  jobId: `job-${personId}`,
  attempt: 0,
  ...extra,
});

const queueNamed = (name: string) => new QueueClient(testStorageConnectionString(), name);

async function sharded(): Promise<{ queue: StorageQueueDeliveryQueue; clients: QueueClient[] }> {
  const clients = deliveryQueueNames(uniqueTableName('dqc').toLowerCase(), 2).map(queueNamed);
  const queue = new StorageQueueDeliveryQueue(clients, queueNamed);
  await queue.ensure();
  return { queue, clients };
}

describe.each([
  ['sharded Storage queues on Azurite', async () => sharded()],
  ['group commit around them (planning)', async () => {
    const inner = await sharded();
    return { queue: new GroupCommitDeliveryQueue(inner.queue, { lingerMs: 20, maxJobs: 50 }) as DeliveryQueue, clients: inner.clients };
  }],
] as const)('DeliveryQueue: %s', (_name, make) => {
  async function takeAll(queue: DeliveryQueue, clients: readonly QueueClient[]): Promise<DeliveryJob[]> {
    const out: DeliveryJob[] = [];
    for (const client of clients) {
      for (;;) {
        const { receivedMessageItems } = await client.receiveMessages({ numberOfMessages: 32 });
        if (receivedMessageItems.length === 0) break;
        for (const m of receivedMessageItems) {
          out.push(...(queue.read(m.messageText) ?? []));
          await client.deleteMessage(m.messageId, m.popReceipt);
        }
      }
    }
    return out;
  }

  it('every job enqueued comes back once, as it was, from the messages the trigger reads', async () => {
    const { queue, clients } = await make();
    const jobs = Array.from({ length: 30 }, (_, i) => job(`p${i}`, i % 3 === 0 ? { failures: 2, lastError: { code: 'DELIVERY.CONNECTOR_ERROR', status: 500 }, attempt: 3 } : {}));
    await Promise.all([queue.enqueue(jobs.slice(0, 10)), queue.enqueue(jobs.slice(10))]);
    const back = await takeAll(queue, clients);
    expect(back.sort((a, b) => a.personId.localeCompare(b.personId))).toEqual([...jobs].sort((a, b) => a.personId.localeCompare(b.personId)));
  });

  it('a delayed job is not handed out before its time', async () => {
    const { queue, clients } = await make();
    await queue.enqueue([job('later')], 60_000);
    expect(await takeAll(queue, clients)).toEqual([]);
  });

  it('reads text and parsed JSON alike, and nothing that is not a batch of jobs', async () => {
    const { queue } = await make();
    const batch = { jobs: [job('ana')] };
    expect(queue.read(JSON.stringify(batch))).toEqual(batch.jobs);
    expect(queue.read(batch)).toEqual(batch.jobs);
    for (const bad of ['not json', '{"jobs":[]}', { jobs: [{ personId: 'x' }] }, 42, null]) expect(queue.read(bad)).toBeUndefined();
  });

  it('sets a message aside in its shard’s poison queue, kept for a person to inspect', async () => {
    const { queue, clients } = await make();
    await queue.poison({ queueName: clients[1]!.name, messageId: 'm-1' }, 'unreadable body');
    const poison = queueNamed(`${clients[1]!.name}-poison`);
    const { peekedMessageItems } = await poison.peekMessages({ numberOfMessages: 5 });
    expect(peekedMessageItems.map((m) => m.messageText)).toEqual(['unreadable body']);
  });
});
