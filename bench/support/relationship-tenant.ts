/**
 * The API benches' tenant: 100 people and their relationships (each with two goals, one action item
 * and one agreement version), written through the repositories before any clock starts. Shared by
 * `api.bench.ts` and `mixed-load.bench.ts`, so both time the same data.
 */
import { randomUUID } from 'node:crypto';
import type { DemoPerson } from '../../src/local/demo-people';
import type { MentoringRepositories } from '../../src/core/ports/repositories';
import { agreementVersionId } from '../../src/core/relationships/agreement-version';

export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The tenant's people (the local issuer signs tokens for them); pass them to `startLocalStack`. */
export function benchPeople(count: number): { tenantId: string; people: DemoPerson[] } {
  const tenantId = randomUUID();
  const people: DemoPerson[] = Array.from({ length: count }, (_, i) => ({
    personId: randomUUID(),
    tenantId,
    displayName: `Person ${i}`,
    email: `person${i}@bench.local`,
    jobTitle: i % 2 ? 'Developer' : 'Director',
    seniority: i % 2 ? 'junior' : 'executive',
    timeZone: i % 3 ? 'Europe/Warsaw' : 'America/New_York',
    skillsToTeach: ['power bi'],
    skillsToLearn: ['leadership'],
    languages: ['en'],
    capacity: 50,
    openToReverseMentoring: true,
    roles: [],
  }));
  return { tenantId, people };
}

export interface SeededRelationship {
  readonly id: string;
  readonly mentor: DemoPerson;
  readonly mentee: DemoPerson;
}

/** Profiles for everyone and `count` relationships among them; which relationships each person is in. */
export async function seedTenant(
  repos: MentoringRepositories,
  tenantId: string,
  people: readonly DemoPerson[],
  count: number,
  now: number,
): Promise<{ relationships: SeededRelationship[]; memberOf: Map<string, string[]> }> {
  await pool(people, 20, async (p) => {
    const created = await repos.profiles.create(tenantId, {
      userId: p.personId,
      displayName: p.displayName,
      jobTitle: p.jobTitle,
      seniority: p.seniority,
      skillsToTeach: [...p.skillsToTeach],
      skillsToLearn: [...p.skillsToLearn],
      languages: [...p.languages],
      timeZone: p.timeZone,
      capacity: p.capacity,
      openToReverseMentoring: true,
      activeMenteeCount: 0,
      createdAt: now,
      updatedAt: now,
    });
    if (!created.ok) throw new Error(created.error.code);
  });

  const memberOf = new Map<string, string[]>(people.map((p) => [p.personId, []]));
  const relationships: SeededRelationship[] = Array.from({ length: count }, (_, i) => {
    const mentor = people[i % people.length]!;
    const mentee = people[(i * 7 + 1 + Math.floor(i / people.length)) % people.length === i % people.length ? (i + 1) % people.length : (i * 7 + 1 + Math.floor(i / people.length)) % people.length]!;
    return { id: randomUUID(), mentor, mentee };
  });
  await pool(relationships, 20, async (relationship) => {
    await seedRelationship(repos, tenantId, relationship, now);
    memberOf.get(relationship.mentor.personId)!.push(relationship.id);
    memberOf.get(relationship.mentee.personId)!.push(relationship.id);
  });

  return { relationships, memberOf };
}

/** One active relationship with two goals, one open action item and an accepted agreement version. */
export async function seedRelationship(repos: MentoringRepositories, tenantId: string, { id, mentor, mentee }: SeededRelationship, now: number): Promise<void> {
  const r = repos.relationships;
  const created = await r.create(tenantId, {
    id,
    mentorId: mentor.personId,
    menteeId: mentee.personId,
    reverse: mentor.seniority === 'junior' && mentee.seniority === 'executive',
    status: 'active',
    requestId: randomUUID(),
    menteePreWork: { whatIWant: 'Learn Power BI', whatIBring: 'Strategy', expectations: 'Biweekly' },
    startedAt: now,
    reflections: {},
  });
  if (!created.ok) throw new Error(created.error.code);
  for (const n of [1, 2]) {
    await r.goals.create(tenantId, id, {
      id: `goal-${n}`,
      title: `Goal ${n}`,
      smart: { specific: 'Build a dashboard', measurable: 'Used weekly', achievable: 'Yes', relevant: 'Ops', timeBound: 'Q1' },
      progress: 20 * n,
      createdBy: mentee.personId,
      createdAt: now,
      updatedAt: now,
    });
  }
  await r.actionItems.create(tenantId, id, {
    id: 'item-1',
    title: 'Install Power BI Desktop',
    ownerId: mentee.personId,
    status: 'open',
    origin: { kind: 'manual' },
    createdBy: mentor.personId,
    createdAt: now,
    updatedAt: now,
  });
  await r.agreementVersions.create(tenantId, id, {
    id: agreementVersionId(1),
    number: 1,
    agreement: {
      cadence: { kind: 'biweekly' },
      meetingMinutes: 45,
      bufferMinutes: 10,
      minimumNoticeHours: 24,
      respectWorkingHours: true,
      firstDate: '2026-12-01',
      meetingCount: 6,
      location: { kind: 'online' },
      mentor: { personId: mentor.personId, timeZone: mentor.timeZone, meetingWindows: [{ weekday: 2, start: '14:00', end: '17:00' }], contactChannel: 'teamsChat', contactHours: [{ weekday: 2, start: '09:00', end: '17:00' }] },
      mentee: { personId: mentee.personId, timeZone: mentee.timeZone, meetingWindows: [{ weekday: 2, start: '08:00', end: '12:00' }], contactChannel: 'email', contactHours: [{ weekday: 2, start: '08:00', end: '18:00' }] },
    },
    proposedBy: mentee.personId,
    proposedAt: now,
    note: '',
    acceptedBy: [mentee.personId],
  });
}
