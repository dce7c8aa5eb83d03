/**
 * Programme messages end to end on Azurite: the API over HTTP (the local host, real tokens), the bot
 * beside it as in the Function App (its own table and delivery queues), delivery by the queue
 * trigger's handler through the Agents SDK's CloudAdapter to a local Bot Connector.
 *
 * - An announcement goes to every member once, inside each person's contact hours; a retried POST
 *   plans nothing twice, a duplicate job and a connector 500 still end in one card each; progress
 *   is counts only.
 * - An invited list gets the invitation card; its Join (Action.Execute, a real invoke) joins.
 * - A pair at risk gets the nudge card, at most once in seven days (409 with when the next is possible).
 */
import { randomUUID } from 'node:crypto';
import { startApiHarness, type ApiHarness, type Cast } from './support/api-harness';
import { joinBody, programmeBody } from './support/endpoint-catalogue';
import { upsertMyProfile } from '../../src/core/usecases';
import { principalOf } from '../../src/local/seed-demo-data';
import type { DemoPerson } from '../../src/local/demo-people';
import { escapeCardText } from '../../src/adapters/cards/card-text';
import { planMissingInvitations, refreshProgrammeRisks } from '../../src/api/functions/programme-health-timer';
import { idempotencyKeys } from '../../src/core/delivery/bot-message';
import { key } from '../../src/adapters/storage/table-keys';
import { campaignIds } from '../../src/adapters/bot/table-programme-messenger';
import type { ReceivedActivity } from '../../src/local/connector/local-bot-connector';
import { parseRoute } from '../../src/tab/app/hash-route';

const DAY = 86_400_000;
/** Monday 10:00 UTC: office hours in London (10:00) and Warsaw (11:00), not yet in New York (05:00). */
const MONDAY_10 = Date.parse('2026-11-23T10:00:00Z');

let now = MONDAY_10;
let h: ApiHarness;
beforeAll(async () => {
  h = await startApiHarness({ clock: { now: () => now }, bot: true });
});
afterAll(() => h.stop());
beforeEach(() => {
  now = MONDAY_10;
});

const bot = () => h.bot!;
const quiet = { error: () => undefined, info: () => undefined };

async function giveProfile(p: DemoPerson, timeZone: string) {
  const made = await upsertMyProfile(
    { repos: h.api.services.repositories },
    {
      principal: principalOf(p),
      now,
      input: { jobTitle: 'Lead', seniority: 'senior', skillsToTeach: [], skillsToLearn: [], languages: ['en'], timeZone, capacity: 2, openToReverseMentoring: true },
    },
  );
  if (!made.ok) throw new Error(made.error.code);
}

async function okJson(person: DemoPerson, method: string, path: string, body?: unknown) {
  const answer = await h.request(method, path, { person, ...(body !== undefined ? { body } : {}) });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.json;
}

/** Cards the connector received, as { to, card text } for the cast's tenant. */
function cardsTo(cast: Cast, predicate: (text: string) => boolean = () => true): { to: string; text: string }[] {
  return bot()
    .connector.received.filter((r: ReceivedActivity) => r.tenantId === cast.tenantId)
    .map((r) => ({ to: r.conversationId.replace(/^a:/, ''), text: JSON.stringify(r.activity) }))
    .filter((c) => predicate(c.text));
}

