import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type ChromiumOptions } from '../../support/chromium';
import { seriousAxeViolations } from './axe';
import { artifactsDir } from './check-screen';

/**
 * What the simulated Teams client tells the tab: its context (the legacy shape teams-js reads) and
 * the SSO token. Without `meeting` the tab is a personal tab (frame context `content`); with it, the
 * side panel of that meeting (frame context `sidePanel`, the meeting chat's id as `chatId`).
 */
export interface TeamsHostOptions {
  /** What `authentication.getAuthToken` answers (here: a token of the local identity issuer); undefined makes it fail, as when SSO is not consented. */
  token: string | undefined;
  /** The deep link's page: `context.subEntityId` of https://teams.microsoft.com/l/entity/<app>/<entity>?context=…. */
  subEntityId?: string;
  meeting?: {
    /** The meeting chat, as Teams puts it in the context (`19:meeting_…@thread.v2`). */
    chatId: string;
    meetingId?: string;
  };
  locale?: string;
  theme?: 'default' | 'dark' | 'contrast';
  userObjectId?: string;
  userPrincipalName?: string;
  tenantId?: string;
}

const TEAMS_HOST_ORIGIN = 'https://teams.microsoft.com';

/**
 * Chromium's Local Network Access checks keep a public page (the host) from framing a loopback one
 * (the tab server); a browser for these tests turns them off, as a developer's machine running the
 * tab locally inside Teams needs to.
 */
const TEAMS_HOST_CHROMIUM_ARGS = ['--disable-features=LocalNetworkAccessChecks'] as const;

const runtime = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    appInstallDialog: {},
    authentication: {},
    dialog: { url: {}, update: {} },
    meeting: {},
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} },
    teamsCore: {},
  },
};

/**
 * A stand-in for the Teams web client: a page at https://teams.microsoft.com (an origin teams-js
 * trusts, so the real library in the production build talks to it) that frames the tab and answers
 * its teams-js messages over postMessage as the client does (`initialize`, `getContext`,
 * `authentication.getAuthToken`), recording every call in `window.hostCalls`.
 */
function teamsHostHtml(tabUrl: string, options: TeamsHostOptions): string {
  const userPrincipalName = options.userPrincipalName ?? 'kacper@contoso.example';
  const frameContext = options.meeting ? 'sidePanel' : 'content';
  const legacyContext = {
    locale: options.locale ?? 'en-GB',
    theme: options.theme ?? 'default',
    hostName: 'Teams',
    hostClientType: 'web',
    frameContext,
    entityId: options.meeting ? 'mentoring-meeting' : 'mentoring',
    subEntityId: options.subEntityId ?? '',
    ...(options.meeting ? { chatId: options.meeting.chatId } : {}),
    ...(options.meeting?.meetingId ? { meetingId: options.meeting.meetingId } : {}),
    userObjectId: options.userObjectId ?? 'a0000002-0000-4000-8000-000000000002',
    userPrincipalName,
    loginHint: userPrincipalName,
    tid: options.tenantId ?? '00000000-0000-4000-8000-000000000001',
    appSessionId: 'e2e-session',
  };
  const answers = {
    initialize: [frameContext, 'web', JSON.stringify(runtime), '2.58.0'],
    getContext: [legacyContext],
    'authentication.getAuthToken': options.token ? [true, options.token] : [false, 'resourceDisabled'],
  };
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams (simulated)</title>
<style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%;display:block}</style></head>
<body><iframe id="tab" title="Mentoring" src="${tabUrl}"></iframe>
<script>
  const answers = ${JSON.stringify(answers)};
  window.hostCalls = [];
  window.addEventListener('message', (event) => {
    const frame = document.getElementById('tab').contentWindow;
    if (event.source !== frame || !event.data || typeof event.data.func !== 'string') return;
    const message = event.data;
    window.hostCalls.push(message.func);
    const args = answers[message.func];
    // Calls without an answer here (notifySuccess, handler registrations) are one-way in Teams too.
    if (args) frame.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
  });
</script></body></html>`;
}

export interface InTeams {
  /** The simulated client's page. */
  page: Page;
  /** The tab's frame inside it. */
  frame: Frame;
  /** The teams-js calls the simulated client received, in order. */
  calls(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Opens the tab at `tabUrl` (the tab server: its start URL `#/`, or `#/meeting` for the meeting
 * panel) inside the simulated Teams client, in a Chromium of its own. The CDN list of Teams' origins
 * is not reachable here, so teams-js falls back to its built-in list.
 */
export async function openInTeams(tabUrl: string, options: TeamsHostOptions, chromium: ChromiumOptions = {}): Promise<InTeams> {
  const browser = await launchChromium({ ...chromium, args: [...TEAMS_HOST_CHROMIUM_ARGS, ...(chromium.args ?? [])] });
  try {
    await browser.context.route(`${TEAMS_HOST_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: teamsHostHtml(tabUrl, options) }));
    await browser.context.route('https://res.cdn.office.net/**', (route) => route.abort());
    const page = await browser.context.newPage();
    await page.goto(`${TEAMS_HOST_ORIGIN}/v2/`);
    const frame = await (await page.waitForSelector('iframe#tab')).contentFrame();
    if (!frame) throw new Error('the simulated Teams client has no tab frame');
    return { page, frame, calls: () => page.evaluate(() => (window as unknown as { hostCalls: string[] }).hostCalls), close: browser.close };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * A panel as the person sees it: waits for its data, grows the frame to its content and saves a
 * screenshot to test-artifacts/e2e/<name>.png; fails on any serious or critical axe finding in the tab.
 */
export async function checkPanel(page: Page, frame: Frame, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await frame.waitForSelector('[data-loading]', { state: 'detached' });
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.evaluate((h) => {
    document.getElementById('tab')!.style.height = `${Math.max(h, window.innerHeight)}px`;
  }, height);
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  expect({ screen: name, violations: await seriousAxeViolations(frame) }).toEqual({ screen: name, violations: [] });
}
