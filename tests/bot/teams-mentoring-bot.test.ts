import { botKit, MENTEE, MENTOR, STRANGER, TENANT, BOT, type WireActivity } from './bot-test-kit';

type Kit = Awaited<ReturnType<typeof botKit>>;

const text = (card: unknown): string => JSON.stringify(card);

async function sendCheckIn(kit: Kit, user = MENTEE): Promise<Record<string, unknown>> {
  const composed = await kit.conversation.composeCheckInCard(
    { tenantId: TENANT, userId: user.aadObjectId, displayName: user.name, locale: 'en' },
    'r1',
    'm1',
  );
  if (!composed.ok) throw new Error(composed.error.message);
  return composed.value as unknown as Record<string, unknown>;
}

function actionData(card: Record<string, unknown>): Record<string, unknown> {
  const actions = card.actions as { data: Record<string, unknown> }[];
  return actions[0]!.data;
}

function execute(kit: Kit, from: typeof MENTEE, data: Record<string, unknown>): WireActivity {
  return { ...kit.base(from), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: data.verb, data } } };
}

function invokeCard(replies: WireActivity[]): { status: number; card: Record<string, unknown> } {
  const response = replies.find((r) => r.type === 'invokeResponse');
  const value = response?.value as { status: number; body: { statusCode: number; type: string; value: Record<string, unknown> } };
  expect(value.body.type).toBe('application/vnd.microsoft.card.adaptive');
  return { status: value.status, card: value.body.value };
}

const answers = {
  useful: 'Seeing Miro boards in action.',
  nextSteps: 'Run one retro with my team.',
  beforeNextTime: 'Read the facilitation guide.',
  changeOrFocus: 'More hands-on time.',
  'goal.g1': '45',
  'actionItem1.title': 'Book a room for the retro',
  'actionItem1.owner': 'me',
  'actionItem1.due': '2026-11-27',
  privateNote: 'I felt slow with the tool.',
};

