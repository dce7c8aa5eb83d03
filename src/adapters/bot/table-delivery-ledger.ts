import { RestError, type TableClient } from '@azure/data-tables';
import { key } from '../storage/table-keys';
import type { DeliveryLedger, PlannedKeys, FinalFailure, PersonLedger, QueueMessageSource, Reservation } from '../../core/ports/delivery';

/**
 * One partition per person (t|{tenant}|botdelivery|{personId}), read and written by point
 * operations only (no queries), so the cost per message stays flat however much is stored:
 *   summary              the last days' reservations: recent [{key, at}] and per-local-day counts
 *   msg|{idempotencyKey} status reserved → delivered | undeliverable | expired | poisoned, owner
 *                        (job instance), times; a failure's reason (a stable code), for poisoned
 *                        messages also the connector's last HTTP status and the attempts
 * The key claim and the summary update commit in one entity-group transaction. Queue messages that
 * are not a batch of jobs are recorded in partition `botdelivery|unreadable`, row `{queue}|{messageId}`.
 * Every final row carries `status`, so `status eq 'poisoned'` finds everything set aside.
 */
const partition = (tenantId: string, personId: string) => key('t', tenantId, 'botdelivery', personId);
const msgKey = (idempotencyKey: string) => `msg|${key(idempotencyKey)}`;
const SUMMARY = 'summary';
const UNREADABLE_PARTITION = key('botdelivery', 'unreadable');
const FINAL = new Set(['delivered', 'undeliverable', 'expired', 'poisoned']);
/** Older reservations cannot affect a two-a-day decision any more. */
const KEEP_MS = 3 * 86_400_000;
const isStatus = (err: unknown, ...statuses: number[]) => err instanceof RestError && statuses.includes(err.statusCode ?? 0);

interface Summary {
  recent: { key: string; at: number }[];
  days: Record<string, number>;
  etag?: string;
}

async function pointRead<T extends object>(table: TableClient, pk: string, rk: string): Promise<(T & { etag: string }) | undefined> {
  try {
    return await table.getEntity<T>(pk, rk);
  } catch (err) {
    if (isStatus(err, 404)) return undefined;
    throw err;
  }
}

export class TableDeliveryLedger implements DeliveryLedger {
  constructor(private readonly table: TableClient) {}

