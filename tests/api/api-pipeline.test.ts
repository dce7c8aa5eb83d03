import { TableClient } from '@azure/data-tables';
import { handleApiRequest } from '../../src/api/handle-api-request';
import { tenantKeys } from '../../src/adapters/storage/table-keys';
import { testStorageConnectionString } from '../support/azurite';
import { anonymousFunction, userFunction } from '../../src/api/function-definition';
import type { ApiRequest } from '../../src/api/http-contract';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

describe('the API pipeline over HTTP', () => {
  it('answers /api/health without sign-in with each component’s status', async () => {
    const answer = await h.request('GET', '/api/health');
    expect(answer.status).toBe(200);
    // graph-credential: the app's credential for Graph (its expiry reminder: tests/api/credential-health.test.ts).
    const ok = { status: 'ok', ms: expect.any(Number) };
    expect(answer.json).toEqual({ status: 'ok', components: { storage: ok, identity: ok, 'graph-credential': ok } });
    expect(answer.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a given correlation id and replaces a malformed one', async () => {
    expect((await h.request('GET', '/api/health', { headers: { 'x-correlation-id': 'tab-1234.5' } })).headers.get('x-correlation-id')).toBe('tab-1234.5');
    const odd = await h.request('GET', '/api/health', { headers: { 'x-correlation-id': 'a b<script>' } });
    expect(odd.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a call without a token: 401, stable code, WWW-Authenticate, correlation id in the body', async () => {
    const answer = await h.request('GET', '/api/relationships', { headers: { 'x-correlation-id': 'c-1' } });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(answer.json).toEqual({ error: { code: 'AUTH.MISSING_TOKEN', message: expect.any(String), correlationId: 'c-1' } });
  });

  it('refuses a token of this issuer for another audience', async () => {
    const cast = await h.newCast();
    const token = await h.token(cast.mentor);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, aud: 'someone-else' })).toString('base64url')}.${signature}`;
    const answer = await h.request('GET', '/api/relationships', { headers: { authorization: `Bearer ${forged}` } });
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('AUTH.INVALID_TOKEN');
  });

  it('answers an unknown route 404 and a wrong method 405, both with codes', async () => {
    const missing = await h.request('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('HTTP.NOT_FOUND');
    const cast = await h.newCast();
    const wrong = await h.request('DELETE', '/api/me/profile', { person: cast.mentor });
    expect(wrong.status).toBe(405);
    expect(wrong.json.error.code).toBe('HTTP.METHOD_NOT_ALLOWED');
    const goals = await h.request('PUT', `/api/relationships/${cast.relationship.id}/goals`, { person: cast.mentor, body: {} });
    expect(goals.status).toBe(405);
    expect(goals.headers.get('allow')).toBe('GET, POST');
  });

  it('answers malformed JSON, a non-JSON body and an over-long body with 400/415/413 and changes nothing', async () => {
    const cast = await h.newCast();
    const before = await h.snapshot();
    const bad = await h.request('POST', '/api/requests', { person: cast.stranger, rawBody: '{"mentorId":', headers: { 'content-type': 'application/json' } });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'HTTP.INVALID_JSON']);
    const form = await h.request('POST', '/api/requests', { person: cast.stranger, rawBody: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([form.status, form.json.error.code]).toEqual([415, 'HTTP.UNSUPPORTED_MEDIA_TYPE']);
    const big = await h.request('POST', '/api/requests', { person: cast.stranger, body: { note: 'x'.repeat(300_000) } });
    expect([big.status, big.json.error.code]).toEqual([413, 'HTTP.BODY_TOO_LARGE']);
    expect(await h.snapshot()).toEqual(before);
  });

  it('answers an id too long to be a storage key with 404, not a server error', async () => {
    const cast = await h.newCast();
    const answer = await h.request('GET', `/api/relationships/${encodeURIComponent('😀'.repeat(100))}`, { person: cast.mentor });
    expect([answer.status, answer.json.error.code]).toEqual([404, 'RELATIONSHIP.NOT_FOUND']);
  });

  it('answers a corrupt stored row with 500 STORAGE.CORRUPT_ROW, logs where it is, and shows no internals', async () => {
    const cast = await h.newCast();
    const rel = `/api/relationships/${cast.relationship.id}`;
    const goal = await h.request('POST', `${rel}/goals`, { person: cast.mentee, body: { title: 'Dashboards', smart: { specific: 'a', measurable: 'b', achievable: 'c', relevant: 'd', timeBound: 'e' } } });
    const table = TableClient.fromConnectionString(testStorageConnectionString(), h.tableName, { allowInsecureConnection: true });
    const partitionKey = tenantKeys.relationship(cast.tenantId, cast.relationship.id);
    await table.updateEntity({ partitionKey, rowKey: `goal|${goal.json.id}`, kind: 'goal', chunks: 1, d0: '{"title": 42}' }, 'Replace');
    const answer = await h.request('GET', `${rel}/goals`, { person: cast.mentor, headers: { 'x-correlation-id': 'corrupt-1' } });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual({ error: { code: 'STORAGE.CORRUPT_ROW', message: expect.any(String), correlationId: 'corrupt-1' } });
    expect(answer.text).not.toContain(partitionKey);
    expect(h.logged.at(-1)).toMatchObject({ fields: { correlationId: 'corrupt-1', code: 'STORAGE.CORRUPT_ROW', details: { partitionKey } } });
  });

  it('names the invalid field of a body that does not match the contract', async () => {
    const cast = await h.newCast();
    const answer = await h.request('POST', '/api/requests', { person: cast.stranger, body: { mentorId: cast.mentor.personId, note: 'hi', preWork: { whatIWant: 3 } } });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatchObject({ code: 'HTTP.INVALID_BODY', field: 'preWork.whatIWant' });
  });

  it('maps domain failures: a rule is 422, a stale version 412, a closed relationship 409', async () => {
    const cast = await h.newCast();
    const self = await h.request('POST', '/api/requests', {
      person: cast.mentor,
      body: { mentorId: cast.mentor.personId, note: '', preWork: { whatIWant: 'x', whatIBring: '', expectations: '' } },
    });
    expect([self.status, self.json.error.code]).toEqual([422, 'REQUEST.SELF']);
    const rel = `/api/relationships/${cast.relationship.id}`;
    const goal = await h.request('POST', `${rel}/goals`, {
      person: cast.mentee,
      body: { title: 'Build a dashboard', smart: { specific: 'a', measurable: 'b', achievable: 'c', relevant: 'd', timeBound: 'e' } },
    });
    expect(goal.status).toBe(201);
    const goalId = goal.json.id;
    const v1 = goal.json.version;
    expect((await h.request('PATCH', `${rel}/goals/${goalId}`, { person: cast.mentor, body: { progress: 10, version: v1 } })).status).toBe(200);
    const stale = await h.request('PATCH', `${rel}/goals/${goalId}`, { person: cast.mentee, body: { progress: 20 }, headers: { 'if-match': v1 } });
    expect([stale.status, stale.json.error.code]).toEqual([412, 'STORAGE.CONFLICT']);
    const noVersion = await h.request('PATCH', `${rel}/goals/${goalId}`, { person: cast.mentee, body: { progress: 20 } });
    expect([noVersion.status, noVersion.json.error.code]).toEqual([400, 'HTTP.VERSION_REQUIRED']);
    const closed = await h.request('POST', `${rel}/close`, {
      person: cast.mentee,
      body: { reflection: { whatWorked: 'a lot', whatToImprove: '', keyTakeaway: '' }, version: cast.relationship.version },
    });
    expect(closed.status).toBe(200);
    const afterClose = await h.request('POST', `${rel}/goals`, {
      person: cast.mentee,
      body: { title: 'Another', smart: { specific: 'a', measurable: 'b', achievable: 'c', relevant: 'd', timeBound: 'e' } },
    });
    expect([afterClose.status, afterClose.json.error.code]).toEqual([409, 'RELATIONSHIP.CLOSED']);
  });
});

describe('the pipeline itself', () => {
  const request = (overrides: Partial<ApiRequest> = {}): ApiRequest => ({
    method: 'GET',
    params: {},
    query: new URLSearchParams(),
    header: () => undefined,
    bodyText: undefined,
    ...overrides,
  });

  it('turns a thrown exception into 500 INTERNAL.UNEXPECTED without any internal detail, and logs it', async () => {
    const boom = anonymousFunction('boom', 'GET', 'boom', async () => {
      throw new Error('connection string AccountKey=secret at /srv/app.ts:12');
    });
    const answer = await handleApiRequest(boom, request(), h.api);
    expect(answer.status).toBe(500);
    const text = JSON.stringify(answer.body);
    expect(text).toContain('INTERNAL.UNEXPECTED');
    expect(text).not.toMatch(/secret|AccountKey|app\.ts|Error:/);
    // It cannot know whether a write landed before the throw, so it must not promise that nothing changed.
    const message: string = (answer.body as { error: { message: string } }).error.message;
    expect(message).not.toMatch(/nothing (was )?changed/i);
    expect(message).toMatch(/may or may not have been saved/);
    expect(answer.headers['x-correlation-id']).toBeDefined();
    expect(h.logged.at(-1)).toMatchObject({ message: 'function threw', fields: { function: 'boom' } });
  });

  it('never shows details of a server-side failure (e.g. a corrupt row)', async () => {
    const corrupt = anonymousFunction('corrupt', 'GET', 'corrupt', async () => ({
      ok: false,
      error: { code: 'STORAGE.CORRUPT_ROW', message: 'Some stored data could not be read.', details: { partitionKey: 't|x', table: 'mentoring' } },
    }));
    const answer = await handleApiRequest(corrupt, request(), h.api);
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).not.toContain('partitionKey');
  });

  it('does not run a user function when the token is missing', async () => {
    let ran = false;
    const guarded = userFunction('guarded', 'GET', 'guarded', async () => {
      ran = true;
      return { ok: true, value: { status: 200 } };
    });
    const answer = await handleApiRequest(guarded, request(), h.api);
    expect(answer.status).toBe(401);
    expect(ran).toBe(false);
  });
});
