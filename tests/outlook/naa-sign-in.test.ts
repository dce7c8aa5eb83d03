/**
 * Nested app authentication as the pane and the guard use it, with MSAL's application factory
 * replaced (the real one needs Outlook's broker): the scope is the API's access_as_user under the tab
 * domain, the guard's silent path never opens a popup, the pane's click falls back to the popup, and a
 * failed start is tried again on the next call. Missing build settings are named.
 */
import type { IPublicClientApplication } from '@azure/msal-browser';
import { apiScopeOf, naaConfigFrom, naaSignIn } from '../../src/outlook/auth/naa-sign-in';

const CONFIG = { clientId: '7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a02', tabDomain: 'stmentordevabcdeweb.z6.web.core.windows.net' };
const SCOPE = `api://${CONFIG.tabDomain}/${CONFIG.clientId}/access_as_user`;

function factory(app: Partial<IPublicClientApplication>, failFirst = false) {
  const configs: unknown[] = [];
  let calls = 0;
  const create = (async (configuration: unknown) => {
    configs.push(configuration);
    calls += 1;
    if (failFirst && calls === 1) throw new Error('bridge not ready');
    return app as IPublicClientApplication;
  }) as never;
  return { create, configs, calls: () => calls };
}

test('the scope is the API\'s access_as_user, the same audience as the tab\'s SSO token', () => {
  expect(apiScopeOf(CONFIG)).toBe(SCOPE);
});

test('silent: one MSAL application for every call, the API scope, never a popup', async () => {
  const acquireTokenSilent = jest.fn().mockResolvedValue({ accessToken: 'naa-token' });
  const acquireTokenPopup = jest.fn();
  const { create, configs } = factory({ acquireTokenSilent, acquireTokenPopup });
  const signIn = naaSignIn(CONFIG, create);
  expect(await signIn.silentToken()).toBe('naa-token');
  expect(await signIn.silentToken()).toBe('naa-token');
  expect(configs).toEqual([{ auth: { clientId: CONFIG.clientId, authority: 'https://login.microsoftonline.com/organizations' } }]);
  expect(acquireTokenSilent).toHaveBeenCalledWith({ scopes: [SCOPE] });
  acquireTokenSilent.mockRejectedValueOnce(new Error('interaction_required'));
  await expect(signIn.silentToken()).rejects.toThrow('interaction_required');
  expect(acquireTokenPopup).not.toHaveBeenCalled();
});

test('interactive (the pane\'s Sign in click): silent first, Outlook\'s popup when interaction is required', async () => {
  const acquireTokenSilent = jest.fn().mockRejectedValue(new Error('interaction_required'));
  const acquireTokenPopup = jest.fn().mockResolvedValue({ accessToken: 'after-popup' });
  const signIn = naaSignIn(CONFIG, factory({ acquireTokenSilent, acquireTokenPopup }).create);
  expect(await signIn.interactiveToken()).toBe('after-popup');
  expect(acquireTokenPopup).toHaveBeenCalledWith({ scopes: [SCOPE] });
});

test('a failed start is not remembered: the next call starts MSAL again', async () => {
  const f = factory({ acquireTokenSilent: jest.fn().mockResolvedValue({ accessToken: 't' }) }, true);
  const signIn = naaSignIn(CONFIG, f.create);
  await expect(signIn.silentToken()).rejects.toThrow('bridge not ready');
  expect(await signIn.silentToken()).toBe('t');
  expect(f.calls()).toBe(2);
});

test('a build without its settings names what is missing; unreplaced %VITE_…% placeholders count as missing', () => {
  expect(naaConfigFrom({ clientId: CONFIG.clientId, tabDomain: CONFIG.tabDomain })).toEqual(CONFIG);
  expect(naaConfigFrom({ clientId: '%VITE_AAD_APP_CLIENT_ID%', tabDomain: '' })).toEqual({ missing: ['AAD_APP_CLIENT_ID', 'TAB_DOMAIN'] });
});

test('a Graph token for the pane\'s iCalUId read: the consented delegated scope on graph.microsoft.com, silently', async () => {
  const acquireTokenSilent = jest.fn().mockResolvedValue({ accessToken: 'graph' });
  const signIn = naaSignIn(CONFIG, factory({ acquireTokenSilent }).create);
  expect(await signIn.graphToken(['Calendars.ReadWrite'])).toBe('graph');
  expect(acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['https://graph.microsoft.com/Calendars.ReadWrite'] });
});
