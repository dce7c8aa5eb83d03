/**
 * The API functions committed so far answer with the core's own values (bare arrays, epoch-ms
 * instants, goals as `{ goal, missing }`), while the shared contracts promise DTOs (wrapped lists,
 * ISO instants, flat goals). The tab is typed by the contracts; answers in the core shape are turned
 * into DTOs here with the contracts' own mappers, so nothing is re-implemented. Loaded on demand,
 * only when such an answer arrives; once the API sends DTOs this module is never loaded.
 */
import {
  toActionItemDto,
  toMentorSuggestionDto,
  toMentoringRequestDto,
  toProfileDto,
  toRelationshipDetailDto,
  toRelationshipSummaryDto,
  toRequestViewDto,
  toRoadmapDto,
  toRoadmapTemplateDto,
} from '../../contracts';
import type { Roadmap } from '../../core/roadmap/roadmap';
import type { RoadmapTemplate } from '../../core/roadmap/roadmap-templates';
import type { ActionItem } from '../../core/actions/action-item';
import type { MentorSuggestion } from '../../core/matching/rank-mentors';
import type { Profile } from '../../core/profiles/profile';
import type { MentoringRequest } from '../../core/requests/mentoring-request';
import type { RelationshipDetail, RelationshipSummary } from '../../core/usecases/relationship-use-cases';
import type { RequestView } from '../../core/usecases/request-use-cases';

export const fromCore = {
  profile: (p: unknown) => toProfileDto(p as Profile),
  suggestions: (list: unknown) => ({ suggestions: (list as MentorSuggestion[]).map(toMentorSuggestionDto) }),
  requests: (list: unknown) => ({ requests: (list as RequestView[]).map(toRequestViewDto) }),
  request: (r: unknown) => toMentoringRequestDto(r as MentoringRequest),
  relationships: (list: unknown) => ({ relationships: (list as RelationshipSummary[]).map(toRelationshipSummaryDto) }),
  relationship: (d: unknown) => toRelationshipDetailDto(d as RelationshipDetail),
  actionItem: (i: unknown) => toActionItemDto(i as ActionItem),
  roadmap: (r: unknown) => toRoadmapDto(r as Roadmap),
  templates: (list: unknown) => ({ templates: (list as RoadmapTemplate[]).map(toRoadmapTemplateDto) }),
};

export type CoreShape = keyof typeof fromCore;
