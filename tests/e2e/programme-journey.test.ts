/**
 * The programme owner's journey through the tab in headless Chromium against the whole local stack
 * (Azurite, the local identity issuer, the API, the local calendar and the bot's demo action): the
 * owner (Oliver Bennett, the demo Programme.Owner of Contoso) creates a programme, invites a cohort
 * by name, the people join (each with their own token, through the API), the owner suggests matches,
 * sees who cannot be matched because they can never meet, excludes and swaps pairs, publishes; the
 * pairs agree and book, their first meetings end, and the owner sees those meetings in health and
 * exports the CSV, which names people and counts but holds no private text.
 * Then every owner screen at 320/768/1280 px, light and dark, English and Polish: no sideways
 * scrolling, no serious or critical axe finding, photographed into test-artifacts/e2e/programme-*.png.
 */
import { readFileSync } from 'node:fs';
import { CONTOSO, DEMO_PEOPLE, type DemoPerson } from '../../src/local/demo-people';
import { checkScreen } from './support/check-screen';
import { setUpChromiumPage, withChromiumPage } from '../support/chromium';
import { signInLocally, signInWithTheForm } from './support/local-sign-in';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

jest.setTimeout(600_000);

const OWNER = 'Oliver Bennett';
const OWNER_ID = 'a0000004-0000-4000-8000-000000000004';
const PROGRAMME = 'Data and delivery 2027';
const PRIVATE = ['AGREEMENT-NOTE-private', 'CHECKIN-ANSWER-private', 'PRIVATE-NOTE-private'];

const person = (n: number, displayName: string, jobTitle: string, seniority: DemoPerson['seniority'], timeZone: string, teach: string[], learn: string[]): DemoPerson => ({
  personId: `e000000${n}-0000-4000-8000-00000000000${n}`,
  tenantId: CONTOSO.tenantId,
  displayName,
  email: `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.local`,
  jobTitle,
  seniority,
  timeZone,
  skillsToTeach: teach,
  skillsToLearn: learn,
  languages: ['en'],
  // Everyone takes a mentee outside the programme too, so the people search (mentor suggestions) finds them by name.
  capacity: 1,
  openToReverseMentoring: true,
  roles: [],
});

const MENTEES = [
  person(1, 'Zofia Wisniewska', 'Junior Analyst', 'junior', 'Europe/Warsaw', ['Excel'], ['Power BI', 'SQL']),
  person(2, 'Tomas Ruiz', 'Support Engineer', 'intermediate', 'Europe/Madrid', ['Customer care'], ['Public speaking', 'Leadership']),
  person(3, 'Amara Nwosu', 'Graduate Developer', 'junior', 'Africa/Lagos', ['Python'], ['System design']),
  // Free only on Saturday mornings in Auckland (Friday evening in Europe): never inside a mentor's hours.
  person(4, 'Mei Chen', 'Junior Designer', 'junior', 'Pacific/Auckland', ['Figma'], ['Leadership']),
];
const MENTORS = [
  person(5, 'Grace Okafor', 'Head of Data', 'lead', 'Europe/London', ['Power BI', 'SQL'], ['Coaching']),
  person(6, 'Lars Eriksen', 'Principal Engineer', 'senior', 'Europe/Oslo', ['System design', 'TypeScript'], ['Coaching']),
  person(7, 'Sofia Marino', 'Director of Customer Success', 'lead', 'Europe/Rome', ['Public speaking', 'Leadership'], ['Coaching']),
];
const COHORT = [...MENTEES, ...MENTORS];
const byId = new Map(COHORT.map((p) => [p.personId, p]));

const { stack, tab } = setUpBuiltTabOnStack({ people: [...DEMO_PEOPLE, ...COHORT] });
const page = setUpChromiumPage();
let programmeId: string;

