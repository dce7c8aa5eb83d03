/**
 * The journey through the tab in headless Chromium against the whole local stack: a mentee signs in
 * locally, updates the profile, finds a reverse mentor by skill, sends a request with a note and
 * pre-work; the mentor signs in, reads the pre-work, accepts and proposes an agreement; the mentee
 * sees the mentor's windows on their own clock and accepts it, then adds two SMART goals (one gently
 * flagged as incomplete), a roadmap and action items; books the three agreed meetings, whose invites
 * in the local calendar (read through its Graph URLs) carry each meeting's agenda; the first meeting
 * ends (the bot's local demo action), the mentee answers its check-in in the tab, and the new action
 * item shows in the next meeting's agenda, in the tab and in the invite; meeting 3 is cancelled with a
 * comment (its invite cancelled) and re-planned. The booked schedule is then shown in dark theme and in
 * Polish, and the mentee closes the relationship with a reflection.
 * Every screen is checked with axe-core and photographed into test-artifacts/e2e/journey-*.png.
 */
import { CONTOSO } from '../../src/local/demo-people';
import { LOCAL_CLIENT_ID, LOCAL_CLIENT_SECRET } from '../../src/local/local-ports';
import { checkScreen } from './support/check-screen';
import { setUpChromiumPage, withChromiumPage } from '../support/chromium';
import { signInWithTheForm } from './support/local-sign-in';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

jest.setTimeout(180_000);

const MENTEE = 'Oliver Bennett';
const MENTOR = 'Kacper Nowak';
const OLIVER_JOB_TITLE = 'Learning & Development Partner';
const OLIVER_ID = 'a0000004-0000-4000-8000-000000000004';
const KACPER_ID = 'a0000002-0000-4000-8000-000000000002';
const NEW_ITEM = 'Share the Copilot retro summary with the team';
/** Roadmap themes in their final order; theme 1 is planned for meeting 1, theme 2 for 2 and 3, theme 3 for 3. */
const themes: string[] = [];

const { stack, tab } = setUpBuiltTabOnStack();
const page = setUpChromiumPage();

const signInAs = (name: string) => signInWithTheForm(page, name);

