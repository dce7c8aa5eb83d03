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
});
