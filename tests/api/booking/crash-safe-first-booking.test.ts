/**
 * A pair's very first booking crashes after Graph created the events and before our storage write.
 * The pair was registered for the calendar sync before the first Graph call, so one run of the sync
 * timer finds it and finishes every pending meeting with the same transaction ids: all booked, one
 * event each. The API's own services (Table Storage on Azurite, the local calendar over HTTP), with
 * the crash injected as a calendar port that dies once the creates have gone out.
 */
import { syncRegisteredCalendars } from '../../../src/api/functions/sync-calendars';
import { MEETING_EXTENSION_NAME } from '../../../src/adapters/graph/graph-calendar.adapter';
import { bookMeetings } from '../../../src/core/booking';
import type { CalendarPort } from '../../../src/core/ports/calendar';
import { principalOf } from '../../../src/local/seed-demo-data';
import { agreementFor } from '../support/endpoint-catalogue';
import { startApiHarness, type ApiHarness } from '../support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

class ProcessKilled extends Error {}

/** The calendar call completes in Graph; the process dies before it sees the answer. */
function dyingAfterCreate(calendar: CalendarPort): CalendarPort {
  return new Proxy(calendar, {
    get(target, name, receiver) {
      if (name !== 'createEvents') return Reflect.get(target, name, receiver);
      return async (...args: Parameters<CalendarPort['createEvents']>) => {
        await target.createEvents(...args);
        throw new ProcessKilled('killed between the Graph create and the storage write');
      };
    },
  });
}

it('after a crash between the Graph create and the storage write, one sync run books every meeting with no duplicate', async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: '' } });
  expect(proposed.status).toBe(201);
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version: proposed.json.versions[0].version } })).status).toBe(200);

  const deps = h.api.services.booking.forRequest(principalOf(cast.mentee), `Bearer ${await h.token(cast.mentee)}`);
  if (!deps.ok) throw new Error(deps.error.code);
  const now = Date.now();
  await expect(
    bookMeetings({ ...deps.value, calendar: dyingAfterCreate(deps.value.calendar) }, { principal: principalOf(cast.mentee), now, input: { relationshipId: cast.relationship.id, scope: 'series' } }),
  ).rejects.toBeInstanceOf(ProcessKilled);

  const repo = h.api.services.repositories.relationships.meetings;
  const pending = await repo.list(cast.tenantId, cast.relationship.id);
  expect(pending.ok && pending.value.map((m) => m.bookingState)).toEqual(Array(6).fill('pending'));
  const eventsBefore = (await h.calendar().events.list(cast.mentee.personId)).filter((e) => !e.isCancelled);
  expect(eventsBefore).toHaveLength(6);

  await syncRegisteredCalendars(h.api.services, now + 15 * 60_000, { info: () => undefined, error: () => undefined });

  const after = await repo.list(cast.tenantId, cast.relationship.id);
  if (!after.ok) throw new Error(after.error.code);
  expect(after.value.map((m) => m.bookingState)).toEqual(Array(6).fill('booked'));
  const events = (await h.calendar().events.list(cast.mentee.personId)).filter((e) => !e.isCancelled);
  expect(events).toHaveLength(6);
  const meetingIds = events.map((e) => (e.doc.extensions as { extensionName: string; meetingId: string }[]).find((x) => x.extensionName === MEETING_EXTENSION_NAME)!.meetingId);
  expect(new Set(meetingIds).size).toBe(6);
  expect([...meetingIds].sort()).toEqual(after.value.map((m) => m.id).sort());
  expect(new Set(events.map((e) => e.id))).toEqual(new Set(after.value.map((m) => m.eventId)));
});
