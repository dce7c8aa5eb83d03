/**
 * MSAL against a token endpoint over HTTP: the only request is the POST to the token endpoint
 * (no instance discovery, no OpenID configuration), which is what the local identity issuer serves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_GRAPH_SCOPES, MsalTokenSources } from '../../../src/adapters/graph/msal-token-source';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
let server: Server;
let host: string;
const seen: { method: string; url: string; form: Record<string, string> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const form = Object.fromEntries(new URLSearchParams(text));
      // MSAL appends ?client-request-id=<uuid>; the path is what the issuer routes on.
      const url = (req.url ?? '').split('?')[0]!;
      seen.push({ method: req.method ?? '', url, form });
      if (req.method !== 'POST' || url !== `/local-identity/${TENANT}/oauth2/v2.0/token`) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `graph-token-for-${form.grant_type}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local-identity`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
});

it('gets an app-only token by client credentials from {host}/{tenant}/oauth2/v2.0/token, then serves it from the cache', async () => {
  const sources = new MsalTokenSources({ clientId: 'app-id-1', clientSecret: 'local-secret', authorityHost: host });
  const token = sources.appOnly(TENANT);
  expect(await token()).toBe('graph-token-for-client_credentials');
  expect(await token()).toBe('graph-token-for-client_credentials');
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({
    method: 'POST',
    url: `/local-identity/${TENANT}/oauth2/v2.0/token`,
    form: { grant_type: 'client_credentials', client_id: 'app-id-1', client_secret: 'local-secret' },
  });
  expect(seen[0]!.form.scope!.split(' ')).toEqual(expect.arrayContaining([...APP_GRAPH_SCOPES]));
});

it('exchanges the tab SSO token on behalf of the person for delegated calendar scopes', async () => {
  const sources = new MsalTokenSources({ clientId: 'app-id-1', clientSecret: 'local-secret', authorityHost: host });
  expect(await sources.onBehalfOf(TENANT, 'sso.token.from-tab')()).toBe('graph-token-for-urn:ietf:params:oauth:grant-type:jwt-bearer');
  expect(seen).toHaveLength(1);
  expect(seen[0]!.form).toMatchObject({
    grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
    requested_token_use: 'on_behalf_of',
    assertion: 'sso.token.from-tab',
    client_id: 'app-id-1',
    client_secret: 'local-secret',
  });
  expect(seen[0]!.form.scope!.split(' ').sort()).toEqual(
    ['https://graph.microsoft.com/Calendars.ReadWrite', 'https://graph.microsoft.com/MailboxSettings.Read', 'offline_access', 'openid', 'profile'].sort(),
  );
});

it('reports a refused token as a TokenAcquisitionError', async () => {
  const sources = new MsalTokenSources({ clientId: 'app-id-1', clientSecret: 'local-secret', authorityHost: host });
  await expect(sources.appOnly('other-tenant')()).rejects.toMatchObject({ name: 'TokenAcquisitionError' });
});

describe('with a federated credential (Azure: the Function App managed identity) instead of a secret', () => {
  const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

  it("proves the app with the identity's token as client_assertion, for on-behalf-of and app-only, and never sends a secret", async () => {
    let asked = 0;
    const clientAssertion = async () => `mi-token-${++asked}`;
    const sources = new MsalTokenSources({ clientId: 'app-id-fic', clientAssertion, authorityHost: host });
    expect(await sources.onBehalfOf(TENANT, 'sso.token.from-teams')()).toBe('graph-token-for-urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(await sources.appOnly(TENANT)()).toBe('graph-token-for-client_credentials');
    expect(seen.map((s) => s.form.grant_type)).toEqual(['urn:ietf:params:oauth:grant-type:jwt-bearer', 'client_credentials']);
    for (const { form } of seen) {
      expect(form).toMatchObject({ client_id: 'app-id-fic', client_assertion_type: JWT_BEARER, client_assertion: expect.stringMatching(/^mi-token-\d$/) });
      expect(form.client_secret).toBeUndefined();
    }
    expect(seen[0]!.form).toMatchObject({ requested_token_use: 'on_behalf_of', assertion: 'sso.token.from-teams' });
  });
});
