import fc from 'fast-check';
import { describeReason, rankMentors, type Seeker } from '../../../src/core/matching/rank-mentors';
import { SENIORITY_LEVELS, type Profile } from '../../../src/core/profiles/profile';

function mentor(userId: string, overrides: Partial<Profile> = {}): Profile {
  return {
    userId,
    displayName: userId.toUpperCase(),
    jobTitle: 'Engineer',
    seniority: 'senior',
    skillsToTeach: ['TypeScript'],
    skillsToLearn: [],
    languages: ['English'],
    timeZone: 'Europe/Warsaw',
    capacity: 2,
    openToReverseMentoring: true,
    activeMenteeCount: 0,
    createdAt: 0,
    updatedAt: 0,
    version: '1',
    ...overrides,
  };
}

const seeker: Seeker = { userId: 'me', seniority: 'lead', skillsToLearn: ['TypeScript', 'Social media'], languages: ['Polish'] };

describe('rankMentors', () => {
  it('explains each suggestion: matched skills, reverse pairing, shared language, capacity left', () => {
    const [first] = rankMentors(seeker, [
      mentor('zoe', { seniority: 'junior', skillsToTeach: ['Social media', 'TikTok'], languages: ['polish'], capacity: 3, activeMenteeCount: 1 }),
    ]);
    expect(first?.reverse).toBe(true);
    expect(first?.reasons).toEqual([
      { kind: 'matchedSkills', skills: ['Social media'] },
      { kind: 'reversePairing', mentorSeniority: 'junior', menteeSeniority: 'lead' },
      { kind: 'sharedLanguages', languages: ['polish'] },
      { kind: 'capacityLeft', count: 2 },
    ]);
    expect(first?.reasons.map(describeReason)).toEqual([
      'Teaches Social media',
      'Reverse mentoring: a junior colleague mentoring a lead one',
      'Speaks polish like you',
      'Has room for 2 more mentees',
    ]);
  });

  it('ranks more matched skills first, then a shared language, then capacity', () => {
    const ranked = rankMentors(seeker, [
      mentor('a', { skillsToTeach: ['TypeScript'], capacity: 1 }),
      mentor('b', { skillsToTeach: ['TypeScript', 'Social media'], capacity: 1 }),
      mentor('c', { skillsToTeach: ['TypeScript'], languages: ['Polish'], capacity: 1 }),
      mentor('d', { skillsToTeach: ['TypeScript'], capacity: 3 }),
    ]);
    expect(ranked.map((s) => s.mentor.userId)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('leaves out myself, full mentors, and juniors not open to reverse mentoring', () => {
    const ranked = rankMentors(seeker, [
      mentor('me'),
      mentor('full', { capacity: 1, activeMenteeCount: 1 }),
      mentor('closed', { seniority: 'entry', openToReverseMentoring: false }),
      mentor('ok'),
    ]);
    expect(ranked.map((s) => s.mentor.userId)).toEqual(['ok']);
  });

  it('without a query, suggests only people who teach something I want to learn', () => {
    const ranked = rankMentors(seeker, [mentor('x', { skillsToTeach: ['Cooking'] }), mentor('y')]);
    expect(ranked.map((s) => s.mentor.userId)).toEqual(['y']);
  });

  it('searches by skill (case-insensitive, part of a word) and by free text', () => {
    const people = [mentor('x', { skillsToTeach: ['Cooking'], jobTitle: 'Chef' }), mentor('y')];
    expect(rankMentors(seeker, people, { skill: 'cook' }).map((s) => s.mentor.userId)).toEqual(['x']);
    expect(rankMentors(seeker, people, { text: 'CHEF' }).map((s) => s.mentor.userId)).toEqual(['x']);
    expect(rankMentors(seeker, people, { skill: 'cook' })[0]?.reasons[0]).toEqual({ kind: 'matchedSkills', skills: ['Cooking'] });
  });

  it('filters reverse pairings on request', () => {
    const people = [mentor('junior', { seniority: 'junior' }), mentor('exec', { seniority: 'executive' })];
    expect(rankMentors(seeker, people, { reverse: true }).map((s) => s.mentor.userId)).toEqual(['junior']);
    expect(rankMentors(seeker, people, { reverse: false }).map((s) => s.mentor.userId)).toEqual(['exec']);
  });

  it('caps the list', () => {
    const people = Array.from({ length: 30 }, (_, i) => mentor(`m${i}`));
    expect(rankMentors(seeker, people)).toHaveLength(20);
    expect(rankMentors(seeker, people, { limit: 5 })).toHaveLength(5);
  });

  it('is deterministic: any order of candidates gives the same ranking, and the input is not sorted in place', () => {
    const skills = ['TypeScript', 'Social media', 'Azure', 'Cooking'];
    const candidate = fc.record({
      userId: fc.string({ minLength: 1, maxLength: 6 }),
      displayName: fc.constantFrom('Ann', 'Bo', 'Cy', 'Ann'),
      seniority: fc.constantFrom(...SENIORITY_LEVELS),
      skillsToTeach: fc.subarray(skills),
      languages: fc.subarray(['English', 'Polish']),
      capacity: fc.integer({ min: 0, max: 3 }),
      activeMenteeCount: fc.integer({ min: 0, max: 3 }),
      openToReverseMentoring: fc.boolean(),
    });
    const unique = fc.uniqueArray(candidate, { selector: (c) => c.userId, maxLength: 12 });
    fc.assert(
      fc.property(unique, fc.nat(), (raw, seed) => {
        const people = raw.map((r) => mentor(r.userId, r));
        const shuffled = [...people].sort((a, b) => ((a.userId.length * 31 + seed) % 7) - ((b.userId.length * 31 + seed) % 7) || (a.userId < b.userId ? 1 : -1));
        const before = shuffled.map((p) => p.userId);
        const a = rankMentors(seeker, people);
        const b = rankMentors(seeker, shuffled);
        expect(b).toEqual(a);
        expect(shuffled.map((p) => p.userId)).toEqual(before);
        for (let i = 1; i < a.length; i += 1) expect(a[i - 1]!.score).toBeGreaterThanOrEqual(a[i]!.score);
      }),
    );
  });
});
