/**
 * Every write presents the version its caller read (issue 15, point 3): a goal deleted with a stale
 * version after the partner's edit is a conflict and stays; "*" is no version anywhere; writes that
 * change something already there refuse a missing version (an edited check-in, a cancelled meeting
 * included). Over HTTP with Azurite behind, the local calendar as Outlook.
 */
import { startApiHarness, type ApiHarness } from './support/api-harness';
import { addMeeting, bookedMeeting, CHECK_IN, SMART } from './support/endpoint-catalogue';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

async function goalOfPair() {
  const cast = await h.newCast();
  const base = `/api/relationships/${cast.relationship.id}/goals`;
  const created = await h.request('POST', base, { person: cast.mentee, body: { title: 'Dashboards', smart: SMART } });
  expect(created.status).toBe(201);
  return { cast, base, goal: created.json as { id: string; version: string } };
}

describe('deleting a goal', () => {
  it('with the version read before the partner’s edit: 412 STORAGE.CONFLICT, and the edited goal stays', async () => {
    const { cast, base, goal } = await goalOfPair();
    const edited = await h.request('PATCH', `${base}/${goal.id}`, { person: cast.mentor, body: { progress: 40, version: goal.version } });
    expect(edited.status).toBe(200);
    const before = await h.snapshot(cast.tenantId);

    const stale = await h.request('DELETE', `${base}/${goal.id}`, { person: cast.mentee, body: { version: goal.version } });
    expect([stale.status, stale.json.error.code, stale.json.error.field]).toEqual([412, 'STORAGE.CONFLICT', 'version']);
    const staleHeader = await h.request('DELETE', `${base}/${goal.id}`, { person: cast.mentee, headers: { 'if-match': goal.version } });
    expect([staleHeader.status, staleHeader.json.error.code]).toEqual([412, 'STORAGE.CONFLICT']);

    expect(await h.snapshot(cast.tenantId)).toEqual(before);
    const goals = (await h.request('GET', base, { person: cast.mentee })).json.goals;
    expect(goals).toEqual([expect.objectContaining({ id: goal.id, progress: 40, version: edited.json.version })]);
  });

  it.each([
    ['"version": "*" in the body', { body: { version: '*' } }],
    ['If-Match: *', { headers: { 'if-match': '*' } }],
    ['a weak wildcard W/"*"', { body: { version: 'W/"*"' } }],
  ])('with %s: 400 STORAGE.VERSION_WILDCARD, a message that says what to send, and the goal stays', async (_label, how) => {
    const { cast, base, goal } = await goalOfPair();
    const before = await h.snapshot(cast.tenantId);
    const answer = await h.request('DELETE', `${base}/${goal.id}`, { person: cast.mentor, ...how });
    expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([400, 'STORAGE.VERSION_WILDCARD', 'version']);
    expect(answer.json.error.message).toMatch(/send the version you loaded/i);
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
  });

  it('with the current version: deleted', async () => {
    const { cast, base, goal } = await goalOfPair();
    const answer = await h.request('DELETE', `${base}/${goal.id}`, { person: cast.mentor, body: { version: goal.version } });
    expect(answer.status).toBe(204);
    expect((await h.request('GET', base, { person: cast.mentee })).json.goals).toEqual([]);
  });
});

describe('"*" is no version on any write', () => {
  it('updating a goal or an action item with "*" is refused and changes nothing', async () => {
    const { cast, base, goal } = await goalOfPair();
    const rel = `/api/relationships/${cast.relationship.id}`;
    const item = await h.request('POST', `${rel}/action-items`, { person: cast.mentee, body: { title: 'Read the book', ownerId: cast.mentee.personId } });
    expect(item.status).toBe(201);
    const before = await h.snapshot(cast.tenantId);
    const goalAnswer = await h.request('PATCH', `${base}/${goal.id}`, { person: cast.mentor, body: { progress: 10, version: '*' } });
    const itemAnswer = await h.request('PATCH', `${rel}/action-items/${item.json.id}`, { person: cast.mentor, body: { status: 'done' }, headers: { 'if-match': '*' } });
    const closeAnswer = await h.request('POST', `${rel}/close`, {
      person: cast.mentor,
      body: { reflection: { whatWorked: 'a', whatToImprove: 'b', keyTakeaway: 'c' }, version: '*' },
    });
    for (const answer of [goalAnswer, itemAnswer, closeAnswer]) {
      expect([answer.status, answer.json.error.code]).toEqual([400, 'STORAGE.VERSION_WILDCARD']);
    }
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
  });
});

describe('a write to something already there needs the version read', () => {
  it('closing, accepting an agreement and moving a meeting without a version: 400 HTTP.VERSION_REQUIRED, nothing written', async () => {
    const cast = await h.newCast();
    const rel = `/api/relationships/${cast.relationship.id}`;
    const before = await h.snapshot(cast.tenantId);
    const answers = [
      await h.request('POST', `${rel}/close`, { person: cast.mentee, body: { reflection: { whatWorked: 'a', whatToImprove: '', keyTakeaway: '' } } }),
      await h.request('POST', `${rel}/agreement/1/accept`, { person: cast.mentor, body: {} }),
      await h.request('PATCH', `${rel}/meetings/m1`, { person: cast.mentor, body: { start: '2027-01-05T15:00:00Z' } }),
    ];
    for (const answer of answers) expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([400, 'HTTP.VERSION_REQUIRED', 'version']);
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
  });
});

