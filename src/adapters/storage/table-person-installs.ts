/**
 * Where installing the app for each person got to, one row per tenant and person in the document
 * store's `app-installs` partition (the sync timer lists the unfinished ones across tenants).
 */
import { z } from 'zod';
import type { PersonInstall, PersonInstallRecords } from '../../core/ports/teams-apps';
import { ok, type Result } from '../../core/result';
import type { TableDocumentStore } from './table-document-store';

const PARTITION = 'app-installs';
const KIND = 'personInstall';
const Row = z.looseObject({
  tenantId: z.string(),
  personId: z.string(),
  status: z.enum(['installed', 'notAllowed', 'failed']),
  attempts: z.number().int(),
  lastTriedAt: z.number(),
  error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
});
const rowKey = (tenantId: string, personId: string) => `${tenantId}|${personId}`;
const toRecord = (row: z.infer<typeof Row>): PersonInstall => ({
  tenantId: row.tenantId,
  personId: row.personId,
  status: row.status,
  attempts: row.attempts,
  lastTriedAt: row.lastTriedAt,
  ...(row.error ? { error: { code: row.error.code, message: row.error.message } } : {}),
});

export class TablePersonInstallRecords implements PersonInstallRecords {
  constructor(private readonly store: TableDocumentStore) {}

  async get(tenantId: string, personId: string): Promise<Result<PersonInstall | undefined>> {
    const row = await this.store.get(PARTITION, rowKey(tenantId, personId), Row);
    if (!row.ok) return row;
    // A row under this tenant's key that names another tenant is never served.
    return ok(row.value && row.value.value.tenantId === tenantId ? toRecord(row.value.value) : undefined);
  }

  async save(record: PersonInstall): Promise<Result<void>> {
    const written = await this.store.upsert(PARTITION, rowKey(record.tenantId, record.personId), KIND, record);
    return written.ok ? ok(undefined) : written;
  }

  async listUnfinished(): Promise<Result<PersonInstall[]>> {
    const rows = await this.store.list(PARTITION, Row);
    if (!rows.ok) return rows;
    return ok(rows.value.map((r) => toRecord(r.value)).filter((r) => r.status !== 'installed'));
  }
}
