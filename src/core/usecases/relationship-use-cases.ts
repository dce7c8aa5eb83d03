import { fail, ok, type Result } from '../result';
import { GROWTH_LIMITS } from '../growth/growth-limits';
import { chronologicalKey } from '../growth/paging';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import { toPublicProfile, type PublicProfile } from '../profiles/profile';
import type { ClosingReflection, PairRole, Relationship } from '../relationships/relationship';
import type { AgreementVersion } from '../relationships/agreement-version';
import type { Meeting } from '../relationships/meeting';
import type { Goal } from '../goals/goal';
import { smartCheck, type SmartHint } from '../goals/smart-check';
import type { Roadmap } from '../roadmap/roadmap';
import type { ActionItem } from '../actions/action-item';
import type { CheckIn } from '../checkins/check-in';
import { checkInVisibleTo } from '../checkins/check-in-rules';
import type { MentoringDeps } from './deps';
import { adjustActiveMenteeCount } from './mentee-count';
import type { UseCaseCall } from './principal';
import { checkExpectedVersion, loadMembership, membershipOf } from './relationship-access';

export interface PartnerSummary {
  readonly userId: string;
  readonly displayName: string;
  readonly jobTitle: string;
}

export interface RelationshipSummary {
  readonly relationship: Relationship;
  readonly myRole: PairRole;
  readonly partner: PartnerSummary;
}

export interface GoalView {
  readonly goal: Goal;
  readonly missing: readonly SmartHint[];
}

export interface AgreementState {
  /**
   * The newest versions (GROWTH_LIMITS.visibleAgreementVersions) and the active one, oldest first —
   * not the whole history, which is paged (listAgreementVersions).
   */
  readonly versions: readonly AgreementVersion[];
  /** How many versions the relationship keeps in all. */
  readonly versionCount: number;
  /** The version both accepted, if any. */
  readonly active?: AgreementVersion;
  /** The newest proposal; the only one that can still be accepted. */
  readonly latest?: AgreementVersion;
}

export interface RelationshipDetail {
  readonly relationship: Relationship;
  readonly myRole: PairRole;
  readonly partner: PublicProfile | PartnerSummary;
  readonly agreement: AgreementState;
  readonly goals: readonly GoalView[];
  readonly roadmap?: Roadmap;
  readonly meetings: readonly Meeting[];
  /** The open action items only, oldest first; done ones are paged (listActionItems). */
  readonly actionItems: readonly ActionItem[];
  readonly actionItemCounts: { readonly open: number; readonly done: number };
  /** The partner's check-ins without their private notes; mine with mine. */
  readonly checkIns: readonly CheckIn[];
}

