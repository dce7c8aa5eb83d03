/** Shared by the functions: the use case's ports and call from the API call. */
import { fail } from '../../core/result';
import type { MentoringDeps } from '../../core/usecases/deps';
import type { UseCaseCall } from '../../core/usecases/principal';
import type { ApiServices } from '../api-services';
import type { ApiCall } from '../http-contract';

export const depsOf = (services: ApiServices): MentoringDeps => ({ repos: services.repositories, ids: services.ids });

export const callOf = <I>(call: ApiCall, input: I): UseCaseCall<I> => ({ principal: call.principal, input, now: call.now });

export const versionRequired = () =>
  fail('HTTP.VERSION_REQUIRED', 'Send the version you loaded (If-Match header or "version" in the body), so that no one’s change is lost.', {
    field: 'version',
  });

/** Optional fields present only when given, so a use case can tell "absent" from "cleared". */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
