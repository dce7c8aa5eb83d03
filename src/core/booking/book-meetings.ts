/**
 * Book the next meeting, or the series the agreement asks for. The request states a target ("one
 * upcoming meeting", "n upcoming meetings"), not an increment, so a retried request plans nothing
 * new: it finds the meetings the first attempt recorded and only finishes what is still pending.
 */
import { fail, ok, type DomainError, type Result } from '../result';
import { DAY, type Instant, type Interval } from '../time/interval';
import type { CalendarPerson, PersonCalendar } from '../ports/calendar';
import { STORAGE_ALREADY_EXISTS } from '../ports/repositories';
import type { Meeting } from '../relationships/meeting';
import { planSeries } from '../scheduling/plan-series';
import { agreementRange } from '../scheduling/availability';
import { cadencePeriodMinDays } from '../agreement/cadence';
import type { NoSlotReason } from '../scheduling/no-slot-reason';
import type { UseCaseCall } from '../usecases/principal';
import { loadContext, loadContextForPerson, type BookingContext } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { liveMeetings, nextMeetingSlots, pendingMeetings, upcomingMeetings } from './booking-rules';
import { reconcilePendingMany } from './reconcile-pending';
import { inParallel, STORAGE_CONCURRENCY } from './in-parallel';
import type { ErrorCode } from '../error-codes';

export type BookingScope = 'next' | 'series';

export interface BookMeetingsInput {
  readonly relationshipId: string;
  readonly scope: BookingScope;
  /** For a series: how many meetings to have planned ahead (default: the agreement's remaining count). */
  readonly count?: number;
}

export interface UnplacedPeriod {
  readonly targetDate: string;
  readonly code: NoSlotReason['code'];
  readonly message: string;
}

export interface BookingOutcome {
  /** The pair's upcoming meetings after this call, earliest first. */
  readonly meetings: readonly Meeting[];
  /** Meetings this call planned (new rows). */
  readonly plannedNow: readonly string[];
  /** Still pending: the calendar was throttled or unreachable; the sync timer finishes them. */
  readonly stillPending: readonly { readonly meetingId: string; readonly code: ErrorCode }[];
  readonly failed: readonly { readonly meetingId: string; readonly code: ErrorCode; readonly message: string }[];
  /** Cadence periods in which no slot fits, with the reason. */
  readonly unplaced: readonly UnplacedPeriod[];
}

export async function bookMeetings(deps: BookingDeps, call: UseCaseCall<BookMeetingsInput>): Promise<Result<BookingOutcome>> {
  const count = call.input.count;
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 52)) {
    return fail('BOOKING.INVALID_COUNT', 'Ask for between 1 and 52 meetings ahead.', { field: 'count' });
  }
  const context = await loadContextForPerson(deps, call.principal, call.input.relationshipId);
  if (!context.ok) return context;
  // Watched by the sync timer before any calendar call: a crash after Graph's create is finished there.
  if (deps.syncRegister) {
    const recorded = await deps.syncRegister.record(call.principal.tenantId, call.input.relationshipId);
    if (!recorded.ok) return recorded;
  }
  const [result] = await bookForContexts(deps, [context.value], call.now, call.input);
  const outcome = result!;
  if (!outcome.ok) return outcome;
  const meetings = await deps.repos.relationships.meetings.list(call.principal.tenantId, call.input.relationshipId);
  if (!meetings.ok) return meetings;
  return ok({ ...outcome.value, meetings: upcomingMeetings(meetings.value, call.now) });
}

export interface CohortBookingInput {
  readonly tenantId: string;
  readonly relationshipIds: readonly string[];
  readonly scope: BookingScope;
  readonly count?: number;
}

/**
 * Many pairs at once (a programme's cohort, the timer): one free/busy read for everyone (the
 * calendar groups up to 100 people per call) and the creates of all pairs in shared batches.
 */
