/**
 * Matching never pairs a person with their own manager, as Entra ID has it now: suggest matches reads
 * the cohort's managers through Graph (`/users/{id}/manager`, 20 to a $batch) — here the local
 * calendar's directory over HTTP, the same adapter production uses.
 */
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { joinBody, programmeBody } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

it('pairs two who can meet, and not once the directory says one manages the other (either way round)', async () => {
  const cast = await h.newCast();
  const programme = (await h.request('POST', '/api/programmes', { person: cast.owner, body: programmeBody({ kind: 'everyone' }) })).json;
  expect((await h.request('PUT', `/api/programmes/${programme.id}/membership`, { person: cast.mentee, body: joinBody('mentee') })).status).toBe(200);
  const mentorWindows = { ...joinBody('mentor', 'Europe/Warsaw'), meetingWindows: [{ weekday: 1, start: '10:00', end: '13:00' }] };
  expect((await h.request('PUT', `/api/programmes/${programme.id}/membership`, { person: cast.mentor, body: mentorWindows })).status).toBe(200);
  const suggest = async () => (await h.request('POST', `/api/programmes/${programme.id}/matches`, { person: cast.owner, body: {} })).json;

  expect((await suggest()).pairs.map((p: { menteeId: string; mentorId: string }) => [p.menteeId, p.mentorId])).toEqual([[cast.mentee.personId, cast.mentor.personId]]);

  h.setManager(cast.mentee.personId, cast.mentor.personId);
  const managed = await suggest();
  expect(managed.pairs).toEqual([]);
  expect(managed.unmatched.map((u: { menteeId: string }) => u.menteeId)).toEqual([cast.mentee.personId]);

  // The mentee manages the mentor (reverse mentoring would pair them otherwise).
  h.setManager(cast.mentee.personId, cast.stranger.personId);
  h.setManager(cast.mentor.personId, cast.mentee.personId);
  expect((await suggest()).pairs).toEqual([]);
});
