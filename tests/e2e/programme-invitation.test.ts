/**
 * An invitation in headless Chromium against the whole local stack: the owner (Oliver Bennett)
 * invites, by name, someone who has no mentoring place left (the mentor suggestions would never
 * show them); the invited person sees the programme on Home, opens `#/programme/<id>` (the link of
 * the invitation's activity-feed item) and joins; someone not invited who opens the same link is
 * told why. The member's screen at 320/768/1280 px, light and dark, English and Polish: no sideways scrolling, no
 * serious or critical axe finding, photographed into test-artifacts/e2e/programme-invite-*.png.
 */
import type { Page } from 'playwright-core';
import { CONTOSO, DEMO_PEOPLE, type DemoPerson } from '../../src/local/demo-people';
import { checkScreen } from './support/check-screen';
import { withChromiumPage } from '../support/chromium';
import { signInLocally } from './support/local-sign-in';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

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

const { stack, tab } = setUpBuiltTabOnStack({ people: [...DEMO_PEOPLE, NADIA] });
let programmeId: string;
let people: { personId: string; displayName: string }[];

beforeAll(async () => {
  const token = await stack.tokenOf(NADIA.personId);
  const saved = await fetch(`${stack.baseUrl}/api/me/profile`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ jobTitle: NADIA.jobTitle, seniority: NADIA.seniority, skillsToTeach: NADIA.skillsToTeach, skillsToLearn: NADIA.skillsToLearn, languages: NADIA.languages, timeZone: NADIA.timeZone, capacity: 0, openToReverseMentoring: false }),
  });
  expect(saved.status).toBe(200);
  people = ((await (await fetch(`${stack.baseUrl}/local-identity/people`)).json()) as { people: { personId: string; displayName: string }[] }).people;
});

/** Signs the person in (the local sign-in keeps the chosen person in the session) and opens the tab at `hash`. */
async function openAs(page: Page, personId: string, hash: string, language: 'en' | 'pl' = 'en'): Promise<void> {
  await signInLocally(page, { stack, tab }, personId, language);
  // A new query makes this a real load (a hash alone would stay on the signed-out page).
  await page.goto(`${tab.baseUrl}/?as=${personId}${hash}`);
}

async function fitsWidth(page: Page, name: string) {
  const fits = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect({ name, overflow: fits.scrollWidth > fits.innerWidth }).toEqual({ name, overflow: false });
}

describe('an invitation, from the owner’s picker to joining', () => {
  it('the owner finds someone with no mentoring place left by name and invites them', async () => {
    await withChromiumPage({}, async (page) => {
      await openAs(page, OWNER_ID, '#/programme');
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
      const token = await stack.tokenOf(OWNER_ID);
      const open = await fetch(`${stack.baseUrl}/api/programmes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...OPEN_PROGRAMME }),
      });
      expect(open.status).toBe(201);
    });
  });

  it('the invited person sees it on Home, opens the invitation’s link and joins', async () => {
    await withChromiumPage({ width: 320 }, async (page) => {
      await openAs(page, NADIA.personId, '#/home');
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
    });
  });

  it('someone not invited who opens the link is told why, and nothing of the programme', async () => {
    await withChromiumPage({ width: 320 }, async (page) => {
      const margaret = people.find((p) => p.displayName === 'Margaret Hale')!;
      await openAs(page, margaret.personId, `#/programme/${programmeId}`);
      await page.getByText('This programme is open only to the people its owner invited, and you are not on the list.', { exact: false }).waitFor();
      await page.getByText('You cannot open this programme').waitFor();
      expect(await page.getByText(PROGRAMME).count()).toBe(0);
      await checkScreen(page, 'programme-invite-refused-320-light');
    });
  });
});

describe.each([
  { theme: 'light' as const, language: 'en' as const },
  { theme: 'dark' as const, language: 'en' as const },
  { theme: 'light' as const, language: 'pl' as const },
  { theme: 'dark' as const, language: 'pl' as const },
])('the member’s Programme screen in $theme, $language', ({ theme, language }) => {
  it.each([320, 768, 1280])('fits %i px without sideways scrolling, passes axe and is photographed', async (width) => {
    await withChromiumPage({ colorScheme: theme, width }, async (page) => {
      await openAs(page, NADIA.personId, `#/programme/${programmeId}`, language);
      await page.getByText(language === 'en' ? /^You joined as a mentor on / : /^Dołączono jako mentor /).waitFor();
      await page.getByRole('button', { name: language === 'en' ? `Join ${OPEN_PROGRAMME.name}` : `Dołącz: ${OPEN_PROGRAMME.name}` }).waitFor();
      await fitsWidth(page, `${theme}-${language}-${width}`);
      await checkScreen(page, `programme-invite-member-${width}-${theme}-${language}`);
    });
  });
});
