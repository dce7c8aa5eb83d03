import { odata, RestError, type TableClient } from '@azure/data-tables';
import { key } from '../storage/table-keys';
import type { DeliveryLedger, PersonLedger, Reservation } from './delivery-ports';

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

  async history(tenantId: string, personId: string, idempotencyKey: string, since: number): Promise<PersonLedger> {
    const pk = partition(tenantId, personId);
    const own = msgKey(idempotencyKey);
    let alreadyDelivered = false;
    let reservedBy: string | undefined;
    const deliveredAt: number[] = [];
    const days: Record<string, { count: number; etag: string }> = {};
    const rows = this.table.listEntities<{ status?: string; reservedAt?: number; count?: number; owner?: string }>({
      queryOptions: {
        filter: odata`PartitionKey eq ${pk} and ((RowKey ge 'day|' and RowKey lt 'day}') or reservedAt ge ${since} or RowKey eq ${own})`,
      },
    });
    for await (const row of rows) {
      const rowKey = row.rowKey ?? '';
      if (rowKey.startsWith('day|')) {
        days[rowKey.slice(4)] = { count: row.count ?? 0, etag: row.etag };
        continue;
      }
      if (rowKey === own) {
        if (row.status === 'delivered' || row.status === 'undeliverable') alreadyDelivered = true;
        if (row.status === 'reserved') reservedBy = row.owner ?? '';
        continue;
      }
      if (row.status !== 'undeliverable' && typeof row.reservedAt === 'number' && row.reservedAt >= since) deliveredAt.push(row.reservedAt);
    }
    return { alreadyDelivered, ...(reservedBy !== undefined ? { reservedBy } : {}), deliveredAt, concurrencyToken: days };
  }

  async reserve(input: {
    tenantId: string;
    personId: string;
    idempotencyKey: string;
    localDate: string;
    limit: number;
    at: number;
    owner: string;
    snapshot: PersonLedger;
  }): Promise<Reservation> {
    const pk = partition(input.tenantId, input.personId);
    let snapshot = input.snapshot;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (snapshot.alreadyDelivered) return 'alreadyDelivered';
      if (snapshot.reservedBy !== undefined) return snapshot.reservedBy === input.owner ? 'alreadyReserved' : 'reservedByAnother';
      const day = (snapshot.concurrencyToken as Record<string, { count: number; etag: string }>)[input.localDate];
      if (day && day.count >= input.limit) return 'dayFull';
      const msg = { partitionKey: pk, rowKey: msgKey(input.idempotencyKey), status: 'reserved', reservedAt: input.at, localDate: input.localDate, owner: input.owner };
      const dayRow = { partitionKey: pk, rowKey: dayKey(input.localDate), count: (day?.count ?? 0) + 1 };
      try {
        await this.table.submitTransaction([['create', msg], day ? ['update', dayRow, 'Replace', { etag: day.etag }] : ['create', dayRow]]);
        return 'reserved';
      } catch (err) {
        // Another worker wrote for this person meanwhile: read again and decide again.
        if (!isStatus(err, 409, 412)) throw err;
      }
      snapshot = await this.history(input.tenantId, input.personId, input.idempotencyKey, input.at - 2 * 86_400_000);
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

/** `plan|{key}` rows in the person's delivery partition: which jobs were already queued. */
export class TablePlannedKeys {
  constructor(private readonly table: TableClient) {}

  async isClaimed(tenantId: string, personId: string, idempotencyKey: string): Promise<boolean> {
    try {
      await this.table.getEntity(partition(tenantId, personId), `plan|${key(idempotencyKey)}`);
      return true;
    } catch (err) {
      if (isStatus(err, 404)) return false;
      throw err;
    }
  }

  async claim(tenantId: string, personId: string, idempotencyKey: string): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: partition(tenantId, personId), rowKey: `plan|${key(idempotencyKey)}` });
      return true;
    } catch (err) {
      if (isStatus(err, 409)) return false;
      throw err;
    }
  }
}