describe('editing my check-in', () => {
  it('without the version: 409 CHECKIN.VERSION_REQUIRED saying to reload; stale: 412; with the version read: saved', async () => {
    const cast = await h.newCast();
    const meetingId = await addMeeting(h, cast, cast.relationship.id);
    const path = `/api/relationships/${cast.relationship.id}/meetings/${meetingId}/checkin`;
    const first = await h.request('PUT', path, { person: cast.mentee, body: CHECK_IN });
    expect(first.status).toBe(200);
    // Edited elsewhere (the chat) with the version read there.
    const edited = await h.request('PUT', path, { person: cast.mentee, body: { ...CHECK_IN, answers: { ...CHECK_IN.answers, useful: 'Edited in the chat' }, version: first.json.version } });
    expect(edited.status).toBe(200);
    const before = await h.snapshot(cast.tenantId);

    const blind = await h.request('PUT', path, { person: cast.mentee, body: { ...CHECK_IN, answers: { ...CHECK_IN.answers, useful: 'Typed in the tab' } } });
    expect([blind.status, blind.json.error.code, blind.json.error.field]).toEqual([409, 'CHECKIN.VERSION_REQUIRED', 'version']);
    expect(blind.json.error.message).toMatch(/already checked in.*Reload/);
    const stale = await h.request('PUT', path, { person: cast.mentee, body: CHECK_IN, headers: { 'if-match': first.json.version } });
    expect([stale.status, stale.json.error.code, stale.json.error.field]).toEqual([412, 'STORAGE.CONFLICT', 'version']);
    const wildcard = await h.request('PUT', path, { person: cast.mentee, body: { ...CHECK_IN, version: '*' } });
    expect([wildcard.status, wildcard.json.error.code]).toEqual([400, 'STORAGE.VERSION_WILDCARD']);
    expect(await h.snapshot(cast.tenantId)).toEqual(before);

    const current = await h.request('PUT', path, { person: cast.mentee, body: { ...CHECK_IN, answers: { ...CHECK_IN.answers, useful: 'Both edits seen' }, version: edited.json.version } });
    expect([current.status, current.json.answers.useful]).toEqual([200, 'Both edits seen']);
  });
});

describe('cancelling a meeting', () => {
  async function booked() {
    const cast = await h.newCast();
    const meeting = (await bookedMeeting(h, cast)) as { id: string; version: string; eventId: string };
    return { cast, meeting, path: `/api/relationships/${cast.relationship.id}/meetings/${meeting.id}` };
  }
  const liveEvents = async (personId: string) => (await h.calendar().events.list(personId)).filter((e) => !e.isCancelled);

  it('without a version: 400 HTTP.VERSION_REQUIRED; nothing changes here or in Outlook', async () => {
    const { cast, path } = await booked();
    const before = await h.snapshot(cast.tenantId);
    const answer = await h.request('DELETE', path, { person: cast.mentee, body: { comment: 'Travel, sorry' } });
    expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([400, 'HTTP.VERSION_REQUIRED', 'version']);
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
    expect(await liveEvents(cast.mentor.personId)).toHaveLength(1);
  });

  it('with the version read before the partner moved it: 412 STORAGE.CONFLICT, the moved meeting stays in Outlook', async () => {
    const { cast, meeting, path } = await booked();
    const slots = await h.request('GET', `/api/relationships/${cast.relationship.id}/slots`, { person: cast.mentor });
    const moved = await h.request('PATCH', path, { person: cast.mentor, body: { start: slots.json.slots[0].start, version: meeting.version } });
    expect(moved.status).toBe(200);
    const before = await h.snapshot(cast.tenantId);

    for (const how of [{ body: { comment: 'Travel, sorry', version: meeting.version } }, { body: { comment: 'Travel, sorry' }, headers: { 'if-match': meeting.version } }]) {
      const stale = await h.request('DELETE', path, { person: cast.mentee, ...how });
      expect([stale.status, stale.json.error.code, stale.json.error.field]).toEqual([412, 'STORAGE.CONFLICT', 'version']);
      expect(stale.json.error.message).toMatch(/Reload/);
    }
    const wildcard = await h.request('DELETE', path, { person: cast.mentee, body: { comment: 'Travel, sorry' }, headers: { 'if-match': '*' } });
    expect([wildcard.status, wildcard.json.error.code]).toEqual([400, 'STORAGE.VERSION_WILDCARD']);
    expect(await h.snapshot(cast.tenantId)).toEqual(before);
    expect((await liveEvents(cast.mentor.personId)).map((e) => e.start)).toEqual([Date.parse(moved.json.start)]);

    const current = await h.request('DELETE', path, { person: cast.mentee, body: { comment: 'Travel, sorry', version: moved.json.version } });
    expect([current.status, current.json.status]).toEqual([200, 'cancelled']);
    expect(await liveEvents(cast.mentor.personId)).toEqual([]);
  });
});
