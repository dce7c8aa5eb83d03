/**
 * Building blocks of the shared contracts. Contracts check shape and size (types, lengths, array
 * limits, unknown fields); the core checks meaning (a real date, a known zone, a rule of the pair)
 * and answers with its own codes. Instants cross the edge as ISO 8601 strings, never epoch numbers.
 */
import { z } from 'zod';

export const LIMITS = {
  id: 128,
  label: 60,
  title: 200,
  shortText: 1000,
  note: 2000,
  longText: 4000,
  version: 256,
  timeZone: 64,
  labels: 30,
  languages: 10,
} as const;

/** Ids become storage keys: no '/', '\\', '#', '?' or control characters (Table Storage forbids them). */
export const Id = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .regex(/^[^/\\#?\u0000-\u001f\u007f-\u009f]+$/, 'must not contain / \\ # ? or control characters');

/** The opaque version (ETag) the client read; sent back on updates. */
export const Version = z.string().min(1).max(LIMITS.version);

export const text = (max: number) => z.string().max(max);
export const labels = (maxItems: number) => z.array(text(LIMITS.label)).max(maxItems);

/** "YYYY-MM-DD"; whether it is a real date is the core's rule (so the message can name the field). */
export const LocalDateText = z.string().max(10);

/** An instant at the edge: ISO 8601 with an offset ("2026-03-02T09:00:00.000Z"). */
export const IsoInstant = z.iso.datetime({ offset: true });

export function toIso(instant: number): string {
  return new Date(instant).toISOString();
}

export function fromIso(value: string): number {
  return Date.parse(value);
}

/** Path parameters that name a relationship. */
export const RelationshipParams = z.object({ relationshipId: Id }).strict();

/** Compile-time check that a contract's parsed type can be handed to the core as-is. */
export type Assignable<From, To> = [From] extends [To] ? true : false;
export type Expect<T extends true> = T;
