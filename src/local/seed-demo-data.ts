/**
 * Seeds the local tenants through the same use cases the API runs: a profile for every demo person
 * and, in Contoso, one reverse-mentoring pair (a junior developer mentoring the COO on digital
 * tools) with an accepted request. Idempotent: what exists is left alone, so a restart with data on
 * disk changes nothing.
 */
import type { MentoringDeps } from '../core/usecases/deps';
import type { Principal } from '../core/usecases/principal';
import { acceptRequest, createRequest, upsertMyProfile } from '../core/usecases';
import type { Clock } from '../core/ports/clock';
import { CONTOSO, DEMO_PEOPLE, type DemoPerson } from './demo-people';

export const DEMO_MENTEE_ID = 'a0000001-0000-4000-8000-000000000001';
export const DEMO_MENTOR_ID = 'a0000002-0000-4000-8000-000000000002';

export function principalOf(person: DemoPerson): Principal {
  return { tenantId: person.tenantId, userId: person.personId, displayName: person.displayName, roles: person.roles };
}

export interface SeedReport {
  readonly profilesCreated: number;
  readonly pairsCreated: number;
}

export async function seedDemoData(deps: MentoringDeps, clock: Clock, people: readonly DemoPerson[] = DEMO_PEOPLE): Promise<SeedReport> {
  let profilesCreated = 0;
  for (const person of people) {
    const principal = principalOf(person);
    const existing = await deps.repos.profiles.get(person.tenantId, person.personId);
    if (existing.ok) continue;
    if (existing.error.code !== 'STORAGE.NOT_FOUND') throw new Error(`Seeding failed reading ${person.displayName}: ${existing.error.code}`);
    const created = await upsertMyProfile(deps, {
      principal,
      now: clock.now(),
      input: {
        jobTitle: person.jobTitle,
        seniority: person.seniority,
        skillsToTeach: person.skillsToTeach,
        skillsToLearn: person.skillsToLearn,
        languages: person.languages,
        timeZone: person.timeZone,
        capacity: person.capacity,
        openToReverseMentoring: person.openToReverseMentoring,
      },
    });
    if (!created.ok && created.error.code !== 'STORAGE.ALREADY_EXISTS') {
      throw new Error(`Seeding the profile of ${person.displayName} failed: ${created.error.code} ${created.error.message}`);
    }
    if (created.ok) profilesCreated += 1;
  }

  const mentee = people.find((p) => p.personId === DEMO_MENTEE_ID && p.tenantId === CONTOSO.tenantId);
  const mentor = people.find((p) => p.personId === DEMO_MENTOR_ID && p.tenantId === CONTOSO.tenantId);
  if (!mentee || !mentor) return { profilesCreated, pairsCreated: 0 };
  const requests = await deps.repos.requests.listForPerson(CONTOSO.tenantId, mentee.personId);
  if (!requests.ok) throw new Error(`Seeding failed reading requests: ${requests.error.code}`);
  if (requests.value.length > 0) return { profilesCreated, pairsCreated: 0 };

  const request = await createRequest(deps, {
    principal: principalOf(mentee),
    now: clock.now(),
    input: {
      mentorId: mentor.personId,
      note: 'Kacper, I hear you automate half of your team’s reporting. Would you teach me Power BI and Copilot?',
      preWork: {
        whatIWant: 'Build my own Power BI dashboards and use Copilot in Teams without asking for help.',
        whatIBring: 'Twenty years of running operations; happy to share how decisions get made at the top.',
        expectations: 'Every two weeks, 45 minutes, mornings in New York; honest feedback when I am slow.',
      },
    },
  });
  if (!request.ok) throw new Error(`Seeding the demo request failed: ${request.error.code} ${request.error.message}`);
  const accepted = await acceptRequest(deps, { principal: principalOf(mentor), now: clock.now(), input: { requestId: request.value.id } });
  if (!accepted.ok) throw new Error(`Seeding the demo pair failed: ${accepted.error.code} ${accepted.error.message}`);
  return { profilesCreated, pairsCreated: 1 };
}
