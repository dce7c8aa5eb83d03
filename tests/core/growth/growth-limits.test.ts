/**
 * The growth caps in the use cases (pure, with the in-memory repositories): agreement versions and
 * the open items a check-in may add; each refusal has its code and writes nothing. And paging.
 */
import { GROWTH_LIMITS } from '../../../src/core/growth/growth-limits';
import { chronologicalKey, pageOf } from '../../../src/core/growth/paging';
import { proposeAgreement } from '../../../src/core/usecases/agreement-use-cases';
import { addActionItem } from '../../../src/core/usecases/action-item-use-cases';
import { submitCheckIn } from '../../../src/core/usecases/check-in-use-cases';
import { agreementFor, call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');

it(`an agreement keeps at most ${GROWTH_LIMITS.agreementVersions} versions: the next proposal is AGREEMENT.TOO_MANY_VERSIONS`, async () => {
  const w = new MentoringWorld();
  const r = await w.pair(mira, tom);
  for (let n = 1; n <= GROWTH_LIMITS.agreementVersions; n++) {
    unwrap(await proposeAgreement(w.deps, call(n % 2 ? mira : tom, { relationshipId: r.id, agreement: agreementFor(r), note: '', ...(n > 1 ? { basedOnVersion: n - 1 } : {}) })));
  }
  const before = unwrap(await w.repos.relationships.agreementVersions.list('tenant-a', r.id));
  const over = await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '', basedOnVersion: GROWTH_LIMITS.agreementVersions }));
  expect(over).toMatchObject({ ok: false, error: { code: 'AGREEMENT.TOO_MANY_VERSIONS' } });
  expect(unwrap(await w.repos.relationships.agreementVersions.list('tenant-a', r.id))).toEqual(before);
});

it('a check-in whose new items would pass the open-item cap is refused whole (ACTION_ITEM.TOO_MANY_OPEN on newActionItems)', async () => {
  const w = new MentoringWorld();
  const r = await w.pair(mira, tom);
  await w.meeting(tom, r, { id: 'm1', number: 1 });
  for (let i = 0; i < GROWTH_LIMITS.openActionItems - 1; i++) unwrap(await addActionItem(w.deps, call(tom, { relationshipId: r.id, title: `Step ${i}`, ownerId: 'tom' })));
  const answers = { useful: 'Good', nextSteps: '', beforeNextTime: '', changeOrFocus: '' };
  const items = [
    { title: 'A', ownerId: 'tom' },
    { title: 'B', ownerId: 'tom' },
  ];
  const refused = await submitCheckIn(w.deps, call(tom, { relationshipId: r.id, meetingId: 'm1', answers, goalProgress: [], newActionItems: items }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'ACTION_ITEM.TOO_MANY_OPEN', field: 'newActionItems', details: { open: 99, adding: 2, limit: 100 } } });
  expect(refused.ok ? '' : refused.error.message).toMatch(/room for 1 more/);
  expect(unwrap(await w.repos.relationships.checkIns.list('tenant-a', r.id))).toEqual([]);
  unwrap(await submitCheckIn(w.deps, call(tom, { relationshipId: r.id, meetingId: 'm1', answers, goalProgress: [], newActionItems: items.slice(0, 1) })));
});

it('pages cut at a position, so an item added while paging does not shift the next page; the size is capped', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}`, at: 1000 + i }));
  const key = (i: { id: string; at: number }) => chronologicalKey(i.at, i.id);
  const first = pageOf(items, key, { pageSize: 3 });
  expect(first.items.map((i) => i.id)).toEqual(['i0', 'i1', 'i2']);
  const grown = [{ id: 'early', at: 500 }, ...items];
  const second = pageOf(grown, key, { pageSize: 3, after: first.nextAfter! });
  expect(second.items.map((i) => i.id)).toEqual(['i3', 'i4', 'i5']);
  const last = pageOf(grown, key, { pageSize: 3, after: second.nextAfter! });
  expect(last).toEqual({ items: [{ id: 'i6', at: 1006 }] });
  expect(pageOf(Array.from({ length: 150 }, (_, i) => ({ id: `x${i}`, at: i })), key, { pageSize: 1000 }).items).toHaveLength(100);
});