beforeAll(async () => {
  // The cohort's mentoring profiles, each written by its own person (the demo seeds only the demo people's).
  for (const p of COHORT) {
    const saved = await api(p.personId, 'PUT', '/api/me/profile', {
      jobTitle: p.jobTitle,
      seniority: p.seniority,
      skillsToTeach: p.skillsToTeach,
      skillsToLearn: p.skillsToLearn,
      languages: p.languages,
      timeZone: p.timeZone,
      capacity: p.capacity,
      openToReverseMentoring: p.openToReverseMentoring,
    });
    expect([p.displayName, saved.status]).toEqual([p.displayName, 200]);
  }
});

const tokens = new Map<string, string>();
async function api(personId: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  if (!tokens.has(personId)) {
    tokens.set(personId, await stack.tokenOf(personId));
  }
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.get(personId)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

const signInAs = (name: string) => signInWithTheForm(page, name);

const weekdays = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));

describe('a programme owner runs a cohort in the tab', () => {
  it('creates a programme: each field says what to fix, then people are invited by name', async () => {
    await page.goto(`${tab.baseUrl}/`);
    await signInAs(OWNER);
    await page.getByRole('tab', { name: 'Programme' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programme' }).waitFor();
    await page.getByText(/^No programmes yet\. Create the first one/).waitFor();
    await checkScreen(page, 'programme-01-empty');
    await page.getByRole('button', { name: 'New programme' }).click();
    const form = page.getByRole('form', { name: 'New programme' });
    await form.getByRole('radio', { name: 'Only people I invite' }).check();
    await form.getByRole('button', { name: 'Create programme' }).click();
    await form.getByText('Give the programme a name.').waitFor();
    await form.getByText('Invite at least one person, or let everyone join.').waitFor();
    await checkScreen(page, 'programme-02-create-problems');

    await form.getByRole('textbox', { name: /^Name/ }).fill(PROGRAMME);
    await form.getByRole('textbox', { name: /^Purpose/ }).fill('Pair people early in their careers with the people who do this work every day.');
    for (const p of COHORT) {
      const search = form.getByRole('textbox', { name: 'Find people by name' });
      await search.fill(p.displayName.split(' ')[1]!);
      await search.press('Enter');
      await form.getByRole('button', { name: `Invite ${p.displayName}` }).click();
      await form.getByRole('toolbar', { name: 'People invited' }).getByText(p.displayName).waitFor();
    }
    await form.getByRole('radio', { name: 'Mentoring: the mentor is at least as senior' }).check();
    await form.getByRole('spinbutton', { name: /^Mentees per mentor/ }).fill('1');
    await form.getByRole('button', { name: 'Add a goal' }).click();
    await form.getByRole('textbox', { name: 'Goal 1' }).fill('Every mentee ships one piece of real work with their mentor');
    await checkScreen(page, 'programme-03-create-filled');
    const created = page.waitForResponse((r) => r.url().endsWith('/api/programmes') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Create programme' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const body = (await response.json()) as { id: string; joinPolicy: { personIds: string[] }; mentorCapacity: number; goals: string[] };
    programmeId = body.id;
    expect([...body.joinPolicy.personIds].sort()).toEqual(COHORT.map((p) => p.personId).sort());
    expect([body.mentorCapacity, body.goals]).toEqual([1, ['Every mentee ships one piece of real work with their mentor']]);
    await page.getByText(`“${PROGRAMME}” was created.`, { exact: false }).waitFor();
    await page.getByText('Nobody has joined yet.', { exact: false }).waitFor();
    await checkScreen(page, 'programme-04-created-people');
  });

  it('the invited people join with the times they can meet, and the owner sees them', async () => {
    for (const p of MENTEES) {
      const windows = p.timeZone === 'Pacific/Auckland' ? weekdays([6], '09:00', '11:00') : weekdays([2, 3], '09:00', '15:00');
      const joined = await api(p.personId, 'PUT', `/api/programmes/${programmeId}/membership`, { role: 'mentee', timeZone: p.timeZone, meetingWindows: windows });
      expect([p.displayName, joined.status]).toEqual([p.displayName, 200]);
    }
    for (const p of MENTORS) {
      const joined = await api(p.personId, 'PUT', `/api/programmes/${programmeId}/membership`, { role: 'mentor', timeZone: p.timeZone, meetingWindows: weekdays([1, 2, 3, 4], '10:00', '16:00') });
      expect([p.displayName, joined.status]).toEqual([p.displayName, 200]);
    }
    await page.reload();
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByText('Mentees: 4 · Mentors: 3').waitFor();
    const table = page.getByRole('table', { name: 'Who joined' });
    for (const p of COHORT) await table.getByRole('cell', { name: p.displayName, exact: true }).waitFor();
    await checkScreen(page, 'programme-05-joined');
  });

  it('suggests matches that can meet, shows each pair’s weekly overlap in both zones, and who cannot be matched', async () => {
    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.getByText('No matches suggested yet.').waitFor();
    await page.getByRole('button', { name: 'Suggest matches', exact: true }).click();
    // The cards themselves; each holds its own list of the two zones' times.
    const pairs = page.getByRole('list', { name: 'Suggested pairs' }).locator(':scope > [role=listitem]');
    await page.getByText(/^Round 1, not published: 3 pairs/).waitFor();
    expect(await pairs.count()).toBe(3);
    // The optimal assignment follows the skills: each mentee with the mentor who teaches what they want.
    for (const [mentee, mentor] of [['Zofia Wisniewska', 'Grace Okafor'], ['Tomas Ruiz', 'Sofia Marino'], ['Amara Nwosu', 'Lars Eriksen']] as const) {
      const card = page.getByRole('listitem', { name: `${mentee} and ${mentor}` });
      await card.getByText(/^Can meet \d+ h( \d+ min)? a week$/).waitFor();
      await card.getByText(new RegExp(`^${mentee} \\(.+\\): Tue \\d\\d:\\d\\d–\\d\\d:\\d\\d`)).waitFor();
      await card.getByText(new RegExp(`^${mentor} \\(.+\\): Tue \\d\\d:\\d\\d–\\d\\d:\\d\\d`)).waitFor();
    }
    await page.getByText('Mei Chen: no mentor who joined can meet them inside both people’s hours', { exact: false }).waitFor();
    await checkScreen(page, 'programme-06-suggested');
  });

  it('excludes a pair and swaps mentors; the changes are the owner’s and stay pinned', async () => {
    await page.getByRole('button', { name: 'Exclude Amara Nwosu and Lars Eriksen and suggest again' }).click();
    await page.getByText('Excluded: Amara Nwosu and Lars Eriksen.').waitFor();
    await page.getByRole('listitem', { name: 'Amara Nwosu and Lars Eriksen' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Allow them again' }).click();
    await page.getByRole('listitem', { name: 'Amara Nwosu and Lars Eriksen' }).waitFor();
    await page.getByText(/^Round 1, not published: 3 pairs/).waitFor();

    await page.getByRole('button', { name: 'Swap mentor: Zofia Wisniewska and Grace Okafor' }).click();
    const swapped = page.waitForResponse((r) => r.url().endsWith(`/api/programmes/${programmeId}/matches`) && r.request().method() === 'PUT');
    await page.getByRole('menuitem', { name: 'With Sofia Marino (Tomas Ruiz’s mentor)' }).click();
    expect((await swapped).status()).toBe(200);
    const zofia = page.getByRole('listitem', { name: 'Zofia Wisniewska and Sofia Marino' });
    await zofia.getByText('Pinned').waitFor();
    await page.getByRole('listitem', { name: 'Tomas Ruiz and Grace Okafor' }).getByText('Pinned').waitFor();
    // The owner changes their mind: swapping back gives each mentee the mentor who teaches their skill.
    await page.getByRole('button', { name: 'Swap mentor: Zofia Wisniewska and Sofia Marino' }).click();
    await page.getByRole('menuitem', { name: 'With Grace Okafor (Tomas Ruiz’s mentor)' }).click();
    await page.getByRole('listitem', { name: 'Zofia Wisniewska and Grace Okafor' }).waitFor();
    await checkScreen(page, 'programme-07-reviewed');
  });

  it('publishes after a confirmation and says what was made', async () => {
    await page.getByRole('button', { name: 'Publish matches' }).click();
    await page.getByText('Publish 3 pairs? Each gets a mentoring relationship, already accepted on both sides', { exact: false }).waitFor();
    await checkScreen(page, 'programme-08-confirm-publish');
    const published = page.waitForResponse((r) => r.url().endsWith('/matches/publish'));
    await page.getByRole('button', { name: 'Publish now' }).click();
    expect((await published).status()).toBe(200);
    await page.getByText('3 relationships started, accepted on both sides.').waitFor();
    await page.getByText(/^Round 1, published .+: 3 pairs\.$/).waitFor();
    expect(await page.getByRole('button', { name: /^Swap mentor: / }).count()).toBe(0);
    await checkScreen(page, 'programme-09-published');
    // Each mentee sees their relationship, accepted, in their own list.
    for (const p of MENTEES.slice(0, 3)) {
      const mine = await api(p.personId, 'GET', '/api/relationships');
      expect([p.displayName, mine.json.relationships.filter((r: { relationship: { status: string } }) => r.relationship.status === 'active').length]).toEqual([p.displayName, 1]);
    }
  });

  it('the pairs agree and book; their first meetings end and show in the programme’s health', async () => {
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < 3; i++) {
      const id = `${programmeId}.1.${i}`;
      const rel = `/api/relationships/${id}`;
      const menteeId = (await api(OWNER_ID, 'GET', `/api/programmes/${programmeId}/matches`)).json.pairs[i].menteeId as string;
      const detail = await api(menteeId, 'GET', rel);
      expect(detail.status).toBe(200);
      const mentee = byId.get(detail.json.relationship.menteeId)!;
      const mentor = byId.get(detail.json.relationship.mentorId)!;
      const agreement = {
        cadence: { kind: 'weekly' },
        meetingMinutes: 45,
        bufferMinutes: 10,
        minimumNoticeHours: 24,
        respectWorkingHours: false,
        firstDate: today,
        meetingCount: 6,
        location: { kind: 'online' },
        mentor: { personId: mentor.personId, timeZone: mentor.timeZone, meetingWindows: weekdays([1, 2, 3, 4], '10:00', '16:00'), contactChannel: 'teamsChat', contactHours: weekdays([1, 2, 3, 4, 5], '09:00', '17:00') },
        mentee: { personId: mentee.personId, timeZone: mentee.timeZone, meetingWindows: weekdays([2, 3], '09:00', '15:00'), contactChannel: 'email', contactHours: weekdays([1, 2, 3, 4, 5], '09:00', '17:00') },
      };
      const proposed = await api(mentee.personId, 'POST', `${rel}/agreement`, { agreement, note: PRIVATE[0] });
      expect([mentee.displayName, proposed.status]).toEqual([mentee.displayName, 201]);
      const accepted = await api(mentor.personId, 'POST', `${rel}/agreement/1/accept`, { version: proposed.json.versions[0].version });
      expect([mentor.displayName, accepted.status]).toEqual([mentor.displayName, 200]);
      const booked = await api(mentee.personId, 'POST', `${rel}/meetings`, { scope: 'series', count: 2 });
      expect([mentee.displayName, booked.status, booked.json.plannedNow.length]).toEqual([mentee.displayName, 200, 2]);
      const first = booked.json.meetings[0] as { id: string };
      const ended = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: CONTOSO.tenantId, relationshipId: id, meetingId: first.id }),
      });
      expect(ended.status).toBe(200);
      const checkIn = await api(mentee.personId, 'PUT', `${rel}/meetings/${first.id}/checkin`, {
        answers: { useful: PRIVATE[1], nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
        goalProgress: [],
        newActionItems: [],
        privateNote: PRIVATE[2],
      });
      expect([mentee.displayName, checkIn.status]).toEqual([mentee.displayName, 200]);
    }
    await page.reload();
    const health = page.waitForResponse((r) => r.url().endsWith(`/api/programmes/${programmeId}/health`));
    await page.getByRole('tab', { name: 'Health' }).click();
    const figures = (await (await health).json()) as { pairs: number; meetings: { planned: number; held: number } };
    expect([figures.pairs, figures.meetings.held, figures.meetings.planned]).toEqual([3, 3, 3]);
    const held = page.locator('.fui-Card', { has: page.getByText('Meetings held', { exact: true }) });
    await held.getByText('3', { exact: true }).waitFor();
    await checkScreen(page, 'programme-10-health');
  });

  it('exports the pair list and aggregates: names and counts, no private text', async () => {
    for (const part of ['Pair list', 'Aggregates', 'Column dictionary']) {
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: part }).click();
      const file = await (await download).path();
      const csv = readFileSync(file!, 'utf8');
      for (const secret of PRIVATE) expect({ part, secret, found: csv.includes(secret) }).toEqual({ part, secret, found: false });
      if (part === 'Pair list') {
        for (const name of ['Zofia Wisniewska', 'Grace Okafor', 'Tomas Ruiz', 'Sofia Marino', 'Amara Nwosu', 'Lars Eriksen']) expect(csv).toContain(name);
        expect(csv.trim().split('\n')).toHaveLength(4);
      }
    }
  });
});

