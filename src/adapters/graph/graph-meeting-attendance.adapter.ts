/**
 * Who joined an online meeting, over Microsoft Graph v1.0 (app-only: OnlineMeetings.Read.All to find
 * the meeting by its join URL, OnlineMeetingArtifact.Read.All for its attendance reports; both need
 * an application access policy granted for the organizer):
 *   GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '{joinUrl}'
 *   GET /users/{organizer}/onlineMeetings/{id}/attendanceReports
 *   GET /users/{organizer}/onlineMeetings/{id}/attendanceReports/{reportId}/attendanceRecords
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { MeetingAttendancePort } from '../../core/ports/meeting-attendance';
import { fail, ok, type Result } from '../../core/result';
import { fromThrown, graphInvalidResponse } from './graph-errors';

const OnlineMeetings = z.looseObject({ value: z.array(z.looseObject({ id: z.string(), joinWebUrl: z.string().nullish(), chatInfo: z.looseObject({ threadId: z.string().nullish() }).nullish() })) });
const Reports = z.looseObject({ value: z.array(z.looseObject({ id: z.string() })) });
const Records = z.looseObject({
  value: z.array(z.looseObject({ identity: z.looseObject({ id: z.string().nullish() }).nullish(), totalAttendanceInSeconds: z.number().nullish() })),
  '@odata.nextLink': z.string().optional(),
});

const seg = (s: string) => encodeURIComponent(s);

/** The online meeting behind a join URL: its id and its chat's thread id. */
export interface OnlineMeetingRef {
  readonly id: string;
  readonly chatThreadId?: string;
}

export class GraphMeetingAttendance implements MeetingAttendancePort {
  constructor(private readonly client: Client) {}

  private async get<T>(path: string, schema: z.ZodType<T>, operation: string): Promise<Result<T>> {
    let raw: unknown;
    try {
      raw = await this.client.api(path).get();
    } catch (cause) {
      return fromThrown(cause, operation);
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? ok(parsed.data) : graphInvalidResponse(operation, parsed.error.issues[0]?.message ?? 'unexpected shape');
  }

  async findOnlineMeeting(organizerId: string, joinUrl: string): Promise<Result<OnlineMeetingRef>> {
    // OData string literals double their single quotes.
    const filter = encodeURIComponent(`JoinWebUrl eq '${joinUrl.replace(/'/g, "''")}'`);
    const found = await this.get(`/users/${seg(organizerId)}/onlineMeetings?$filter=${filter}`, OnlineMeetings, 'find the online meeting');
    if (!found.ok) return found;
    const meeting = found.value.value[0];
    if (!meeting) return fail('ATTENDANCE.MEETING_NOT_FOUND', 'Teams has no online meeting with that join link for its organizer.');
    return ok({ id: meeting.id, ...(meeting.chatInfo?.threadId ? { chatThreadId: meeting.chatInfo.threadId } : {}) });
  }

  async whoJoined(organizerId: string, joinUrl: string): Promise<Result<string[]>> {
    const meeting = await this.findOnlineMeeting(organizerId, joinUrl);
    if (!meeting.ok) return meeting;
    const base = `/users/${seg(organizerId)}/onlineMeetings/${seg(meeting.value.id)}/attendanceReports`;
    const reports = await this.get(base, Reports, 'list attendance reports');
    if (!reports.ok) return reports;
    // Teams writes a session's report some minutes after it ends; a meetingEnd means a session took place.
    if (reports.value.value.length === 0) {
      return fail('ATTENDANCE.NOT_YET_AVAILABLE', 'Teams has not written the attendance report for this meeting yet.');
    }
    const joined = new Set<string>();
    // A meeting held twice on one link has a report per session: anyone in any of them joined.
    for (const report of reports.value.value) {
      let next: string | undefined = `${base}/${seg(report.id)}/attendanceRecords`;
      while (next) {
        const page: Result<z.infer<typeof Records>> = await this.get(next, Records, 'list attendance records');
        if (!page.ok) return page;
        for (const r of page.value.value) if (r.identity?.id && (r.totalAttendanceInSeconds ?? 0) > 0) joined.add(r.identity.id);
        next = page.value['@odata.nextLink'];
      }
    }
    return ok([...joined]);
  }
}
