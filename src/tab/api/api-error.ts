import type { ErrorCode } from '../../contracts/errors';
import type { MessageKey } from '../i18n/messages.en';

export type ApiProblemKind =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'validation'
  | 'rejected'
  | 'server'
  | 'unexpected';

/** A failed API call, reduced to what the person needs: never a stack, never a raw body. */
export interface ApiProblem {
  kind: ApiProblemKind;
  status?: number;
  /** Stable `AREA.REASON` code from the API, when it sent one. */
  code?: string;
  /** The API's own message; written for people, so it may be shown for validation problems. */
  serverMessage?: string;
  field?: string;
  /** Every problem with the input when the API lists them (`details.problems`), each at its field. */
  problems?: FieldProblem[];
  correlationId?: string;
}

/** One problem the API found in the input: its field, its code when it is a domain rule, its words. */
export interface FieldProblem {
  field: string;
  code?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(readonly problem: ApiProblem) {
    super(`${problem.kind}${problem.code ? ` ${problem.code}` : ''}`);
    this.name = 'ApiError';
  }
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.problem.kind === 'conflict';
}

function kindForStatus(status: number): ApiProblemKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  // 412 is optimistic concurrency (someone else changed it); 409 and 422 are domain rules saying no.
  if (status === 412) return 'conflict';
  if (status === 400) return 'validation';
  if (status === 409 || status === 422) return 'rejected';
  if (status >= 500) return 'server';
  return 'unexpected';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** Reads `{ error: { code, message, field, correlationId } }`; anything else keeps only the status. */
export function problemFromResponse(status: number, body: unknown): ApiProblem {
  const problem: ApiProblem = { kind: kindForStatus(status), status };
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return problem;
  const code = str(error.code);
  if (code) problem.code = code;
  if (code === 'STORAGE.CONFLICT') problem.kind = 'conflict';
  const message = str(error.message);
  if (message) problem.serverMessage = message;
  const field = str(error.field);
  if (field) problem.field = field;
  const listed = isRecord(error.details) && Array.isArray(error.details.problems) ? error.details.problems : [];
  const problems = listed.flatMap((p): FieldProblem[] => {
    if (!isRecord(p)) return [];
    const at = str(p.field);
    const words = str(p.message);
    if (!at || !words) return [];
    const pcode = str(p.code);
    return [{ field: at, message: words, ...(pcode ? { code: pcode } : {}) }];
  });
  if (problems.length > 0) problem.problems = problems;
  const correlationId = str(error.correlationId);
  if (correlationId) problem.correlationId = correlationId;
  return problem;
}

const keyForKind: Record<ApiProblemKind, MessageKey> = {
  network: 'error.network',
  unauthorized: 'error.unauthorized',
  forbidden: 'error.forbidden',
  notFound: 'error.notFound',
  conflict: 'error.conflict',
  validation: 'error.validation',
  rejected: 'error.validation',
  server: 'error.server',
  unexpected: 'error.unexpected',
};

/**
 * Domain codes a person meets in the tab, in the catalogue so they read in the person's language.
 * Typed by the contracts' error catalogue, so a renamed or removed code fails type-check.
 */
