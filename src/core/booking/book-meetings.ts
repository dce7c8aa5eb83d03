/**
 * Book the next meeting, or the series the agreement asks for. The request states a target ("one
 * upcoming meeting", "n upcoming meetings"), not an increment, so a retried request plans nothing
 * new: it finds the meetings the first attempt recorded and only finishes what is still pending.
 */
import { fail, ok, type DomainError, type Result } from '../result';
import { DAY, HOUR, MINUTE, type Instant, type Interval } from '../time/interval';
import { expandWeeklyWindows } from '../time/weekly-windows';
import type { CalendarPerson, PersonCalendar } from '../ports/calendar';
import { STORAGE_ALREADY_EXISTS } from '../ports/repositories';
import type { Meeting } from '../relationships/meeting';
import { planSeries } from '../scheduling/plan-series';
import { formatLocalDate } from '../time/civil-date';
import { agreementRange } from '../scheduling/availability';
import { cadencePeriodMinDays } from '../agreement/cadence';
import type { NoSlotReason } from '../scheduling/no-slot-reason';
import type { UseCaseCall } from '../usecases/principal';
import { loadContext, loadContextForPerson, type BookingContext } from './booking-context';
import { bookingSettings, DEFAULT_BOOKING_SETTINGS, type BookingDeps } from './booking-ports';
import { relationshipNotFound } from '../usecases/relationship-access';
import { liveMeetings, nextMeetingSlots, pendingMeetings, upcomingMeetings } from './booking-rules';
import { reconcilePendingMany } from './reconcile-pending';
import { inParallel, STORAGE_CONCURRENCY } from './in-parallel';
import { watchMailbox } from './calendar-subscriptions';
import { pinMeetingPanels } from './pin-meeting-panels';
import { boundaryMessage, firstBrokenBoundary, localTimesOf } from './boundary-check';
import type { ErrorCode } from '../error-codes';

export type BookingScope = 'next' | 'series';

export interface BookMeetingsInput {
  readonly relationshipId: string;
  readonly scope: BookingScope;
  /** For a series: how many meetings to have planned ahead (default: the agreement's remaining count). */
  readonly count?: number;
  /**
   * For the next meeting only: the start the person chose (one of the proposed times) instead of
   * letting booking pick. It passes the same boundary check as a moved meeting (dates, notice, both
   * people's windows, working hours when the agreement respects them, buffers around both calendars
   * and the pair's other meetings, the series' order).
   */
  readonly start?: Instant;
}

export interface UnplacedPeriod {
  readonly targetDate: string;
  readonly code: NoSlotReason['code'];
  readonly message: string;
}

function deferredMeeting(targetDate: string, horizonDays: number): DeferredMeeting {
  return {
    targetDate,
    code: 'BOOKING.DEFERRED_BEYOND_HORIZON',
    message: `Planned for around ${targetDate}, more than ${horizonDays} days ahead: it is booked automatically once that date is within ${horizonDays} days. Nothing to do.`,
  };
}

function afterEndDate(targetDate: string, endDate: string | undefined): UnplacedPeriod {
  return {
    targetDate,
    code: 'SCHEDULING.END_DATE_REACHED',
    message: `This meeting would fall around ${targetDate}, after the agreement's end date ${endDate ?? ''}. Extend the end date or agree fewer meetings.`,
  };
}

/** A meeting the series asks for whose period lies beyond the planning horizon: booked by the sync timer once in range. */
export interface DeferredMeeting {
  readonly targetDate: string;
  readonly code: 'BOOKING.DEFERRED_BEYOND_HORIZON';
  readonly message: string;
}

/**
 * The count invariant: every meeting asked for is accounted for once —
 * `meetings.length (booked + pending) + failed.length + unplaced.length + deferred.length === requested`.
 */
