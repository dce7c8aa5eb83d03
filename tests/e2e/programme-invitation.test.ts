/**
 * An invitation in headless Chromium against the whole local stack: the owner (Oliver Bennett)
 * invites, by name, someone who has no mentoring place left (the mentor suggestions would never
 * show them); the invited person sees the programme on Home, opens `#/programme/<id>` (the link of
 * the invitation's activity-feed item) and joins; someone not invited who opens the same link is
 * told why. The member's screen at 320/768/1280 px, light and dark, English and Polish: no sideways scrolling, no
 * serious or critical axe finding, photographed into test-artifacts/e2e/programme-invite-*.png.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { CONTOSO, DEMO_PEOPLE, type DemoPerson } from '../../src/local/demo-people';
import { buildTab } from './support/build-tab';
import { checkScreen } from './support/check-screen';
import { launchChromium } from './support/chromium';
import { startE2eStack, type E2eStack } from './support/local-stack';
import { startTabServer, type TabServer } from './support/tab-server';

jest.setTimeout(600_000);

const OWNER_ID = 'a0000004-0000-4000-8000-000000000004';
const PROGRAMME = 'Finance mentoring 2027';
const NADIA: DemoPerson = {
  personId: 'e0000011-0000-4000-8000-000000000011',
  tenantId: CONTOSO.tenantId,
  displayName: 'Nadia Haddad',
  email: 'nadia.haddad@contoso.local',
  jobTitle: 'Finance Director',
  seniority: 'lead',
  timeZone: 'Europe/Paris',
  skillsToTeach: ['Budgeting'],
  skillsToLearn: ['Python'],
  languages: ['en', 'fr'],
  // No mentoring place left, and not open to reverse mentoring: the mentor suggestions leave her out.
  capacity: 0,
  openToReverseMentoring: false,
  roles: [],
};

const OPEN_PROGRAMME = {
  name: 'Open mentoring circle 2027',
  purpose: 'Anyone may join; the owner pairs people every quarter.',
  startDate: '2027-01-04',
  endDate: '2027-12-17',
  joinPolicy: { kind: 'everyone' },
  kind: 'both',
  matchingMode: 'assisted',
  mentorCapacity: 2,
  defaultAgreement: { cadence: { kind: 'monthly' }, meetingMinutes: 45, meetingCount: 6 },
  roadmapTemplateIds: [],
  goals: [],
  publishAs: 'invitation',
};

let buildDir: string;
let stack: E2eStack;
let tab: TabServer;
let programmeId: string;
let people: { personId: string; displayName: string }[];

beforeAll(async () => {
  buildDir = buildTab();
  stack = await startE2eStack({ people: [...DEMO_PEOPLE, NADIA] });
  tab = await startTabServer(buildDir, stack.baseUrl);
  const token = ((await (await fetch(`${stack.baseUrl}/local-identity/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: NADIA.personId }) })).json()) as { accessToken: string }).accessToken;
  const saved = await fetch(`${stack.baseUrl}/api/me/profile`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ jobTitle: NADIA.jobTitle, seniority: NADIA.seniority, skillsToTeach: NADIA.skillsToTeach, skillsToLearn: NADIA.skillsToLearn, languages: NADIA.languages, timeZone: NADIA.timeZone, capacity: 0, openToReverseMentoring: false }),
  });
  expect(saved.status).toBe(200);
  people = ((await (await fetch(`${stack.baseUrl}/local-identity/people`)).json()) as { people: { personId: string; displayName: string }[] }).people;
});

afterAll(async () => {
  await tab?.close();
  await stack?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

/** A page signed in as the person (the local sign-in keeps the chosen person in the session). */
async function pageAs(browser: Awaited<ReturnType<typeof launchChromium>>, personId: string, hash: string, language: 'en' | 'pl' = 'en'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${tab.baseUrl}/`);
  await page.evaluate(
    ([p, lang]) => {
      sessionStorage.setItem('mentoring.localPerson', JSON.stringify(p));
      localStorage.setItem('mentoring.language', lang as string);
    },
    [people.find((p) => p.personId === personId)!, language] as const,
  );
  // A new query makes this a real load (a hash alone would stay on the signed-out page).
  await page.goto(`${tab.baseUrl}/?as=${personId}${hash}`);
  return page;
}

async function fitsWidth(page: Page, name: string) {
  const fits = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect({ name, overflow: fits.scrollWidth > fits.innerWidth }).toEqual({ name, overflow: false });
}

describe('an invitation, from the owner’s picker to joining', () => {
  it('the owner finds someone with no mentoring place left by name and invites them', async () => {
    const browser = await launchChromium();
    try {
      const page = await pageAs(browser, OWNER_ID, '#/programme');
      await page.getByRole('button', { name: 'New programme' }).click();
      const form = page.getByRole('form', { name: 'New programme' });
      await form.getByRole('textbox', { name: /^Name/ }).fill(PROGRAMME);
      await form.getByRole('textbox', { name: /^Purpose/ }).fill('Finance leaders teach budgeting to people new to running a team.');
      await form.getByRole('radio', { name: 'Only people I invite' }).check();
      const search = form.getByRole('textbox', { name: 'Find people by name' });
      await search.fill('hadd');
      await search.press('Enter');
      await form.getByRole('button', { name: 'Invite Nadia Haddad' }).click();
      await form.getByRole('toolbar', { name: 'People invited' }).getByText('Nadia Haddad').waitFor();
      const created = page.waitForResponse((r) => r.url().endsWith('/api/programmes') && r.request().method() === 'POST');
      await form.getByRole('button', { name: 'Create programme' }).click();
      const response = await created;
      expect(response.status()).toBe(201);
      const body = (await response.json()) as { id: string; joinPolicy: { personIds: string[] } };
      expect(body.joinPolicy.personIds).toEqual([NADIA.personId]);
      programmeId = body.id;
      // A second programme, open to everyone: the member's screen then also holds a Join form.
      const token = ((await (await fetch(`${stack.baseUrl}/local-identity/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: OWNER_ID }) })).json()) as { accessToken: string }).accessToken;
      const open = await fetch(`${stack.baseUrl}/api/programmes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...OPEN_PROGRAMME }),
      });
      expect(open.status).toBe(201);
    } finally {
      await browser.close();
    }
  });

  it('the invited person sees it on Home, opens the invitation’s link and joins', async () => {
    const browser = await launchChromium({ width: 320 });
    try {
      const page = await pageAs(browser, NADIA.personId, '#/home');
      const block = page.getByRole('region', { name: 'Programmes you can join' });
      await block.getByRole('button', { name: `Open ${PROGRAMME}` }).waitFor();
      await fitsWidth(page, 'home');
      await checkScreen(page, 'programme-invite-home-320-light');
      await page.goto(`${tab.baseUrl}/#/programme/${programmeId}`);
      await page.getByRole('heading', { level: 2, name: PROGRAMME }).waitFor();
      // The invitation's programme comes first; the one open to everyone follows with its own form.
      const form = page.getByRole('form', { name: `Join ${PROGRAMME}` });
      await form.getByRole('radio', { name: 'Mentor (I want to help)' }).check();
      const joined = page.waitForResponse((r) => r.url().endsWith(`/api/programmes/${programmeId}/membership`) && r.request().method() === 'PUT');
      // The zone is the one her profile states (Paris), not the browser's.
      await form.getByText(/Paris/).waitFor();
      await form.getByRole('button', { name: `Join ${PROGRAMME}` }).click();
      const answer = await joined;
      expect(answer.status()).toBe(200);
      expect(answer.request().postDataJSON()).toEqual({ role: 'mentor', timeZone: 'Europe/Paris', meetingWindows: [{ weekday: 2, start: '10:00', end: '11:00' }] });
      await page.getByText(`You joined ${PROGRAMME}.`).waitFor();
      await page.getByText(/^You joined as a mentor on /).waitFor();
      await page.getByText(/the programme’s owner matches people/).waitFor();
      await fitsWidth(page, 'joined');
      await checkScreen(page, 'programme-invite-joined-320-light');
    } finally {
      await browser.close();
    }
  });

  it('someone not invited who opens the link is told why, and nothing of the programme', async () => {
    const browser = await launchChromium({ width: 320 });
    try {
      const margaret = people.find((p) => p.displayName === 'Margaret Hale')!;
      const page = await pageAs(browser, margaret.personId, `#/programme/${programmeId}`);
      await page.getByText('This programme is open only to the people its owner invited, and you are not on the list.', { exact: false }).waitFor();
      await page.getByText('You cannot open this programme').waitFor();
      expect(await page.getByText(PROGRAMME).count()).toBe(0);
      await checkScreen(page, 'programme-invite-refused-320-light');
    } finally {
      await browser.close();
    }
  });
});

describe.each([
  { theme: 'light' as const, language: 'en' as const },
  { theme: 'dark' as const, language: 'en' as const },
  { theme: 'light' as const, language: 'pl' as const },
  { theme: 'dark' as const, language: 'pl' as const },
])('the member’s Programme screen in $theme, $language', ({ theme, language }) => {
  it.each([320, 768, 1280])('fits %i px without sideways scrolling, passes axe and is photographed', async (width) => {
    const browser = await launchChromium({ colorScheme: theme, width });
    try {
      const page = await pageAs(browser, NADIA.personId, `#/programme/${programmeId}`, language);
      await page.getByText(language === 'en' ? /^You joined as a mentor on / : /^Dołączono jako mentor /).waitFor();
      await page.getByRole('button', { name: language === 'en' ? `Join ${OPEN_PROGRAMME.name}` : `Dołącz: ${OPEN_PROGRAMME.name}` }).waitFor();
      await fitsWidth(page, `${theme}-${language}-${width}`);
      await checkScreen(page, `programme-invite-member-${width}-${theme}-${language}`);
    } finally {
      await browser.close();
    }
  });
});
