import { fail, ok, type Result } from '../result';
import { STORAGE_ALREADY_EXISTS, STORAGE_CONFLICT, STORAGE_NOT_FOUND } from '../ports/repositories';
import { ROADMAP_ID, type Roadmap } from '../roadmap/roadmap';
import { validateRoadmapThemes, type RoadmapThemeInput } from '../roadmap/roadmap-rules';
import { ROADMAP_TEMPLATES, type RoadmapTemplate } from '../roadmap/roadmap-templates';
import type { MentoringDeps } from './deps';
import type { UseCaseCall } from './principal';
import { loadActiveMembership, loadMembership } from './relationship-access';

export interface SaveRoadmapInput {
  readonly relationshipId: string;
  /** The full ordered list; reordering and assigning meetings are edits of it. */
  readonly themes: readonly RoadmapThemeInput[];
  /** The version read; absent when no roadmap existed yet. */
  readonly version?: string;
}

/** The roadmap, or an empty one (version absent) before the pair first saves it. */
export type RoadmapView = Omit<Roadmap, 'version' | 'updatedBy' | 'updatedAt'> &
  Partial<Pick<Roadmap, 'version' | 'updatedBy' | 'updatedAt'>>;

export function listRoadmapTemplates(options: { reverseOnly?: boolean } = {}): readonly RoadmapTemplate[] {
  return options.reverseOnly ? ROADMAP_TEMPLATES.filter((t) => t.reverse) : ROADMAP_TEMPLATES;
}

export async function getRoadmap(
  deps: Pick<MentoringDeps, 'repos'>,
  call: UseCaseCall<{ readonly relationshipId: string }>,
): Promise<Result<RoadmapView>> {
  const membership = await loadMembership(deps, call.principal, call.input.relationshipId);
  if (!membership.ok) return membership;
  const found = await deps.repos.relationships.roadmaps.get(call.principal.tenantId, call.input.relationshipId, ROADMAP_ID);
  if (!found.ok) return found.error.code === STORAGE_NOT_FOUND ? ok({ id: ROADMAP_ID, themes: [] }) : found;
  return found;
}

export async function saveRoadmap(
  deps: Pick<MentoringDeps, 'repos' | 'ids'>,
  call: UseCaseCall<SaveRoadmapInput>,
): Promise<Result<Roadmap>> {
  const { principal, input, now } = call;
  const themes = validateRoadmapThemes(input.themes, () => deps.ids.newId());
  if (!themes.ok) return themes;
  const membership = await loadActiveMembership(deps, principal, input.relationshipId);
  if (!membership.ok) return membership;
  const repo = deps.repos.relationships.roadmaps;
  const roadmap = { id: ROADMAP_ID, themes: themes.value, updatedBy: principal.userId, updatedAt: now };
  if (input.version === undefined) {
    const created = await repo.create(principal.tenantId, input.relationshipId, roadmap);
    if (!created.ok && created.error.code === STORAGE_ALREADY_EXISTS) {
      return fail(STORAGE_CONFLICT, 'Your partner saved the roadmap in the meantime. Reload it, then make your change again.', {
        field: 'version',
      });
    }
    return created;
  }
  return repo.update(principal.tenantId, input.relationshipId, roadmap, input.version);
}
