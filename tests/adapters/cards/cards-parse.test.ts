/**
 * @jest-environment jsdom
 */
// The package's main entry is ESM; its UMD bundle loads under jest's CommonJS without extra transforms.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');
import { everyCard, largestRealisticCard } from './card-fixtures';

function parseProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const e of card.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}

describe.each(['en', 'pl'] as const)('cards in %s', (locale) => {
  const cards = everyCard(locale);

  it.each(Object.keys(cards))('%s parses with the adaptivecards library without errors or warnings', (name) => {
    expect(parseProblems(cards[name as keyof typeof cards])).toEqual([]);
  });

  // jsdom has no layout (no innerText), so this checks the element tree; the pixels are checked in Chromium.
  it.each(Object.keys(cards))('%s renders to an element tree', (name) => {
    const card = new AC.AdaptiveCard();
    card.parse(cards[name as keyof typeof cards]);
    const html = card.render();
    expect(html).toBeDefined();
    expect(html!.querySelectorAll('.ac-textBlock').length).toBeGreaterThan(0);
  });
});

describe('the check-in card', () => {
  const card = everyCard('en').checkIn;
  const text = JSON.stringify(card);

  it('asks the four questions', () => {
    for (const q of [
      "What was useful about today's conversation?",
      'What are your next steps?',
      'What will you do, learn or explore before the next conversation?',
      'What should we change for the next conversation, or focus on?',
    ]) {
      expect(text).toContain(q);
    }
  });

  it('submits with Action.Execute and falls back to Action.Submit with the same data', () => {
    const action = card.actions![0]!;
    const data = { verb: 'checkin.submit', cardVersion: 1, relationshipId: 'r1', meetingId: 'm1', nonce: 'n1' };
    expect(action).toMatchObject({ type: 'Action.Execute', verb: 'checkin.submit', data });
    expect(action.fallback).toMatchObject({ type: 'Action.Submit', data });
  });

  it('is parsed by the library as an ExecuteAction carrying its verb', () => {
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card);
    const action = parsed.getActionAt(0);
    expect(action).toBeInstanceOf(AC.ExecuteAction);
    expect((action as InstanceType<typeof AC.ExecuteAction>).verb).toBe('checkin.submit');
  });

  it('uses Adaptive Card 1.5', () => {
    expect(card.version).toBe('1.5');
  });
});

describe('card size', () => {
  it('the largest realistic card stays well under Teams\' ~28 KB message limit (under 20 KB)', () => {
    const bytes = Buffer.byteLength(JSON.stringify(largestRealisticCard()), 'utf8');
    expect(bytes).toBeLessThan(20 * 1024);
    expect(parseProblems(largestRealisticCard())).toEqual([]);
  });
});
