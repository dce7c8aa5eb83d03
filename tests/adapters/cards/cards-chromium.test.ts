/**
 * Each card rendered by the adaptivecards library inside real headless Chromium, as Teams' web
 * client does, with a screenshot kept under test-artifacts/cards/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { readFileSync } from 'node:fs';
import { launchChromiumBrowser } from '../../support/chromium';
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
  browser = await launchChromiumBrowser();
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
/**
 * Teams' dark theme as a host config: light text on a dark surface, the colours Teams uses; native
 * inputs follow `color-scheme`. The light theme is the library's default host config.
 */
const darkHostConfig = {
  containerStyles: {
    default: { backgroundColor: '#292929', foregroundColors: { default: { default: '#FFFFFF', subtle: '#C8C8C8' }, accent: { default: '#A6A7DC', subtle: '#A6A7DC' }, attention: { default: '#F9A6AE', subtle: '#F9A6AE' }, good: { default: '#92C353', subtle: '#92C353' }, warning: { default: '#F8D22A', subtle: '#F8D22A' } } },
    emphasis: { backgroundColor: '#1F1F1F', foregroundColors: { default: { default: '#FFFFFF', subtle: '#C8C8C8' } } },
    attention: { backgroundColor: '#3E1F25', foregroundColors: { default: { default: '#FFFFFF', subtle: '#F9A6AE' } } },
  },
};

interface RenderOptions {
  readonly theme?: 'light' | 'dark';
  /** Click every "Add more" (Action.ToggleVisibility) button, as a person asking for the detail. */
  readonly expand?: boolean;
}

async function render(card: unknown, markdown: 'subset' | 'commonmark' = 'subset', options: RenderOptions = {}): Promise<Rendered> {
  return page.evaluate(([json, mode, theme, expand, dark]) => {
    const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
    document.documentElement.style.colorScheme = theme;
    document.body.style.background = theme === 'dark' ? '#1f1f1f' : '#f5f5f5';
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
    if (theme === 'dark') card.hostConfig = new AC.HostConfig(dark);
    const context = new AC.SerializationContext();
    card.parse(json, context);
    const errors: string[] = [];
    for (let i = 0; i < context.eventCount; i++) errors.push(context.getEventAt(i).message);
    const host = document.getElementById('card')!;
    host.innerHTML = '';
    host.style.background = theme === 'dark' ? '#292929' : '#fff';
    const element = card.render();
    if (!element) errors.push('render() returned nothing');
    else host.appendChild(element);
    if (expand) {
      const more = card.getElementById('showMore') as InstanceType<typeof AC.ActionSet> | undefined;
      if (more) (more.getActionAt(0) as InstanceType<typeof AC.ToggleVisibilityAction>).execute();
    }
    const tags: Record<string, number> = {};
    for (const tag of ['a', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'blockquote', 'img', 'hr']) {
      tags[tag] = host.querySelectorAll(tag).length;
    }
    return {
      errors,
      height: host.getBoundingClientRect().height,
      text: host.innerText,
      inputs: host.querySelectorAll('input, textarea, select').length,
      // The buttons a person can see (a hidden one still has its text in innerText).
      buttons: [...host.querySelectorAll('button')]
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => b.innerText.trim())
        .filter((t) => t.length > 0),
      tags,
    };
  }, [card, markdown, options.theme ?? 'light', options.expand ?? false, darkHostConfig] as const);
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
  it('opens short: the 1–5 rating and one next step, "Add more" and Send; the rest is there but hidden', async () => {
    const rendered = await render(everyCard('en').checkIn);
    expect(rendered.text).toContain('How useful was it?');
    expect(rendered.text).toContain('One thing you will do before next time');
    expect(rendered.text).not.toContain("What was useful about today's conversation?");
    expect(rendered.text).not.toContain('Only you will ever see this note.');
    // 5 rating choices + next step + (hidden) 4 answers + 2 goals + 2 × (title, owner, due) + private note
    expect(rendered.inputs).toBe(5 + 1 + 4 + 2 + 6 + 1);
    expect(rendered.buttons).toEqual(['Add more', 'Send check-in']);
  });

  it('"Add more" shows the four questions, a choice set per goal, two more action items and the private note', async () => {
    const rendered = await render(everyCard('en').checkIn, 'subset', { expand: true });
    for (const q of ["What was useful about today's conversation?", 'What are your next steps?', 'Run a team retrospective with Miro', 'Action item 3', 'Only you will ever see this note.']) {
      expect(rendered.text).toContain(q);
    }
    expect(rendered.buttons).toEqual(['Show less', 'Send check-in']);
  });

  // Collapsed and expanded, light and dark, both languages: the screenshots a person checks.
  it.each(['en', 'pl'] as const)('both states in light and dark (%s) are screenshotted, and the short one is much shorter', async (locale) => {
    for (const theme of ['light', 'dark'] as const) {
      const short = await render(everyCard(locale).checkIn, 'subset', { theme });
      expect(short.errors).toEqual([]);
      const shortPng = PNG.sync.read(await screenshot(`${locale}-checkIn-collapsed-${theme}`));
      const full = await render(everyCard(locale).checkIn, 'subset', { theme, expand: true });
      const fullPng = PNG.sync.read(await screenshot(`${locale}-checkIn-expanded-${theme}`));
      expect(full.height).toBeGreaterThan(short.height * 2);
      expect(shortPng.height).toBeLessThan(fullPng.height);
      // The dark card is dark: the top-left pixel is the card's own surface.
      const [r, g, b] = [shortPng.data[0]!, shortPng.data[1]!, shortPng.data[2]!];
      if (theme === 'dark') expect(r + g + b).toBeLessThan(3 * 80);
      else expect(r + g + b).toBeGreaterThan(3 * 200);
    }
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
    const rendered = await render(cards[card], 'commonmark', { expand: true });
    await screenshot(`${locale}-peoples-text-${card}`);
    const baseline = await render(plain[card], 'commonmark', { expand: true });
    expect(rendered.errors).toEqual([]);
    expect(rendered.tags.a).toBe(0);
    // Whatever formatting there is comes from the card's own strings, exactly as with ordinary text.
    expect(rendered.tags).toEqual(baseline.tags);
    for (const text of shown[card]) expect(words(rendered.text)).toContain(words(text));
    expect(rendered.text).not.toMatch(/\\[[*_`<{#-]/);
  });
});
