import type { ActionItem } from '../../../src/core/actions/action-item';
import { openActionItems, validateActionItemFields } from '../../../src/core/actions/action-item-rules';
import { addActionItem, listActionItems, updateActionItem } from '../../../src/core/usecases/action-item-use-cases';
import { call, MentoringWorld, NOW, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const pair = { mentorId: 'mira', menteeId: 'tom' };

describe('validateActionItemFields: one rule each', () => {
  it('requires a title', () => {
    expect(validateActionItemFields({ title: ' ', ownerId: 'tom' }, pair)).toMatchObject({ ok: false, error: { code: 'ACTION_ITEM.TITLE_REQUIRED', field: 'title' } });
  });
  it('requires the owner to be one of the pair', () => {
    expect(validateActionItemFields({ title: 'x', ownerId: 'sam' }, pair)).toMatchObject({ ok: false, error: { code: 'ACTION_ITEM.OWNER_NOT_IN_PAIR', field: 'ownerId' } });
  });
  it('requires a real due date', () => {
    expect(validateActionItemFields({ title: 'x', ownerId: 'tom', dueDate: '2026-13-01' }, pair)).toMatchObject({
      ok: false,
      error: { code: 'ACTION_ITEM.DUE_DATE_INVALID', field: 'dueDate' },
    });
  });
});

describe('openActionItems', () => {
  const item = (id: string, dueDate: string | undefined, status: 'open' | 'done' = 'open', createdAt = 0): ActionItem => ({
    id,
    title: id,
    ownerId: 'tom',
    ...(dueDate ? { dueDate } : {}),
    status,
    origin: { kind: 'manual' },
    createdBy: 'tom',
    createdAt,
    updatedAt: 0,
    version: '1',
  });
  it('carries open items forward: dated first by date, then undated by creation', () => {
    const items = [item('c', undefined, 'open', 2), item('b', '2026-03-10'), item('done', '2026-03-01', 'done'), item('a', '2026-03-05'), item('d', undefined, 'open', 1)];
    expect(openActionItems(items).map((i) => i.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(items.map((i) => i.id)).toEqual(['c', 'b', 'done', 'a', 'd']);
  });
});

describe('action item use cases', () => {
  it('adds, completes, reopens and filters by status', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    const added = unwrap(await addActionItem(w.deps, call(mira, { relationshipId: r.id, title: 'Read the chapter', ownerId: 'tom', dueDate: '2026-03-09' })));
    expect(added).toMatchObject({ status: 'open', origin: { kind: 'manual' }, createdBy: 'mira' });
    const done = unwrap(await updateActionItem(w.deps, call(tom, { relationshipId: r.id, itemId: added.id, version: added.version, status: 'done' }), ));
    expect(done).toMatchObject({ status: 'done', completedAt: NOW });
    expect(unwrap(await listActionItems(w.deps, call(tom, { relationshipId: r.id, status: 'open' })))).toEqual([]);
    const reopened = unwrap(await updateActionItem(w.deps, call(tom, { relationshipId: r.id, itemId: added.id, version: done.version, status: 'open', dueDate: null })));
    expect(reopened).not.toHaveProperty('completedAt');
    expect(reopened).not.toHaveProperty('dueDate');
  });

  it('rejects an owner outside the pair and a stale version, changing nothing', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    const added = unwrap(await addActionItem(w.deps, call(mira, { relationshipId: r.id, title: 'x', ownerId: 'tom' })));
    const before = w.repos.snapshot();
    expect(await addActionItem(w.deps, call(mira, { relationshipId: r.id, title: 'x', ownerId: 'sam' }))).toMatchObject({ ok: false, error: { code: 'ACTION_ITEM.OWNER_NOT_IN_PAIR' } });
    expect(await updateActionItem(w.deps, call(mira, { relationshipId: r.id, itemId: added.id, version: 'old', title: 'y' }))).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(await updateActionItem(w.deps, call(mira, { relationshipId: r.id, itemId: 'nope', version: 'x' }))).toMatchObject({ ok: false, error: { code: 'ACTION_ITEM.NOT_FOUND' } });
    expect(w.repos.snapshot()).toEqual(before);
  });

  it('is not visible to strangers', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    expect(await listActionItems(w.deps, call(person('sam'), { relationshipId: r.id }))).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.NOT_FOUND' } });
  });
});
