/**
 * The tab at the widths it meets in Microsoft hosts (320 px: Teams mobile and the narrowest side
 * panel; 768 px: a tablet or a split window; 1280 px: the desktop client; 1920 px: a full-HD desktop), in the system's light and
 * dark mode (the tab follows prefers-color-scheme outside Teams) and in English and Polish (chosen on
 * Profile, kept on the device). Every screen must fit without sideways scrolling
 * (`scrollWidth <= innerWidth`), have no serious or critical axe finding, and is photographed into
 * test-artifacts/e2e/width-<width>-<theme>-<language>-<screen>.png; the agreement screen also with its editor open.
 */
import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { withChromiumPage } from '../support/chromium';
import { signInLocally } from './support/local-sign-in';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

jest.setTimeout(300_000);

const KACPER = 'a0000002-0000-4000-8000-000000000002';
const WIDTHS = [320, 768, 1280, 1920] as const;

const { stack, tab } = setUpBuiltTabOnStack();
let relationshipId: string;

beforeAll(async () => {
  const token = await stack.tokenOf(KACPER);
  const list = (await (await fetch(`${stack.baseUrl}/api/relationships`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    relationships: { relationship: { id: string } }[];
  };
  relationshipId = list.relationships[0]!.relationship.id;
});

const screens = (language: 'en' | 'pl') => {
  const en = language === 'en';
  return [
    { name: 'home', hash: '#/home', title: en ? 'What needs you now' : 'Co na Ciebie czeka' },
    { name: 'find', hash: '#/find', title: en ? 'Find a mentor' : 'Znajdź mentora' },
    { name: 'profile', hash: '#/profile', title: en ? 'Profile' : 'Profil' },
    ...['agreement', 'goals', 'roadmap', 'schedule', 'actions', 'checkins', 'prework'].map((section) => ({
      name: `relationship-${section}`,
      hash: `#/relationship/${relationshipId}/${section}`,
      title: /Margaret Hale/,
    })),
  ];
};

const signIn = (page: Page, language: 'en' | 'pl') => signInLocally(page, { stack, tab }, KACPER, language);

async function fitsWidth(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** The agreement editor open (its longest screen: both people's windows), with the week picture drawn; Cancel leaves no draft behind. */
async function checkAgreementEditor(page: Page, name: string, language: 'en' | 'pl') {
  const en = language === 'en';
  await page.getByRole('button', { name: en ? /^(Propose an agreement|Propose changes)$/ : /^(Zaproponuj umowę|Zaproponuj zmiany)$/ }).click();
  const form = page.getByRole('form', { name: en ? 'Propose changes' : 'Zaproponuj zmiany' });
  await form.getByTestId('week-grid').waitFor();
  const { scrollWidth, innerWidth } = await fitsWidth(page);
  expect({ screen: name, overflow: scrollWidth > innerWidth }).toEqual({ screen: name, overflow: false });
  await checkScreen(page, name);
  await form.getByRole('button', { name: en ? 'Cancel' : 'Anuluj' }).click();
}

describe.each([
  { theme: 'light' as const, language: 'en' as const },
  { theme: 'dark' as const, language: 'en' as const },
  { theme: 'light' as const, language: 'pl' as const },
  { theme: 'dark' as const, language: 'pl' as const },
])('every screen in $theme, $language', ({ theme, language }) => {
  it.each(WIDTHS)('fits %i px without sideways scrolling, passes axe and is photographed', async (width) => {
    await withChromiumPage({ colorScheme: theme, width }, async (page) => {
      await signIn(page, language);
      for (const screen of screens(language)) {
        // A query string per screen makes each a full load (a bare hash change would keep the page).
        await page.goto(`${tab.baseUrl}/?screen=${screen.name}${screen.hash}`);
        await page.getByRole('heading', { level: 1, name: screen.title }).waitFor();
        await page.waitForSelector('[data-loading]', { state: 'detached' });
        const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        // No white frame: the page behind the app is the theme's, not the browser's default white.
        if (theme === 'dark') expect(body).not.toBe('rgb(255, 255, 255)');
        const { scrollWidth, innerWidth } = await fitsWidth(page);
        expect({ screen: screen.name, overflow: scrollWidth > innerWidth }).toEqual({ screen: screen.name, overflow: false });
        expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
        if (screen.name === 'profile') {
          // The zone reads as people name it ("Central European Time, Warsaw"), never as an IANA id.
          const zone = await page.getByRole('combobox', { name: language === 'en' ? /My time zone/ : /Moja strefa czasowa/ }).inputValue();
          expect(zone).not.toMatch(/^[A-Za-z_]+\/[A-Za-z_/]+$/);
        }
        await checkScreen(page, `width-${width}-${theme}-${language}-${screen.name}`);
        if (screen.name === 'relationship-agreement') await checkAgreementEditor(page, `width-${width}-${theme}-${language}-relationship-agreement-editor`, language);
      }
    });
  });
});

describe('relationship sections on a phone', () => {
  it('collapse into an overflow menu that opens the chosen section', async () => {
    await withChromiumPage({ width: 320 }, async (page) => {
      await signIn(page, 'en');
      await page.goto(`${tab.baseUrl}/?phone=1#/relationship/${relationshipId}/goals`);
      await page.getByRole('heading', { level: 1, name: /Margaret Hale/ }).waitFor();
      const sections = page.getByRole('tablist', { name: 'Relationship sections' });
      const more = sections.getByRole('tab', { name: /^More \(\d+\)$/ });
      await more.click();
      await page.getByRole('menuitemradio', { name: 'Check-ins' }).click();
      await page.waitForURL(/\/checkins$/);
      await page.getByRole('heading', { level: 2, name: 'Check-ins' }).waitFor();
      expect((await fitsWidth(page)).scrollWidth).toBeLessThanOrEqual(320);
    });
  });
});
