import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '../../src/api/config';
import { localApiEnvironment, localModeOf, readSettingsFile, tenantApiEnvironment, withLocalConfigs } from '../../src/local/local-settings';

const endpoints = { storageConnectionString: 'azurite', jwksUri: 'http://h/local-identity/discovery/v2.0/keys', issuerTemplate: 'http://h/local-identity/{tenantid}/v2.0', graphBaseUrl: 'http://h/local-graph/v1.0' };

test('local mode: a setting from the environment wins over the local default (GRAPH_BASE_URL, the issuer, the client id)', () => {
  expect(localApiEnvironment(endpoints, {})).toMatchObject({ MENTORING_MODE: 'local', GRAPH_BASE_URL: 'http://h/local-graph/v1.0', AUTH_JWKS_URI: endpoints.jwksUri, AUTH_AUTHORITY_HOST: 'http://h/local-identity' });
  const env = { GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0', AUTH_ISSUER_TEMPLATE: 'https://login.microsoftonline.com/{tenantid}/v2.0', AUTH_CLIENT_ID: 'mine', AUTH_JWKS_URI: ' ' };
  expect(localApiEnvironment(endpoints, env)).toMatchObject({ GRAPH_BASE_URL: env.GRAPH_BASE_URL, AUTH_ISSUER_TEMPLATE: env.AUTH_ISSUER_TEMPLATE, AUTH_CLIENT_ID: 'mine', AUTH_JWKS_URI: endpoints.jwksUri });
});

test('.localConfigs fills what the environment leaves unset; the environment wins; a blank variable does not erase a value', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'local-configs-'));
  try {
    writeFileSync(path.join(dir, '.localConfigs'), '# written by the Toolkit\nMENTORING_MODE=tenant\nAUTH_CLIENT_ID="from-file"\nBOT_TYPE=MultiTenant\n\nAUTH_ALLOWED_TENANTS=file-tenant\n');
    const file = readSettingsFile(path.join(dir, '.localConfigs'));
    expect(file).toEqual({ MENTORING_MODE: 'tenant', AUTH_CLIENT_ID: 'from-file', BOT_TYPE: 'MultiTenant', AUTH_ALLOWED_TENANTS: 'file-tenant' });
    expect(withLocalConfigs({ AUTH_CLIENT_ID: 'from-env', AUTH_ALLOWED_TENANTS: '', PATH: '/bin' }, file)).toEqual({ MENTORING_MODE: 'tenant', AUTH_CLIENT_ID: 'from-env', BOT_TYPE: 'MultiTenant', AUTH_ALLOWED_TENANTS: 'file-tenant', PATH: '/bin' });
    expect(readSettingsFile(path.join(dir, 'absent'))).toEqual({});
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the mode is local unless told tenant; anything else stops start-up with what to do', () => {
  expect(localModeOf({})).toBe('local');
  expect(localModeOf({ MENTORING_MODE: 'tenant' })).toBe('tenant');
  expect(() => localModeOf({ MENTORING_MODE: 'azure' })).toThrow(ConfigurationError);
  expect(() => localModeOf({ MENTORING_MODE: 'azure' })).toThrow(/set MENTORING_MODE=tenant/);
});

test('tenant mode: production defaults for identity and Graph, the API in its real-services mode, Azurite unless storage is named', () => {
  const env = { AUTH_CLIENT_ID: 'c', AUTH_CLIENT_SECRET: 's', AUTH_ALLOWED_TENANTS: 't', BOT_ID: 'b', BOT_PASSWORD: 'p', TAB_ENDPOINT: 'https://x.devtunnels.ms', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
  const settings = tenantApiEnvironment(env, 'azurite-connection');
  expect(settings).toMatchObject({ MENTORING_MODE: 'azure', STORAGE_CONNECTION_STRING: 'azurite-connection', AUTH_JWKS_URI: undefined, GRAPH_BASE_URL: undefined, BOT_ID: 'b' });
  expect(tenantApiEnvironment({ ...env, STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=x' }, undefined).STORAGE_CONNECTION_STRING).toBe('DefaultEndpointsProtocol=https;AccountName=x');
  expect(() => tenantApiEnvironment({ ...env, BOT_ID: ' ', TAB_ENDPOINT: undefined }, 'a')).toThrow(/- BOT_ID: .*\n- TAB_ENDPOINT: /);
});

test('the Outlook add-in id: the Teams app id in tenant mode, the local package\'s stand-in app id in local mode; an explicit one wins', () => {
  expect(localApiEnvironment(endpoints, {}).OUTLOOK_ADDIN_ID).toBe('5b0c7d2e-3f41-4a8b-9c6d-1e2f3a4b5c01');
  expect(localApiEnvironment(endpoints, { OUTLOOK_ADDIN_ID: 'explicit' }).OUTLOOK_ADDIN_ID).toBe('explicit');
  const env = { AUTH_CLIENT_ID: 'c', AUTH_CLIENT_SECRET: 's', AUTH_ALLOWED_TENANTS: 't', BOT_ID: 'b', BOT_PASSWORD: 'p', TAB_ENDPOINT: 'https://x.devtunnels.ms' };
  expect(tenantApiEnvironment({ ...env, TEAMS_APP_ID: 'teams-app' }, 'a').OUTLOOK_ADDIN_ID).toBe('teams-app');
  expect(tenantApiEnvironment(env, 'a').OUTLOOK_ADDIN_ID).toBeUndefined();
});
