import { acceptAgreement, proposeAgreement } from '../../../src/core/usecases/agreement-use-cases';
import { closeRelationship } from '../../../src/core/usecases/relationship-use-cases';
import { agreementFor, call, MentoringWorld, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const stranger = person('sam', 'Sam');

async function paired() {
  const w = new MentoringWorld();
  const r = await w.pair(mira, tom);
  return { w, r };
}

describe('the agreement', () => {
  it('becomes active when both accept the same version', async () => {
    const { w, r } = await paired();
    const proposed = unwrap(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: 'First draft' })));
    expect(proposed.latest).toMatchObject({ number: 1, proposedBy: 'mira', acceptedBy: ['mira'], id: 'v000001' });
    expect(proposed.active).toBeUndefined();
    const accepted = unwrap(await acceptAgreement(w.deps, call(tom, { relationshipId: r.id, versionNumber: 1 })));
    expect(accepted.active?.number).toBe(1);
    expect(unwrap(await w.repos.relationships.get('tenant-a', r.id)).activeAgreementVersion).toBe(1);
  });

  it('keeps every version; a counter-proposal supersedes the one before', async () => {
    const { w, r } = await paired();
    unwrap(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '' })));
    const counter = unwrap(
      await proposeAgreement(w.deps, call(tom, { relationshipId: r.id, agreement: agreementFor(r, { meetingMinutes: 30 }), note: 'Shorter?', basedOnVersion: 1 })),
    );
    expect(counter.versions.map((v) => [v.number, v.agreement.meetingMinutes, v.acceptedBy])).toEqual([
      [1, 45, ['mira']],
      [2, 30, ['tom']],
    ]);
    expect(await acceptAgreement(w.deps, call(tom, { relationshipId: r.id, versionNumber: 1 }))).toMatchObject({
      ok: false,
      error: { code: 'AGREEMENT.VERSION_SUPERSEDED' },
    });
    const active = unwrap(await acceptAgreement(w.deps, call(mira, { relationshipId: r.id, versionNumber: 2 })));
    expect(active.active?.agreement.meetingMinutes).toBe(30);
  });

  it('keeps the active agreement until both accept a renegotiated one', async () => {
    const { w, r } = await paired();
    unwrap(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '' })));
    unwrap(await acceptAgreement(w.deps, call(tom, { relationshipId: r.id, versionNumber: 1 })));
    const renegotiating = unwrap(
      await proposeAgreement(w.deps, call(tom, { relationshipId: r.id, agreement: agreementFor(r, { cadence: { kind: 'monthly' } }), note: '', basedOnVersion: 1 })),
    );
    expect(renegotiating.active?.number).toBe(1);
    expect(renegotiating.latest?.number).toBe(2);
  });

  it('accepting twice is harmless', async () => {
    const { w, r } = await paired();
    unwrap(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '' })));
    const again = unwrap(await acceptAgreement(w.deps, call(mira, { relationshipId: r.id, versionNumber: 1 })));
    expect(again.latest?.acceptedBy).toEqual(['mira']);
    expect(again.active).toBeUndefined();
  });

  it('is validated by the scheduling core, with the field under agreement.', async () => {
    const { w, r } = await paired();
    const before = w.repos.snapshot();
    const result = await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r, { meetingMinutes: 0 }), note: '' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'AGREEMENT.MEETING_LENGTH_NOT_POSITIVE', field: 'agreement.meetingMinutes' } });
    expect(w.repos.snapshot()).toEqual(before);
  });

  it('must name this pair as mentor and mentee', async () => {
    const { w, r } = await paired();
    const swapped = agreementFor({ mentorId: r.menteeId, menteeId: r.mentorId });
    expect(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: swapped, note: '' }))).toMatchObject({
      ok: false,
      error: { code: 'AGREEMENT.PARTIES_MISMATCH' },
    });
  });

  it('refuses a proposal based on an old version (someone proposed in the meantime)', async () => {
    const { w, r } = await paired();
    unwrap(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '' })));
    expect(await proposeAgreement(w.deps, call(tom, { relationshipId: r.id, agreement: agreementFor(r), note: '' }))).toMatchObject({
      ok: false,
      error: { code: 'STORAGE.CONFLICT', field: 'basedOnVersion' },
    });
  });

  it('two simultaneous proposals: one wins, the other is a conflict', async () => {
    const { w, r } = await paired();
    const results = await Promise.all([
      proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: 'a' })),
      proposeAgreement(w.deps, call(tom, { relationshipId: r.id, agreement: agreementFor(r), note: 'b' })),
    ]);
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.find((x) => !x.ok)).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
    expect(unwrap(await w.repos.relationships.agreementVersions.list('tenant-a', r.id))).toHaveLength(1);
  });

  it('unknown version, strangers, and closed relationships', async () => {
    const { w, r } = await paired();
    expect(await acceptAgreement(w.deps, call(tom, { relationshipId: r.id, versionNumber: 7 }))).toMatchObject({
      ok: false,
      error: { code: 'AGREEMENT.VERSION_NOT_FOUND' },
    });
    expect(await proposeAgreement(w.deps, call(stranger, { relationshipId: r.id, agreement: agreementFor(r), note: '' }))).toMatchObject({
      ok: false,
      error: { code: 'RELATIONSHIP.NOT_FOUND' },
    });
    unwrap(await closeRelationship(w.deps, call(tom, { relationshipId: r.id, reflection: { whatWorked: 'x', whatToImprove: '', keyTakeaway: '' } })));
    expect(await proposeAgreement(w.deps, call(mira, { relationshipId: r.id, agreement: agreementFor(r), note: '' }))).toMatchObject({
      ok: false,
      error: { code: 'RELATIONSHIP.CLOSED' },
    });
  });
});
