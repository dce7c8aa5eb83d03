/**
 * Every free-text field of every request contract follows the text rules (issue 15, point 2): no lone
 * surrogates, no control characters (line breaks and tabs only where the field is multi-line), NFC,
 * and a field error with a TEXT.* code. The fields are found by walking the contracts, and a string
 * field that is neither free text nor a declared format fails the walk — a new field cannot escape.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import * as contracts from '../../src/contracts';
import * as booking from '../../src/contracts/booking';
import { stringKinds, type StringKind } from '../../src/contracts/common';
import { parseWith } from '../../src/api/respond';
import { findTextProblem } from '../../src/core/usecases/text-rules';

type Schema = z.ZodType;
interface StringField {
  readonly contract: string;
  readonly path: string;
  readonly schema: Schema;
  readonly kind: StringKind | undefined;
}

/** The request side of the contracts: bodies, queries and path parameters. */
function requestContracts(): [string, Schema][] {
  const all = { ...contracts, ...booking } as Record<string, unknown>;
  return Object.entries(all)
    .filter(([name, value]) => /(Body|Query|Params|InputSchema)$/.test(name) && typeof value === 'object' && value !== null && '_zod' in value)
    .map(([name, value]) => [name, value as Schema]);
}

function stringFields(contract: string, schema: Schema, path: string, out: StringField[], seen: Set<unknown>): void {
  const kind = stringKinds.get(schema);
  if (kind) {
    out.push({ contract, path, schema, kind });
    return;
  }
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def.type) {
    case 'string':
      out.push({ contract, path, schema, kind: undefined });
      return;
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, Schema>)) stringFields(contract, child, path ? `${path}.${key}` : key, out, new Set(seen));
      // A loose object's unknown extra fields (Graph's) are never read, so they hold no text of ours.
      if (def.catchall && def.catchall._zod.def.type !== 'unknown') stringFields(contract, def.catchall, `${path}.*`, out, seen);
      return;
    case 'array':
      stringFields(contract, def.element, `${path}[]`, out, seen);
      return;
    case 'union':
      for (const option of def.options as Schema[]) stringFields(contract, option, path, out, new Set(seen));
      return;
    case 'pipe':
      stringFields(contract, def.in, path, out, seen);
      stringFields(contract, def.out, path, out, seen);
      return;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      stringFields(contract, def.innerType, path, out, seen);
      return;
    case 'record':
      stringFields(contract, def.valueType, `${path}.*`, out, seen);
      return;
    case 'transform':
    case 'number':
    case 'boolean':
    case 'literal':
    case 'enum':
    case 'null':
    case 'never':
    case 'undefined':
      return;
    default:
      throw new Error(`${contract}.${path}: the walk does not know zod type "${def.type}"; teach it, so no field is skipped`);
  }
}

const fields: StringField[] = requestContracts().flatMap(([name, schema]) => {
  const out: StringField[] = [];
  stringFields(name, schema, '', out, new Set());
  return out;
});
const freeText = fields.filter((f): f is StringField & { kind: Extract<StringKind, { kind: 'free-text' }> } => f.kind?.kind === 'free-text');
/** One entry per distinct field (the same field appears in Body and InputSchema). */
const distinctFreeText = [...new Map(freeText.map((f) => [`${f.path}|${f.kind.shape}|${f.contract.replace(/(Body|InputSchema|Query)$/, '')}`, f])).values()];

describe('the walk over the request contracts', () => {
  it('finds no string field that is neither free text nor a declared format', () => {
    expect(fields.filter((f) => f.kind === undefined).map((f) => `${f.contract}.${f.path}`)).toEqual([]);
  });

  it('finds the free-text fields of every area', () => {
    const paths = new Set(freeText.map((f) => `${f.contract}.${f.path}`));
    for (const expected of [
      'UpsertProfileBody.jobTitle',
      'UpsertProfileBody.skillsToTeach[]',
      'CreateRequestBody.note',
      'CreateRequestBody.preWork.whatIWant',
      'DeclineRequestBody.reason',
      'ProposeAgreementBody.note',
      'ProposeAgreementBody.agreement.location.name',
      'AddGoalBody.title',
      'AddGoalBody.smart.specific',
      'SaveRoadmapBody.themes[].title',
      'SaveRoadmapBody.themes[].notes',
      'AddActionItemBody.title',
      'SubmitCheckInBody.answers.useful',
      'SubmitCheckInBody.privateNote',
      'CloseRelationshipBody.reflection.keyTakeaway',
      'CancelMeetingBody.comment',
      'MentorSuggestionQuery.q',
    ]) {
      expect(paths).toContain(expected);
    }
    expect(distinctFreeText.length).toBeGreaterThanOrEqual(30);
  });
});

