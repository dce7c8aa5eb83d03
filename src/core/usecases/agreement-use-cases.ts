import { checkAgreementVersions } from '../growth/growth-limits';
import { pageOf, type Page, type PageRequest } from '../growth/paging';
import { fail, ok, type DomainError, type Result } from '../result';
import type { Agreement } from '../agreement/agreement';
import { validateAgreement, validateAgreementRules } from '../agreement/validate-agreement';
import { previewAgreement, type AgreementPreview } from '../scheduling/agreement-preview';
import { STORAGE_ALREADY_EXISTS, STORAGE_CONFLICT } from '../ports/repositories';
import { agreementVersionId, type AgreementVersion } from '../relationships/agreement-version';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';
import { agreementState, type AgreementState } from './relationship-use-cases';
import { checkExpectedVersion, loadActiveMembership, loadMembership } from './relationship-access';

export interface ProposeAgreementInput {
  readonly relationshipId: string;
  readonly agreement: Agreement;
  readonly note: string;
  /**
   * The newest version number the proposer saw (absent for the first proposal). A different newest
   * version means someone proposed in the meantime: a conflict, not a silent overwrite.
   */
  readonly basedOnVersion?: number;
}

export interface AcceptAgreementInput {
  readonly relationshipId: string;
  readonly versionNumber: number;
  readonly version?: string;
}

/** The caller's active relationship, when the agreement names its mentor and mentee on the right sides. */
async function loadPairOfAgreement(deps: Pick<MentoringDeps, 'repos'>, principal: UseCaseCall<unknown>['principal'], input: PreviewAgreementInput) {
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const { relationship } = membership.value;
  if (input.agreement.mentor.personId !== relationship.mentorId || input.agreement.mentee.personId !== relationship.menteeId) {
    return fail('AGREEMENT.PARTIES_MISMATCH', 'The agreement must name this relationship’s mentor as mentor and mentee as mentee.', {
      field: 'agreement.mentor.personId',
    });
  }
  return ok(relationship);
}

/**
 * Proposes (or counter-proposes) a new version. Earlier versions stay as they were; the active
 * agreement, if any, stays active until both accept the new one. The proposer accepts their own.
 */
export async function proposeAgreement(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<ProposeAgreementInput>,
): Promise<Result<AgreementState>> {
  const { principal, input, now } = call;
  const pair = await loadPairOfAgreement(deps, principal, input);
  if (!pair.ok) return pair;
  const relationship = pair.value;
  const valid = validateAgreement(input.agreement);
  if (!valid.ok) return underAgreement(valid);

  const versions = await deps.repos.relationships.agreementVersions.list(principal.tenantId, relationship.id);
  if (!versions.ok) return versions;
  const kept = checkAgreementVersions(versions.value.length);
  if (!kept.ok) return kept;
  const newest = versions.value.reduce((max, v) => Math.max(max, v.number), 0);
  if ((input.basedOnVersion ?? 0) !== newest) {
    return fail('STORAGE.CONFLICT', `Version ${newest} of the agreement was proposed in the meantime. Review it, then propose again.`, {
      field: 'basedOnVersion',
      details: { newestVersion: newest },
    });
  }
  const number = newest + 1;
  const created = await deps.repos.relationships.agreementVersions.create(principal.tenantId, relationship.id, {
    id: agreementVersionId(number),
    number,
    agreement: valid.value,
    proposedBy: principal.userId,
    proposedAt: now,
    note: input.note.trim(),
    acceptedBy: [principal.userId],
  });
  if (!created.ok) {
    return created.error.code === STORAGE_ALREADY_EXISTS
      ? fail(STORAGE_CONFLICT, 'Your partner proposed a version at the same moment. Review it, then propose again.', {
          field: 'basedOnVersion',
        })
      : created;
  }
  return ok(agreementState([...versions.value, created.value], relationship.activeAgreementVersion));
}

/** The rules name fields inside the agreement; the request names them under `agreement.`, the list of every problem included. */
function underAgreement(failed: { ok: false; error: DomainError }): { ok: false; error: DomainError } {
  const { error } = failed;
  const listed = error.details?.problems;
  const problems = Array.isArray(listed)
    ? { problems: (listed as { field: string }[]).map((p) => ({ ...p, field: p.field ? `agreement.${p.field}` : p.field })) }
    : {};
  return {
    ok: false,
    error: { ...error, ...(error.field ? { field: `agreement.${error.field}` } : {}), ...(error.details ? { details: { ...error.details, ...problems } } : {}) },
  };
}

