import { fail, ok, type Result } from '../result';
import { STORAGE_NOT_FOUND, isWildcardVersion, wildcardVersionRefused } from '../ports/repositories';
import { roleOf, type PairRole, type Relationship } from '../relationships/relationship';
import type { MentoringDeps } from './deps';
import type { Principal } from './principal';

export interface Membership {
  readonly relationship: Relationship;
  readonly role: PairRole;
  readonly partnerId: string;
}

/**
 * A stranger gets the same RELATIONSHIP.NOT_FOUND as for an id that does not exist, so the answer
 * does not reveal that a relationship exists between other people. The tenant comes only from the
 * principal, so another tenant's id never resolves at all.
 */
export const relationshipNotFound = () =>
  fail('RELATIONSHIP.NOT_FOUND', 'We could not find that mentoring relationship among yours.', {
    field: 'relationshipId',
  });

export async function loadMembership(
  deps: Pick<MentoringDeps, 'repos'>,
  principal: Principal,
  relationshipId: string,
): Promise<Result<Membership>> {
  return membershipOf(await deps.repos.relationships.get(principal.tenantId, relationshipId), principal);
}

/** The caller's membership in a relationship already read (alone or with its parts). */
export function membershipOf(found: Result<Relationship>, principal: Principal): Result<Membership> {
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? relationshipNotFound() : found;
  const relationship = found.value;
  const role = roleOf(relationship, principal.userId);
  if (role === undefined) return relationshipNotFound();
  return ok({ relationship, role, partnerId: role === 'mentor' ? relationship.menteeId : relationship.mentorId });
}

/** Changes to the plan (agreement, goals, roadmap, items) stop when the relationship is closed. */
export async function loadActiveMembership(
  deps: Pick<MentoringDeps, 'repos'>,
  principal: Principal,
  relationshipId: string,
): Promise<Result<Membership>> {
  const membership = await loadMembership(deps, principal, relationshipId);
  if (!membership.ok) return membership;
  if (membership.value.relationship.status === 'closed') {
    return fail('RELATIONSHIP.CLOSED', 'This mentoring relationship is closed, so it can no longer be changed.');
  }
  return membership;
}

/** When the caller sent the version they read, a different stored version is a conflict. */
export function checkExpectedVersion(stored: string, sent: string | undefined): Result<void> {
  if (sent !== undefined && isWildcardVersion(sent)) return wildcardVersionRefused();
  if (sent !== undefined && sent !== stored) {
    return fail('STORAGE.CONFLICT', 'Someone changed this in the meantime. Reload to see the latest and try again.', {
      field: 'version',
    });
  }
  return ok(undefined);
}
