/**
 * The Outlook pane's second way in, over HTTP on the local host (Azurite, the local Graph calendar):
 * the attendee's copy of an invite has no add-in custom properties, but the same iCalUId as the
 * organizer's event; the attendee finds the meeting by it, and so does the organizer. A stranger, or a
 * UID that is no mentoring meeting, gets the same not-found.
 */
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { agreementFor } from '../support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

it('the attendee finds the meeting by the iCalUId of their own copy; a stranger and an unknown UID get not-found', async () => {
  const cast = await h.newCast();
  const rel = `/api/relationships/${cast.relationship.id}`;
  const proposed = await h.request('POST', `${rel}/agreement`, { person: cast.mentee, body: { agreement: agreementFor(cast.relationship), note: '' } });
  expect((await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: { version: proposed.json.versions[0].version } })).status).toBe(200);
  const booked = await h.request('POST', `${rel}/meetings`, { person: cast.mentee, body: { scope: 'next' } });
  expect(booked.status).toBe(200);
  const meeting = booked.json.meetings[0] as { id: string; organizerId: string; eventId: string };

  // The attendee's copy in the local calendar: same iCalUId, none of the add-in's custom properties.
  const attendeeId = meeting.organizerId === cast.mentor.personId ? cast.mentee.personId : cast.mentor.personId;
  const attendee = attendeeId === cast.mentor.personId ? cast.mentor : cast.mentee;
  const organizerEvent = await h.calendar().events.get(meeting.organizerId, meeting.eventId);
  const copy = (await h.calendar().events.list(attendeeId)).find((e) => e.doc.iCalUId === organizerEvent!.doc.iCalUId);
  expect(copy).toBeDefined();
  expect(copy!.doc.singleValueExtendedProperties).toBeUndefined();
  expect(organizerEvent!.doc.singleValueExtendedProperties).toBeDefined();

  const uid = encodeURIComponent(String(copy!.doc.iCalUId));
  const found = await h.request('GET', `/api/meetings/by-ical-uid/${uid}`, { person: attendee });
  expect(found.status).toBe(200);
  expect(found.json).toEqual({ relationshipId: cast.relationship.id, meetingId: meeting.id });
  expect((await h.request('GET', `/api/meetings/by-ical-uid/${uid}`, { person: cast.mentee.personId === attendeeId ? cast.mentor : cast.mentee })).json).toEqual(found.json);

  const stranger = await h.request('GET', `/api/meetings/by-ical-uid/${uid}`, { person: cast.stranger });
  expect([stranger.status, stranger.json.error.code]).toEqual([404, 'BOOKING.MEETING_NOT_FOUND']);
  const unknown = await h.request('GET', '/api/meetings/by-ical-uid/040000008200E00074C5B7101A82E0080000000000000000', { person: attendee });
  expect([unknown.status, unknown.json.error.code]).toEqual([404, 'BOOKING.MEETING_NOT_FOUND']);
});