const keyForCode: Partial<Record<ErrorCode, MessageKey>> = {
  'REQUEST.SELF': 'code.REQUEST.SELF',
  'REQUEST.PROFILE_REQUIRED': 'code.REQUEST.PROFILE_REQUIRED',
  'REQUEST.MENTOR_NOT_FOUND': 'code.REQUEST.MENTOR_NOT_FOUND',
  'REQUEST.MENTOR_AT_CAPACITY': 'code.REQUEST.MENTOR_AT_CAPACITY',
  'REQUEST.MENTOR_NOT_OPEN_TO_REVERSE': 'code.REQUEST.MENTOR_NOT_OPEN_TO_REVERSE',
  'REQUEST.DUPLICATE_OPEN': 'code.REQUEST.DUPLICATE_OPEN',
  'REQUEST.ALREADY_PAIRED': 'code.REQUEST.ALREADY_PAIRED',
  'REQUEST.NOT_OPEN': 'code.REQUEST.NOT_OPEN',
  'REQUEST.DECLINE_REASON_REQUIRED': 'code.REQUEST.DECLINE_REASON_REQUIRED',
  'PROFILE.NOT_FOUND': 'code.PROFILE.NOT_FOUND',
  'AGREEMENT.VERSION_SUPERSEDED': 'code.AGREEMENT.VERSION_SUPERSEDED',
  'RELATIONSHIP.CLOSED': 'code.RELATIONSHIP.CLOSED',
  'CHECKIN.VERSION_REQUIRED': 'code.CHECKIN.VERSION_REQUIRED',
  'AGREEMENT.WINDOW_END_BEFORE_START': 'code.AGREEMENT.WINDOW_END_BEFORE_START',
  'AGREEMENT.WINDOW_LONGER_THAN_A_DAY': 'code.AGREEMENT.WINDOW_LONGER_THAN_A_DAY',
  'AGREEMENT.BAD_DATE': 'code.AGREEMENT.BAD_DATE',
  'AGREEMENT.END_DATE_BEFORE_FIRST_DATE': 'code.AGREEMENT.END_DATE_BEFORE_FIRST_DATE',
  'AGREEMENT.SERIES_UNBOUNDED': 'code.AGREEMENT.SERIES_UNBOUNDED',
  'AGREEMENT.PLACE_NAME_MISSING': 'code.AGREEMENT.PLACE_NAME_MISSING',
  'AGREEMENT.NO_MEETING_WINDOWS': 'code.AGREEMENT.NO_MEETING_WINDOWS',
  'AGREEMENT.NO_CONTACT_HOURS': 'code.AGREEMENT.NO_CONTACT_HOURS',
  'AGREEMENT.BAD_TIME': 'code.AGREEMENT.BAD_TIME',
  'AGREEMENT.WINDOW_END_EQUALS_START': 'code.AGREEMENT.WINDOW_END_EQUALS_START',
  'AGREEMENT.MEETING_LONGER_THAN_WINDOWS': 'code.AGREEMENT.MEETING_LONGER_THAN_WINDOWS',
  'AGREEMENT.CADENCE_SHORTER_THAN_MEETING': 'code.AGREEMENT.CADENCE_SHORTER_THAN_MEETING',
  'TIME.UNKNOWN_ZONE': 'code.TIME.UNKNOWN_ZONE',
  'CHECKIN.EMPTY': 'code.CHECKIN.EMPTY',
  'RELATIONSHIP.REFLECTION_REQUIRED': 'code.RELATIONSHIP.REFLECTION_REQUIRED',
  'RELATIONSHIP.ALREADY_CLOSED': 'code.RELATIONSHIP.ALREADY_CLOSED',
  'CHECKIN.MEETING_NOT_STARTED': 'code.CHECKIN.MEETING_NOT_STARTED',
  'CHECKIN.MEETING_CANCELLED': 'code.CHECKIN.MEETING_CANCELLED',
  'TODO.NOT_CONFIGURED': 'code.TODO.NOT_CONFIGURED',
  'MEETING_CONTEXT.NOT_FOUND': 'code.MEETING_CONTEXT.NOT_FOUND',
  'MEETING_CONTEXT.INVALID_CHAT_ID': 'code.MEETING_CONTEXT.INVALID_CHAT_ID',
  'PROGRAMME.NOT_INVITED': 'code.PROGRAMME.NOT_INVITED',
  'PROGRAMME.NOT_IN_GROUP': 'code.PROGRAMME.NOT_IN_GROUP',
  'PROGRAMME.PROFILE_REQUIRED': 'code.PROGRAMME.PROFILE_REQUIRED',
  'PROGRAMME.ENDED': 'code.PROGRAMME.ENDED',
};

/** The catalogue's words for a known domain code (from the API or the core's own check), if it has them. */
export function knownCodeMessage(code: string, t: (key: MessageKey) => string): string | undefined {
  const key = keyForCode[code as ErrorCode];
  return key ? t(key) : undefined;
}

/**
 * What to show for a problem: a known domain code in the catalogue's words; otherwise the API's own
 * message when it is about this person's input or situation (validation, a domain rule, access, a missing item: it names the field and the fix); for
 * sign-in, conflicts, outages and the network a message from the catalogue, in the person's language.
 */
export function describeProblem(
  problem: ApiProblem,
  t: (key: MessageKey) => string,
): { text: string; correlationId?: string } {
  const known = problem.code ? keyForCode[problem.code as ErrorCode] : undefined;
  if (known) return problem.correlationId ? { text: t(known), correlationId: problem.correlationId } : { text: t(known) };
  const useServerText =
    problem.serverMessage !== undefined &&
    (problem.kind === 'validation' || problem.kind === 'rejected' || problem.kind === 'forbidden' || problem.kind === 'notFound');
  const text = useServerText ? problem.serverMessage! : t(keyForKind[problem.kind]);
  return problem.correlationId ? { text, correlationId: problem.correlationId } : { text };
}

export function problemOf(error: unknown): ApiProblem {
  return error instanceof ApiError ? error.problem : { kind: 'unexpected' };
}
