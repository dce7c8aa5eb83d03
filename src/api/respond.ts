/** Small helpers that keep every handler to: parse → call the use case → map the result. */
import type { z } from 'zod';
import { fail, ok, type Result } from '../core/result';
import { isErrorCode } from '../core/error-codes';
import type { ErrorCode } from '../core/error-codes';
import { describeTextProblem, type TextProblem } from '../core/usecases/text-rules';
import type { ApiCall, HandlerResponse } from './http-contract';

type Where = 'body' | 'query' | 'params';

const WHERE_CODE: Record<Where, ErrorCode> = {
  body: 'HTTP.INVALID_BODY',
  query: 'HTTP.INVALID_QUERY',
  params: 'HTTP.INVALID_PARAMETER',
};

/** Validates one part of the request with a shared contract; the first problem names its field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: Where): Result<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues;
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  const textProblem = first?.code === 'custom' ? (first.params?.textProblem as TextProblem | undefined) : undefined;
  if (textProblem) {
    // A free-text rule (src/core/usecases/text-rules.ts): its own code, and words about this field.
    return fail(textProblem.code, describeTextProblem(textProblem, field ? `The ${field}` : 'The text'), field ? { field } : {});
  }
  const what = where === 'body' ? 'The request body' : where === 'query' ? 'The query string' : 'The address';
  const message = field ? `${what} has an invalid ${field}: ${first?.message ?? 'invalid value'}` : `${what} is invalid: ${first?.message ?? 'invalid value'}`;
  // A contract rule that is also a domain rule (an agreement's bounds) answers with the domain's code.
  const domainCode = first?.code === 'custom' ? (first.params as { errorCode?: unknown } | undefined)?.errorCode : undefined;
  // Every problem is listed (at most 20), each with its field and, for a domain rule, its code, so a form shows them all at once.
  const problems = issues.slice(0, 20).map((i) => {
    const code = i.code === 'custom' ? (i.params as { errorCode?: unknown; textProblem?: TextProblem } | undefined) : undefined;
    const listed = typeof code?.errorCode === 'string' && isErrorCode(code.errorCode) ? code.errorCode : code?.textProblem?.code;
    return { field: i.path.map(String).join('.'), message: i.message, ...(listed ? { code: listed } : {}) };
  });
  if (typeof domainCode === 'string' && isErrorCode(domainCode) && first) {
    return fail(domainCode, first.message, { ...(field ? { field } : {}), details: { problems } });
  }
  return fail(WHERE_CODE[where], message, { ...(field ? { field } : {}), details: { problems } });
}

export function queryObject(call: Pick<ApiCall, 'request'>): Record<string, string> {
  return Object.fromEntries(call.request.query.entries());
}

/** Maps a use case result: its value becomes the body with `status`; a failure passes through. */
export function respond<T>(result: Result<T>, status = 200, shape: (value: T) => unknown = (v) => v): Result<HandlerResponse> {
  if (!result.ok) return result;
  if (status === 204) return ok({ status });
  return ok({ status, body: shape(result.value) });
}
