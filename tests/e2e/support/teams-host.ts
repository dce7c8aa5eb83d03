import type { BrowserContext, Frame, Page } from 'playwright-core';

/** What the simulated Teams client tells the tab: its context (the legacy shape teams-js reads) and the SSO token. */
export interface TeamsHostOptions {
  /** The deep link's page: `context.subEntityId` of https://teams.microsoft.com/l/entity/<app>/<entity>?context=…. */
  subEntityId?: string;
  locale?: string;
  theme?: 'default' | 'dark' | 'contrast';
  userPrincipalName?: string;
  tenantId?: string;
  /** The token `authentication.getAuthToken` answers with (here: one from the local identity issuer). */
  token: string;
}

/** The path the host page is served at, beside the tab (same origin, as teams-js trusts its own origin). */
const HOST_PATH = '/teams-host.html';

/**
 * A stand-in for the Teams web client: a page that frames the tab at the manifest's start URL (`#/`)
 * and answers the tab's teams-js messages over postMessage as the client does (`initialize`,
 * `getContext`, `authentication.getAuthToken`), recording every call in `window.hostCalls`. It is
 * served from the tab's own origin because teams-js accepts its parent's messages from its own origin
 * or from Microsoft's https domains only; everything else about the conversation is the real one.
 */
export function teamsHostHtml(options: TeamsHostOptions): string {
  const legacyContext = {
    locale: options.locale ?? 'en-GB',
    theme: options.theme ?? 'default',
    hostName: 'Teams',
    hostClientType: 'web',
    frameContext: 'content',
    entityId: 'mentoring',
    subEntityId: options.subEntityId ?? '',
    userPrincipalName: options.userPrincipalName ?? 'kacper@contoso.example',
    userObjectId: 'a0000002-0000-4000-8000-000000000002',
    tid: options.tenantId ?? '00000000-0000-4000-8000-000000000001',
    appSessionId: 'e2e-session',
  };
  const runtime = {
    apiVersion: 4,
    hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    isLegacyTeams: false,
    supports: { appEntity: {}, pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {} },
  };
  const script = `
    const context = ${JSON.stringify(legacyContext)};
    const runtime = ${JSON.stringify(JSON.stringify(runtime))};
    const token = ${JSON.stringify(options.token)};
    window.hostCalls = [];
    const frame = document.getElementById('tab');
    window.addEventListener('message', (event) => {
      if (event.source !== frame.contentWindow) return;
      const message = event.data;
      if (!message || typeof message.func !== 'string') return;
      window.hostCalls.push(message.func);
      const reply = (args) => frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
      if (message.func === 'initialize') reply([context.frameContext, context.hostClientType, runtime, '2.58.0']);
      else if (message.func === 'getContext') reply([context]);
      else if (message.func === 'authentication.getAuthToken') reply([true, token]);
    });
    frame.src = '/#/';
  `;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams (simulated)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe id="tab" title="Mentoring"></iframe><script>${script}</script></body></html>`;
}

/**
 * Opens the tab inside the simulated Teams client, as a deep link would: the host page is served at
 * `<tab origin>/teams-host.html` and the tab is framed at its start URL. Returns the tab's frame.
 * teams-js's fetch of Microsoft's list of host domains is refused (no network in tests; the library
 * then uses its built-in list).
 */
export async function openInTeamsHost(context: BrowserContext, page: Page, tabBaseUrl: string, options: TeamsHostOptions): Promise<Frame> {
  await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  await page.route(`${tabBaseUrl}${HOST_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamsHostHtml(options) }));
  await page.goto(`${tabBaseUrl}${HOST_PATH}`);
  const handle = await page.waitForSelector('iframe#tab');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the simulated Teams client has no tab frame');
  return frame;
}

/** The teams-js calls the simulated client received, in order. */
export function hostCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { hostCalls: string[] }).hostCalls);
}
