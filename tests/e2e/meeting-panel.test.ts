/**
 * The meeting side panel inside a Teams meeting, in Chromium, on the real local stack (the API on
 * Azurite, the local identity issuer, the local calendar as Outlook): the production build runs in a
 * Teams host stand-in that speaks teams-js' protocol (support/teams-host.ts, with the meeting) and puts the
 * meeting chat's id in the context, at the side panel's width (320 px), light and dark, English and
 * Polish (from the host's locale and theme), with axe (no serious or critical finding) and
 * screenshots in test-artifacts/e2e/meeting-panel-*.png. It shows this meeting's themes, the goals in
 * play with their progress and the open action items; adding one and ticking one off in the panel
 * reaches the API and the upcoming invite's agenda (read back through the local calendar's Graph URL).
 * A forged context is refused: someone outside the pair in the pair's meeting chat, and a chat that
 * is not the pair's meeting, get `404 MEETING_CONTEXT.NOT_FOUND` over HTTP and a friendly
 * explanation in the panel, with nothing of the meeting. Outside Teams, `?meetingChat=` stands in.
 */
import type { Page } from 'playwright-core';
import { chatThreadIdOfJoinUrl } from '../../src/core/relationships/meeting-chat';
import { checkScreen } from './support/check-screen';
import { withChromiumPage } from '../support/chromium';
import { signInLocally } from './support/local-sign-in';
import { officeHoursAgreement } from './support/office-hours-agreement';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';
import { checkPanel, openInTeams } from './support/teams-host';

jest.setTimeout(300_000);

const KACPER = 'a0000002-0000-4000-8000-000000000002';
/** In Contoso, in a relationship of her own, not in Kacper's. */
const PRIYA = 'a0000003-0000-4000-8000-000000000003';
/** In another tenant. */
const HIROSHI = 'b0000001-0000-4000-8000-000000000001';
const CONTOSO_TENANT = '11111111-1111-4111-8111-111111111111';
const FOREIGN_CHAT = '19:meeting_bm90LW1pbmU@thread.v2';
const THEMES = ['Prompting for meeting notes', 'Copilot in Excel'];
const GOALS = [
  { title: 'Run a team retro with Copilot summaries', progress: 40 },
  { title: 'Automate the weekly report', progress: 70 },
];
const ITEM_TO_TICK = 'Book a Copilot demo for the team';
const ITEM_KEPT = 'Share last sprint’s retro notes';

const { stack, tab } = setUpBuiltTabOnStack();
let chatId: string;
let relationshipId: string;
let meetingInfo: { id: string; number: number; organizerId: string; eventId?: string };
let kacperToken: string;

async function api(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const answer = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return answer.json();
}

