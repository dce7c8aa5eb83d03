import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';
import { artifactsDir } from './check-screen';

/**
 * A stand-in for the Teams client around a meeting side panel, for Chromium tests: a page served at
 * https://teams.microsoft.com (an origin teams-js trusts, so the real library in the production build
 * talks to it) that frames the tab and answers teams-js' postMessage protocol as the Teams web
 * client does: `initialize` (frame context `sidePanel`, a runtime that supports authentication and
 * pages), `getContext` (the meeting chat's id as `chatId`, the meeting id, the user, tenant, locale
 * and theme), `authentication.getAuthToken` (the person's token, here from the local identity
 * issuer, where Teams would give the Entra SSO token). Everything the tab asks is recorded.
 */
export interface MeetingHostContext {
  /** The meeting chat, as Teams puts it in the context (`19:meeting_…@thread.v2`). */
  readonly chatId: string;
  readonly meetingId?: string;
  readonly userObjectId: string;
  readonly userPrincipalName: string;
  readonly tenantId: string;
  readonly locale: string;
  readonly theme: 'default' | 'dark';
  /** What getAuthToken answers; undefined makes it fail, as when SSO is not consented. */
  readonly token: string | undefined;
}

export const TEAMS_HOST_ORIGIN = 'https://teams.microsoft.com';

const runtime = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: { app: {}, appInstallDialog: {}, authentication: {}, dialog: { url: {}, update: {} }, meeting: {}, pages: { appButton: {}, config: {}, currentApp: {}, tabs: {} }, teamsCore: {} },
};

function hostPage(tabUrl: string, context: MeetingHostContext, width: number): string {
  const legacyContext = {
    locale: context.locale,
    theme: context.theme,
    entityId: 'mentoring-meeting',
    frameContext: 'sidePanel',
    hostClientType: 'web',
    hostName: 'Teams',
    chatId: context.chatId,
    ...(context.meetingId ? { meetingId: context.meetingId } : {}),
    userObjectId: context.userObjectId,
    userPrincipalName: context.userPrincipalName,
    loginHint: context.userPrincipalName,
    tid: context.tenantId,
    appSessionId: 'e2e-session',
  };
  const answers = {
    initialize: ['sidePanel', 'web', JSON.stringify(runtime), '2.0.0'],
    getContext: [legacyContext],
    'authentication.getAuthToken': context.token ? [true, context.token] : [false, 'resourceDisabled'],
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Meeting | Microsoft Teams</title>
<style>html,body{margin:0;padding:0}iframe{display:block;border:0;width:${width}px;height:100vh}</style></head>
<body><iframe id="app" title="Mentoring" src="${tabUrl}"></iframe>
<script>
  const answers = ${JSON.stringify(answers)};
  window.hostCalls = [];
  window.addEventListener('message', (event) => {
    const frame = document.getElementById('app').contentWindow;
    if (event.source !== frame || !event.data || typeof event.data.func !== 'string') return;
    const message = event.data;
    window.hostCalls.push(message.func);
    const args = answers[message.func];
    // Calls without an answer here (notifySuccess, handler registrations) are one-way in Teams too.
    if (args) frame.postMessage({ id: message.id, uuid: message.uuid, args }, event.origin);
  });
</script></body></html>`;
}

/**
 * Chromium's Local Network Access checks keep a public page (the host) from framing a loopback one
 * (the tab server); a browser for these tests turns them off, as a developer's machine running the
 * tab locally inside Teams needs to.
 */
export const MEETING_HOST_CHROMIUM_ARGS = ['--disable-features=LocalNetworkAccessChecks'] as const;

/**
 * Opens the tab at `tabUrl` (the tab server) inside the meeting host stand-in; returns the host page
 * and the tab's frame. The CDN list of Teams' origins is not reachable here, so teams-js falls back to
 * its built-in list. Launch the browser with MEETING_HOST_CHROMIUM_ARGS.
 */
export async function openInTeamsMeeting(browser: BrowserContext, tabUrl: string, context: MeetingHostContext, width = 320): Promise<{ page: Page; frame: Frame; calls: () => Promise<string[]> }> {
  await browser.route(`${TEAMS_HOST_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(tabUrl, context, width) }));
  await browser.route('https://res.cdn.office.net/**', (route) => route.abort());
  const page = await browser.newPage();
  await page.goto(`${TEAMS_HOST_ORIGIN}/v2/meeting-side-panel`);
  const handle = await page.waitForSelector('iframe#app');
  const frame = (await handle.contentFrame())!;
  return { page, frame, calls: () => page.evaluate(() => (window as unknown as { hostCalls: string[] }).hostCalls) };
}

/**
 * The panel as the person sees it: waits for its data, grows the frame to its content and saves a
 * screenshot to test-artifacts/e2e/<name>.png; fails on any serious or critical axe finding in the tab.
 */
export async function checkPanel(page: Page, frame: Frame, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await frame.waitForSelector('[data-loading]', { state: 'detached' });
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate((h) => {
    document.getElementById('app')!.style.height = `${Math.max(h, window.innerHeight)}px`;
  }, height);
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  expect({ screen: name, violations: await seriousAxeViolations(frame) }).toEqual({ screen: name, violations: [] });
}
