import { validateProfileFields } from '../../../src/core/profiles/validate-profile';
import { getMyProfile, getPublicProfile, upsertMyProfile } from '../../../src/core/usecases/profile-use-cases';
import { call, MentoringWorld, person, profileFields, unwrap } from '../../fakes/mentoring-world';

const ada = person('ada', 'Ada Lovelace');
const bob = person('bob', 'Bob');

describe('validateProfileFields: one rule each', () => {
  it('accepts a complete profile and normalises labels and zones', () => {
    const result = validateProfileFields(
      profileFields({
        jobTitle: '  Staff   engineer ',
        skillsToTeach: [' TypeScript ', 'typescript', 'Azure'],
        timeZone: 'Europe/Kiev',
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: { jobTitle: 'Staff engineer', skillsToTeach: ['TypeScript', 'Azure'], timeZone: 'Europe/Kyiv' },
    });
  });

  it('requires a job title', () => {
    expect(validateProfileFields(profileFields({ jobTitle: '  ' }))).toMatchObject({
      ok: false,
      error: { code: 'PROFILE.JOB_TITLE_REQUIRED', field: 'jobTitle' },
    });
  });

  it('rejects an unknown seniority level', () => {
    expect(validateProfileFields(profileFields({ seniority: 'boss' as never }))).toMatchObject({
      ok: false,
      error: { code: 'PROFILE.SENIORITY_UNKNOWN', field: 'seniority' },
    });
  });

  it('rejects a blank skill, naming the entry', () => {
    expect(validateProfileFields(profileFields({ skillsToLearn: ['Go', ' '] }))).toMatchObject({
      ok: false,
      error: { code: 'PROFILE.BLANK_ENTRY', field: 'skillsToLearn[1]' },
    });
  });

  it('rejects an unknown time zone', () => {
    expect(validateProfileFields(profileFields({ timeZone: 'Mars/Olympus' }))).toMatchObject({
      ok: false,
      error: { code: 'TIME.UNKNOWN_ZONE', field: 'timeZone' },
    });
  });

  it.each([-1, 1.5, 11])('rejects capacity %p', (capacity) => {
    expect(validateProfileFields(profileFields({ capacity }))).toMatchObject({
      ok: false,
      error: { code: 'PROFILE.CAPACITY_OUT_OF_RANGE', field: 'capacity' },
    });
  });
});

describe('profile use cases', () => {
  it('creates my profile with my name from the token, then reads it back', async () => {
    const world = new MentoringWorld();
    const created = unwrap(await upsertMyProfile(world.deps, call(ada, profileFields({ skillsToTeach: ['Azure'] }))));
    expect(created).toMatchObject({ userId: 'ada', displayName: 'Ada Lovelace', activeMenteeCount: 0, skillsToTeach: ['Azure'] });
    expect(unwrap(await getMyProfile(world.deps, call(ada, undefined)))).toEqual(created);
  });

  it('answers PROFILE.NOT_FOUND before I have a profile', async () => {
    const world = new MentoringWorld();
    expect(await getMyProfile(world.deps, call(ada, undefined))).toMatchObject({ ok: false, error: { code: 'PROFILE.NOT_FOUND' } });
  });

  it('updates with the version read, keeps the mentee count, refuses a stale version', async () => {
    const world = new MentoringWorld();
    const first = await world.profile(ada);
    const second = unwrap(await upsertMyProfile(world.deps, call(ada, { ...profileFields({ capacity: 3 }), version: first.version })));
    expect(second).toMatchObject({ capacity: 3, activeMenteeCount: 0, createdAt: first.createdAt });
    const before = world.repos.snapshot();
    expect(await upsertMyProfile(world.deps, call(ada, { ...profileFields({ capacity: 1 }), version: first.version }))).toMatchObject({
      ok: false,
      error: { code: 'STORAGE.CONFLICT' },
    });
    expect(world.repos.snapshot()).toEqual(before);
  });

  it('requires the version to change an existing profile', async () => {
    const world = new MentoringWorld();
    await world.profile(ada);
    expect(await upsertMyProfile(world.deps, call(ada, profileFields()))).toMatchObject({
      ok: false,
      error: { code: 'PROFILE.VERSION_REQUIRED', field: 'version' },
    });
  });

  it('shows a public profile without the counters, with capacity left', async () => {
    const world = new MentoringWorld();
    await world.profile(ada, { capacity: 3 });
    const view = unwrap(await getPublicProfile(world.deps, call(bob, { personId: 'ada' })));
    expect(view).toMatchObject({ userId: 'ada', capacityLeft: 3 });
    expect(view).not.toHaveProperty('activeMenteeCount');
    expect(view).not.toHaveProperty('version');
  });

  it('does not find a person of another tenant', async () => {
    const world = new MentoringWorld();
    await world.profile(ada);
    const stranger = person('eve', 'Eve', 'tenant-b');
    expect(await getPublicProfile(world.deps, call(stranger, { personId: 'ada' }))).toMatchObject({
      ok: false,
      error: { code: 'PROFILE.NOT_FOUND' },
    });
  });
});
