import { ConfigurationError, parseApiSettings } from '../../src/api/config';

const valid = {
  MENTORING_MODE: 'azure',
  STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=eA==;EndpointSuffix=core.windows.net',
  AUTH_CLIENT_ID: '5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c02',
};

describe('API settings', () => {
  it('fills the Entra defaults for azure mode', () => {
    const settings = parseApiSettings(valid);
    expect(settings.AUTH_JWKS_URI).toBe('https://login.microsoftonline.com/common/discovery/v2.0/keys');
    expect(settings.AUTH_ISSUER_TEMPLATE).toBe('https://login.microsoftonline.com/{tenantid}/v2.0');
    expect(settings.AUTH_ALLOWED_TENANTS).toEqual([]);
    expect(settings.STORAGE_TABLE_NAME).toBe('mentoring');
    expect(settings.BOOKING_HORIZON_DAYS).toBe(366);
    expect(parseApiSettings({ ...valid, BOOKING_HORIZON_DAYS: '120' }).BOOKING_HORIZON_DAYS).toBe(120);
  });

  it.each([
    ['AUTH_CLIENT_ID', { ...valid, AUTH_CLIENT_ID: undefined }],
    ['STORAGE_CONNECTION_STRING', { ...valid, STORAGE_CONNECTION_STRING: '' }],
    ['MENTORING_MODE', { ...valid, MENTORING_MODE: 'prod' }],
    ['AUTH_ISSUER_TEMPLATE', { ...valid, AUTH_ISSUER_TEMPLATE: 'https://login.microsoftonline.com/common/v2.0' }],
    ['AUTH_JWKS_URI', { ...valid, AUTH_JWKS_URI: 'not a url' }],
    ['BOOKING_HORIZON_DAYS', { ...valid, BOOKING_HORIZON_DAYS: '1000' }],
    ['BOOKING_HORIZON_DAYS', { ...valid, BOOKING_HORIZON_DAYS: 'soon' }],
  ])('stops with a message naming %s', (name, env) => {
    expect(() => parseApiSettings(env)).toThrow(ConfigurationError);
    expect(() => parseApiSettings(env)).toThrow(new RegExp(name));
  });

  it("in azure mode gives Graph's webhook this app's own host, with no secret to set (each subscription has its own)", () => {
    const onAzure = { ...valid, WEBSITE_HOSTNAME: 'func-mentoring-dev.azurewebsites.net' };
    expect(parseApiSettings(onAzure).GRAPH_NOTIFICATION_URL).toBe('https://func-mentoring-dev.azurewebsites.net/api/calendar-notifications');
    expect(parseApiSettings({ ...onAzure, GRAPH_NOTIFICATION_URL: 'https://api.contoso.example/api/calendar-notifications' }).GRAPH_NOTIFICATION_URL).toBe(
      'https://api.contoso.example/api/calendar-notifications',
    );
    // The old shared-secret setting is neither needed nor read.
    expect(parseApiSettings({ ...onAzure, GRAPH_NOTIFICATION_CLIENT_STATE: 'k9Z-secret' })).not.toHaveProperty('GRAPH_NOTIFICATION_CLIENT_STATE');
    // Without a host name (not in Azure) there is no public webhook: the delta and sync timers read Outlook.
    expect(parseApiSettings(valid).GRAPH_NOTIFICATION_URL).toBeUndefined();
    expect(parseApiSettings({ ...onAzure, MENTORING_MODE: 'local' }).GRAPH_NOTIFICATION_URL).toBeUndefined();
  });

  it('accepts a table endpoint without a connection string (managed identity) and checks its form', () => {
    const endpointOnly = { ...valid, STORAGE_CONNECTION_STRING: undefined, STORAGE_TABLE_ENDPOINT: 'https://acct.table.core.windows.net' };
    expect(parseApiSettings(endpointOnly).STORAGE_TABLE_ENDPOINT).toBe('https://acct.table.core.windows.net');
    expect(() => parseApiSettings({ ...endpointOnly, STORAGE_TABLE_ENDPOINT: 'acct' })).toThrow(/STORAGE_TABLE_ENDPOINT/);
  });

  it('names every missing setting at once', () => {
    expect(() => parseApiSettings({})).toThrow(/MENTORING_MODE[\s\S]*AUTH_CLIENT_ID[\s\S]*STORAGE_CONNECTION_STRING/);
  });

  it('splits the tenant allow-list', () => {
    expect(parseApiSettings({ ...valid, AUTH_ALLOWED_TENANTS: ' a , b,,' }).AUTH_ALLOWED_TENANTS).toEqual(['a', 'b']);
  });
});
