/**
 * Forms that respect effort, in headless Chromium against the local stack: a half-typed agreement
 * proposal survives a reload of the tab (Teams reloads tabs freely) and comes back with its editor
 * open; cancelling forgets it.
 */
import { rmSync } from 'node:fs';
import { buildTab } from './support/build-tab';
import { launchChromium } from './support/chromium';
import { startE2eStack, type E2eStack } from './support/local-stack';
import { startTabServer, type TabServer } from './support/tab-server';

jest.setTimeout(180_000);

const KACPER = 'a0000002-0000-4000-8000-000000000002';

let buildDir: string;
let stack: E2eStack;
let tab: TabServer;

beforeAll(async () => {
  buildDir = buildTab();
  stack = await startE2eStack();
  tab = await startTabServer(buildDir, stack.baseUrl);
});

afterAll(async () => {
  await tab?.close();
  await stack?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

it('keeps a half-typed agreement across a reload, and forgets it on Cancel', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const people = (await (await fetch(`${stack.baseUrl}/local-identity/people`)).json()) as { people: { personId: string }[] };
    await page.goto(`${tab.baseUrl}/`);
    await page.evaluate((p) => sessionStorage.setItem('mentoring.localPerson', JSON.stringify(p)), people.people.find((p) => p.personId === KACPER)!);
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
  } finally {
    await browser.close();
  }
});
