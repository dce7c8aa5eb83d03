import { app } from '@microsoft/teams-js';
import { detectHost, type TeamsSdk } from '../../../src/tab/host/detect-host';
import { readQueryOverrides } from '../../../src/tab/host/query-overrides';

/** A fake Microsoft host implementing the slice of teams-js the tab uses, recording what it was told. */
function fakeHost(options: { initialize: () => Promise<void>; theme?: string; locale?: string; token?: () => Promise<string> }) {
  const calls: { notifySuccess: number; failures: app.IFailedRequest[]; themeHandlers: ((t: string) => void)[] } = {
    notifySuccess: 0,
    failures: [],
    themeHandlers: [],
  };
  const sdk: TeamsSdk = {
    app: {
      initialize: options.initialize,
      getContext: async () =>
        ({
          app: { locale: options.locale ?? 'pl-pl', theme: options.theme ?? 'dark', host: { name: 'Outlook', clientType: 'desktop' }, sessionId: 's' },
          page: { id: 'home', frameContext: 'content' },
          user: { id: 'u1', userPrincipalName: 'kacper@contoso.example', tenant: { id: 't1' } },
        }) as unknown as app.Context,
      notifySuccess: async () => {
        calls.notifySuccess += 1;
        return {} as Awaited<ReturnType<typeof app.notifySuccess>>;
      },
      notifyFailure: (request) => {
        calls.failures.push(request);
      },
      registerOnThemeChangeHandler: (handler) => {
        calls.themeHandlers.push(handler);
      },
      FailedReason: app.FailedReason,
    },
    authentication: { getAuthToken: (options.token ?? (async () => 'sso-token')) as TeamsSdk['authentication']['getAuthToken'] },
  };
  return { sdk, calls };
}

describe('detectHost', () => {
  it('is a plain browser without starting teams-js when nothing could host it', async () => {
    const initialize = jest.fn(async () => undefined);
    const { sdk } = fakeHost({ initialize });
    await expect(detectHost({ sdk, hasHostChannel: false, browserLocale: 'pl-PL', prefersDark: true })).resolves.toEqual({
      kind: 'browser',
      locale: 'pl-PL',
      theme: 'dark',
    });
    expect(initialize).not.toHaveBeenCalled();
  });

  it('is a plain browser when teams-js finds no host', async () => {
    const { sdk } = fakeHost({ initialize: () => Promise.reject(new Error('Initialization Failed. No Parent window found.')) });
    await expect(detectHost({ sdk, hasHostChannel: true })).resolves.toMatchObject({ kind: 'browser' });
  });

  it('is a plain browser when an unrelated parent frame never answers', async () => {
    const { sdk } = fakeHost({ initialize: () => new Promise<void>(() => undefined) });
    await expect(detectHost({ sdk, hasHostChannel: true, timeoutMs: 20 })).resolves.toMatchObject({ kind: 'browser', theme: 'default' });
  });

  it('reads the host, locale, theme and user from the context inside a Microsoft host', async () => {
    const { sdk } = fakeHost({ initialize: async () => undefined });
    const host = await detectHost({ sdk, hasHostChannel: true });
    expect(host).toMatchObject({
      kind: 'microsoft',
      hostName: 'Outlook',
      locale: 'pl-pl',
      theme: 'dark',
      userPrincipalName: 'kacper@contoso.example',
      tenantId: 't1',
    });
    if (host.kind !== 'microsoft') throw new Error('expected a Microsoft host');
    await expect(host.getToken()).resolves.toBe('sso-token');
  });

  it('tells the host about success and about an auth failure with the AuthFailed reason', async () => {
    const { sdk, calls } = fakeHost({ initialize: async () => undefined });
    const host = await detectHost({ sdk, hasHostChannel: true });
    if (host.kind !== 'microsoft') throw new Error('expected a Microsoft host');
    host.notifySuccess();
    host.notifyAuthFailure('SSO token unavailable');
    expect(calls.notifySuccess).toBe(1);
    expect(calls.failures).toEqual([{ reason: app.FailedReason.AuthFailed, message: 'SSO token unavailable' }]);
  });

  it('follows theme changes, treating unknown themes as the default', async () => {
    const { sdk, calls } = fakeHost({ initialize: async () => undefined, theme: 'default' });
    const host = await detectHost({ sdk, hasHostChannel: true });
    if (host.kind !== 'microsoft') throw new Error('expected a Microsoft host');
    const seen: string[] = [];
    host.onThemeChange((theme) => seen.push(theme));
    for (const theme of ['dark', 'contrast', 'glass', 'default']) calls.themeHandlers[0]!(theme);
    expect(seen).toEqual(['dark', 'contrast', 'default', 'default']);
  });
});

describe('query overrides for local runs and tests', () => {
  it.each([
    ['?theme=dark&lang=pl', { theme: 'dark', language: 'pl' }],
    ['?theme=contrast', { theme: 'contrast' }],
    ['?lang=EN', { language: 'en' }],
    ['?theme=purple&lang=de', {}],
    ['', {}],
  ])('%s', (search, expected) => {
    expect(readQueryOverrides(search)).toEqual(expected);
  });
});
