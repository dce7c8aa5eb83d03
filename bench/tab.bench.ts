/**
 * Tab figures (`npm run bench -- tab`; see bench/README.md):
 *   tab-initial-js-gzip         gzip size of the JavaScript index.html loads before the first render:
 *                               the entry script, its modulepreloads and every chunk they import
 *                               statically (lazy screens are not counted). Budget ≤ 200 KB.
 *   tab-first-render-with-data  median over 7 loads in headless Chromium of the time from navigation
 *                               start until Home shows content the API returned (the page marks
 *                               `data-ready="home"` only when its lists have arrived; a skeleton or a
 *                               heading does not count), signed in (local sign-in kept in the
 *                               session), against the local stack's seeded pair (Home loads the
 *                               relationship list, the requests, my profile and the relationship's
 *                               detail). Budget ≤ 1,000 ms.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildTab } from '../tests/e2e/support/build-tab';
import { startStackForBuiltTab } from '../tests/e2e/support/tab-on-stack';
import { launchChromium } from '../tests/support/chromium';
import { startTabServer } from '../tests/e2e/support/tab-server';
import type { Report } from './run';

/** Files index.html loads eagerly, following static `import … from "./x.js"` edges between chunks. */
export function initialScripts(buildDir: string): string[] {
  const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const roots = [
    ...[...html.matchAll(/<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g)].map((m) => m[1]!),
  ];
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(buildDir, file), 'utf8');
    const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(`${dir}${m[1]!}`);
    }
  }
  return [...seen].sort();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function run(report: Report): Promise<void> {
  const buildDir = buildTab();
  try {
    const gzipBytes = initialScripts(buildDir).reduce((sum, file) => sum + gzipSync(readFileSync(join(buildDir, file))).length, 0);
    report('tab-initial-js-gzip', Math.round((gzipBytes / 1024) * 10) / 10, 'KB');

    const stack = await startStackForBuiltTab();
    const tab = await startTabServer(buildDir, stack.baseUrl);
    const browser = await launchChromium();
    try {
      // Record when Home first paints the API's answer (not its skeleton), from inside the page itself.
      await browser.context.addInitScript(() => {
        const w = window as unknown as { __firstScreenAt?: number };
        new MutationObserver((_, observer) => {
          if (document.querySelector('#root [data-ready="home"]')) {
            requestAnimationFrame(() => {
              w.__firstScreenAt ??= performance.now();
            });
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
      });
      const people = (await (await fetch(`${stack.baseUrl}/local-identity/people`)).json()) as { people: { personId: string; displayName: string }[] };
      // Kacper Nowak: the seeded mentor, so Home has a relationship and a request history to show.
      const person = people.people.find((p) => p.displayName === 'Kacper Nowak') ?? people.people[0]!;
      const setup = await browser.context.newPage();
      await setup.goto(`${tab.baseUrl}/`);
      await setup.evaluate((p) => sessionStorage.setItem('mentoring.localPerson', JSON.stringify(p)), person);

      const samples: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        // A new query string makes every load a full document load, never a same-document hash change.
        await setup.goto(`${tab.baseUrl}/?load=${i}#/home`);
        await setup.waitForFunction(() => (window as unknown as { __firstScreenAt?: number }).__firstScreenAt !== undefined, undefined, { timeout: 30_000 });
        const at = await setup.evaluate(() => (window as unknown as { __firstScreenAt: number }).__firstScreenAt);
        if (i > 0) samples.push(at); // the first load warms Chromium's own caches (fonts, V8 code cache)
      }
      report('tab-first-render-with-data', Math.round(median(samples)), 'ms');
    } finally {
      await browser.close();
      await tab.close();
      await stack.stop();
    }
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}
