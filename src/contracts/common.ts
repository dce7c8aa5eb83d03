/**
 * Building blocks of the shared contracts. Contracts check shape and size (types, lengths, array
 * limits, unknown fields); the core checks meaning (a real date, a known zone, a rule of the pair)
 * and answers with its own codes. Instants cross the edge as ISO 8601 strings, never epoch numbers.
 */
import { z } from 'zod';
import { describeTextProblem, findTextProblem, normaliseText, type TextShape } from '../core/usecases/text-rules';

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

/**
 * What kind of string a request field holds, so a test can walk every contract and check that each
 * string a person sends is either free text under the text rules or a value with a format of its own.
 */
export type StringKind = { readonly kind: 'free-text'; readonly shape: TextShape } | { readonly kind: 'formatted'; readonly format: string };
export const stringKinds = z.registry<StringKind>();

/**
 * Free text a person types: the text rules of src/core/usecases/text-rules.ts (no lone surrogates,
 * no control characters, line breaks and tabs only in multi-line fields), then Unicode NFC, then the
 * length limit. A broken rule is a field error with its own code (TEXT.*), named by the field's path.
 */
function freeText(max: number, shape: TextShape) {
  const schema = z
    .string()
    .check((ctx) => {
      const problem = findTextProblem(ctx.value, shape);
      if (problem) {
        ctx.issues.push({
          code: 'custom',
          input: ctx.value,
          message: describeTextProblem(problem, 'The text'),
          params: { errorCode: problem.code, textProblem: problem },
          abort: true,
        });
      }
    })
    .transform(normaliseText)
    .pipe(z.string().max(max));
  stringKinds.add(schema, { kind: 'free-text', shape });
  return schema;
}

/** One line of free text (a title, a label, a search). */
export const text = (max: number) => freeText(max, 'single-line');
/** Free text that may run over several lines (notes, answers, reflections). */
export const multilineText = (max: number) => freeText(max, 'multi-line');
export const labels = (maxItems: number) => z.array(text(LIMITS.label)).max(maxItems);

/** A string with a format of its own that the core checks (a date, a time, a zone name). */
export function formatted<S extends z.ZodType>(schema: S, format: string): S {
  stringKinds.add(schema, { kind: 'formatted', format });
  return schema;
}

/** Ids become storage keys: no '/', '\\', '#', '?' or control characters (Table Storage forbids them). */
export const Id = formatted(
  z
    .string()
    .min(1)
    .max(LIMITS.id)
    .regex(/^[^/\\#?\u0000-\u001f\u007f-\u009f]+$/, 'must not contain / \\ # ? or control characters'),
  'id',
);

/** The opaque version (ETag) the client read; sent back on updates. */
export const Version = formatted(z.string().min(1).max(LIMITS.version), 'version');

/** An IANA zone name; whether it is a known zone is the core's rule (TIME.UNKNOWN_ZONE). */
export const TimeZoneText = formatted(z.string().max(LIMITS.timeZone), 'IANA time zone');

/** "HH:mm"; the core checks it (AGREEMENT.BAD_TIME). */
export const TimeOfDayText = formatted(z.string().max(5), 'HH:mm');

/** "YYYY-MM-DD"; whether it is a real date is the core's rule (so the message can name the field). */
export const LocalDateText = formatted(z.string().max(10), 'YYYY-MM-DD');

/** An instant at the edge: ISO 8601 with an offset ("2026-03-02T09:00:00.000Z"). */
export const IsoInstant = formatted(z.iso.datetime({ offset: true }), 'ISO 8601 instant');

export function toIso(instant: number): string {
  return new Date(instant).toISOString();
}

export function fromIso(value: string): number {
  return Date.parse(value);
}

/**
 * Paging of the lists that grow (action items, check-ins, agreement versions): `pageSize` 1–100
 * (50 when absent), and the `continuationToken` of the previous page, opaque to the client.
 */
export const PAGE_SIZE_LIMIT = 100;
export const PageQuery = z
  .object({
    pageSize: formatted(z.string().regex(/^(100|[1-9]\d?)$/, `must be a whole number from 1 to ${PAGE_SIZE_LIMIT}`), 'page size').optional(),
    continuationToken: formatted(z.string().max(400).regex(/^[A-Za-z0-9_-]+$/, 'is not a token this API gave out'), 'continuation token').optional(),
  })
  .strict();

/** Path parameters that name a relationship. */
export const RelationshipParams = z.object({ relationshipId: Id }).strict();

/** Compile-time check that a contract's parsed type can be handed to the core as-is. */
export type Assignable<From, To> = [From] extends [To] ? true : false;
export type Expect<T extends true> = T;