export interface BookingOutcome {
  /** How many upcoming meetings this call aimed for (the series' remaining count, `count`, or 1 for `next`; never fewer than were already upcoming). */
  readonly requested: number;
  /** The pair's upcoming meetings after this call, earliest first. */
  readonly meetings: readonly Meeting[];
  /** Meetings this call planned (new rows). */
  readonly plannedNow: readonly string[];
  /** Still pending: the calendar was throttled or unreachable; the sync timer finishes them. */
  readonly stillPending: readonly { readonly meetingId: string; readonly code: ErrorCode }[];
  readonly failed: readonly { readonly meetingId: string; readonly code: ErrorCode; readonly message: string }[];
  /** Cadence periods in which no slot fits, or meetings the end date leaves out, with the true reason. */
  readonly unplaced: readonly UnplacedPeriod[];
  /** Meetings beyond the planning horizon, with their target dates. */
  readonly deferred: readonly DeferredMeeting[];
}

export async function bookMeetings(deps: BookingDeps, call: UseCaseCall<BookMeetingsInput>): Promise<Result<BookingOutcome>> {
  const count = call.input.count;
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 52)) {
    return fail('BOOKING.INVALID_COUNT', 'Ask for between 1 and 52 meetings ahead.', { field: 'count' });
  }
  if (call.input.start !== undefined && call.input.scope !== 'next') {
    return fail('BOOKING.START_ONLY_FOR_NEXT', 'A chosen time books the next meeting only; book the series without one.', { field: 'start' });
  }
  const context = await loadContextForPerson(deps, call.principal, call.input.relationshipId);
  if (!context.ok) return context;
  let at: Interval | undefined;
  if (call.input.start !== undefined) {
    const chosen = await checkChosenTime(deps, context.value, call.input.start, call.principal.userId, call.now);
    if (!chosen.ok) return chosen;
    at = chosen.value;
  }
  // Watched by the sync timer before any calendar call: a crash after Graph's create is finished there.
  if (deps.syncRegister) {
    const recorded = await deps.syncRegister.record(call.principal.tenantId, call.input.relationshipId);
    if (!recorded.ok) return recorded;
  }
  const [result] = await bookForContexts(deps, [context.value], call.now, { ...call.input, ...(at ? { at } : {}) });
  const outcome = result!;
  if (!outcome.ok) return outcome;
  // Only a series call plans the whole series; "next" must not erase what the series left deferred.
  if (call.input.scope === 'series') {
    const remembered = await rememberDeferred(deps, call.principal.tenantId, call.input.relationshipId, outcome.value);
    if (!remembered.ok) return remembered;
  }
  await watchOrganizers(deps, call.principal.tenantId, [outcome.value], call.now);
  await pinPanelsAfterBooking(deps, call.principal.tenantId, call.input.relationshipId, outcome.value, call.now);
  const meetings = await deps.repos.relationships.meetings.list(call.principal.tenantId, call.input.relationshipId);
  if (!meetings.ok) return meetings;
  return ok({ ...outcome.value, meetings: upcomingMeetings(meetings.value, call.now) });
}

/**
 * Outlook changes within a minute from the first booking on: the mailboxes that organize booked
 * meetings are subscribed now, not at the subscription timer's next run (idempotent: a mailbox
 * already watched costs one storage read, and a retried booking never subscribes twice). A failure
 * here is not the booking's, so it does not change the answer: the timer subscribes within five
 * minutes, and the delta and sync timers read the mailbox meanwhile.
 */
async function watchOrganizers(deps: BookingDeps, tenantId: string, outcomes: readonly BookingOutcome[], now: Instant): Promise<void> {
  if (!deps.watch) return;
  const mailboxes = new Set(outcomes.flatMap((o) => o.meetings.filter((m) => m.status === 'planned' && m.eventId && m.end > now).map((m) => m.organizerId)));
  for (const mailboxId of mailboxes) await watchMailbox(deps.watch, { tenantId, mailboxId }, now);
}

/**
 * The mentoring panel in the meetings just booked, once the booking itself is done: a failure here is
 * recorded on the meeting and left to the sync timer, and never changes the booking's answer.
 */