const SECTIONS = [
  { name: 'health', en: 'Health', pl: 'Stan' },
  { name: 'settings', en: 'Settings', pl: 'Ustawienia' },
  { name: 'people', en: 'People', pl: 'Osoby' },
  { name: 'matching', en: 'Matching', pl: 'Pary' },
] as const;

describe.each([
  { theme: 'light' as const, language: 'en' as const },
  { theme: 'dark' as const, language: 'en' as const },
  { theme: 'light' as const, language: 'pl' as const },
  { theme: 'dark' as const, language: 'pl' as const },
])('the owner screens in $theme, $language', ({ theme, language }) => {
  it.each([320, 768, 1280])('fit %i px without sideways scrolling, pass axe and are photographed', async (width) => {
    await withChromiumPage({ colorScheme: theme, width }, async (owner) => {
      await signInLocally(owner, { stack, tab }, OWNER_ID, language);
      await owner.goto(`${tab.baseUrl}/?owner=${width}#/programme`);
      await owner.getByRole('heading', { level: 1, name: language === 'en' ? 'Programme' : /Program/ }).waitFor();
      for (const section of SECTIONS) {
        const label = section[language];
        const tabs = owner.getByRole('tablist', { name: language === 'en' ? 'Programme sections' : 'Części programu' });
        const direct = tabs.getByRole('tab', { name: label, exact: true });
        if (await direct.isVisible()) await direct.click();
        else {
          await tabs.getByRole('tab', { name: /\(\d+\)$/ }).click();
          await owner.getByRole('menuitemradio', { name: label }).click();
        }
        await owner.waitForSelector('[data-loading]', { state: 'detached' });
        if (section.name === 'matching') await owner.getByText(language === 'en' ? /^Round 1, published/ : /^Runda 1, opublikowana/).waitFor();
        if (section.name === 'people') await owner.getByRole('table').waitFor();
        const fits = await owner.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        expect({ section: section.name, overflow: fits.scrollWidth > fits.innerWidth }).toEqual({ section: section.name, overflow: false });
        await checkScreen(owner, `programme-width-${width}-${theme}-${language}-${section.name}`);
      }
      await owner.getByRole('button', { name: language === 'en' ? 'New programme' : 'Nowy program' }).click();
      await owner.getByRole('form').waitFor();
      const fits = await owner.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect({ section: 'new', overflow: fits.scrollWidth > fits.innerWidth }).toEqual({ section: 'new', overflow: false });
      await checkScreen(owner, `programme-width-${width}-${theme}-${language}-new`);
    });
  });
});
