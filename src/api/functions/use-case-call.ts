/** Shared by the functions: the use case's ports and call from the API call. */
import { fail } from '../../core/result';
import type { MentoringDeps } from '../../core/usecases/deps';
import type { UseCaseCall } from '../../core/usecases/principal';
import type { ApiServices } from '../api-services';
import type { ApiCall } from '../http-contract';

export const depsOf = (services: ApiServices): MentoringDeps => ({ repos: services.repositories, ids: services.ids, ...(services.reach ? { reach: services.reach } : {}) });

export const callOf = <I>(call: ApiCall, input: I): UseCaseCall<I> => ({ principal: call.principal, input, now: call.now });

/** The If-Match header, when the client sent the version read there rather than in the body. */
function ifMatch(call: Pick<ApiCall, 'request'>): string | undefined {
  const value = call.request.header('if-match')?.trim();
  return value ? value : undefined;
}

/**
 * The body with the If-Match version folded in as `version`, so the contract sees one shape whichever
 * way the client sent it. `whenAbsent` stands in for a missing body on endpoints where it is optional.
 * A body that is not an object is passed through untouched for the contract to refuse.
 */
export function withIfMatch(call: Pick<ApiCall, 'request' | 'body'>, whenAbsent?: Record<string, unknown>): unknown {
  const body = call.body === undefined ? whenAbsent : call.body;
  const version = ifMatch(call);
  if (version === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) return body ?? (version ? { version } : body);
  return { ...(body as Record<string, unknown>), version };
}

/** Whether the caller sent the version it read, in If-Match or the body. */
export function hasVersion(call: Pick<ApiCall, 'request' | 'body'>): boolean {
  if (ifMatch(call)) return true;
  const body = call.body as { version?: unknown } | undefined;
  return body !== null && typeof body === 'object' && typeof body.version === 'string' && body.version !== '';
}

export const versionRequired = () =>
  fail('HTTP.VERSION_REQUIRED', 'Send the version you loaded (If-Match header or "version" in the body), so that no one’s change is lost.', {
    field: 'version',
  });
