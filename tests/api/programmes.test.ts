/** Cohort matching over HTTP: the owner's answer, what it carries and what it never does. */
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { cohortBody } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

describe('POST /api/programmes/cohort-matches', () => {
  it('gives the owner the pair with its weekly overlap in both zones, and nothing of anyone’s profile text', async () => {
    const cast = await h.newCast();
    const answer = await h.request('POST', '/api/programmes/cohort-matches', { person: cast.owner, body: cohortBody('e1', 'm1') });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      pairs: [
        {
          menteeId: 'e1',
          mentorId: 'm1',
          score: 14,
          reverse: false,
          pinned: false,
          overlap: {
            minutesPerWeek: 120,
            weekStart: '2027-01-03T00:00:00.000Z',
            mentor: { timeZone: 'Europe/Warsaw', windows: [{ weekday: 1, start: '10:00', end: '12:00' }] },
            mentee: { timeZone: 'Europe/London', windows: [{ weekday: 1, start: '09:00', end: '11:00' }] },
          },
        },
      ],
      unmatched: [],
      totalScore: 14,
      candidatesPerMentee: 12,
    });
    expect(answer.text).not.toContain('power bi');
  });

  it('answers an unknown zone, a bad time and an impossible pin with the code, changing nothing', async () => {
    const cast = await h.newCast();
    const body = cohortBody('e1', 'm1');
    const badZone = { ...body, mentors: [{ ...body.mentors[0]!, availability: { timeZone: 'Mars/Olympus', meetingWindows: [{ weekday: 1, start: '09:00', end: '10:00' }] } }] };
    const zone = await h.request('POST', '/api/programmes/cohort-matches', { person: cast.owner, body: badZone });
    expect({ status: zone.status, code: zone.json.error.code, field: zone.json.error.field }).toEqual({ status: 422, code: 'TIME.UNKNOWN_ZONE', field: 'mentors[0].availability.timeZone' });
    const badTime = { ...body, mentees: [{ ...body.mentees[0]!, availability: { timeZone: 'UTC', meetingWindows: [{ weekday: 1, start: '25:00', end: '26:00' }] } }] };
    expect((await h.request('POST', '/api/programmes/cohort-matches', { person: cast.owner, body: badTime })).json.error.code).toBe('AGREEMENT.BAD_TIME');
    const pinnedToManager = { ...body, mentees: [{ ...body.mentees[0]!, managerId: 'm1' }], rules: { ...body.rules, pinned: [{ menteeId: 'e1', mentorId: 'm1' }] } };
    const pin = await h.request('POST', '/api/programmes/cohort-matches', { person: cast.owner, body: pinnedToManager });
    expect({ status: pin.status, code: pin.json.error.code }).toEqual({ status: 422, code: 'MATCHING.PINNED_PAIR_REFUSED' });
  });

  it('refuses people without the owner role, whatever their tenant', async () => {
    const cast = await h.newCast();
    for (const person of [cast.mentor, cast.stranger, cast.outsider]) {
      const answer = await h.request('POST', '/api/programmes/cohort-matches', { person, body: cohortBody('e1', 'm1') });
      expect({ status: answer.status, code: answer.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.OWNER_ROLE_REQUIRED' });
    }
  });
});
