/**
 * Each card rendered by the adaptivecards library inside real headless Chromium, as Teams' web
 * client does, with a screenshot kept under test-artifacts/cards/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import { everyCard, everyCardWithPeoplesText, largestRealisticCard, peoplesText } from './card-fixtures';

const root = resolve(__dirname, '../../..');
const artifacts = join(root, 'test-artifacts', 'cards');
const library = require.resolve('adaptivecards/dist/adaptivecards.min.js');
// The CommonMark renderer the adaptivecards library picks up by itself (window.markdownit) when a host has it.
const markdownIt = require.resolve('markdown-it/browser');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 520, height: 400 }, deviceScaleFactor: 1 });
  await page.setContent(
    '<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;background:#f5f5f5;font-family:"Segoe UI",sans-serif}#card{width:500px;margin:10px;background:#fff}</style></head><body><div id="card"></div></body></html>',
  );
  await page.addScriptTag({ path: library });
  await page.addScriptTag({ path: markdownIt });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  readonly errors: string[];
  readonly height: number;
  readonly text: string;
  readonly inputs: number;
  readonly buttons: string[];
  /** How many of each formatting element the markdown produced. */
  readonly tags: Record<string, number>;
}

/**
 * `subset`: a small processor for what our own strings use (bold, bullets); `commonmark`: full
 * markdown-it, which turns anything a person typed into links, emphasis or lists unless escaped.
 */
async function render(card: unknown, markdown: 'subset' | 'commonmark' = 'subset'): Promise<Rendered> {
  return page.evaluate(([json, mode]) => {
    const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
    // Teams renders a Markdown subset; this covers what our cards use (bold and bullet lists).
    AC.AdaptiveCard.onProcessMarkdown = mode === 'commonmark' ? undefined : (text, result) => {
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      result.outputHtml = escaped
        .split('\n')
        .map((line) => (line.startsWith('- ') ? `&bull; ${line.slice(2)}` : line))
        .join('<br>')
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
      result.didProcess = true;
    };
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext();
    card.parse(json, context);
    const errors: string[] = [];
    for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
    const host = document.getElementById('card')!;
    host.innerHTML = '';
    const element = card.render();
    if (!element) errors.push('render() returned nothing');
    else host.appendChild(element);
    const tags: Record<string, number> = {};
    for (const tag of ['a', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'blockquote', 'img', 'hr']) {
      tags[tag] = host.querySelectorAll(tag).length;
    }
    return {
      errors,
      height: host.getBoundingClientRect().height,
      text: host.innerText,
      inputs: host.querySelectorAll('input, textarea, select').length,
      buttons: [...host.querySelectorAll('button')].map((b) => b.innerText.trim()).filter((t) => t.length > 0),
      tags,
    };
  }, [card, markdown] as const);
}

async function screenshot(name: string): Promise<Buffer> {
  const file = join(artifacts, `${name}.png`);
  const png = await page.locator('#card').screenshot({ path: file });
  return png;
}

describe.each(['en', 'pl'] as const)('cards rendered in Chromium (%s)', (locale) => {
  const cards = everyCard(locale);

  it.each(Object.keys(cards))('%s renders without errors and is screenshotted', async (name) => {
    const rendered = await render(cards[name as keyof typeof cards]);
    expect(rendered.errors).toEqual([]);
    expect(rendered.height).toBeGreaterThan(40);
    expect(rendered.text).not.toContain('**');
    const png = PNG.sync.read(await screenshot(`${locale}-${name}`));
    expect(png.width).toBe(500);
    expect(png.height).toBeGreaterThan(40);
  });
});

describe('the check-in card in Chromium', () => {
  it('shows the four questions, a field per goal, three action-item rows and a private note', async () => {
    const rendered = await render(everyCard('en').checkIn);
    expect(rendered.text).toContain("What was useful about today's conversation?");
    expect(rendered.text).toContain('Only you will ever see this note.');
    // 4 answers + 2 goals + 3 × (title, owner, due) + private note
    expect(rendered.inputs).toBe(4 + 2 + 9 + 1);
    expect(rendered.buttons).toEqual(['Send check-in']);
  });

  it('renders the largest realistic card', async () => {
    const rendered = await render(largestRealisticCard());
    expect(rendered.errors).toEqual([]);
    await screenshot('largest-realistic');
    expect(readFileSync(join(artifacts, 'largest-realistic.png')).length).toBeGreaterThan(1000);
  });
});

describe.each(['en', 'pl'] as const)('what people typed, rendered by CommonMark in Chromium (%s)', (locale) => {
  const cards = everyCardWithPeoplesText(locale);
  const plain = everyCard(locale);
  const { name, title, answer } = peoplesText;
  const shown: Record<keyof typeof cards, readonly string[]> = {
    welcome: [name],
    helpUnknown: [title.slice(0, 80)],
    checkIn: [name, title],
    checkInWithProblems: [title],
    checkInSummary: [answer, title, name],
    nudge: [name],
    nextMeeting: [name],
    actionItems: [title, name],
    reminder: [title, name],
  };
  // U+2060 (word joiner) has no width: labels carry it between the braces of a date function.
  const words = (text: string): string => text.replace(/\u2060/g, '').replace(/\s+/g, ' ').trim();

  it.each(Object.keys(cards) as (keyof typeof cards)[])('%s shows the text as typed: no link, no formatting of its own', async (card) => {
    const rendered = await render(cards[card], 'commonmark');
    await screenshot(`${locale}-peoples-text-${card}`);
    const baseline = await render(plain[card], 'commonmark');
    expect(rendered.errors).toEqual([]);
    expect(rendered.tags.a).toBe(0);
    // Whatever formatting there is comes from the card's own strings, exactly as with ordinary text.
    expect(rendered.tags).toEqual(baseline.tags);
    for (const text of shown[card]) expect(words(rendered.text)).toContain(words(text));
    expect(rendered.text).not.toMatch(/\\[[*_`<{#-]/);
  });
});
