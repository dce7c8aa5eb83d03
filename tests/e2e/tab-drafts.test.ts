/**
 * Forms that respect effort, in headless Chromium against the local stack: a half-typed agreement
 * proposal survives a reload of the tab (Teams reloads tabs freely) and comes back with its editor
 * open; cancelling forgets it.
 */
import { withChromiumPage } from '../support/chromium';
import { signInLocally } from './support/local-sign-in';
import { setUpBuiltTabOnStack } from './support/tab-on-stack';

jest.setTimeout(180_000);

const KACPER = 'a0000002-0000-4000-8000-000000000002';

const { stack, tab } = setUpBuiltTabOnStack();

it('keeps a half-typed agreement across a reload, and forgets it on Cancel', async () => {
  await withChromiumPage({}, async (page) => {
    await signInLocally(page, { stack, tab }, KACPER);
    await page.goto(`${tab.baseUrl}/?visit=1#/relationship`);
    await page.getByRole('heading', { level: 1, name: /Margaret Hale/ }).waitFor();
    await page.getByRole('button', { name: 'Propose an agreement' }).click();
    const form = page.getByRole('form', { name: 'Propose changes' });
    await form.getByLabel('Number of meetings').fill('4');
    await form.getByLabel('Note to Margaret Hale').fill('Mornings in New York suit me.');

    await page.reload();
    const again = page.getByRole('form', { name: 'Propose changes' });
    await again.getByText('Mornings in New York suit me.').or(again.getByLabel('Note to Margaret Hale')).first().waitFor();
    expect(await again.getByLabel('Note to Margaret Hale').inputValue()).toBe('Mornings in New York suit me.');
    expect(await again.getByLabel('Number of meetings').inputValue()).toBe('4');

    await again.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Propose an agreement' }).waitFor();
    expect(await page.getByRole('form', { name: 'Propose changes' }).count()).toBe(0);
  });
});
