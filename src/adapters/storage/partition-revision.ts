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

/** A partition's revision as one point read sees it: the ETag (for a guard) and the stamp (for the cache). */
export interface RevisionState {
  readonly etag: string;
  readonly stamp: string;
}

/** The stamp of a revision row: its ETag and its nonce. */
export function revisionStamp(etag: string, nonce: string): string {
  return `${etag}|${nonce}`;
}

/** The nonce a revision write (touch or guard) puts in the row, so its writer knows the stamp it made. */
export function nonceOf(action: WriteAction): string {
  if (action.rowKey !== REVISION_ROW || action.type === 'delete') throw new Error('Not a revision write');
  return StoredRevision.parse(action.value).nonce;
}

/**
 * The partition's revision (its ETag is what `guardRevision` takes), or undefined when the partition
 * has none yet; a revision row nobody can read is an error here, as a guard cannot be built on it.
 */
export async function readRevisionState(store: TableDocumentStore, partitionKey: string): Promise<Result<RevisionState | undefined>> {
  const row = await store.get(partitionKey, REVISION_ROW, StoredRevision);
  if (!row.ok) return row;
  return ok(row.value ? { etag: row.value.etag, stamp: revisionStamp(row.value.etag, row.value.value.nonce) } : undefined);
}

/** The partition's current stamp, or undefined for a partition written before revisions existed. */
export async function readRevision(store: TableDocumentStore, partitionKey: string): Promise<Result<string | undefined>> {
  const state = await readRevisionState(store, partitionKey);
  // A revision row nobody can read only costs the cache, never the read: the next write rewrites it.
  if (!state.ok) return state.error.code === 'STORAGE.CORRUPT_ROW' ? ok(undefined) : state;
  return ok(state.value?.stamp);
}