async function pinPanelsAfterBooking(deps: BookingDeps, tenantId: string, relationshipId: string, outcome: BookingOutcome, now: Instant): Promise<void> {
  if (!deps.meetingPanels) return;
  await pinMeetingPanels({ repos: deps.repos, meetingPanels: deps.meetingPanels }, tenantId, relationshipId, outcome.meetings, now);
}

/** The sync timer books deferred meetings once they come within range; it learns of them here. */
async function rememberDeferred(deps: BookingDeps, tenantId: string, relationshipId: string, outcome: BookingOutcome): Promise<Result<void>> {
  if (!deps.syncRegister) return ok(undefined);
  return deps.syncRegister.recordDeferred(
    tenantId,
    relationshipId,
    outcome.deferred.map((d) => d.targetDate),
    outcome.unplaced.map((u) => ({ targetDate: u.targetDate, code: u.code, message: u.message })),
  );
}

/** Reading needs no calendar: storage and the register only. */
export type UnbookedDeps = Pick<BookingDeps, 'repos' | 'syncRegister' | 'settings'>;

export interface UnbookedMeetings {
  readonly deferred: readonly DeferredMeeting[];
  readonly unplaced: readonly UnplacedPeriod[];
}

/**
 * The series' meetings that are not in the calendar, as the pair's last booking (or the timer's)
 * left them: deferred beyond the planning horizon (booked automatically later) and unplaced (no slot,
 * with the reason and what to do). Dates already past are left out; a closed relationship has none.
 */
export async function readUnbookedMeetings(deps: UnbookedDeps, call: UseCaseCall<{ readonly relationshipId: string }>): Promise<Result<UnbookedMeetings>> {
  const relationship = await deps.repos.relationships.get(call.principal.tenantId, call.input.relationshipId);
  if (!relationship.ok) return relationship.error.code === 'STORAGE.NOT_FOUND' ? relationshipNotFound() : relationship;
  const { mentorId, menteeId, status } = relationship.value;
  if (mentorId !== call.principal.userId && menteeId !== call.principal.userId) return relationshipNotFound();
  const none: UnbookedMeetings = { deferred: [], unplaced: [] };
  if (status === 'closed' || !deps.syncRegister) return ok(none);
  const recorded = await deps.syncRegister.readUnbooked(call.principal.tenantId, call.input.relationshipId);
  if (!recorded.ok) return recorded;
  if (!recorded.value) return ok(none);
  const today = formatLocalDate(Math.floor(call.now / DAY));
  const { horizonDays } = bookingSettings(deps);
  return ok({
    deferred: recorded.value.deferred.filter((d) => d >= today).map((d) => deferredMeeting(d, horizonDays)),
    unplaced: recorded.value.unplaced.filter((u) => u.targetDate >= today).map((u) => ({ ...u })),
  });
}

export interface DeferredBookingInput {
  readonly tenantId: string;
  /** Pairs with meetings deferred beyond the planning horizon, and how many. */
  readonly pairs: readonly { readonly relationshipId: string; readonly deferred: readonly string[] }[];
}

/**
 * The sync timer's part of the count invariant: for each pair with deferred meetings whose earliest
 * target date is now within the planning horizon, plan the upcoming meetings plus the deferred ones
 * (not more: a meeting cancelled meanwhile is not brought back), and remember what is still deferred.
 */
