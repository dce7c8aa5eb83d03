import { closeRelationship, getRelationshipDetail, listMyRelationships } from '../../../src/core/usecases/relationship-use-cases';
import { submitCheckIn } from '../../../src/core/usecases/check-in-use-cases';
import { call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const stranger = person('sam', 'Sam');
const otherTenant = person('mira', 'Mira', 'tenant-b');

const reflection = { whatWorked: 'Regular talks', whatToImprove: 'More prep', keyTakeaway: 'Ask early' };

describe('relationships', () => {
  it('lists mine with my role and the partner named', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    expect(unwrap(await listMyRelationships(w.deps, call(tom, undefined)))).toEqual([
      { relationship: r, myRole: 'mentee', partner: { userId: 'mira', displayName: 'Mira', jobTitle: 'Engineer' } },
    ]);
    expect(unwrap(await listMyRelationships(w.deps, call(stranger, undefined)))).toEqual([]);
    expect(unwrap(await listMyRelationships(w.deps, call(otherTenant, undefined)))).toEqual([]);
  });

  it('shows the detail only to members; strangers and other tenants get the same NOT_FOUND as a missing id', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    const detail = unwrap(await getRelationshipDetail(w.deps, call(mira, { relationshipId: r.id })));
    expect(detail).toMatchObject({ myRole: 'mentor', partner: { userId: 'tom' }, goals: [], meetings: [], agreement: { versions: [] } });
    const missing = await getRelationshipDetail(w.deps, call(stranger, { relationshipId: 'missing' }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.NOT_FOUND' } });
    expect(await getRelationshipDetail(w.deps, call(stranger, { relationshipId: r.id }))).toEqual(missing);
    expect(await getRelationshipDetail(w.deps, call(otherTenant, { relationshipId: r.id }))).toEqual(missing);
  });

  it('never shows the partner my private note in the detail', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    await w.meeting(tom, r, { id: 'm1', number: 1 });
    unwrap(
      await submitCheckIn(w.deps, call(tom, {
        relationshipId: r.id,
        meetingId: 'm1',
        answers: { useful: 'The demo', nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
        goalProgress: [],
        newActionItems: [],
        privateNote: 'I felt nervous',
      })),
    );
    const mine = unwrap(await getRelationshipDetail(w.deps, call(tom, { relationshipId: r.id })));
    const theirs = unwrap(await getRelationshipDetail(w.deps, call(mira, { relationshipId: r.id })));
    expect(mine.checkIns[0]?.privateNote).toBe('I felt nervous');
    expect(theirs.checkIns[0]).not.toHaveProperty('privateNote');
    expect(JSON.stringify(theirs)).not.toContain('nervous');
  });

  it('closes with a reflection from each side, in turn', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    const closed = unwrap(await closeRelationship(w.deps, call(tom, { relationshipId: r.id, reflection, version: r.version })));
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'tom', reflections: { mentee: { whatWorked: 'Regular talks' } } });
    expect(closed.reflections.mentor).toBeUndefined();
    const both = unwrap(await closeRelationship(w.deps, call(mira, { relationshipId: r.id, reflection })));
    expect(both).toMatchObject({ status: 'closed', closedBy: 'tom', closedAt: closed.closedAt });
    expect(both.reflections.mentor?.keyTakeaway).toBe('Ask early');
    expect(await closeRelationship(w.deps, call(mira, { relationshipId: r.id, reflection }))).toMatchObject({
      ok: false,
      error: { code: 'RELATIONSHIP.ALREADY_CLOSED' },
    });
  });

  it('requires some reflection to close, and changes nothing without it', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    const before = w.repos.snapshot();
    expect(
      await closeRelationship(w.deps, call(tom, { relationshipId: r.id, reflection: { whatWorked: ' ', whatToImprove: '', keyTakeaway: '' } })),
    ).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.REFLECTION_REQUIRED' } });
    expect(w.repos.snapshot()).toEqual(before);
  });

  it('a stranger cannot close it', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    expect(await closeRelationship(w.deps, call(stranger, { relationshipId: r.id, reflection }))).toMatchObject({
      ok: false,
      error: { code: 'RELATIONSHIP.NOT_FOUND' },
    });
  });

  it('closing with a stale version is a conflict', async () => {
    const w = new MentoringWorld();
    const r = await w.pair(mira, tom);
    expect(await closeRelationship(w.deps, call(tom, { relationshipId: r.id, reflection, version: 'old' }))).toMatchObject({
      ok: false,
      error: { code: 'STORAGE.CONFLICT' },
    });
  });
});
