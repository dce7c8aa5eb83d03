/**
 * What people did to a meeting in Outlook, read from the event's state: a decline, a move, a
 * cancellation. The product records them for the relationship's health and never fights them: a
 * meeting moved outside the agreed boundaries is flagged for the pair, not moved back.
 */
import type { Agreement } from '../agreement/agreement';
import type { CalendarEventState, CalendarPerson } from '../ports/calendar';
import type { Meeting, MeetingResponse, OutlookChange } from '../relationships/meeting';
import type { Instant } from '../time/interval';
import { insideBoundaries } from './booking-rules';

export type MeetingObservation = { readonly kind: 'state'; readonly state: CalendarEventState } | { readonly kind: 'gone' };

export interface NoticedChanges {
  readonly meeting: Omit<Meeting, 'version'>;
  readonly changes: readonly OutlookChange[];
}

/** The meeting as Outlook now has it, or undefined when nothing worth writing changed. */
export function noticeOutlookChanges(
  meeting: Meeting,
  observation: MeetingObservation,
  pair: { readonly mentor: CalendarPerson; readonly mentee: CalendarPerson },
  agreement: Agreement,
  now: Instant,
): NoticedChanges | undefined {
  const { version: _version, ...base } = meeting;
  if (observation.kind === 'gone' || observation.state.isCancelled) {
    const change: OutlookChange = { kind: 'cancelled', personId: meeting.organizerId, noticedAt: now };
    return {
      meeting: { ...base, status: 'cancelled', cancelledAt: now, cancelReason: 'Cancelled in Outlook', outlookChanges: [...(meeting.outlookChanges ?? []), change], lastSyncedAt: now },
      changes: [change],
    };
  }
  const { state } = observation;
  const changes: OutlookChange[] = [];
  let next: Omit<Meeting, 'version'> = base;

  if (state.start !== meeting.start || state.end !== meeting.end) {
    const outside = !insideBoundaries(agreement, { start: state.start, end: state.end });
    // "Send anyway": the guard warned about exactly this time before the organizer sent it. A warning
    // about another time (moved again afterwards) does not count.
    const sentAnyway = outside && state.warnedTime?.start === state.start && state.warnedTime.end === state.end;
    changes.push({ kind: 'moved', personId: meeting.organizerId, noticedAt: now, start: state.start, end: state.end, ...(sentAnyway ? { sentAnyway: true } : {}) });
    const { agreedMove: _agreed, ...rest } = next;
    next = { ...rest, start: state.start, end: state.end, outsideBoundaries: outside && !sentAnyway, ...(sentAnyway ? { agreedMove: true } : {}) };
  }

  const byEmail = new Map([pair.mentor, pair.mentee].map((p) => [p.email.toLowerCase(), p.personId]));
  const responses: MeetingResponse[] = state.attendees.flatMap((a) => {
    const personId = byEmail.get(a.email);
    return personId ? [{ personId, response: a.response }] : [];
  });
  const before = new Map((meeting.responses ?? []).map((r) => [r.personId, r.response]));
  for (const r of responses) {
    if (r.response === 'declined' && before.get(r.personId) !== 'declined') changes.push({ kind: 'declined', personId: r.personId, noticedAt: now });
  }
  // "No answer yet" reads the same however Outlook spells it, and before the first read: a sync that
  // only learns that nobody has answered writes nothing (no new version under the person's feet).
  const answer = (r: MeetingResponse['response'] | undefined) => (r === undefined || r === 'none' || r === 'notResponded' || r === 'organizer' ? 'none' : r);
  const responsesChanged = responses.some((r) => answer(before.get(r.personId)) !== answer(r.response)) || [...before].some(([personId, r]) => answer(r) !== 'none' && !responses.some((x) => x.personId === personId));
  if (changes.length === 0 && !responsesChanged) return undefined;
  return {
    meeting: { ...next, responses, outlookChanges: [...(meeting.outlookChanges ?? []), ...changes], lastSyncedAt: now },
    changes,
  };
}
