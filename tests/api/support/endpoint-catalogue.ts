/**
 * For every function of the table: a call that the right person can make successfully, on fresh
 * data. The access matrix and the fuzz tests both walk this catalogue, and a test checks that it
 * covers the whole function table, so a new function cannot ship without being in both.
 */
import { randomUUID } from 'node:crypto';
import type { DemoPerson } from '../../../src/local/demo-people';
import type { ApiHarness, Cast } from './api-harness';
import type { Relationship } from '../../../src/core/relationships/relationship';

export type Scope =
  /** Only the pair (or the request's two people) may call it. */
  | 'pair'
  /** Anyone in the tenant may call it (public profiles); another tenant may not. */
  | 'tenant'
  /** It answers about the caller only; others get their own (empty) answer, never the pair's. */
  | 'self'
  /** Only a programme owner (the Programme.Owner app role) may call it. */
  | 'owner'
  /** Only people a programme is open to (its invited list, its group) may call it. */
  | 'programme';

export interface PreparedCall {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Who succeeds. */
  readonly member: DemoPerson;
  /** Someone of the same tenant outside the pair or request. */
  readonly nonMember: DemoPerson;
  readonly okStatus: number;
  /** Path template with its parameters, for fuzzing them. */
  readonly template: string;
  readonly params: Record<string, string>;
}

export interface Endpoint {
  readonly name: string;
  readonly scope: Scope;
  prepare(h: ApiHarness, cast: Cast & { relationship: Relationship }): Promise<PreparedCall>;
}

export const SMART = { specific: 'Build a weekly ops dashboard', measurable: 'Used in 4 reviews', achievable: '2h a week', relevant: 'Ops reviews', timeBound: 'By March' };

export function agreementFor(relationship: Relationship) {
  return {
    cadence: { kind: 'biweekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: '2026-12-01',
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: {
      personId: relationship.mentorId,
      timeZone: 'Europe/Warsaw',
      meetingWindows: [{ weekday: 2, start: '14:00', end: '17:00' }],
      contactChannel: 'teamsChat',
      contactHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
    },
    mentee: {
      personId: relationship.menteeId,
      timeZone: 'America/New_York',
      meetingWindows: [{ weekday: 2, start: '08:00', end: '12:00' }],
      contactChannel: 'email',
      contactHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
    },
  };
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? ''));
}

function call(
  template: string,
  params: Record<string, string>,
  rest: Omit<PreparedCall, 'path' | 'template' | 'params'>,
): PreparedCall {
  return { ...rest, template, params, path: fill(template, params) };
}

