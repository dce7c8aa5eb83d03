/**
 * The one place that talks to Azure Table Storage. Each row holds one JSON document (split over
 * several string properties when it is larger than one property may be), its kind, and the service's
 * ETag; repositories build on it and never see the SDK.
 *
 * Concurrency is optimistic: every replace and delete carries the ETag that was read, so a stale
 * write comes back as a `STORAGE.CONFLICT` value instead of overwriting someone else's change.
 * Rows are validated with zod when read back, so a corrupt row is a `STORAGE.CORRUPT_ROW` value.
 */
import { RestError, TableClient, TableTransaction, odata, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { z } from 'zod';
import { fail, ok, type Result } from '../../core/result';
import { isWildcardVersion, wildcardVersionRefused } from '../../core/ports/repositories';
import { prefixUpperBound } from './table-keys';
import type { StorageConnection } from './storage-connection';
import { entityLimitBreach, MAX_CUSTOM_PROPERTIES, MAX_ENTITY_BYTES } from './entity-limits';

/** A string property holds at most 64 KiB (32,768 UTF-16 units); a chunk stays below it. */
const CHUNK_CHARS = 32_000;
/** Keys are at most 1 KiB; ours are ASCII after escaping, so characters are bytes. */
const MAX_KEY_CHARS = 1024;
/** Table Storage's limit for one transaction (entity group transaction). */
const MAX_TRANSACTION_ACTIONS = 100;

export interface StoredDocument<T> {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly value: T;
  /** The service's ETag: the version a later update must present. */
  readonly etag: string;
}

export type WriteAction =
  | { readonly type: 'insert'; readonly rowKey: string; readonly kind: string; readonly value: unknown }
  | { readonly type: 'replace'; readonly rowKey: string; readonly kind: string; readonly value: unknown; readonly etag: string }
  | { readonly type: 'upsert'; readonly rowKey: string; readonly kind: string; readonly value: unknown }
  /** Unconditional: the SDK sends transaction deletes without an ETag. */
  | { readonly type: 'delete'; readonly rowKey: string };

export interface TransactOptions {
  /**
   * What a row missing under a conditional replace means: by default the row that was read is gone
   * (`STORAGE.CONFLICT`); 'not-found' answers `STORAGE.NOT_FOUND`, as a single replace does.
   */
  readonly missing?: 'conflict' | 'not-found';
}

interface DocumentRow {
  partitionKey: string;
  rowKey: string;
  kind: string;
  chunks: number;
  [chunk: `d${number}`]: string;
}

function toRow(partitionKey: string, rowKey: string, kind: string, value: unknown): Result<DocumentRow> {
  const json = JSON.stringify(value);
  const chunks = Math.max(1, Math.ceil(json.length / CHUNK_CHARS));
  const row: DocumentRow = { partitionKey, rowKey, kind, chunks };
  for (let i = 0; i < chunks; i++) row[`d${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  // Table Storage's own limits (1 MiB per entity, 64 KiB per string, 252 properties), counted its
  // way: a document that would break one is the product's answer, not a failing service call.
  const breach = entityLimitBreach(row as unknown as { partitionKey: string; rowKey: string } & Record<string, unknown>);
  if (breach) {
    const kib = Math.ceil((breach.limit === 'entity' ? breach.bytes : json.length * 2) / 1024);
    return fail('STORAGE.DOCUMENT_TOO_LARGE', `This ${kind} is too large to save (about ${kib} KiB; one stored item holds at most ${MAX_ENTITY_BYTES / 1024} KiB). Shorten its text and try again.`, {
      details: { kind, ...breach },
    });
  }
  return ok(row);
}

/** An id long enough to overflow a key cannot name a stored row, and cannot be stored. */
function keysFit(...keys: readonly string[]): boolean {
  return keys.every((k) => k.length <= MAX_KEY_CHARS);
}

function keyTooLong(kind: string): Result<never> {
  return fail('STORAGE.ID_TOO_LONG', `The id of this ${kind} is too long; use a shorter one.`);
}

function notFound(kind: string): Result<never> {
  return fail('STORAGE.NOT_FOUND', `No ${kind} with that id.`);
}

function conflict(kind: string): Result<never> {
  return fail('STORAGE.CONFLICT', `This ${kind} was changed by someone else since you loaded it. Reload it and apply your change again.`);
}

/**
 * The store could not be reached or answered something we do not understand: not the caller's fault.
 * A write that timed out may still have landed, so the message does not promise that nothing changed.
 */
function unavailable(error: unknown): Result<never> {
  const reason = error instanceof RestError ? `HTTP ${error.statusCode ?? '?'} ${error.code ?? ''}`.trim() : error instanceof Error ? error.message : String(error);
  return fail('STORAGE.UNAVAILABLE', 'The data store did not answer as expected, so we cannot tell whether a change you made was saved. Reload in a minute to check, then try again.', {
    details: { reason },
  });
}

function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}

export class TableDocumentStore {
  private constructor(private readonly client: TableClient) {}

  /** Opens (and creates when missing) the table. */
  static async open(connection: StorageConnection, tableName: string): Promise<TableDocumentStore> {
    const client = connection.tableClient(tableName);
    try {
      await client.createTable();
    } catch (error) {
      // Two hosts starting at once can race to create the table; the loser sees 409 and that is fine.
      if (statusOf(error) !== 409) throw error;
    }
    return new TableDocumentStore(client);
  }

  get tableName(): string {
    return this.client.tableName;
  }

  async get<S extends z.ZodType>(
    partitionKey: string,
    rowKey: string,
    schema: S,
  ): Promise<Result<StoredDocument<z.infer<S>> | undefined>> {
    if (!keysFit(partitionKey, rowKey)) return ok(undefined);
    let entity: TableEntityResult<Record<string, unknown>>;
    try {
      entity = await this.client.getEntity<Record<string, unknown>>(partitionKey, rowKey);
    } catch (error) {
      if (statusOf(error) === 404) return ok(undefined);
      return unavailable(error);
    }
    return this.decode(entity, schema);
  }

  /** All documents of a partition, optionally only those whose row key starts with `rowKeyPrefix`. */
  async list<S extends z.ZodType>(
    partitionKey: string,
    schema: S,
    rowKeyPrefix?: string,
  ): Promise<Result<StoredDocument<z.infer<S>>[]>> {
    if (!keysFit(partitionKey, rowKeyPrefix ?? '')) return ok([]);
    const filter = rowKeyPrefix
      ? odata`PartitionKey eq ${partitionKey} and RowKey ge ${rowKeyPrefix} and RowKey lt ${prefixUpperBound(rowKeyPrefix)}`
      : odata`PartitionKey eq ${partitionKey}`;
    return this.query(filter, schema);
  }

  /** At most `limit` documents of a partition whose row key starts with `rowKeyPrefix`, in row-key order: one bounded read. */
  async listFirst<S extends z.ZodType>(partitionKey: string, schema: S, rowKeyPrefix: string, limit: number): Promise<Result<StoredDocument<z.infer<S>>[]>> {
    const out: StoredDocument<z.infer<S>>[] = [];
    if (!keysFit(partitionKey, rowKeyPrefix) || limit <= 0) return ok(out);
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${rowKeyPrefix} and RowKey lt ${prefixUpperBound(rowKeyPrefix)}`;
    try {
      const first = await this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } }).byPage({ maxPageSize: limit }).next();
      for (const entity of first.done ? [] : first.value) {
        const decoded = this.decode(entity, schema);
        if (!decoded.ok) return decoded;
        out.push(decoded.value);
      }
    } catch (error) {
      return unavailable(error);
    }
    return ok(out);
  }

  /** Every row of a partition, each decoded with the schema its kind names (unknown kinds are skipped). */
  async listMixed(partitionKey: string, schemas: Readonly<Record<string, z.ZodType>>): Promise<Result<StoredDocument<unknown>[]>> {
    const out: StoredDocument<unknown>[] = [];
    if (!keysFit(partitionKey)) return ok(out);
    try {
      const entities = this.client.listEntities<Record<string, unknown>>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` },
      });
      for await (const entity of entities) {
        const schema = schemas[String(entity.kind)];
        if (!schema) continue;
        const decoded = this.decode(entity, schema);
        if (!decoded.ok) return decoded;
        out.push(decoded.value);
      }
    } catch (error) {
      return unavailable(error);
    }
    return ok(out);
  }

  async insert(partitionKey: string, rowKey: string, kind: string, value: unknown): Promise<Result<{ etag: string }>> {
    if (!keysFit(partitionKey, rowKey)) return keyTooLong(kind);
    const row = toRow(partitionKey, rowKey, kind, value);
    if (!row.ok) return row;
    try {
      const response = await this.client.createEntity(row.value);
      return ok({ etag: response.etag ?? '' });
    } catch (error) {
      if (statusOf(error) === 409) {
        return fail('STORAGE.ALREADY_EXISTS', `This ${kind} already exists; reload to see it.`);
      }
      return unavailable(error);
    }
  }

  /** Replaces a document only when its ETag still matches the one that was read. */
  async replace(partitionKey: string, rowKey: string, kind: string, value: unknown, etag: string): Promise<Result<{ etag: string }>> {
    if (isWildcardVersion(etag)) return wildcardVersionRefused();
    if (!keysFit(partitionKey, rowKey)) return notFound(kind);
    const row = toRow(partitionKey, rowKey, kind, value);
    if (!row.ok) return row;
    try {
      const response = await this.client.updateEntity(row.value, 'Replace', { etag });
      return ok({ etag: response.etag ?? '' });
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return notFound(kind);
      if (status === 412) return conflict(kind);
      // A malformed ETag (one a client made up) is answered 400 by the service; it cannot match.
      if (status === 400) return conflict(kind);
      return unavailable(error);
    }
  }

  /** Unconditional write, for rows derived from others (indexes) where last writer wins by design. */
  async upsert(partitionKey: string, rowKey: string, kind: string, value: unknown): Promise<Result<{ etag: string }>> {
    if (!keysFit(partitionKey, rowKey)) return keyTooLong(kind);
    const row = toRow(partitionKey, rowKey, kind, value);
    if (!row.ok) return row;
    try {
      const response = await this.client.upsertEntity(row.value, 'Replace');
      return ok({ etag: response.etag ?? '' });
    } catch (error) {
      return unavailable(error);
    }
  }

  /** Deletes a document only when its ETag still matches the one that was read. */
  async delete(partitionKey: string, rowKey: string, kind: string, etag: string): Promise<Result<void>> {
    if (isWildcardVersion(etag)) return wildcardVersionRefused();
    if (!keysFit(partitionKey, rowKey)) return notFound(kind);
    try {
      await this.client.deleteEntity(partitionKey, rowKey, { etag });
      return ok(undefined);
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return notFound(kind);
      if (status === 412 || status === 400) return conflict(kind);
      return unavailable(error);
    }
  }

  /**
   * Several writes in one partition that all land or none does (an entity group transaction).
   * Returns the new ETag of each written row, by row key.
   */
  async transact(
    partitionKey: string,
    actions: readonly WriteAction[],
    kind: string,
    options: TransactOptions = {},
  ): Promise<Result<Map<string, string>>> {
    if (actions.length === 0) return ok(new Map());
    if (!keysFit(partitionKey, ...actions.map((a) => a.rowKey))) return keyTooLong(kind);
    if (actions.some((a) => a.type === 'replace' && isWildcardVersion(a.etag))) return wildcardVersionRefused();
    if (actions.length > MAX_TRANSACTION_ACTIONS) {
      throw new Error(`A transaction holds at most ${MAX_TRANSACTION_ACTIONS} actions, got ${actions.length}`);
    }
    const transaction = new TableTransaction();
    for (const action of actions) {
      if (action.type === 'delete') {
        transaction.deleteEntity(partitionKey, action.rowKey);
        continue;
      }
      const row = toRow(partitionKey, action.rowKey, action.kind, action.value);
      if (!row.ok) return row;
      if (action.type === 'insert') transaction.createEntity(row.value);
      else if (action.type === 'upsert') transaction.upsertEntity(row.value, 'Replace');
      else transaction.updateEntity(row.value, 'Replace', { etag: action.etag });
    }
    try {
      const response = await this.client.submitTransaction(transaction.actions as TransactionAction[]);
      const etags = new Map<string, string>();
      const written = actions.filter((a) => a.type !== 'delete');
      const responses = response.subResponses.filter((r) => r.etag);
      written.forEach((action, i) => {
        const etag = responses[i]?.etag;
        if (etag) etags.set(action.rowKey, etag.trim());
      });
      return ok(etags);
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) return options.missing === 'not-found' ? notFound(kind) : conflict(kind);
      if (status === 412) return conflict(kind);
      if (status === 409) return fail('STORAGE.ALREADY_EXISTS', `This ${kind} already exists; reload to see it.`);
      // As for a single replace: a made-up ETag is answered 400, and it cannot match.
      if (status === 400 && actions.some((a) => a.type === 'replace')) return conflict(kind);
      return unavailable(error);
    }
  }

  /** A cheap round trip to the service, for the health endpoint. */
  async ping(signal?: AbortSignal): Promise<void> {
    const page = this.client
      .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${'health'}` }, ...(signal ? { abortSignal: signal } : {}) })
      .byPage({ maxPageSize: 1 });
    await page.next();
  }

  private async query<S extends z.ZodType>(filter: string, schema: S): Promise<Result<StoredDocument<z.infer<S>>[]>> {
    const out: StoredDocument<z.infer<S>>[] = [];
    try {
      for await (const entity of this.client.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        const decoded = this.decode(entity, schema);
        if (!decoded.ok) return decoded;
        out.push(decoded.value);
      }
    } catch (error) {
      return unavailable(error);
    }
    return ok(out);
  }

  private decode<S extends z.ZodType>(
    entity: TableEntityResult<Record<string, unknown>>,
    schema: S,
  ): Result<StoredDocument<z.infer<S>>> {
    const where = { partitionKey: entity.partitionKey, rowKey: entity.rowKey, table: this.client.tableName };
    const corrupt = (reason: string) =>
      fail('STORAGE.CORRUPT_ROW', 'Some stored data could not be read. It has been logged; please report this with the correlation id.', {
        details: { ...where, reason },
      });
    const chunks = entity.chunks;
    if (typeof chunks !== 'number' || !Number.isInteger(chunks) || chunks < 1 || chunks > MAX_CUSTOM_PROPERTIES) {
      return corrupt('missing or invalid chunk count');
    }
    let json = '';
    for (let i = 0; i < chunks; i++) {
      const part = entity[`d${i}`];
      if (typeof part !== 'string') return corrupt(`missing chunk d${i}`);
      json += part;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return corrupt('the document is not valid JSON');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return corrupt(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
    }
    return ok({ partitionKey: entity.partitionKey ?? '', rowKey: entity.rowKey ?? '', value: parsed.data, etag: entity.etag });
  }
}
