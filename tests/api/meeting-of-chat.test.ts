/**
 * The meeting side panel's context: GET /api/meetings/by-chat/{chatId} finds which of the caller's
 * mentoring meetings a Teams meeting chat belongs to, server-side, from the thread id the meetings'
 * join links carry. Over HTTP with Azurite behind; a forged context is refused and reveals nothing.
 */
import { randomUUID } from 'node:crypto';
import { startApiHarness, type ApiHarness } from './support/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness();
});
afterAll(() => h.stop());

const threadId = () => `19:meeting_${Buffer.from(randomUUID()).toString('base64url')}@thread.v2`;
const joinUrlOf = (thread: string) => `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=%7b%22Tid%22%3a%22t%22%7d`;
const path = (chatId: string) => `/api/meetings/by-chat/${encodeURIComponent(chatId)}`;

async function pairWithMeeting(status: 'planned' | 'cancelled' = 'planned') {
  const cast = await h.newCast();
  const thread = threadId();
  const start = Date.now() + 3_600_000;
  const created = await h.api.services.repositories.relationships.meetings.create(cast.tenantId, cast.relationship.id, {
    id: randomUUID(),
    number: 1,
    start,
    end: start + 45 * 60_000,
    status,
    organizerId: cast.mentor.personId,
    joinUrl: joinUrlOf(thread),
    bookingState: 'booked',
  });
  if (!created.ok) throw new Error(created.error.code);
  return { cast, thread, meeting: created.value };
}

it('either of the pair gets the relationship and the meeting of the chat', async () => {
  const { cast, thread, meeting } = await pairWithMeeting();
  for (const person of [cast.mentor, cast.mentee]) {
    const answer = await h.request('GET', path(thread), { person });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ relationshipId: cast.relationship.id, meeting: { id: meeting.id, number: 1, joinUrl: meeting.joinUrl } });
  }
});

it('someone outside the pair, another tenant, or another pair’s chat: 404 MEETING_CONTEXT.NOT_FOUND, the same answer as a chat that does not exist', async () => {
  const { cast, thread } = await pairWithMeeting();
  const other = await pairWithMeeting();
  const answers = [
    await h.request('GET', path(thread), { person: cast.stranger }),
    await h.request('GET', path(thread), { person: cast.outsider }),
    // A forged context: a member of one pair naming the other pair's meeting chat.
    await h.request('GET', path(other.thread), { person: cast.mentee }),
    await h.request('GET', path(threadId()), { person: cast.mentee }),
  ];
  for (const answer of answers) {
    expect([answer.status, answer.json.error.code]).toEqual([404, 'MEETING_CONTEXT.NOT_FOUND']);
    expect(answer.text).not.toContain(cast.relationship.id);
    expect(answer.text).not.toContain(other.cast.relationship.id);
  }
});

it('a cancelled meeting’s chat has no mentoring context', async () => {
  const { cast, thread } = await pairWithMeeting('cancelled');
  const answer = await h.request('GET', path(thread), { person: cast.mentor });
  expect([answer.status, answer.json.error.code]).toEqual([404, 'MEETING_CONTEXT.NOT_FOUND']);
});

it.each(['19:abc@thread.skype', 'meeting', '19:meeting_x@thread.v2/../../x'])('a chat id that is not a meeting chat (%s): 400 MEETING_CONTEXT.INVALID_CHAT_ID, nothing read', async (chatId) => {
  const { cast } = await pairWithMeeting();
  const answer = await h.request('GET', path(chatId), { person: cast.mentor });
  expect([answer.status, answer.json.error.code, answer.json.error.field]).toEqual([400, 'MEETING_CONTEXT.INVALID_CHAT_ID', 'chatId']);
});

it('without a sign-in: 401', async () => {
  const { thread } = await pairWithMeeting();
  expect((await h.request('GET', path(thread))).status).toBe(401);
});