async function openSection(name: string, heading: string | RegExp) {
  await page.getByRole('tab', { name }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('mentoring journey in the tab', () => {
  it('a mentee signs in locally and updates their profile', async () => {
    await page.goto(`${tab.baseUrl}/`);
    await signInAs(MENTEE);
    await openSection('Profile', 'Profile');
    const jobTitle = page.getByLabel(/^Job title/);
    await jobTitle.waitFor();
    expect(await jobTitle.inputValue()).toBe(OLIVER_JOB_TITLE);
    const learn = page.getByRole('combobox', { name: 'Skills I want to learn' });
    await learn.click();
    await learn.fill('Copilot in Teams');
    await learn.press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your profile was saved.').waitFor();
    await checkScreen(page, 'journey-01-profile-saved');
  });

  it('finds a reverse mentor by skill, with the reasons for the suggestion', async () => {
    await openSection('Find a mentor', 'Find a mentor');
    await page.getByLabel('Skill you want to learn').fill('generative ai');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: MENTOR }) });
    await card.waitFor();
    await card.getByText('Reverse mentoring', { exact: true }).waitFor();
    await card.getByText(/^Teaches .*Generative AI/).waitFor();
    await checkScreen(page, 'journey-02-find-a-mentor');
  });

  it('sends a request with a note and pre-work, checked before sending', async () => {
    await page.getByRole('button', { name: `Ask ${MENTOR} to mentor you` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/This is reverse mentoring/).waitFor();
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.getByText(`Write a short note so ${MENTOR} knows why you are asking.`).waitFor();
    await checkScreen(page, 'journey-03-request-validation');

    await dialog.getByLabel(`A note to ${MENTOR}`).fill('Your generative AI demos at the guild were the clearest I have seen.');
    await dialog.getByLabel('What do you want to get out of mentoring?').fill('Use Copilot and generative AI confidently with my team.');
    await dialog.getByLabel('What do you bring to the relationship?').fill('Fifteen years of leading engineering teams.');
    await dialog.getByLabel(/What do you expect from your mentor/).fill('Thirty minutes every other week, practical exercises.');
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/requests') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Send' }).click();
    expect((await sent).status()).toBe(201);
    await page.getByText(`Your request was sent to ${MENTOR}.`).waitFor();
    await dialog.waitFor({ state: 'detached' });
    // The modal layer gives the page back to screen readers once the dialog has gone.
    await page.locator('#root:not([aria-hidden])').waitFor();
    await checkScreen(page, 'journey-04-request-sent');
  });

  it('shows the request waiting on the mentee’s Home', async () => {
    await openSection('Home', 'What needs you now');
    await page.getByText(`To ${MENTOR}`).waitFor();
    await checkScreen(page, 'journey-05-mentee-home');
  });

  it('the mentor reads the pre-work and accepts', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(MENTOR);
    const request = page.getByRole('listitem').filter({ hasText: `From ${MENTEE}` });
    await request.getByText('Use Copilot and generative AI confidently with my team.').waitFor();
    await checkScreen(page, 'journey-06-mentor-home-request');
    const accepted = page.waitForResponse((r) => /\/api\/requests\/[^/]+\/accept$/.test(r.url()));
    await request.getByRole('button', { name: 'Accept' }).click();
    expect((await accepted).status()).toBe(200);
    await page.getByText(`You accepted the request from ${MENTEE}.`).waitFor();
    await page.getByRole('button', { name: `Open relationship with ${MENTEE}` }).waitFor();
    await checkScreen(page, 'journey-07-mentor-home-accepted');
  });

  it('the mentor proposes an agreement with each person’s windows in their own zone', async () => {
    await page.getByRole('button', { name: `Open relationship with ${MENTEE}` }).click();
    await page.getByRole('heading', { level: 1, name: `Mentoring with ${MENTEE}` }).waitFor();
    await page.getByText(/No agreement yet/).waitFor();
    await page.getByRole('button', { name: 'Propose an agreement' }).click();
    const form = page.getByRole('form', { name: 'Propose changes' });
    await form.getByText(`${MENTEE}’s boundaries`).waitFor();
    await form.getByText("Your boundaries").waitFor();
    await form.getByLabel('Number of meetings').fill('3');
    // The week grid pictures the draft on Kacper's clock, from the API's overlap preview.
    await form.getByTestId('week-grid').getByText(/^A meeting fits for both: /).waitFor();
    await form.getByLabel(`Note to ${MENTEE}`).fill('Tuesday mornings suit me best; Thursdays work too.');
    await checkScreen(page, 'journey-08-agreement-editor');
    const proposed = page.waitForResponse((r) => r.url().endsWith('/agreement') && r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Send proposal' }).click();
    expect([200, 201]).toContain((await proposed).status());
    await page.getByText(`Your proposal was sent to ${MENTEE}.`).waitFor();
    await page.getByText(`Waiting for ${MENTEE} to accept.`).waitFor();
    await checkScreen(page, 'journey-09-agreement-proposed');
  });

  it('the mentee sees the partner’s windows on their own clock and accepts', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(MENTEE);
    await openSection('Relationship', `Mentoring with ${MENTOR}`);
    await page.getByText('Waiting for you to accept or propose changes.').waitFor();
    // Kacper's Outlook working hours (the defaults): Monday 09:00 in Warsaw is 08:00 on Oliver's London clock in winter.
    await page.getByText(/Monday 09:00–17:00 \(Central European Time, Warsaw\) — Mon 08:00 .* for you/).first().waitFor();
    await checkScreen(page, 'journey-10-agreement-to-accept');
    const accepted = page.waitForResponse((r) => /\/agreement\/1\/accept$/.test(r.url()));
    await page.getByRole('button', { name: 'Accept version 1' }).click();
    expect((await accepted).status()).toBe(200);
    await page.getByText('Agreed (version 1)').waitFor();
    await checkScreen(page, 'journey-11-agreement-active');
  });

  it('the mentee counter-proposes; version 1 stays in force until both accept version 2', async () => {
    await page.getByRole('button', { name: 'Propose changes' }).click();
    const form = page.getByRole('form', { name: 'Propose changes' });
    await form.getByLabel('Number of meetings').fill('4');
    await form.getByLabel(`Note to ${MENTOR}`).fill('Could we add a fourth meeting for the dashboard review?');
    await form.getByRole('button', { name: 'Send proposal' }).click();
    await page.getByText('Your proposal (version 2)').waitFor();
    await page.getByText(`Waiting for ${MENTOR} to accept.`).waitFor();
    await page.getByText('Agreed (version 1)').waitFor();
    const history = page.getByRole('region', { name: 'All versions' });
    await history.getByText(/^Version 2, proposed by You/).waitFor();
    await history.getByText(/^Version 1, proposed by Kacper Nowak .* accepted by both$/).waitFor();
    await checkScreen(page, 'journey-11b-agreement-counter-proposal');
  });

  it('adds two SMART goals; the incomplete one is flagged gently, not refused', async () => {
    await page.getByRole('tab', { name: 'Goals' }).click();
    await page.getByRole('button', { name: 'Add a goal' }).click();
    let form = page.getByRole('form', { name: 'New goal' });
    await form.getByLabel(/^Goal/).fill('Run a team retro with Copilot summaries');
    await form.getByLabel(/^Specific/).fill('Use Copilot in Teams to summarise our fortnightly retro');
    await form.getByLabel(/^Measurable/).fill('Two retros summarised, shared in the channel');
    await form.getByLabel(/^Achievable/).fill('We already record the retros');
    await form.getByLabel(/^Relevant/).fill('Cuts the follow-up time I spend each sprint');
    await form.getByLabel('Target date').fill('2027-01-29');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Goal saved.').waitFor();
    await page.getByRole('heading', { name: 'Run a team retro with Copilot summaries' }).waitFor();

    await page.getByRole('button', { name: 'Add a goal' }).click();
    form = page.getByRole('form', { name: 'New goal' });
    await form.getByLabel(/^Goal/).fill('Build a Power BI dashboard');
    await form.getByText('This goal could be SMARTer').waitFor();
    await checkScreen(page, 'journey-12-goal-gentle-hints');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Build a Power BI dashboard' }).waitFor();
    await page.getByText(/Measurable: a number, an artefact/).first().waitFor();
    await checkScreen(page, 'journey-13-goals');
  });

  it('builds a roadmap from a template, reorders it and plans themes into meetings', async () => {
    await page.getByRole('tab', { name: 'Roadmap' }).click();
    await page.getByRole('heading', { level: 2, name: 'Roadmap' }).waitFor();
    const template = page.getByLabel('Template');
    await template.locator('option').nth(1).waitFor({ state: 'attached' });
    const firstTemplate = await template.locator('option').nth(1).getAttribute('value');
    await template.selectOption(firstTemplate!);
    await page.getByRole('button', { name: 'Add the template’s themes' }).click();
    const firstTitle = await page.getByLabel(/^Theme 1/).inputValue();
    const secondTitle = await page.getByLabel(/^Theme 2/).inputValue();
    // Drag with the keyboard: pick theme 2 up with Space, move it up, drop it.
    await page.getByRole('button', { name: 'Reorder theme 2' }).focus();
    // Each step waits for its announcement, as a person waits for the theme to move.
    await page.keyboard.press('Space');
    await page.getByText('Picked up Theme 2.').waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowUp');
    await page.getByText('Theme 2 moves to position 1.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByText('Theme 2 dropped at position 1.').waitFor({ state: 'attached' });
    expect(await page.getByLabel(/^Theme 1/).inputValue()).toBe(secondTitle);
    // Meetings are ticked from the agreed series (three, not booked yet), so none can be mistyped.
    const meetingsOf = (n: number) => page.getByRole('group', { name: `Meetings for theme ${n}` });
    await meetingsOf(1).getByRole('checkbox', { name: 'Meeting 1 (not booked yet)' }).check();
    await meetingsOf(2).getByRole('checkbox', { name: 'Meeting 2 (not booked yet)' }).check();
    await meetingsOf(2).getByRole('checkbox', { name: 'Meeting 3 (not booked yet)' }).check();
    await meetingsOf(3).getByRole('checkbox', { name: 'Meeting 3 (not booked yet)' }).check();
    const saved = page.waitForResponse((r) => r.url().endsWith('/roadmap') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save roadmap' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Roadmap saved.').waitFor();
    expect(await page.getByLabel(/^Theme 2/).inputValue()).toBe(firstTitle);
    themes.push(secondTitle, firstTitle, await page.getByLabel(/^Theme 3/).inputValue());
    await checkScreen(page, 'journey-14-roadmap');
  });

  it('adds an action item for the mentor and ticks it off', async () => {
    await page.getByRole('tab', { name: 'Action items' }).click();
    await page.getByRole('heading', { level: 2, name: 'Action items' }).waitFor();
    const form = page.getByRole('form', { name: 'Add action item' });
    await form.getByRole('button', { name: 'Add action item' }).click();
    await form.getByText('Say what needs doing in a few words.').waitFor();
    await form.getByLabel(/^What needs doing/).fill('Record next retro for the Copilot summary');
    await form.getByLabel('Owner').selectOption({ label: MENTOR });
    await form.getByLabel('Due date').fill('2027-01-15');
    await form.getByRole('button', { name: 'Add action item' }).click();
    const item = page.getByRole('checkbox', { name: 'Done: Record next retro for the Copilot summary' });
    await item.waitFor();
    await page.getByText(`Owner: ${MENTOR}`).waitFor();
    await checkScreen(page, 'journey-15-action-item');
    const saved = page.waitForResponse((r) => /\/action-items\/[^/]+$/.test(r.url()) && r.request().method() === 'PATCH');
    await item.check();
    expect((await saved).status()).toBe(200);
    expect(await item.isChecked()).toBe(true);
  });

  it('lists my own open action items on Home', async () => {
    const form = page.getByRole('form', { name: 'Add action item' });
    await form.getByLabel(/^What needs doing/).fill('Draft three Copilot prompts for the retro');
    await form.getByLabel('Owner').selectOption({ label: 'Me' });
    await form.getByRole('button', { name: 'Add action item' }).click();
    await page.getByRole('checkbox', { name: 'Done: Draft three Copilot prompts for the retro' }).waitFor();
    await openSection('Home', 'What needs you now');
    const mine = page.getByRole('region', { name: 'Waiting for you' });
    await mine.getByText('Draft three Copilot prompts for the retro').waitFor();
    expect(await mine.getByText('Record next retro for the Copilot summary').count()).toBe(0);
    await checkScreen(page, 'journey-16-home-open-items');
    await page.getByRole('button', { name: `Open relationship with ${MENTOR}` }).click();
    await page.getByRole('heading', { level: 1, name: `Mentoring with ${MENTOR}` }).waitFor();
  });

  it('shows the check-in history, empty until the first meeting', async () => {
    await page.getByRole('tab', { name: 'Check-ins' }).click();
    await page.getByText(/No check-ins yet/).waitFor();
    await checkScreen(page, 'journey-17-check-ins');
  });

  it('proposes times inside the boundaries and books the three agreed meetings', async () => {
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 2, name: 'Schedule' }).waitFor();
    // Distinct times grouped by day: each day a list named by its date, each time on my clock with the partner's beside it.
    const slots = page.getByRole('region', { name: 'Times that fit your agreement for the next meeting' });
    // Oliver's clock first (London), Kacper's Warsaw time beside it: one hour later in winter and summer alike.
    await slots.getByRole('listitem').first().waitFor();
    // The time's words; its "Book this time" button stands beside them.
    const firstSlot = (await slots.getByRole('listitem').first().locator('span').first().textContent())!;
    const [, mine, theirs] = /^(\d{2}):\d{2} – .* · \w{3} \d{1,2} \w{3}, (\d{2}):\d{2} \S+ for Kacper Nowak$/.exec(firstSlot)!;
    expect((Number(theirs) - Number(mine) + 24) % 24).toBe(1);
    await checkScreen(page, 'journey-18-schedule-slots');

    const booked = page.waitForResponse((r) => /\/api\/relationships\/[^/]+\/meetings$/.test(r.url()) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Book the whole series' }).click();
    expect((await booked).status()).toBe(200);
    await page.getByText(/^Booked 3 meetings; the invites are in both calendars\./).waitFor();
    for (const n of [1, 2, 3]) await page.getByRole('heading', { level: 4, name: new RegExp(`^Meeting ${n} · .* for Kacper Nowak$`) }).waitFor();
    await page.getByText('Agenda of meeting 1').click();
    const agenda1 = page.locator('details', { hasText: 'Agenda of meeting 1' });
    await agenda1.getByText(themes[0]!, { exact: true }).waitFor();
    await agenda1.getByText(/^Draft three Copilot prompts for the retro — You/).waitFor();
    await checkScreen(page, 'journey-19-schedule-booked');
  });

  it('puts each meeting’s agenda into its invite in the local calendar (read through its Graph URLs)', async () => {
    const { token, detail } = await apiAs(OLIVER_ID);
    const meetings = [...detail.meetings].sort((a, b) => a.number - b.number);
    expect(meetings.map((m) => [m.number, m.status, m.organizerId])).toEqual([
      [1, 'planned', OLIVER_ID],
      [2, 'planned', OLIVER_ID],
      [3, 'planned', OLIVER_ID],
    ]);
    for (const meeting of meetings) {
      const event = await graphEvent(token, meeting.eventId!);
      expect(Date.parse(`${event.start.dateTime}Z`)).toBe(Date.parse(meeting.start));
      expect(event.attendees.map((a) => a.emailAddress.address)).toContain('kacper.nowak@contoso.local');
      const body = event.body.content;
      // Theme 1 in meeting 1, theme 2 in meetings 2 and 3, theme 3 in meeting 3; the goals in every one.
      const planned = [[0], [1], [1, 2]][meeting.number - 1]!;
      for (const [i, title] of themes.entries()) expect({ meeting: meeting.number, title, inBody: body.includes(escapeHtml(title)) }).toEqual({ meeting: meeting.number, title, inBody: planned.includes(i) });
      expect(body).toContain('Run a team retro with Copilot summaries');
      expect(body).toContain('Draft three Copilot prompts for the retro');
      expect(body).not.toContain(NEW_ITEM);
    }
  });

  it('the first meeting ends (the bot’s local demo action) and the mentee answers its check-in in the tab', async () => {
    const { detail } = await apiAs(OLIVER_ID);
    const first = detail.meetings.find((m) => m.number === 1)!;
    const ended = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: CONTOSO.tenantId, relationshipId: detail.relationship.id, meetingId: first.id }),
    });
    expect(ended.status).toBe(200);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Mentoring with ${MENTOR}` }).waitFor();
    await page.getByRole('tab', { name: 'Check-ins' }).click();
    await page.getByText('Meetings waiting for your check-in').waitFor();
    await checkScreen(page, 'journey-20-check-in-waiting');
    await page.getByRole('button', { name: /^Answer the check-in for meeting 1 / }).click();
    const form = page.getByRole('form', { name: /^Check-in for meeting 1, / });
    await form.getByRole('button', { name: 'Send check-in' }).click();
    await form.getByText('Answer at least one question, so your check-in says something.').waitFor();
    await form.getByLabel('What was useful').fill('Seeing Copilot summarise a real retro transcript.');
    await form.getByLabel('Next steps').fill('Try it on our next sprint retro.');
    await form.getByRole('button', { name: 'Add an action item' }).click();
    const item = form.getByRole('group', { name: 'New action item 1' });
    await item.getByLabel(/^What needs doing/).fill(NEW_ITEM);
    await item.getByLabel('Due date').fill('2027-01-20');
    const slider = form.getByRole('slider', { name: 'Run a team retro with Copilot summaries: 0%' });
    await slider.focus();
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowRight');
    await form.getByRole('slider', { name: 'Run a team retro with Copilot summaries: 20%' }).waitFor();
    await checkScreen(page, 'journey-21-check-in-form');
    const saved = page.waitForResponse((r) => /\/meetings\/[^/]+\/checkin$/.test(r.url()) && r.request().method() === 'PUT');
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/agendas/refresh'));
    await form.getByRole('button', { name: 'Send check-in' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Your check-in for meeting 1 is saved.').waitFor();
    expect((await refreshed).status()).toBe(200);
    await page.getByText('Seeing Copilot summarise a real retro transcript.').waitFor();
    await checkScreen(page, 'journey-22-check-in-saved');
  });

  it('the check-in’s action item shows in the next meeting’s agenda, in the tab and in its invite', async () => {
    await page.getByRole('tab', { name: 'Schedule' }).click();
    await page.getByRole('heading', { level: 3, name: 'Upcoming meetings' }).waitFor();
    await page.getByText('Agenda of meeting 2').click();
    const agenda2 = page.locator('details', { hasText: 'Agenda of meeting 2' });
    await agenda2.getByText(new RegExp(`^${NEW_ITEM} — You, due `)).waitFor();
    await agenda2.getByText('Run a team retro with Copilot summaries (20%)').waitFor();
    await checkScreen(page, 'journey-23-next-agenda');

    const { token, detail } = await apiAs(OLIVER_ID);
    const next = detail.meetings.find((m) => m.number === 2)!;
    const event = await graphEvent(token, next.eventId!);
    expect(event.body.content).toContain(NEW_ITEM);
    expect(event.body.content).toContain(escapeHtml(themes[1]!));
  });

  it('cancels meeting 3 with a comment (the invite is cancelled in Outlook) and re-plans it inside the boundaries', async () => {
    const before = (await apiAs(OLIVER_ID)).detail.meetings.find((m) => m.number === 3)!;
    await page.getByRole('button', { name: 'Cancel meeting 3' }).click();
    const form = page.getByRole('form', { name: 'Cancel meeting 3' });
    await form.getByRole('button', { name: 'Cancel the meeting' }).click();
    await form.getByText('Add a short comment, so your partner knows why the meeting is cancelled.').waitFor();
    await form.getByLabel(/^Comment for Kacper Nowak/).fill('Quarter-end close that week; let us find another day.');
    await checkScreen(page, 'journey-24a-cancel');
    const cancelled = page.waitForResponse((r) => r.url().endsWith(`/meetings/${before.id}`) && r.request().method() === 'DELETE');
    await form.getByRole('button', { name: 'Cancel the meeting' }).click();
    expect((await cancelled).status()).toBe(200);
    await page.getByText('Meeting 3 is cancelled; your partner was told.').waitFor();
    // As Graph's cancel does: the organizer's event leaves Oliver's calendar, and Kacper's copy of the
    // invite (same iCalUId) stays, marked cancelled, with the comment.
    const { token } = await apiAs(OLIVER_ID);
    expect(await graphEventStatus(token, before.eventId!)).toBe(404);
    const copies = await graphEventsOf(KACPER_ID);
    const cancelledCopy = copies.find((e) => e.isCancelled && e.body.content.includes('Quarter-end close that week'));
    expect(cancelledCopy?.subject).toMatch(/^Canceled: /);

    // With a meeting fewer planned, times are proposed again, and booking the series re-plans the missing one
    // (the next meeting is still meeting 2, so "book the next meeting" would add nothing).
    await page.getByRole('region', { name: 'Times that fit your agreement for the next meeting' }).getByRole('listitem').first().waitFor();
    const rebooked = page.waitForResponse((r) => /\/api\/relationships\/[^/]+\/meetings$/.test(r.url()) && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Book the whole series' }).click();
    expect((await rebooked).status()).toBe(200);
    await page.getByText(/^Booked 1 meeting;/).waitFor();
    const replanned = (await apiAs(OLIVER_ID)).detail.meetings.filter((m) => m.status === 'planned').sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(replanned.map((m) => m.id)).not.toContain(before.id);
    expect(replanned).toHaveLength(2);
    await checkScreen(page, 'journey-24b-replanned');
  });

  it('shows the booked schedule and the check-ins in dark theme and in Polish', async () => {
    const { detail } = await apiAs(OLIVER_ID);
    for (const variant of [
      { name: 'dark', query: '?theme=dark', colorScheme: 'dark' as const, person: 'Demo person', signIn: 'Sign in as this person', home: 'What needs you now', schedule: 'Upcoming meetings', checkIns: 'Check-ins' },
      { name: 'pl', query: '?lang=pl', colorScheme: 'light' as const, person: 'Osoba demonstracyjna', signIn: 'Zaloguj jako ta osoba', home: 'Co na Ciebie czeka', schedule: 'Nadchodzące spotkania', checkIns: 'Podsumowania spotkań' },
    ]) {
      await withChromiumPage({ colorScheme: variant.colorScheme }, async (other) => {
        await other.goto(`${tab.baseUrl}/${variant.query}`);
        const value = await other.getByLabel(variant.person).locator('option', { hasText: MENTEE }).getAttribute('value');
        await other.getByLabel(variant.person).selectOption(value!);
        await other.getByRole('button', { name: variant.signIn }).click();
        await other.getByRole('heading', { level: 1, name: variant.home }).waitFor();
        await other.goto(`${tab.baseUrl}/${variant.query}#/relationship/${detail.relationship.id}/schedule`);
        await other.getByRole('heading', { level: 3, name: variant.schedule }).waitFor();
        await other.getByRole('heading', { level: 4 }).nth(1).waitFor();
        await checkScreen(other, `journey-24-schedule-${variant.name}`);
        await other.goto(`${tab.baseUrl}/${variant.query}#/relationship/${detail.relationship.id}/checkins`);
        await other.getByRole('heading', { level: 2, name: variant.checkIns }).waitFor();
        await other.getByText('Seeing Copilot summarise a real retro transcript.').waitFor();
        await checkScreen(other, `journey-25-check-ins-${variant.name}`);
      });
    }
  });

  it('shows one time for the same meeting on every screen: the profile’s zone, labelled, whatever the browser’s zone and locale', async () => {
    // Oliver's profile says Europe/London; this browser is in Tokyo and speaks American English.
    const { detail } = await apiAs(OLIVER_ID);
    const next = detail.meetings.filter((m) => m.status === 'planned' && Date.parse(m.start) > Date.now()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0]!;
    const london = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(new Date(next.start));
    const tokyo = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' }).format(new Date(next.start));
    expect(london).not.toBe(tokyo);
    await withChromiumPage({ timezoneId: 'Asia/Tokyo', locale: 'en-US' }, async (other) => {
      await other.goto(`${tab.baseUrl}/`);
      const value = await other.getByLabel('Demo person').locator('option', { hasText: MENTEE }).getAttribute('value');
      await other.getByLabel('Demo person').selectOption(value!);
      await other.getByRole('button', { name: 'Sign in as this person' }).click();
      const onHome = (await other.getByTestId('next-meeting').first().textContent())!;
      const when = onHome.replace(/^Next meeting: /, '').split(' · ')[0]!;
      expect(when).toContain(london);
      expect(when).not.toContain(tokyo);
      expect(when).toMatch(/GMT|BST/);
      await other.goto(`${tab.baseUrl}/#/relationship/${detail.relationship.id}/schedule`);
      await other.getByRole('heading', { level: 4, name: `Meeting ${next.number} · ${when} · ` , exact: false }).waitFor();
      await checkScreen(other, 'journey-25b-one-clock-tokyo-browser');
    });
  });

  it('the mentee closes the relationship with a reflection; the mentor is asked for theirs', async () => {
    await page.getByRole('button', { name: 'Close this relationship' }).click();
    const dialog = page.getByRole('dialog', { name: `Close your mentoring relationship with ${MENTOR}` });
    await dialog.getByRole('button', { name: 'Close the relationship' }).click();
    await dialog.getByText('Share a few words before closing: what worked, what to improve or your key takeaway.').waitFor();
    await checkScreen(page, 'journey-26-close-dialog');
    await dialog.getByLabel('What worked').fill('A steady fortnightly rhythm with an agenda in every invite.');
    await dialog.getByLabel('My key takeaway').fill('Let Copilot draft, then edit with the team.');
    const closed = page.waitForResponse((r) => r.url().endsWith('/close') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Close the relationship' }).click();
    expect((await closed).status()).toBe(200);
    // The dialog says what closing did in Outlook (the close answer's outlook part) before it goes.
    const done = page.getByRole('dialog', { name: 'The relationship is closed' });
    await done.getByText('The relationship is closed and your reflection is saved.').waitFor();
    await done.getByText(/^(All \d+ future meetings were|1 future meeting was) cancelled in both Outlook calendars, with a note to you both\.$/).waitFor();
    await checkScreen(page, 'journey-26b-closed-outlook');
    await done.getByRole('button', { name: 'Done' }).click();
    await page.getByText('The relationship is closed and your reflection is saved.').waitFor();
    await done.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    await page.locator('#root:not([aria-hidden])').waitFor();
    await page.getByText('This relationship is closed.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Reflection by You' }).waitFor();
    await checkScreen(page, 'journey-27-closed');

    const relationshipUrl = page.url();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(MENTOR);
    await page.goto(relationshipUrl);
    await page.getByRole('heading', { level: 1, name: `Mentoring with ${MENTEE}` }).waitFor();
    await page.getByRole('heading', { level: 3, name: `Reflection by ${MENTEE}` }).waitFor();
    await page.getByRole('button', { name: 'Add my closing reflection' }).waitFor();
    await checkScreen(page, 'journey-28-mentor-reflection-asked');
  });
});

