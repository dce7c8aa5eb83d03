import { AGREEMENT_LIMITS, ProposedAgreementSchema, type AgreementDto } from '../../../contracts/agreement';
import type { Agreement } from '../../../core/agreement/agreement';
import { agreementNumberProblems } from '../../../core/agreement/agreement-limits';
import { validateAgreement } from '../../../core/agreement/validate-agreement';
import { knownCodeMessage, type ApiProblem, type FieldProblem } from '../../api/api-error';
import type { Translate } from '../../i18n/i18n';

/** What to fix, by field path in dots (`mentor.meetingWindows.0.end`); a path no field shows goes above the buttons. */
export type AgreementProblems = Readonly<Record<string, string>>;

/** The core and the API name windows as `mentee.meetingWindows[2].end` (the API's body check prefixes `agreement.`); the form's paths use dots. */
export const fieldPath = (field: string): string => field.replace(/^agreement\./, '').replace(/\[(\d+)\]/g, '.$1');

/** A number field gets the same sentence whatever is wrong with it: the range it takes, in the person's words. */
function numberText(path: string, t: Translate): string | undefined {
  const L = AGREEMENT_LIMITS;
  if (path === 'meetingMinutes') return t('agreement.fix.meetingMinutes', { min: L.meetingMinutes.min, max: L.meetingMinutes.max });
  if (path === 'bufferMinutes') return t('agreement.fix.bufferMinutes', { max: L.bufferMinutes.max });
  if (path === 'minimumNoticeHours') return t('agreement.fix.minimumNoticeHours', { max: L.minimumNoticeHours.max });
  if (path === 'cadence.days') return t('agreement.fix.cadenceDays', { min: L.cadenceDays.min, max: L.cadenceDays.max });
  if (path === 'meetingCount') return t('agreement.fix.meetingCount', { min: L.meetingCount.min, max: L.meetingCount.max });
  return undefined;
}

function textFor(path: string, code: string | undefined, fallback: string, t: Translate): string {
  return numberText(path, t) ?? (code ? knownCodeMessage(code, t) : undefined) ?? fallback;
}

/**
 * Every problem of a draft at once: the shared contract's (`ProposedAgreementSchema`, shape and every
 * number's bounds) and then the core's rules (`validateAgreement`, the same check the API runs), each
 * at its field; a field keeps its first problem.
 */
export function agreementProblems(draft: AgreementDto, t: Translate): AgreementProblems {
  const found: Record<string, string> = {};
  const add = (field: string, code: string | undefined, message: string) => {
    const path = fieldPath(field);
    if (!(path in found)) found[path] = textFor(path, code, message, t);
  };
  const parsed = ProposedAgreementSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const code = issue.code === 'custom' ? (issue.params as { errorCode?: string } | undefined)?.errorCode : undefined;
      add(issue.path.map(String).join('.'), code, issue.message);
    }
  }
  // The contract skips its bounds while the shape is broken (a blank number); the bounds are checked here all the same.
  for (const problem of agreementNumberProblems(draft)) add(problem.field ?? '', problem.code, problem.message);
  const checked = validateAgreement(draft as Agreement);
  if (!checked.ok) for (const p of listedProblems(checked.error)) add(p.field, p.code, p.message);
  return found;
}

/** A refusal of the input (422 or 400) that names its field: the editor shows it there. */
export const isFieldProblem = (problem: ApiProblem | undefined): problem is ApiProblem & { field: string } =>
  problem?.field !== undefined && (problem.kind === 'rejected' || problem.kind === 'validation');

/** The problems a refusal lists (`details.problems`), or the refusal itself when it lists none. */
function listedProblems(error: { field?: string | undefined; code: string; message: string; details?: Readonly<Record<string, unknown>> | undefined }): FieldProblem[] {
  const listed = error.details?.problems;
  if (Array.isArray(listed) && listed.length > 0) return listed as FieldProblem[];
  return [{ field: error.field ?? '', code: error.code, message: error.message }];
}

/**
 * The API's refusal, every problem it lists (`details.problems`) at the field it names, in the
 * catalogue's words when it has them; a field keeps its first problem.
 */
export function serverProblems(problem: ApiProblem | undefined, t: Translate): AgreementProblems {
  if (!isFieldProblem(problem)) return {};
  const listed: FieldProblem[] = problem.problems ?? [
    { field: problem.field, ...(problem.code ? { code: problem.code } : {}), message: problem.serverMessage ?? t('error.validation') },
  ];
  const found: Record<string, string> = {};
  for (const p of listed) {
    const path = fieldPath(p.field);
    if (!(path in found)) found[path] = textFor(path, p.code, p.message, t);
  }
  return found;
}
