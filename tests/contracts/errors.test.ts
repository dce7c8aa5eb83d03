import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERROR_CATALOGUE, ErrorResponse, httpStatusFor } from '../../src/contracts/errors';

const root = resolve(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Codes written as string literals where failures are made (fail('X.Y', …) and constants). */
function codesUsedIn(dir: string): Set<string> {
  const codes = new Set<string>();
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/'([A-Z][A-Z_]*\.[A-Z][A-Z_]*)'/g)) codes.add(m[1]!);
  }
  return codes;
}

describe('the error catalogue', () => {
  it('lists every code the core can return', () => {
    const missing = [...codesUsedIn(join(root, 'src/core'))].filter((c) => !(c in ERROR_CATALOGUE));
    expect(missing).toEqual([]);
  });

  it('uses only the statuses the API documents', () => {
    const allowed = new Set([400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 500, 502, 503]);
    expect(Object.entries(ERROR_CATALOGUE).filter(([, s]) => !allowed.has(s.status))).toEqual([]);
  });

  it.each([
    ['STORAGE.CONFLICT', 412],
    ['STORAGE.ALREADY_EXISTS', 409],
    ['RELATIONSHIP.NOT_FOUND', 404],
    ['REQUEST.NOT_ALLOWED', 403],
    ['AUTH.INVALID_TOKEN', 401],
    ['HTTP.INVALID_BODY', 400],
    ['GOAL.PROGRESS_OUT_OF_RANGE', 422],
    ['REQUEST.MENTOR_AT_CAPACITY', 409],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
  });

  it('answers 500 for a code nobody listed (a bug, never a client error)', () => {
    expect(httpStatusFor('MADE.UP')).toBe(500);
  });

  it('describes the error body', () => {
    expect(ErrorResponse.safeParse({ error: { code: 'GOAL.NOT_FOUND', message: 'Gone.', correlationId: 'c-1' } }).success).toBe(true);
    expect(ErrorResponse.safeParse({ error: { code: 'GOAL.NOT_FOUND', message: 'Gone.', correlationId: 'c-1', stack: 'at x' } }).success).toBe(false);
    expect(ErrorResponse.safeParse({ error: { code: 'lowercase', message: 'x', correlationId: 'c' } }).success).toBe(false);
  });
});