export async function bookDeferred(deps: BookingDeps, input: DeferredBookingInput, now: Instant): Promise<Result<BookingOutcome>[]> {
  const out: Result<BookingOutcome>[] = [];
  for (const pair of input.pairs) {
    const context = await loadContext(deps, input.tenantId, pair.relationshipId);
    if (!context.ok) {
      out.push(context);
      continue;
    }
    const { settings, aggregate } = context.value;
    const earliest = [...pair.deferred].sort()[0];
    const inRange = formatLocalDate(Math.floor((now + settings.horizonDays * DAY) / DAY));
    if (aggregate.relationship.status !== 'active' || earliest === undefined || earliest > inRange) continue;
    const upcoming = upcomingMeetings(aggregate.meetings, now).length;
    const [result] = await bookForContexts(deps, [context.value], now, { scope: 'series', count: Math.min(52, upcoming + pair.deferred.length) });
    if (result!.ok) {
      const remembered = await rememberDeferred(deps, input.tenantId, pair.relationshipId, result!.value);
      if (!remembered.ok) {
        out.push(remembered);
        continue;
      }
    }
    out.push(result!);
  }
  return out;
}

export interface CohortBookingInput {
  readonly tenantId: string;
  readonly relationshipIds: readonly string[];
  readonly scope: BookingScope;
  readonly count?: number;
}

/**
 * Many pairs at once (a programme's cohort, the timer): one free/busy read for everyone (the
 * calendar groups up to 100 people per call) and the creates of all pairs in shared batches. As for a
 * single pair, every pair is in the sync register before the first calendar call (a crash after
 * Graph's create is finished by the timer), and its deferred meetings are recorded for the timer.
 */
export async function bookCohort(deps: BookingDeps, input: CohortBookingInput, now: Instant): Promise<Result<BookingOutcome>[]> {
  const contexts: Result<BookingContext>[] = await Promise.all(
    input.relationshipIds.map(async (id): Promise<Result<BookingContext>> => {
      const context = await loadContext(deps, input.tenantId, id);
      if (!context.ok || !deps.syncRegister) return context;
      const recorded = await deps.syncRegister.record(input.tenantId, id);
      return recorded.ok ? context : recorded;
    }),
  );
  const loaded = contexts.flatMap((c) => (c.ok ? [c.value] : []));
  const booked = await bookForContexts(deps, loaded, now, { scope: input.scope, ...(input.count !== undefined ? { count: input.count } : {}) });
  let k = 0;
  const outcomes = contexts.map((c) => (c.ok ? booked[k++]! : c));
  const answered = await inParallel(outcomes, STORAGE_CONCURRENCY, async (outcome, i): Promise<Result<BookingOutcome>> => {
    if (!outcome.ok || input.scope !== 'series') return outcome;
    const remembered = await rememberDeferred(deps, input.tenantId, input.relationshipIds[i]!, outcome.value);
    return remembered.ok ? outcome : remembered;
  });
  await watchOrganizers(deps, input.tenantId, answered.flatMap((o) => (o.ok ? [o.value] : [])), now);
  return answered;
}

interface Planned {
  readonly context: BookingContext;
  readonly requested: number;
  readonly reconcile: Meeting[];
  readonly unplaced: UnplacedPeriod[];
  readonly deferred: DeferredMeeting[];
  readonly plannedNow: string[];
  readonly failure?: { readonly ok: false; readonly error: DomainError };
}

function neededUntil(context: BookingContext, missing: number, now: Instant): Instant {
  const from = Math.max(now, agreementRange(context.agreement).start);
  return from + cadencePeriodMinDays(context.agreement.cadence) * (missing + 2) * DAY;
}

function wantedAhead(context: BookingContext, scope: BookingScope, count: number | undefined, previous: number): number {
  if (scope === 'next') return 1;
  const { meetingCount } = context.agreement;
  const remaining = meetingCount !== undefined ? Math.max(0, meetingCount - previous) : undefined;
  if (count !== undefined) return remaining === undefined ? count : Math.min(count, remaining);
  return remaining ?? context.settings.seriesAhead;
}

/**
 * The chosen time of the next meeting, checked before anything is written. The same time asked again
 * (a retry, a second tab) finds its meeting and books nothing new; another time while a next meeting
 * is already planned is refused (moving that meeting is the way to change it).
 */
