/**
 * The tab in real headless Chromium: built with the project's Vite config, served statically, talking
 * to the whole local stack (`startLocalStack`: Azurite, identity issuer, API, seeded demo pair) through
 * the same /api and /local-identity paths as in `npm run dev:tab`.
 * Every screen is checked with axe-core (no serious or critical violations) and photographed into
 * test-artifacts/e2e in light, dark and Polish.
 */
import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { setUpChromiumPage } from '../support/chromium';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

jest.setTimeout(120_000);

interface Variant {
  name: string;
  query: string;
  colorScheme: 'light' | 'dark';
  text: { signInTitle: RegExp; person: string; signIn: string; home: string; homeTitle: string; find: string; profile: string; relationship: string};
}

const english = {
  signInTitle: /Local sign-in \(demo people/,
  person: 'Demo person',
  signIn: 'Sign in as this person',
  home: 'Home',
  homeTitle: 'What needs you now',
  find: 'Find a mentor',
  profile: 'Profile',
  relationship: 'Relationship',
};
const variants: Variant[] = [
  { name: 'light-en', query: '', colorScheme: 'light', text: english },
  { name: 'dark-en', query: '?theme=dark', colorScheme: 'dark', text: english },
  { name: 'contrast-en', query: '?theme=contrast', colorScheme: 'dark', text: english },
  {
    name: 'light-pl',
    query: '?lang=pl',
    colorScheme: 'light',
    text: {
      signInTitle: /Logowanie lokalne \(osoby demonstracyjne/,
      person: 'Osoba demonstracyjna',
      signIn: 'Zaloguj jako ta osoba',
      home: 'Start',
      homeTitle: 'Co na Ciebie czeka',
      find: 'Znajdź mentora',
      profile: 'Profil',
      relationship: 'Relacja',
    },
  },
];

const { tab } = setUpBuiltTabOnStack();

const checkVariantScreen = (page: Page, variant: Variant, screen: string) => checkScreen(page, `${screen}-${variant.name}`);

describe.each(variants)('tab in $name', (variant) => {
  const page = setUpChromiumPage({ colorScheme: variant.colorScheme });

  it('says it is outside Teams and offers a labelled local sign-in listing the demo people', async () => {
    await page.goto(`${tab.baseUrl}/${variant.query}`);
    await page.getByRole('heading', { name: variant.text.signInTitle }).waitFor();
    const options = await page.getByLabel(variant.text.person).locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining([expect.stringContaining('Margaret Hale'), expect.stringContaining('Kacper Nowak')]));
    await checkVariantScreen(page, variant, 'sign-in');
  });

  it('signs in as a demo person with a token from the local issuer and shows the shell', async () => {
    const person = await page.getByLabel(variant.text.person).locator('option', { hasText: 'Kacper Nowak' }).getAttribute('value');
    await page.getByLabel(variant.text.person).selectOption(person!);
    const token = page.waitForResponse((r) => r.url().endsWith('/local-identity/token') && r.request().method() === 'POST');
    await page.getByRole('button', { name: variant.text.signIn }).click();
    expect((await token).status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: variant.text.homeTitle }).waitFor();
    expect(await page.getByRole('tab', { name: variant.text.home }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await checkVariantScreen(page, variant, 'home');
  });

  it('moves between sections with the keyboard alone', async () => {
    await page.getByRole('tab', { name: variant.text.home }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: variant.text.find }).waitFor();
    await checkVariantScreen(page, variant, 'find-a-mentor');

    await page.getByRole('tab', { name: variant.text.find }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: variant.text.profile }).waitFor();
    await checkVariantScreen(page, variant, 'profile');

    await page.getByRole('tab', { name: variant.text.profile }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/relationship/);
    await page.getByRole('heading', { level: 1, name: /Margaret Hale/ }).waitFor();
    await checkVariantScreen(page, variant, 'relationship');
  });

  it('shows every section of the relationship, each reachable from its tab', async () => {
    const tabs = page.getByRole('tablist').nth(1).getByRole('tab');
    const count = await tabs.count();
    expect(count).toBe(7);
    for (let i = 0; i < count; i += 1) {
      await tabs.nth(i).click();
      await page.waitForURL(/#\/relationship\/[^/]+\/\w+$/);
      const section = new URL(page.url()).hash.split('/').pop()!;
      await page.getByRole('tabpanel').getByRole('heading', { level: 2 }).first().waitFor();
      await checkVariantScreen(page, variant, `relationship-${section}`);
    }
  });
});
