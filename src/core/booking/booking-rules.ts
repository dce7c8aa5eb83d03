/**
 * The pure rules of booking: deterministic meeting ids, numbering, what counts as planned, whether a
 * time is inside the agreement's boundaries, and the agenda fingerprint.
 */
import type { Agreement } from '../agreement/agreement';
import type { Meeting } from '../relationships/meeting';
import { agreementRange } from '../scheduling/availability';
import { expandWeeklyWindows } from '../time/weekly-windows';
import { intersectIntervals } from '../time/interval-algebra';
import type { Instant, Interval } from '../time/interval';
import type { ErrorCode } from '../error-codes';

/**
 * The id of meeting `number` of a relationship. Deterministic, so that two requests planning the
 * same meeting write the same row (the second finds it) and the calendar's transaction id, derived
 * from it, is the same on every retry. It carries the relationship id because transaction ids are
 * unique per tenant. A number whose meeting was cancelled is planned again under a new revision.
 */
export function meetingIdFor(relationshipId: string, number: number, revision: number): string {
  const base = `${relationshipId}.m${String(number).padStart(3, '0')}`;
  return revision <= 1 ? base : `${base}r${revision}`;
}

/** Meetings that still take place: planned or held, not cancelled. */
export function liveMeetings(meetings: readonly Meeting[]): Meeting[] {
  return meetings.filter((m) => m.status !== 'cancelled');
}

/** Planned meetings that have not started yet (pending ones included: they are being booked). */
export function upcomingMeetings(meetings: readonly Meeting[], now: Instant): Meeting[] {
  return meetings.filter((m) => m.status === 'planned' && m.start > now && m.bookingState !== 'failed').sort((a, b) => a.start - b.start);
}

/** Meetings whose event may exist in the calendar without our record of it. */
export function pendingMeetings(meetings: readonly Meeting[]): Meeting[] {
  return meetings.filter((m) => m.status === 'planned' && m.bookingState === 'pending').sort((a, b) => a.number - b.number);
}

/** Numbers for `count` new meetings after the live ones, each with its id revision. */
export function nextMeetingSlots(relationshipId: string, meetings: readonly Meeting[], count: number): { number: number; id: string }[] {
  const highest = liveMeetings(meetings).reduce((max, m) => Math.max(max, m.number), 0);
  const out: { number: number; id: string }[] = [];
  for (let k = 1; k <= count; k++) {
    const number = highest + k;
    const used = meetings.filter((m) => m.number === number).length;
    out.push({ number, id: meetingIdFor(relationshipId, number, used + 1) });
  }
  return out;
}

/**
 * Whether `time` lies inside both people's meeting windows (each in their own zone) and inside the
 * agreement's dates. Busy time and notice are the planner's business; this is the line a meeting
 * moved in Outlook must not cross.
 */
export function insideBoundaries(agreement: Agreement, time: Interval): boolean {
  const range = agreementRange(agreement);
  if (time.start < range.start || time.end > range.end) return false;
  const mentor = expandWeeklyWindows(agreement.mentor.meetingWindows, agreement.mentor.timeZone, time);
  const mentee = expandWeeklyWindows(agreement.mentee.meetingWindows, agreement.mentee.timeZone, time);
  return intersectIntervals(mentor, mentee).some((w) => w.start <= time.start && w.end >= time.end);
}

/** FNV-1a over the invite's subject and body: enough to tell an unchanged agenda, not a security hash. */
export function agendaDigest(subject: string, html: string): string {
  let h = 0x811c9dc5;
  const text = `${subject}\u0000${html}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${h.toString(16).padStart(8, '0')}-${text.length.toString(36)}`;
}

/** Graph throttling and outages: the call may be retried, so the meeting stays pending. */
export function isTransientCalendarError(code: ErrorCode): boolean {
  return code === 'GRAPH.THROTTLED' || code === 'GRAPH.UNAVAILABLE' || code === 'GRAPH.AUTH_FAILED';
}