  async history(tenantId: string, personId: string, idempotencyKey: string, since: number): Promise<PersonLedger> {
    const pk = partition(tenantId, personId);
    const [summaryRow, own] = await Promise.all([
      pointRead<{ recent?: string; days?: string }>(this.table, pk, SUMMARY),
      pointRead<{ status?: string; owner?: string }>(this.table, pk, msgKey(idempotencyKey)),
    ]);
    const summary: Summary = {
      recent: summaryRow?.recent ? (JSON.parse(summaryRow.recent) as Summary['recent']) : [],
      days: summaryRow?.days ? (JSON.parse(summaryRow.days) as Summary['days']) : {},
      ...(summaryRow ? { etag: summaryRow.etag } : {}),
    };
    const alreadyDelivered = own?.status !== undefined && FINAL.has(own.status);
    return {
      alreadyDelivered,
      ...(own?.status === 'reserved' ? { reservedBy: own.owner ?? '' } : {}),
      deliveredAt: summary.recent.filter((r) => r.at >= since && r.key !== idempotencyKey).map((r) => r.at),
      concurrencyToken: summary,
    };
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
    uncounted?: boolean;
  }): Promise<Reservation> {
    const pk = partition(input.tenantId, input.personId);
    let snapshot = input.snapshot;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (snapshot.alreadyDelivered) return 'alreadyDelivered';
      if (snapshot.reservedBy !== undefined) return snapshot.reservedBy === input.owner ? 'alreadyReserved' : 'reservedByAnother';
      if (input.uncounted) {
        // The key's row alone: its insert is the claim (a second job finds it and reads again).
        try {
          await this.table.createEntity({ partitionKey: pk, rowKey: msgKey(input.idempotencyKey), status: 'reserved', reservedAt: input.at, localDate: input.localDate, owner: input.owner, uncounted: true });
          return 'reserved';
        } catch (err) {
          if (!isStatus(err, 409)) throw err;
        }
        snapshot = await this.history(input.tenantId, input.personId, input.idempotencyKey, input.at - 2 * 86_400_000);
        continue;
      }
      const summary = snapshot.concurrencyToken as Summary;
      const count = summary.days[input.localDate] ?? 0;
      if (count >= input.limit) return 'dayFull';
      const keepFrom = input.at - KEEP_MS;
      const keptDays = Object.keys(summary.days).sort().slice(-4);
      const next = {
        partitionKey: pk,
        rowKey: SUMMARY,
        recent: JSON.stringify([...summary.recent.filter((r) => r.at >= keepFrom), { key: input.idempotencyKey, at: input.at }]),
        days: JSON.stringify({ ...Object.fromEntries(keptDays.map((d) => [d, summary.days[d]!])), [input.localDate]: count + 1 }),
      };
      const msg = { partitionKey: pk, rowKey: msgKey(input.idempotencyKey), status: 'reserved', reservedAt: input.at, localDate: input.localDate, owner: input.owner };
      try {
        await this.table.submitTransaction([['create', msg], summary.etag ? ['update', next, 'Replace', { etag: summary.etag }] : ['create', next]]);
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

  /**
   * Closes the key unless it is closed already: a key delivered (or ended) keeps its first record,
   * so a duplicate job that ends differently later never writes over it. The write is conditional
   * (insert when there is no row, else on the ETag read), and a race re-reads and decides again.
   */
  async markFinal(tenantId: string, personId: string, idempotencyKey: string, at: number, final: FinalFailure): Promise<void> {
    const pk = partition(tenantId, personId);
    const rk = msgKey(idempotencyKey);
    const entity = { partitionKey: pk, rowKey: rk, tenantId, personId, idempotencyKey, failedAt: at, ...final };
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await pointRead<{ status?: string }>(this.table, pk, rk);
      if (row?.status !== undefined && FINAL.has(row.status)) return;
      try {
        if (row) await this.table.updateEntity(entity, 'Merge', { etag: row.etag });
        else await this.table.createEntity(entity);
        return;
      } catch (err) {
        // Another job wrote the key meanwhile (created it, or changed it since our read): read again.
        if (!isStatus(err, 409, 412)) throw err;
      }
    }
    throw new Error(`The delivery ledger's row for ${idempotencyKey} kept changing; the job is retried.`);
  }

  async recordUnreadable(source: QueueMessageSource, at: number): Promise<void> {
    await this.table.upsertEntity(
      {
        partitionKey: UNREADABLE_PARTITION,
        rowKey: key(source.queueName, source.messageId),
        status: 'poisoned',
        reason: 'DELIVERY.UNREADABLE_MESSAGE',
        queueName: source.queueName,
        messageId: source.messageId,
        failedAt: at,
      },
      'Merge',
    );
  }

  /** Every message that ended with this status (across people and tenants): what an operator looks at. */
  async withStatus(status: 'undeliverable' | 'expired' | 'poisoned'): Promise<LedgerRecord[]> {
    const out: LedgerRecord[] = [];
    for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter: `status eq '${status}'` } })) {
      out.push({
        status,
        reason: String(row.reason ?? ''),
        failedAt: Number(row.failedAt ?? 0),
        ...(typeof row.tenantId === 'string' ? { tenantId: row.tenantId } : {}),
        ...(typeof row.personId === 'string' ? { personId: row.personId } : {}),
        ...(typeof row.idempotencyKey === 'string' ? { idempotencyKey: row.idempotencyKey } : {}),
        ...(typeof row.httpStatus === 'number' ? { httpStatus: row.httpStatus } : {}),
        ...(typeof row.attempts === 'number' ? { attempts: row.attempts } : {}),
        ...(typeof row.queueName === 'string' ? { queueName: row.queueName } : {}),
      });
    }
    return out;
  }
}

/** A ledger row of a message that was not delivered, as `withStatus` lists it. */
export interface LedgerRecord {
  readonly status: 'undeliverable' | 'expired' | 'poisoned';
  readonly reason: string;
  readonly failedAt: number;
  readonly tenantId?: string;
  readonly personId?: string;
  readonly idempotencyKey?: string;
  readonly httpStatus?: number;
  readonly attempts?: number;
  readonly queueName?: string;
}

/**
 * Which jobs were already queued, in one partition per relationship (t|{tenant}|botplan|{relationshipId},
 * row {idempotencyKey}): planning handles one relationship at a time, so its keys are checked with
 * point reads side by side and recorded in one entity-group transaction (up to 100 rows each), never
 * one write per person. Keys planned before this layout (rows `plan|{key}` in the person's delivery
 * partition) are not read: such a job may be queued once more, and the ledger sends it at most once.
 */
const planPartition = (tenantId: string, relationshipId: string) => key('t', tenantId, 'botplan', relationshipId);
/** Table Storage's limit on the operations of one entity-group transaction. */
const MAX_TRANSACTION_OPERATIONS = 100;

export class TablePlannedKeys implements PlannedKeys {
  constructor(private readonly table: TableClient) {}

  async claimed(tenantId: string, relationshipId: string, keys: readonly string[]): Promise<ReadonlySet<string>> {
    const pk = planPartition(tenantId, relationshipId);
    const unique = [...new Set(keys)];
    const found = await Promise.all(unique.map(async (k) => ((await pointRead(this.table, pk, key(k))) ? k : undefined)));
    return new Set(found.filter((k): k is string => k !== undefined));
  }

  async claim(tenantId: string, relationshipId: string, keys: readonly string[]): Promise<void> {
    const partitionKey = planPartition(tenantId, relationshipId);
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += MAX_TRANSACTION_OPERATIONS) {
      const chunk = unique.slice(i, i + MAX_TRANSACTION_OPERATIONS);
      // Upserts: a key another run claimed meanwhile is simply claimed again, never an error.
      await this.table.submitTransaction(chunk.map((k) => ['upsert', { partitionKey, rowKey: key(k) }, 'Merge'] as const));
    }
  }
}