interface GraphEvent {
  start: { dateTime: string; timeZone: string };
  attendees: { emailAddress: { address: string } }[];
  body: { contentType: string; content: string };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A token from the local issuer and the relationship as the API shows it to that person. */
async function apiAs(personId: string): Promise<{ token: string; detail: { relationship: { id: string }; meetings: { id: string; number: number; start: string; status: string; organizerId: string; eventId?: string }[] } }> {
  const token = await stack.tokenOf(personId);
  const headers = { authorization: `Bearer ${token}` };
  const list = (await (await fetch(`${stack.baseUrl}/api/relationships`, { headers })).json()) as { relationships: { relationship: { id: string; status: string } }[] };
  const id = list.relationships.find((r) => r.relationship.status === 'active')!.relationship.id;
  const detail = await (await fetch(`${stack.baseUrl}/api/relationships/${id}`, { headers })).json();
  return { token, detail };
}

/** A person's own calendar through the local calendar's Graph URL, with the Graph token the app gets on their behalf. */
async function graphEventsOf(personId: string): Promise<(GraphEvent & { isCancelled?: boolean; subject: string })[]> {
  const issued = await fetch(`${stack.baseUrl}/local-identity/graph-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId }) });
  const graphToken = ((await issued.json()) as { accessToken: string }).accessToken;
  const response = await fetch(`${stack.baseUrl}/local-graph/v1.0/users/${personId}/events?$top=50`, { headers: { authorization: `Bearer ${graphToken}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: (GraphEvent & { isCancelled?: boolean; subject: string })[] }).value;
}

