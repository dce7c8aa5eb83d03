/**
 * The local "Outlook appointment" harness as `npm start` serves it (the tab's Vite dev server on a free
 * port, the whole local stack behind it) in headless Chromium: the add-in's pane on the organizer's
 * mentoring appointment (read from the local calendar with the custom properties booking wrote: its theme,
 * goal with progress, open item, both local times, the link to the tab) and on
 * an appointment of no mentoring meeting; the guard moving the time outside the agreement (bar), and
 * Send (Smart Alert, "Send anyway" writes the new time to the local calendar). axe (no serious or
 * critical finding) and screenshots at the pane's width, 320 px, light and dark, en and pl; the bar and
 * the pane word the boundary in the page's language (Office's display language), with Intl's times:
 * no IANA id, no ISO date.
 */
import type { Page } from 'playwright-core';
import { createLocalCalendarService } from '../../src/local/calendar/local-calendar.service';
import { DEMO_MENTEE_ID, DEMO_MENTOR_ID } from '../../src/local/seed-demo-data';
import { createLocalTabService } from '../../src/local/tab/local-tab.service';
import { checkScreen } from './support/check-screen';
import { withChromiumPage } from '../support/chromium';
import { setUpLocalStack } from '../support/local-stack';

jest.setTimeout(300_000);

const stack = setUpLocalStack({ services: [createLocalCalendarService, createLocalTabService], clockStart: '2027-01-04T09:00:00Z' }, 300_000);
let origin: string;
let relationshipId: string;
let meeting: { id: string; number: number; start: string; end: string; eventId: string };

async function api(method: string, path: string, personId: string, body?: unknown) {
  const token = await stack.tokenOf(personId);
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  origin = new URL(stack.services.find((s) => s.name === 'tab')!.links![0]!.path).origin;
  // The seeded pair: Kacper Nowak mentors Margaret Hale, who organizes (the default). An agreement, a goal, an item, the series.
  const list = await api('GET', '/api/relationships', DEMO_MENTEE_ID);
  relationshipId = list.relationships[0].relationship.id;
  const rel = `/api/relationships/${relationshipId}`;
  const hours = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
  const agreement = {
    cadence: { kind: 'weekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: false,
    firstDate: '2027-01-12',
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: { personId: DEMO_MENTOR_ID, timeZone: 'Europe/Warsaw', meetingWindows: [{ weekday: 2, start: '10:00', end: '18:00' }], contactChannel: 'teamsChat', contactHours: hours },
    mentee: { personId: DEMO_MENTEE_ID, timeZone: 'Europe/London', meetingWindows: [{ weekday: 2, start: '09:00', end: '17:00' }], contactChannel: 'email', contactHours: hours },
  };
  const proposed = await api('POST', `${rel}/agreement`, DEMO_MENTEE_ID, { agreement, note: '' });
  await api('POST', `${rel}/agreement/1/accept`, DEMO_MENTOR_ID, { version: proposed.versions[0].version });
  const smart = { specific: 'Build the board pack in Power BI', measurable: 'One pack a month', achievable: 'With Kacper', relevant: 'Board asks for it', timeBound: 'By March' };
  await api('POST', `${rel}/goals`, DEMO_MENTEE_ID, { title: 'Power BI board pack', smart, progress: 40 });
  await api('POST', `${rel}/action-items`, DEMO_MENTEE_ID, { title: 'Share last month’s figures', ownerId: DEMO_MENTEE_ID });
  await api('PUT', `${rel}/roadmap`, DEMO_MENTEE_ID, { themes: [{ title: 'Data storytelling', notes: '', meetingNumbers: [2, 3] }] });
  const booked = await api('POST', `${rel}/meetings`, DEMO_MENTEE_ID, { scope: 'series', count: 3 });
  meeting = booked.meetings[1];
}, 300_000);

async function openHarness(page: Page, query: string, appointment: RegExp | 'other') {
  await page.goto(`${origin}/outlook-harness.html?${query}`);
  const person = page.getByRole('combobox').first();
  await person.waitFor({ timeout: 120_000 });
  await page.locator('option', { hasText: 'Margaret Hale' }).first().waitFor({ state: 'attached' });
  await person.selectOption({ label: 'Margaret Hale' });
  await page.getByRole('button', { name: /Sign in locally|Zaloguj lokalnie/ }).click();
  const choice = page.getByRole('combobox').first();
  await page.locator('option', { hasText: appointment === 'other' ? /Another appointment|Inne spotkanie/ : appointment }).first().waitFor({ state: 'attached' });
  if (appointment === 'other') await choice.selectOption({ index: (await choice.locator('option').count()) - 1 });
  else await choice.selectOption({ label: (await page.locator('option', { hasText: appointment }).first().textContent())! });
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

const localInput = (iso: string, zone: string) => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
};