describe('the Teams bot (Agents SDK CloudAdapter over HTTP, replies through the local connector)', () => {
  let kit: Kit;
  beforeEach(async () => {
    kit = await botKit();
  });
  afterEach(async () => {
    await kit.close();
  });

  it('on install stores the conversation reference (tenant-partitioned) and sends a welcome card', async () => {
    const replies = await kit.turn({ ...kit.base(MENTEE), type: 'installationUpdate', action: 'add' });
    expect(replies).toHaveLength(1);
    expect(text(kit.cardOf(replies[0]))).toContain('Welcome to Mentoring, Ania Kowalska');
    const stored = await kit.references.get(TENANT, MENTEE.aadObjectId);
    expect(stored).toEqual({
      serviceUrl: kit.connector.serviceUrl,
      channelId: 'msteams',
      conversationId: 'a:personal-aad-mentee',
      botId: BOT.id,
      userId: MENTEE.id,
      userAadObjectId: MENTEE.aadObjectId,
      tenantId: TENANT,
      locale: 'en-US',
    });
    expect(await kit.references.get('tenant-b', MENTEE.aadObjectId)).toBeUndefined();
  });

  it('when the bot itself is added (personal install) it records the reference without a second welcome', async () => {
    const replies = await kit.turn({ ...kit.base(MENTEE), type: 'conversationUpdate', membersAdded: [BOT] });
    expect(replies).toHaveLength(0);
    expect(await kit.references.get(TENANT, MENTEE.aadObjectId)).toBeDefined();
  });

  // Changed deliberately with the move to the Agents SDK (issue 12, "the welcome card is sent twice
  // on install"): Teams and the Agents Playground send conversationUpdate AND installationUpdate for
  // one install; the welcome used to go out on both. Now members being added only records the reference.
  it('an install announced twice (members added, then installationUpdate) welcomes once', async () => {
    const added = await kit.turn({ ...kit.base(MENTEE), type: 'conversationUpdate', membersAdded: [MENTEE, { id: '28:other-bot-id', name: 'Bot', aadObjectId: 'x' }, BOT] });
    expect(added).toHaveLength(0);
    expect(await kit.references.get(TENANT, MENTEE.aadObjectId)).toBeDefined();
    const installed = await kit.turn({ ...kit.base(MENTEE), type: 'installationUpdate', action: 'add' });
    expect(installed).toHaveLength(1);
    expect(text(kit.cardOf(installed[0]))).toContain('Welcome to Mentoring');
    expect(kit.connector.received.filter((r) => JSON.stringify(r.activity).includes('Welcome to Mentoring'))).toHaveLength(1);
  });

  it('an app upgrade (installationUpdate "add-upgrade") refreshes the reference and sends no second welcome', async () => {
    await kit.turn({ ...kit.base(MENTEE), type: 'installationUpdate', action: 'add' });
    const upgraded = await kit.turn({ ...kit.base(MENTEE, 'pl-PL'), type: 'installationUpdate', action: 'add-upgrade' });
    expect(upgraded).toHaveLength(0);
    expect((await kit.references.get(TENANT, MENTEE.aadObjectId))?.locale).toBe('pl-PL');
  });

  it('an install without the person\'s name (as the Agents Playground sends it) welcomes them by their profile name', async () => {
    const replies = await kit.turn({ ...kit.base({ ...MENTEE, name: '' }), type: 'installationUpdate', action: 'add' });
    expect(text(kit.cardOf(replies[0]))).toContain('Welcome to Mentoring, Ania Kowalska');
  });

  it('in a meeting chat (groupChat scope, for the meeting events) an install, a member and a message store nothing and answer nothing', async () => {
    const meetingChat = { id: '19:meeting_MGQ3MzYx@thread.v2', conversationType: 'groupChat', tenantId: TENANT, isGroup: true };
    for (const activity of [
      { ...kit.base(MENTEE), conversation: meetingChat, type: 'installationUpdate', action: 'add' },
      { ...kit.base(MENTEE), conversation: meetingChat, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] },
      { ...kit.base(MENTEE), conversation: meetingChat, type: 'message', text: 'help' },
    ]) {
      expect(await kit.turn(activity)).toEqual([]);
    }
    expect(await kit.references.get(TENANT, MENTEE.aadObjectId)).toBeUndefined();
  });

  it('welcomes in Polish for a Polish client', async () => {
    const replies = await kit.turn({ ...kit.base(MENTEE, 'pl-PL'), type: 'installationUpdate', action: 'add' });
    expect(text(kit.cardOf(replies[0]))).toContain('Witamy w Mentoringu');
  });

  it.each([
    ['next meeting', 'en-US', ['Your next meeting', 'With Marek Nowak on Mon 30 Nov, 10:00', 'Join the meeting']],
    ['następne spotkanie', 'pl-PL', ['Twoje następne spotkanie', 'Marek Nowak']],
    ['my action items', 'en-US', ['Your open action items', 'Try Miro templates (Marek Nowak)', 'due 28 Nov 2026']],
    ['moje zadania', 'pl-PL', ['Twoje otwarte zadania', 'Try Miro templates']],
    ['reschedule', 'en-US', ['Move a meeting', 'https://tab.example/index.html#/schedule']],
    ['zmień termin', 'pl-PL', ['Przenieś spotkanie', 'https://tab.example/index.html#/schedule']],
    ['help', 'en-US', ['What I can do', 'next meeting']],
    ['pomoc', 'pl-PL', ['Co potrafię']],
    ['what is the weather', 'en-US', ['I did not understand \\"what is the weather\\"', 'What I can do']],
    ['jaka jest pogoda', 'pl-PL', ['Nie rozumiem', 'Co potrafię']],
  ])('"%s" (%s) answers with the right card', async (command, locale, expected) => {
    const replies = await kit.turn({ ...kit.base(MENTEE, locale), type: 'message', text: command });
    expect(replies).toHaveLength(1);
    const card = text(kit.cardOf(replies[0]));
    for (const e of expected) expect(card).toContain(e);
  });

  it('a check-in submit stores the check-in through the domain use case and turns the card into a summary', async () => {
    const card = await sendCheckIn(kit);
    const replies = await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers }));
    const { status, card: summary } = invokeCard(replies);
    expect(status).toBe(200);
    expect(text(summary)).toContain('Check-in saved');
    expect(text(summary)).toContain('Seeing Miro boards in action.');
    expect(text(summary)).toContain('I felt slow with the tool.');

    const saved = await kit.repos.relationships.checkIns.list(TENANT, 'r1');
    expect(saved.ok && saved.value.map((c) => [c.id, c.answers.useful, c.privateNote])).toEqual([
      ['m1.aad-mentee', 'Seeing Miro boards in action.', 'I felt slow with the tool.'],
    ]);
    const goal = await kit.repos.relationships.goals.get(TENANT, 'r1', 'g1');
    expect(goal.ok && goal.value.progress).toBe(45);
    const items = await kit.repos.relationships.actionItems.list(TENANT, 'r1');
    expect(items.ok && items.value.map((a) => [a.title, a.ownerId, a.dueDate])).toContainEqual([
      'Book a room for the retro',
      MENTEE.aadObjectId,
      '2026-11-27',
    ]);
  });

  it('the 20-second answer (one tap on the rating, one next step) is a whole check-in: stored, an action item for the agenda, a summary', async () => {
    const card = await sendCheckIn(kit);
    // What Teams sends back when only the two inputs on the card's face were touched: the hidden
    // inputs come as empty strings, the goals' choice sets with the value they showed.
    const replies = await kit.turn(
      execute(kit, MENTEE, {
        ...actionData(card),
        rating: '4',
        'actionItem1.title': 'Try one Miro template with my team',
        useful: '',
        nextSteps: '',
        beforeNextTime: '',
        changeOrFocus: '',
        'goal.g1': '40',
        'actionItem2.title': '',
        'actionItem2.owner': 'me',
        'actionItem3.title': '',
        'actionItem3.owner': 'me',
        privateNote: '',
      }),
    );
    const { status, card: summary } = invokeCard(replies);
    expect(status).toBe(200);
    expect(text(summary)).toContain('Check-in saved');
    expect(text(summary)).toContain('How useful it was');
    expect(text(summary)).toContain('4 of 5');
    const saved = await kit.repos.relationships.checkIns.list(TENANT, 'r1');
    expect(saved.ok && saved.value.map((c) => [c.id, c.rating, c.answers.useful])).toEqual([['m1.aad-mentee', 4, '']]);
    const items = await kit.repos.relationships.actionItems.list(TENANT, 'r1');
    expect(items.ok && items.value.filter((a) => a.title === 'Try one Miro template with my team').map((a) => [a.ownerId, a.status])).toEqual([
      [MENTEE.aadObjectId, 'open'],
    ]);
    // Edit reopens the card with the rating ticked and the detail shown.
    const form = invokeCard(await kit.turn(execute(kit, MENTEE, actionData(summary)))).card;
    expect(text(form)).toContain('"id":"rating"');
    expect(JSON.stringify((form.body as Record<string, unknown>[]).find((e) => e.id === 'rating'))).toContain('"value":"4"');
    expect(JSON.stringify((form.body as Record<string, unknown>[]).find((e) => e.id === 'more'))).toContain('"isVisible":true');
  });

  it('a rating outside 1–5 comes back on the form with the problem, in the person\'s language, and changes nothing', async () => {
    const card = await sendCheckIn(kit);
    const before = kit.repos.snapshot();
    const bad = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers, rating: '7' }))).card;
    expect(text(bad)).toContain('How useful was it?\\" takes one of 1 to 5.');
    expect(kit.repos.snapshot()).toEqual(before);
    const plCard = await kit.conversation.composeCheckInCard({ tenantId: TENANT, userId: MENTOR.aadObjectId, displayName: MENTOR.name, locale: 'pl' }, 'r1', 'm1');
    if (!plCard.ok) throw new Error(plCard.error.message);
    const plData = { ...actionData(plCard.value as unknown as Record<string, unknown>), rating: '0', useful: 'x' };
    const plBad = invokeCard(
      await kit.turn({ ...kit.base(MENTOR, 'pl-PL'), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'checkin.submit', data: plData } } }),
    ).card;
    expect(text(plBad)).toContain('wybierz jedną z ocen od 1 do 5');
    expect(kit.repos.snapshot()).toEqual(before);
  });

  it('a saved check-in asks for the next agendas to be refreshed; a replayed or forged one does not', async () => {
    const card = await sendCheckIn(kit);
    await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers }));
    expect(kit.refreshed).toEqual([`${TENANT}/r1`]);
    await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers, useful: 'Replayed' }));
    await kit.turn(execute(kit, MENTEE, { ...actionData(card), relationshipId: 'r2', meetingId: 'm9', ...answers }));
    expect(kit.refreshed).toEqual([`${TENANT}/r1`]);
  });

  it('a second submit (through Edit) edits the same check-in instead of adding one', async () => {
    const card = await sendCheckIn(kit);
    const first = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers }))).card;
    const form = invokeCard(await kit.turn(execute(kit, MENTEE, actionData(first)))).card;
    expect(text(form)).toContain('Seeing Miro boards in action.');
    const edited = invokeCard(
      await kit.turn(execute(kit, MENTEE, { ...actionData(form), ...answers, useful: 'The retro format.', 'actionItem1.title': '', 'actionItem1.due': '' })),
    ).card;
    expect(text(edited)).toContain('The retro format.');
    const saved = await kit.repos.relationships.checkIns.list(TENANT, 'r1');
    expect(saved.ok && saved.value.map((c) => [c.id, c.answers.useful])).toEqual([['m1.aad-mentee', 'The retro format.']]);
    const items = await kit.repos.relationships.actionItems.list(TENANT, 'r1');
    expect(items.ok && items.value.filter((a) => a.title === 'Book a room for the retro')).toHaveLength(1);
  });

  it('an edit form sent after the check-in was changed in the tab saves nothing over it: the form says so, keeps the text, and a second send replaces it', async () => {
    const card = await sendCheckIn(kit);
    const first = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers }))).card;
    const form = invokeCard(await kit.turn(execute(kit, MENTEE, actionData(first)))).card;
    // Meanwhile the person edits the same check-in in the tab, with the version the tab read.
    const stored = await kit.repos.relationships.checkIns.get(TENANT, 'r1', 'm1.aad-mentee');
    if (!stored.ok) throw new Error(stored.error.code);
    const { version, ...fields } = stored.value;
    const fromTab = await kit.repos.relationships.checkIns.update(TENANT, 'r1', { ...fields, answers: { ...fields.answers, useful: 'Edited in the tab.' } }, version);
    expect(fromTab.ok).toBe(true);

    const card2 = { ...answers, useful: 'Typed in the chat.', 'actionItem1.title': '', 'actionItem1.due': '' };
    const refused = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(form), ...card2 }))).card;
    expect(text(refused)).toContain('saved from somewhere else');
    expect(text(refused)).toContain('Typed in the chat.');
    const kept = await kit.repos.relationships.checkIns.get(TENANT, 'r1', 'm1.aad-mentee');
    expect(kept.ok && kept.value.answers.useful).toBe('Edited in the tab.');

    // Told, the person sends again: now it replaces the tab's version.
    const replaced = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(refused), ...card2 }))).card;
    expect(text(replaced)).toContain('Typed in the chat.');
    const after = await kit.repos.relationships.checkIns.get(TENANT, 'r1', 'm1.aad-mentee');
    expect(after.ok && after.value.answers.useful).toBe('Typed in the chat.');
  });

  it('the Action.Submit fallback (a message carrying the card data) works the same', async () => {
    const card = await sendCheckIn(kit);
    const replies = await kit.turn({ ...kit.base(MENTEE), type: 'message', value: { ...actionData(card), ...answers } });
    expect(replies).toHaveLength(1);
    expect(text(kit.cardOf(replies[0]))).toContain('Check-in saved');
    const saved = await kit.repos.relationships.checkIns.list(TENANT, 'r1');
    expect(saved.ok && saved.value).toHaveLength(1);
  });

  it('a replayed old card is refused and changes nothing', async () => {
    const card = await sendCheckIn(kit);
    await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers }));
    const before = kit.repos.snapshot();
    const replay = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers, useful: 'Replayed' }))).card;
    expect(text(replay)).toContain('This card is out of date');
    expect(kit.repos.snapshot()).toEqual(before);
  });

  it('a card sent to someone else is refused, even from the partner in the same relationship', async () => {
    const card = await sendCheckIn(kit, MENTEE);
    const before = kit.repos.snapshot();
    for (const from of [MENTOR, STRANGER]) {
      const reply = invokeCard(await kit.turn(execute(kit, from, { ...actionData(card), ...answers }))).card;
      expect(text(reply)).toContain('This check-in card was sent to someone else');
    }
    expect(kit.repos.snapshot()).toEqual(before);
  });

  it('a forged card naming another relationship is refused and changes nothing', async () => {
    const card = await sendCheckIn(kit);
    const before = kit.repos.snapshot();
    const forged = { ...actionData(card), relationshipId: 'r2', meetingId: 'm9', ...answers };
    const reply = invokeCard(await kit.turn(execute(kit, MENTEE, forged))).card;
    expect(text(reply)).toContain('does not belong to your mentoring relationship');
    expect(kit.repos.snapshot()).toEqual(before);
  });

  it('a card with unknown data is refused; invalid answers come back on the form with the problem', async () => {
    const unknown = invokeCard(await kit.turn(execute(kit, MENTEE, { verb: 'checkin.delete', nonce: 'x' }))).card;
    expect(text(unknown)).toContain('This button is no longer supported');
    const card = await sendCheckIn(kit);
    const before = kit.repos.snapshot();
    const bad = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(card), ...answers, 'goal.g1': '140', 'actionItem1.due': '2026-02-30' }))).card;
    expect(text(bad)).toContain('must be a whole number from 0 to 100');
    expect(text(bad)).toContain('the due date is not a date');
    // What the person typed comes back in the form.
    expect(text(bad)).toContain('Seeing Miro boards in action.');
    expect(kit.repos.snapshot()).toEqual(before);
    // The same card is still valid once corrected.
    const fixed = invokeCard(await kit.turn(execute(kit, MENTEE, { ...actionData(bad), ...answers }))).card;
    expect(text(fixed)).toContain('Check-in saved');
  });
});
