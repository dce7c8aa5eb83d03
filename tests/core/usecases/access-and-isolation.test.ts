/**
 * Every use case on a relationship, called as a member, as a stranger in the same tenant and as a
 * user of another tenant (even with the same user id): only the member gets through, and the
 * others get exactly the answer a missing relationship gives — nothing about the pair leaks.
 */
import type { Principal } from '../../../src/core/usecases/principal';
import type { Result } from '../../../src/core/result';
import { acceptAgreement, proposeAgreement } from '../../../src/core/usecases/agreement-use-cases';
import { addActionItem, listActionItems, updateActionItem } from '../../../src/core/usecases/action-item-use-cases';
import { getMyCheckIn, listCheckIns, submitCheckIn } from '../../../src/core/usecases/check-in-use-cases';
import { checkInId } from '../../../src/core/checkins/check-in';
import { addGoal, deleteGoal, listGoals, updateGoal } from '../../../src/core/usecases/goal-use-cases';
import { closeRelationship, getRelationshipDetail } from '../../../src/core/usecases/relationship-use-cases';
import { getRoadmap, saveRoadmap } from '../../../src/core/usecases/roadmap-use-cases';
import { agreementFor, call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const stranger = person('sam', 'Sam');
const otherTenantSameId = person('tom', 'Tom', 'tenant-b');
const emptySmart = { specific: 's', measurable: '', achievable: '', relevant: '', timeBound: '' };

async function seeded() {
  const w = new MentoringWorld();
  const r = await w.pair(mira, tom);
  await w.meeting(tom, r, { id: 'm1', number: 1 });
  const goal = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: 'G', smart: emptySmart }))).goal;
  const item = unwrap(await addActionItem(w.deps, call(tom, { relationshipId: r.id, title: 'I', ownerId: 'tom' })));
  unwrap(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '' })));
  unwrap(
    await submitCheckIn(w.deps, call(mira, {
      relationshipId: r.id,
      meetingId: 'm1',
      answers: { useful: 'u', nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
      goalProgress: [],
      newActionItems: [],
      privateNote: 'mira-private',
    })),
  );
  return { w, r, goal, item };
}

type Seeded = Awaited<ReturnType<typeof seeded>>;
type Act = (s: Seeded, p: Principal, relationshipId: string) => Promise<Result<unknown>>;

const acts: Record<string, Act> = {
  detail: ({ w }, p, id) => getRelationshipDetail(w.deps, call(p, { relationshipId: id })),
  close: ({ w }, p, id) => closeRelationship(w.deps, call(p, { relationshipId: id, reflection: { whatWorked: 'x', whatToImprove: '', keyTakeaway: '' } })),
  proposeAgreement: ({ w, r }, p, id) => proposeAgreement(w.deps, call(p, { relationshipId: id, agreement: agreementFor(r), note: '', basedOnVersion: 1 })),
  acceptAgreement: ({ w }, p, id) => acceptAgreement(w.deps, call(p, { relationshipId: id, versionNumber: 1 })),
  listGoals: ({ w }, p, id) => listGoals(w.deps, call(p, { relationshipId: id })),
  addGoal: ({ w }, p, id) => addGoal(w.deps, call(p, { relationshipId: id, title: 'x', smart: emptySmart })),
  updateGoal: ({ w, goal }, p, id) => updateGoal(w.deps, call(p, { relationshipId: id, goalId: goal.id, version: goal.version, progress: 5 })),
  deleteGoal: ({ w, goal }, p, id) => deleteGoal(w.deps, call(p, { relationshipId: id, goalId: goal.id, version: goal.version })),
  getRoadmap: ({ w }, p, id) => getRoadmap(w.deps, call(p, { relationshipId: id })),
  saveRoadmap: ({ w }, p, id) => saveRoadmap(w.deps, call(p, { relationshipId: id, themes: [{ title: 't', notes: '', meetingNumbers: [1] }] })),
  listActionItems: ({ w }, p, id) => listActionItems(w.deps, call(p, { relationshipId: id })),
  addActionItem: ({ w }, p, id) => addActionItem(w.deps, call(p, { relationshipId: id, title: 'x', ownerId: 'tom' })),
  updateActionItem: ({ w, item }, p, id) => updateActionItem(w.deps, call(p, { relationshipId: id, itemId: item.id, version: item.version, status: 'done' })),
  listCheckIns: ({ w }, p, id) => listCheckIns(w.deps, call(p, { relationshipId: id })),
  getMyCheckIn: ({ w }, p, id) => getMyCheckIn(w.deps, call(p, { relationshipId: id, meetingId: 'm1' })),
  // An edit of my earlier check-in, with the version I read (an edit without one is CHECKIN.VERSION_REQUIRED).
  submitCheckIn: async ({ w }, p, id) => {
    const mine = await w.deps.repos.relationships.checkIns.get(p.tenantId, id, checkInId('m1', p.userId));
    return submitCheckIn(w.deps, call(p, {
      relationshipId: id,
      meetingId: 'm1',
      answers: { useful: 'x', nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
      goalProgress: [],
      newActionItems: [],
      ...(mine.ok ? { version: mine.value.version } : {}),
    }));
  },
};

describe.each(Object.entries(acts))('%s', (_name, act) => {
  it('works for a member of the pair', async () => {
    const s = await seeded();
    const result = await act(s, mira, s.r.id);
    expect(result.ok ? 'ok' : result.error.code).toBe('ok');
  });

  it.each([
    ['a stranger in the same tenant', stranger],
    ['a user of another tenant with the same user id', otherTenantSameId],
  ])('answers %s exactly as for a missing relationship, and changes nothing', async (_who, outsider) => {
    const s = await seeded();
    const before = s.w.repos.snapshot();
    const missing = await act(s, outsider, 'no-such-relationship');
    const result = await act(s, outsider, s.r.id);
    expect(result).toEqual(missing);
    expect(result).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.NOT_FOUND' } });
    expect(JSON.stringify(result)).not.toMatch(/mira|tom|private/i);
    expect(s.w.repos.snapshot()).toEqual(before);
  });
});
