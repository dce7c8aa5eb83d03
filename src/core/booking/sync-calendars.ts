/**
 * The calendar sync (a timer every 15 minutes, and Graph change notifications): finishes bookings
 * left pending, then reads the pair's booked meetings back from Outlook and records declines, moves
 * and cancellations made there. Reads go out batched.
 */
import { ok, type Result } from '../result';
import { DAY, type Instant } from '../time/interval';
import type { Meeting, OutlookChange } from '../relationships/meeting';
import { loadContext, type BookingContext } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { pendingMeetings } from './booking-rules';
import { noticeOutlookChanges, type MeetingObservation } from './outlook-changes';
import { reconcilePendingMany } from './reconcile-pending';
import { writeMeeting } from './write-meeting';
import { cancelMeetingsOfClosed } from './change-meeting';
import { refreshAgendasOf } from './refresh-agendas';
import type { ErrorCode } from '../error-codes';
import { needsPanel, pinMeetingPanels, type PanelRun } from './pin-meeting-panels';

export interface SyncCalendarsInput {
  readonly tenantId: string;
  readonly relationshipIds: readonly string[];
}

export interface SyncOutcome {
  readonly checked: number;
  /** Pending meetings this run finished booking. */
  readonly reconciled: readonly string[];
  readonly changes: readonly (OutlookChange & { readonly relationshipId: string; readonly meetingId: string })[];
  /** Meetings now outside the agreement's boundaries (moved there in Outlook). */
  readonly flagged: readonly string[];
  /** Meetings whose state could not be read this time (throttling, outage): the next run tries again. */
  readonly unread: readonly { readonly meetingId: string; readonly code: ErrorCode }[];
  /** Future invites whose agenda changed since it was written (goals, roadmap, action items), now updated. */
  readonly agendasUpdated: readonly string[];
  /** The mentoring panel in booked Teams meetings: pinned this run, or failed again (tried next run). Absent without the port. */
  readonly panels?: PanelRun;
}

/** Meetings are watched from a day before they start (late declines) until they end. */
const WATCH_BEFORE_END = DAY;

export async function syncCalendars(deps: BookingDeps, input: SyncCalendarsInput, now: Instant): Promise<Result<SyncOutcome>> {
  const loaded = await Promise.all(input.relationshipIds.map((id) => loadContext(deps, input.tenantId, id)));
  const contexts = loaded.flatMap((c) => (c.ok && c.value.aggregate.relationship.status === 'active' ? [c.value] : []));
  // A closed relationship keeps no future meetings: finish what closing could not cancel in Outlook.
  for (const c of loaded) {
    if (!c.ok || c.value.aggregate.relationship.status !== 'closed') continue;
    const cleaned = await cancelMeetingsOfClosed(deps, c.value, now);
    if (!cleaned.ok) return cleaned;
  }

  const reconciled: string[] = [];
  const pendingWork = contexts.map((context) => ({ context, meetings: pendingMeetings(context.aggregate.meetings) }));
  const results = await reconcilePendingMany(deps, pendingWork);
  const current = new Map<string, Meeting>();
  for (const context of contexts) for (const m of context.aggregate.meetings) current.set(m.id, m);
  for (const r of results) {
    if (!r.ok) return r;
    for (const m of r.value.meetings) {
      current.set(m.id, m);
      if (m.bookingState === 'booked') reconciled.push(m.id);
    }
  }

  const watched: { context: BookingContext; meeting: Meeting & { eventId: string } }[] = [];
  for (const context of contexts) {
    for (const original of context.aggregate.meetings) {
      const meeting = current.get(original.id)!;
      if (meeting.status === 'planned' && meeting.bookingState !== 'pending' && meeting.eventId !== undefined && meeting.end + WATCH_BEFORE_END > now) {
        watched.push({ context, meeting: meeting as Meeting & { eventId: string } });
      }
    }
  }
  const states = await deps.calendar.getEventStates(watched.map(({ meeting }) => ({ eventId: meeting.eventId, organizerId: meeting.organizerId })));

  const changes: SyncOutcome['changes'][number][] = [];
  const flagged: string[] = [];
  const unread: { meetingId: string; code: ErrorCode }[] = [];
  for (let i = 0; i < watched.length; i++) {
    const { context, meeting } = watched[i]!;
    const state = states[i]!;
    let observation: MeetingObservation;
    if (state.ok) observation = { kind: 'state', state: state.value };
    else if (state.error.code === 'GRAPH.NOT_FOUND') observation = { kind: 'gone' };
    else {
      unread.push({ meetingId: meeting.id, code: state.error.code });
      continue;
    }
    const relationshipId = context.aggregate.relationship.id;
    let noticed: OutlookChange[] = [];
    const written = await writeMeeting(deps, context.tenantId, relationshipId, meeting, (stored) => {
      const found = noticeOutlookChanges(stored, observation, context, context.agreement, now);
      noticed = found ? [...found.changes] : [];
      return found?.meeting;
    });
    if (!written.ok) return written;
    for (const change of noticed) changes.push({ ...change, relationshipId, meetingId: meeting.id });
    current.set(meeting.id, written.value);
    if (written.value.outsideBoundaries && written.value.status === 'planned') flagged.push(meeting.id);
  }
  const agendas = await refreshAgendasOf(
    deps,
    contexts.map((context) => ({ context, meetings: context.aggregate.meetings.map((m) => current.get(m.id) ?? m) })),
    now,
  );
  if (!agendas.ok) return agendas;
  const panels = await pinPanelsOf(deps, contexts, current, now);
  if (!panels.ok) return panels;
  return ok({ checked: watched.length, reconciled, changes, flagged, unread, agendasUpdated: agendas.value.updated, ...(panels.value ? { panels: panels.value } : {}) });
}

/** Meetings whose panel a booking could not pin (or that were booked by this run) get it now. */
async function pinPanelsOf(deps: BookingDeps, contexts: readonly BookingContext[], current: ReadonlyMap<string, Meeting>, now: Instant): Promise<Result<PanelRun | undefined>> {
  const { meetingPanels } = deps;
  if (!meetingPanels) return ok(undefined);
  const pinned: string[] = [];
  const failed: PanelRun['failed'][number][] = [];
  for (const context of contexts) {
    if (!context.aggregate.meetings.some((m) => needsPanel(current.get(m.id) ?? m, now))) continue;
    // Re-read: the Outlook sync and the agenda refresh above wrote new versions of these meetings.
    const meetings = await deps.repos.relationships.meetings.list(context.tenantId, context.aggregate.relationship.id);
    if (!meetings.ok) return meetings;
    const wanted = meetings.value.filter((m) => current.has(m.id));
    const run = await pinMeetingPanels({ repos: deps.repos, meetingPanels }, context.tenantId, context.aggregate.relationship.id, wanted, now);
    if (!run.ok) return run;
    pinned.push(...run.value.pinned);
    failed.push(...run.value.failed);
  }
  return ok({ pinned, failed });
}
