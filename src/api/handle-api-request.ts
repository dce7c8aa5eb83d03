/**
 * The pipeline every API function runs through, whichever host serves it: correlation id, sign-in,
 * body parsing, the handler, and the mapping of failures to a status and a body a person can act on.
 * Nothing internal (stack, exception message, storage keys) ever reaches the client.
 */
import { randomUUID } from 'node:crypto';
import type { DomainError } from '../core/result';
import type { TokenValidator } from '../adapters/identity/entra-token-validator';
import type { ApiLogger, ApiServices } from './api-services';
import { exposesDetails, isMappedCode, statusForCode } from './error-status';
import type { FunctionDefinition } from './function-definition';
import type { ApiRequest, ApiResponse, ErrorBody } from './http-contract';

export const MAX_BODY_BYTES = 256 * 1024;
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface ApiHost {
  readonly services: ApiServices;
  readonly validator: TokenValidator;
  readonly logger: ApiLogger;
}

export function correlationIdOf(request: Pick<ApiRequest, 'header'>): string {
  const given = request.header('x-correlation-id')?.trim();
  return given && CORRELATION_ID.test(given) ? given : randomUUID();
}

function baseHeaders(correlationId: string): Record<string, string> {
  return {
    'x-correlation-id': correlationId,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}

export function errorResponse(error: DomainError, correlationId: string, extraHeaders: Record<string, string> = {}): ApiResponse {
  const status = statusForCode(error.code);
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error.details !== undefined && exposesDetails(status) ? { details: error.details } : {}),
      correlationId,
    },
  };
  const headers: Record<string, string> = { ...baseHeaders(correlationId), 'content-type': 'application/json; charset=utf-8', ...extraHeaders };
  if (status === 401) headers['www-authenticate'] = 'Bearer error="invalid_token"';
  return { status, headers, body };
}

/**
 * After an exception the API cannot know how far the call got (a write may have landed before the
 * failure), so the message says so instead of promising that nothing changed.
 */
function unexpected(correlationId: string): ApiResponse {
  return errorResponse(
    {
      code: 'INTERNAL.UNEXPECTED',
      message: `Something went wrong on our side, and your change may or may not have been saved. Reload to see what is stored before trying again; if it keeps happening, report correlation id ${correlationId}.`,
    },
    correlationId,
  );
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The body's bytes as text for the pipeline. Invalid UTF-8 is flagged rather than patched with
 * U+FFFD, which would store a character nobody typed.
 */
export function decodeBody(bytes: Uint8Array | undefined): Pick<ApiRequest, 'bodyText' | 'bodyNotUtf8'> {
  if (bytes === undefined || bytes.length === 0) return { bodyText: undefined };
  try {
    return { bodyText: strictUtf8.decode(bytes) };
  } catch {
    return { bodyText: undefined, bodyNotUtf8: true };
  }
}

export async function handleApiRequest(definition: FunctionDefinition, request: ApiRequest, host: ApiHost): Promise<ApiResponse> {
  const correlationId = correlationIdOf(request);
  const started = Date.now();
  try {
    const method = request.method.toUpperCase();
    if (!(definition.methods as readonly string[]).includes(method)) {
      return errorResponse(
        { code: 'HTTP.METHOD_NOT_ALLOWED', message: `${method} is not supported here; use ${definition.methods.join(' or ')}.` },
        correlationId,
        { allow: definition.methods.join(', ') },
      );
    }

    let principal;
    if (definition.auth === 'user') {
      const signedIn = await host.validator.validate(request.header('authorization'));
      if (!signedIn.ok) return errorResponse(signedIn.error, correlationId);
      principal = signedIn.value;
    }

    if (request.bodyNotUtf8) {
      return errorResponse({ code: 'HTTP.INVALID_UTF8', message: 'The request body is not valid UTF-8 text. Send the JSON encoded as UTF-8.' }, correlationId);
    }
    let body: unknown;
    const text = request.bodyText;
    if (text !== undefined && text.trim() !== '') {
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
        return errorResponse({ code: 'HTTP.BODY_TOO_LARGE', message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KiB; shorten it.` }, correlationId);
      }
      const contentType = request.header('content-type') ?? '';
      if (contentType && !/^application\/(.+\+)?json\b/i.test(contentType)) {
        return errorResponse({ code: 'HTTP.UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as JSON (Content-Type: application/json).' }, correlationId);
      }
      try {
        body = JSON.parse(text);
      } catch {
        return errorResponse({ code: 'HTTP.INVALID_JSON', message: 'The request body is not valid JSON.' }, correlationId);
      }
    }

    const now = host.services.clock.now();
    const result =
      definition.auth === 'user'
        ? await definition.handler({ request, principal: principal!, body, correlationId, now }, host.services)
        : await definition.handler({ request, body, correlationId, now }, host.services);

    if (!result.ok) {
      if (!isMappedCode(result.error.code)) {
        host.logger.error('function failed with an unlisted code', { function: definition.name, correlationId, code: result.error.code, details: result.error.details });
        return unexpected(correlationId);
      }
      const response = errorResponse(result.error, correlationId);
      if (response.status >= 500) {
        host.logger.error('function failed', { function: definition.name, correlationId, code: result.error.code, details: result.error.details });
      }
      return response;
    }
    const out = result.value;
    const headers: Record<string, string> = { ...baseHeaders(correlationId), ...(out.headers ?? {}) };
    // Plain text unless the function names its own text type (a CSV export).
    if (out.text !== undefined) return { status: out.status, headers: { ...headers, 'content-type': out.headers?.['content-type'] ?? 'text/plain; charset=utf-8' }, text: out.text };
    if (out.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    return { status: out.status, headers, ...(out.body !== undefined ? { body: out.body } : {}) };
  } catch (error) {
    host.logger.error('function threw', {
      function: definition.name,
      correlationId,
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
      elapsedMs: Date.now() - started,
    });
    return unexpected(correlationId);
  }
}
