/**
 * A configured planning horizon (BOOKING_HORIZON_DAYS=30) over HTTP: booking the series answers every
 * meeting asked for (booked + deferred == requested, deferred with target dates), and the calendar sync
 * timer books the deferred ones once they come within range. Production pipeline, Table Storage on
 * Azurite, the local calendar.
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

  const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'series' } });
  expect(booked.status).toBe(200);
  const answer = booked.json as { requested: number; meetings: { start: string }[]; unplaced: unknown[]; failed: unknown[]; deferred: { targetDate: string; code: string }[] };
  expect(answer.requested).toBe(6);
  expect(answer.meetings.length + answer.failed.length + answer.unplaced.length + answer.deferred.length).toBe(6);
  expect(answer.deferred.length).toBeGreaterThan(0);
  expect(answer.deferred.every((d) => d.code === 'BOOKING.DEFERRED_BEYOND_HORIZON')).toBe(true);
  expect(answer.meetings.every((m) => Date.parse(m.start) < Date.now() + 30 * 86_400_000)).toBe(true);

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
