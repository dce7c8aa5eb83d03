import type {
  ActionItemDto,
  AgreementDto,
  AddActionItemBody,
  AddGoalBody,
  CreateRequestBody,
  GoalDto,
  MentoringRequestDto,
  MentorSuggestionsResponse,
  MyRequestsResponse,
  ProfileDto,
  RoadmapDto,
  RoadmapTemplateDto,
  SaveRoadmapBody,
  PublicProfileDto,
  RelationshipDetailDto,
  RelationshipDto,
  RelationshipSummaryDto,
  UpdateActionItemBody,
  UpdateGoalBody,
  UpsertProfileBody,
} from '../../contracts';
import type { ApiClient, RequestOptions } from './api-client';
import type { CoreShape } from './core-shape-compat';

/** Input types are the contracts' own request schemas, inferred; only what the tab builds is named here. */
type Infer<T> = T extends { _zod: { output: infer O } } ? O : never;
export type NewMentoringRequest = Infer<typeof CreateRequestBody>;
export type ProfileFieldsBody = Omit<Infer<typeof UpsertProfileBody>, 'version'>;
export type NewGoal = Infer<typeof AddGoalBody>;
export type GoalChanges = Omit<Infer<typeof UpdateGoalBody>, 'version'>;
export type NewActionItem = Infer<typeof AddActionItemBody>;
export type ActionItemChanges = Omit<Infer<typeof UpdateActionItemBody>, 'version'>;
export type RoadmapThemeInput = Infer<typeof SaveRoadmapBody>['themes'][number];
export type MentorSuggestionDto = MentorSuggestionsResponse['suggestions'][number];
export type RequestViewDto = MyRequestsResponse['requests'][number];

export interface MentorSearch {
  skill?: string;
  q?: string;
  reverse?: boolean;
}

const enc = encodeURIComponent;
const withSignal = (signal?: AbortSignal): RequestOptions => (signal ? { signal } : {});
/** Updates carry the version both in the body (the contract) and as If-Match (the HTTP way). */
const versioned = (version: string): RequestOptions => ({ ifMatch: version });

/** The core's answers carry instants as epoch numbers and lists bare; the contracts' DTOs do not. */
function isCoreShape(kind: CoreShape, body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const record = body as Record<string, unknown>;
  switch (kind) {
    case 'suggestions':
    case 'requests':
    case 'relationships':
    case 'templates':
      return Array.isArray(body);
    case 'relationship':
      return typeof (record.relationship as Record<string, unknown> | undefined)?.startedAt === 'number';
    case 'roadmap':
      return typeof record.updatedAt === 'number';
    default:
      return typeof record.createdAt === 'number';
  }
}

async function asDto<T>(kind: CoreShape, body: unknown): Promise<T> {
  if (!isCoreShape(kind, body)) return body as T;
  const { fromCore } = await import('./core-shape-compat');
  return fromCore[kind](body) as T;
}

/** One method per endpoint of the agreed HTTP surface; the transport rules live in ApiClient. */
export class MentoringApi {
  constructor(private readonly client: ApiClient) {}

  async getMyProfile(signal?: AbortSignal): Promise<ProfileDto> {
    return asDto('profile', await this.client.get<unknown>('/api/me/profile', withSignal(signal)));
  }
  async saveMyProfile(fields: ProfileFieldsBody, version: string | undefined): Promise<ProfileDto> {
    const saved = version
      ? await this.client.put<unknown>('/api/me/profile', { ...fields, version }, versioned(version))
      : await this.client.put<unknown>('/api/me/profile', fields);
    return asDto('profile', saved);
  }
  getProfile(personId: string, signal?: AbortSignal): Promise<PublicProfileDto> {
    return this.client.get<PublicProfileDto>(`/api/people/${enc(personId)}/profile`, withSignal(signal));
  }

  async suggestMentors(search: MentorSearch, signal?: AbortSignal): Promise<MentorSuggestionDto[]> {
    const params = new URLSearchParams();
    if (search.skill?.trim()) params.set('skill', search.skill.trim());
    if (search.q?.trim()) params.set('q', search.q.trim());
    if (search.reverse !== undefined) params.set('reverse', String(search.reverse));
    const query = params.toString();
    const body = await this.client.get<unknown>(`/api/mentors/suggestions${query ? `?${query}` : ''}`, withSignal(signal));
    return (await asDto<MentorSuggestionsResponse>('suggestions', body)).suggestions;
  }

