/**
 * GET /api/relationships/{id}/working-hours over HTTP through the production pipeline, on Azurite and
 * the local calendar (Graph's `mailboxSettings/workingHours`, app-only): each person's Outlook working
 * hours on the clock of their profile's zone, a person whose calendar cannot be read comes back
 * `unavailable` with the first cause while the other still counts, and strangers get not-found.
 */
import { PairWorkingHoursDto } from '../../../src/contracts/agreement';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

async function patchWorkingHours(personId: string, token: string, workingHours: unknown): Promise<void> {
  const answer = await fetch(`${h.baseUrl}/local-graph/v1.0/users/${personId}/mailboxSettings`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ workingHours }),
  });
  expect(answer.status).toBe(200);
}

it('answers both people’s Outlook working hours, each on their profile zone’s clock', async () => {
  const cast = await h.newCast();
  // Kacper (profile Europe/Warsaw) keeps Outlook hours in London time (the same EU clock changes, so
  // always an hour behind): 17:00–23:30 there is 18:00–00:30 in Warsaw, past midnight.
  await patchWorkingHours(cast.mentor.personId, await h.token(cast.mentor), {
    daysOfWeek: ['monday', 'wednesday'],
    startTime: '17:00:00.0000000',
    endTime: '23:30:00.0000000',
    timeZone: { name: 'GMT Standard Time' },
  });
  const before = await h.snapshot(cast.tenantId);
  const answer = await h.request('GET', `/api/relationships/${cast.relationship.id}/working-hours`, { person: cast.mentee });
  expect(answer.status).toBe(200);
  const hours = PairWorkingHoursDto.parse(answer.json);
  expect(hours.mentor).toEqual({
    personId: cast.mentor.personId,
    source: 'outlook',
    timeZone: 'Europe/Warsaw',
    outlookTimeZone: 'Europe/London',
    windows: [
      { weekday: 1, start: '18:00', end: '00:30', endsNextDay: true },
      { weekday: 3, start: '18:00', end: '00:30', endsNextDay: true },
    ],
  });
  // Margaret's mailbox keeps the local calendar's default hours in her own zone.
  expect(hours.mentee).toEqual({
    personId: cast.mentee.personId,
    source: 'outlook',
    timeZone: 'America/New_York',
    outlookTimeZone: 'America/New_York',
    windows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  });
  expect(await h.snapshot(cast.tenantId)).toEqual(before);
});

it('answers a person whose calendar cannot be read as unavailable with the first cause, and still reads the other', async () => {
  const cast = await h.newCast();
  const faults = h.calendar().faults;
  // The mentor is read first; Graph's client retries a 503 three times, so four answers are 503.
  faults.retryAfterSeconds = 0;
  faults.script = ['unavailable', 'unavailable', 'unavailable', 'unavailable'];
  try {
    const answer = await h.request('GET', `/api/relationships/${cast.relationship.id}/working-hours`, { person: cast.mentor });
    expect(answer.status).toBe(200);
    const hours = PairWorkingHoursDto.parse(answer.json);
    expect(hours.mentor).toMatchObject({ source: 'unavailable', code: 'GRAPH.UNAVAILABLE' });
    expect(hours.mentee).toMatchObject({ source: 'outlook', timeZone: 'America/New_York' });
  } finally {
    faults.script = [];
    delete faults.retryAfterSeconds;
  }
});

it('refuses a stranger with the same not-found as a missing relationship', async () => {
  const cast = await h.newCast();
  const answer = await h.request('GET', `/api/relationships/${cast.relationship.id}/working-hours`, { person: cast.stranger });
  expect([answer.status, answer.json.error.code]).toEqual([404, 'RELATIONSHIP.NOT_FOUND']);
});
