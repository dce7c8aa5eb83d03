/**
 * Choosing a time zone in Chromium, in Polish at 320 px and in English at 1280 px: the profile and the
 * agreement editor show zones as people name them (never an IANA id), the list is searched by typing
 * (without Polish accents, by city), the choice is saved as the IANA id, and the open list fits the
 * phone's width and passes axe. Screenshots: test-artifacts/e2e/time-zone-picker-*.png.
 */
import type { Page } from 'playwright-core';
import { checkScreen } from './support/check-screen';
import { withChromiumPage } from '../support/chromium';
import { signInLocally } from './support/local-sign-in';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

jest.setTimeout(300_000);

const KACPER = 'a0000002-0000-4000-8000-000000000002';
const IANA_ID = /^[A-Za-z_]+\/[A-Za-z_/]+$/;

const { stack, tab } = setUpBuiltTabOnStack();
let token: string;
let relationshipId: string;

beforeAll(async () => {
  token = await stack.tokenOf(KACPER);
  const list = (await (await fetch(`${stack.baseUrl}/api/relationships`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    relationships: { relationship: { id: string } }[];
  };
  relationshipId = list.relationships[0]!.relationship.id;
});

const signIn = (page: Page, language: 'en' | 'pl') => signInLocally(page, { stack, tab }, KACPER, language);

async function myZone(): Promise<string> {
  const me = (await (await fetch(`${stack.baseUrl}/api/me/profile`, { headers: { authorization: `Bearer ${token}` } })).json()) as { timeZone?: string; profile?: { timeZone: string } };
  return me.timeZone ?? me.profile?.timeZone ?? '';
}

describe('choosing a time zone', () => {
  it('on the profile, in Polish on a phone: by name, searched without accents, saved as the IANA id', async () => {
    await withChromiumPage({ width: 320 }, async (page) => {
      await signIn(page, 'pl');
      await page.goto(`${tab.baseUrl}/?screen=profile#/profile`);
      const zone = page.getByRole('combobox', { name: /Moja strefa czasowa/ });
      await zone.waitFor();
      expect(await zone.inputValue()).toBe('czas środkowoeuropejski, Warsaw');
      await zone.click();
      await zone.fill('wschodnioamer');
      const option = page.getByRole('option', { name: /New York/ });
      await option.waitFor();
      expect(await option.textContent()).toMatch(/UTC−0[45]:00/);
      const fit = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.innerWidth);
      await checkScreen(page, 'time-zone-picker-profile-320-pl-open');
      await option.click();
      expect(await zone.inputValue()).toMatch(/, New York$/);
      await page.getByRole('button', { name: 'Zapisz' }).click();
      await page.getByText('Zapisano Twój profil.').waitFor();
      expect(await myZone()).toBe('America/New_York');
    });
  });

  it('in the agreement editor, in English: both people’s zones by name, and the list filters by city', async () => {
    await withChromiumPage({ width: 1280 }, async (page) => {
      await signIn(page, 'en');
      await page.goto(`${tab.baseUrl}/?screen=agreement#/relationship/${relationshipId}/agreement`);
      await page.getByRole('button', { name: 'Propose an agreement' }).click();
      const zones = page.getByRole('combobox', { name: 'Time zone' });
      await zones.first().waitFor();
      expect(await zones.count()).toBe(2);
      for (const value of await Promise.all([zones.nth(0).inputValue(), zones.nth(1).inputValue()])) {
        expect(value).not.toMatch(IANA_ID);
        expect(value).toMatch(/, (New York|Warsaw)$/);
      }
      await zones.nth(0).click();
      await zones.nth(0).fill('kolkata');
      await page.getByRole('option', { name: /India Standard Time, Kolkata/ }).waitFor();
      await checkScreen(page, 'time-zone-picker-agreement-1280-en-open');
    });
  });
});
