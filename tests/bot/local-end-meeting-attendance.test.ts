/**
 * The local meeting-event source end to end, on `npm start`'s stack: a meeting booked online in the
 * local calendar (through the Graph adapter, app-only), ended with POST /local-bot/end-meeting and an
 * attendance choice; the meetingEnd activity goes over HTTP through the Agents SDK's adapter, the bot
 * reads attendance from the local calendar through Graph and queues what is due on Azurite.
 */
import { createLocalCalendarService } from '../../src/local/calendar/local-calendar.service';
import { localBotDemoService, localBotMessagesService } from '../../src/local/bot/local-bot.service';
import { startLocalStack, type LocalStack } from '../../src/local/start-local-stack';
import { CONTOSO } from '../../src/local/demo-people';

const MARGARET = { personId: 'a0000001-0000-4000-8000-000000000001', email: 'margaret.hale@contoso.local', displayName: 'Margaret Hale' };
const KACPER = { personId: 'a0000002-0000-4000-8000-000000000002', email: 'kacper.nowak@contoso.local', displayName: 'Kacper Nowak' };
const TENANT = CONTOSO.tenantId;

describe('POST /local-bot/end-meeting with an attendance choice', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ httpPort: 0, seed: false, services: [createLocalCalendarService, localBotMessagesService, localBotDemoService] });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  async function onlineMeeting(relationshipId: string): Promise<void> {
    const repos = stack.api.services.repositories;
    await repos.relationships.create(TENANT, {
      id: relationshipId,
      mentorId: MARGARET.personId,
      menteeId: KACPER.personId,
      reverse: false,
      status: 'active',
      requestId: `req-${relationshipId}`,
      menteePreWork: { whatIWant: 'Learn Miro', whatIBring: 'Curiosity', expectations: 'Monthly' },
      startedAt: 0,
      reflections: {},
    });
    const deps = stack.api.services.booking.forTenant(TENANT);
    if (!deps.ok) throw new Error(deps.error.message);
    const start = Date.now() + 3 * 86_400_000;
    const [created] = await deps.value.calendar.createEvents([
      { meetingId: `m-${relationshipId}`, relationshipId, organizer: MARGARET, attendees: [KACPER], subject: 'Mentoring', bodyHtml: '<p>Agenda</p>', start, end: start + 3_600_000, location: { kind: 'online' } },
    ]);
    if (!created?.ok) throw new Error(JSON.stringify(created));
    expect(created.value.joinUrl).toMatch(/^https:\/\/teams\.local\.invalid\//);
    await repos.relationships.meetings.create(TENANT, relationshipId, {
      id: `m-${relationshipId}`,
      number: 1,
      start,
      end: start + 3_600_000,
      status: 'planned',
      organizerId: MARGARET.personId,
      eventId: created.value.eventId,
      joinUrl: created.value.joinUrl!,
      bookingState: 'booked',
    });
  }

  const end = (relationshipId: string, attendance: string) =>
    fetch(`${stack.baseUrl}/local-bot/end-meeting`, { method: 'POST', body: JSON.stringify({ tenantId: TENANT, relationshipId, meetingId: `m-${relationshipId}`, attendance }) });

  it.each([
    ['both', 'held'],
    ['one', 'halfAttended'],
    ['none', 'missed'],
  ])('attendance %s → the meeting is recorded %s from the attendance report read through Graph', async (choice, outcome) => {
    await onlineMeeting(`rel-${choice}`);
    const response = await end(`rel-${choice}`, choice);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ meetingEvent: 'meetingEnd delivered to the bot', outcome });
    const m = await stack.api.services.repositories.relationships.meetings.get(TENANT, `rel-${choice}`, `m-rel-${choice}`);
    expect(m.ok && m.value.attendance?.joined).toEqual(choice === 'both' ? [MARGARET.personId, KACPER.personId] : choice === 'one' ? [KACPER.personId] : []);
  }, 30_000);

  it('refuses an attendance that is not both, one or none, changing nothing', async () => {
    await onlineMeeting('rel-bad');
    const response = await end('rel-bad', 'some');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BOT.DEMO_INPUT' } });
    const m = await stack.api.services.repositories.relationships.meetings.get(TENANT, 'rel-bad', 'm-rel-bad');
    expect(m.ok && m.value.attendance).toBeUndefined();
  }, 30_000);
});
