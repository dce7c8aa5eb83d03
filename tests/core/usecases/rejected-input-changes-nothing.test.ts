/**
 * Property: whatever a member sends (well-typed, but any values), a use case either succeeds or
 * fails with a stable code and leaves storage exactly as it was.
 */
import fc from 'fast-check';
import { addActionItem, updateActionItem } from '../../../src/core/usecases/action-item-use-cases';
import { submitCheckIn } from '../../../src/core/usecases/check-in-use-cases';
import { addGoal, updateGoal } from '../../../src/core/usecases/goal-use-cases';
import { upsertMyProfile } from '../../../src/core/usecases/profile-use-cases';
import { createRequest, declineRequest } from '../../../src/core/usecases/request-use-cases';
import { closeRelationship } from '../../../src/core/usecases/relationship-use-cases';
import { saveRoadmap } from '../../../src/core/usecases/roadmap-use-cases';
import { SENIORITY_LEVELS } from '../../../src/core/profiles/profile';
import type { Result } from '../../../src/core/result';
import { call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const smart = { specific: 's', measurable: '', achievable: '', relevant: '', timeBound: '' };

const str = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 12 }), fc.constantFrom('tom', 'mira', 'sam', 'g?', '2026-02-30', '2026-06-30'));
const num = fc.oneof(fc.integer({ min: -5, max: 205 }), fc.double({ min: -10, max: 300, noNaN: true }));
const date = fc.option(fc.constantFrom('2026-06-30', '2026-02-29', '2028-02-29', '30/06/2026', '', '2026-13-01'), { nil: undefined });

async function world() {
  const w = new MentoringWorld();
  const r = await w.pair(mira, tom);
  await w.meeting(tom, r, { id: 'm1', number: 1 });
  const goal = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: 'G', smart }))).goal;
  const item = unwrap(await addActionItem(w.deps, call(tom, { relationshipId: r.id, title: 'I', ownerId: 'tom' })));
  const ola = person('ola', 'Ola');
  await w.profile(ola);
  unwrap(await createRequest(w.deps, call(ola, { mentorId: 'mira', note: '', preWork: { whatIWant: 'x', whatIBring: '', expectations: '' } })));
  return { w, r, goal, item };
}

async function expectUnchangedWhenRejected(w: MentoringWorld, act: () => Promise<Result<unknown>>) {
  const before = w.repos.snapshot();
  const result = await act();
  if (!result.ok) {
    expect(result.error.code).toMatch(/^[A-Z_]+\.[A-Z_]+$/);
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(w.repos.snapshot()).toEqual(before);
  }
  return result;
}

describe('a rejected input changes nothing', () => {
  it('goals', async () => {
    await fc.assert(
      fc.asyncProperty(str, num, date, fc.option(str, { nil: undefined }), async (title, progress, targetDate, version) => {
        const { w, r, goal } = await world();
        await expectUnchangedWhenRejected(w, () => addGoal(w.deps, call(tom, { relationshipId: r.id, title, smart, progress, ...(targetDate ? { targetDate } : {}) })));
        await expectUnchangedWhenRejected(w, () =>
          updateGoal(w.deps, call(mira, { relationshipId: r.id, goalId: goal.id, version: version ?? goal.version, title, progress, ...(targetDate ? { targetDate } : {}) })),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('action items', async () => {
    await fc.assert(
      fc.asyncProperty(str, str, date, fc.constantFrom('open', 'done', 'maybe'), async (title, ownerId, dueDate, status) => {
        const { w, r, item } = await world();
        await expectUnchangedWhenRejected(w, () => addActionItem(w.deps, call(tom, { relationshipId: r.id, title, ownerId, ...(dueDate ? { dueDate } : {}) })));
        await expectUnchangedWhenRejected(w, () =>
          updateActionItem(w.deps, call(tom, { relationshipId: r.id, itemId: item.id, version: item.version, title, ownerId, status: status as 'open' })),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('check-ins', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ useful: str, nextSteps: str, beforeNextTime: str, changeOrFocus: str }),
        fc.array(fc.record({ goalId: str, progress: num }), { maxLength: 3 }),
        fc.array(fc.record({ title: str, ownerId: str }), { maxLength: 3 }),
        fc.constantFrom('m1', 'm2'),
        async (answers, goalProgress, newActionItems, meetingId) => {
          const { w, r } = await world();
          await expectUnchangedWhenRejected(w, () => submitCheckIn(w.deps, call(tom, { relationshipId: r.id, meetingId, answers, goalProgress, newActionItems })));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('roadmap, profile, requests and closing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ title: str, notes: str, meetingNumbers: fc.array(num, { maxLength: 3 }) }), { maxLength: 4 }),
        fc.record({ jobTitle: str, seniority: fc.constantFrom(...SENIORITY_LEVELS), timeZone: fc.constantFrom('Europe/Warsaw', 'Nowhere/City', 'India Standard Time', ''), capacity: num }),
        str,
        str,
        async (themes, profile, reason, reflectionText) => {
          const { w, r } = await world();
          await expectUnchangedWhenRejected(w, () => saveRoadmap(w.deps, call(tom, { relationshipId: r.id, themes })));
          const current = unwrap(await w.repos.profiles.get('tenant-a', 'tom'));
          await expectUnchangedWhenRejected(w, () =>
            upsertMyProfile(w.deps, call(tom, { ...profile, skillsToTeach: [], skillsToLearn: [reason], languages: [], openToReverseMentoring: true, version: current.version })),
          );
          const requests = unwrap(await w.repos.requests.listForPerson('tenant-a', 'mira'));
          const open = requests.find((q) => q.status === 'open');
          if (open) await expectUnchangedWhenRejected(w, () => declineRequest(w.deps, call(mira, { requestId: open.id, reason })));
          await expectUnchangedWhenRejected(w, () =>
            closeRelationship(w.deps, call(tom, { relationshipId: r.id, reflection: { whatWorked: reflectionText, whatToImprove: '', keyTakeaway: '' } })),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});
