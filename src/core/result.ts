/**
 * Expected failures are values, not exceptions. Each carries a stable code (`AREA.REASON`) that the
 * edges map to an HTTP status or a card message, a message a person can act on, and optionally the
 * field it concerns. Throw only for bugs.
 */
import type { ErrorCode } from './error-codes';

export interface DomainError {
  /** One of the listed codes (src/core/error-codes.ts); the compiler refuses any other. */
  readonly code: ErrorCode;
  readonly message: string;
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E extends DomainError = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });

export const fail = (
  code: ErrorCode,
  message: string,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): { readonly ok: false; readonly error: DomainError } => ({ ok: false, error: { code, message, ...extra } });
