/**
 * HTTP statuses for error codes, from the shared error catalogue (src/contracts/errors.ts). A code
 * the catalogue does not list is a bug: the edge answers it as 500 INTERNAL.UNEXPECTED and logs it.
 */
import { isKnownErrorCode, httpStatusFor } from '../contracts';

export function isMappedCode(code: string): boolean {
  return isKnownErrorCode(code);
}

export function statusForCode(code: string): number {
  return httpStatusFor(code);
}

/** Only client errors a person can act on carry `details`; server-side ones say nothing internal. */
export function exposesDetails(status: number): boolean {
  return status === 400 || status === 409 || status === 422;
}
