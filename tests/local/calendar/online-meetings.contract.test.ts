/**
 * One contract, two calendars, for the Teams side: the attendance adapter's walk (online meeting by
 * JoinWebUrl with its chat thread id, attendance reports, attendance records) answers in the same
 * shapes from recorded Graph JSON (tests/fixtures/graph, from Microsoft's docs) and from the local
 * calendar, where the local meeting-event source records who joined: both, one, none.
 */
import { z } from 'zod';
import { createGraphClient } from '../../../src/adapters/graph/graph-client';
import { GraphMeetingAttendance } from '../../../src/adapters/graph/graph-meeting-attendance.adapter';
import type { LocalCalendarPerson } from '../../../src/local/calendar/demo-calendars';
import { localCalendarTable, startLocalGraphCalendar } from '../../../src/local/calendar/local-graph-calendar';
import { LOCAL_ATTENDANCE_TABLE, LocalAttendanceTable } from '../../../src/local/calendar/online-meetings';
import { TableClient } from '@azure/data-tables';
import { testStorageConnectionString, uniqueTableName } from '../../support/azurite';
import { fixture } from '../../adapters/graph/strict-graph-server';

// ---- Shapes, as Microsoft documents them (onlineMeeting, meetingAttendanceReport, attendanceRecord)
const onlineMeeting = z.looseObject({
  id: z.string().min(1),
  joinWebUrl: z.string().url(),
  startDateTime: z.string().refine((t) => !Number.isNaN(Date.parse(t))),
  endDateTime: z.string().refine((t) => !Number.isNaN(Date.parse(t))),
  subject: z.string(),
  chatInfo: z.looseObject({ threadId: z.string().regex(/^19:meeting_.+@thread\.v2$/), messageId: z.string() }),
  participants: z.looseObject({ organizer: z.looseObject({ identity: z.looseObject({ user: z.looseObject({ id: z.string() }) }) }) }),
});
const report = z.looseObject({ id: z.string().min(1), totalParticipantCount: z.number().int(), meetingStartDateTime: z.string(), meetingEndDateTime: z.string() });
const record = z.looseObject({
  emailAddress: z.string(),
  totalAttendanceInSeconds: z.number().int(),
  role: z.enum(['None', 'Attendee', 'Presenter', 'Organizer']),
  identity: z.looseObject({ id: z.string(), displayName: z.string() }),
  attendanceIntervals: z.array(z.looseObject({ joinDateTime: z.string(), leaveDateTime: z.string(), durationInSeconds: z.number().int() })),
});
const list = <T extends z.ZodType>(item: T) => z.looseObject({ value: z.array(item) });

it('the recorded Graph JSON has the shapes the contract checks', () => {
  expect(list(onlineMeeting).safeParse(fixture('online-meetings-by-join-url.response.json')).success).toBe(true);
  expect(list(report).safeParse(fixture('attendance-reports.response.json')).success).toBe(true);
  expect(list(record).safeParse(fixture('attendance-records-both.response.json')).success).toBe(true);
});

