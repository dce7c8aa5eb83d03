/**
 * Home's note when the organisation did not allow installing the app for a person, in real headless
 * Chromium against the whole local stack: the person's install is recorded "not allowed" (as a Graph 403
 * leaves it), they sign in and Home tells them check-ins cannot reach them in Teams chat and how to add
 * the app themselves. At 320 and 1280 px, light and dark, English and Polish, with axe; screenshots
 * test-artifacts/e2e/home-teams-app-<width>-<theme>-<language>.png.
 */
import { DEMO_PEOPLE } from '../../src/local/demo-people';
import { withChromiumPage } from '../support/chromium';
import { checkScreen } from './support/check-screen';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

jest.setTimeout(180_000);

const kacper = DEMO_PEOPLE.find((p) => p.displayName === 'Kacper Nowak')!;
const { stack, tab } = setUpBuiltTabOnStack();

beforeAll(async () => {
  const saved = await stack.api.services.reachRecords!.installs.save({
    tenantId: kacper.tenantId,
    personId: kacper.personId,
    status: 'notAllowed',
    attempts: 1,
    lastTriedAt: Date.now(),
    error: { code: 'GRAPH.FORBIDDEN', message: 'The app is not allowed to install the app for this person.' },
  });
  expect(saved.ok).toBe(true);
});

const variants = [
  { language: 'en', query: '', person: 'Demo person', signIn: 'Sign in as this person', title: 'Check-ins cannot reach you in Teams chat yet' },
  { language: 'pl', query: '?lang=pl', person: 'Osoba demonstracyjna', signIn: 'Zaloguj jako ta osoba', title: 'Podsumowania spotkań nie mogą jeszcze trafić do Ciebie na czacie Teams' },
] as const;

describe.each([320, 1280])('%i px', (width) => {
  it.each(['light', 'dark'] as const)('%s: the note says why and how to add the app, in English and Polish', async (theme) => {
    for (const v of variants) {
      await withChromiumPage({ colorScheme: theme, width }, async (page) => {
        await page.goto(`${tab.baseUrl}/${v.query}${theme === 'dark' ? `${v.query ? '&' : '?'}theme=dark` : ''}`);
        const option = await page.getByLabel(v.person).locator('option', { hasText: 'Kacper Nowak' }).getAttribute('value');
        await page.getByLabel(v.person).selectOption(option!);
        await page.getByRole('button', { name: v.signIn }).click();
        await page.getByText(v.title).waitFor();
        await page.waitForSelector('[data-loading]', { state: 'detached' });
        const fits = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        expect({ width, overflow: fits.scrollWidth > fits.innerWidth, ...fits }).toEqual({ width, overflow: false, ...fits });
        await checkScreen(page, `home-teams-app-${width}-${theme}-${v.language}`);
      });
    }
  });
});