/** Delivers until `done` holds (a retried job waits out its backoff in the queue; no timing is asserted). */
async function deliverUntil(done: () => Promise<boolean>) {
  for (let i = 0; i < 40; i++) {
    await bot().deliver();
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('delivery did not settle');
}

/** An everyone-programme with four members: mentee (London), mentor (Warsaw), stranger (New York), owner (London, app not installed). */
async function programmeWithMembers(cast: Cast): Promise<string> {
  const programme = await okJson(cast.owner, 'POST', '/api/programmes', programmeBody({ kind: 'everyone' }));
  await giveProfile(cast.owner, 'Europe/London');
  await okJson(cast.mentee, 'PUT', `/api/programmes/${programme.id}/membership`, joinBody('mentee'));
  await okJson(cast.mentor, 'PUT', `/api/programmes/${programme.id}/membership`, joinBody('mentor', 'Europe/Warsaw'));
  await okJson(cast.stranger, 'PUT', `/api/programmes/${programme.id}/membership`, joinBody('mentee', 'America/New_York'));
  await okJson(cast.owner, 'PUT', `/api/programmes/${programme.id}/membership`, joinBody('mentor'));
  for (const p of [cast.mentee, cast.mentor, cast.stranger]) await bot().installed(p);
  return programme.id as string;
}

/** The screen a card's Action.OpenUrl opens in the tab (the local bot links to the tab's address with the route as its hash). */
function screenOfCardLink(actions: readonly { type: string; url?: string }[]) {
  const url = actions.find((a) => a.type === 'Action.OpenUrl')?.url ?? '';
  return parseRoute(new URL(url).hash);
}

const TEXT = 'Kick-off on **Friday**: [agenda](https://evil.example)\n- bring one question';

describe('announcements', () => {
  it('reach each member once inside their contact hours; a retried POST plans nothing twice; progress is counts only', async () => {
    const cast = await h.newCast();
    const programmeId = await programmeWithMembers(cast);
    const clientKey = randomUUID();
    const first = await h.request('POST', `/api/programmes/${programmeId}/announcements`, { person: cast.owner, body: { clientKey, text: TEXT } });
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({ id: clientKey, text: TEXT, recipients: 4, progress: { planned: 4, queued: 4, sent: 0, waiting: 0, notReachable: 0 }, done: false });
    const retry = await h.request('POST', `/api/programmes/${programmeId}/announcements`, { person: cast.owner, body: { clientKey, text: TEXT } });
    expect(retry.status).toBe(202);
    expect(retry.json.progress.planned).toBe(4);

    const reused = await h.request('POST', `/api/programmes/${programmeId}/announcements`, { person: cast.owner, body: { clientKey, text: 'Other text' } });
    expect({ status: reused.status, code: reused.json.error.code }).toEqual({ status: 409, code: 'PROGRAMME.ANNOUNCEMENT_KEY_REUSED' });

    await bot().deliver();
    const isAnnouncement = (text: string) => text.includes('an announcement');
    expect(cardsTo(cast, isAnnouncement).map((c) => c.to).sort()).toEqual([cast.mentee.personId, cast.mentor.personId].sort());
    const announced = bot().connector.received.find((r) => r.conversationId === `a:${cast.mentee.personId}` && isAnnouncement(JSON.stringify(r.activity)))!;
    const announcedCard = (announced.activity.attachments as { content: { actions: { type: string; url?: string }[] } }[])[0]!.content;
    expect(screenOfCardLink(announcedCard.actions)).toEqual({ screen: 'programme', programmeId });
    const progress = await okJson(cast.owner, 'GET', `/api/programmes/${programmeId}/announcements/${clientKey}`);
    expect(progress.progress).toEqual({
      planned: 4,
      queued: 0,
      sent: 2,
      waiting: 1,
      notReachable: 1,
      notReachableByReason: { NOT_INSTALLED: 1, NO_PROFILE: 0, APP_REMOVED: 0, EXPIRED: 0, FAILED: 0, NO_CONTACT_HOURS: 0 },
    });
    expect(progress.done).toBe(false);
    // Counts only: nobody's id or name in the progress.
    for (const p of [cast.mentee, cast.mentor, cast.stranger]) {
      expect(JSON.stringify(progress)).not.toContain(p.personId);
      expect(JSON.stringify(progress)).not.toContain(p.displayName);
    }

    // The owner's words as typed: escaped for card markdown, never a link or a list.
    const card = bot().connector.received.find((r) => r.conversationId === `a:${cast.mentee.personId}` && JSON.stringify(r.activity).includes('an announcement'))!;
    const body = ((card.activity.attachments as { content: { body: { text: string }[] } }[])[0]!.content.body).map((b) => b.text);
    expect(body).toContain(escapeCardText(TEXT));

    // New York's office hours open at 14:00 UTC. The queue holds the job hidden until then (hours of
    // real time); here the trigger hands over the same job at 14:00 on the test's clock: sent, once.
    now = Date.parse('2026-11-23T14:00:30Z');
    const waitingJob = {
      kind: 'announcement' as const,
      tenantId: cast.tenantId,
      personId: cast.stranger.personId,
      relationshipId: '',
      meetingId: '',
      idempotencyKey: idempotencyKeys.announcement(key(programmeId, clientKey), cast.stranger.personId),
      notBefore: MONDAY_10,
      programmeId,
      itemId: clientKey,
      campaignId: campaignIds.announcement(programmeId, clientKey),
      jobId: randomUUID(),
      attempt: 0,
    };
    expect((await bot().runtime.host.worker.handle(waitingJob)).outcome).toBe('delivered');
    expect((await bot().runtime.host.worker.handle({ ...waitingJob, jobId: randomUUID() })).outcome).toBe('dropped');
    expect(cardsTo(cast, isAnnouncement).map((c) => c.to).sort()).toEqual([cast.mentee.personId, cast.mentor.personId, cast.stranger.personId].sort());
    const after = await okJson(cast.owner, 'GET', `/api/programmes/${programmeId}/announcements/${clientKey}`);
    expect(after.progress).toMatchObject({ planned: 4, queued: 0, sent: 3, waiting: 0, notReachable: 1 });
    expect(after.done).toBe(true);
  });

  it('a duplicate job and a connector 500 still end in exactly one card per person', async () => {
    const cast = await h.newCast();
    const programmeId = await programmeWithMembers(cast);
    const clientKey = randomUUID();
    await okJson(cast.owner, 'POST', `/api/programmes/${programmeId}/announcements`, { clientKey, text: 'Second round opens' });
    // A crash after queueing and before recording it queued: planning again queues the jobs a second time.
    const members = [cast.mentee.personId, cast.mentor.personId];
    const duplicate = members.map((personId) => ({
      kind: 'announcement' as const,
      tenantId: cast.tenantId,
      personId,
      relationshipId: '',
      meetingId: '',
      idempotencyKey: idempotencyKeys.announcement(key(programmeId, clientKey), personId),
      notBefore: now,
      programmeId,
      itemId: clientKey,
      campaignId: campaignIds.announcement(programmeId, clientKey),
      jobId: randomUUID(),
      attempt: 0,
    }));
    await bot().runtime.host.deliveryQueue.enqueue(duplicate);
    bot().connector.failNext(500, 1);
    const isIt = (text: string) => text.includes('Second round opens');
    await deliverUntil(async () => cardsTo(cast, isIt).length >= 2);
    await bot().deliver();
    expect(cardsTo(cast, isIt).map((c) => c.to).sort()).toEqual(members.sort());
    const progress = await okJson(cast.owner, 'GET', `/api/programmes/${programmeId}/announcements/${clientKey}`);
    expect(progress.progress).toMatchObject({ planned: 4, sent: 2 });
  });

  it('refuses empty and overlong text, control characters, non-owners and a programme nobody joined, writing nothing', async () => {
    const cast = await h.newCast();
    const programmeId = await programmeWithMembers(cast);
    const before = await h.snapshot(cast.tenantId);
    const cases: [unknown, number, string][] = [
      [{ clientKey: randomUUID(), text: '   ' }, 400, 'HTTP.INVALID_BODY'],
      [{ clientKey: randomUUID(), text: 'x'.repeat(1001) }, 400, 'HTTP.INVALID_BODY'],
      [{ clientKey: randomUUID(), text: 'bell\u0007' }, 422, 'TEXT.CONTROL_CHARACTER'],
      [{ text: 'No key' }, 400, 'HTTP.INVALID_BODY'],
    ];
    for (const [body, status, code] of cases) {
      const answer = await h.request('POST', `/api/programmes/${programmeId}/announcements`, { person: cast.owner, body });
      expect({ status: answer.status, code: answer.json.error.code }).toEqual({ status, code });
    }
    const byMember = await h.request('POST', `/api/programmes/${programmeId}/announcements`, { person: cast.mentee, body: { clientKey: randomUUID(), text: 'Hi' } });
    expect({ status: byMember.status, code: byMember.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.OWNER_ROLE_REQUIRED' });
    const byOtherOwner = await h.request('POST', `/api/programmes/${programmeId}/announcements`, { person: cast.outsiderOwner, body: { clientKey: randomUUID(), text: 'Hi' } });
    expect({ status: byOtherOwner.status, code: byOtherOwner.json.error.code }).toEqual({ status: 404, code: 'PROGRAMME.NOT_FOUND' });
    const unknown = await h.request('GET', `/api/programmes/${programmeId}/announcements/${randomUUID()}`, { person: cast.owner });
    expect({ status: unknown.status, code: unknown.json.error.code }).toEqual({ status: 404, code: 'PROGRAMME.ANNOUNCEMENT_NOT_FOUND' });
    expect(await h.snapshot(cast.tenantId)).toEqual(before);

    const empty = await okJson(cast.owner, 'POST', '/api/programmes', programmeBody({ kind: 'everyone' }));
    const nobody = await h.request('POST', `/api/programmes/${empty.id}/announcements`, { person: cast.owner, body: { clientKey: randomUUID(), text: 'Hello?' } });
    expect({ status: nobody.status, code: nobody.json.error.code }).toEqual({ status: 409, code: 'PROGRAMME.NO_MEMBERS' });
  });
});

describe('the invitation card', () => {
  it('goes to each invited person once, inside their contact hours, and its Join joins them as the role they chose', async () => {
    const cast = await h.newCast();
    for (const p of [cast.mentee, cast.mentor, cast.stranger]) await bot().installed(p);
    const invited = [cast.mentee.personId, cast.mentor.personId];
    const programme = await okJson(cast.owner, 'POST', '/api/programmes', programmeBody({ kind: 'invited', personIds: invited }));
    // Editing the programme plans again: only who was added is new.
    await okJson(cast.owner, 'PATCH', `/api/programmes/${programme.id}`, { joinPolicy: { kind: 'invited', personIds: [...invited, cast.stranger.personId] }, version: programme.version });
    await bot().deliver();
    const isInvitation = (text: string) => text.includes('You are invited to');
    // The mentee's profile is in New York (05:00): theirs waits for their office hours; Warsaw and London are open.
    expect(cardsTo(cast, isInvitation).map((c) => c.to).sort()).toEqual([cast.mentor.personId, cast.stranger.personId].sort());
    // The hourly programme timer plans again: nothing new.
    expect(await planMissingInvitations(h.api.services, now, quiet)).toMatchObject({ failed: 0 });
    await bot().deliver();
    expect(cardsTo(cast, isInvitation)).toHaveLength(2);

    const card = bot().connector.received.find((r) => r.conversationId === `a:${cast.mentor.personId}` && isInvitation(JSON.stringify(r.activity)))!;
    const content = (card.activity.attachments as { content: { actions: { type: string; data: Record<string, unknown> }[] } }[])[0]!.content;
    const join = content.actions.find((a) => a.type === 'Action.Execute')!;
    expect(join.data).toEqual({ verb: 'programme.join', cardVersion: 1, programmeId: programme.id });
    // "Open the programme" opens this programme (the tab's route carries its id), not the Programme screen's list.
    expect(screenOfCardLink(content.actions)).toEqual({ screen: 'programme', programmeId: programme.id });
    const answer = await bot().post({
      ...bot().activityFrom(cast.mentor),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'programme.join', data: { ...join.data, role: 'mentor' } } },
    });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.json)).toContain('You joined Data skills 2027');
    expect(screenOfCardLink((answer.json as { value: { actions: { type: string; url?: string }[] } }).value.actions)).toEqual({ screen: 'programme', programmeId: programme.id });
    const members = await okJson(cast.owner, 'GET', `/api/programmes/${programme.id}/members`);
    expect(members.members.map((m: { personId: string; role: string; timeZone: string }) => [m.personId, m.role, m.timeZone])).toEqual([[cast.mentor.personId, 'mentor', 'Europe/Warsaw']]);

    // Someone not on the list cannot join through a copy of the card.
    const refused = await bot().post({
      ...bot().activityFrom(cast.owner),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'programme.join', data: { ...join.data, role: 'mentee' } } },
    });
    expect(JSON.stringify(refused.json)).toContain('You could not join');
    expect((await okJson(cast.owner, 'GET', `/api/programmes/${programme.id}/members`)).members).toHaveLength(1);
  });
});

