/**
 * What `npm start` serves at http://127.0.0.1:53000: the tab from Vite's dev server (the local tab
 * service, here on a free port) in headless Chromium, signing in locally through the dev server's
 * forwarding of /local-identity and /api to the local host.
 */
import { createLocalTabService } from '../../src/local/tab/local-tab.service';
import { setUpChromiumPage } from '../support/chromium';
import { setUpLocalStack } from '../support/local-stack';
import { checkScreen } from './support/check-screen';

jest.setTimeout(180_000);

const stack = setUpLocalStack({ services: [createLocalTabService] }, 180_000);
const page = setUpChromiumPage();
let tabUrl: string;

beforeAll(() => {
  tabUrl = stack.services.find((s) => s.name === 'tab')!.links![0]!.path;
});

describe('the tab from the dev server of npm start', () => {
  it('loads every module and signs a demo person in through the forwarded local identity and API', async () => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(tabUrl);
    await page.getByRole('heading', { name: /Local sign-in/ }).waitFor({ timeout: 120_000 });
    const value = await page.getByLabel('Demo person').locator('option', { hasText: 'Kacper Nowak' }).getAttribute('value');
    await page.getByLabel('Demo person').selectOption(value!);
    await page.getByRole('button', { name: 'Sign in as this person' }).click();
    await page.getByRole('heading', { level: 1, name: 'What needs you now' }).waitFor();
    await page.getByRole('button', { name: 'Open relationship with Margaret Hale' }).waitFor();
    await checkScreen(page, 'dev-server-home');
    expect(failed).toEqual([]);
  });
});
