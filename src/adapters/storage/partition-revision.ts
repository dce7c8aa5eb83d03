/**
 * The revision row of a partition: a tiny row rewritten by every write to the partition, in the
 * same entity-group transaction as the write wherever the write can be one (inserts and conditional
 * replaces). Its ETag therefore changes whenever anything in the partition changes, so one point
 * read of it tells whether an aggregate read earlier is still current — without the partition query.
 *
 * The row carries a random nonce as well as its ETag: the stamp is both, so even a store whose ETags
 * were too coarse to tell two quick writes apart still gives every write a stamp of its own.
 * Rows of kind 'revision' are not part of any aggregate (listMixed skips kinds it is not given).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ok, type Result } from '../../core/result';
import type { TableDocumentStore, WriteAction } from './table-document-store';

export const REVISION_ROW = 'revision';
const REVISION_KIND = 'revision';

const StoredRevision = z.object({ nonce: z.string() });

/** The write that bumps a partition's revision; upsert, so it never conflicts and creates it when missing. */
export function touchRevision(): WriteAction {
  return { type: 'upsert', rowKey: REVISION_ROW, kind: REVISION_KIND, value: { nonce: randomUUID() } };
}

/**
 * The write that commits only if nothing in the partition changed since `etag` was read (a guard for
 * a check-then-write, in the same transaction as the write); with no revision row yet, it creates
 * one, which fails the same way if another writer created it first.
 */
export function guardRevision(etag: string | undefined): WriteAction {
  const value = { nonce: randomUUID() };
  return etag === undefined
    ? { type: 'insert', rowKey: REVISION_ROW, kind: REVISION_KIND, value }
    : { type: 'replace', rowKey: REVISION_ROW, kind: REVISION_KIND, value, etag };
}

/** The revision row's ETag (what `guardRevision` takes), or undefined when the partition has none yet. */
export async function readRevisionEtag(store: TableDocumentStore, partitionKey: string): Promise<Result<string | undefined>> {
  const row = await store.get(partitionKey, REVISION_ROW, StoredRevision);
  if (!row.ok) return row;
  return ok(row.value?.etag);
}

/** The partition's current stamp, or undefined for a partition written before revisions existed. */
export async function readRevision(store: TableDocumentStore, partitionKey: string): Promise<Result<string | undefined>> {
  const row = await store.get(partitionKey, REVISION_ROW, StoredRevision);
  // A revision row nobody can read only costs the cache, never the read: the next write rewrites it.
  if (!row.ok) return row.error.code === 'STORAGE.CORRUPT_ROW' ? ok(undefined) : row;
  return ok(row.value ? `${row.value.etag}|${row.value.value.nonce}` : undefined);
}
