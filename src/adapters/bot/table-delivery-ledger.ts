import { odata, RestError, type TableClient } from '@azure/data-tables';
import { key } from '../storage/table-keys';
import type { DeliveryLedger, Reservation } from './delivery-ports';

/**
 * One partition per person (t|{tenant}|botdelivery|{personId}), so the key claim and the day count
 * commit in one entity-group transaction:
 *   msg|{idempotencyKey}   status reserved → delivered | undeliverable, reservedAt, deliveredAt
 *   day|{YYYY-MM-DD}       count of messages reserved on that local day
 */
const partition = (tenantId: string, personId: string) => key('t', tenantId, 'botdelivery', personId);
const msgKey = (idempotencyKey: string) => `msg|${key(idempotencyKey)}`;
const dayKey = (date: string) => `day|${date}`;
const isStatus = (err: unknown, ...statuses: number[]) => err instanceof RestError && statuses.includes(err.statusCode ?? 0);

export class TableDeliveryLedger implements DeliveryLedger {
  constructor(private readonly table: TableClient) {}

  async history(tenantId: string, personId: string, idempotencyKey: string, since: number) {
    const pk = partition(tenantId, personId);
    let alreadyDelivered = false;
    const deliveredAt: number[] = [];
    const rows = this.table.listEntities<{ status?: string; reservedAt?: number }>({
      queryOptions: { filter: odata`PartitionKey eq ${pk} and RowKey ge 'msg|' and RowKey lt 'msg}'` },
    });
    const own = msgKey(idempotencyKey);
    for await (const row of rows) {
      if (row.rowKey === own && (row.status === 'delivered' || row.status === 'undeliverable')) alreadyDelivered = true;
      if (row.status !== 'undeliverable' && typeof row.reservedAt === 'number' && row.reservedAt >= since && row.rowKey !== own) {
        deliveredAt.push(row.reservedAt);
      }
    }
    return { alreadyDelivered, deliveredAt };
  }

  async reserve(input: { tenantId: string; personId: string; idempotencyKey: string; localDate: string; limit: number; at: number }): Promise<Reservation> {
    const pk = partition(input.tenantId, input.personId);
    for (let attempt = 0; attempt < 5; attempt++) {
      let existing: { status?: string } | undefined;
      try {
        existing = await this.table.getEntity<{ status?: string }>(pk, msgKey(input.idempotencyKey));
      } catch (err) {
        if (!isStatus(err, 404)) throw err;
      }
      if (existing) return existing.status === 'reserved' ? 'alreadyReserved' : 'alreadyDelivered';

      let day: { count: number; etag?: string } = { count: 0 };
      try {
        const row = await this.table.getEntity<{ count: number }>(pk, dayKey(input.localDate));
        day = { count: row.count, etag: row.etag };
      } catch (err) {
        if (!isStatus(err, 404)) throw err;
      }
      if (day.count >= input.limit) return 'dayFull';
      const msg = { partitionKey: pk, rowKey: msgKey(input.idempotencyKey), status: 'reserved', reservedAt: input.at, localDate: input.localDate };
      const dayRow = { partitionKey: pk, rowKey: dayKey(input.localDate), count: day.count + 1 };
      try {
        await this.table.submitTransaction([
          ['create', msg],
          day.etag ? ['update', dayRow, 'Replace', { etag: day.etag }] : ['create', dayRow],
        ]);
        return 'reserved';
      } catch (err) {
        // Another worker reserved for this person at the same moment: read again and decide again.
        if (!isStatus(err, 409, 412)) throw err;
      }
    }
    return 'dayFull';
  }

  async markDelivered(tenantId: string, personId: string, idempotencyKey: string, at: number, activityId: string): Promise<void> {
    await this.table.updateEntity(
      { partitionKey: partition(tenantId, personId), rowKey: msgKey(idempotencyKey), status: 'delivered', deliveredAt: at, activityId },
      'Merge',
    );
  }

  async markUndeliverable(tenantId: string, personId: string, idempotencyKey: string, at: number, reason: string): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: partition(tenantId, personId), rowKey: msgKey(idempotencyKey), status: 'undeliverable', failedAt: at, reason },
      'Merge',
    );
  }
}
