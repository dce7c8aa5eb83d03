/**
 * `npm run playground` end to end: the Microsoft 365 Agents Playground (its own local connector and
 * web chat) talking to the bot on the local host, driven in headless Chromium. Screenshot kept under
 * test-artifacts/playground/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { localBotDemoService, localBotMessagesService } from '../../src/local/bot/local-bot.service';
import { startLocalStack, type LocalStack } from '../../src/local/start-local-stack';

const artifacts = resolve(__dirname, '../../test-artifacts/playground');
const PLAYGROUND_PORT = 56000 + Math.floor(Math.random() * 100);

describe('the bot in the Microsoft 365 Agents Playground', () => {
  let stack: LocalStack;
  let playground: ChildProcess;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    stack = await startLocalStack({ httpPort: 0, seed: false, services: [localBotMessagesService, localBotDemoService] });
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
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((ready, failed) => {
      const timer = setTimeout(() => failed(new Error('The Agents Playground did not start within 60 s')), 60_000);
      playground.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes(`Listening on ${PLAYGROUND_PORT}`)) {
          clearTimeout(timer);
          ready();
        }
      });
    });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    playground?.kill();
    await stack?.stop();
  });

  it('welcomes the person and answers "help" with the help card', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`http://127.0.0.1:${PLAYGROUND_PORT}/`);
    await page.getByText('Welcome to Mentoring').first().waitFor({ timeout: 30_000 });
    const box = page.locator('[contenteditable="true"], textarea, input[type="text"]').first();
    await box.click();
    await box.fill('help');
    await page.keyboard.press('Enter');
    await page.getByText('What I can do').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(artifacts, 'help.png') });
  }, 90_000);
});
