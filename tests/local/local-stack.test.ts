import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalStack } from '../../src/local/start-local-stack';
import { CONTOSO, FABRIKAM } from '../../src/local/demo-people';
import { DEMO_MENTEE_ID } from '../../src/local/seed-demo-data';
import { startTestStack, setUpLocalStack } from '../support/local-stack';

async function tokenFor(stack: LocalStack, personId: string): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/local-identity/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function get(stack: LocalStack, path: string, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${stack.baseUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return { status: response.status, body: await response.json() };
}

describe('the whole local stack (npm start) on free ports', () => {
  const stack = setUpLocalStack();

  it('answers /api/health with every component ok, the plugged-in stand-ins included', async () => {
    const health = await get(stack, '/api/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.components).toMatchObject({ storage: { status: 'ok' }, identity: { status: 'ok' } });
    const pluggedIn = stack.services.filter((s) => !['api', 'identity'].includes(s.name) && s.health).map((s) => s.name);
    expect(Object.keys(health.body.components)).toEqual(expect.arrayContaining(pluggedIn));
    // A component slow under the machine's load is still ok (it answered); only a failure or no answer
    // within the endpoint's generous timeout degrades it, so this holds however busy the machine is.
    for (const component of Object.values(health.body.components)) expect(component).toEqual({ status: 'ok', ms: expect.any(Number) });
  }, 60_000);

  it('lists the demo people of both tenants and issues tokens the API accepts', async () => {
    const people = await get(stack, '/local-identity/people');
    expect(people.body.tenants.map((t: { tenantId: string }) => t.tenantId)).toEqual([CONTOSO.tenantId, FABRIKAM.tenantId]);
    const zones = people.body.people.map((p: { timeZone: string }) => p.timeZone);
    expect(zones).toEqual(expect.arrayContaining(['America/New_York', 'Europe/Warsaw', 'Asia/Kolkata', 'Europe/London']));
    const mine = await get(stack, '/api/relationships', await tokenFor(stack, DEMO_MENTEE_ID));
    expect(mine.status).toBe(200);
    expect(mine.body.relationships).toHaveLength(1);
    expect(mine.body.relationships[0]).toMatchObject({ myRole: 'mentee', partner: { displayName: 'Kacper Nowak' }, relationship: { reverse: true } });
  });

  it('keeps the tenants apart: a Fabrikam user sees none of Contoso’s pair', async () => {
    const fabrikam = await tokenFor(stack, 'b0000001-0000-4000-8000-000000000001');
    expect((await get(stack, '/api/relationships', fabrikam)).body).toEqual({ relationships: [] });
    const contosoRelationship = (await get(stack, '/api/relationships', await tokenFor(stack, DEMO_MENTEE_ID))).body.relationships[0].relationship.id;
    const probe = await get(stack, `/api/relationships/${contosoRelationship}`, fabrikam);
    expect(probe.status).toBe(404);
  });

  it('publishes an OpenID configuration per tenant pointing at its JWKS', async () => {
    const config = await get(stack, `/local-identity/${CONTOSO.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(config.body).toMatchObject({ issuer: `${stack.baseUrl}/local-identity/${CONTOSO.tenantId}/v2.0`, jwks_uri: `${stack.baseUrl}/local-identity/discovery/v2.0/keys` });
  });

  it('lets the tab’s dev server origin call the API from the browser, and no other origin', async () => {
    const preflight = await fetch(`${stack.baseUrl}/api/relationships`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:53000', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:53000');
    const foreign = await fetch(`${stack.baseUrl}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('puts a correlation id on every answer of the host, the stand-ins’ included', async () => {
    for (const path of ['/local-identity/people', '/nothing-here', '/api/health']) {
      const response = await fetch(`${stack.baseUrl}${path}`, { headers: { 'x-correlation-id': 'corr-42' } });
      expect(response.headers.get('x-correlation-id')).toBe('corr-42');
    }
    expect((await fetch(`${stack.baseUrl}/nothing-here`)).headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unknown demo person with a code', async () => {
    const response = await fetch(`${stack.baseUrl}/local-identity/token`, { method: 'POST', body: '{"personId":"nobody"}' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('LOCAL_IDENTITY.UNKNOWN_PERSON');
  });
});

describe('the local stack on disk', () => {
  it('keeps data and the signing key across a restart and does not seed twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mentoring-stack-'));
    try {
      const first = await startTestStack({ dataDir });
      expect(first.seeded).toEqual({ profilesCreated: 6, pairsCreated: 1 });
      const port = Number(new URL(first.baseUrl).port);
      const token = await tokenFor(first, DEMO_MENTEE_ID);
      const before = (await get(first, '/api/relationships', token)).body;
      await first.stop();

      const second = await startTestStack({ httpPort: port, dataDir });
      try {
        expect(second.seeded).toEqual({ profilesCreated: 0, pairsCreated: 0 });
        const after = await get(second, '/api/relationships', token);
        expect(after.status).toBe(200);
        expect(after.body).toEqual(before);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
