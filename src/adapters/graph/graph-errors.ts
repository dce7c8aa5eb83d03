/**
 * Graph failures become core error codes; the status and Graph's own error code travel in
 * `details` so logs and support can see them, but a person only ever sees the message.
 */
import { fail, type DomainError } from '../../core/result';
import { graphErrorBodySchema } from './graph-schemas';

export type GraphFailure = { readonly ok: false; readonly error: DomainError };

export function graphStatusFailure(status: number, body: unknown, operation: string): GraphFailure {
  const parsed = graphErrorBodySchema.safeParse(body);
  const graphCode = parsed.success ? parsed.data.error.code : undefined;
  const details = { status, operation, ...(graphCode ? { graphCode } : {}) };
  if (status === 429)
    return fail('GRAPH.THROTTLED', `Microsoft 365 asked us to slow down while trying to ${operation}; try again in a few minutes.`, { details });
  if (status === 404 || status === 410)
    return fail('GRAPH.NOT_FOUND', `The calendar item or mailbox was not found while trying to ${operation}; it may have been deleted in Outlook.`, { details });
  if (status === 401 || status === 403)
    return fail('GRAPH.FORBIDDEN', `The app is not allowed to ${operation}; an administrator must grant the calendar permissions (Calendars.ReadWrite, MailboxSettings.Read).`, { details });
  if (status === 409 || status === 412)
    return fail('GRAPH.CONFLICT', `The calendar item changed while trying to ${operation}; reload and try again.`, { details });
  if (status === 400 || status === 422)
    return fail('GRAPH.BAD_REQUEST', `Microsoft 365 rejected the request to ${operation}.`, { details });
  return fail('GRAPH.UNAVAILABLE', `Microsoft 365 is not answering (status ${status}) while trying to ${operation}; try again later.`, { details });
}

export function graphInvalidResponse(operation: string, issue: string): GraphFailure {
  return fail('GRAPH.INVALID_RESPONSE', `Microsoft 365 answered in an unexpected shape while trying to ${operation}.`, {
    details: { operation, issue },
  });
}

export function graphNetworkFailure(operation: string, cause: unknown): GraphFailure {
  const name = cause instanceof Error ? cause.name : typeof cause;
  return fail('GRAPH.UNAVAILABLE', `Microsoft 365 could not be reached while trying to ${operation}; try again later.`, {
    details: { operation, cause: name },
  });
}

/** Errors thrown by @microsoft/microsoft-graph-client carry `statusCode` and the parsed body. */
export function fromThrown(cause: unknown, operation: string): GraphFailure {
  const candidate = cause as { statusCode?: unknown; body?: unknown; code?: unknown } | null;
  if (candidate && typeof candidate.statusCode === 'number' && candidate.statusCode > 0) {
    let body: unknown = candidate.body;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch {
        body = undefined;
      }
    }
    const parsed = graphErrorBodySchema.safeParse(body);
    const code = parsed.success && parsed.data.error.code ? parsed.data.error.code : candidate.code;
    return graphStatusFailure(candidate.statusCode, { error: { code: typeof code === 'string' ? code : undefined } }, operation);
  }
  if (candidate && candidate.code === TOKEN_ERROR_NAME) {
    return fail('GRAPH.AUTH_FAILED', 'The app could not get a token for Microsoft 365; sign in again or ask an administrator to check the app registration.', {
      details: { operation },
    });
  }
  return graphNetworkFailure(operation, cause);
}

/** The name of errors thrown by token sources; the Graph client turns it into the error `code`. */
export const TOKEN_ERROR_NAME = 'TokenAcquisitionError';

export class TokenAcquisitionError extends Error {
  override readonly name = TOKEN_ERROR_NAME;
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);
