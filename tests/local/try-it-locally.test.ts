/**
 * README.md "Try it locally", followed literally over HTTP against the whole local stack: the same
 * calls, in the same order, with the same bodies as the README's curl walk-through (started, as the
 * README says, with LOCAL_CLOCK_START so the dates in it hold on any day). Also the local clock:
 * the API, the local calendar and the seeded data all see the started instant.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigurationError, parseApiSettings } from '../../src/api/config';
import { keepSubscriptions } from '../../src/api/functions/calendar-changes';
import { quietLogger as quiet, setUpLocalStack } from '../support/local-stack';

// The README's values.
const CLOCK_START = '2027-01-04T09:00:00Z';
const OLIVER = 'a0000004-0000-4000-8000-000000000004';
const KACPER = 'a0000002-0000-4000-8000-000000000002';
const CONTOSO = '11111111-1111-4111-8111-111111111111';

const stack = setUpLocalStack({ clockStart: CLOCK_START });
/** The walk-through's pair, for the Outlook-changes test after it. */
let walked: { relationshipId: string } | undefined;

it('follows the README walk-through: request, agreement, booking, the invites in both calendars, ending a meeting', async () => {
  // 1. Tokens for the API (one per person).
  const oliver = (await stack.http('POST', '/local-identity/token', { personId: OLIVER })).json.accessToken as string;
  const kacper = (await stack.http('POST', '/local-identity/token', { personId: KACPER })).json.accessToken as string;

  // 2. Oliver finds a mentor for generative AI and sends a request; Kacper accepts.
  const suggestions = await stack.http('GET', '/api/mentors/suggestions?skill=generative%20ai', undefined, oliver);
  expect(suggestions.status).toBe(200);
  expect(JSON.stringify(suggestions.json)).toContain(KACPER);
  const request = await stack.http('POST', '/api/requests', { mentorId: KACPER, note: 'Would you show me how you use Copilot?', preWork: { whatIWant: 'Use generative AI in my work', whatIBring: 'Coaching and career planning', expectations: 'Every two weeks' } }, oliver);
  expect(request.status).toBe(201);
  const accepted = await stack.http('POST', `/api/requests/${request.json.id}/accept`, { version: request.json.version }, kacper);
  expect(accepted.status).toBe(200);
  const relationshipId = accepted.json.id as string;
  expect(accepted.json.reverse).toBe(true);

  // 3. Oliver proposes the agreement; Kacper accepts it.
  const agreement = {
    cadence: { kind: 'biweekly' },
    meetingMinutes: 45,
    bufferMinutes: 10,
    minimumNoticeHours: 24,
    respectWorkingHours: true,
    firstDate: '2027-01-12',
    meetingCount: 6,
    location: { kind: 'online' },
    mentor: { personId: KACPER, timeZone: 'Europe/Warsaw', meetingWindows: [{ weekday: 2, start: '14:00', end: '17:00' }], contactChannel: 'teamsChat', contactHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) },
    mentee: { personId: OLIVER, timeZone: 'Europe/London', meetingWindows: [{ weekday: 2, start: '12:00', end: '16:00' }], contactChannel: 'email', contactHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:30' })) },
  };
  // The README's agreement.json is exactly this body.
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const documented = JSON.parse(/`agreement\.json`: `(\{.*\})`/.exec(readme)![1]!) as unknown;
  expect(documented).toEqual({ agreement, note: 'Every other Tuesday afternoon' });
  expect(readme).toContain(`LOCAL_CLOCK_START=${CLOCK_START} npm start`);
  const proposed = await stack.http('POST', `/api/relationships/${relationshipId}/agreement`, { agreement, note: 'Every other Tuesday afternoon' }, oliver);
  expect(proposed.status).toBe(201);
  const signed = await stack.http('POST', `/api/relationships/${relationshipId}/agreement/1/accept`, { version: proposed.json.versions[0].version }, kacper);
  expect(signed.status).toBe(200);

  // 4. Schedule: the proposed times, then book the series.
  const slots = await stack.http('GET', `/api/relationships/${relationshipId}/slots`, undefined, oliver);
  expect(slots.status).toBe(200);
  expect(slots.json.targetDate).toBe('2027-01-12');
  const booked = await stack.http('POST', `/api/relationships/${relationshipId}/meetings`, { scope: 'series' }, oliver);
  expect(booked.status).toBe(200);
  expect(booked.json.meetings.length).toBeGreaterThan(0);
  expect(booked.json.meetings.every((m: { start: string }) => m.start >= '2027-01-12')).toBe(true);

  //    The invites in the local calendar, read with a Graph token for each person.
  const oliverGraph = await stack.http('POST', '/local-identity/graph-token', { personId: OLIVER });
  expect(oliverGraph.json).toMatchObject({ tokenType: 'Bearer', audience: 'https://graph.microsoft.com' });
  const organizerEvents = await stack.http('GET', '/local-graph/v1.0/users/oliver.bennett@contoso.local/events?$top=50', undefined, oliverGraph.json.accessToken);
  expect(organizerEvents.status).toBe(200);
  expect(organizerEvents.json.value).toHaveLength(booked.json.meetings.length);
  expect(organizerEvents.json.value[0].bodyPreview).not.toMatch(/&[a-z]+;|</);
  const kacperGraph = (await stack.http('POST', '/local-identity/graph-token', { personId: KACPER })).json.accessToken as string;
  const invites = await stack.http('GET', '/local-graph/v1.0/users/kacper.nowak@contoso.local/events?$top=50', undefined, kacperGraph);
  expect(invites.json.value.map((e: { iCalUId: string }) => e.iCalUId).sort()).toEqual(organizerEvents.json.value.map((e: { iCalUId: string }) => e.iCalUId).sort());
  // The API's own token is not a Graph token: the local calendar refuses it, as Graph would.
  expect((await stack.http('GET', '/local-graph/v1.0/users/oliver.bennett@contoso.local/events', undefined, oliver)).status).toBe(401);

  walked = { relationshipId };

  // 5. End the pair's next meeting now (no meetingId needed) so its check-in cards go out.
  const ended = await stack.http('POST', '/local-bot/end-meeting', { tenantId: CONTOSO, relationshipId });
  expect(ended.status).toBe(200);
  expect(ended.json.queued.length).toBeGreaterThan(0);
}, 120_000);