async function checkChosenTime(deps: BookingDeps, context: BookingContext, start: Instant, requesterId: string, now: Instant): Promise<Result<Interval>> {
  const { agreement } = context;
  const time = { start, end: start + agreement.meetingMinutes * MINUTE };
  const meetings = context.aggregate.meetings;
  const upcoming = upcomingMeetings(meetings, now);
  if (upcoming.some((m) => m.start === time.start)) return ok(time);
  if (upcoming.length > 0) {
    return fail('BOOKING.NEXT_ALREADY_PLANNED', `The next meeting (number ${upcoming[0]!.number}) is already planned; move it to this time instead of booking another.`, {
      field: 'start',
      details: { meetingId: upcoming[0]!.id },
    });
  }
  const buffer = agreement.bufferMinutes * MINUTE;
  const read = await deps.calendar.getCalendars({ requesterId, people: [context.mentor, context.mentee], range: { start: time.start - buffer - HOUR, end: time.end + buffer + HOUR } });
  if (!read.ok) return read;
  const [slot] = nextMeetingSlots(context.aggregate.relationship.id, meetings, 1);
  const names = { mentor: context.mentor.displayName, mentee: context.mentee.displayName };
  const others = liveMeetings(meetings).map((m) => ({ number: m.number, start: m.start, end: m.end }));
  const facts = { agreement, names, now, meeting: { id: slot!.id, number: slot!.number, start: time.start, end: time.end }, others, busy: read.value.flatMap((c) => c.busy) };
  const broken = firstBrokenBoundary(facts, time);
  if (broken) {
    const details = { boundary: broken.code, ...('role' in broken ? { role: broken.role } : {}), facts: broken.facts, localTimes: localTimesOf(agreement, names, time) };
    const message = boundaryMessage(broken, agreement, names, time);
    if (broken.code === 'BOUNDARY.BUFFER') return fail('BOOKING.SLOT_BUSY', message, { field: 'start', details });
    if (broken.code === 'BOUNDARY.NOTICE') return fail('BOOKING.TOO_SOON', message, { field: 'start', details });
    return fail('BOOKING.OUTSIDE_BOUNDARIES', message, { field: 'start', details });
  }
  if (agreement.respectWorkingHours) {
    for (const role of ['mentor', 'mentee'] as const) {
      const calendar = read.value.find((c) => c.personId === context[role].personId);
      if (!calendar?.workingHours) continue;
      const working = expandWeeklyWindows(calendar.workingHours, calendar.timeZone, time);
      if (!working.some((w) => w.start <= time.start && w.end >= time.end)) {
        return fail('BOOKING.OUTSIDE_BOUNDARIES', `This time is outside ${names[role]}’s working hours in Outlook, which the agreement respects. Pick a proposed time.`, {
          field: 'start',
          details: { boundary: 'WORKING_HOURS', role, localTimes: localTimesOf(agreement, names, time) },
        });
      }
    }
  }
  return ok(time);
}

