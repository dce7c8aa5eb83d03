/**
 * Check-ins after the real end: Teams' meetingEnd event (as Teams sends it, from the meeting chat)
 * POSTed to the bot's endpoint through the Agents SDK's CloudAdapter; attendance read through the
 * port; what is due queued on Azurite's queues with the planner's keys in Azurite's tables.
 */
import { QueueClient } from '@azure/storage-queue';
import { TableClient } from '@azure/data-tables';
import { ensureTable } from '../../src/adapters/bot/table-bot-stores';
import { StorageQueueDeliveryQueue } from '../../src/adapters/bot/storage-queue-delivery';
import { TablePlannedKeys } from '../../src/adapters/bot/table-delivery-ledger';
import { handleMeetingEnd, retryAttendance, type MeetingEndDeps } from '../../src/bot/delivery/meeting-ended';
import { StorageQueueAttendanceRetries } from '../../src/adapters/bot/storage-queue-attendance-retry';
import { ATTENDANCE_RETRY_DELAYS } from '../../src/core/delivery/meeting-end';
import { planDeliveries } from '../../src/bot/delivery/plan-deliveries';
import { MEETING_END_EVENT } from '../../src/bot/host/teams-mentoring-bot';
import type { DeliveryJob } from '../../src/core/ports/delivery';
import type { MeetingAttendancePort } from '../../src/core/ports/meeting-attendance';
import { fail, ok } from '../../src/core/result';
import { testStorageConnectionString, uniqueTableName } from '../support/azurite';
import { botKit, MENTEE, MENTOR, NOW, TENANT, type WireActivity } from './bot-test-kit';

const JOIN = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_m3%40thread.v2/0';
const ENDED = '2026-11-23T10:52:41.339Z';

type Kit = Awaited<ReturnType<typeof botKit>>;

type JoinUrlHint = (tenantId: string, joinUrl: string) => Promise<string | undefined>;

/** `late`: Teams writes the report only after this many reads found none (`never`: not within the retries). */
async function setUp(
  joined: string[] | 'unreadable',
  options: { relationshipOfJoinUrl?: JoinUrlHint; late?: number | 'never'; retryDelays?: readonly number[]; now?: number } = {},
) {
  const relationshipOfJoinUrl = options.relationshipOfJoinUrl;
  const storage = testStorageConnectionString();
  const table = TableClient.fromConnectionString(storage, uniqueTableName('meetingend'), { allowInsecureConnection: true });
  await ensureTable(table);
  const queueName = `meeting-end-${Math.random().toString(36).slice(2, 10)}`;
  const queueClient = new QueueClient(storage, queueName);
  const queue = new StorageQueueDeliveryQueue([queueClient], (name) => new QueueClient(storage, name));
  await queue.ensure();
  const reads: string[] = [];
  const attendance: MeetingAttendancePort = {
    async whoJoined(organizerId, joinUrl) {
      reads.push(`${organizerId} ${joinUrl}`);
      if (options.late === 'never' || (options.late !== undefined && reads.length <= options.late)) {
        return fail('ATTENDANCE.NOT_YET_AVAILABLE', 'Teams has not written the attendance report for this meeting yet.');
      }
      return joined === 'unreadable' ? fail('ATTENDANCE.UNAVAILABLE', 'Graph answered 503.') : ok(joined);
    },
  };
  const retryQueue = new QueueClient(storage, `attendance-retry-${Math.random().toString(36).slice(2, 10)}`);
  const retries = new StorageQueueAttendanceRetries(retryQueue);
  await retries.ensure();
  let ids = 0;
  let kit: Kit;
  let now = options.now ?? NOW;
  const deps = (): MeetingEndDeps => ({
    repos: kit.repos,
    attendanceFor: () => ok(attendance),
    plan: (tenantId, relationshipId) => planDeliveries({ repos: kit.repos, queue, planned: new TablePlannedKeys(table), newJobId: () => `job-${++ids}` }, tenantId, relationshipId, now),
    ...(relationshipOfJoinUrl ? { relationshipOfJoinUrl } : {}),
    retryLater: (retry, delayMs) => retries.later(retry, delayMs),
    ...(options.retryDelays ? { retryDelays: options.retryDelays } : {}),
  });
  kit = await botKit({ onMeetingEnd: (event) => handleMeetingEnd(deps(), event) });
  /** What the queue trigger does: each visible retry message handed to retryAttendance, at `at`. */
  const runRetries = async (at: number): Promise<number> => {
    now = at;
    const received = await retryQueue.receiveMessages({ numberOfMessages: 32 });
    for (const m of received.receivedMessageItems) {
      const retry = retries.read(m.messageText);
      if (!retry) throw new Error(`unreadable retry ${m.messageText}`);
      const outcome = await retryAttendance(deps(), retry);
      if (!outcome.ok) throw new Error(outcome.error.code);
      await retryQueue.deleteMessage(m.messageId, m.popReceipt);
    }
    return received.receivedMessageItems.length;
  };
  await kit.repos.relationships.meetings.create(TENANT, 'r1', {
    id: 'm3',
    number: 2,
    start: Date.parse('2026-11-23T10:00:00Z'),
    end: Date.parse('2026-11-23T11:00:00Z'),
    status: 'planned',
    organizerId: MENTOR.aadObjectId,
    joinUrl: JOIN,
  });
  const queued = async (): Promise<DeliveryJob[]> => {
    const peeked = await queueClient.peekMessages({ numberOfMessages: 32 });
    return peeked.peekedMessageItems.flatMap((m) => queue.read(m.messageText) ?? []).filter((j) => j.meetingId === 'm3');
  };
  return {
    kit,
    queued,
    reads,
    retryQueue,
    runRetries,
    close: async () => {
      await kit.close();
      await queueClient.delete();
      await retryQueue.delete();
    },
  };
}

