/**
 * One-click rescheduling from the "missed it?" card, end to end on `npm start`'s stack: a meeting
 * booked online in the local calendar (Graph adapter, app-only) that nobody joined
 * (POST /local-bot/end-meeting with attendance "none"); the card delivered by the bot's queue to a Bot
 * Connector; a click on one of its times sent as Teams sends it (an adaptiveCard/action invoke over
 * HTTP through the Agents SDK's adapter); the event moved in the local calendar, read back through Graph.
 */
import { createLocalCalendarService } from '../../src/local/calendar/local-calendar.service';
import { localBotDemoService, localBotMessagesService } from '../../src/local/bot/local-bot.service';
import { startLocalStack, type LocalStack } from '../../src/local/start-local-stack';
import { startLocalBotConnector } from '../../src/local/connector/local-bot-connector';
import { CONTOSO } from '../../src/local/demo-people';
import { agreementVersionId } from '../../src/core/relationships/agreement-version';

const MARGARET = { personId: 'a0000001-0000-4000-8000-000000000001', email: 'margaret.hale@contoso.local', displayName: 'Margaret Hale' };
const KACPER = { personId: 'a0000002-0000-4000-8000-000000000002', email: 'kacper.nowak@contoso.local', displayName: 'Kacper Nowak' };
const TENANT = CONTOSO.tenantId;
const RELATIONSHIP = 'rel-rebook';
const MEETING = 'm-rel-rebook';
// Every hour of every day, so the card goes out and a time fits whenever the test runs.
const allDay = ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '00:00', end: '00:00' }));

type Activity = Record<string, unknown> & { attachments?: { content?: Record<string, unknown> }[] };
type Connector = Awaited<ReturnType<typeof startLocalBotConnector>>;

