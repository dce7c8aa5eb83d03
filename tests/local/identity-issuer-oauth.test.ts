/**
 * The local issuer stands in for Entra ID's token endpoint, so the production MSAL code path
 * (MsalTokenSources: client credentials and on-behalf-of) runs unchanged in local mode and in tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { MsalTokenSources } from '../../src/adapters/graph/msal-token-source';
import { createLocalIdentityIssuer, GRAPH_AUDIENCE, type LocalIdentityIssuer } from '../../src/local/identity-issuer';
import { localIdentityService } from '../../src/local/identity-issuer.service';
import { CONTOSO as CONTOSO_TENANT, DEMO_PEOPLE, FABRIKAM as FABRIKAM_TENANT } from '../../src/local/demo-people';

const CONTOSO = CONTOSO_TENANT.tenantId;
const FABRIKAM = FABRIKAM_TENANT.tenantId;

const CLIENT_ID = '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c02';
const CLIENT_SECRET = 'local-only-not-secret';

let server: Server;
let baseUrl: string;
let issuer: LocalIdentityIssuer;
let tokenRequests = 0;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer = await createLocalIdentityIssuer({ baseUrl, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const service = localIdentityService(issuer);
  server.on('request', (req, res) => {
    if (req.url?.split('?')[0]?.endsWith('/oauth2/v2.0/token')) tokenRequests += 1;
    void service.handle(req, res, new URL(req.url ?? '/', baseUrl));
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const msal = (secret = CLIENT_SECRET) =>
  new MsalTokenSources({ clientId: CLIENT_ID, clientSecret: secret, authorityHost: `${baseUrl}/local-identity` });

const personOf = (tenantId: string) => DEMO_PEOPLE.find((p) => p.tenantId === tenantId)!;

async function verifyGraphToken(token: string, tenantId: string) {
  const { payload } = await jwtVerify(token, createLocalJWKSet(issuer.jwks), {
    audience: GRAPH_AUDIENCE,
    issuer: issuer.issuerTemplate.replace('{tenantid}', tenantId),
  });
  return payload as Record<string, unknown>;
}

it('gives MSAL an app-only Graph token by client credentials, with the application roles and the tenant', async () => {
  const token = await msal().appOnly(CONTOSO)();
  const claims = await verifyGraphToken(token, CONTOSO);
  expect(claims).toMatchObject({ tid: CONTOSO, idtyp: 'app', appid: CLIENT_ID, roles: ['Calendars.ReadWrite', 'MailboxSettings.Read'] });
});

it('exchanges the tab SSO token on behalf of the person for a delegated Graph token of the same person', async () => {
  const person = personOf(CONTOSO);
  const sso = (await issuer.issueToken(person.personId))!;
  const token = await msal().onBehalfOf(CONTOSO, sso)();
  const claims = await verifyGraphToken(token, CONTOSO);
  expect(claims).toMatchObject({ tid: CONTOSO, idtyp: 'user', oid: person.personId, scp: 'Calendars.ReadWrite MailboxSettings.Read' });
});

it('answers on-behalf-of with the scopes named as Entra names them (Graph’s resource first), so MSAL serves the next exchange from its cache', async () => {
  const person = personOf(CONTOSO);
  const sso = (await issuer.issueToken(person.personId))!;
  const sources = msal();
  const before = tokenRequests;
  const first = await sources.onBehalfOf(CONTOSO, sso)();
  const second = await sources.onBehalfOf(CONTOSO, sso)();
  expect(second).toBe(first);
  expect(tokenRequests - before).toBe(1);
  const answer = await fetch(`${baseUrl}/local-identity/${CONTOSO}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      assertion: sso,
      scope: `${GRAPH_AUDIENCE}/Calendars.ReadWrite ${GRAPH_AUDIENCE}/MailboxSettings.Read`,
    }),
  });
  expect((await answer.json()).scope).toBe(`${GRAPH_AUDIENCE}/Calendars.ReadWrite ${GRAPH_AUDIENCE}/MailboxSettings.Read`);
});

it('refuses a wrong client secret', async () => {
  await expect(msal('wrong-secret').appOnly(CONTOSO)()).rejects.toThrow();
});

it('refuses on-behalf-of with an SSO token of another tenant', async () => {
  const sso = (await issuer.issueToken(personOf(FABRIKAM).personId))!;
  await expect(msal().onBehalfOf(CONTOSO, sso)()).rejects.toThrow();
});

it('answers OAuth errors in Entra’s shape for a grant it does not serve', async () => {
  const response = await fetch(`${baseUrl}/local-identity/${CONTOSO}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, scope: `${GRAPH_AUDIENCE}/.default` }),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({ error: 'unsupported_grant_type', error_description: expect.any(String) });
});

it('keeps the SSO token for the API only: its audience is the app, not Graph', async () => {
  const sso = (await issuer.issueToken(personOf(CONTOSO).personId))!;
  expect(decodeJwt(sso).aud).toBe(CLIENT_ID);
});

it('has a demo programme owner in each tenant, whose API token carries the Programme.Owner role (and no one else’s does)', async () => {
  for (const tenantId of [CONTOSO, FABRIKAM]) {
    const owners = DEMO_PEOPLE.filter((p) => p.tenantId === tenantId && p.roles.includes('Programme.Owner'));
    expect(owners).toHaveLength(1);
    expect(decodeJwt((await issuer.issueToken(owners[0]!.personId))!)).toMatchObject({ tid: tenantId, roles: ['Programme.Owner'] });
  }
  const other = DEMO_PEOPLE.find((p) => p.roles.length === 0)!;
  expect(decodeJwt((await issuer.issueToken(other.personId))!).roles).toEqual([]);
});
