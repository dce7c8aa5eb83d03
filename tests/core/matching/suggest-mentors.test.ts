import { createRequest } from '../../../src/core/usecases';
import { suggestMentors } from '../../../src/core/usecases/mentor-suggestion-use-cases';
import { call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

describe('suggestMentors', () => {
  it('uses my profile to match and stays inside my tenant', async () => {
    const world = new MentoringWorld();
    const me = person('me', 'Me');
    await world.profile(me, { seniority: 'executive', skillsToLearn: ['Teams'] });
    await world.profile(person('kim', 'Kim'), { seniority: 'junior', skillsToTeach: ['Teams'] });
    await world.profile(person('other', 'Other', 'tenant-b'), { skillsToTeach: ['Teams'] });
    const suggestions = unwrap(await suggestMentors(world.deps, call(me, {})));
    expect(suggestions.map((s) => s.mentor.userId)).toEqual(['kim']);
    expect(suggestions[0]?.reverse).toBe(true);
  });

  it('works before I have a profile, from the query alone', async () => {
    const world = new MentoringWorld();
    await world.profile(person('kim', 'Kim'), { skillsToTeach: ['Teams'] });
    const suggestions = unwrap(await suggestMentors(world.deps, call(person('new'), { skill: 'teams' })));
    expect(suggestions.map((s) => s.mentor.userId)).toEqual(['kim']);
    expect(suggestions[0]?.reverse).toBe(false);
  });

  it('never offers my current mentor or a mentor I already asked, and offers them again once free', async () => {
    const world = new MentoringWorld();
    const me = person('me', 'Me');
    const [kim, lee, max] = [person('kim', 'Kim'), person('lee', 'Lee'), person('max', 'Max')];
    await world.profile(me, { skillsToLearn: ['Teams'] });
    for (const mentor of [kim, lee, max]) await world.profile(mentor, { skillsToTeach: ['Teams'], capacity: 3 });
    await world.pair(kim, me);
    unwrap(await createRequest(world.deps, call(me, { mentorId: 'lee', note: '', preWork: { whatIWant: 'Teams', whatIBring: '', expectations: '' } })));
    const suggestions = unwrap(await suggestMentors(world.deps, call(me, { skill: 'teams' })));
    expect(suggestions.map((s) => s.mentor.userId)).toEqual(['max']);
  });
});
