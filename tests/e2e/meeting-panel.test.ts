/**
 * The meeting side panel at the side panel's width (320 px), with a simulated meeting context
 * (`?meetingChat=`, as the host's context.chat.id inside Teams), light and dark, English and Polish:
 * it fits without sideways scrolling, passes axe (no serious or critical finding) and is photographed
 * into test-artifacts/e2e/meeting-panel-<theme>-<language>.png. A chat that is not one of the
 * person's meetings shows that, and nothing of anyone else's.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { chatThreadIdOfJoinUrl } from '../../src/core/relationships/meeting-chat';
import { buildTab } from './support/build-tab';
import { checkScreen } from './support/check-screen';
import { launchChromium } from './support/chromium';
import { startE2eStack, type E2eStack } from './support/local-stack';
import { startTabServer, type TabServer } from './support/tab-server';

jest.setTimeout(300_000);

const KACPER = 'a0000002-0000-4000-8000-000000000002';

let buildDir: string;
let stack: E2eStack;
let tab: TabServer;
let chatId: string;

async function api(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return answer.json();
}

beforeAll(async () => {
  buildDir = buildTab();
  stack = await startE2eStack();
  tab = await startTabServer(buildDir, stack.baseUrl);
  const issued = await fetch(`${stack.baseUrl}/local-identity/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: KACPER }) });
  const token = ((await issued.json()) as { accessToken: string }).accessToken;
  const list = await api(token, 'GET', '/api/relationships');
  const online = (meetings: { joinUrl?: string; status: string }[]) => meetings.find((m) => m.status === 'planned' && m.joinUrl && chatThreadIdOfJoinUrl(m.joinUrl));
  let meeting: { joinUrl?: string } | undefined;
  const answers: unknown[] = [];
  // The demo pair with a signed agreement: an online meeting it has, or its next one booked now (the local calendar as Outlook).
  for (const { relationship } of list.relationships as { relationship: { id: string } }[]) {
    meeting = online((await api(token, 'GET', `/api/relationships/${relationship.id}`)).meetings ?? []);
    if (meeting) break;
    let booked = await api(token, 'POST', `/api/relationships/${relationship.id}/meetings`, { scope: 'next' });
    if (booked?.error?.code === 'BOOKING.NO_ACTIVE_AGREEMENT') {
      // The demo pair agrees first: Kacper proposes, the partner accepts (weekdays, both zones' office hours).
      const detail = await api(token, 'GET', `/api/relationships/${relationship.id}`);
      const { mentorId, menteeId } = detail.relationship as { mentorId: string; menteeId: string };
      const side = (personId: string) => ({
        personId,
        timeZone: 'UTC',
        meetingWindows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        contactChannel: 'teamsChat',
        contactHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      });
      const agreement = {
        cadence: { kind: 'weekly' },
        meetingMinutes: 45,
        bufferMinutes: 0,
        minimumNoticeHours: 24,
        respectWorkingHours: false,
        firstDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
        meetingCount: 6,
        location: { kind: 'online' },
        mentor: side(mentorId),
        mentee: side(menteeId),
      };
      const proposed = await api(token, 'POST', `/api/relationships/${relationship.id}/agreement`, { agreement, note: 'For the meeting panel test' });
      const partner = mentorId === KACPER ? menteeId : mentorId;
      const partnerToken = ((await (await fetch(`${stack.baseUrl}/local-identity/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: partner }) })).json()) as { accessToken: string }).accessToken;
      answers.push(proposed, await api(partnerToken, 'POST', `/api/relationships/${relationship.id}/agreement/1/accept`, { version: proposed.versions?.[0]?.version }));
      booked = await api(token, 'POST', `/api/relationships/${relationship.id}/meetings`, { scope: 'next' });
    }
    answers.push(booked);
    meeting = online(booked?.meetings ?? []);
    if (meeting) break;
  }
  if (!meeting) throw new Error(`no online meeting for the demo people: ${JSON.stringify(answers).slice(0, 800)}`);
  chatId = chatThreadIdOfJoinUrl(meeting.joinUrl!)!;
});

afterAll(async () => {
  await tab?.close();
  await stack?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

async function signIn(page: Page, language: 'en' | 'pl') {
  const people = (await (await fetch(`${stack.baseUrl}/local-identity/people`)).json()) as { people: { personId: string }[] };
  const person = people.people.find((p) => p.personId === KACPER)!;
  await page.goto(`${tab.baseUrl}/`);
  await page.evaluate(
    ([p, lang]) => {
      sessionStorage.setItem('mentoring.localPerson', JSON.stringify(p));
      localStorage.setItem('mentoring.language', lang as string);
    },
    [person, language] as const,
  );
}

describe.each([
  { theme: 'light' as const, language: 'en' as const },
  { theme: 'dark' as const, language: 'en' as const },
  { theme: 'light' as const, language: 'pl' as const },
  { theme: 'dark' as const, language: 'pl' as const },
])('the meeting panel at 320 px in $theme, $language', ({ theme, language }) => {
  it('shows this meeting with its themes, goals and open action items; fits, passes axe, is photographed', async () => {
    const browser = await launchChromium({ colorScheme: theme, width: 320 });
    try {
      const page = await browser.context.newPage();
      await signIn(page, language);
      await page.goto(`${tab.baseUrl}/?meetingChat=${encodeURIComponent(chatId)}#/meeting`);
      await page.getByRole('heading', { level: 1, name: language === 'en' ? 'This meeting' : 'To spotkanie' }).waitFor();
      await page.getByText(/Margaret Hale/).first().waitFor();
      for (const name of language === 'en' ? ['Themes for today', 'Goals', 'Action items'] : ['Tematy na dziś', 'Cele', 'Zadania']) {
        await page.getByRole('heading', { level: 2, name }).first().waitFor();
      }
      const fit = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await checkScreen(page, `meeting-panel-${theme}-${language}`);
    } finally {
      await browser.close();
    }
  });
});

describe('the meeting panel with a chat that is not one of my meetings', () => {
  it('says so and shows nothing of the meeting', async () => {
    const browser = await launchChromium({ width: 320 });
    try {
      const page = await browser.context.newPage();
      await signIn(page, 'en');
      await page.goto(`${tab.baseUrl}/?meetingChat=${encodeURIComponent('19:meeting_bm90LW1pbmU@thread.v2')}#/meeting`);
      await page.getByText(/not one of your mentoring meetings/).first().waitFor();
      expect(await page.getByText(/Margaret Hale/).count()).toBe(0);
      await checkScreen(page, 'meeting-panel-not-mine');
    } finally {
      await browser.close();
    }
  });
});
