import { credentialStatus } from '../../src/api/credential-health';
import { msalConfigurationFor } from '../../src/adapters/graph/msal-token-source';
import { managedIdentityAssertion, TOKEN_EXCHANGE_SCOPE } from '../../src/adapters/identity/managed-identity-assertion';

const NOW = Date.parse('2027-03-01T09:00:00Z');
const secret = (expiresOn?: string) => ({ AUTH_CLIENT_SECRET: 's', AUTH_FEDERATED_IDENTITY_CLIENT_ID: undefined, AUTH_CLIENT_SECRET_EXPIRES_ON: expiresOn });

describe('/api/health reminds of an expiring client secret', () => {
  test('more than 30 days ahead: ok, nothing to say', () => {
    expect(credentialStatus(secret('2027-04-01T09:00:01Z'), NOW)).toEqual({ status: 'ok' });
  });

  test('within 30 days: ok, with the date, the days left and where rotation is described', () => {
    expect(credentialStatus(secret('2027-03-31T09:00:00Z'), NOW)).toEqual({
      status: 'ok',
      detail: 'the client secret expires on 2027-03-31 (in 30 days); rotate it: docs/try-it-in-your-tenant.md#rotating-the-client-secret',
    });
    expect(credentialStatus(secret('2027-03-02'), NOW).detail).toContain('(in 1 day)');
  });

  test('expired: unavailable, because Graph calls now fail', () => {
    expect(credentialStatus(secret('2027-03-01T08:59:59Z'), NOW)).toEqual({
      status: 'unavailable',
      detail: 'the client secret expired on 2027-03-01; Graph calls fail until you rotate it: docs/try-it-in-your-tenant.md#rotating-the-client-secret',
    });
  });

  test('a federated credential through the managed identity has nothing to rotate; no credential says calendars are off', () => {
    expect(credentialStatus({ AUTH_FEDERATED_IDENTITY_CLIENT_ID: 'mi', AUTH_CLIENT_SECRET: undefined, AUTH_CLIENT_SECRET_EXPIRES_ON: undefined }, NOW)).toEqual({ status: 'ok', detail: 'federated credential (managed identity): nothing to rotate' });
    expect(credentialStatus({ AUTH_FEDERATED_IDENTITY_CLIENT_ID: undefined, AUTH_CLIENT_SECRET: undefined, AUTH_CLIENT_SECRET_EXPIRES_ON: undefined }, NOW).detail).toMatch(/not connected/);
    expect(credentialStatus(secret(undefined), NOW)).toEqual({ status: 'ok' });
  });
});

describe('the federated credential', () => {
  test("MSAL signs in with the managed identity's token for api://AzureADTokenExchange instead of a secret", async () => {
    const scopes: string[] = [];
    const assertion = managedIdentityAssertion('mi-client-id', { getToken: async (scope) => (scopes.push(String(scope)), { token: 'mi-token', expiresOnTimestamp: NOW + 3600_000 }) });
    const configuration = msalConfigurationFor({ clientId: 'app', authorityHost: 'https://login.microsoftonline.com', clientAssertion: assertion }, 'tenant-1');
    expect(configuration.auth.clientSecret).toBeUndefined();
    const callback = configuration.auth.clientAssertion as (config: { clientId: string; tokenEndpoint: string }) => Promise<string>;
    expect(await callback({ clientId: 'app', tokenEndpoint: 'https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token' })).toBe('mi-token');
    expect(scopes).toEqual([TOKEN_EXCHANGE_SCOPE]);
    expect(TOKEN_EXCHANGE_SCOPE).toBe('api://AzureADTokenExchange/.default');
  });

  test('a secret is still used where no managed identity exists (a developer machine)', () => {
    const configuration = msalConfigurationFor({ clientId: 'app', authorityHost: 'https://login.microsoftonline.com', clientSecret: 's3cret' }, 'tenant-1');
    expect([configuration.auth.clientSecret, configuration.auth.clientAssertion]).toEqual(['s3cret', undefined]);
  });
});
