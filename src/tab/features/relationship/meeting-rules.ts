import type { CheckInDto, MeetingDto } from '../../../contracts';

/** Meetings that have started, were not cancelled and have no check-in of mine yet, oldest first. */
export function meetingsAwaitingMyCheckIn(meetings: readonly MeetingDto[], checkIns: readonly CheckInDto[], myId: string, now: number): MeetingDto[] {
  const answered = new Set(checkIns.filter((c) => c.authorId === myId).map((c) => c.meetingId));
  return meetings
    .filter((m) => m.status !== 'cancelled' && Date.parse(m.start) <= now && !answered.has(m.id))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Planned meetings that have not ended yet, soonest first. */
export function upcomingOf(meetings: readonly MeetingDto[], now: number): MeetingDto[] {
  return meetings.filter((m) => m.status === 'planned' && Date.parse(m.end) > now).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** Meetings that have ended (held or planned in the past), newest first; cancelled ones are left out. */
export function pastOf(meetings: readonly MeetingDto[], now: number): MeetingDto[] {
  return meetings.filter((m) => m.status !== 'cancelled' && Date.parse(m.end) <= now).sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
}