const controlChar = fc.oneof(fc.integer({ min: 0x00, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).filter((cp) => ![0x09, 0x0a, 0x0d].includes(cp));
const loneSurrogate = fc.oneof(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff }));
const lineBreakOrTab = fc.constantFrom('\n', '\r', '\t', '\r\n', '\u2028', '\u2029');
/** Ordinary text, including astral characters (valid surrogate pairs) and combining marks. */
const goodText = (shape: 'single-line' | 'multi-line') => fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => findTextProblem(s, shape) === undefined);
const decomposed = fc.constantFrom('e\u0301', 'A\u030a', 'n\u0303', 'o\u0308', '\u1100\u1161');

function issueOf(schema: Schema, value: string): { errorCode?: string } | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return undefined;
  return (parsed.error.issues[0] as { params?: { errorCode?: string } }).params ?? {};
}

describe.each(distinctFreeText.map((f) => [`${f.contract}.${f.path} (${f.kind.shape})`, f] as const))('%s', (_name, field) => {
  it('refuses a control character anywhere with TEXT.CONTROL_CHARACTER', () => {
    fc.assert(
      fc.property(goodText(field.kind.shape), controlChar, goodText(field.kind.shape), (before, cp, after) => {
        expect(issueOf(field.schema, `${before}${String.fromCodePoint(cp)}${after}`)).toEqual({ errorCode: 'TEXT.CONTROL_CHARACTER', textProblem: expect.any(Object) });
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a lone surrogate with TEXT.LONE_SURROGATE (a surrogate pair is fine)', () => {
    fc.assert(
      fc.property(goodText(field.kind.shape), loneSurrogate, fc.constantFrom('', 'x', ' '), (before, unit, after) => {
        expect(issueOf(field.schema, `${before}${String.fromCharCode(unit)}${after}`)).toEqual({ errorCode: 'TEXT.LONE_SURROGATE', textProblem: expect.any(Object) });
      }),
      { numRuns: 40 },
    );
    expect(field.schema.safeParse('🙂').success).toBe(true);
  });

  it(field.kind.shape === 'multi-line' ? 'keeps line breaks and tabs' : 'refuses line breaks and tabs with TEXT.LINE_BREAK_NOT_ALLOWED', () => {
    fc.assert(
      fc.property(fc.constantFrom('a', 'Plan'), lineBreakOrTab, fc.constantFrom('b', 'next'), (before, br, after) => {
        const value = `${before}${br}${after}`;
        if (field.kind.shape === 'multi-line') expect(field.schema.safeParse(value)).toEqual({ success: true, data: value });
        else expect(issueOf(field.schema, value)).toEqual({ errorCode: 'TEXT.LINE_BREAK_NOT_ALLOWED', textProblem: expect.any(Object) });
      }),
      { numRuns: 12 },
    );
  });

  it('stores text in NFC', () => {
    fc.assert(
      fc.property(fc.constantFrom('', 'Caf', 'Ren'), decomposed, (before, mark) => {
        const parsed = field.schema.safeParse(`${before}${mark}`);
        expect(parsed).toEqual({ success: true, data: `${before}${mark}`.normalize('NFC') });
      }),
      { numRuns: 10 },
    );
  });
});

describe('the field error the API answers', () => {
  it('names the field, has the rule’s code and says what to do', () => {
    const answer = parseWith(contracts.UpsertProfileBody, {
      jobTitle: 'a\u0000b\u0007c\u001b[31m',
      seniority: 'senior',
      skillsToTeach: [],
      skillsToLearn: [],
      languages: [],
      timeZone: 'Europe/London',
      capacity: 1,
      openToReverseMentoring: false,
    }, 'body');
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'TEXT.CONTROL_CHARACTER',
        field: 'jobTitle',
        message: 'The jobTitle contains an invisible control character (U+0000) at character 2, often picked up when pasting. Delete it and try again.',
      },
    });
  });

  it('counts the limit after NFC, in characters', () => {
    const title = 'e\u0301'.repeat(200);
    expect(contracts.AddGoalBody.shape.title.safeParse(title)).toEqual({ success: true, data: '\u00e9'.repeat(200) });
  });
});