export type PreviewAgreementInput = Pick<ProposeAgreementInput, 'relationshipId' | 'agreement'>;

/**
 * The overlap of a draft agreement as the caller reads it (the tab's live check and week grid). Nothing
 * is written. A broken rule answers as the proposal would; windows that never overlap are a finding
 * of the preview (`neverOverlap`), not a refusal.
 */
export async function previewAgreementDraft(deps: Pick<MentoringDeps, 'repos'>, call: UseCaseCall<PreviewAgreementInput>): Promise<Result<AgreementPreview>> {
  const { principal, input, now } = call;
  const pair = await loadPairOfAgreement(deps, principal, input);
  if (!pair.ok) return pair;
  const relationship = pair.value;
  const valid = validateAgreementRules(input.agreement);
  if (!valid.ok) return underAgreement(valid);
  return ok(previewAgreement(valid.value, principal.userId === relationship.mentorId ? 'mentor' : 'mentee', now));
}

const POINTER_ATTEMPTS = 5;

/**
 * Accepts a version. Only the newest can be accepted (an older one was countered). When both
 * people have accepted the same version it becomes the active agreement. Accepting twice is harmless.
 */
export async function acceptAgreement(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<AcceptAgreementInput>,
): Promise<Result<AgreementState>> {
  const { principal, input } = call;
  const tenantId = principal.tenantId;
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const { relationship } = membership.value;
  const versions = await deps.repos.relationships.agreementVersions.list(tenantId, relationship.id);
  if (!versions.ok) return versions;
  const target = versions.value.find((v) => v.number === input.versionNumber);
  if (!target) {
    return fail('AGREEMENT.VERSION_NOT_FOUND', `There is no version ${input.versionNumber} of this agreement.`, {
      field: 'versionNumber',
    });
  }
  const newest = versions.value.reduce((max, v) => Math.max(max, v.number), 0);
  if (target.number !== newest) {
    return fail('AGREEMENT.VERSION_SUPERSEDED', `Version ${target.number} was followed by version ${newest}; review and accept that one instead.`, {
      field: 'versionNumber',
      details: { newestVersion: newest },
    });
  }
  let accepted: AgreementVersion = target;
  if (!target.acceptedBy.includes(principal.userId)) {
    const stale = checkExpectedVersion(target.version, input.version);
    if (!stale.ok) return stale;
    const { version, ...fields } = target;
    const updated = await deps.repos.relationships.agreementVersions.update(
      tenantId,
      relationship.id,
      { ...fields, acceptedBy: [...target.acceptedBy, principal.userId] },
      version,
    );
    if (!updated.ok) return updated;
    accepted = updated.value;
  }
  const both = accepted.acceptedBy.includes(relationship.mentorId) && accepted.acceptedBy.includes(relationship.menteeId);
  let active = relationship.activeAgreementVersion;
  if (both && (active ?? 0) < accepted.number) {
    // The pointer only moves forward; re-read on conflict because other writers touch the relationship.
    let current = relationship;
    for (let attempt = 0; ; attempt += 1) {
      const { version, ...fields } = current;
      const saved = await deps.repos.relationships.update(tenantId, { ...fields, activeAgreementVersion: accepted.number }, version);
      if (saved.ok) break;
      if (saved.error.code !== STORAGE_CONFLICT || attempt + 1 >= POINTER_ATTEMPTS) return saved;
      const reread = await deps.repos.relationships.get(tenantId, relationship.id);
      if (!reread.ok) return reread;
      current = reread.value;
      if ((current.activeAgreementVersion ?? 0) >= accepted.number) break;
    }
    active = accepted.number;
  }
  const all = versions.value.map((v) => (v.number === accepted.number ? accepted : v));
  return ok(agreementState(all, active));
}

/** One page of the agreement's whole history, oldest version first. */
export async function pageAgreementVersions(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string; readonly page: PageRequest }>,
): Promise<Result<Page<AgreementVersion>>> {
  const membership = await loadMembership(deps, call.principal, call.input.relationshipId);
  if (!membership.ok) return membership;
  const versions = await deps.repos.relationships.agreementVersions.list(call.principal.tenantId, call.input.relationshipId);
  if (!versions.ok) return versions;
  return ok(pageOf(versions.value, (v) => String(v.number).padStart(8, '0'), call.input.page));
}
