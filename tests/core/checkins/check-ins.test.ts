import { checkInVisibleTo } from '../../../src/core/checkins/check-in-rules';
import { getMyCheckIn, listCheckIns, submitCheckIn, type SubmitCheckInInput } from '../../../src/core/usecases/check-in-use-cases';
import { addGoal } from '../../../src/core/usecases/goal-use-cases';
import { call, MentoringWorld, NOW, person, unwrap } from '../../fakes/mentoring-world';

const mira = person('mira', 'Mira');
const tom = person('tom', 'Tom');
const sam = person('sam', 'Sam');
const answers = { useful: 'The demo', nextSteps: 'Draft a post', beforeNextTime: 'Read the guide', changeOrFocus: 'More practice' };
const blank = { useful: ' ', nextSteps: '', beforeNextTime: '', changeOrFocus: '' };

async function setup() {
  const w = new MentoringWorld();
  const r = await w.pair(mira, tom);
  await w.meeting(tom, r, { id: 'm1', number: 1 });
  const input = (overrides: Partial<SubmitCheckInInput> = {}): SubmitCheckInInput => ({
    relationshipId: r.id,
    meetingId: 'm1',
    answers,
    goalProgress: [],
    newActionItems: [],
    ...overrides,
  });
  return { w, r, input };
}