/** A meetingEnd event as Teams sends it to a bot installed in the meeting's chat. */
function meetingEnd(kit: Kit, joinUrl = JOIN): WireActivity {
  return {
    type: 'event',
    name: MEETING_END_EVENT,
    id: 'event-1',
    channelId: 'msteams',
    serviceUrl: kit.connector.serviceUrl,
    from: { id: MENTOR.id, aadObjectId: MENTOR.aadObjectId },
    recipient: { id: '28:bot', name: 'Mentoring' },
    conversation: { isGroup: true, conversationType: 'groupChat', id: '19:meeting_m3@thread.v2', tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, source: null, meeting: { id: 'MCMxOTptZWV0aW5nX20zQHRocmVhZC52MiMw' } },
    value: { MeetingType: 'Scheduled', Title: 'Mentoring: Marek and Ania', Id: 'MCMxOTptZWV0aW5nX20zQHRocmVhZC52MiMw', JoinUrl: joinUrl, EndTime: ENDED },
  };
}

const summary = (jobs: DeliveryJob[]) => jobs.map((j) => `${j.kind} ${j.personId}`).sort();

describe('meetingEnd → check-ins after the real end, by attendance', () => {
  it('both joined: a check-in to each, not before the real end; the meeting is recorded as held', async () => {
    const t = await setUp([MENTOR.aadObjectId, MENTEE.aadObjectId, 'someone-else']);
    try {
      expect(await t.kit.turn(meetingEnd(t.kit))).toEqual([]);
      expect(summary(await t.queued())).toEqual([`checkin ${MENTEE.aadObjectId}`, `checkin ${MENTOR.aadObjectId}`]);
      expect((await t.queued()).every((j) => j.notBefore === Date.parse(ENDED))).toBe(true);
      const m = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(m.ok && m.value.status).toBe('held');
      expect(m.ok && m.value.attendance).toEqual({ endedAt: Date.parse(ENDED), outcome: 'held', joined: [MENTOR.aadObjectId, MENTEE.aadObjectId] });
      // Teams may send the event again: nothing is read or queued twice.
      await t.kit.turn(meetingEnd(t.kit));
      expect(t.reads).toEqual([`${MENTOR.aadObjectId} ${JOIN}`]);
      expect(await t.queued()).toHaveLength(2);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('one joined: the check-in to that person, "we missed you" to the other; recorded half-attended', async () => {
    const t = await setUp([MENTEE.aadObjectId]);
    try {
      await t.kit.turn(meetingEnd(t.kit));
      expect(summary(await t.queued())).toEqual([`checkin ${MENTEE.aadObjectId}`, `missedYou ${MENTOR.aadObjectId}`]);
      const m = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(m.ok && m.value.attendance?.outcome).toBe('halfAttended');
      // The "we missed you" card is kind and names the partner, escaped.
      const card = await t.kit.conversation.composeProactive((await t.queued()).find((j) => j.kind === 'missedYou')!, { tenantId: TENANT, userId: MENTOR.aadObjectId, displayName: '', locale: 'en' });
      expect(JSON.stringify(card)).toContain('We missed you');
      expect(JSON.stringify(card)).toContain(MENTEE.name);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('nobody joined: no check-in; a "missed it?" card to each; recorded missed, still planned', async () => {
    const t = await setUp([]);
    try {
      await t.kit.turn(meetingEnd(t.kit));
      expect(summary(await t.queued())).toEqual([`missedMeeting ${MENTEE.aadObjectId}`, `missedMeeting ${MENTOR.aadObjectId}`]);
      const m = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(m.ok && [m.value.status, m.value.attendance?.outcome]).toEqual(['planned', 'missed']);
      const card = await t.kit.conversation.composeProactive((await t.queued())[0]!, { tenantId: TENANT, userId: MENTOR.aadObjectId, displayName: '', locale: 'en' });
      expect(JSON.stringify(card)).toContain('Missed it?');
    } finally {
      await t.close();
    }
  }, 30_000);

  it('attendance unreadable: check-ins to both, as the timer would; recorded unknown', async () => {
    const t = await setUp('unreadable');
    try {
      await t.kit.turn(meetingEnd(t.kit));
      expect(summary(await t.queued())).toEqual([`checkin ${MENTEE.aadObjectId}`, `checkin ${MENTOR.aadObjectId}`]);
      const m = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(m.ok && m.value.attendance?.outcome).toBe('unknown');
    } finally {
      await t.close();
    }
  }, 30_000);

  it('through the join URL index: the meeting is found from the hint, without searching the sender’s relationships', async () => {
    const t = await setUp([MENTOR.aadObjectId, MENTEE.aadObjectId], { relationshipOfJoinUrl: async (tenantId, joinUrl) => (tenantId === TENANT && joinUrl === JOIN ? 'r1' : undefined) });
    try {
      const search = jest.spyOn(t.kit.repos.relationships, 'listForPerson');
      await t.kit.turn(meetingEnd(t.kit));
      expect(search).not.toHaveBeenCalled();
      expect(summary(await t.queued())).toEqual([`checkin ${MENTEE.aadObjectId}`, `checkin ${MENTOR.aadObjectId}`]);
      const m = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(m.ok && m.value.attendance?.outcome).toBe('held');
    } finally {
      await t.close();
    }
  }, 30_000);

  it('a hint that does not hold is checked, never trusted: another pair’s relationship or a stale row leads to the search', async () => {
    // The hint names the stranger's relationship (the sender is not one of that pair): the search finds r1.
    const t = await setUp([MENTOR.aadObjectId, MENTEE.aadObjectId], { relationshipOfJoinUrl: async () => 'r2' });
    try {
      await t.kit.turn(meetingEnd(t.kit));
      expect(summary(await t.queued())).toEqual([`checkin ${MENTEE.aadObjectId}`, `checkin ${MENTOR.aadObjectId}`]);
      const other = await t.kit.repos.relationships.meetings.get(TENANT, 'r2', 'm9');
      expect(other.ok && other.value.attendance).toBeUndefined();
    } finally {
      await t.close();
    }
    // A stale row (r1 has no meeting with that link): nothing read, nothing queued.
    const s = await setUp([MENTOR.aadObjectId, MENTEE.aadObjectId], { relationshipOfJoinUrl: async () => 'r1' });
    try {
      await s.kit.turn(meetingEnd(s.kit, 'https://teams.microsoft.com/l/meetup-join/someone-elses'));
      expect(s.reads).toEqual([]);
      expect(await s.queued()).toEqual([]);
    } finally {
      await s.close();
    }
  }, 60_000);

  it('attendance report late: nothing is sent yet; the report is read again after 2 minutes (a hidden queue message), then the check-ins follow it', async () => {
    const t = await setUp([MENTEE.aadObjectId], { late: 1, now: Date.parse(ENDED) + 60_000 });
    try {
      await t.kit.turn(meetingEnd(t.kit));
      expect(summary(await t.queued())).toEqual([]);
      const waiting = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(waiting.ok && [waiting.value.attendance, waiting.value.attendancePending]).toEqual([
        undefined,
        { endedAt: Date.parse(ENDED), attempts: 1, until: Date.parse(ENDED) + 42 * 60_000 },
      ]);
      // The retry waits in the queue, hidden for the first delay (2 minutes): nothing to take yet.
      expect((await t.retryQueue.getProperties()).approximateMessagesCount).toBe(1);
      expect((await t.retryQueue.peekMessages()).peekedMessageItems).toEqual([]);
      expect(ATTENDANCE_RETRY_DELAYS[0]).toBe(2 * 60_000);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('attendance report late, then there: recorded from the report (one joined), the check-in to who joined and "we missed you" to the other', async () => {
    const t = await setUp([MENTEE.aadObjectId], { late: 2, retryDelays: [0, 0, 0], now: Date.parse(ENDED) + 60_000 });
    try {
      await t.kit.turn(meetingEnd(t.kit));
      expect(await t.runRetries(Date.parse(ENDED) + 3 * 60_000)).toBe(1);
      expect(summary(await t.queued())).toEqual([]);
      expect(await t.runRetries(Date.parse(ENDED) + 8 * 60_000)).toBe(1);
      expect(summary(await t.queued())).toEqual([`checkin ${MENTEE.aadObjectId}`, `missedYou ${MENTOR.aadObjectId}`]);
      const m = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(m.ok && [m.value.attendance?.outcome, m.value.attendancePending]).toEqual(['halfAttended', undefined]);
      expect(t.reads).toHaveLength(3);
      // Nothing more is read or queued.
      expect(await t.runRetries(Date.parse(ENDED) + 20 * 60_000)).toBe(0);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('attendance report still missing after the bounded retries: recorded unknown, check-ins to both, as for an unreadable report', async () => {
    const t = await setUp([MENTEE.aadObjectId], { late: 'never', retryDelays: [0, 0], now: Date.parse(ENDED) + 60_000 });
    try {
      await t.kit.turn(meetingEnd(t.kit));
      expect(await t.runRetries(Date.parse(ENDED) + 3 * 60_000)).toBe(1);
      expect(summary(await t.queued())).toEqual([]);
      expect(await t.runRetries(Date.parse(ENDED) + 8 * 60_000)).toBe(1);
      expect(await t.runRetries(Date.parse(ENDED) + 9 * 60_000)).toBe(0);
      expect(t.reads).toHaveLength(3);
      expect(summary(await t.queued())).toEqual([`checkin ${MENTEE.aadObjectId}`, `checkin ${MENTOR.aadObjectId}`]);
      const m = await t.kit.repos.relationships.meetings.get(TENANT, 'r1', 'm3');
      expect(m.ok && [m.value.attendance?.outcome, m.value.attendancePending]).toEqual(['unknown', undefined]);
    } finally {
      await t.close();
    }
  }, 30_000);

  it('a meeting that is not one of the sender’s: nothing read, nothing queued, nothing changed', async () => {
    const t = await setUp([MENTOR.aadObjectId, MENTEE.aadObjectId]);
    try {
      expect(await t.kit.turn(meetingEnd(t.kit, 'https://teams.microsoft.com/l/meetup-join/someone-elses'))).toEqual([]);
      expect(t.reads).toEqual([]);
      expect(await t.queued()).toEqual([]);
    } finally {
      await t.close();
    }
  }, 30_000);
});