export async function bookCohort(deps: BookingDeps, input: CohortBookingInput, now: Instant): Promise<Result<BookingOutcome>[]> {
  const contexts = await Promise.all(input.relationshipIds.map((id) => loadContext(deps, input.tenantId, id)));
  const loaded = contexts.flatMap((c) => (c.ok ? [c.value] : []));
  const booked = await bookForContexts(deps, loaded, now, { scope: input.scope, ...(input.count !== undefined ? { count: input.count } : {}) });
  let k = 0;
  return contexts.map((c) => (c.ok ? booked[k++]! : c));
}

interface Planned {
  readonly context: BookingContext;
  readonly reconcile: Meeting[];
  readonly unplaced: UnplacedPeriod[];
  readonly plannedNow: string[];
  readonly failure?: { readonly ok: false; readonly error: DomainError };
}

function neededUntil(context: BookingContext, missing: number, now: Instant): Instant {
  const from = Math.max(now, agreementRange(context.agreement).start);
  return from + cadencePeriodMinDays(context.agreement.cadence) * (missing + 2) * DAY;
}

function wantedAhead(context: BookingContext, scope: BookingScope, count: number | undefined, previous: number): number {
  if (scope === 'next') return 1;
  if (count !== undefined) return count;
  const { meetingCount } = context.agreement;
  return meetingCount !== undefined ? Math.max(0, meetingCount - previous) : context.settings.seriesAhead;
}