/** The HTTP status of reading one of Oliver's events (404 once the organizer cancelled it, as in Graph). */
async function graphEventStatus(token: string, eventId: string): Promise<number> {
  return (await graphEventResponse(token, eventId)).status;
}

/**
 * The organizer's copy of an invite, through the local calendar's Graph v1.0 URL, as Outlook would
 * serve it. Graph takes Graph tokens only, so Oliver's app token is exchanged on his behalf first, as
 * the API's MSAL client does.
 */
async function graphEventResponse(token: string, eventId: string): Promise<Response> {
  const exchanged = await fetch(`${stack.baseUrl}/local-identity/${CONTOSO.tenantId}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
      requested_token_use: 'on_behalf_of',
      assertion: token,
      client_id: LOCAL_CLIENT_ID,
      client_secret: LOCAL_CLIENT_SECRET,
      scope: 'https://graph.microsoft.com/Calendars.Read',
    }).toString(),
  });
  expect(exchanged.status).toBe(200);
  const graphToken = ((await exchanged.json()) as { access_token: string }).access_token;
  return fetch(`${stack.baseUrl}/local-graph/v1.0/users/${OLIVER_ID}/events/${encodeURIComponent(eventId)}`, { headers: { authorization: `Bearer ${graphToken}` } });
}

async function graphEvent(token: string, eventId: string): Promise<GraphEvent> {
  const response = await graphEventResponse(token, eventId);
  expect(response.status).toBe(200);
  return (await response.json()) as GraphEvent;
}
