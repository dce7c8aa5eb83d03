import type { MentorSuggestion } from '../../core/matching/rank-mentors';
import type { Profile, PublicProfile } from '../../core/profiles/profile';
import type { ProfileFields } from '../../core/profiles/validate-profile';
import type { MentoringRequest, PreWork } from '../../core/requests/mentoring-request';
import type { Relationship } from '../../core/relationships/relationship';
import type { RequestView } from '../../core/usecases/request-use-cases';
import type { ApiClient } from './api-client';

export interface MentorSearch {
  skill?: string;
  q?: string;
  reverse?: boolean;
}

export interface NewMentoringRequest {
  mentorId: string;
  note: string;
  preWork: PreWork;
}


const enc = encodeURIComponent;

/** One method per endpoint of the agreed HTTP surface; the transport rules live in ApiClient. */
export class MentoringApi {
  constructor(private readonly client: ApiClient) {}

  getMyProfile(signal?: AbortSignal): Promise<Profile> {
    return this.client.get<Profile>('/api/me/profile', signal ? { signal } : {});
  }
  saveMyProfile(fields: ProfileFields, version: string | undefined): Promise<Profile> {
    return this.client.put<Profile>('/api/me/profile', version ? { ...fields, version } : fields, version ? { ifMatch: version } : {});
  }
  getProfile(personId: string, signal?: AbortSignal): Promise<PublicProfile> {
    return this.client.get<PublicProfile>(`/api/people/${enc(personId)}/profile`, signal ? { signal } : {});
  }

  suggestMentors(search: MentorSearch, signal?: AbortSignal): Promise<MentorSuggestion[]> {
    const params = new URLSearchParams();
    if (search.skill?.trim()) params.set('skill', search.skill.trim());
    if (search.q?.trim()) params.set('q', search.q.trim());
    if (search.reverse !== undefined) params.set('reverse', String(search.reverse));
    const query = params.toString();
    return this.client.get<MentorSuggestion[]>(`/api/mentors/suggestions${query ? `?${query}` : ''}`, signal ? { signal } : {});
  }

  listMyRequests(signal?: AbortSignal): Promise<RequestView[]> {
    return this.client.get<RequestView[]>('/api/requests', signal ? { signal } : {});
  }
  sendRequest(request: NewMentoringRequest): Promise<MentoringRequest> {
    return this.client.post<MentoringRequest>('/api/requests', request);
  }
  acceptRequest(request: MentoringRequest): Promise<Relationship> {
    return this.client.post<Relationship>(`/api/requests/${enc(request.id)}/accept`, { version: request.version }, { ifMatch: request.version });
  }
  declineRequest(request: MentoringRequest, reason: string): Promise<MentoringRequest> {
    const body = reason.trim() ? { version: request.version, reason: reason.trim() } : { version: request.version };
    return this.client.post<MentoringRequest>(`/api/requests/${enc(request.id)}/decline`, body, { ifMatch: request.version });
  }
  withdrawRequest(request: MentoringRequest): Promise<MentoringRequest> {
    return this.client.post<MentoringRequest>(`/api/requests/${enc(request.id)}/withdraw`, { version: request.version }, { ifMatch: request.version });
  }

  listRelationships(signal?: AbortSignal): Promise<Relationship[]> {
    return this.client.get<Relationship[]>('/api/relationships', signal ? { signal } : {});
  }
}