beforeAll(async () => {
  const token = await stack.tokenOf(KACPER);
  const list = await api(token, 'GET', '/api/relationships');
  type Found = { id: string; number: number; organizerId: string; eventId?: string; joinUrl?: string; status: string };
  const online = (meetings: Found[]): Found | undefined => meetings.find((m) => m.status === 'planned' && m.joinUrl && chatThreadIdOfJoinUrl(m.joinUrl));
  let meeting: { id: string; number: number; organizerId: string; eventId?: string; joinUrl?: string } | undefined;
  const answers: unknown[] = [];
  // The demo pair with a signed agreement: an online meeting it has, or its next one booked now (the local calendar as Outlook).
  for (const { relationship } of list.relationships as { relationship: { id: string } }[]) {
    relationshipId = relationship.id;
    meeting = online((await api(token, 'GET', `/api/relationships/${relationship.id}`)).meetings ?? []);
    if (meeting) break;
    let booked = await api(token, 'POST', `/api/relationships/${relationship.id}/meetings`, { scope: 'next' });
    if (booked?.error?.code === 'BOOKING.NO_ACTIVE_AGREEMENT') {
      // The demo pair agrees first: Kacper proposes, the partner accepts (weekdays, both zones' office hours).
      const detail = await api(token, 'GET', `/api/relationships/${relationship.id}`);
      const { mentorId, menteeId } = detail.relationship as { mentorId: string; menteeId: string };
      const agreement = officeHoursAgreement(mentorId, menteeId);
      const proposed = await api(token, 'POST', `/api/relationships/${relationship.id}/agreement`, { agreement, note: 'For the meeting panel test' });
      const partner = mentorId === KACPER ? menteeId : mentorId;
      const partnerToken = await stack.tokenOf(partner);
      answers.push(proposed, await api(partnerToken, 'POST', `/api/relationships/${relationship.id}/agreement/1/accept`, { version: proposed.versions?.[0]?.version }));
      booked = await api(token, 'POST', `/api/relationships/${relationship.id}/meetings`, { scope: 'next' });
    }
    answers.push(booked);
    meeting = online(booked?.meetings ?? []);
    if (meeting) break;
  }
  if (!meeting) throw new Error(`no online meeting for the demo people: ${JSON.stringify(answers).slice(0, 800)}`);
  chatId = chatThreadIdOfJoinUrl(meeting.joinUrl!)!;
  meetingInfo = meeting;
  kacperToken = token;
  // This meeting's themes on the roadmap, two goals in play, two open action items.
  const roadmap = await api(token, 'GET', `/api/relationships/${relationshipId}/roadmap`);
  const kept = (roadmap.themes ?? []).map((t: { id: string; title: string; notes: string; meetingNumbers: number[] }) => ({ id: t.id, title: t.title, notes: t.notes, meetingNumbers: t.meetingNumbers }));
  const saved = await api(token, 'PUT', `/api/relationships/${relationshipId}/roadmap`, {
    themes: [...kept, { title: THEMES[0], notes: 'Bring one real meeting’s notes.', meetingNumbers: [meeting.number] }, { title: THEMES[1], notes: '', meetingNumbers: [meeting.number] }],
    ...(roadmap.version ? { version: roadmap.version } : {}),
  });
  if (!saved.themes) throw new Error(`roadmap not saved: ${JSON.stringify(saved).slice(0, 400)}`);
  const smart = { specific: 'One retro a sprint', measurable: 'Three retros', achievable: 'With the team', relevant: 'Less note taking', timeBound: 'By March' };
  for (const goal of GOALS) {
    const added = await api(token, 'POST', `/api/relationships/${relationshipId}/goals`, { title: goal.title, smart, progress: goal.progress });
    if (!added.id) throw new Error(`goal not added: ${JSON.stringify(added).slice(0, 400)}`);
  }
  for (const title of [ITEM_KEPT, ITEM_TO_TICK]) {
    const added = await api(token, 'POST', `/api/relationships/${relationshipId}/action-items`, { title, ownerId: KACPER });
    if (!added.id) throw new Error(`action item not added: ${JSON.stringify(added).slice(0, 400)}`);
  }
  // As the tab does after every such change: the invites get the new agenda.
  await api(token, 'POST', `/api/relationships/${relationshipId}/agendas/refresh`);
});

const signIn = (page: Page, language: 'en' | 'pl') => signInLocally(page, { stack, tab }, KACPER, language);

/** Opens the panel in the Teams host stand-in as `personId`, in the meeting chat `chat`. */
async function inMeeting(personId: string, chat: string, theme: 'light' | 'dark', language: 'en' | 'pl') {
  const people = (await (await fetch(`${stack.baseUrl}/local-identity/people`)).json()) as { people: { personId: string; email?: string; userPrincipalName?: string }[] };
  const person = people.people.find((p) => p.personId === personId)!;
  return openInTeams(
    `${tab.baseUrl}/#/meeting`,
    {
      meeting: { chatId: chat, meetingId: 'MCMxOTptZWV0aW5nX2UyZUB0aHJlYWQudjIjMA==' },
      userObjectId: personId,
      userPrincipalName: person.email ?? person.userPrincipalName ?? `${personId}@contoso.local`,
      tenantId: CONTOSO_TENANT,
      locale: language === 'en' ? 'en-GB' : 'pl-PL',
      theme: theme === 'dark' ? 'dark' : 'default',
      token: await stack.tokenOf(personId),
    },
    { colorScheme: theme, width: 320 },
  );
}