async function bookForContexts(
  deps: BookingDeps,
  contexts: readonly BookingContext[],
  now: Instant,
  request: { readonly scope: BookingScope; readonly count?: number; readonly at?: Interval },
): Promise<Result<BookingOutcome>[]> {
  const needs = contexts.map((context) => {
    const meetings = context.aggregate.meetings;
    const upcoming = upcomingMeetings(meetings, now);
    const previous = liveMeetings(meetings).filter((m) => !upcoming.includes(m) && m.bookingState !== 'failed');
    const wanted = wantedAhead(context, request.scope, request.count, previous.length);
    const missing = Math.max(0, wanted - upcoming.length);
    return { context, upcoming, previous, missing, requested: Math.max(wanted, upcoming.length) };
  });

  const toPlan = needs.filter((n) => n.missing > 0);
  let calendars = new Map<string, PersonCalendar>();
  const horizonDays = contexts[0]?.settings.horizonDays ?? DEFAULT_BOOKING_SETTINGS.horizonDays;
  // Free/busy only as far as the requested meetings need (two spare periods for busy weeks), at most the
  // planning horizon: a weekly series of six reads 8 weeks, one getSchedule window; a year of weekly
  // meetings reads its year, which the calendar port reads in windows of at most 62 days (Graph's limit).
  const horizonEnd = toPlan.reduce((end, n) => Math.max(end, neededUntil(n.context, n.missing, now)), now);
  const horizon: Interval = { start: now, end: Math.min(now + horizonDays * DAY, horizonEnd) };
  // A chosen time (checked already) needs no free/busy read and no planning.
  if (toPlan.length > 0 && !request.at) {
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
    const requested = need.requested;
    if (need.missing === 0) {
      planned.push({ context, requested, reconcile, unplaced: [], deferred: [], plannedNow: [] });
      continue;
    }
    if (request.at) {
      // A chosen time, already checked against the boundaries and both calendars: recorded as planned, nothing else.
      const [slot] = nextMeetingSlots(context.aggregate.relationship.id, context.aggregate.meetings, 1);
      creates.push({ planIndex: planned.length, meeting: { id: slot!.id, number: slot!.number, start: request.at.start, end: request.at.end, status: 'planned', organizerId: context.organizer.personId, bookingState: 'pending' } });
      planned.push({ context, requested, reconcile, unplaced: [], deferred: [], plannedNow: [] });
      continue;
    }
    const withRun = (c: PersonCalendar | undefined): PersonCalendar | undefined =>
      c && { ...c, busy: [...c.busy, ...(plannedThisRun.get(c.personId) ?? [])] };
    const mentor = withRun(calendars.get(context.mentor.personId));
    const mentee = withRun(calendars.get(context.mentee.personId));
    if (!mentor || !mentee) {
      planned.push({ context, requested, reconcile, unplaced: [], deferred: [], plannedNow: [], failure: fail('GRAPH.INVALID_RESPONSE', 'The calendar did not return both people’s free/busy.') });
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
    const unplaced: UnplacedPeriod[] = [
      ...plan.entries.flatMap((e) => (e.ok ? [] : [{ targetDate: e.period.targetDate, code: e.reason.code, message: e.reason.message }])),
      ...plan.afterEndDate.map((d) => afterEndDate(d, context.agreement.endDate)),
    ];
    const deferred = plan.deferred.map((d) => deferredMeeting(d, horizonDays));
    if (plan.meetings.length === 0 && deferred.length === 0 && need.upcoming.length === 0 && reconcile.length === 0) {
      const reason = plan.reason ?? plan.entries.find((e): e is Extract<typeof e, { ok: false }> => !e.ok)?.reason;
      const error = reason
        ? fail(reason.code, reason.message, { details: { ...reason } })
        : fail('SCHEDULING.HORIZON_FULLY_BUSY', `No slot inside the agreement in the next ${horizonDays} days.`);
      planned.push({ context, requested, reconcile, unplaced, deferred, plannedNow: [], failure: error });
      continue;
    }
    const relationshipId = context.aggregate.relationship.id;
    const slots = nextMeetingSlots(relationshipId, context.aggregate.meetings, plan.meetings.length);
    plan.meetings.forEach((time, i) => {
      const slot = slots[i]!;
      creates.push({ planIndex: planned.length, meeting: { id: slot.id, number: slot.number, start: time.start, end: time.end, status: 'planned', organizerId: context.organizer.personId, bookingState: 'pending' } });
      for (const p of [context.mentor.personId, context.mentee.personId]) plannedThisRun.set(p, [...(plannedThisRun.get(p) ?? []), time]);
    });
    planned.push({ context, requested, reconcile, unplaced, deferred, plannedNow: [] });
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
      requested: p.requested,
      meetings: upcomingMeetings([...byId.values()], now),
      plannedNow: p.plannedNow,
      stillPending: r.value.stillPending,
      failed: r.value.failed,
      unplaced: p.unplaced,
      deferred: p.deferred,
    });
  });
}