describe('the local calendar serves online meetings and attendance as Graph does', () => {
  const tenantId = '72f988bf-86f1-41af-91ab-2d7cd011db47';
  const marek: LocalCalendarPerson & { tenantId: string } = { personId: 'dc17674c-81d9-4adb-bfb2-8f6a442e4622', tenantId, email: 'marek@contoso.com', displayName: 'Marek Nowak', timeZone: 'UTC', seeded: false };
  const ania: LocalCalendarPerson & { tenantId: string } = { personId: '57caaef9-5ed0-48d5-8862-e5abfa71b3e9', tenantId, email: 'ania@contoso.com', displayName: 'Ania Kowalska', timeZone: 'UTC', seeded: false };
  const attendanceTable = TableClient.fromConnectionString(testStorageConnectionString(), uniqueTableName('attendance'), { allowInsecureConnection: true });
  const attendance = new LocalAttendanceTable(attendanceTable);
  let calendar: Awaited<ReturnType<typeof startLocalGraphCalendar>>;
  const get = async (path: string) => {
    const response = await fetch(`${calendar.baseUrl}${path}`, { headers: { Authorization: 'Bearer t' } });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const book = async (online: boolean) => {
    const response = await fetch(`${calendar.baseUrl}/users/${marek.personId}/calendar/events`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        subject: 'Mentoring: Marek and Ania',
        start: { dateTime: '2026-11-30T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2026-11-30T11:00:00', timeZone: 'UTC' },
        attendees: [{ emailAddress: { address: ania.email, name: ania.displayName }, type: 'required' }],
        ...(online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
      }),
    });
    return (await response.json()) as { id: string; onlineMeeting: { joinUrl: string } | null };
  };
  const adapter = () => new GraphMeetingAttendance(createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 't', maxRetries: 0 }));

  beforeAll(async () => {
    expect(LOCAL_ATTENDANCE_TABLE).toMatch(/^[a-z]+$/);
    calendar = await startLocalGraphCalendar({ table: localCalendarTable(testStorageConnectionString(), uniqueTableName('onlinemeetings')), attendance, people: [marek, ania], now: () => Date.UTC(2026, 10, 23, 9, 30) });
  });
  afterAll(async () => {
    await calendar.stop();
  });

  it('finds an event booked with isOnlineMeeting by JoinWebUrl, in Graph’s shape, with its chat thread', async () => {
    const event = await book(true);
    const filter = encodeURIComponent(`JoinWebUrl eq '${event.onlineMeeting!.joinUrl}'`);
    const found = await get(`/users/${marek.personId}/onlineMeetings?$filter=${filter}`);
    expect(found.status).toBe(200);
    expect(list(onlineMeeting).parse(found.body).value).toHaveLength(1);
    const ref = await adapter().findOnlineMeeting(marek.personId, event.onlineMeeting!.joinUrl);
    expect(ref).toMatchObject({ ok: true, value: { chatThreadId: expect.stringMatching(/^19:meeting_.+@thread\.v2$/) } });
    // An unknown link finds nothing; a filter that is not JoinWebUrl is a 400 as in Graph.
    expect(await adapter().findOnlineMeeting(marek.personId, 'https://teams.local.invalid/l/meetup-join/nope')).toMatchObject({ ok: false, error: { code: 'ATTENDANCE.MEETING_NOT_FOUND' } });
    expect((await get(`/users/${marek.personId}/onlineMeetings?$filter=${encodeURIComponent("subject eq 'x'")}`)).status).toBe(400);
  });

  it.each([
    ['both', true, true],
    ['one', false, true],
    ['none', false, false],
  ])('attendance %s: reports and records in Graph’s shapes, and the adapter reads who joined', async (_label, mentorJoined, menteeJoined) => {
    const event = await book(true);
    const joined = [...(mentorJoined ? [marek] : []), ...(menteeJoined ? [ania] : [])];
    await attendance.record(event.id, { start: Date.UTC(2026, 10, 30, 10, 1), end: Date.UTC(2026, 10, 30, 10, 52), attendees: joined.map((p) => ({ id: p.personId, displayName: p.displayName, email: p.email })) });
    const ref = await adapter().findOnlineMeeting(marek.personId, event.onlineMeeting!.joinUrl);
    if (!ref.ok) throw new Error(ref.error.message);
    const reports = await get(`/users/${marek.personId}/onlineMeetings/${encodeURIComponent(ref.value.id)}/attendanceReports`);
    const parsedReports = list(report).parse(reports.body).value;
    // A session took place (Teams sent meetingEnd): its report lists who of the pair joined, maybe nobody.
    expect(parsedReports).toHaveLength(1);
    if (parsedReports[0]) {
      const records = await get(`/users/${marek.personId}/onlineMeetings/${encodeURIComponent(ref.value.id)}/attendanceReports/${encodeURIComponent(parsedReports[0].id)}/attendanceRecords`);
      expect(list(record).parse(records.body).value).toHaveLength(joined.length);
    }
    expect(await adapter().whoJoined(marek.personId, event.onlineMeeting!.joinUrl)).toEqual({ ok: true, value: joined.map((p) => p.personId) });
  });

  it('before the meeting-event source records the session there is no report yet, as in Teams just after the end: the adapter says so', async () => {
    const event = await book(true);
    const ref = await adapter().findOnlineMeeting(marek.personId, event.onlineMeeting!.joinUrl);
    if (!ref.ok) throw new Error(ref.error.message);
    expect(list(report).parse((await get(`/users/${marek.personId}/onlineMeetings/${encodeURIComponent(ref.value.id)}/attendanceReports`)).body).value).toEqual([]);
    expect(await adapter().whoJoined(marek.personId, event.onlineMeeting!.joinUrl)).toMatchObject({ ok: false, error: { code: 'ATTENDANCE.NOT_YET_AVAILABLE' } });
  });

  it('an event without an online meeting has none to find', async () => {
    const event = await book(false);
    expect(event.onlineMeeting).toBeNull();
    expect((await get(`/users/${marek.personId}/onlineMeetings/${encodeURIComponent(Buffer.from(`1*${event.id}`).toString('base64url'))}/attendanceReports`)).status).toBe(404);
  });
});
