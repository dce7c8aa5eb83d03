import { smartCheck } from '../../../src/core/goals/smart-check';
import { validateGoalFields } from '../../../src/core/goals/validate-goal';
import { addGoal, deleteGoal, listGoals, updateGoal } from '../../../src/core/usecases/goal-use-cases';
import { call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const stranger = person('sam', 'Sam');
const emptySmart = { specific: '', measurable: '', achievable: '', relevant: '', timeBound: '' };
const fullSmart = { specific: 'Give a talk', measurable: 'One talk', achievable: 'Internal meetup', relevant: 'Visibility', timeBound: 'By June' };

describe('smartCheck', () => {
  it('lists every missing part in S-M-A-R-T order, each with a gentle hint', () => {
    const hints = smartCheck({ smart: emptySmart });
    expect(hints.map((h) => h.part)).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'timeBound']);
    expect(hints.every((h) => h.hint.length > 20 && !/must|invalid|error/i.test(h.hint))).toBe(true);
  });

  it('is empty for a complete goal', () => {
    expect(smartCheck({ smart: fullSmart })).toEqual([]);
  });

  it('counts a target date as time-bound', () => {
    expect(smartCheck({ smart: { ...fullSmart, timeBound: ' ' }, targetDate: '2026-06-30' })).toEqual([]);
    expect(smartCheck({ smart: { ...fullSmart, timeBound: ' ' } }).map((h) => h.part)).toEqual(['timeBound']);
  });
});

describe('validateGoalFields: one rule each', () => {
  it('requires a title', () => {
    expect(validateGoalFields({ title: ' ', smart: emptySmart, progress: 0 })).toMatchObject({ ok: false, error: { code: 'GOAL.TITLE_REQUIRED', field: 'title' } });
  });
  it.each(['2026-02-30', '30.06.2026', '2026-6-1'])('rejects target date %p', (targetDate) => {
    expect(validateGoalFields({ title: 'x', smart: emptySmart, progress: 0, targetDate })).toMatchObject({
      ok: false,
      error: { code: 'GOAL.TARGET_DATE_INVALID', field: 'targetDate' },
    });
  });
  it.each([-1, 101, 50.5])('rejects progress %p', (progress) => {
    expect(validateGoalFields({ title: 'x', smart: emptySmart, progress })).toMatchObject({ ok: false, error: { code: 'GOAL.PROGRESS_OUT_OF_RANGE' } });
  });
  it('accepts 29 February in a leap year', () => {
    expect(validateGoalFields({ title: 'x', smart: emptySmart, progress: 100, targetDate: '2028-02-29' }).ok).toBe(true);
  });
});

describe('goal use cases', () => {
  async function setup() {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    return { w, r };
  }

  it('adds, lists with missing parts, updates and deletes', async () => {
    const { w, r } = await setup();
    const added = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: ' Speak up ', smart: { ...emptySmart, specific: 'Talk' } })));
    expect(added.goal).toMatchObject({ title: 'Speak up', progress: 0, createdBy: 'tom' });
    expect(added.missing.map((h) => h.part)).toEqual(['measurable', 'achievable', 'relevant', 'timeBound']);
    const updated = unwrap(
      await updateGoal(w.deps, call(mira, { relationshipId: r.id, goalId: added.goal.id, version: added.goal.version, progress: 40, targetDate: '2026-06-30', smart: { measurable: 'One talk' } })),
    );
    expect(updated.goal).toMatchObject({ progress: 40, targetDate: '2026-06-30', smart: { specific: 'Talk', measurable: 'One talk' } });
    const cleared = unwrap(await updateGoal(w.deps, call(mira, { relationshipId: r.id, goalId: added.goal.id, version: updated.goal.version, targetDate: null })));
    expect(cleared.goal).not.toHaveProperty('targetDate');
    expect(unwrap(await listGoals(w.deps, call(mira, { relationshipId: r.id })))).toHaveLength(1);
    unwrap(await deleteGoal(w.deps, call(tom, { relationshipId: r.id, goalId: added.goal.id, version: cleared.goal.version })));
    expect(unwrap(await listGoals(w.deps, call(mira, { relationshipId: r.id })))).toEqual([]);
    expect(await deleteGoal(w.deps, call(tom, { relationshipId: r.id, goalId: added.goal.id, version: cleared.goal.version }))).toMatchObject({
      ok: false,
      error: { code: 'GOAL.NOT_FOUND' },
    });
  });

  it('a rejected update changes nothing', async () => {
    const { w, r } = await setup();
    const added = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: 'Goal', smart: emptySmart })));
    const before = w.repos.snapshot();
    expect(await updateGoal(w.deps, call(tom, { relationshipId: r.id, goalId: added.goal.id, version: added.goal.version, progress: 200 }))).toMatchObject({
      ok: false,
      error: { code: 'GOAL.PROGRESS_OUT_OF_RANGE' },
    });
    expect(w.repos.snapshot()).toEqual(before);
  });

  it('strangers cannot read or write goals', async () => {
    const { w, r } = await setup();
    expect(await listGoals(w.deps, call(stranger, { relationshipId: r.id }))).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.NOT_FOUND' } });
    expect(await addGoal(w.deps, call(stranger, { relationshipId: r.id, title: 'x', smart: emptySmart }))).toMatchObject({
      ok: false,
      error: { code: 'RELATIONSHIP.NOT_FOUND' },
    });
  });

  it('50 concurrent updates from the same version: exactly one lands, the rest conflict, none is lost silently', async () => {
    const { w, r } = await setup();
    const added = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: 'Goal', smart: emptySmart })));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        updateGoal(w.deps, call(i % 2 ? tom : mira, { relationshipId: r.id, goalId: added.goal.id, version: added.goal.version, progress: i + 1 })),
      ),
    );
    const landed = results.filter((x) => x.ok);
    expect(landed).toHaveLength(1);
    expect(results.filter((x) => !x.ok).every((x) => !x.ok && x.error.code === 'STORAGE.CONFLICT')).toBe(true);
    const stored = unwrap(await w.repos.relationships.goals.get('tenant-a', r.id, added.goal.id));
    expect(landed[0]!.ok && landed[0]!.value.goal.progress).toBe(stored.progress);
  });

  it('50 concurrent updates that each re-read on conflict all land eventually', async () => {
    const { w, r } = await setup();
    const added = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: 'Goal', smart: emptySmart })));
    let landed = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        for (;;) {
          const current = unwrap(await w.repos.relationships.goals.get('tenant-a', r.id, added.goal.id));
          const result = await updateGoal(w.deps, call(tom, { relationshipId: r.id, goalId: added.goal.id, version: current.version, title: `${current.title}+${i}` }));
          if (result.ok) {
            landed += 1;
            return;
          }
          expect(result.error.code).toBe('STORAGE.CONFLICT');
        }
      }),
    );
    expect(landed).toBe(50);
    const title = unwrap(await w.repos.relationships.goals.get('tenant-a', r.id, added.goal.id)).title;
    for (let i = 0; i < 50; i += 1) expect(title).toContain(`+${i}`);
  });
});
