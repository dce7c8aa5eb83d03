/**
 * Fuzzing every endpoint's body, route parameters and query string (fast-check), as the pair member
 * so that requests reach as deep as they can: the API never answers 5xx, and a rejected request
 * changes nothing in storage.
 */
import fc from 'fast-check';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { ENDPOINTS, type PreparedCall } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  // With the bot beside the API, as in the Function App: announcements and nudges plan into its queues.
  h = await startApiHarness({ bot: true });
});
afterAll(() => h.stop());

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

/** Replaces the value at one leaf of `value` (picked by `index`) with `replacement`. */
function mutate(value: unknown, index: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, [...path, i]);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  const path = paths[index % paths.length]!;
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = replacement;
  return copy;
}

const weirdText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '..', '../..', '%', '%2F', "'", "' or 1 eq 1", '\u0000', '🙂', 'a'.repeat(5000), '😀'.repeat(100), 'null', '-1', '1e309', '__proto__', 'constructor'),
);

type Variant =
  | { kind: 'body'; body: unknown }
  | { kind: 'raw'; raw: string }
  | { kind: 'params'; params: Record<string, string> }
  | { kind: 'query'; query: [string, string][] };

function variants(prepared: PreparedCall): fc.Arbitrary<Variant> {
  const names = Object.keys(prepared.params);
  // GET carries no body (fetch refuses one), so only its address and query are fuzzed.
  const bodies: fc.Arbitrary<Variant>[] =
    prepared.method === 'GET'
      ? []
      : [
          fc.jsonValue({ maxDepth: 3 }).map((body): Variant => ({ kind: 'body', body })),
          fc.tuple(fc.nat(), fc.oneof(fc.jsonValue({ maxDepth: 2 }), weirdText)).map(([i, r]): Variant => ({ kind: 'body', body: mutate(prepared.body ?? {}, i, r) })),
          fc.oneof(weirdText, fc.constantFrom('{', '[1,', '{"version":', 'true', '"x"')).map((raw): Variant => ({ kind: 'raw', raw })),
        ];
  return fc.oneof(
    ...bodies,
    names.length > 0
      ? fc.tuple(fc.constantFrom(...names), weirdText).map(([name, v]): Variant => ({ kind: 'params', params: { ...prepared.params, [name]: v } }))
      : fc.constant<Variant>({ kind: 'params', params: {} }),
    fc.array(fc.tuple(fc.constantFrom('skill', 'q', 'reverse', 'limit', 'status', 'meetingId', 'x'), weirdText), { maxLength: 4 }).map((query): Variant => ({ kind: 'query', query })),
  );
}

function pathFor(prepared: PreparedCall, variant: Variant): string {
  if (variant.kind === 'params') {
    return prepared.template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(variant.params[name] ?? ''));
  }
  if (variant.kind === 'query') {
    const base = prepared.path.split('?')[0]!;
    const query = new URLSearchParams(variant.query).toString();
    return query ? `${base}?${query}` : base;
  }
  return prepared.path;
}

describe('fuzzing every endpoint', () => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s: never 5xx, and a rejection writes nothing', async (_name, endpoint) => {
    const cast = await h.newCast();
    const prepared = await endpoint.prepare(h, cast);
    await fc.assert(
      fc.asyncProperty(variants(prepared), async (variant) => {
        const before = await h.snapshot(cast.tenantId);
        const answer = await h.request(prepared.method, pathFor(prepared, variant), {
          person: prepared.member,
          ...(variant.kind === 'raw'
            ? { rawBody: variant.raw, headers: { 'content-type': 'application/json', ...(prepared.headers ?? {}) } }
            : variant.kind === 'body'
              ? { body: variant.body, ...(prepared.headers ? { headers: prepared.headers } : {}) }
              : { ...(prepared.body !== undefined ? { body: prepared.body } : {}), ...(prepared.headers ? { headers: prepared.headers } : {}) }),
        });
        if (answer.status >= 500) throw new Error(`${answer.status}: ${answer.text}`);
        if (answer.status >= 400) {
          expect(answer.json?.error?.code).toMatch(/^[A-Z_]+\.[A-Z_]+$/);
          expect(await h.snapshot(cast.tenantId)).toEqual(before);
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261123) },
    );
  }, 120_000);
});
