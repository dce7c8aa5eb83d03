/**
 * The in-meeting nudge on `npm start`'s stack: both people opened the bot (installationUpdate over
 * HTTP, so their Teams ids are known), an online meeting booked in the local calendar is started with
 * POST /local-bot/start-meeting (the local meeting-event source sends Teams' meetingStart through the
 * Agents SDK's adapter, with the meeting's local Bot Connector as serviceUrl) to run five more minutes,
 * and the stack's own delivery worker sends each person the targeted in-meeting notification, which
 * the local connector accepts as Teams documents it: exact URL and body.
 */
import { createLocalCalendarService } from '../../src/local/calendar/local-calendar.service';
import { localBotDemoService, localBotMessagesService } from '../../src/local/bot/local-bot.service';
import { startLocalStack, type LocalStack } from '../../src/local/start-local-stack';
import { CONTOSO } from '../../src/local/demo-people';
import { LOCAL_TAB_ORIGIN } from '../../src/local/local-ports';

const MARGARET = { personId: 'a0000001-0000-4000-8000-000000000001', email: 'margaret.hale@contoso.local', displayName: 'Margaret Hale', teamsId: '29:1margaret-teams-id', locale: 'en-GB' };
const KACPER = { personId: 'a0000002-0000-4000-8000-000000000002', email: 'kacper.nowak@contoso.local', displayName: 'Kacper Nowak', teamsId: '29:1kacper-teams-id', locale: 'pl-PL' };
const TENANT = CONTOSO.tenantId;

interface Notifications {
  serviceUrl: string;
  notifications: { path: string; meetingId: string; status: number; body: { value: { recipients: string[]; surfaces: { surface: string; content?: { value: { title: string; url: string } } }[] } } }[];
}

describe('POST /local-bot/start-meeting: the in-meeting nudge on the local stack', () => {
  let stack: LocalStack;

  beforeAll(async () => {
    stack = await startLocalStack({ httpPort: 0, seed: false, services: [createLocalCalendarService, localBotMessagesService, localBotDemoService] });
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
  });

  const notifications = async (): Promise<Notifications> => (await fetch(`${stack.baseUrl}/local-bot/meeting-notifications`)).json() as Promise<Notifications>;

  it('meetingStart from the local meeting-event source; five minutes before the end both get the notification once', async () => {
    const repos = stack.api.services.repositories;
    await repos.relationships.create(TENANT, {
      id: 'rel-nudge',
      mentorId: MARGARET.personId,
      menteeId: KACPER.personId,
      reverse: false,
      status: 'active',
      requestId: 'req-nudge',
      menteePreWork: { whatIWant: 'Learn Miro', whatIBring: 'Curiosity', expectations: 'Monthly' },
      startedAt: 0,
      reflections: {},
    });
    const deps = stack.api.services.booking.forTenant(TENANT);
    if (!deps.ok) throw new Error(deps.error.message);
    const start = Date.now() + 3 * 86_400_000;
    const [created] = await deps.value.calendar.createEvents([
      { meetingId: 'm-nudge', relationshipId: 'rel-nudge', organizer: MARGARET, attendees: [KACPER], subject: 'Mentoring', bodyHtml: '<p>Agenda</p>', start, end: start + 3_600_000, location: { kind: 'online' } },
    ]);
    if (!created?.ok) throw new Error(JSON.stringify(created));
    await repos.relationships.meetings.create(TENANT, 'rel-nudge', { id: 'm-nudge', number: 1, start, end: start + 3_600_000, status: 'planned', organizerId: MARGARET.personId, eventId: created.value.eventId, joinUrl: created.value.joinUrl!, bookingState: 'booked' });

    // Each person opens the bot once: Teams announces the install from their personal chat.
    const { serviceUrl } = await notifications();
    for (const person of [MARGARET, KACPER]) {
      const installed = await fetch(`${stack.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'installationUpdate',
          action: 'add',
          id: `install-${person.personId}`,
          channelId: 'msteams',
          serviceUrl,
          locale: person.locale,
          from: { id: person.teamsId, aadObjectId: person.personId, name: person.displayName },
          recipient: { id: '28:mentoring-bot', name: 'Mentoring' },
          conversation: { id: `a:personal-${person.personId}`, conversationType: 'personal', tenantId: TENANT },
          channelData: { tenant: { id: TENANT } },
        }),
      });
      expect(installed.status).toBeLessThan(300);
    }

    const started = await fetch(`${stack.baseUrl}/local-bot/start-meeting`, { method: 'POST', body: JSON.stringify({ tenantId: TENANT, relationshipId: 'rel-nudge', meetingId: 'm-nudge', minutesLeft: 5 }) });
    expect(started.status).toBe(200);
    const answer = (await started.json()) as { teamsMeetingId: string; meetingEvent: string; notInstalled: string[] };
    expect(answer).toMatchObject({ meetingEvent: 'meetingStart delivered to the bot', notInstalled: [] });
    const stored = await repos.relationships.meetings.get(TENANT, 'rel-nudge', 'm-nudge');
    expect(stored.ok && stored.value.teamsMeeting).toMatchObject({ meetingId: answer.teamsMeetingId, serviceUrl, chatId: '19:meeting_m-nudge@thread.v2' });

    let seen: Notifications['notifications'] = [];
    for (let i = 0; i < 150 && seen.length < 2; i++) {
      seen = (await notifications()).notifications;
      if (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const surfaces = (title: string) => [
      { surface: 'meetingStage', contentType: 'task', content: { value: { height: '480', width: '320', title, url: `${LOCAL_TAB_ORIGIN}/index.html#/meeting` } } },
      { surface: 'meetingTabIcon', tabEntityId: 'mentoring-meeting' },
    ];
    const path = `/v1/meetings/${encodeURIComponent(answer.teamsMeetingId)}/notification`;
    expect([...seen].sort((a, b) => a.body.value.recipients[0]!.localeCompare(b.body.value.recipients[0]!))).toEqual([
      { path, meetingId: answer.teamsMeetingId, status: 202, body: { type: 'targetedMeetingNotification', value: { recipients: [KACPER.teamsId], surfaces: surfaces('Zostało 5 minut: zapiszcie zadania') } } },
      { path, meetingId: answer.teamsMeetingId, status: 202, body: { type: 'targetedMeetingNotification', value: { recipients: [MARGARET.teamsId], surfaces: surfaces('5 minutes left: capture your action items') } } },
    ]);
  }, 90_000);

  it('refuses an input it cannot use, changing nothing', async () => {
    const response = await fetch(`${stack.baseUrl}/local-bot/start-meeting`, { method: 'POST', body: JSON.stringify({ tenantId: TENANT, relationshipId: 'rel-nudge', minutesLeft: 0 }) });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BOT.DEMO_INPUT' } });
  });
});