async function ok(h: ApiHarness, person: DemoPerson, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await h.request(method, path, { person, ...(body !== undefined ? { body } : {}) });
  if (answer.status >= 300) throw new Error(`fixture ${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.json;
}

async function addGoal(h: ApiHarness, cast: Cast, relationshipId: string): Promise<{ id: string; version: string }> {
  return ok(h, cast.mentee, 'POST', `/api/relationships/${relationshipId}/goals`, { title: 'Power BI dashboard', smart: SMART });
}

/** A meeting that has already started, so check-ins are allowed (meetings are booked by the calendar issue). */
export async function addMeeting(h: ApiHarness, cast: Cast, relationshipId: string): Promise<string> {
  const id = randomUUID();
  const start = Date.now() - 2 * 3600_000;
  const created = await h.api.services.repositories.relationships.meetings.create(cast.tenantId, relationshipId, {
    id,
    number: 1,
    start,
    end: start + 45 * 60_000,
    status: 'held',
    organizerId: cast.mentor.personId,
  });
  if (!created.ok) throw new Error(created.error.code);
  return id;
}

export const CHECK_IN = {
  answers: { useful: 'Power Query basics', nextSteps: 'Build a first report', beforeNextTime: 'Install Desktop', changeOrFocus: 'More hands-on' },
  goalProgress: [],
  newActionItems: [],
};

export const ENDPOINTS: readonly Endpoint[] = [
  {
    name: 'getMyProfile',
    scope: 'self',
    prepare: async (_h, c) => call('/api/me/profile', {}, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'getMyTeamsApp',
    scope: 'self',
    prepare: async (_h, c) => call('/api/me/teams-app', {}, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'saveMyProfile',
    scope: 'self',
    prepare: async (h, c) => {
      const mine = await ok(h, c.mentee, 'GET', '/api/me/profile');
      const { userId: _u, displayName: _d, activeMenteeCount: _a, capacityLeft: _l, createdAt: _c, updatedAt: _up, ...fields } = mine;
      return call('/api/me/profile', {}, { method: 'PUT', body: { ...fields, jobTitle: 'COO', version: mine.version }, member: c.mentee, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'getPersonProfile',
    scope: 'tenant',
    prepare: async (_h, c) =>
      call('/api/people/{personId}/profile', { personId: c.mentor.personId }, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'suggestMentors',
    scope: 'self',
    prepare: async (_h, c) => call('/api/mentors/suggestions?skill=power', {}, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'suggestCohortMatches',
    scope: 'owner',
    prepare: async (_h, c) =>
      call('/api/programmes/cohort-matches', {}, { method: 'POST', member: c.owner, nonMember: c.stranger, okStatus: 200, body: cohortBody(c.mentee.personId, c.mentor.personId) }),
  },
  {
    name: 'createProgramme',
    scope: 'owner',
    prepare: async (_h, c) => call('/api/programmes', {}, { method: 'POST', member: c.owner, nonMember: c.stranger, okStatus: 201, body: programmeBody({ kind: 'invited', personIds: [c.mentee.personId] }) }),
  },
  {
    name: 'listProgrammes',
    scope: 'self',
    prepare: async (h, c) => {
      await ownedProgramme(h, c);
      return call('/api/programmes', {}, { method: 'GET', member: c.owner, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'getProgramme',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await ownedProgramme(h, c);
      return call('/api/programmes/{programmeId}', { programmeId: programme.id }, { method: 'GET', member: c.owner, nonMember: c.mentee, okStatus: 200 });
    },
  },
  {
    name: 'updateProgramme',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await ownedProgramme(h, c);
      return call('/api/programmes/{programmeId}', { programmeId: programme.id }, { method: 'PATCH', member: c.owner, nonMember: c.mentee, okStatus: 200, body: { purpose: 'Grow data skills', version: programme.version } });
    },
  },
  {
    name: 'joinProgramme',
    scope: 'programme',
    prepare: async (h, c) => {
      const programme = await ownedProgramme(h, c);
      return call('/api/programmes/{programmeId}/membership', { programmeId: programme.id }, { method: 'PUT', member: c.mentee, nonMember: c.stranger, okStatus: 200, body: joinBody('mentee') });
    },
  },
  {
    name: 'listMyProgrammes',
    scope: 'self',
    prepare: async (h, c) => {
      await ownedProgramme(h, c);
      return call('/api/me/programmes', {}, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'getMyProgramme',
    scope: 'programme',
    prepare: async (h, c) => {
      const programme = await ownedProgramme(h, c);
      return call('/api/me/programmes/{programmeId}', { programmeId: programme.id }, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'searchProgrammePeople',
    scope: 'owner',
    prepare: async (_h, c) => call('/api/programmes/people?q=kac', {}, { method: 'GET', member: c.owner, nonMember: c.mentee, okStatus: 200 }),
  },
  {
    name: 'listProgrammeMembers',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await ownedProgramme(h, c);
      await ok(h, c.mentee, 'PUT', `/api/programmes/${programme.id}/membership`, joinBody('mentee'));
      return call('/api/programmes/{programmeId}/members', { programmeId: programme.id }, { method: 'GET', member: c.owner, nonMember: c.mentee, okStatus: 200 });
    },
  },
  {
    name: 'suggestProgrammeMatches',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await joinedProgramme(h, c);
      return call('/api/programmes/{programmeId}/matches', { programmeId: programme.id }, { method: 'POST', member: c.owner, nonMember: c.mentee, okStatus: 200, body: {} });
    },
  },
  {
    name: 'getProgrammeMatches',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await joinedProgramme(h, c);
      await ok(h, c.owner, 'POST', `/api/programmes/${programme.id}/matches`, {});
      return call('/api/programmes/{programmeId}/matches', { programmeId: programme.id }, { method: 'GET', member: c.owner, nonMember: c.mentee, okStatus: 200 });
    },
  },
  {
    name: 'changeProgrammeMatches',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await joinedProgramme(h, c);
      const draft = await ok(h, c.owner, 'POST', `/api/programmes/${programme.id}/matches`, {});
      return call('/api/programmes/{programmeId}/matches', { programmeId: programme.id }, { method: 'PUT', member: c.owner, nonMember: c.mentee, okStatus: 200, body: { pairs: [], version: draft.version } });
    },
  },
  {
    name: 'publishProgrammeMatches',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await joinedProgramme(h, c);
      const draft = await ok(h, c.owner, 'POST', `/api/programmes/${programme.id}/matches`, {});
      return call('/api/programmes/{programmeId}/matches/publish', { programmeId: programme.id }, { method: 'POST', member: c.owner, nonMember: c.mentee, okStatus: 200, body: { version: draft.version } });
    },
  },
  {
    name: 'getProgrammeHealth',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await ownedProgramme(h, c);
      return call('/api/programmes/{programmeId}/health', { programmeId: programme.id }, { method: 'GET', member: c.owner, nonMember: c.mentee, okStatus: 200 });
    },
  },
  {
    name: 'exportProgramme',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await joinedProgramme(h, c);
      return call('/api/programmes/{programmeId}/export/{part}', { programmeId: programme.id, part: 'pairs' }, { method: 'GET', member: c.owner, nonMember: c.mentee, okStatus: 200 });
    },
  },
  {
    name: 'sendProgrammeAnnouncement',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await joinedProgramme(h, c);
      return call('/api/programmes/{programmeId}/announcements', { programmeId: programme.id }, { method: 'POST', member: c.owner, nonMember: c.mentee, okStatus: 202, body: { clientKey: randomUUID(), text: 'Kick-off on Friday' } });
    },
  },
  {
    name: 'getProgrammeAnnouncement',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await joinedProgramme(h, c);
      const sent = await ok(h, c.owner, 'POST', `/api/programmes/${programme.id}/announcements`, { clientKey: randomUUID(), text: 'Kick-off on Friday' });
      return call('/api/programmes/{programmeId}/announcements/{announcementId}', { programmeId: programme.id, announcementId: sent.id }, { method: 'GET', member: c.owner, nonMember: c.mentee, okStatus: 200 });
    },
  },
  {
    name: 'nudgeProgrammePair',
    scope: 'owner',
    prepare: async (h, c) => {
      const programme = await pairAtRisk(h, c);
      return call('/api/programmes/{programmeId}/pairs/{relationshipId}/nudge', { programmeId: programme.id, relationshipId: programme.relationshipId }, { method: 'POST', member: c.owner, nonMember: c.mentee, okStatus: 202 });
    },
  },
  {
    name: 'listMyRequests',
    scope: 'self',
    prepare: async (_h, c) => call('/api/requests', {}, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'createRequest',
    scope: 'self',
    prepare: async (_h, c) =>
      call('/api/requests', {}, {
        method: 'POST',
        body: { mentorId: c.mentor.personId, note: 'Could you help me too?', preWork: { whatIWant: 'Dashboards', whatIBring: 'Sales insight', expectations: 'Monthly' } },
        member: c.stranger,
        nonMember: c.stranger,
        okStatus: 201,
      }),
  },
  ...(['accept', 'decline', 'withdraw'] as const).map(
    (decision): Endpoint => ({
      name: `${decision}Request`,
      scope: 'pair',
      prepare: async (h, c) => {
        // A fresh open request from the stranger to the mentor; here the mentee is the outsider to it.
        const request = await ok(h, c.stranger, 'POST', '/api/requests', {
          mentorId: c.mentor.personId,
          note: 'Me too?',
          preWork: { whatIWant: 'SQL', whatIBring: 'Context', expectations: 'Monthly' },
        });
        const member = decision === 'withdraw' ? c.stranger : c.mentor;
        return call(`/api/requests/{requestId}/${decision}`, { requestId: request.id }, {
          method: 'POST',
          body: { version: request.version, ...(decision === 'decline' ? { reason: 'No capacity this quarter' } : {}) },
          member,
          nonMember: c.mentee,
          okStatus: 200,
        });
      },
    }),
  ),
  {
    name: 'listMyRelationships',
    scope: 'self',
    prepare: async (_h, c) => call('/api/relationships', {}, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'getRelationship',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentor, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'getMeetingOfChat',
    scope: 'pair',
    prepare: async (h, c) => {
      const chatId = `19:meeting_${Buffer.from(randomUUID()).toString('base64url')}@thread.v2`;
      const start = Date.now() + 3_600_000;
      const created = await h.api.services.repositories.relationships.meetings.create(c.tenantId, c.relationship.id, {
        id: randomUUID(),
        number: 1,
        start,
        end: start + 45 * 60_000,
        status: 'planned',
        organizerId: c.mentor.personId,
        joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(chatId)}/0`,
      });
      if (!created.ok) throw new Error(created.error.code);
      return call('/api/meetings/by-chat/{chatId}', { chatId }, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'closeRelationship',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/close', { relationshipId: c.relationship.id }, {
        method: 'POST',
        body: { reflection: { whatWorked: 'Hands-on sessions', whatToImprove: 'Start earlier', keyTakeaway: 'Ask juniors more' }, version: c.relationship.version },
        member: c.mentee,
        nonMember: c.stranger,
        okStatus: 200,
      }),
  },
  {
    name: 'proposeAgreement',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/agreement', { relationshipId: c.relationship.id }, {
        method: 'POST',
        body: { agreement: agreementFor(c.relationship), note: 'First try' },
        member: c.mentee,
        nonMember: c.stranger,
        okStatus: 201,
      }),
  },
  {
    name: 'getWorkingHours',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/working-hours', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentor, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'previewAgreement',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/agreement/preview', { relationshipId: c.relationship.id }, {
        method: 'POST',
        body: { agreement: agreementFor(c.relationship), note: '' },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 200,
      }),
  },
  {
    name: 'acceptAgreement',
    scope: 'pair',
    prepare: async (h, c) => {
      const proposed = await ok(h, c.mentee, 'POST', `/api/relationships/${c.relationship.id}/agreement`, { agreement: agreementFor(c.relationship), note: 'Proposal' });
      return call('/api/relationships/{relationshipId}/agreement/{version}/accept', { relationshipId: c.relationship.id, version: '1' }, {
        method: 'POST',
        body: { version: proposed.versions[0].version },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'listGoals',
    scope: 'pair',
    prepare: async (h, c) => {
      await addGoal(h, c, c.relationship.id);
      return call('/api/relationships/{relationshipId}/goals', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentor, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'addGoal',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/goals', { relationshipId: c.relationship.id }, {
        method: 'POST',
        body: { title: 'Use Copilot in Teams meetings', smart: SMART, targetDate: '2027-03-31' },
        member: c.mentee,
        nonMember: c.stranger,
        okStatus: 201,
      }),
  },
  {
    name: 'updateGoal',
    scope: 'pair',
    prepare: async (h, c) => {
      const goal = await addGoal(h, c, c.relationship.id);
      return call('/api/relationships/{relationshipId}/goals/{goalId}', { relationshipId: c.relationship.id, goalId: goal.id }, {
        method: 'PATCH',
        body: { progress: 30, version: goal.version },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'deleteGoal',
    scope: 'pair',
    prepare: async (h, c) => {
      const goal = await addGoal(h, c, c.relationship.id);
      return call('/api/relationships/{relationshipId}/goals/{goalId}', { relationshipId: c.relationship.id, goalId: goal.id }, {
        method: 'DELETE',
        headers: { 'if-match': goal.version },
        member: c.mentee,
        nonMember: c.stranger,
        okStatus: 204,
      });
    },
  },
  {
    name: 'getRoadmap',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/roadmap', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'saveRoadmap',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/roadmap', { relationshipId: c.relationship.id }, {
        method: 'PUT',
        body: { themes: [{ title: 'Power BI basics', notes: 'Connect to Excel', meetingNumbers: [1] }, { title: 'Copilot', notes: '', meetingNumbers: [2] }] },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 200,
      }),
  },
  {
    name: 'listRoadmapTemplates',
    scope: 'self',
    prepare: async (_h, c) => call('/api/roadmap-templates?reverse=true', {}, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'listActionItems',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/action-items', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentor, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'addActionItem',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/action-items', { relationshipId: c.relationship.id }, {
        method: 'POST',
        body: { title: 'Install Power BI Desktop', ownerId: c.relationship.menteeId, dueDate: '2026-12-08' },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 201,
      }),
  },
  {
    name: 'getTodoSync',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/todo', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'setTodoSync',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/todo', { relationshipId: c.relationship.id }, { method: 'PUT', body: { enabled: true }, member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'updateActionItem',
    scope: 'pair',
    prepare: async (h, c) => {
      const item = await ok(h, c.mentor, 'POST', `/api/relationships/${c.relationship.id}/action-items`, { title: 'Read the guide', ownerId: c.relationship.menteeId });
      return call('/api/relationships/{relationshipId}/action-items/{itemId}', { relationshipId: c.relationship.id, itemId: item.id }, {
        method: 'PATCH',
        body: { status: 'done', version: item.version },
        member: c.mentee,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'listAgreementVersions',
    scope: 'pair',
    prepare: async (h, c) => {
      await ok(h, c.mentee, 'POST', `/api/relationships/${c.relationship.id}/agreement`, { agreement: agreementFor(c.relationship), note: 'Proposal' });
      return call('/api/relationships/{relationshipId}/agreement/versions', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentor, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'listCheckIns',
    scope: 'pair',
    prepare: async (_h, c) =>
      call('/api/relationships/{relationshipId}/checkins', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 }),
  },
  {
    name: 'getMyCheckIn',
    scope: 'pair',
    prepare: async (h, c) => {
      const meetingId = await addMeeting(h, c, c.relationship.id);
      await ok(h, c.mentee, 'PUT', `/api/relationships/${c.relationship.id}/meetings/${meetingId}/checkin`, { ...CHECK_IN, privateNote: 'I felt slow' });
      return call('/api/relationships/{relationshipId}/meetings/{meetingId}/checkin', { relationshipId: c.relationship.id, meetingId }, {
        method: 'GET',
        member: c.mentee,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'submitCheckIn',
    scope: 'pair',
    prepare: async (h, c) => {
      const meetingId = await addMeeting(h, c, c.relationship.id);
      return call('/api/relationships/{relationshipId}/meetings/{meetingId}/checkin', { relationshipId: c.relationship.id, meetingId }, {
        method: 'PUT',
        body: { ...CHECK_IN, privateNote: 'Note to self' },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'proposeSlots',
    scope: 'pair',
    prepare: async (h, c) => {
      await activeAgreement(h, c);
      return call('/api/relationships/{relationshipId}/slots', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentee, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'readUnbookedMeetings',
    scope: 'pair',
    prepare: async (h, c) => {
      await activeAgreement(h, c);
      return call('/api/relationships/{relationshipId}/unbooked-meetings', { relationshipId: c.relationship.id }, { method: 'GET', member: c.mentor, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'bookMeetings',
    scope: 'pair',
    prepare: async (h, c) => {
      await activeAgreement(h, c);
      return call('/api/relationships/{relationshipId}/meetings', { relationshipId: c.relationship.id }, { method: 'POST', body: { scope: 'next' }, member: c.mentee, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'findMeetingByICalUId',
    scope: 'pair',
    prepare: async (h, c) => {
      const meeting = await bookedMeeting(h, c);
      const stored = await h.api.services.repositories.relationships.meetings.get(c.tenantId, c.relationship.id, meeting.id);
      const iCalUId = stored.ok ? stored.value.iCalUId : undefined;
      if (!iCalUId) throw new Error('the booked meeting carries no iCalUId');
      return call('/api/meetings/by-ical-uid/{iCalUId}', { iCalUId }, { method: 'GET', member: c.mentor, nonMember: c.stranger, okStatus: 200 });
    },
  },
  {
    name: 'checkMeetingBoundaries',
    scope: 'pair',
    prepare: async (h, c) => {
      const meeting = (await bookedMeeting(h, c)) as unknown as { id: string; start: string; end: string };
      return call('/api/relationships/{relationshipId}/meetings/{meetingId}/boundary-check', { relationshipId: c.relationship.id, meetingId: meeting.id }, {
        method: 'POST',
        body: { start: meeting.start, end: meeting.end },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'rescheduleMeeting',
    scope: 'pair',
    prepare: async (h, c) => {
      const meeting = await bookedMeeting(h, c);
      const slots = await ok(h, c.mentee, 'GET', `/api/relationships/${c.relationship.id}/slots`);
      return call('/api/relationships/{relationshipId}/meetings/{meetingId}', { relationshipId: c.relationship.id, meetingId: meeting.id }, {
        method: 'PATCH',
        body: { start: slots.slots[0].start, version: meeting.version },
        member: c.mentor,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'cancelMeeting',
    scope: 'pair',
    prepare: async (h, c) => {
      const meeting = await bookedMeeting(h, c);
      return call('/api/relationships/{relationshipId}/meetings/{meetingId}', { relationshipId: c.relationship.id, meetingId: meeting.id }, {
        method: 'DELETE',
        body: { comment: 'Travel, sorry', version: meeting.version },
        member: c.mentee,
        nonMember: c.stranger,
        okStatus: 200,
      });
    },
  },
  {
    name: 'refreshAgendas',
    scope: 'pair',
    prepare: async (h, c) => {
      await bookedMeeting(h, c);
      return call('/api/relationships/{relationshipId}/agendas/refresh', { relationshipId: c.relationship.id }, { method: 'POST', member: c.mentor, nonMember: c.stranger, okStatus: 200 });
    },
  },
];

/** The agreement proposed by the mentee and accepted by the mentor: what booking needs. */
async function activeAgreement(h: ApiHarness, c: Cast & { relationship: Relationship }): Promise<void> {
  const proposed = await ok(h, c.mentee, 'POST', `/api/relationships/${c.relationship.id}/agreement`, { agreement: agreementFor(c.relationship), note: 'Proposal' });
  await ok(h, c.mentor, 'POST', `/api/relationships/${c.relationship.id}/agreement/1/accept`, { version: proposed.versions[0].version });
}

/** The pair's next meeting, booked through the API into the local calendar. */
export async function bookedMeeting(h: ApiHarness, c: Cast & { relationship: Relationship }): Promise<{ id: string; version: string }> {
  await activeAgreement(h, c);
  const booked = await ok(h, c.mentee, 'POST', `/api/relationships/${c.relationship.id}/meetings`, { scope: 'next' });
  return booked.meetings[0];
}

/** A one-pair cohort whose windows meet every Monday morning in London and Warsaw. */
export function cohortBody(menteeId: string, mentorId: string) {
  const monday = [{ weekday: 1, start: '09:00', end: '12:00' }];
  return {
    mentees: [{ personId: menteeId, seniority: 'junior', skillsToLearn: ['power bi'], languages: ['en'], availability: { timeZone: 'Europe/London', meetingWindows: monday } }],
    mentors: [
      { personId: mentorId, seniority: 'senior', skillsToTeach: ['power bi'], languages: ['en'], capacity: 1, openToReverseMentoring: false, availability: { timeZone: 'Europe/Warsaw', meetingWindows: monday } },
    ],
    rules: { meetingMinutes: 60, firstDate: '2027-01-04', lastDate: '2027-03-31', reversePairs: 'allowed' },
  };
}

/** A programme's fields as an owner sends them; who may join as given. */
export function programmeBody(joinPolicy: unknown, extra: Record<string, unknown> = {}) {
  return {
    name: 'Data skills 2027',
    purpose: 'Pair analysts with people who build reports every day',
    startDate: '2027-01-04',
    endDate: '2027-06-30',
    joinPolicy,
    kind: 'both',
    matchingMode: 'cohort',
    mentorCapacity: 2,
    defaultAgreement: { cadence: { kind: 'biweekly' }, meetingMinutes: 45, meetingCount: 6 },
    roadmapTemplateIds: [],
    goals: ['Every mentee ships one report'],
    publishAs: 'accepted',
    ...extra,
  };
}

/** Joining with Monday-morning windows in London. */
export function joinBody(role: 'mentee' | 'mentor', timeZone = 'Europe/London') {
  return { role, timeZone, meetingWindows: [{ weekday: 1, start: '09:00', end: '12:00' }] };
}

/** A programme of the cast's tenant, created by its owner, open to the invited mentee and mentor. */
export async function ownedProgramme(h: ApiHarness, c: Cast): Promise<{ id: string; version: string }> {
  return ok(h, c.owner, 'POST', '/api/programmes', programmeBody({ kind: 'invited', personIds: [c.mentee.personId, c.mentor.personId] }));
}

/** The owned programme with the cast's mentee and mentor joined in those roles, windows that meet on Mondays. */
export async function joinedProgramme(h: ApiHarness, c: Cast): Promise<{ id: string; version: string }> {
  const programme = await ownedProgramme(h, c);
  await ok(h, c.mentee, 'PUT', `/api/programmes/${programme.id}/membership`, joinBody('mentee'));
  await ok(h, c.mentor, 'PUT', `/api/programmes/${programme.id}/membership`, { ...joinBody('mentor', 'Europe/Warsaw'), meetingWindows: [{ weekday: 1, start: '10:00', end: '13:00' }] });
  return programme;
}

/** A programme of the cast's tenant with one pair matched eight days ago and no agreement since: at risk from the start. */
export async function pairAtRisk(h: ApiHarness, c: Cast): Promise<{ id: string; relationshipId: string }> {
  const programme = await ownedProgramme(h, c);
  const relationshipId = `${programme.id}.1.0`;
  const made = await h.api.services.repositories.relationships.create(c.tenantId, {
    id: relationshipId,
    mentorId: c.mentor.personId,
    menteeId: c.stranger.personId,
    reverse: false,
    status: 'active',
    requestId: relationshipId,
    menteePreWork: { whatIWant: 'Dashboards', whatIBring: '', expectations: '' },
    startedAt: h.api.services.clock.now() - 8 * 86_400_000,
    reflections: {},
    programmeId: programme.id,
  });
  if (!made.ok) throw new Error(`fixture pair: ${made.error.code}`);
  return { id: programme.id, relationshipId };
}
