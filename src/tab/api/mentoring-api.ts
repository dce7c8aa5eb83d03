import type {
  ActionItemDto,
  MeetingOfChatDto,
  TodoSyncDto,
  ActionItemsPage,
  AgreementVersionsPage,
  CheckInsPage,
  AgreementDto,
  AddActionItemBody,
  CheckInDto,
  CloseRelationshipBody,
  AddGoalBody,
  CreateRequestBody,
  GoalDto,
  MentoringRequestDto,
  MentorSuggestionsResponse,
  MyRequestsResponse,
  MyTeamsAppDto,
  ProfileDto,
  PublicProfileDto,
  RelationshipDetailDto,
  RelationshipDto,
  RelationshipSummaryDto,
  RoadmapDto,
  RoadmapTemplateDto,
  SaveRoadmapBody,
  SubmitCheckInBody,
  UpdateActionItemBody,
  UpdateGoalBody,
  UpsertProfileBody,
} from '../../contracts';
import type { AgreementPreviewDto, PairWorkingHoursDto } from '../../contracts/agreement';
import type {
  AnnouncementDto,
  CreateProgrammeBody,
  HealthDto,
  MemberProgrammeDto,
  NudgeDto,
  PeopleFoundDto,
  ProgrammeDto,
  toCohortViewDto,
  toMemberListDto,
  toProgrammeViewDto,
  toPublishOutcomeDto,
} from '../../contracts/programmes';
import type { ExportPart } from '../../contracts/programme-export';
import type { BookingOutcomeDto, SlotProposalDto, UnbookedMeetingsDto } from '../../contracts/booking';
import type { ClosedRelationshipDto, MeetingDto } from '../../contracts/relationships';
import type { ApiClient, RequestOptions } from './api-client';

/** Input types are the contracts' own request schemas, inferred; only what the tab builds is named here. */
type Infer<T> = T extends { _zod: { output: infer O } } ? O : never;
export type NewMentoringRequest = Infer<typeof CreateRequestBody>;
export type ProfileFieldsBody = Omit<Infer<typeof UpsertProfileBody>, 'version'>;
export type NewGoal = Infer<typeof AddGoalBody>;
export type GoalChanges = Omit<Infer<typeof UpdateGoalBody>, 'version'>;
export type NewActionItem = Infer<typeof AddActionItemBody>;
export type ActionItemChanges = Omit<Infer<typeof UpdateActionItemBody>, 'version'>;
export type RoadmapThemeInput = Infer<typeof SaveRoadmapBody>['themes'][number];
export type CheckInAnswersBody = Omit<Infer<typeof SubmitCheckInBody>, 'version'>;
export type ClosingReflectionInput = Infer<typeof CloseRelationshipBody>['reflection'];
export type MentorSuggestionDto = MentorSuggestionsResponse['suggestions'][number];
export type RequestViewDto = MyRequestsResponse['requests'][number];

export interface MentorSearch {
  skill?: string;
  q?: string;
  reverse?: boolean;
}