describe('the Outlook harness of npm start', () => {
  it('shows the pane on a mentoring appointment; a move outside the agreement gets the bar, Send the Smart Alert, and Send anyway writes the time to the local calendar', async () => {
    await withChromiumPage({ width: 1280, timezoneId: 'Europe/London' }, async (page) => {
      await openHarness(page, 'lang=en&theme=light', /Mentoring meeting 2 with Kacper Nowak/);
      const pane = page.getByRole('region', { name: /Mentoring pane/ });
      await pane.getByRole('heading', { name: 'Meeting 2 with Kacper Nowak' }).waitFor({ timeout: 60_000 });
      await pane.getByText('Data storytelling').first().waitFor();
      await pane.getByText('Power BI board pack').first().waitFor();
      await pane.getByText(/40\s?%/).first().waitFor();
      await pane.getByText('Share last month’s figures').first().waitFor();
      await pane.getByText(/Kacper Nowak: Tue/).waitFor();
      await pane.getByText(/Margaret Hale: Tue/).waitFor();
      const link = pane.getByRole('link', { name: 'Open in Teams' });
      expect(await link.getAttribute('href')).toBe(`${origin}/index.html#/relationship/${encodeURIComponent(relationshipId)}/schedule`);

      // 20:00 in London is 21:00 in Warsaw: outside both windows.
      const evening = new Date(Date.parse(meeting.start));
      evening.setUTCHours(20, 0, 0, 0);
      await page.getByLabel('Start').fill(localInput(evening.toISOString(), 'Europe/London'));
      const bar = page.getByText(/^Outside your mentoring agreement:/);
      await bar.waitFor({ timeout: 60_000 });
      expect(await bar.textContent()).toMatch(/Try Tue/);
      // The pane hears the item's AppointmentTimeChanged and checks the new time too, with the alternatives.
      await pane.getByText(/^This time is outside your mentoring agreement\./).waitFor({ timeout: 60_000 });
      await pane.getByText(/^Kacper Nowak: Tue \d+ Jan, 21:00–21:45 CET$/).waitFor();
      await pane.getByText('Times inside the agreement').waitFor();

      await page.getByRole('button', { name: 'Send update' }).click();
      const alert = page.getByRole('alertdialog');
      await alert.waitFor({ timeout: 60_000 });
      const words = (await alert.textContent()) ?? '';
      expect(words).toContain('This time is outside your mentoring agreement.');
      expect(words).toMatch(/Kacper Nowak: Tue \d+ Jan, 21:00–21:45 CET/);
      expect(words).toMatch(/Margaret Hale: Tue \d+ Jan, 20:00–20:45 GMT/);
      expect(words).toContain('Times inside it:');
      expect(words).not.toMatch(ISO_DATE);
      expect(words).not.toContain('Europe/');
      await alert.getByRole('button', { name: 'Send anyway' }).click();
      await page.getByText('Sent: the local calendar now holds this time.').waitFor({ timeout: 60_000 });

      // What Outlook would have written: the organizer's event at the new time, with the warned time in the custom properties.
      const graph = await (await fetch(`${stack.baseUrl}/local-identity/graph-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: DEMO_MENTEE_ID }) })).json();
      const event = await (
        await fetch(`${stack.baseUrl}/local-graph/v1.0/me/events/${encodeURIComponent(meeting.eventId)}?$expand=singleValueExtendedProperties`, { headers: { authorization: `Bearer ${graph.accessToken}` } })
      ).json();
      expect(event.start.dateTime.slice(0, 16)).toBe(evening.toISOString().slice(0, 16));
      const props = JSON.parse(event.singleValueExtendedProperties.find((p: { id: string }) => /cecp-/i.test(p.id)).value);
      expect(props).toMatchObject({ relationshipId, meetingId: meeting.id, boundaryWarnedTime: `${evening.toISOString()}/${new Date(evening.getTime() + 45 * 60_000).toISOString()}` });
    });
  });

  it('says "not a mentoring meeting" on any other appointment, and lets it send without a prompt', async () => {
    await withChromiumPage({ width: 1280 }, async (page) => {
      await openHarness(page, 'lang=en&theme=light', 'other');
      await page.getByText(/This is not a mentoring meeting/).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Send update' }).click();
      await page.getByText(/^Sent \(this appointment is not in any calendar/).waitFor();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
    });
  });

  for (const [language, theme] of [
    ['en', 'light'],
    ['en', 'dark'],
    ['pl', 'light'],
    ['pl', 'dark'],
  ] as const) {
    it(`at 320 px, ${language}, ${theme}: the pane and the bar on a mentoring appointment pass axe`, async () => {
      await withChromiumPage({ width: 320, colorScheme: theme, locale: language === 'pl' ? 'pl-PL' : 'en-GB', timezoneId: 'Europe/London' }, async (page) => {
        await openHarness(page, `lang=${language}&theme=${theme}`, language === 'pl' ? /Spotkanie mentorskie 3/ : /Mentoring meeting 3/);
        await page.getByRole('heading', { name: language === 'pl' ? /Spotkanie 3 z/ : /Meeting 3 with/ }).waitFor({ timeout: 60_000 });
        await checkScreen(page, `outlook-harness-pane-320-${language}-${theme}`);
        const start = page.getByLabel(language === 'pl' ? 'Początek' : 'Start');
        const current = await start.inputValue();
        await start.fill(`${current.slice(0, 11)}21:00`);
        // 21:00 in London is 22:00 in Warsaw: Kacper's night, in the page's language.
        const bar = page.getByText(language === 'pl' ? /^Poza Waszą umową mentorską: w nocy u osoby Kacper Nowak \(22:00–22:45 CET\)\. Spróbuj: / : /^Outside your mentoring agreement: night-time for Kacper Nowak \(22:00–22:45 CET\)\. Try /);
        await bar.waitFor({ timeout: 60_000 });
        const pane = page.getByRole('region', { name: language === 'pl' ? /Panel mentoringu/ : /Mentoring pane/ });
        await pane.getByText(language === 'pl' ? /^Ten termin wykracza poza Waszą umowę mentorską\. U osoby Kacper Nowak/ : /^This time is outside your mentoring agreement\. For Kacper Nowak/).waitFor({ timeout: 60_000 });
        const barText = (await bar.textContent()) ?? '';
        expect(barText.length).toBeLessThanOrEqual(150);
        for (const text of [barText, (await pane.textContent()) ?? '']) {
          expect(text).not.toContain('Europe/');
          expect(text).not.toMatch(ISO_DATE);
        }
        await checkScreen(page, `outlook-harness-bar-320-${language}-${theme}`);
      });
    });
  }
});
