/** @jest-environment jsdom */
import { act, render, screen, waitFor } from '@testing-library/react';
import { Root } from '../../../src/tab/app/root';
import type { Host, MicrosoftHost } from '../../../src/tab/host/detect-host';
// Root brings its own providers; this import only adds the jsdom ResizeObserver stand-in.
import '../support/render-with-providers';

function teamsHost(overrides: Partial<MicrosoftHost> = {}) {
  const calls = { success: 0, failures: [] as string[], themeHandler: undefined as ((t: 'default' | 'dark' | 'contrast') => void) | undefined };
  const host: MicrosoftHost = {
    kind: 'microsoft',
    hostName: 'Teams',
    locale: 'pl-pl',
    theme: 'default',
    userPrincipalName: 'kacper@contoso.example',
    tenantId: 't1',
    subPageId: undefined,
    chatId: undefined,
    getToken: async () => 'sso-token',
    notifySuccess: () => {
      calls.success += 1;
    },
    notifyAuthFailure: (reason) => {
      calls.failures.push(reason);
    },
    onThemeChange: (handler) => {
      calls.themeHandler = handler;
    },
    ...overrides,
  };
  return { host, calls };
}

const noFetch: typeof fetch = () => Promise.reject(new TypeError('no network in this test'));

describe('Root inside a Microsoft host', () => {
  it('shows a clear screen and tells the host when SSO gives no token', async () => {
    const { host, calls } = teamsHost({ getToken: () => Promise.reject(new Error('consent_required')) });
    render(<Root overrides={{}} detect={async (): Promise<Host> => host} storage={window.sessionStorage} fetchImpl={noFetch} />);
    expect(await screen.findByText('Nie udało się Cię zalogować')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Spróbuj ponownie' })).toBeTruthy();
    expect(calls.failures).toEqual(['SSO token unavailable']);
    expect(calls.success).toBe(0);
  });

  it('opens the shell in the host’s language with the signed-in person, and reports success', async () => {
    const { host, calls } = teamsHost();
    render(<Root overrides={{}} detect={async (): Promise<Host> => host} storage={window.sessionStorage} fetchImpl={noFetch} />);
    expect(await screen.findByText('Zalogowano jako kacper@contoso.example')).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Znajdź mentora' })).toBeTruthy();
    expect(screen.queryByText('Logowanie lokalne')).toBeNull();
    await waitFor(() => expect(calls.success).toBe(1));
    expect(document.documentElement.lang).toBe('pl');
  });

  it('lets ?lang=en override the host language for testing', async () => {
    const { host } = teamsHost();
    render(<Root overrides={{ language: 'en' }} detect={async (): Promise<Host> => host} storage={window.sessionStorage} fetchImpl={noFetch} />);
    expect(await screen.findByText('Signed in as kacper@contoso.example')).toBeTruthy();
  });
});

describe('Root opened by a Teams deep link', () => {
  beforeEach(() => {
    window.location.hash = '';
  });

  it('opens the page the card names in subPageId (subEntityId in the link)', async () => {
    const { host } = teamsHost({ subPageId: 'relationship/rel-7/checkins/meeting-3' });
    render(<Root overrides={{}} detect={async (): Promise<Host> => host} storage={window.sessionStorage} fetchImpl={noFetch} />);
    await waitFor(() => expect(window.location.hash).toBe('#/relationship/rel-7/checkins/meeting-3'));
  });

  it('keeps a section-only link ("schedule") for the one active relationship', async () => {
    const { host } = teamsHost({ subPageId: 'schedule' });
    render(<Root overrides={{}} detect={async (): Promise<Host> => host} storage={window.sessionStorage} fetchImpl={noFetch} />);
    await waitFor(() => expect(window.location.hash).toBe('#/schedule'));
  });

  it('ignores a subPageId that names no page of the tab', async () => {
    const { host } = teamsHost({ subPageId: 'javascript:alert(1)' });
    render(<Root overrides={{}} detect={async (): Promise<Host> => host} storage={window.sessionStorage} fetchImpl={noFetch} />);
    expect(await screen.findByText('Zalogowano jako kacper@contoso.example')).toBeTruthy();
    expect(window.location.hash).toBe('');
  });

  it('follows the host’s theme when Teams switches it', async () => {
    const { host, calls } = teamsHost();
    render(<Root overrides={{}} detect={async (): Promise<Host> => host} storage={window.sessionStorage} fetchImpl={noFetch} />);
    await screen.findByText('Zalogowano jako kacper@contoso.example');
    const light = document.body.style.backgroundColor;
    act(() => calls.themeHandler?.('dark'));
    await waitFor(() => expect(document.body.style.backgroundColor).not.toBe(light));
    expect(document.documentElement.style.colorScheme).toBe('dark');
  });
});

describe('Root in a plain browser', () => {
  it('says it is outside Teams and explains how to start the local issuer when it does not answer', async () => {
    const browser: Host = { kind: 'browser', locale: 'en-GB', theme: 'default' };
    render(<Root overrides={{}} detect={async () => browser} storage={window.sessionStorage} fetchImpl={noFetch} />);
    expect(await screen.findByText('You are outside Microsoft Teams')).toBeTruthy();
    expect(await screen.findByText(/The local identity issuer did not answer\. Start the local stack with `npm start`/)).toBeTruthy();
  });
});
