import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startedBeforeAll } from './started-before-all';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's Chromium, headless, without a sandbox (tests run in containers) and with nothing that phones home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface ChromiumOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
  timezoneId?: string;
  width?: number;
  /** More switches, after the common ones. */
  args?: readonly string[];
}

export interface Chromium {
  context: BrowserContext;
  close: () => Promise<void>;
}

/** A fresh profile directory per launch, removed on close. */
export async function launchChromium(options: ChromiumOptions = {}): Promise<Chromium> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'mentoring-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/Warsaw',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The same Chromium as a plain browser (no profile), for tests that set each page up themselves. */
export function launchChromiumBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
}

/** A browser and a page for one test, closed however the test ends. */
export async function withChromiumPage<T>(options: ChromiumOptions, use: (page: Page, browser: Chromium) => Promise<T>): Promise<T> {
  const browser = await launchChromium(options);
  try {
    return await use(await browser.context.newPage(), browser);
  } finally {
    await browser.close();
  }
}

/** A browser and a page shared by the tests of a file (or describe block): launched before them, closed after them. */
export function setUpChromiumPage(options: ChromiumOptions = {}): Page {
  let browser: Chromium | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium(options);
    page = await browser.context.newPage();
  });
  afterAll(() => browser?.close());
  return startedBeforeAll('the Chromium page', () => page);
}
