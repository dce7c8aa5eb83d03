/**
 * The journey through the tab in headless Chromium against the whole local stack: a mentee signs in
 * locally, updates the profile, finds a reverse mentor by skill, sends a request with a note and
 * pre-work; the mentor signs in, reads the pre-work, accepts and proposes an agreement; the mentee
 * sees the mentor's windows on their own clock and accepts it, then adds two SMART goals (one gently
 * flagged as incomplete) and an action item for the mentor, and ticks it off.
 * Every screen is checked with axe-core and photographed into test-artifacts/e2e/journey-*.png.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildTab } from './support/build-tab';
import { checkScreen } from './support/check-screen';
import { launchChromium } from './support/chromium';
import { startE2eStack, type E2eStack } from './support/local-stack';
import { startTabServer, type TabServer } from './support/tab-server';

jest.setTimeout(180_000);

const MENTEE = 'Oliver Bennett';
const MENTOR = 'Kacper Nowak';
const OLIVER_JOB_TITLE = 'Learning & Development Partner';

let buildDir: string;
let stack: E2eStack;
let tab: TabServer;
let close: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  buildDir = buildTab();
  stack = await startE2eStack();
  tab = await startTabServer(buildDir, stack.baseUrl);
  const browser = await launchChromium();
  close = browser.close;
  page = await browser.context.newPage();
});

afterAll(async () => {
  await close?.();
  await tab?.close();
  await stack?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

async function signInAs(name: string) {
  await page.getByRole('heading', { name: /Local sign-in/ }).waitFor();
  const value = await page.getByLabel('Demo person').locator('option', { hasText: name }).getAttribute('value');
  await page.getByLabel('Demo person').selectOption(value!);
  await page.getByRole('button', { name: 'Sign in as this person' }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

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
    await card.getByText(/^Teaches .*generative ai/).waitFor();
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
    await openSection('Home', 'Home');
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
    // Kacper's Tuesday 09:00 in Warsaw is 08:00 on Oliver's London clock in winter.
    await page.getByText(/Tuesday 09:00–12:00 \(Europe\/Warsaw\) — Tue 08:00 .* for you/).first().waitFor();
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
    await page.getByRole('button', { name: 'Move theme 2 up' }).click();
    expect(await page.getByLabel(/^Theme 1/).inputValue()).toBe(secondTitle);
    await page.getByLabel('Meetings for theme 1').fill('1');
    await page.getByLabel('Meetings for theme 2').fill('2, 3');
    await page.getByLabel('Meetings for theme 3').fill('x');
    await page.getByRole('button', { name: 'Save roadmap' }).click();
    await page.getByText('Use meeting numbers from 1 to 50, separated by commas.').waitFor();
    await page.getByLabel('Meetings for theme 3').fill('3');
    const saved = page.waitForResponse((r) => r.url().endsWith('/roadmap') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Save roadmap' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('Roadmap saved.').waitFor();
    expect(await page.getByLabel(/^Theme 2/).inputValue()).toBe(firstTitle);
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
    await openSection('Home', 'Home');
    const mine = page.getByRole('region', { name: 'My open action items' });
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
});
