import { ERROR_CATALOGUE, ErrorResponse, httpStatusFor } from '../../src/contracts/errors';
import { ERROR_CODES } from '../../src/core/error-codes';
import { fail } from '../../src/core/result';

describe('the error catalogue', () => {
  // That every failure uses a listed code is the compiler's job: fail() and DomainError take
  // ErrorCode only, and the catalogue's type demands exactly one entry per code.
  it('the compiler refuses a code that is not listed', () => {
    // @ts-expect-error 'MADE.UP' is not an ErrorCode
    const made = fail('MADE.UP', 'x');
    expect(made.ok).toBe(false);
  });

  it('gives every listed code an entry, and lists nothing else', () => {
    expect(Object.keys(ERROR_CATALOGUE).sort()).toEqual([...ERROR_CODES].sort());
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it.each(['BOT.DEMO_INPUT', 'DELIVERY.NOTHING_TO_REMIND', 'DELIVERY.UNSUPPORTED_KIND', 'STORAGE.VERSION_WILDCARD'] as const)('lists %s', (code) => {
    expect(ERROR_CATALOGUE[code].status).toBeGreaterThanOrEqual(400);
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
