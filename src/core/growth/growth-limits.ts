/**
 * How far one relationship may grow. Each limit keeps what a person reads (the relationship screen,
 * a card, an agenda) short and every read of the pair cheap, and each has its own code with words a
 * person can act on. The limits hold exactly under concurrency: counts of many rows (open action
 * items, goals) are checked by the store in the same atomic step as the write
 * (`RelationshipPartRepository.createWithin`/`updateWithin`); agreement versions are numbered, so two
 * proposals of the same number cannot both land; a roadmap is one row written with its version.
 */
import { fail, ok, type Result } from '../result';

export const GROWTH_LIMITS = {
  /** Open action items of a pair; done ones do not count. */
  openActionItems: 100,
  /** Agreement versions kept (proposals and counter-proposals). */
  agreementVersions: 50,
  /** Versions the relationship read carries (the newest; the active one is always added). */
  visibleAgreementVersions: 3,
  goals: 20,
  roadmapThemes: 60,
} as const;

export function checkOpenActionItems(open: number, adding: number): Result<void> {
  if (adding > 0 && open + adding > GROWTH_LIMITS.openActionItems) {
    const room = Math.max(0, GROWTH_LIMITS.openActionItems - open);
    return fail(
      'ACTION_ITEM.TOO_MANY_OPEN',
      `This pair already has ${open} open action items, and at most ${GROWTH_LIMITS.openActionItems} can be open at once${room > 0 ? ` (room for ${room} more)` : ''}. Mark some done, then add new ones.`,
      { details: { open, adding, limit: GROWTH_LIMITS.openActionItems } },
    );
  }
  return ok(undefined);
}

export function checkAgreementVersions(kept: number): Result<void> {
  if (kept >= GROWTH_LIMITS.agreementVersions) {
    return fail(
      'AGREEMENT.TOO_MANY_VERSIONS',
      `This agreement already has ${kept} versions, the most one relationship keeps. Talk it through with your partner and accept the newest version, or close this relationship and start a new one.`,
      { details: { kept, limit: GROWTH_LIMITS.agreementVersions } },
    );
  }
  return ok(undefined);
}

export function checkGoalCount(existing: number): Result<void> {
  if (existing >= GROWTH_LIMITS.goals) {
    return fail('GOAL.TOO_MANY', `This pair already has ${existing} goals, the most one relationship holds. Delete a finished or abandoned goal first.`, {
      details: { existing, limit: GROWTH_LIMITS.goals },
    });
  }
  return ok(undefined);
}

export function checkRoadmapThemeCount(count: number): Result<void> {
  if (count > GROWTH_LIMITS.roadmapThemes) {
    return fail('ROADMAP.TOO_MANY_THEMES', `A roadmap holds at most ${GROWTH_LIMITS.roadmapThemes} themes; this one has ${count}. Merge or remove some.`, {
      field: 'themes',
      details: { count, limit: GROWTH_LIMITS.roadmapThemes },
    });
  }
  return ok(undefined);
}
