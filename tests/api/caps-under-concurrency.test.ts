/**
 * Growth limits hold exactly under concurrency (issue 15): requests racing over HTTP, Azurite behind.
 * The store checks a limit in the same atomic step as the write (a transaction guarded by the
 * partition's revision), so racing adds, reopens and check-ins never land one or two past a cap, and
 * each one refused answers with the cap's code and changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { GROWTH_LIMITS } from '../../src/core/growth/growth-limits';
import type { ActionItem } from '../../src/core/actions/action-item';
import type { Goal } from '../../src/core/goals/goal';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { addMeeting, agreementFor, CHECK_IN, SMART } from './support/endpoint-catalogue';
import { agreementVersionId } from '../../src/core/relationships/agreement-version';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

type Cast = Awaited<ReturnType<ApiHarness['newCast']>>;
const fine = () => ({ ok: true as const, value: undefined });

/** Seeds items straight into storage (one transaction), so the race starts just under the cap. */
async function seedItems(cast: Cast, open: number, done: number): Promise<ActionItem[]> {
  const now = Date.now();
  const items = Array.from({ length: open + done }, (_, i) => ({
    id: randomUUID(),
    title: `Seeded ${i}`,
    ownerId: cast.mentee.personId,
    status: i < open ? ('open' as const) : ('done' as const),
    ...(i < open ? {} : { completedAt: now }),
    origin: { kind: 'manual' as const },
    createdBy: cast.mentee.personId,
    createdAt: now + i,
    updatedAt: now + i,
  }));
  const made = await h.api.services.repositories.relationships.actionItems.createWithin(cast.tenantId, cast.relationship.id, items, fine);
  if (!made.ok) throw new Error(made.error.code);
  return made.value;
}

async function openItems(cast: Cast): Promise<number> {
  const all = await h.api.services.repositories.relationships.actionItems.list(cast.tenantId, cast.relationship.id);
  if (!all.ok) throw new Error(all.error.code);
  return all.value.filter((i) => i.status === 'open').length;
}

it(`twelve people adding at once to a pair with ${GROWTH_LIMITS.openActionItems - 3} open items: exactly 3 land, 9 get 409 ACTION_ITEM.TOO_MANY_OPEN`, async () => {
  const cast = await h.newCast();
  await seedItems(cast, GROWTH_LIMITS.openActionItems - 3, 0);
  const rel = `/api/relationships/${cast.relationship.id}`;
  const answers = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      h.request('POST', `${rel}/action-items`, { person: i % 2 ? cast.mentor : cast.mentee, body: { title: `Racing ${i}`, ownerId: cast.mentee.personId } }),
    ),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
  const refused = answers.filter((a) => a.status !== 201);
  expect(refused.map((a) => [a.status, a.json.error.code])).toEqual(Array(9).fill([409, 'ACTION_ITEM.TOO_MANY_OPEN']));
  expect(await openItems(cast)).toBe(GROWTH_LIMITS.openActionItems);
  const detail = await h.request('GET', rel, { person: cast.mentor });
  expect(detail.json.actionItemCounts.open).toBe(GROWTH_LIMITS.openActionItems);
});

