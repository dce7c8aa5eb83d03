/**
 * The local calendar's Teams side, in Graph's shapes: an online meeting for each event booked with
 * isOnlineMeeting (found by its JoinWebUrl, with chatInfo.threadId), and the attendance reports the
 * local "end meeting" action records (who joined). The attendance rows live in their own Azurite
 * table, written by the local meeting-event source and read here.
 */
import { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { graphError, itemNotFound, type Answer } from './graph-answer';
import type { StoredEvent } from './calendar-event-table';

export const LOCAL_ATTENDANCE_TABLE = 'localgraphattendance';

export const onlineMeetingIdOf = (eventId: string): string => Buffer.from(`1*${eventId}`).toString('base64url');
const eventIdOf = (onlineMeetingId: string): string | undefined => {
  const decoded = Buffer.from(onlineMeetingId, 'base64url').toString();
  return decoded.startsWith('1*') ? decoded.slice(2) : undefined;
};
export const meetingThreadIdOf = (eventId: string): string => `19:meeting_${Buffer.from(eventId).toString('base64url')}@thread.v2`;

export interface LocalAttendee {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
}

const Row = z.looseObject({ startMs: z.number(), endMs: z.number(), attendees: z.string() });

export class LocalAttendanceTable {
  constructor(private readonly table: TableClient) {}

  static fromConnectionString(connectionString: string): LocalAttendanceTable {
    const insecure = /DefaultEndpointsProtocol=http(;|$)/i.test(connectionString) || /TableEndpoint=http:/i.test(connectionString);
    return new LocalAttendanceTable(TableClient.fromConnectionString(connectionString, LOCAL_ATTENDANCE_TABLE, insecure ? { allowInsecureConnection: true } : {}));
  }

  /**
   * One session of the meeting ended: a report with who of the pair was there. A session whose report
   * names neither of the pair (only someone else joined) is a report without their records. Until this
   * is written the meeting has no report, as in Teams, which writes it some minutes after the end.
   */
  async record(eventId: string, session: { start: number; end: number; attendees: readonly LocalAttendee[] }): Promise<void> {
    await this.table.createTable().catch(() => undefined);
    await this.table.upsertEntity({ partitionKey: onlineMeetingIdOf(eventId), rowKey: String(session.end), startMs: session.start, endMs: session.end, attendees: JSON.stringify(session.attendees) }, 'Replace');
  }

  async reports(onlineMeetingId: string): Promise<{ id: string; start: number; end: number; attendees: LocalAttendee[] }[]> {
    const out: { id: string; start: number; end: number; attendees: LocalAttendee[] }[] = [];
    try {
      for await (const entity of this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '${onlineMeetingId.replace(/'/g, "''")}'` } })) {
        const row = Row.parse(entity);
        out.push({ id: `${onlineMeetingId}.${String(entity.rowKey)}`, start: row.startMs, end: row.endMs, attendees: JSON.parse(row.attendees) as LocalAttendee[] });
      }
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return [];
      throw error;
    }
    return out;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function onlineMeetingOf(e: StoredEvent, organizerId: string): Record<string, unknown> {
  const doc = e.doc as { subject?: string; onlineMeeting?: { joinUrl?: string } };
  return {
    id: onlineMeetingIdOf(e.id),
    startDateTime: iso(e.start),
    endDateTime: iso(e.end),
    joinWebUrl: doc.onlineMeeting?.joinUrl ?? null,
    subject: doc.subject ?? '',
    participants: { organizer: { role: 'presenter', identity: { user: { id: organizerId, displayName: null, identityProvider: 'AAD' } } }, attendees: [] },
    chatInfo: { threadId: meetingThreadIdOf(e.id), messageId: '0', replyChainMessageId: null },
  };
}

/** GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…', …/{id}/attendanceReports, …/{reportId}/attendanceRecords */
export async function onlineMeetingsRoute(input: {
  method: string;
  rest: readonly string[];
  query: URLSearchParams;
  organizerId: string;
  organizerEvents: () => Promise<StoredEvent[]>;
  attendance: LocalAttendanceTable;
}): Promise<Answer> {
  const { rest, method } = input;
  if (method !== 'GET') return graphError(405, 'BadRequest', `${method} is not supported on onlineMeetings here.`);
  if (rest.length === 1) {
    const filter = /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(input.query.get('$filter') ?? '');
    if (!filter) return graphError(400, 'BadRequest', "Filter by JoinWebUrl eq '<join url>' to find an online meeting.");
    const joinUrl = filter[1]!.replace(/''/g, "'");
    const found = (await input.organizerEvents()).filter((e) => (e.doc as { onlineMeeting?: { joinUrl?: string } }).onlineMeeting?.joinUrl === joinUrl);
    return { status: 200, body: { value: found.map((e) => onlineMeetingOf(e, input.organizerId)) } };
  }
  const meetingId = decodeURIComponent(rest[1]!);
  const eventId = eventIdOf(meetingId);
  if (!eventId || !(await input.organizerEvents()).some((e) => e.id === eventId && (e.doc as { isOnlineMeeting?: boolean }).isOnlineMeeting === true)) return itemNotFound();
  if (rest[2] !== 'attendanceReports') return graphError(400, 'BadRequest', `Resource not found for the segment '${rest[2] ?? ''}'.`);
  const reports = await input.attendance.reports(meetingId);
  if (rest.length === 3) {
    return { status: 200, body: { value: reports.map((r) => ({ id: r.id, totalParticipantCount: r.attendees.length, meetingStartDateTime: iso(r.start), meetingEndDateTime: iso(r.end) })) } };
  }
  const report = reports.find((r) => r.id === decodeURIComponent(rest[3]!));
  if (!report) return itemNotFound();
  if (rest.length === 5 && rest[4] === 'attendanceRecords') {
    const seconds = Math.round((report.end - report.start) / 1000);
    return {
      status: 200,
      body: {
        value: report.attendees.map((a) => ({
          emailAddress: a.email,
          totalAttendanceInSeconds: seconds,
          role: a.id === input.organizerId ? 'Organizer' : 'Presenter',
          identity: { id: a.id, displayName: a.displayName, tenantId: null },
          attendanceIntervals: [{ joinDateTime: iso(report.start), leaveDateTime: iso(report.end), durationInSeconds: seconds }],
        })),
      },
    };
  }
  return graphError(400, 'BadRequest', `Resource not found for the segment '${rest[4] ?? ''}'.`);
}
