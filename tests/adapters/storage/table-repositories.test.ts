import type { MentoringRepositories } from '../../../src/core/ports/repositories';
import type { Profile } from '../../../src/core/profiles/profile';
import type { Relationship } from '../../../src/core/relationships/relationship';
import type { Goal } from '../../../src/core/goals/goal';
import type { MentoringRequest } from '../../../src/core/requests/mentoring-request';
import { storageFromConnectionString } from '../../../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../../../src/adapters/storage/table-document-store';
import { tableRepositories } from '../../../src/adapters/storage/table-repositories';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';

const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';
const T0 = Date.UTC(2026, 10, 23, 9, 0);

const profile = (userId: string, extra: Partial<Profile> = {}): Omit<Profile, 'version'> => ({
  userId,
  displayName: `Person ${userId}`,
  jobTitle: 'Engineer',
  seniority: 'junior',
  skillsToTeach: ['power bi'],
  skillsToLearn: ['leadership'],
  languages: ['en'],
  timeZone: 'Europe/Warsaw',
  capacity: 2,
  openToReverseMentoring: true,
  activeMenteeCount: 0,
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

const relationship = (id: string, mentorId: string, menteeId: string, startedAt = T0): Omit<Relationship, 'version'> => ({
  id,
  mentorId,
  menteeId,
  reverse: true,
  status: 'active',
  requestId: `req-${id}`,
  menteePreWork: { whatIWant: 'learn', whatIBring: 'context', expectations: 'monthly' },
  startedAt,
  reflections: {},
});

const goal = (id: string, progress = 0): Omit<Goal, 'version'> => ({
  id,
  title: `Goal ${id}`,
  smart: { specific: 's', measurable: 'm', achievable: 'a', relevant: 'r', timeBound: 't' },
  targetDate: '2027-01-31',
  progress,
  createdBy: 'mentee',
  createdAt: T0,
  updatedAt: T0,
});

const request = (id: string, menteeId: string, mentorId: string, createdAt = T0): Omit<MentoringRequest, 'version'> => ({
  id,
  menteeId,
  mentorId,
  note: 'Would you mentor me?',
  preWork: { whatIWant: 'w', whatIBring: 'b', expectations: 'e' },
  status: 'open',
  createdAt,
});

let repos: MentoringRepositories;

beforeEach(async () => {
  repos = tableRepositories(await TableDocumentStore.open(storageFromConnectionString(testStorageConnectionString()), uniqueTableName('repos')));
});

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}`);
  return result.value;
}

describe('Table Storage repositories (what only the adapter promises; the shared contract is tests/ports/mentoring-repositories.contract.test.ts)', () => {
  it('versions are the service\'s ETags', async () => {
    const created = value(await repos.profiles.create(T1, profile('b')));
    expect(created.version).toMatch(/^W\//);
  });

  it('keeps a field it does not know when reading and rewriting (rolling deployments)', async () => {
    const created = value(await repos.relationships.goals.create(T1, 'r1', { ...goal('g1'), futureField: 'kept' } as Omit<Goal, 'version'>));
    const read = value(await repos.relationships.goals.get(T1, 'r1', 'g1'));
    expect((read as unknown as { futureField: string }).futureField).toBe('kept');
    expect(read.version).toBe(created.version);
  });
});
