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

/** Every element of a card body, depth first, with whether it is shown when the card arrives. */
function walk(elements: readonly Record<string, unknown>[], shown = true): { element: Record<string, unknown>; shown: boolean }[] {
  return elements.flatMap((element) => {
    const here = shown && element.isVisible !== false;
    const children = [...((element.items as Record<string, unknown>[]) ?? []), ...((element.columns as Record<string, unknown>[]) ?? [])];
    return [{ element, shown: here }, ...walk(children, here)];
  });
}

describe('the check-in card answers in 20 seconds', () => {
  const card = everyCard('en').checkIn;
  const elements = walk(card.body as Record<string, unknown>[]);
  const inputs = elements.filter((e) => String(e.element.type).startsWith('Input.'));

  it('opens with two inputs: "How useful was it?" as one tap (1–5) and one next step for the agenda', () => {
    const first = inputs.filter((e) => e.shown).map((e) => e.element);
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({ type: 'Input.ChoiceSet', id: 'rating', label: 'How useful was it?', style: 'expanded' });
    expect((first[0]!.choices as { value: string }[]).map((c) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(first[0]!.value).toBeUndefined();
    expect(first[1]).toMatchObject({ type: 'Input.Text', id: 'actionItem1.title', label: 'One thing you will do before next time' });
  });

  it('keeps the four questions, goal progress, two more action items and the note behind "Add more"', () => {
    const hidden = inputs.filter((e) => !e.shown).map((e) => e.element.id);
    expect(hidden).toEqual([
      'useful',
      'nextSteps',
      'beforeNextTime',
      'changeOrFocus',
      'goal.g1',
      'goal.g2',
      'actionItem2.title',
      'actionItem2.owner',
      'actionItem2.due',
      'actionItem3.title',
      'actionItem3.owner',
      'actionItem3.due',
      'privateNote',
    ]);
    const toggles = elements.filter((e) => e.element.type === 'ActionSet');
    expect(toggles.map((t) => [t.element.id, t.shown, (t.element.actions as Record<string, unknown>[])[0]])).toEqual([
      ['showMore', true, expect.objectContaining({ type: 'Action.ToggleVisibility', title: 'Add more', targetElements: ['more', 'showMore', 'showLess'] })],
      ['showLess', false, expect.objectContaining({ type: 'Action.ToggleVisibility', title: 'Show less' })],
    ]);
  });

  it('asks goal progress with choice sets in tens (plus where the goal stands), never a number box', () => {
    expect(elements.some((e) => e.element.type === 'Input.Number')).toBe(false);
    const goal = inputs.find((e) => e.element.id === 'goal.g1')!.element;
    expect(goal).toMatchObject({ type: 'Input.ChoiceSet', style: 'compact', value: '40' });
    expect((goal.choices as { title: string; value: string }[]).map((c) => c.value)).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
    const odd = walk(largestRealisticCard().body as Record<string, unknown>[]).find((e) => String(e.element.id).startsWith('goal.'));
    expect((odd!.element.choices as { value: string }[]).map((c) => c.value)).toContain('73');
    expect(odd!.element.value).toBe('73');
  });

  it('an edit, or a form back with problems, opens with the detail shown and what was there filled in', () => {
    for (const name of ['checkInEdit', 'checkInWithProblems'] as const) {
      const opened = walk(everyCard('en')[name].body as Record<string, unknown>[]);
      expect(opened.find((e) => e.element.id === 'more')!.shown).toBe(true);
      expect(opened.find((e) => e.element.id === 'showMore')!.shown).toBe(false);
      expect(opened.find((e) => e.element.id === 'rating')!.element.value).toBe('4');
    }
    const back = walk(everyCard('en').checkInWithProblems.body as Record<string, unknown>[]);
    expect(back.find((e) => e.element.id === 'goal.g1')!.element.value).toBe('50');
    expect(back.find((e) => e.element.id === 'actionItem2.title')!.element.value).toBe('Book a room');
  });

  it('"Add more" shows the detail and "Show less" hides it again, in the adaptivecards library', () => {
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card);
    parsed.render();
    const more = parsed.getElementById('more')!;
    expect(more.isVisible).toBe(false);
    const addMore = (parsed.getElementById('showMore') as InstanceType<typeof AC.ActionSet>).getActionAt(0) as InstanceType<typeof AC.ToggleVisibilityAction>;
    addMore.execute();
    expect(more.isVisible).toBe(true);
    expect(parsed.getElementById('showMore')!.isVisible).toBe(false);
    expect(parsed.getElementById('showLess')!.isVisible).toBe(true);
    ((parsed.getElementById('showLess') as InstanceType<typeof AC.ActionSet>).getActionAt(0) as InstanceType<typeof AC.ToggleVisibilityAction>).execute();
    expect(more.isVisible).toBe(false);
  });

  it('the summary says how useful it was', () => {
    expect(JSON.stringify(everyCard('en').checkInSummary)).toContain('4 of 5');
    expect(JSON.stringify(everyCard('pl').checkInSummary)).toContain('4 na 5');
  });
});

describe('card size', () => {
  it('the largest realistic card stays well under Teams\' ~28 KB message limit (under 20 KB)', () => {
    const bytes = Buffer.byteLength(JSON.stringify(largestRealisticCard()), 'utf8');
    expect(bytes).toBeLessThan(20 * 1024);
    expect(parseProblems(largestRealisticCard())).toEqual([]);
  });
});

describe.each(['en', 'pl'] as const)('the "missed it?" card (%s)', (locale) => {
  const cards = everyCard(locale);

  it('offers each time as one Action.Execute button carrying the meeting and the time, then the schedule link', () => {
    const actions = cards.missedMeeting.actions as Record<string, unknown>[];
    expect(actions.map((a) => a.type)).toEqual(['Action.Execute', 'Action.Execute', 'Action.Execute', 'Action.OpenUrl']);
    expect(actions.slice(0, 3).map((a) => (a.data as Record<string, unknown>).start)).toEqual([
      '2026-11-25T09:00:00.000Z',
      '2026-11-26T09:00:00.000Z',
      '2026-12-01T13:30:00.000Z',
    ]);
    expect(actions[0]).toMatchObject({
      verb: 'meeting.rebook',
      data: { verb: 'meeting.rebook', cardVersion: 1, relationshipId: 'r1', meetingId: 'm1' },
      fallback: { type: 'Action.Submit', data: { verb: 'meeting.rebook', start: '2026-11-25T09:00:00.000Z' } },
    });
    // The button says the time on the reader's clock (Warsaw): 10:00 on Wednesday 25 November.
    expect(String(actions[0]!.title)).toContain('10:00');
  });

  it('after a click that booked nothing, says why above the fresh times; with no times, lists none and links the schedule', () => {
    expect(JSON.stringify(cards.missedMeetingRetry.body)).toContain(locale === 'en' ? 'no longer free for one of you' : 'nie jest już wolny');
    expect((cards.missedMeetingNoTimes.actions as Record<string, unknown>[]).map((a) => a.type)).toEqual(['Action.OpenUrl']);
  });

  it('turns into what was booked, and by whom', () => {
    expect(JSON.stringify(cards.rebooked)).toContain(locale === 'en' ? 'Your meeting with Marek Nowak is now on' : 'Spotkanie z: Marek Nowak odbędzie się');
    expect(JSON.stringify(cards.rebookedByPartner)).toContain(locale === 'en' ? 'Marek Nowak already moved the meeting to' : 'Marek Nowak: spotkanie przeniesiono już na');
  });
});