const enc = encodeURIComponent;
const pageQuery = (page: Record<string, string | undefined>): string => {
  const query = new URLSearchParams(Object.entries(page).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return query ? `?${query}` : '';
};
export type ActionItemsPageDto = Infer<typeof ActionItemsPage>;
export type CheckInsPageDto = Infer<typeof CheckInsPage>;
export type AgreementVersionsPageDto = Infer<typeof AgreementVersionsPage>;
const withSignal = (signal?: AbortSignal): RequestOptions => (signal ? { signal } : {});
/** Updates carry the version both in the body (the contract) and as If-Match (the HTTP way). */
const versioned = (version: string): RequestOptions => ({ ifMatch: version });

/** GET /api/programmes: whether the caller owns programmes, and the programmes they see. */
export interface ProgrammeListDto {
  readonly asOwner: boolean;
  readonly programmes: readonly ProgrammeListItemDto[];
}
export type ProgrammeListItemDto = ReturnType<typeof toProgrammeViewDto>;
export type ProgrammeFieldsBody = CreateProgrammeBody;
export type { ProgrammeDto, MemberProgrammeDto, PeopleFoundDto };
/** PUT /api/programmes/{id}/membership: the role and the weekly windows matching reads. */
export interface JoinProgrammeBodyDto {
  readonly role: 'mentee' | 'mentor';
  readonly timeZone: string;
  readonly meetingWindows: readonly { readonly weekday: number; readonly start: string; readonly end: string }[];
}
export type ProgrammeMembersDto = ReturnType<typeof toMemberListDto>;
export type CohortViewDto = ReturnType<typeof toCohortViewDto>;
export type PublishOutcomeDto = ReturnType<typeof toPublishOutcomeDto>;
export interface PairRefDto {
  readonly menteeId: string;
  readonly mentorId: string;
}

/** One method per endpoint of the agreed HTTP surface; the transport rules live in ApiClient. */
export class MentoringApi {
  constructor(private readonly client: ApiClient) {}

  listProgrammes(signal?: AbortSignal): Promise<ProgrammeListDto> {
    return this.client.get<ProgrammeListDto>('/api/programmes', withSignal(signal));
  }
  /** The programmes open to me or that I joined, as a member sees them. */
  listMyProgrammes(signal?: AbortSignal): Promise<{ readonly programmes: readonly MemberProgrammeDto[] }> {
    return this.client.get<{ readonly programmes: readonly MemberProgrammeDto[] }>('/api/me/programmes', withSignal(signal));
  }
  getMyProgramme(programmeId: string, signal?: AbortSignal): Promise<MemberProgrammeDto> {
    return this.client.get<MemberProgrammeDto>(`/api/me/programmes/${enc(programmeId)}`, withSignal(signal));
  }
  joinProgramme(programmeId: string, body: JoinProgrammeBodyDto): Promise<unknown> {
    return this.client.put<unknown>(`/api/programmes/${enc(programmeId)}/membership`, body);
  }
  /** Owners: people of the tenant by name or job title (at least two letters), whatever their mentoring capacity. */
  searchProgrammePeople(q: string, signal?: AbortSignal): Promise<PeopleFoundDto> {
    return this.client.get<PeopleFoundDto>(`/api/programmes/people${pageQuery({ q })}`, withSignal(signal));
  }
  getProgramme(programmeId: string, signal?: AbortSignal): Promise<ProgrammeDto> {
    return this.client.get<ProgrammeDto>(`/api/programmes/${enc(programmeId)}`, withSignal(signal));
  }
  createProgramme(fields: ProgrammeFieldsBody): Promise<ProgrammeDto> {
    return this.client.post<ProgrammeDto>('/api/programmes', fields);
  }
  /** Only the fields given change; the version read guards against someone else's edit. */
  updateProgramme(programmeId: string, changes: Partial<ProgrammeFieldsBody>, version: string): Promise<ProgrammeDto> {
    return this.client.patch<ProgrammeDto>(`/api/programmes/${enc(programmeId)}`, { ...changes, version }, versioned(version));
  }
  listProgrammeMembers(programmeId: string, signal?: AbortSignal): Promise<ProgrammeMembersDto> {
    return this.client.get<ProgrammeMembersDto>(`/api/programmes/${enc(programmeId)}/members`, withSignal(signal));
  }
  getProgrammeMatches(programmeId: string, signal?: AbortSignal): Promise<CohortViewDto> {
    return this.client.get<CohortViewDto>(`/api/programmes/${enc(programmeId)}/matches`, withSignal(signal));
  }
  /** Runs the matcher over the members with the owner's pins and exclusions; the answer becomes the draft. */
  suggestProgrammeMatches(programmeId: string, rules: { pinned: readonly PairRefDto[]; excluded: readonly PairRefDto[] }): Promise<CohortViewDto> {
    return this.client.post<CohortViewDto>(`/api/programmes/${enc(programmeId)}/matches`, rules);
  }
  /** The whole assignment after the owner's swaps, on top of the version reviewed. */
  changeProgrammeMatches(programmeId: string, pairs: readonly PairRefDto[], version: string): Promise<CohortViewDto> {
    return this.client.put<CohortViewDto>(`/api/programmes/${enc(programmeId)}/matches`, { pairs, version }, versioned(version));
  }
  publishProgrammeMatches(programmeId: string, version: string): Promise<PublishOutcomeDto> {
    return this.client.post<PublishOutcomeDto>(`/api/programmes/${enc(programmeId)}/matches/publish`, { version }, versioned(version));
  }
  getProgrammeHealth(programmeId: string, signal?: AbortSignal): Promise<HealthDto> {
    return this.client.get<HealthDto>(`/api/programmes/${enc(programmeId)}/health`, withSignal(signal));
  }
  /** The owner's announcement to every member; `clientKey` is made once per announcement and sent again on a retry. */
  sendAnnouncement(programmeId: string, clientKey: string, text: string): Promise<AnnouncementDto> {
    return this.client.post<AnnouncementDto>(`/api/programmes/${enc(programmeId)}/announcements`, { clientKey, text });
  }
  getAnnouncement(programmeId: string, announcementId: string, signal?: AbortSignal): Promise<AnnouncementDto> {
    return this.client.get<AnnouncementDto>(`/api/programmes/${enc(programmeId)}/announcements/${enc(announcementId)}`, withSignal(signal));
  }
  /** A gentle nudge through the bot to a pair at risk (at most once in seven days). */
  nudgePair(programmeId: string, relationshipId: string): Promise<NudgeDto> {
    return this.client.post<NudgeDto>(`/api/programmes/${enc(programmeId)}/pairs/${enc(relationshipId)}/nudge`);
  }
  /** One CSV part of the owner's export, as text (the tab saves it as a file). */
  exportProgramme(programmeId: string, part: ExportPart): Promise<string> {
    return this.client.get<string>(`/api/programmes/${enc(programmeId)}/export/${part}`, { text: true });
  }

  getMyProfile(signal?: AbortSignal): Promise<ProfileDto> {
    return this.client.get<ProfileDto>('/api/me/profile', withSignal(signal));
  }
  /** Whether the bot can reach me in Teams chat (and if not, why). */
  getMyTeamsApp(signal?: AbortSignal): Promise<MyTeamsAppDto> {
    return this.client.get<MyTeamsAppDto>('/api/me/teams-app', withSignal(signal));
  }
  saveMyProfile(fields: ProfileFieldsBody, version: string | undefined): Promise<ProfileDto> {
    return version
      ? this.client.put<ProfileDto>('/api/me/profile', { ...fields, version }, versioned(version))
      : this.client.put<ProfileDto>('/api/me/profile', fields);
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
    const body = await this.client.get<MentorSuggestionsResponse>(`/api/mentors/suggestions${query ? `?${query}` : ''}`, withSignal(signal));
    return body.suggestions;
  }

  async listMyRequests(signal?: AbortSignal): Promise<RequestViewDto[]> {
    return (await this.client.get<MyRequestsResponse>('/api/requests', withSignal(signal))).requests;
  }
  sendRequest(request: NewMentoringRequest): Promise<MentoringRequestDto> {
    return this.client.post<MentoringRequestDto>('/api/requests', request);
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
    return (await this.client.get<{ relationships: RelationshipSummaryDto[] }>('/api/relationships', withSignal(signal))).relationships;
  }
  /** One page of the pair's action items (the relationship read carries the open ones only). */
  listActionItems(relationshipId: string, page: { status?: 'open' | 'done'; continuationToken?: string } = {}, signal?: AbortSignal): Promise<ActionItemsPageDto> {
    return this.client.get<ActionItemsPageDto>(`/api/relationships/${enc(relationshipId)}/action-items${pageQuery(page)}`, withSignal(signal));
  }

  /** One page of the pair's check-ins. */
  listCheckIns(relationshipId: string, page: { continuationToken?: string } = {}, signal?: AbortSignal): Promise<CheckInsPageDto> {
    return this.client.get<CheckInsPageDto>(`/api/relationships/${enc(relationshipId)}/checkins${pageQuery(page)}`, withSignal(signal));
  }

  /** One page of the agreement's history (the relationship read carries the newest versions only). */
  listAgreementVersions(relationshipId: string, page: { continuationToken?: string } = {}, signal?: AbortSignal): Promise<AgreementVersionsPageDto> {
    return this.client.get<AgreementVersionsPageDto>(`/api/relationships/${enc(relationshipId)}/agreement/versions${pageQuery(page)}`, withSignal(signal));
  }

  /** Which of my mentoring meetings a Teams meeting chat belongs to (the server decides; 404 when none). */
  getMeetingOfChat(chatId: string, signal?: AbortSignal): Promise<MeetingOfChatDto> {
    return this.client.get<MeetingOfChatDto>(`/api/meetings/by-chat/${enc(chatId)}`, withSignal(signal));
  }

  getRelationship(relationshipId: string, signal?: AbortSignal): Promise<RelationshipDetailDto> {
    return this.client.get<RelationshipDetailDto>(`/api/relationships/${enc(relationshipId)}`, withSignal(signal));
  }

  /** Proposes a new version on top of the newest one seen; someone else's newer proposal is a conflict. */
  async proposeAgreement(relationshipId: string, agreement: AgreementDto, note: string, basedOnVersion: number | undefined): Promise<void> {
    await this.client.post<unknown>(`/api/relationships/${enc(relationshipId)}/agreement`, {
      agreement,
      note,
      ...(basedOnVersion !== undefined ? { basedOnVersion } : {}),
    });
  }
  /** The overlap of a draft agreement on my clock (writes nothing): the week grid's picture. */
  previewAgreement(relationshipId: string, agreement: AgreementDto, signal?: AbortSignal): Promise<AgreementPreviewDto> {
    return this.client.post<AgreementPreviewDto>(`/api/relationships/${enc(relationshipId)}/agreement/preview`, { agreement, note: '' }, withSignal(signal));
  }
  /** Both people's Outlook working hours, the defaults of a first agreement. */
  getWorkingHours(relationshipId: string, signal?: AbortSignal): Promise<PairWorkingHoursDto> {
    return this.client.get<PairWorkingHoursDto>(`/api/relationships/${enc(relationshipId)}/working-hours`, withSignal(signal));
  }
  async acceptAgreement(relationshipId: string, number: number, version: string): Promise<void> {
    await this.client.post<unknown>(`/api/relationships/${enc(relationshipId)}/agreement/${number}/accept`, { version }, versioned(version));
  }

  async listRoadmapTemplates(reverse: boolean, signal?: AbortSignal): Promise<RoadmapTemplateDto[]> {
    const body = await this.client.get<{ templates: RoadmapTemplateDto[] }>(`/api/roadmap-templates${reverse ? '?reverse=true' : ''}`, withSignal(signal));
    return body.templates;
  }
  saveRoadmap(relationshipId: string, themes: RoadmapThemeInput[], version: string | undefined): Promise<RoadmapDto> {
    return this.client.put<RoadmapDto>(
      `/api/relationships/${enc(relationshipId)}/roadmap`,
      { themes, ...(version ? { version } : {}) },
      version ? versioned(version) : {},
    );
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

  addActionItem(relationshipId: string, item: NewActionItem): Promise<ActionItemDto> {
    return this.client.post<ActionItemDto>(`/api/relationships/${enc(relationshipId)}/action-items`, item);
  }
  updateActionItem(relationshipId: string, item: Pick<ActionItemDto, 'id' | 'version'>, changes: ActionItemChanges): Promise<ActionItemDto> {
    return this.client.patch<ActionItemDto>(
      `/api/relationships/${enc(relationshipId)}/action-items/${enc(item.id)}`,
      { ...changes, version: item.version },
      versioned(item.version),
    );
  }

  /** Whether my action items of this relationship go to my Microsoft To Do. */
  getTodoSync(relationshipId: string, signal?: AbortSignal): Promise<TodoSyncDto> {
    return this.client.get<TodoSyncDto>(`/api/relationships/${enc(relationshipId)}/todo`, withSignal(signal));
  }
  /** Turns it on (the first sync runs before the answer) or off. */
  setTodoSync(relationshipId: string, enabled: boolean): Promise<TodoSyncDto> {
    return this.client.put<TodoSyncDto>(`/api/relationships/${enc(relationshipId)}/todo`, { enabled });
  }

  /** My check-in for one meeting; a second one edits it (with the version I saw). */
  submitCheckIn(relationshipId: string, meetingId: string, body: CheckInAnswersBody, version: string | undefined): Promise<CheckInDto> {
    return this.client.put<CheckInDto>(
      `/api/relationships/${enc(relationshipId)}/meetings/${enc(meetingId)}/checkin`,
      { ...body, ...(version ? { version } : {}) },
      version ? versioned(version) : {},
    );
  }

  /** Closes the relationship with my reflection, or adds mine after my partner closed it. */
  closeRelationship(relationship: Pick<RelationshipDto, 'id' | 'version'>, reflection: ClosingReflectionInput): Promise<ClosedRelationshipDto> {
    return this.client.post<ClosedRelationshipDto>(
      `/api/relationships/${enc(relationship.id)}/close`,
      { reflection, version: relationship.version },
      versioned(relationship.version),
    );
  }

  /** The series' meetings not in the calendar, as the last booking left them: deferred and unplaced (with the reason). */
  readUnbookedMeetings(relationshipId: string, signal?: AbortSignal): Promise<UnbookedMeetingsDto> {
    return this.client.get<UnbookedMeetingsDto>(`/api/relationships/${enc(relationshipId)}/unbooked-meetings`, withSignal(signal));
  }

  /** Slots for the next meeting inside the agreement; none fits → a SCHEDULING.* problem that explains why. */
  proposeSlots(relationshipId: string, signal?: AbortSignal): Promise<SlotProposalDto> {
    return this.client.get<SlotProposalDto>(`/api/relationships/${enc(relationshipId)}/slots`, withSignal(signal));
  }
  /** States a target (the next meeting, or the series), so sending it twice books nothing twice. */
  /** `start`: the proposed time the person chose for the next meeting (booking picks when absent). */
  bookMeetings(relationshipId: string, scope: 'next' | 'series', start?: string): Promise<BookingOutcomeDto> {
    return this.client.post<BookingOutcomeDto>(`/api/relationships/${enc(relationshipId)}/meetings`, { scope, ...(start ? { start } : {}) });
  }
  rescheduleMeeting(relationshipId: string, meeting: Pick<MeetingDto, 'id' | 'version'>, start: string): Promise<MeetingDto> {
    return this.client.patch<MeetingDto>(
      `/api/relationships/${enc(relationshipId)}/meetings/${enc(meeting.id)}`,
      { start, version: meeting.version },
      versioned(meeting.version),
    );
  }
  /** Cancels with the version I saw: a meeting moved or changed meanwhile comes back as a conflict, not cancelled unseen. */
  cancelMeeting(relationshipId: string, meeting: Pick<MeetingDto, 'id' | 'version'>, comment: string): Promise<MeetingDto> {
    return this.client.delete<MeetingDto>(`/api/relationships/${enc(relationshipId)}/meetings/${enc(meeting.id)}`, {
      body: { comment, version: meeting.version },
      ...versioned(meeting.version),
    });
  }
  /** Rewrites the invites of future meetings whose agenda changed (new action items, goals, themes). */
  refreshAgendas(relationshipId: string): Promise<{ updated: string[]; unchanged: string[]; failed: { meetingId: string; code: string }[] }> {
    return this.client.post(`/api/relationships/${enc(relationshipId)}/agendas/refresh`, {});
  }
}