async function bookForContexts(
  deps: BookingDeps,
  contexts: readonly BookingContext[],
  now: Instant,
  request: { readonly scope: BookingScope; readonly count?: number },
): Promise<Result<BookingOutcome>[]> {
  const needs = contexts.map((context) => {
    const meetings = context.aggregate.meetings;
    const upcoming = upcomingMeetings(meetings, now);
    const previous = liveMeetings(meetings).filter((m) => !upcoming.includes(m) && m.bookingState !== 'failed');
    const missing = Math.max(0, wantedAhead(context, request.scope, request.count, previous.length) - upcoming.length);
    return { context, upcoming, previous, missing };
  });

  const toPlan = needs.filter((n) => n.missing > 0);
  let calendars = new Map<string, PersonCalendar>();
  const horizonDays = contexts[0]?.settings.horizonDays ?? 120;
  // Free/busy only as far as the requested meetings need (two spare periods for busy weeks): a weekly
  // series of six reads 8 weeks, one getSchedule window, instead of the whole horizon.
  const horizonEnd = toPlan.reduce((end, n) => Math.max(end, neededUntil(n.context, n.missing, now)), now);
  const horizon: Interval = { start: now, end: Math.min(now + horizonDays * DAY, horizonEnd) };
  if (toPlan.length > 0) {
    const people = new Map<string, CalendarPerson>();
    for (const { context } of toPlan) for (const p of [context.mentor, context.mentee]) people.set(p.personId, p);
    const read = await deps.calendar.getCalendars({ requesterId: toPlan[0]!.context.organizer.personId, people: [...people.values()], range: horizon });
    if (!read.ok) return contexts.map(() => read);
    calendars = new Map(read.value.map((c) => [c.personId, c]));
  }

  // Meetings planned earlier in this run are busy time for the later pairs that share a person.
  const plannedThisRun = new Map<string, Interval[]>();
  const planned: Planned[] = [];
  const creates: { planIndex: number; meeting: Omit<Meeting, 'version'> }[] = [];
  for (const need of needs) {
    const { context } = need;
    const reconcile = pendingMeetings(context.aggregate.meetings);
    if (need.missing === 0) {
      planned.push({ context, reconcile, unplaced: [], plannedNow: [] });
      continue;
    }
    const withRun = (c: PersonCalendar | undefined): PersonCalendar | undefined =>
      c && { ...c, busy: [...c.busy, ...(plannedThisRun.get(c.personId) ?? [])] };
    const mentor = withRun(calendars.get(context.mentor.personId));
    const mentee = withRun(calendars.get(context.mentee.personId));
    if (!mentor || !mentee) {
      planned.push({ context, reconcile, unplaced: [], plannedNow: [], failure: fail('GRAPH.INVALID_RESPONSE', 'The calendar did not return both people’s free/busy.') });
      continue;
    }
    const plan = planSeries({
      agreement: context.agreement,
      calendars: { mentor, mentee },
      now,
      horizon,
      plannedMeetings: need.upcoming.map((m) => ({ start: m.start, end: m.end })),
      previousMeetings: need.previous.map((m) => ({ start: m.start, end: m.end })),
      count: need.missing,
    });
    const unplaced = plan.entries.flatMap((e) => (e.ok ? [] : [{ targetDate: e.period.targetDate, code: e.reason.code, message: e.reason.message }]));
    if (plan.meetings.length === 0 && need.upcoming.length === 0 && reconcile.length === 0) {
      const reason = plan.reason ?? plan.entries.find((e): e is Extract<typeof e, { ok: false }> => !e.ok)?.reason;
      const error = reason
        ? fail(reason.code, reason.message, { details: { ...reason } })
        : fail('SCHEDULING.HORIZON_FULLY_BUSY', `No slot inside the agreement in the next ${horizonDays} days.`);
      planned.push({ context, reconcile, unplaced, plannedNow: [], failure: error });
      continue;
    }
    const relationshipId = context.aggregate.relationship.id;
    const slots = nextMeetingSlots(relationshipId, context.aggregate.meetings, plan.meetings.length);
    plan.meetings.forEach((time, i) => {
      const slot = slots[i]!;
      creates.push({ planIndex: planned.length, meeting: { id: slot.id, number: slot.number, start: time.start, end: time.end, status: 'planned', organizerId: context.organizer.personId, bookingState: 'pending' } });
      for (const p of [context.mentor.personId, context.mentee.personId]) plannedThisRun.set(p, [...(plannedThisRun.get(p) ?? []), time]);
    });
    planned.push({ context, reconcile, unplaced, plannedNow: [] });
  }

  // Every planned meeting is recorded pending before any calendar call.
  const recorded = await inParallel(creates, STORAGE_CONCURRENCY, async ({ planIndex, meeting }): Promise<Result<void>> => {
    const target = planned[planIndex]!;
    const relationshipId = target.context.aggregate.relationship.id;
    const created = await deps.repos.relationships.meetings.create(target.context.tenantId, relationshipId, meeting);
    if (created.ok) {
      target.reconcile.push(created.value);
      target.plannedNow.push(created.value.id);
      return ok(undefined);
    }
    if (created.error.code !== STORAGE_ALREADY_EXISTS) return created;
    // A concurrent request planned this meeting first: finish its booking instead of planning another.
    const existing = await deps.repos.relationships.meetings.get(target.context.tenantId, relationshipId, meeting.id);
    if (!existing.ok) return existing;
    if (existing.value.bookingState === 'pending' && !target.reconcile.some((m) => m.id === meeting.id)) target.reconcile.push(existing.value);
    return ok(undefined);
  });
  const storageFailure = recorded.find((r) => !r.ok);
  if (storageFailure && !storageFailure.ok) return contexts.map(() => storageFailure);
  for (const p of planned) p.reconcile.sort((a, b) => a.number - b.number);

  const reconciled = await reconcilePendingMany(
    deps,
    planned.map((p) => ({ context: p.context, meetings: p.failure ? [] : p.reconcile })),
  );
  return planned.map((p, i): Result<BookingOutcome> => {
    if (p.failure) return p.failure;
    const r = reconciled[i]!;
    if (!r.ok) return r;
    const byId = new Map(p.context.aggregate.meetings.map((m) => [m.id, m]));
    for (const m of r.value.meetings) byId.set(m.id, m);
    return ok({
      meetings: upcomingMeetings([...byId.values()], now),
      plannedNow: p.plannedNow,
      stillPending: r.value.stillPending,
      failed: r.value.failed,
      unplaced: p.unplaced,
    });
  });
}
