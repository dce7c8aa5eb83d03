/**
 * A small world for use-case tests: in-memory repositories, predictable ids, a fixed `now`, and
 * helpers that go through the real use cases to set up profiles, requests and relationships.
 */
import type { Principal, UseCaseCall } from '../../src/core/usecases/principal';
import type { MentoringDeps } from '../../src/core/usecases/deps';
import type { ProfileFields } from '../../src/core/profiles/validate-profile';
import type { Relationship } from '../../src/core/relationships/relationship';
import type { Meeting } from '../../src/core/relationships/meeting';
import type { Agreement } from '../../src/core/agreement/agreement';
import { upsertMyProfile } from '../../src/core/usecases/profile-use-cases';
import { acceptRequest, createRequest } from '../../src/core/usecases/request-use-cases';
import { InMemoryRepositories, SequentialIdGenerator } from './in-memory-repositories';

export const NOW = Date.UTC(2026, 2, 2, 9, 0); // Monday 2 March 2026, 09:00 UTC

export function person(userId: string, displayName = userId, tenantId = 'tenant-a'): Principal {
  return { tenantId, userId, displayName, roles: [] };
}

export function profileFields(overrides: Partial<ProfileFields> = {}): ProfileFields {
  return {
    jobTitle: 'Engineer',
    seniority: 'senior',
    skillsToTeach: [],
    skillsToLearn: [],
    languages: ['English'],
    timeZone: 'Europe/Warsaw',
    capacity: 2,
    openToReverseMentoring: true,
    ...overrides,
  };
}

export function call<I>(principal: Principal, input: I, now = NOW): UseCaseCall<I> {
  return { principal, input, now };
}

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function agreementFor(relationship: Pick<Relationship, 'mentorId' | 'menteeId'>, overrides: Partial<Agreement> = {}): Agreement {
  return {
    cadence: { kind: 'biweekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: '2026-03-09',
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: {
      personId: relationship.mentorId,
      timeZone: 'Europe/Warsaw',
      meetingWindows: [{ weekday: 2, start: '10:00', end: '12:00' }],
      contactChannel: 'teamsChat',
      contactHours: [{ weekday: 1, start: '09:00', end: '17:00' }],
    },
    mentee: {
      personId: relationship.menteeId,
      timeZone: 'Asia/Kolkata',
      meetingWindows: [{ weekday: 2, start: '14:00', end: '16:30' }],
      contactChannel: 'email',
      contactHours: [{ weekday: 1, start: '10:00', end: '18:00' }],
    },
    ...overrides,
  };
}

export class MentoringWorld {
  readonly repos = new InMemoryRepositories();
  readonly ids = new SequentialIdGenerator('id');
  readonly deps: MentoringDeps = { repos: this.repos, ids: this.ids };

  async profile(principal: Principal, overrides: Partial<ProfileFields> = {}) {
    return unwrap(await upsertMyProfile(this.deps, call(principal, profileFields(overrides))));
  }

  /** mentee asks mentor, mentor accepts; both get profiles first unless they have one. */
  async pair(
    mentor: Principal,
    mentee: Principal,
    options: { mentorProfile?: Partial<ProfileFields>; menteeProfile?: Partial<ProfileFields> } = {},
  ): Promise<Relationship> {
    for (const [p, o] of [
      [mentor, options.mentorProfile],
      [mentee, options.menteeProfile],
    ] as const) {
      const existing = await this.repos.profiles.get(p.tenantId, p.userId);
      if (!existing.ok) await this.profile(p, o ?? {});
    }
    const request = unwrap(
      await createRequest(
        this.deps,
        call(mentee, { mentorId: mentor.userId, note: 'Hello', preWork: { whatIWant: 'Grow', whatIBring: 'Curiosity', expectations: 'Honesty' } }),
      ),
    );
    return unwrap(await acceptRequest(this.deps, call(mentor, { requestId: request.id })));
  }

  /** Meetings are booked by the Graph work; tests put them straight into storage. */
  async meeting(principal: Principal, relationship: Relationship, fields: Partial<Meeting> & { id: string; number: number }) {
    return unwrap(
      await this.repos.relationships.meetings.create(principal.tenantId, relationship.id, {
        start: NOW - 2 * 3_600_000,
        end: NOW - 3_600_000,
        status: 'held',
        organizerId: relationship.mentorId,
        ...fields,
      }),
    );
  }
}
