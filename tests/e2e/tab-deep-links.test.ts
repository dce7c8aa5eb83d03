/**
 * Deep links inside (a simulated) Teams: the tab is framed by a stand-in for the Teams client at the
 * manifest's start URL (`#/`) and learns the page from teams-js's context (`page.subPageId`, the
 * link's `subEntityId`), as a bot card's or an activity's link opens it. Each page a link can name
 * opens with its relationship and panel; the short links of the bot's cards open the section of the
 * person's relationship; a relationship that is not the person's shows a plain "not found" page with
 * a way on, never a crash or anything of that relationship. Screenshots go to
 * test-artifacts/e2e/deep-link-<page>.png and every page passes axe.
 */
import type { Frame, Page } from 'playwright-core';
import { seriousAxeViolations } from './support/axe';
import { artifactsDir } from './support/check-screen';
import { officeHoursAgreement } from './support/office-hours-agreement';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';
import { openInTeams, type InTeams } from './support/teams-host';

jest.setTimeout(300_000);

const KACPER = 'a0000002-0000-4000-8000-000000000002';

const { stack, tab } = setUpBuiltTabOnStack();
let token: string;
let mine: { id: string; partner: string; meetingId: string };
let someoneElses: string;

async function get(bearer: string, path: string): Promise<any> {
  return (await fetch(`${stack.baseUrl}${path}`, { headers: { authorization: `Bearer ${bearer}` } })).json();
}

