/**
 * `npm run playground` end to end: the Microsoft 365 Agents Playground (its own local connector and
 * web chat) talking to the bot on the local host, driven in headless Chromium, configured as
 * `npm run playground` configures it (src/local/playground-config.ts): it chats as a demo person, so
 * a check-in ended with `POST /local-bot/end-meeting` reaches that chat and can be answered there.
 * Screenshots kept under test-artifacts/playground/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { localBotDemoService, localBotMessagesService } from '../../src/local/bot/local-bot.service';
import { startLocalStack, type LocalStack } from '../../src/local/start-local-stack';
import { playgroundConfigYaml, playgroundPerson } from '../../src/local/playground-config';
import { agreementVersionId } from '../../src/core/relationships/agreement-version';
import { launchChromiumBrowser } from '../support/chromium';

const artifacts = resolve(__dirname, '../../test-artifacts/playground');
const PLAYGROUND_PORT = 56000 + Math.floor(Math.random() * 100);
const allDay = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));

describe('the bot in the Microsoft 365 Agents Playground', () => {
  let stack: LocalStack;
  let playground: ChildProcess;
  let browser: Browser;
  let page: Page;
  let playgroundPort = PLAYGROUND_PORT;
  const chosen = playgroundPerson(undefined);
  if (!chosen.ok) throw new Error(chosen.message);
  const kacper = chosen.person;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    stack = await startLocalStack({ httpPort: 0, seed: false, services: [localBotMessagesService, localBotDemoService] });
    // The demo person's profile, as the seed would create it (the welcome and the cards use its name).
    await stack.api.services.repositories.profiles.create(kacper.tenantId, {
      userId: kacper.personId,
      displayName: kacper.displayName,
      jobTitle: kacper.jobTitle,
      seniority: kacper.seniority,
      skillsToTeach: [...kacper.skillsToTeach],
      skillsToLearn: [...kacper.skillsToLearn],
      languages: [...kacper.languages],
      timeZone: kacper.timeZone,
      capacity: kacper.capacity,
      openToReverseMentoring: kacper.openToReverseMentoring,
      activeMenteeCount: 0,
      createdAt: 0,
      updatedAt: 0,
    });
    const configPath = join(artifacts, '.m365agentsplayground.yml');
    writeFileSync(configPath, playgroundConfigYaml(kacper));
    playground = spawn(
      process.execPath,
      [
        require.resolve('@microsoft/m365agentsplayground/cli.js'),
        '--app-endpoint',
        `${stack.baseUrl}/api/messages`,
        '--channel-id',
        'msteams',
        '--disable-telemetry',
        '--port',
        String(PLAYGROUND_PORT),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath } },
    );
    await new Promise<void>((ready, failed) => {
      const timer = setTimeout(() => failed(new Error('The Agents Playground did not start within 60 s')), 60_000);
      playground.stdout?.on('data', (chunk: Buffer) => {
        // It moves to a free port when the one asked for is taken: use the one it reports.
        const listening = /Listening on (\d+)/.exec(chunk.toString());
        if (listening) {
          playgroundPort = Number(listening[1]);
          clearTimeout(timer);
          ready();
        }
      });
    });
    browser = await launchChromiumBrowser();
    page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill();
    await stack?.stop();
  });

  it('chats as the mapped demo person: welcomed once by name, and "help" answers with the help card', async () => {
    await page.goto(`http://127.0.0.1:${playgroundPort}/`);
    // The Playground's install carries the person's ids but no name: the welcome takes it from the profile.
    await page.getByText(`Welcome to Mentoring, ${kacper.displayName}`).first().waitFor({ timeout: 30_000 });
    const box = page.locator('[contenteditable="true"], textarea, input[type="text"]').first();
    await box.click();
    await box.fill('help');
    await page.keyboard.press('Enter');
    await page.getByText('What I can do').first().waitFor({ timeout: 30_000 });
    // One install, announced by the Playground twice (members added, installationUpdate): one welcome.
    expect(await page.getByText('Welcome to Mentoring').count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'help.png') });
  }, 90_000);

  it('a meeting ended with the demo action brings the check-in card into the Playground, and it can be answered there', async () => {
    const repos = stack.api.services.repositories;
    const tenantId = kacper.tenantId;
    const partner = 'a0000004-0000-4000-8000-000000000004';
    const relationshipId = 'rel-playground';
    await repos.relationships.create(tenantId, {
      id: relationshipId,
      mentorId: kacper.personId,
      menteeId: partner,
      reverse: true,
      status: 'active',
      requestId: 'req-playground',
      menteePreWork: { whatIWant: 'Generative AI', whatIBring: 'Curiosity', expectations: 'Every other week' },
      startedAt: 0,
      reflections: {},
      activeAgreementVersion: 1,
    });
    // Contact hours all week, so the card goes out whatever day and hour the test runs.
    await repos.relationships.agreementVersions.create(tenantId, relationshipId, {
      id: agreementVersionId(1),
      number: 1,
      agreement: {
        cadence: { kind: 'biweekly' },
        meetingMinutes: 45,
        bufferMinutes: 10,
        minimumNoticeHours: 24,
        respectWorkingHours: true,
        firstDate: '2027-01-12',
        meetingCount: 6,
        location: { kind: 'online' },
        mentor: { personId: kacper.personId, timeZone: 'Europe/Warsaw', meetingWindows: [{ weekday: 2, start: '14:00', end: '17:00' }], contactChannel: 'teamsChat', contactHours: allDay },
        mentee: { personId: partner, timeZone: 'Europe/London', meetingWindows: [{ weekday: 2, start: '12:00', end: '16:00' }], contactChannel: 'teamsChat', contactHours: allDay },
      },
      proposedBy: kacper.personId,
      proposedAt: 0,
      note: '',
      acceptedBy: [kacper.personId, partner],
    });
    const start = Date.now() + 2 * 86_400_000;
    await repos.relationships.meetings.create(tenantId, relationshipId, { id: 'meet-playground', number: 1, start, end: start + 2_700_000, status: 'planned', organizerId: kacper.personId });

    const ended = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId, relationshipId, meetingId: 'meet-playground' }),
    });
    expect(ended.status).toBe(200);
    expect(((await ended.json()) as { queued: { personId: string }[] }).queued.map((q) => q.personId)).toContain(kacper.personId);

    await page.getByText('How did it go?').first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(artifacts, 'check-in.png') });
    // The card's face: one tap on the rating and one next step; then "Add more" for the questions.
    await page.getByLabel('4', { exact: true }).last().check();
    await page.getByLabel('One thing you will do before next time').last().fill('Try two prompt patterns on a real task.');
    await page.getByRole('button', { name: 'Add more' }).last().click();
    const useful = page.getByLabel("What was useful about today's conversation?").last();
    await useful.fill('Seeing prompt patterns side by side.');
    await page.getByRole('button', { name: 'Send check-in' }).last().click();
    await page.getByText('Check-in saved').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'check-in-saved.png') });
    const saved = await repos.relationships.checkIns.list(tenantId, relationshipId);
    expect(saved.ok && saved.value.map((c) => [c.id, c.rating, c.answers.useful])).toEqual([[`meet-playground.${kacper.personId}`, 4, 'Seeing prompt patterns side by side.']]);
  }, 150_000);
});