describe('"missed it?": one click books a time inside the agreement', () => {
  let stack: LocalStack;
  let connector: Connector;

  beforeAll(async () => {
    stack = await startLocalStack({ httpPort: 0, seed: false, services: [createLocalCalendarService, localBotMessagesService, localBotDemoService] });
    connector = await startLocalBotConnector({ limits: { perTenant: [{ count: 100_000, windowMs: 1000 }], perConversation: [{ count: 100_000, windowMs: 1000 }] } });
  }, 60_000);
  afterAll(async () => {
    await connector?.stop();
    await stack?.stop();
  });

  const member = (p: typeof MARGARET) => ({ id: `29:${p.personId}`, aadObjectId: p.personId, name: p.displayName });
  const base = (p: typeof MARGARET) => ({
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: member(p),
    recipient: { id: '28:bot', name: 'Mentoring' },
    conversation: { id: `a:personal-${p.personId}`, conversationType: 'personal', tenantId: TENANT, isGroup: false },
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
  });
  const post = async (activity: unknown) => {
    const response = await fetch(`${stack.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as { type: string; value: Record<string, unknown> }) : undefined };
  };
  const click = async (p: typeof MARGARET, data: Record<string, unknown>) => {
    const answer = await post({ ...base(p), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: data.verb, data } } });
    expect(answer.status).toBe(200);
    expect(answer.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    return JSON.stringify(answer.body!.value);
  };
  const cardFor = async (p: typeof MARGARET): Promise<Record<string, unknown>> => {
    for (let i = 0; i < 120; i++) {
      const sent = connector.received.find((r) => r.conversationId === `a:personal-${p.personId}` && JSON.stringify(r.activity).includes('Missed it?'));
      if (sent) return (sent.activity as Activity).attachments![0]!.content!;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`no "missed it?" card reached ${p.displayName}`);
  };
  const eventStart = async (eventId: string): Promise<number> => {
    const deps = stack.api.services.booking.forTenant(TENANT);
    if (!deps.ok) throw new Error(deps.error.message);
    const [state] = await deps.value.calendar.getEventStates([{ eventId, organizerId: MARGARET.personId }]);
    if (!state?.ok) throw new Error(JSON.stringify(state));
    return state.value.start;
  };

  it('the card offers times as buttons; the first click moves the meeting in Outlook; a second click and the partner\'s click are told what stands', async () => {
    const repos = stack.api.services.repositories;
    const now = stack.api.services.clock.now();
    for (const p of [MARGARET, KACPER]) {
      await repos.profiles.create(TENANT, {
        userId: p.personId,
        displayName: p.displayName,
        jobTitle: '',
        seniority: 'senior',
        skillsToTeach: [],
        skillsToLearn: [],
        languages: [],
        timeZone: 'UTC',
        capacity: 1,
        openToReverseMentoring: true,
        activeMenteeCount: 0,
        createdAt: 0,
        updatedAt: 0,
      });
    }
    const today = new Date(now).toISOString().slice(0, 10);
    await repos.relationships.create(TENANT, {
      id: RELATIONSHIP,
      mentorId: MARGARET.personId,
      menteeId: KACPER.personId,
      reverse: false,
      status: 'active',
      requestId: 'req-rebook',
      menteePreWork: { whatIWant: 'Learn Miro', whatIBring: 'Curiosity', expectations: 'Monthly' },
      startedAt: 0,
      reflections: {},
      activeAgreementVersion: 1,
    });
    const side = (p: typeof MARGARET) => ({ personId: p.personId, timeZone: 'UTC', meetingWindows: allDay, contactChannel: 'teamsChat' as const, contactHours: allDay });
    await repos.relationships.agreementVersions.create(TENANT, RELATIONSHIP, {
      id: agreementVersionId(1),
      number: 1,
      agreement: {
        cadence: { kind: 'weekly' },
        meetingMinutes: 45,
        bufferMinutes: 0,
        minimumNoticeHours: 24,
        respectWorkingHours: false,
        firstDate: today,
        meetingCount: 6,
        location: { kind: 'online' },
        mentor: side(MARGARET),
        mentee: side(KACPER),
      },
      proposedBy: MARGARET.personId,
      proposedAt: 0,
      note: '',
      acceptedBy: [MARGARET.personId, KACPER.personId],
    });
    const deps = stack.api.services.booking.forTenant(TENANT);
    if (!deps.ok) throw new Error(deps.error.message);
    const start = now - 2 * 3_600_000;
    const [created] = await deps.value.calendar.createEvents([
      { meetingId: MEETING, relationshipId: RELATIONSHIP, organizer: MARGARET, attendees: [KACPER], subject: 'Mentoring', bodyHtml: '<p>Agenda</p>', start, end: start + 45 * 60_000, location: { kind: 'online' } },
    ]);
    if (!created?.ok) throw new Error(JSON.stringify(created));
    const eventId = created.value.eventId;
    await repos.relationships.meetings.create(TENANT, RELATIONSHIP, {
      id: MEETING,
      number: 1,
      start,
      end: start + 45 * 60_000,
      status: 'planned',
      organizerId: MARGARET.personId,
      eventId,
      joinUrl: created.value.joinUrl!,
      bookingState: 'booked',
    });
    // Both have the app (their conversation references are stored), as after a personal install.
    for (const p of [MARGARET, KACPER]) expect((await post({ ...base(p), type: 'installationUpdate', action: 'add' })).status).toBeLessThan(300);

    const ended = await fetch(`${stack.baseUrl}/local-bot/end-meeting`, {
      method: 'POST',
      body: JSON.stringify({ tenantId: TENANT, relationshipId: RELATIONSHIP, meetingId: MEETING, attendance: 'none' }),
    });
    expect(await ended.json()).toMatchObject({ outcome: 'missed' });

    const card = await cardFor(KACPER);
    const buttons = (card.actions as { type: string; title: string; data?: Record<string, unknown> }[]).filter((a) => a.type === 'Action.Execute');
    // Three times on three days, on the whole hour (the windows are open all day; the demo calendars' busy times are skipped).
    expect(buttons).toHaveLength(3);
    const starts = buttons.map((b) => Date.parse(String(b.data!.start)));
    expect(new Set(starts.map((t) => Math.floor(t / 86_400_000))).size).toBe(3);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    for (const t of starts) expect(t % 3_600_000).toBe(0);
    const chosen = buttons[0]!.data!;
    expect(chosen).toMatchObject({ verb: 'meeting.rebook', cardVersion: 1, relationshipId: RELATIONSHIP, meetingId: MEETING });
    const chosenStart = Date.parse(String(chosen.start));
    // After the agreement's 24 hours' notice, within the two weeks the card looks at.
    expect(chosenStart).toBeGreaterThanOrEqual(now + 24 * 3_600_000);
    expect(chosenStart).toBeLessThan(now + 16 * 86_400_000);

    const booked = await click(KACPER, chosen);
    expect(booked).toContain('"text":"Booked"');
    expect(booked).toContain('Your meeting with Margaret Hale is now on');
    expect(await eventStart(eventId)).toBe(chosenStart);
    const meeting = await repos.relationships.meetings.get(TENANT, RELATIONSHIP, MEETING);
    expect(meeting.ok && [meeting.value.start, meeting.value.status, meeting.value.attendance, meeting.value.rebookedAfterMiss?.attendance.outcome]).toEqual([
      chosenStart,
      'planned',
      undefined,
      'missed',
    ]);

    // The same click again (a double click, a retry): the same answer, nothing moves again.
    const again = await click(KACPER, chosen);
    expect(again).toContain('Already booked');
    expect(again).toContain('You already moved the meeting to');
    // The partner's card, clicked later on another time: told what Kacper chose; the time stands.
    const other = buttons[1]!.data!;
    const partner = await click(MARGARET, other);
    expect(partner).toContain('Kacper Nowak already moved the meeting to');
    expect(await eventStart(eventId)).toBe(chosenStart);
  }, 120_000);

  it('a click from someone outside the pair is refused and moves nothing', async () => {
    const deps = stack.api.services.booking.forTenant(TENANT);
    if (!deps.ok) throw new Error(deps.error.message);
    const stranger = { personId: 'a0000009-0000-4000-8000-000000000009', email: 'x@contoso.local', displayName: 'Eve' };
    const before = await stack.api.services.repositories.relationships.meetings.get(TENANT, RELATIONSHIP, MEETING);
    const refused = await click(stranger, { verb: 'meeting.rebook', cardVersion: 1, relationshipId: RELATIONSHIP, meetingId: MEETING, start: new Date(Date.now() + 3 * 86_400_000).toISOString() });
    expect(refused).toContain('does not belong to your mentoring relationship');
    expect(await stack.api.services.repositories.relationships.meetings.get(TENANT, RELATIONSHIP, MEETING)).toEqual(before);
  }, 30_000);
});