describe('a gentle nudge to a pair at risk', () => {
  async function pairAtRisk(cast: Cast) {
    const programme = await okJson(cast.owner, 'POST', '/api/programmes', programmeBody({ kind: 'everyone' }));
    const relationshipId = `${programme.id}.1.0`;
    const made = await h.api.services.repositories.relationships.create(cast.tenantId, {
      id: relationshipId,
      mentorId: cast.mentor.personId,
      menteeId: cast.stranger.personId,
      reverse: false,
      status: 'active',
      requestId: relationshipId,
      menteePreWork: { whatIWant: 'PRIVATE-PREWORK', whatIBring: '', expectations: '' },
      startedAt: now,
      reflections: {},
      programmeId: programme.id,
    });
    if (!made.ok) throw new Error(made.error.code);
    for (const p of [cast.mentor, cast.stranger]) await bot().installed(p);
    return { programmeId: programme.id as string, relationshipId };
  }

  it('goes to both, at most once in seven days; the 409 says when the next is possible', async () => {
    const cast = await h.newCast();
    const { programmeId, relationshipId } = await pairAtRisk(cast);
    const path = `/api/programmes/${programmeId}/pairs/${encodeURIComponent(relationshipId)}/nudge`;
    const early = await h.request('POST', path, { person: cast.owner });
    expect({ status: early.status, code: early.json.error.code }).toEqual({ status: 409, code: 'PROGRAMME.PAIR_NOT_AT_RISK' });

    // Eight days later, still no agreement: the timer puts the pair at risk.
    now = MONDAY_10 + 7 * DAY;
    await refreshProgrammeRisks(h.api.services, now, quiet);
    const nudged = await h.request('POST', path, { person: cast.owner });
    expect(nudged.status).toBe(202);
    expect(nudged.json).toEqual({ relationshipId, nudgedAt: new Date(now).toISOString(), nextPossibleAt: new Date(now + 7 * DAY).toISOString(), risks: ['agreementNotAccepted'] });

    const again = await h.request('POST', path, { person: cast.owner });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'PROGRAMME.NUDGE_TOO_SOON', details: { nextPossibleAt: new Date(now + 7 * DAY).toISOString() } });
    expect(again.json.error.message).toContain(new Date(now + 7 * DAY).toISOString());

    await bot().deliver();
    const isNudge = (text: string) => text.includes('A gentle nudge');
    const cards = cardsTo(cast, isNudge);
    expect(cards.map((c) => c.to).sort()).toEqual([cast.mentor.personId, cast.stranger.personId].sort());
    for (const c of cards) expect(c.text).not.toContain('PRIVATE-PREWORK');
    expect(cards.find((c) => c.to === cast.mentor.personId)!.text).toContain(cast.stranger.displayName);

    // Seven days on, the next nudge is possible (the pair is still at risk).
    now += 7 * DAY;
    await refreshProgrammeRisks(h.api.services, now, quiet);
    expect((await h.request('POST', path, { person: cast.owner })).status).toBe(202);
    await bot().deliver();
    expect(cardsTo(cast, isNudge)).toHaveLength(4);
  });

  it('refuses a pair of another programme, a member, and another tenant’s owner', async () => {
    const cast = await h.newCast();
    const { programmeId } = await pairAtRisk(cast);
    const outside = await h.request('POST', `/api/programmes/${programmeId}/pairs/${cast.relationship.id}/nudge`, { person: cast.owner });
    expect({ status: outside.status, code: outside.json.error.code }).toEqual({ status: 404, code: 'PROGRAMME.PAIR_NOT_FOUND' });
    const member = await h.request('POST', `/api/programmes/${programmeId}/pairs/${cast.relationship.id}/nudge`, { person: cast.mentor });
    expect({ status: member.status, code: member.json.error.code }).toEqual({ status: 403, code: 'PROGRAMME.OWNER_ROLE_REQUIRED' });
    const other = await h.request('POST', `/api/programmes/${programmeId}/pairs/${cast.relationship.id}/nudge`, { person: cast.outsiderOwner });
    expect({ status: other.status, code: other.json.error.code }).toEqual({ status: 404, code: 'PROGRAMME.NOT_FOUND' });
  });
});