  async listMyRequests(signal?: AbortSignal): Promise<RequestViewDto[]> {
    return (await asDto<MyRequestsResponse>('requests', await this.client.get<unknown>('/api/requests', withSignal(signal)))).requests;
  }
  async sendRequest(request: NewMentoringRequest): Promise<MentoringRequestDto> {
    return asDto('request', await this.client.post<unknown>('/api/requests', request));
  }
  acceptRequest(request: MentoringRequestDto): Promise<RelationshipDto> {
    return this.client.post<RelationshipDto>(`/api/requests/${enc(request.id)}/accept`, { version: request.version }, versioned(request.version));
  }
  declineRequest(request: MentoringRequestDto, reason: string): Promise<MentoringRequestDto> {
    return this.client.post<MentoringRequestDto>(
      `/api/requests/${enc(request.id)}/decline`,
      { reason: reason.trim(), version: request.version },
      versioned(request.version),
    );
  }
  withdrawRequest(request: MentoringRequestDto): Promise<MentoringRequestDto> {
    return this.client.post<MentoringRequestDto>(`/api/requests/${enc(request.id)}/withdraw`, { version: request.version }, versioned(request.version));
  }

  async listRelationships(signal?: AbortSignal): Promise<RelationshipSummaryDto[]> {
    const body = await this.client.get<unknown>('/api/relationships', withSignal(signal));
    return (await asDto<{ relationships: RelationshipSummaryDto[] }>('relationships', body)).relationships;
  }
  async getRelationship(relationshipId: string, signal?: AbortSignal): Promise<RelationshipDetailDto> {
    return asDto('relationship', await this.client.get<unknown>(`/api/relationships/${enc(relationshipId)}`, withSignal(signal)));
  }

  /** Proposes a new version on top of the newest one seen; someone else's newer proposal is a conflict. */
  async proposeAgreement(relationshipId: string, agreement: AgreementDto, note: string, basedOnVersion: number | undefined): Promise<void> {
    await this.client.post<unknown>(`/api/relationships/${enc(relationshipId)}/agreement`, {
      agreement,
      note,
      ...(basedOnVersion !== undefined ? { basedOnVersion } : {}),
    });
  }
  async acceptAgreement(relationshipId: string, number: number, version: string): Promise<void> {
    await this.client.post<unknown>(`/api/relationships/${enc(relationshipId)}/agreement/${number}/accept`, { version }, versioned(version));
  }

  async listRoadmapTemplates(reverse: boolean, signal?: AbortSignal): Promise<RoadmapTemplateDto[]> {
    const body = await this.client.get<unknown>(`/api/roadmap-templates${reverse ? '?reverse=true' : ''}`, withSignal(signal));
    return (await asDto<{ templates: RoadmapTemplateDto[] }>('templates', body)).templates;
  }
  async saveRoadmap(relationshipId: string, themes: RoadmapThemeInput[], version: string | undefined): Promise<RoadmapDto> {
    const saved = await this.client.put<unknown>(
      `/api/relationships/${enc(relationshipId)}/roadmap`,
      { themes, ...(version ? { version } : {}) },
      version ? versioned(version) : {},
    );
    return asDto('roadmap', saved);
  }

  addGoal(relationshipId: string, goal: NewGoal): Promise<GoalDto> {
    return this.client.post<GoalDto>(`/api/relationships/${enc(relationshipId)}/goals`, goal);
  }
  updateGoal(relationshipId: string, goal: Pick<GoalDto, 'id' | 'version'>, changes: GoalChanges): Promise<GoalDto> {
    return this.client.patch<GoalDto>(
      `/api/relationships/${enc(relationshipId)}/goals/${enc(goal.id)}`,
      { ...changes, version: goal.version },
      versioned(goal.version),
    );
  }

  async addActionItem(relationshipId: string, item: NewActionItem): Promise<ActionItemDto> {
    return asDto('actionItem', await this.client.post<unknown>(`/api/relationships/${enc(relationshipId)}/action-items`, item));
  }
  async updateActionItem(relationshipId: string, item: Pick<ActionItemDto, 'id' | 'version'>, changes: ActionItemChanges): Promise<ActionItemDto> {
    const saved = await this.client.patch<unknown>(
      `/api/relationships/${enc(relationshipId)}/action-items/${enc(item.id)}`,
      { ...changes, version: item.version },
      versioned(item.version),
    );
    return asDto('actionItem', saved);
  }
}