async function send(bearer: string, path: string, body: unknown): Promise<any> {
  const answer = await fetch(`${stack.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return answer.json();
}

/** A meeting of the relationship, for the activity's link to its check-in: the pair agrees (weekdays, office hours in UTC) and books the next one. */
async function aMeetingOf(relationshipId: string): Promise<string> {
  const detail = await get(token, `/api/relationships/${relationshipId}`);
  if (detail.meetings?.[0]) return detail.meetings[0].id;
  const { mentorId, menteeId } = detail.relationship as { mentorId: string; menteeId: string };
  const agreement = officeHoursAgreement(mentorId, menteeId);
  const proposed = await send(token, `/api/relationships/${relationshipId}/agreement`, { agreement, note: 'For the deep link test' });
  const partner = mentorId === KACPER ? menteeId : mentorId;
  await send(await stack.tokenOf(partner), `/api/relationships/${relationshipId}/agreement/1/accept`, { version: proposed.versions?.[0]?.version });
  const booked = await send(token, `/api/relationships/${relationshipId}/meetings`, { scope: 'next' });
  const id = (booked.meetings as { id: string }[] | undefined)?.[0]?.id;
  if (!id) throw new Error(`no meeting booked: ${JSON.stringify(booked).slice(0, 600)}`);
  return id;
}

beforeAll(async () => {
  token = await stack.tokenOf(KACPER);
  const list = (await get(token, '/api/relationships')) as { relationships: { relationship: { id: string; status: string }; partner: { displayName: string } }[] };
  const first = list.relationships.find((r) => r.relationship.status === 'active')!;
  mine = { id: first.relationship.id, partner: first.partner.displayName, meetingId: await aMeetingOf(first.relationship.id) };
  // A relationship of two other people of Kacper's tenant: Oliver asks Priya, Priya accepts.
  const oliver = await stack.tokenOf('a0000004-0000-4000-8000-000000000004');
  const priya = await stack.tokenOf('a0000003-0000-4000-8000-000000000003');
  const request = await send(oliver, '/api/requests', {
    mentorId: 'a0000003-0000-4000-8000-000000000003',
    note: 'Would you mentor me on platform design?',
    preWork: { whatIWant: 'Design a platform team roadmap.', whatIBring: 'Ten years of operations.', expectations: 'Monthly, 45 minutes.' },
  });
  const accepted = await send(priya, `/api/requests/${request.id ?? request.request?.id}/accept`, { version: request.version });
  someoneElses = accepted.relationship?.id ?? accepted.id;
  if (!someoneElses) throw new Error(`no relationship without Kacper: ${JSON.stringify({ request, accepted })}`);
});

/** The tab framed by the simulated Teams client at the manifest's start URL, the link's page in the context. */
function openDeepLink(subEntityId: string, width = 1280): Promise<InTeams> {
  return openInTeams(`${tab.baseUrl}/#/`, { subEntityId, token }, { width });
}

async function photographAndCheck(page: Page, frame: Frame, name: string) {
  await frame.waitForSelector('[data-loading]', { state: 'detached' });
  await page.screenshot({ path: `${artifactsDir}/deep-link-${name}.png` });
  const fit = await frame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
  const axePage = { addScriptTag: frame.addScriptTag.bind(frame), evaluate: frame.evaluate.bind(frame) } as unknown as Page;
  expect({ page: name, violations: await seriousAxeViolations(axePage) }).toEqual({ page: name, violations: [] });
}

const panels = [
  { section: 'agreement', label: 'Agreement' },
  { section: 'goals', label: 'Goals' },
  { section: 'roadmap', label: 'Roadmap' },
  { section: 'schedule', label: 'Schedule' },
  { section: 'actions', label: 'Action items' },
  { section: 'checkins', label: 'Check-ins' },
  { section: 'prework', label: 'Pre-work' },
] as const;

describe('a deep link in Teams opens the relationship and panel it names', () => {
  it.each(panels)('relationship/<id>/$section', async ({ section, label }) => {
    const { page, frame, calls, close } = await openDeepLink(`relationship/${mine.id}/${section}`);
    try {
      await frame.getByRole('heading', { level: 1, name: `Mentoring with ${mine.partner}` }).waitFor();
      await frame.getByRole('tab', { name: label, selected: true }).waitFor();
      await frame.getByRole('tabpanel', { name: label }).waitFor();
      expect(await frame.evaluate(() => window.location.hash)).toBe(`#/relationship/${mine.id}/${section}`);
      // The tab told Teams it loaded (no endless spinner in the client) and signed in with the host's token.
      expect(await calls()).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken', 'appInitialization.success']));
      await photographAndCheck(page, frame, section);
    } finally {
      await close();
    }
  });

  it("an activity's link to one meeting's check-in opens that check-in", async () => {
    const { page, frame, close } = await openDeepLink(`relationship/${mine.id}/checkins/${mine.meetingId}`);
    try {
      await frame.getByRole('tab', { name: 'Check-ins', selected: true }).waitFor();
      expect(await frame.evaluate(() => window.location.hash)).toBe(`#/relationship/${mine.id}/checkins/${mine.meetingId}`);
      // The check-in form of that meeting is open, ready to fill in.
      await frame.getByRole('form', { name: /^Check-in for meeting 1, / }).waitFor();
      await photographAndCheck(page, frame, 'checkin-of-meeting');
    } finally {
      await close();
    }
  });

  it.each([
    { link: 'schedule', label: 'Schedule' },
    { link: 'actions', label: 'Action items' },
    { link: 'checkins', label: 'Check-ins' },
  ])("a bot card's short link '$link' opens that section of my relationship", async ({ link, label }) => {
    const { frame, close } = await openDeepLink(link);
    try {
      await frame.getByRole('heading', { level: 1, name: `Mentoring with ${mine.partner}` }).waitFor();
      await frame.getByRole('tab', { name: label, selected: true }).waitFor();
    } finally {
      await close();
    }
  });

  it('a link to a relationship that is not mine says so plainly, shows nothing of it, and leads home', async () => {
    const { page, frame, close } = await openDeepLink(`relationship/${someoneElses}/schedule`, 320);
    try {
      await frame.getByRole('heading', { level: 1, name: 'Relationship not found' }).waitFor();
      await frame.getByText(/not one of yours/).waitFor();
      expect(await frame.getByRole('tablist', { name: 'Relationship sections' }).count()).toBe(0);
      expect(await frame.getByText(/Reference/).count()).toBe(0);
      await photographAndCheck(page, frame, 'not-mine');
      await frame.getByRole('button', { name: 'Your relationships' }).click();
      await frame.getByRole('heading', { level: 1, name: `Mentoring with ${mine.partner}` }).waitFor();
    } finally {
      await close();
    }
  });

  it('a link naming no page of the tab opens Home', async () => {
    const { frame, close } = await openDeepLink('javascript:alert(1)');
    try {
      await frame.getByRole('heading', { level: 1, name: 'What needs you now' }).waitFor();
    } finally {
      await close();
    }
  });
});
