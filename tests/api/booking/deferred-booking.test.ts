/**
 * A configured planning horizon (BOOKING_HORIZON_DAYS=30) over HTTP: booking the series answers every
 * meeting asked for (booked + deferred == requested, deferred with target dates), and the calendar sync
 * timer books the deferred ones once they come within range. What booking left unbooked (deferred,
 * unplaced with its reason) is read back from GET …/unbooked-meetings for the tab's upcoming list.
 * Production pipeline, Table Storage on Azurite, the local calendar.
 */
import { syncRegisteredCalendars } from '../../../src/api/functions/sync-calendars';
import { agreementFor } from '../support/endpoint-catalogue';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness({ env: { BOOKING_HORIZON_DAYS: '30' } });
});
afterAll(() => h.stop());

it('defers what lies beyond the horizon, and the sync timer books it once in range', async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: '' } });
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version: proposed.json.versions[0].version } })).status).toBe(200);

  const unbooked = async () => {
    const read = await h.request('GET', `${rel}/unbooked-meetings`, { person: cast.mentor });
    expect(read.status).toBe(200);
    return read.json as { deferred: { targetDate: string; code: string; message: string }[]; unplaced: unknown[] };
  };
  expect(await unbooked()).toEqual({ deferred: [], unplaced: [] });
  const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series' } });
  expect(booked.status).toBe(200);
  const answer = booked.json as { requested: number; meetings: { start: string }[]; unplaced: unknown[]; failed: unknown[]; deferred: { targetDate: string; code: string }[] };
  expect(answer.requested).toBe(6);
  expect(answer.meetings.length + answer.failed.length + answer.unplaced.length + answer.deferred.length).toBe(6);
  expect(answer.deferred.length).toBeGreaterThan(0);
  expect(answer.deferred.every((d) => d.code === 'BOOKING.DEFERRED_BEYOND_HORIZON')).toBe(true);
  expect(answer.meetings.every((m) => Date.parse(m.start) < Date.now() + 30 * 86_400_000)).toBe(true);
  // Both people read the same deferred meetings back, with their dates and what happens to them.
  const open = await unbooked();
  expect(open.unplaced).toEqual([]);
  expect(open.deferred.map((d) => [d.targetDate, d.code])).toEqual(answer.deferred.map((d) => [d.targetDate, d.code]));
  expect(open.deferred[0]!.message).toMatch(/booked automatically once that date is within 30 days\. Nothing to do\./);
  const stranger = await h.request('GET', `${rel}/unbooked-meetings`, { person: cast.stranger });
  expect([stranger.status, stranger.json.error.code]).toEqual([404, 'RELATIONSHIP.NOT_FOUND']);

  // Three weeks on, the timer books what came within range.
  await syncRegisteredCalendars(h.api.services, Date.now() + 21 * 86_400_000, { info: () => undefined, error: () => undefined });
  const meetings = await h.api.services.repositories.relationships.meetings.list(cast.tenantId, cast.relationship.id);
  if (!meetings.ok) throw new Error(meetings.error.code);
  expect(meetings.value.length).toBeGreaterThan(answer.meetings.length);
  expect(meetings.value.every((m) => m.bookingState === 'booked')).toBe(true);
  const registered = await h.api.services.booking.register.list();
  const row = registered.ok ? registered.value.find((r) => r.relationshipId === cast.relationship.id) : undefined;
  expect(meetings.value.length + (row?.deferred.length ?? 0)).toBe(6);
});

it('meetings the end date leaves out are read back as unplaced, with the reason and what to do; closing clears them', async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const endDate = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: { ...agreementFor(cast.relationship), endDate }, note: '' } });
  expect(proposed.status).toBe(201);
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version: proposed.json.versions[0].version } })).status).toBe(200);
  const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series' } });
  expect(booked.status).toBe(200);
  const answer = booked.json as { meetings: unknown[]; unplaced: { targetDate: string; code: string; message: string }[]; deferred: unknown[] };
  expect(answer.unplaced.length).toBeGreaterThan(0);
  const read = await h.request('GET', `${rel}/unbooked-meetings`, { person: cast.mentee });
  expect(read.status).toBe(200);
  expect(read.json).toEqual({ deferred: [], unplaced: answer.unplaced });
  expect(read.json.unplaced.every((u: { code: string; message: string }) => u.code === 'SCHEDULING.END_DATE_REACHED' && /Extend the end date or agree fewer meetings/.test(u.message))).toBe(true);

  const relationship = await h.api.services.repositories.relationships.get(cast.tenantId, cast.relationship.id);
  if (!relationship.ok) throw new Error(relationship.error.code);
  const closed = await h.request('POST', `${rel}/close`, { person: cast.mentee, body: { reflection: { whatWorked: 'Rhythm', whatToImprove: '', keyTakeaway: '' }, version: relationship.value.version } });
  expect(closed.status).toBe(200);
  expect((await h.request('GET', `${rel}/unbooked-meetings`, { person: cast.mentee })).json).toEqual({ deferred: [], unplaced: [] });
});
