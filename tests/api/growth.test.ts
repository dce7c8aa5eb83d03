/**
 * Data that can grow (issue 15, point 5), over HTTP with Azurite behind: the relationship read
 * carries the open action items and the newest agreement versions only; the full lists are paged
 * with a continuation token and a capped page size; and the caps answer with their codes.
 */
import { GROWTH_LIMITS } from '../../src/core/growth/growth-limits';
import { agreementFor } from './support/endpoint-catalogue';
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { SMART } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

type Cast = Awaited<ReturnType<ApiHarness['newCast']>>;

async function addItems(cast: Cast, count: number, from = 0): Promise<{ id: string; version: string }[]> {
  const rel = `/api/relationships/${cast.relationship.id}`;
  const out: { id: string; version: string }[] = [];
  for (let i = from; i < from + count; i++) {
    const answer = await h.request('POST', `${rel}/action-items`, { person: cast.mentee, body: { title: `Step ${String(i).padStart(3, '0')}`, ownerId: cast.mentee.personId } });
    expect(answer.status).toBe(201);
    out.push(answer.json);
  }
  return out;
}

async function allPages(path: string, key: string, person: Cast['mentee'], pageSize: number): Promise<{ pages: number; items: { id: string }[] }> {
  const items: { id: string }[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const answer = await h.request('GET', `${path}?pageSize=${pageSize}${token ? `&continuationToken=${token}` : ''}`, { person });
    expect(answer.status).toBe(200);
    expect(answer.json[key].length).toBeLessThanOrEqual(pageSize);
    items.push(...answer.json[key]);
    token = answer.json.continuationToken;
    pages += 1;
  } while (token);
  return { pages, items };
}

it('the relationship read carries the open items only (with counts); the list pages through all of them, oldest first', async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const items = await addItems(cast, 30);
  for (const item of items.slice(0, 12)) {
    const done = await h.request('PATCH', `${rel}/action-items/${item.id}`, { person: cast.mentor, body: { status: 'done', version: item.version } });
    expect(done.status).toBe(200);
  }
  const detail = (await h.request('GET', rel, { person: cast.mentor })).json;
  expect(detail.actionItems).toHaveLength(18);
  expect(detail.actionItems.every((i: { status: string }) => i.status === 'open')).toBe(true);
  expect(detail.actionItemCounts).toEqual({ open: 18, done: 12 });

  const all = await allPages(`${rel}/action-items`, 'actionItems', cast.mentee, 7);
  expect(all.pages).toBe(5);
  expect(all.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
  const doneOnly = await h.request('GET', `${rel}/action-items?status=done&pageSize=5`, { person: cast.mentee });
  expect(doneOnly.json.actionItems.map((i: { id: string }) => i.id)).toEqual(items.slice(0, 5).map((i) => i.id));
  expect(doneOnly.json.continuationToken).toEqual(expect.any(String));
});

it('refuses a page size over the cap and a token it did not give out, with the field', async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const big = await h.request('GET', `${rel}/action-items?pageSize=101`, { person: cast.mentee });
  expect([big.status, big.json.error.code, big.json.error.field]).toEqual([400, 'HTTP.INVALID_QUERY', 'pageSize']);
  expect(big.json.error.message).toMatch(/1 to 100/);
  const forged = await h.request('GET', `${rel}/checkins?continuationToken=bm9wZQ`, { person: cast.mentee });
  expect([forged.status, forged.json.error.code, forged.json.error.field]).toEqual([400, 'HTTP.INVALID_QUERY', 'continuationToken']);
});

it(`the ${GROWTH_LIMITS.openActionItems + 1}st open item is refused with ACTION_ITEM.TOO_MANY_OPEN and nothing is stored; marking one done makes room`, async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const items = await addItems(cast, GROWTH_LIMITS.openActionItems);
  const before = await h.snapshot(cast.tenantId);
  const over = await h.request('POST', `${rel}/action-items`, { person: cast.mentor, body: { title: 'One more', ownerId: cast.mentor.personId } });
  expect([over.status, over.json.error.code]).toEqual([409, 'ACTION_ITEM.TOO_MANY_OPEN']);
  expect(over.json.error.message).toMatch(/at most 100 can be open at once\. Mark some done/);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
  const first = items[0]!;
  expect((await h.request('PATCH', `${rel}/action-items/${first.id}`, { person: cast.mentor, body: { status: 'done', version: first.version } })).status).toBe(200);
  expect((await h.request('POST', `${rel}/action-items`, { person: cast.mentor, body: { title: 'Now it fits', ownerId: cast.mentor.personId } })).status).toBe(201);
}, 60_000);

it('the read carries the newest agreement versions and the active one; and the whole history is paged', async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const first = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: 'v1' } });
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version: first.json.versions[0].version } })).status).toBe(200);
  for (let n = 2; n <= 6; n++) {
    const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentor, body: { agreement: agreementFor(cast.relationship), note: `v${n}`, basedOnVersion: n - 1 } });
    expect(proposed.status).toBe(201);
  }
  const detail = (await h.request('GET', rel, { person: cast.mentee })).json;
  expect(detail.agreement.versionCount).toBe(6);
  expect(detail.agreement.versions.map((v: { number: number }) => v.number)).toEqual([1, 4, 5, 6]);
  expect([detail.agreement.activeNumber, detail.agreement.latestNumber]).toEqual([1, 6]);
  const history = await allPages(`${rel}/agreement/versions`, 'versions', cast.mentee, 4);
  expect(history.items.map((v) => (v as unknown as { number: number }).number)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(history.pages).toBe(2);
});

it('goals stop at the cap with GOAL.TOO_MANY', async () => {
  const cast = await h.newCast();
  const base = `/api/relationships/${cast.relationship.id}/goals`;
  for (let i = 0; i < GROWTH_LIMITS.goals; i++) {
    expect((await h.request('POST', base, { person: cast.mentee, body: { title: `Goal ${i}`, smart: SMART } })).status).toBe(201);
  }
  const over = await h.request('POST', base, { person: cast.mentee, body: { title: 'One more', smart: SMART } });
  expect([over.status, over.json.error.code]).toEqual([409, 'GOAL.TOO_MANY']);
});

it('a roadmap over the theme cap is refused with ROADMAP.TOO_MANY_THEMES on themes', async () => {
  const cast = await h.newCast();
  const themes = Array.from({ length: GROWTH_LIMITS.roadmapThemes + 1 }, (_, i) => ({ title: `Theme ${i}`, notes: '', meetingNumbers: [] }));
  const answer = await h.request('PUT', `/api/relationships/${cast.relationship.id}/roadmap`, { person: cast.mentee, body: { themes } });
  expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([422, 'ROADMAP.TOO_MANY_THEMES', 'themes']);
});
