/**
 * Maps stable error codes to HTTP statuses at the edge. The core never knows about HTTP; the codes'
 * last part (or a listed exception) says what kind of failure it is.
 *
 *   400  the request itself is malformed (HTTP.*, VALIDATION.*)
 *   401  AUTH.* (no or bad sign-in)
 *   403  ACCESS.* / *.FORBIDDEN / *.NOT_ALLOWED / *.NOT_A_MEMBER (signed in, but not allowed)
 *   404  *.NOT_FOUND (also what a stranger gets for someone else's relationship)
 *   409  *.ALREADY_EXISTS / *.ALREADY_* / *.DUPLICATE / a state that forbids the action
 *   412  STORAGE.CONFLICT / *.STALE_VERSION (optimistic concurrency)
 *   422  everything else a person can fix (a domain rule said no)
 */
const EXACT: Readonly<Record<string, number>> = {
  'STORAGE.CONFLICT': 412,
  'STORAGE.UNAVAILABLE': 503,
  'STORAGE.CORRUPT_ROW': 500,
  'STORAGE.DOCUMENT_TOO_LARGE': 413,
  'AUTH.KEYS_UNAVAILABLE': 503,
  'HTTP.BODY_TOO_LARGE': 413,
  'HTTP.METHOD_NOT_ALLOWED': 405,
  'HTTP.UNSUPPORTED_MEDIA_TYPE': 415,
  'INTERNAL.UNEXPECTED': 500,
  'SERVICE.UNAVAILABLE': 503,
};

export function statusForCode(code: string): number {
  const exact = EXACT[code];
  if (exact !== undefined) return exact;
  const [area = '', reason = ''] = code.split('.', 2);
  if (area === 'AUTH') return 401;
  if (area === 'HTTP' || area === 'VALIDATION') return reason === 'NOT_FOUND' ? 404 : 400;
  if (area === 'ACCESS' || /(^|_)(FORBIDDEN|NOT_ALLOWED|NOT_A_MEMBER|NOT_PARTICIPANT)$/.test(reason)) return 403;
  if (/NOT_FOUND$/.test(reason)) return 404;
  if (/(STALE_VERSION|VERSION_MISMATCH|PRECONDITION_FAILED)$/.test(reason)) return 412;
  if (/^ALREADY_|ALREADY_EXISTS$|DUPLICATE|(^|_)CONFLICT$|^NOT_OPEN$|^CLOSED$|_CLOSED$|^NOT_ACTIVE$/.test(reason)) return 409;
  return 422;
}

/** Only client errors a person can act on carry `details`; server-side ones say nothing internal. */
export function exposesDetails(status: number): boolean {
  return status === 400 || status === 409 || status === 422;
}