/** Open items, oldest first (what the pair still has to do, in the order it was agreed). */
function openActionItems(items: readonly ActionItem[]): ActionItem[] {
  return items
    .filter((i) => i.status === 'open')
    .map((item) => ({ item, key: chronologicalKey(item.createdAt, item.id) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((k) => k.item);
}

const unknownPartner = (userId: string): PartnerSummary => ({ userId, displayName: 'Former colleague', jobTitle: '' });

export async function listMyRelationships(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<void>,
): Promise<Result<RelationshipSummary[]>> {
  const { principal } = call;
  const found = await deps.repos.relationships.listForPerson(principal.tenantId, principal.userId);
  if (!found.ok) return found;
  const partnerIds = [...new Set(found.value.map((r) => (r.mentorId === principal.userId ? r.menteeId : r.mentorId)))];
  const profiles = await Promise.all(partnerIds.map((id) => deps.repos.profiles.get(principal.tenantId, id)));
  const partners = new Map<string, PartnerSummary>();
  for (const p of profiles) {
    if (p.ok) partners.set(p.value.userId, { userId: p.value.userId, displayName: p.value.displayName, jobTitle: p.value.jobTitle });
  }
  return ok(
    found.value.map((relationship) => {
      const myRole: PairRole = relationship.mentorId === principal.userId ? 'mentor' : 'mentee';
      const partnerId = myRole === 'mentor' ? relationship.menteeId : relationship.mentorId;
      return { relationship, myRole, partner: partners.get(partnerId) ?? unknownPartner(partnerId) };
    }),
  );
}

export function agreementState(versions: readonly AgreementVersion[], activeNumber: number | undefined): AgreementState {
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  const active = activeNumber === undefined ? undefined : sorted.find((v) => v.number === activeNumber);
  const latest = sorted[sorted.length - 1];
  const newest = sorted.slice(-GROWTH_LIMITS.visibleAgreementVersions);
  const visible = active && !newest.includes(active) ? [active, ...newest] : newest;
  return { versions: visible, versionCount: sorted.length, ...(active ? { active } : {}), ...(latest ? { latest } : {}) };
}

export async function getRelationshipDetail(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string }>,
): Promise<Result<RelationshipDetail>> {
  const { principal, input } = call;
  // One partition read gives the relationship with its parts; membership is checked on it.
  const aggregate = await deps.repos.relationships.getAggregate(principal.tenantId, input.relationshipId);
  const membership = membershipOf(aggregate.ok ? ok(aggregate.value.relationship) : aggregate, principal);
  if (!membership.ok) return membership;
  if (!aggregate.ok) return aggregate;
  const { role, partnerId } = membership.value;
  const partner = await deps.repos.profiles.get(principal.tenantId, partnerId);
  const a = aggregate.value;
  return ok({
    relationship: a.relationship,
    myRole: role,
    partner: partner.ok ? toPublicProfile(partner.value) : unknownPartner(partnerId),
    agreement: agreementState(a.agreementVersions, a.relationship.activeAgreementVersion),
    goals: a.goals.map((goal) => ({ goal, missing: smartCheck(goal) })),
    ...(a.roadmap ? { roadmap: a.roadmap } : {}),
    meetings: [...a.meetings].sort((x, y) => x.number - y.number || x.start - y.start),
    actionItems: openActionItems(a.actionItems),
    actionItemCounts: { open: a.actionItems.filter((i) => i.status === 'open').length, done: a.actionItems.filter((i) => i.status === 'done').length },
    checkIns: a.checkIns.map((c) => checkInVisibleTo(c, principal.userId)),
  });
}

export interface CloseRelationshipInput {
  readonly relationshipId: string;
  readonly reflection: Omit<ClosingReflection, 'submittedAt'>;
  readonly version?: string;
}

/**
 * Either person closes the relationship with their reflection; the other adds theirs afterwards
 * (a closed relationship still accepts the missing reflection). Closing frees the mentor's place.
 */
export async function closeRelationship(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<CloseRelationshipInput>,
): Promise<Result<Relationship>> {
  const { principal, input, now } = call;
  const reflection: ClosingReflection = {
    whatWorked: input.reflection.whatWorked.trim(),
    whatToImprove: input.reflection.whatToImprove.trim(),
    keyTakeaway: input.reflection.keyTakeaway.trim(),
    submittedAt: now,
  };
  if (!reflection.whatWorked && !reflection.whatToImprove && !reflection.keyTakeaway) {
    return fail('RELATIONSHIP.REFLECTION_REQUIRED', 'Share a few words of reflection before closing: what worked, what to improve or a key takeaway.', {
      field: 'reflection',
    });
  }
  const membership = await loadMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const { relationship, role } = membership.value;
  if (relationship.reflections[role] !== undefined) {
    return fail('RELATIONSHIP.ALREADY_CLOSED', 'You already closed this relationship and shared your reflection.');
  }
  const stale = checkExpectedVersion(relationship.version, input.version);
  if (!stale.ok) return stale;
  const { version, ...fields } = relationship;
  const closingNow = relationship.status === 'active';
  const updated = await deps.repos.relationships.update(
    principal.tenantId,
    {
      ...fields,
      status: 'closed',
      ...(closingNow ? { closedAt: now, closedBy: principal.userId } : {}),
      reflections: { ...relationship.reflections, [role]: reflection },
    },
    version,
  );
  if (!updated.ok) return updated;
  if (closingNow) {
    const freed = await adjustActiveMenteeCount(deps, principal.tenantId, relationship.mentorId, -1, { enforceCapacity: false });
    // A mentor without a profile has no count to free; any other failure must surface.
    if (!freed.ok && freed.error.code !== STORAGE_NOT_FOUND) return freed;
  }
  return updated;
}