it('adds, a reopen and a check-in with two new items racing for the last two places: the pair ends at the cap exactly, refusals change nothing', async () => {
  const cast = await h.newCast();
  const seeded = await seedItems(cast, GROWTH_LIMITS.openActionItems - 2, 1);
  const doneItem = seeded.find((i) => i.status === 'done')!;
  const meetingId = await addMeeting(h, cast, cast.relationship.id);
  const rel = `/api/relationships/${cast.relationship.id}`;
  const newItem = (title: string) => ({ title, ownerId: cast.mentor.personId });
  const [checkIn, reopen, ...adds] = await Promise.all([
    h.request('PUT', `${rel}/meetings/${meetingId}/checkin`, { person: cast.mentor, body: { ...CHECK_IN, newActionItems: [newItem('From the check-in 1'), newItem('From the check-in 2')] } }),
    h.request('PATCH', `${rel}/action-items/${doneItem.id}`, { person: cast.mentee, body: { status: 'open', version: doneItem.version } }),
    ...Array.from({ length: 3 }, (_, i) => h.request('POST', `${rel}/action-items`, { person: cast.mentee, body: newItem(`Racing ${i}`) })),
  ]);
  const all = [checkIn!, reopen!, ...adds];
  for (const answer of all) {
    if (answer.status >= 300) expect([answer.status, answer.json.error.code]).toEqual([409, 'ACTION_ITEM.TOO_MANY_OPEN']);
  }
  const landed = (checkIn!.status === 200 ? 2 : 0) + (reopen!.status === 200 ? 1 : 0) + adds.filter((a) => a.status === 201).length;
  expect(landed).toBe(2);
  expect(await openItems(cast)).toBe(GROWTH_LIMITS.openActionItems);
  // A refused check-in left neither itself nor its items behind.
  const checkIns = await h.request('GET', `${rel}/checkins`, { person: cast.mentor });
  expect(checkIns.json.checkIns).toHaveLength(checkIn!.status === 200 ? 1 : 0);
  const titles = (await h.api.services.repositories.relationships.actionItems.list(cast.tenantId, cast.relationship.id)) as { ok: true; value: ActionItem[] };
  expect(titles.value.filter((i) => i.title.startsWith('From the check-in'))).toHaveLength(checkIn!.status === 200 ? 2 : 0);
});

it(`eight goals added at once to a pair with ${GROWTH_LIMITS.goals - 2}: exactly 2 land, the rest get 409 GOAL.TOO_MANY`, async () => {
  const cast = await h.newCast();
  const now = Date.now();
  const goals: Omit<Goal, 'version'>[] = Array.from({ length: GROWTH_LIMITS.goals - 2 }, (_, i) => ({
    id: randomUUID(),
    title: `Seeded ${i}`,
    smart: SMART,
    progress: 0,
    createdBy: cast.mentee.personId,
    createdAt: now,
    updatedAt: now,
  }));
  const seeded = await h.api.services.repositories.relationships.goals.createWithin(cast.tenantId, cast.relationship.id, goals, fine);
  expect(seeded.ok).toBe(true);
  const rel = `/api/relationships/${cast.relationship.id}`;
  const answers = await Promise.all(
    Array.from({ length: 8 }, (_, i) => h.request('POST', `${rel}/goals`, { person: i % 2 ? cast.mentor : cast.mentee, body: { title: `Racing ${i}`, smart: SMART } })),
  );
  expect(answers.filter((a) => a.status === 201)).toHaveLength(2);
  expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.json.error.code])).toEqual(Array(6).fill([409, 'GOAL.TOO_MANY']));
  const listed = await h.request('GET', `${rel}/goals`, { person: cast.mentor });
  expect(listed.json.goals).toHaveLength(GROWTH_LIMITS.goals);
});

it('two proposals racing for the last agreement version: the numbered create lets one through', async () => {
  // Agreement versions are numbered (newest + 1) and a number can be created once, so the cap needs no count.
  const cast = await h.newCast();
  const repos = h.api.services.repositories.relationships;
  const base = await h.request('POST', `/api/relationships/${cast.relationship.id}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: 'First' } });
  expect(base.status).toBe(201);
  const first = (await repos.agreementVersions.list(cast.tenantId, cast.relationship.id)) as { ok: true; value: { agreement: unknown }[] };
  for (let n = 2; n < GROWTH_LIMITS.agreementVersions; n++) {
    const made = await repos.agreementVersions.create(cast.tenantId, cast.relationship.id, {
      id: agreementVersionId(n),
      number: n,
      agreement: first.value[0]!.agreement as never,
      proposedBy: cast.mentee.personId,
      proposedAt: Date.now(),
      note: '',
      acceptedBy: [cast.mentee.personId],
    });
    expect(made.ok).toBe(true);
  }
  const body = { agreement: first.value[0]!.agreement, note: 'Racing', basedOnVersion: GROWTH_LIMITS.agreementVersions - 1 };
  const answers = await Promise.all([cast.mentee, cast.mentor, cast.mentee].map((person) => h.request('POST', `/api/relationships/${cast.relationship.id}/agreement`, { person, body })));
  expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
  const versions = (await repos.agreementVersions.list(cast.tenantId, cast.relationship.id)) as { ok: true; value: unknown[] };
  expect(versions.value).toHaveLength(GROWTH_LIMITS.agreementVersions);
});
