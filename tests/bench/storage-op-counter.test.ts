/**
 * The bench's counting pass-through (bench/support/storage-op-counter.ts) in front of the test run's
 * Azurite: requests reach Azurite unchanged (signatures still valid) and each is counted as what it
 * costs on Azure: a point read, a query within one partition or across partitions, a transaction, a
 * single write, a queue send, receive or delete.
 */
import { TableClient, odata } from '@azure/data-tables';
import { QueueClient } from '@azure/storage-queue';
import { queueOpKind, startStorageOpCounter, tableOpKind } from '../../bench/support/storage-op-counter';
import { uniqueTableName } from '../support/azurite';

function endpoints(): { tableEndpoint: string; queueEndpoint: string } {
  const parts = Object.fromEntries((process.env.AZURITE_CONNECTION_STRING ?? '').split(';').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  return { tableEndpoint: parts.TableEndpoint!, queueEndpoint: parts.QueueEndpoint! };
}

describe('the storage operation counter', () => {
  it('classifies Table and queue requests by what they cost', () => {
    expect(tableOpKind('GET', "/devstoreaccount1/t(PartitionKey='t%7Ca',RowKey='x')")).toBe('pointReads');
    expect(tableOpKind('GET', `/devstoreaccount1/t()?$filter=${encodeURIComponent("PartitionKey eq 'a' and RowKey ge 'goal|'")}`)).toBe('partitionQueries');
    expect(tableOpKind('GET', `/devstoreaccount1/t()?$filter=${encodeURIComponent("PartitionKey eq 'a' or PartitionKey eq 'b'")}`)).toBe('crossPartitionQueries');
    expect(tableOpKind('GET', `/devstoreaccount1/t()?$filter=${encodeURIComponent("status eq 'poisoned'")}`)).toBe('crossPartitionQueries');
    expect(tableOpKind('POST', '/devstoreaccount1/$batch')).toBe('transactions');
    expect(tableOpKind('MERGE', "/devstoreaccount1/t(PartitionKey='a',RowKey='b')")).toBe('writes');
    expect(tableOpKind('POST', '/devstoreaccount1/Tables')).toBe('tableOther');
    expect(queueOpKind('POST', '/devstoreaccount1/q/messages')).toBe('queueSends');
    expect(queueOpKind('GET', '/devstoreaccount1/q/messages?numofmessages=16')).toBe('queueReceives');
    expect(queueOpKind('GET', '/devstoreaccount1/q/messages?peekonly=true')).toBe('queueOther');
    expect(queueOpKind('DELETE', '/devstoreaccount1/q/messages/id?popreceipt=p')).toBe('queueDeletes');
  });

  it('passes requests through to Azurite unchanged and counts each', async () => {
    const counter = await startStorageOpCounter(endpoints());
    try {
      const table = TableClient.fromConnectionString(counter.connectionString, uniqueTableName('opc'), { allowInsecureConnection: true });
      await table.createTable();
      await table.createEntity({ partitionKey: 'p1', rowKey: 'a', n: 1 });
      await table.submitTransaction([
        ['create', { partitionKey: 'p1', rowKey: 'b', n: 2 }],
        ['create', { partitionKey: 'p1', rowKey: 'c', n: 3 }],
      ]);
      expect((await table.getEntity<{ n: number }>('p1', 'b')).n).toBe(2);
      const inPartition = [];
      for await (const e of table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'p1'} and RowKey ge ${'b'}` } })) inPartition.push(e.rowKey);
      expect(inPartition).toEqual(['b', 'c']);
      for await (const _ of table.listEntities({ queryOptions: { filter: odata`n ge ${2}` } })) void _;
      const queue = new QueueClient(counter.connectionString, uniqueTableName('opc').toLowerCase());
      await queue.create();
      await queue.sendMessage('hello');
      const [message] = (await queue.receiveMessages()).receivedMessageItems;
      expect(message?.messageText).toBe('hello');
      await queue.deleteMessage(message!.messageId, message!.popReceipt);
      expect(counter.counts()).toMatchObject({
        pointReads: 1,
        partitionQueries: 1,
        crossPartitionQueries: 1,
        transactions: 1,
        writes: 1,
        queueSends: 1,
        queueReceives: 1,
        queueDeletes: 1,
      });
      await queue.delete();
    } finally {
      await counter.stop();
    }
  });
});

describe('the fan-out path stays lean in storage operations', () => {
  it('200 check-ins cost at most 13 Table operations each, no query across partitions, nothing lost or doubled', async () => {
    const { checkinFanout } = await import('../../bench/bot.bench');
    const figures = new Map<string, number>();
    await checkinFanout((name, value) => figures.set(name, value), { tenants: 5, pairsPerTenant: 20, label: 'ops', main: false, countOps: true });
    expect(figures.get('ops-lost')).toBe(0);
    expect(figures.get('ops-doubled')).toBe(0);
    expect(figures.get('ops-cross-partition-queries')).toBe(0);
    // Planning's aggregate read (one per relationship: half a check-in), the index's hourly partitions
    // (a fixed 26 for the first run's look-back) and the odd cache miss.
    expect(figures.get('ops-partition-queries-per-checkin')).toBeLessThanOrEqual(1);
    expect(figures.get('ops-table-ops-per-checkin')).toBeLessThanOrEqual(13);
    // Sends and deletes are shared by many jobs; most of these are the idle trigger's polls.
    expect(figures.get('ops-queue-ops-per-checkin')).toBeLessThan(2);
  }, 180_000);
});