const headings = { en: ['Themes for today', 'Goals', 'Action items'], pl: ['Tematy na dziś', 'Cele', 'Zadania'] };

describe.each([
  { theme: 'light' as const, language: 'en' as const },
  { theme: 'dark' as const, language: 'en' as const },
  { theme: 'light' as const, language: 'pl' as const },
  { theme: 'dark' as const, language: 'pl' as const },
])('the meeting panel in a Teams meeting at 320 px in $theme, $language', ({ theme, language }) => {
  it('finds its meeting from the context’s chat id and shows its themes, goals with progress and open action items; fits, passes axe, is photographed', async () => {
    const { page, frame, calls, close } = await inMeeting(KACPER, chatId, theme, language);
    try {
      await frame.getByRole('heading', { level: 1, name: language === 'en' ? 'This meeting' : 'To spotkanie' }).waitFor();
      await frame.getByText(/Margaret Hale/).first().waitFor();
      for (const name of headings[language]) await frame.getByRole('heading', { level: 2, name }).first().waitFor();
      for (const title of THEMES) await frame.getByText(title, { exact: true }).waitFor();
      for (const goal of GOALS) {
        await frame.getByText(goal.title, { exact: true }).waitFor();
        const bar = frame.getByRole('progressbar', { name: language === 'en' ? `Progress of ${goal.title}` : new RegExp(goal.title) });
        expect(await bar.getAttribute('aria-valuenow')).toBe(String(goal.progress / 100));
      }
      for (const title of [ITEM_KEPT, ITEM_TO_TICK]) await frame.getByText(title, { exact: true }).waitFor();
      // The app's own navigation stays out of the meeting: Teams' panel header names the app.
      expect(await frame.getByRole('navigation').count()).toBe(0);
      expect(await frame.getByRole('heading', { level: 1 }).count()).toBe(1);
      const fit = await frame.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
      // Signed in through the host: the context and the SSO token came from teams-js, not from the URL.
      expect(await calls()).toEqual(expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']));
      await checkPanel(page, frame, `meeting-panel-${theme}-${language}`);
    } finally {
      await close();
    }
  });
});

/** The organizer's copy of the invite through the local calendar's Graph URL (a Graph token for the organizer). */
async function inviteBody(): Promise<string> {
  const issued = await fetch(`${stack.baseUrl}/local-identity/graph-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId: meetingInfo.organizerId }) });
  const graphToken = ((await issued.json()) as { accessToken: string }).accessToken;
  const response = await fetch(`${stack.baseUrl}/local-graph/v1.0/users/${meetingInfo.organizerId}/events/${encodeURIComponent(meetingInfo.eventId!)}`, { headers: { authorization: `Bearer ${graphToken}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { body: { content: string } }).body.content;
}

describe('during the meeting, in the panel', () => {
  it('adds an action item and ticks one off; the API has them and the upcoming invite’s agenda picks them up', async () => {
    const added = 'Send Margaret the retro summary';
    expect(meetingInfo.eventId).toBeDefined();
    const before = await inviteBody();
    expect(before).toContain(ITEM_TO_TICK);
    expect(before).not.toContain(added);
    const { page, frame, close } = await inMeeting(KACPER, chatId, 'light', 'en');
    try {
      await frame.getByText(ITEM_TO_TICK, { exact: true }).waitFor();
      await frame.getByLabel('What needs doing').fill(added);
      await frame.getByRole('button', { name: 'Add action item' }).click();
      await frame.getByText(added, { exact: true }).waitFor();
      await frame.getByRole('checkbox', { name: `Done: ${ITEM_TO_TICK}` }).check();
      await frame.getByRole('checkbox', { name: `Done: ${ITEM_TO_TICK}` }).isChecked();
      // Through the API: the new item is open, the ticked one done.
      let items: { title: string; status: string }[] = [];
      for (let i = 0; i < 100; i++) {
        items = (await api(kacperToken, 'GET', `/api/relationships/${relationshipId}/action-items`)).actionItems;
        if (items.some((a) => a.title === ITEM_TO_TICK && a.status === 'done') && items.some((a) => a.title === added)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(items.find((a) => a.title === added)?.status).toBe('open');
      expect(items.find((a) => a.title === ITEM_TO_TICK)?.status).toBe('done');
      // The panel asked for the agenda refresh: the invite lists the new item and no longer the done one.
      let body = '';
      for (let i = 0; i < 100; i++) {
        body = await inviteBody();
        if (body.includes(added) && !body.includes(ITEM_TO_TICK)) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(body).toContain(added);
      expect(body).toContain(ITEM_KEPT);
      expect(body).not.toContain(ITEM_TO_TICK);
      await checkPanel(page, frame, 'meeting-panel-after-changes');
    } finally {
      await close();
    }
  });
});

describe('a forged meeting context', () => {
  it('over HTTP: someone outside the pair, another tenant, or a chat that is not the meeting’s get 404 MEETING_CONTEXT.NOT_FOUND; not a chat id is 400', async () => {
    const lookUp = async (personId: string, chat: string) => {
      const response = await fetch(`${stack.baseUrl}/api/meetings/by-chat/${encodeURIComponent(chat)}`, { headers: { authorization: `Bearer ${await stack.tokenOf(personId)}` } });
      return { status: response.status, code: ((await response.json()) as { error?: { code: string } }).error?.code };
    };
    expect(await lookUp(KACPER, chatId)).toEqual({ status: 200, code: undefined });
    expect(await lookUp(PRIYA, chatId)).toEqual({ status: 404, code: 'MEETING_CONTEXT.NOT_FOUND' });
    expect(await lookUp(HIROSHI, chatId)).toEqual({ status: 404, code: 'MEETING_CONTEXT.NOT_FOUND' });
    expect(await lookUp(KACPER, FOREIGN_CHAT)).toEqual({ status: 404, code: 'MEETING_CONTEXT.NOT_FOUND' });
    expect(await lookUp(KACPER, 'not-a-chat')).toEqual({ status: 400, code: 'MEETING_CONTEXT.INVALID_CHAT_ID' });
  });

  it.each([
    { who: 'someone outside the pair, in the pair’s meeting chat', personId: PRIYA, chat: (): string => chatId, language: 'en' as const, title: 'Nothing to show you here' },
    { who: 'one of the pair, in a chat that is not the meeting’s', personId: KACPER, chat: (): string => FOREIGN_CHAT, language: 'pl' as const, title: 'Nic tu dla Ciebie nie ma' },
  ])('in the panel: $who sees a friendly explanation and nothing of the meeting', async ({ personId, chat, language, title }) => {
    const { page, frame, close } = await inMeeting(personId, chat(), 'light', language);
    try {
      await frame.getByText(title).waitFor();
      await frame.getByText(language === 'en' ? /not one of your mentoring meetings/ : /nie jest jedno z Twoich spotkań mentorskich/).waitFor();
      expect(await frame.getByRole('button', { name: language === 'en' ? 'Try again' : 'Spróbuj ponownie' }).count()).toBe(0);
      for (const text of ['Margaret Hale', THEMES[0]!, GOALS[0]!.title, ITEM_KEPT]) expect(await frame.getByText(text).count()).toBe(0);
      await checkPanel(page, frame, `meeting-panel-not-yours-${language}`);
    } finally {
      await close();
    }
  });
});

describe('outside Teams (local mode), ?meetingChat= stands in for the host’s context', () => {
  it('shows the same meeting', async () => {
    await withChromiumPage({ width: 320 }, async (page) => {
      await signIn(page, 'en');
      await page.goto(`${tab.baseUrl}/?meetingChat=${encodeURIComponent(chatId)}#/meeting`);
      await page.getByRole('heading', { level: 1, name: 'This meeting' }).waitFor();
      await page.getByText(THEMES[0]!, { exact: true }).waitFor();
      await checkScreen(page, 'meeting-panel-local');
    });
  });
});
