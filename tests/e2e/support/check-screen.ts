import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousAxeViolations } from './axe';

export const artifactsDir = resolve(__dirname, '../../../test-artifacts/e2e');

/**
 * Waits for the screen's data (no loading skeleton left), saves a full-page screenshot to
 * test-artifacts/e2e/<name>.png and fails on any serious or critical axe-core finding.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.waitForSelector('[data-loading]', { state: 'detached' });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  expect({ screen: name, violations: await seriousAxeViolations(page) }).toEqual({ screen: name, violations: [] });
}
