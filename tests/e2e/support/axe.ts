import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** The offending elements' markup, shortened, so a failure says what to fix. */
  html: string[];
}

/**
 * Runs axe-core in the page (WCAG 2.1 A/AA and best practice) and returns the serious and critical
 * findings. One known false positive is removed, node by node, exactly as Accessibility Insights does
 * (microsoft/accessibility-insights-web#7605): Fluent's focus manager (tabster) puts `aria-hidden`
 * focus "bumpers" marked `data-tabster-dummy` around arrow-key groups; they hand focus on at once and
 * must stay hidden from screen readers. Any other node of the same rule still fails.
 */
export async function seriousAxeViolations(page: Page | Frame): Promise<AxeFinding[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    const isTabsterBumper = (target: unknown[]) => {
      const selector = target.length === 1 ? String(target[0]) : undefined;
      const element = selector ? document.querySelector(selector) : null;
      return element?.hasAttribute('data-tabster-dummy') === true;
    };
    return result.violations
      .map((v) => {
        const nodes = v.nodes.filter((n) => !(v.id === 'aria-hidden-focus' && isTabsterBumper(n.target)));
        return {
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: nodes.map((n) => n.target.map(String).join(' ')),
          html: nodes.map((n) => n.html.slice(0, 240)),
        };
      })
      .filter((v) => v.targets.length > 0);
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
