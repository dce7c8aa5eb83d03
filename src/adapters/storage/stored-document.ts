/** Turning stored documents into versioned core entities, and storage misses into port errors. */
import type { z } from 'zod';
import { fail, ok, type Result } from '../../core/result';
import { STORAGE_NOT_FOUND } from '../../core/ports/repositories';
import type { StoredDocument } from './table-document-store';

/** The entity with the row's ETag as its version. The version always wins over any stored field. */
export function versioned<T>(doc: StoredDocument<unknown>): T {
  return { ...(doc.value as object), version: doc.etag } as T;
}

/** Drops the version before a write: it is the row's ETag, not part of the document. */
export function withoutVersion<T extends object>(entity: T): Omit<T, 'version'> {
  const { version: _ignored, ...rest } = entity as T & { version?: unknown };
  return rest;
}

export function found<T>(result: Result<StoredDocument<unknown> | undefined>, kind: string): Result<T> {
  if (!result.ok) return result;
  if (!result.value) return fail(STORAGE_NOT_FOUND, `No ${kind} with that id.`);
  return ok(versioned<T>(result.value));
}

export function byId<T extends { readonly id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export type Schema<T> = z.ZodType<T>;
