import type { Page } from 'playwright-core';

/**
 * Signs a person in to the tab outside Teams as its local sign-in does: the person, as the local
 * identity issuer lists them, kept in sessionStorage; with a language, also the one chosen on Profile
 * (kept on the device). The page is left on the tab's start page: load the screen to test next with
 * a new query, so it is a real load (a hash alone would stay on the signed-out page).
 */
export async function signInLocally(page: Page, to: { stack: { baseUrl: string }; tab: { baseUrl: string } }, personId: string, language?: 'en' | 'pl'): Promise<void> {
  const people = (await (await fetch(`${to.stack.baseUrl}/local-identity/people`)).json()) as { people: { personId: string }[] };
  const person = people.people.find((p) => p.personId === personId);
  if (!person) throw new Error(`the local identity issuer has no person ${personId}`);
  await page.goto(`${to.tab.baseUrl}/`);
  await page.evaluate(
    ([p, lang]) => {
      sessionStorage.setItem('mentoring.localPerson', JSON.stringify(p));
      if (lang) localStorage.setItem('mentoring.language', lang);
    },
    [person, language] as const,
  );
}

/** Signs a demo person in with the tab's local sign-in form (English), by name, and waits for Home. */
export async function signInWithTheForm(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { name: /Local sign-in/ }).waitFor();
  const value = await page.getByLabel('Demo person').locator('option', { hasText: name }).getAttribute('value');
  await page.getByLabel('Demo person').selectOption(value!);
  await page.getByRole('button', { name: 'Sign in as this person' }).click();
  await page.getByRole('heading', { level: 1, name: 'What needs you now' }).waitFor();
}
