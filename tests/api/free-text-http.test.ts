/**
 * The text rules over HTTP, with Azurite behind: a control character, a lone surrogate (as a JSON
 * escape) or a body that is not UTF-8 is refused with its code and the field, and nothing is stored;
 * text that passes is stored in NFC.
 */
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { SMART } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

async function myProfileFields(cast: Awaited<ReturnType<ApiHarness['newCast']>>) {
  const mine = (await h.request('GET', '/api/me/profile', { person: cast.mentee })).json;
  const { userId: _u, displayName: _d, activeMenteeCount: _a, capacityLeft: _l, createdAt: _c, updatedAt: _up, ...fields } = mine;
  return fields as Record<string, unknown> & { version: string };
}

it('a profile with "a\\u0000b\\u0007c\\u001b[31m" is refused: 422 TEXT.CONTROL_CHARACTER on jobTitle, nothing stored', async () => {
  const cast = await h.newCast();
  const fields = await myProfileFields(cast);
  const before = await h.snapshot(cast.tenantId);
  const answer = await h.request('PUT', '/api/me/profile', { person: cast.mentee, body: { ...fields, jobTitle: 'a\u0000b\u0007c\u001b[31m' } });
  expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([422, 'TEXT.CONTROL_CHARACTER', 'jobTitle']);
  expect(answer.json.error.message).toMatch(/invisible control character \(U\+0000\) at character 2/);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('a lone surrogate sent as a JSON escape is refused with TEXT.LONE_SURROGATE on its field', async () => {
  const cast = await h.newCast();
  const before = await h.snapshot(cast.tenantId);
  const raw = `{"title":"Dash\\ud83dboards","smart":${JSON.stringify(SMART)}}`;
  const answer = await h.request('POST', `/api/relationships/${cast.relationship.id}/goals`, { person: cast.mentee, rawBody: raw, headers: { 'content-type': 'application/json' } });
  expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([422, 'TEXT.LONE_SURROGATE', 'title']);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('a line break in a one-line field is refused; in a multi-line field it is kept, and text is stored in NFC', async () => {
  const cast = await h.newCast();
  const base = `/api/relationships/${cast.relationship.id}/goals`;
  const broken = await h.request('POST', base, { person: cast.mentee, body: { title: 'Two\nlines', smart: SMART } });
  expect([broken.status, broken.json.error.code, broken.json.error.field]).toEqual([422, 'TEXT.LINE_BREAK_NOT_ALLOWED', 'title']);
  const created = await h.request('POST', base, { person: cast.mentee, body: { title: 'Cafe\u0301 talks', smart: { ...SMART, specific: 'One\n\tTwo' } } });
  expect(created.status).toBe(201);
  const stored = (await h.request('GET', base, { person: cast.mentor })).json.goals[0];
  expect(stored.title).toBe('Caf\u00e9 talks');
  expect(stored.smart.specific).toBe('One\n\tTwo');
});

it('a body that is not UTF-8 is refused: 400 HTTP.INVALID_UTF8, nothing stored', async () => {
  const cast = await h.newCast();
  const before = await h.snapshot(cast.tenantId);
  const json = Buffer.from(`{"title":"Dash","smart":${JSON.stringify(SMART)}}`, 'utf8');
  const at = json.indexOf('Dash');
  const invalid = Buffer.concat([json.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), json.subarray(at)]);
  const answer = await fetch(`${h.baseUrl}/api/relationships/${cast.relationship.id}/goals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await h.token(cast.mentee)}`, 'content-type': 'application/json' },
    body: invalid,
  });
  const body = (await answer.json()) as { error: { code: string; message: string } };
  expect([answer.status, body.error.code]).toEqual([400, 'HTTP.INVALID_UTF8']);
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});