describe('check-ins', () => {
  it('shares answers with the partner, keeps the private note to its author', async () => {
    const { w, r, input } = await setup();
    const mine = unwrap(await submitCheckIn(w.deps, call(tom, input({ privateNote: 'Unsure about my manager' }))));
    expect(mine).toMatchObject({ id: 'm1.tom', authorId: 'tom', privateNote: 'Unsure about my manager', answers });
    const seenByPartner = unwrap(await listCheckIns(w.deps, call(mira, { relationshipId: r.id })));
    expect(seenByPartner).toHaveLength(1);
    expect(seenByPartner[0]).toMatchObject({ answers });
    expect(seenByPartner[0]).not.toHaveProperty('privateNote');
    expect(unwrap(await listCheckIns(w.deps, call(tom, { relationshipId: r.id })))[0]?.privateNote).toBe('Unsure about my manager');
    expect(await getMyCheckIn(w.deps, call(mira, { relationshipId: r.id, meetingId: 'm1' }))).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_FOUND' } });
  });

  it('"How useful was it?" (1–5) is enough for a check-in, is shared with the partner and survives an edit only when sent again', async () => {
    const { w, r, input } = await setup();
    const rated = unwrap(await submitCheckIn(w.deps, call(tom, input({ answers: blank, rating: 5 }))));
    expect(rated).toMatchObject({ rating: 5, answers: { useful: '' } });
    expect(unwrap(await listCheckIns(w.deps, call(mira, { relationshipId: r.id })))[0]).toMatchObject({ rating: 5 });
    const kept = unwrap(await submitCheckIn(w.deps, call(tom, input({ rating: 5, version: rated.version }))));
    expect(kept.rating).toBe(5);
    const cleared = unwrap(await submitCheckIn(w.deps, call(tom, input({ version: kept.version }))));
    expect(cleared).not.toHaveProperty('rating');
  });

  it.each([0, 6, 2.5, Number.NaN])('a rating of %s is refused with CHECKIN.RATING_OUT_OF_RANGE and saves nothing', async (rating) => {
    const { w, r, input } = await setup();
    expect(await submitCheckIn(w.deps, call(tom, input({ rating })))).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.RATING_OUT_OF_RANGE', field: 'rating' },
    });
    expect(unwrap(await listCheckIns(w.deps, call(tom, { relationshipId: r.id })))).toHaveLength(0);
  });

  it('checkInVisibleTo strips the note for anyone but the author', () => {
    const checkIn = { id: 'x', meetingId: 'm', authorId: 'a', answers, goalProgress: [], actionItemIds: [], privateNote: 'secret', submittedAt: 0, updatedAt: 0, version: '1' };
    expect(checkInVisibleTo(checkIn, 'a').privateNote).toBe('secret');
    expect(checkInVisibleTo(checkIn, 'b')).not.toHaveProperty('privateNote');
    expect(checkInVisibleTo(checkIn, 'programme-owner')).not.toHaveProperty('privateNote');
  });

  it('a second submit for the same meeting edits the first', async () => {
    const { w, r, input } = await setup();
    const first = unwrap(await submitCheckIn(w.deps, call(tom, input({ privateNote: 'note' }))));
    const second = unwrap(await submitCheckIn(w.deps, call(tom, input({ answers: { ...answers, useful: 'Everything' }, version: first.version }), NOW + 60_000)));
    expect(second).toMatchObject({ id: first.id, submittedAt: first.submittedAt, updatedAt: NOW + 60_000, answers: { useful: 'Everything' } });
    expect(second).not.toHaveProperty('privateNote');
    expect(unwrap(await listCheckIns(w.deps, call(tom, { relationshipId: r.id })))).toHaveLength(1);
    expect(await submitCheckIn(w.deps, call(tom, input({ version: first.version })))).toMatchObject({ ok: false, error: { code: 'STORAGE.CONFLICT' } });
  });

  it('an edit without the version read is refused (sent from the chat meanwhile) and changes nothing', async () => {
    const { w, input } = await setup();
    const first = unwrap(await submitCheckIn(w.deps, call(tom, input({ privateNote: 'note' }))));
    const blind = await submitCheckIn(w.deps, call(tom, input({ answers: { ...answers, useful: 'Overwrite' } }), NOW + 60_000));
    expect(blind).toMatchObject({ ok: false, error: { code: 'CHECKIN.VERSION_REQUIRED', field: 'version' } });
    expect(unwrap(await getMyCheckIn(w.deps, call(tom, { relationshipId: input().relationshipId, meetingId: first.meetingId })))).toEqual(first);
  });

  it('creates action items from the check-in and applies goal progress', async () => {
    const { w, r, input } = await setup();
    const goal = unwrap(await addGoal(w.deps, call(tom, { relationshipId: r.id, title: 'Post weekly', smart: { specific: '', measurable: '', achievable: '', relevant: '', timeBound: '' } })));
    const checkIn = unwrap(
      await submitCheckIn(w.deps, call(tom, input({
        goalProgress: [{ goalId: goal.goal.id, progress: 30 }],
        newActionItems: [{ title: 'Draft a post', ownerId: 'tom', dueDate: '2026-03-09' }, { title: 'Share examples', ownerId: 'mira' }],
      }))),
    );
    const items = unwrap(await w.repos.relationships.actionItems.list('tenant-a', r.id));
    expect(items.map((i) => [i.title, i.ownerId, i.origin])).toEqual([
      ['Draft a post', 'tom', { kind: 'checkIn', checkInId: 'm1.tom' }],
      ['Share examples', 'mira', { kind: 'checkIn', checkInId: 'm1.tom' }],
    ]);
    expect(checkIn.actionItemIds).toEqual(items.map((i) => i.id));
    expect(unwrap(await w.repos.relationships.goals.get('tenant-a', r.id, goal.goal.id)).progress).toBe(30);
  });

  const rules: [string, Partial<SubmitCheckInInput>, string, string][] = [
    ['an empty check-in', { answers: blank }, 'CHECKIN.EMPTY', 'answers'],
    ['progress out of range', { goalProgress: [{ goalId: 'g', progress: 120 }] }, 'GOAL.PROGRESS_OUT_OF_RANGE', 'goalProgress[0].progress'],
    ['the same goal twice', { goalProgress: [{ goalId: 'g', progress: 1 }, { goalId: 'g', progress: 2 }] }, 'CHECKIN.GOAL_REPEATED', 'goalProgress[1].goalId'],
    ['an unknown goal', { goalProgress: [{ goalId: 'nope', progress: 10 }] }, 'CHECKIN.GOAL_NOT_FOUND', 'goalProgress[0].goalId'],
    ['an action item owned by a stranger', { newActionItems: [{ title: 'x', ownerId: 'sam' }] }, 'ACTION_ITEM.OWNER_NOT_IN_PAIR', 'newActionItems[0].ownerId'],
    ['an unknown meeting', { meetingId: 'm9' }, 'CHECKIN.MEETING_NOT_FOUND', 'meetingId'],
  ];
  it.each(rules)('rejects %s and changes nothing', async (_name, overrides, code, field) => {
    const { w, input } = await setup();
    const before = w.repos.snapshot();
    expect(await submitCheckIn(w.deps, call(tom, input(overrides)))).toMatchObject({ ok: false, error: { code, field } });
    expect(w.repos.snapshot()).toEqual(before);
  });

  it('refuses check-ins for cancelled or future meetings', async () => {
    const { w, r, input } = await setup();
    await w.meeting(tom, r, { id: 'm2', number: 2, status: 'cancelled' });
    await w.meeting(tom, r, { id: 'm3', number: 3, start: NOW + 3_600_000, end: NOW + 7_200_000, status: 'planned' });
    expect(await submitCheckIn(w.deps, call(tom, input({ meetingId: 'm2' })))).toMatchObject({ ok: false, error: { code: 'CHECKIN.MEETING_CANCELLED' } });
    expect(await submitCheckIn(w.deps, call(tom, input({ meetingId: 'm3' })))).toMatchObject({ ok: false, error: { code: 'CHECKIN.MEETING_NOT_STARTED' } });
  });

  it('strangers can neither submit nor read', async () => {
    const { w, r, input } = await setup();
    unwrap(await submitCheckIn(w.deps, call(tom, input({ privateNote: 'secret' }))));
    expect(await submitCheckIn(w.deps, call(sam, input()))).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.NOT_FOUND' } });
    const read = await listCheckIns(w.deps, call(sam, { relationshipId: r.id }));
    expect(read).toMatchObject({ ok: false, error: { code: 'RELATIONSHIP.NOT_FOUND' } });
    expect(JSON.stringify(read)).not.toContain('secret');
  });
});