it('an Outlook change reaches the product within a minute: subscription, webhook, queue worker, sync', async () => {
  expect(walked).toBeDefined();
  const { relationshipId } = walked!;
  // The subscription timer runs every 5 minutes on the stack; run it once now.
  await keepSubscriptions(stack.api.services, stack.api.services.clock.now(), quiet);
  const meetings = await stack.api.services.repositories.relationships.meetings.list(CONTOSO, relationshipId);
  if (!meetings.ok) throw new Error(meetings.error.code);
  const last = meetings.value.filter((m) => m.status === 'planned' && m.eventId).sort((a, b) => b.start - a.start)[0]!;
  // Kacper declines the last meeting in Outlook, on the invite in his own calendar.
  const kacperGraph = (await stack.http('POST', '/local-identity/graph-token', { personId: KACPER })).json.accessToken as string;
  const oliverGraph = (await stack.http('POST', '/local-identity/graph-token', { personId: OLIVER })).json.accessToken as string;
  const organizerEvent = await stack.http('GET', `/local-graph/v1.0/users/${OLIVER}/events/${encodeURIComponent(last.eventId!)}`, undefined, oliverGraph);
  const invites = await stack.http('GET', '/local-graph/v1.0/users/kacper.nowak@contoso.local/events?$top=50', undefined, kacperGraph);
  const copy = invites.json.value.find((e: { iCalUId: string }) => e.iCalUId === organizerEvent.json.iCalUId);
  const started = Date.now();
  expect((await stack.http('POST', `/local-graph/v1.0/users/${KACPER}/events/${encodeURIComponent(copy.id)}/decline`, { comment: 'Clash' }, kacperGraph)).status).toBe(202);
  for (;;) {
    const seen = await stack.api.services.repositories.relationships.meetings.get(CONTOSO, relationshipId, last.id);
    if (seen.ok && seen.value.outlookChanges?.some((c) => c.kind === 'declined' && c.personId === KACPER)) break;
    expect(Date.now() - started).toBeLessThan(60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 90_000);

describe('LOCAL_CLOCK_START', () => {
  it('starts the stack’s clock at that instant and lets it run: API, local calendar and seeded data', async () => {
    const elapsed = Date.now() - stack.startedAt;
    const now = stack.api.services.clock.now();
    expect(now).toBeGreaterThanOrEqual(Date.parse(CLOCK_START));
    expect(now).toBeLessThanOrEqual(Date.parse(CLOCK_START) + elapsed + 1_000);
    const graphToken = (await stack.http('POST', '/local-identity/graph-token', { personId: OLIVER })).json.accessToken as string;
    const created = await stack.http(
      'POST',
      '/local-graph/v1.0/users/oliver.bennett@contoso.local/events',
      { subject: 'Clock probe', start: { dateTime: '2027-02-01T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-02-01T10:30:00', timeZone: 'UTC' } },
      graphToken,
    );
    expect(created.status).toBe(201);
    expect(created.json.createdDateTime.slice(0, 13)).toBe('2027-01-04T09');
    const mine = await stack.http('GET', '/api/relationships', undefined, (await stack.http('POST', '/local-identity/token', { personId: 'a0000001-0000-4000-8000-000000000001' })).json.accessToken);
    expect(mine.json.relationships[0].relationship.startedAt.slice(0, 10)).toBe('2027-01-04');
  });

  it('is refused outside local mode, and when it is not an ISO instant, with an error naming it', () => {
    const base = { STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AUTH_CLIENT_ID: 'app' };
    expect(() => parseApiSettings({ ...base, MENTORING_MODE: 'azure', LOCAL_CLOCK_START: CLOCK_START })).toThrow(ConfigurationError);
    expect(() => parseApiSettings({ ...base, MENTORING_MODE: 'azure', LOCAL_CLOCK_START: CLOCK_START })).toThrow(/LOCAL_CLOCK_START is only for local mode/);
    expect(() => parseApiSettings({ ...base, MENTORING_MODE: 'local', LOCAL_CLOCK_START: 'next spring' })).toThrow(/LOCAL_CLOCK_START must be an ISO instant/);
    expect(parseApiSettings({ ...base, MENTORING_MODE: 'local', LOCAL_CLOCK_START: CLOCK_START }).LOCAL_CLOCK_START).toBe(CLOCK_START);
    expect(parseApiSettings({ ...base, MENTORING_MODE: 'azure' }).LOCAL_CLOCK_START).toBeUndefined();
  });
});
