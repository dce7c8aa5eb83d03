/**
 * The boundary guard's brain: does a proposed time for one meeting keep the agreement? The checks are
 * the ones booking plans with (both people's windows in their own zones, the agreement's dates, the
 * minimum notice, the buffer around the pair's other meetings and — where booking plans or a
 * broken time's alternatives are sought — around both calendars' busy time, the series' order),
 * answered as the FIRST broken boundary (a stable code with the facts behind it, no words: the pane
 * and the guard word it in the reader's language) and both people's local times, plus up to three
 * times inside the agreement that pass the very same check and are free in both calendars.
 */
import type { Agreement, Cadence } from '../agreement/agreement';
import { ok, type Result } from '../result';
import { formatLocalDate, formatLocalTime, WEEKDAY_NAMES } from '../time/civil-date';
import { DAY, HOUR, MINUTE, type Instant, type Interval } from '../time/interval';
import { clipIntervals, intersectIntervals, overlaps } from '../time/interval-algebra';
import { expandWeeklyWindows } from '../time/weekly-windows';
import { formatInstantInZone, instantToLocal, offsetAt } from '../time/zoned-time';
import { agreementRange } from '../scheduling/availability';
import { forEachSlotStart } from '../scheduling/series-boundaries';
import type { Meeting } from '../relationships/meeting';
import type { Principal, UseCaseCall } from '../usecases/principal';
import type { Relationship } from '../relationships/relationship';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import { loadAgreementForPerson, meetingNotFound, withPeople } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { liveMeetings } from './booking-rules';

export type Role = 'mentor' | 'mentee';

export interface PersonLocalTime {
  readonly role: Role;
  readonly name: string;
  readonly timeZone: string;
  /** ISO 8601 on that person's clock, with the zone's offset. */
  readonly start: string;
  readonly end: string;
}

/**
 * The first broken boundary: a stable code, whose boundary it is (`role`, for the windows; absent for
 * the pair's shared ones) and the facts a reader needs to act, per code. No words: the readers word it
 * in their own language (src/outlook/boundary-words.ts); `boundaryMessage` is the API's English.
 */
export type BrokenBoundary =
  | { readonly code: 'BOUNDARY.OUTSIDE_DATES'; readonly facts: { readonly firstDate: string; readonly endDate?: string } }
  | { readonly code: 'BOUNDARY.NOTICE'; readonly facts: { readonly hours: number } }
  /** `changedRole`: whose clocks change between the meeting's current time and this one. */
  | { readonly code: 'BOUNDARY.DST_SHIFT'; readonly role: Role; readonly facts: { readonly changedRole: Role } }
  /** Night is 22:00–07:00 on the person's own clock. */
  | { readonly code: 'BOUNDARY.NIGHT'; readonly role: Role; readonly facts: { readonly from: string; readonly until: string } }
  | { readonly code: 'BOUNDARY.OUTSIDE_WINDOW'; readonly role: Role; readonly facts: Readonly<Record<string, never>> }
  | { readonly code: 'BOUNDARY.BUFFER'; readonly facts: { readonly minutes: number } }
  | { readonly code: 'BOUNDARY.CADENCE'; readonly facts: { readonly cadence: Cadence; readonly meetingNumber: number } };

export interface BoundaryVerdict {
  readonly ok: boolean;
  /** Which of the pair asked (the readers put that person's own time first). */
  readonly callerRole: Role;
  readonly broken?: BrokenBoundary;
  /** The proposed time on both people's clocks. */
  readonly localTimes: readonly PersonLocalTime[];
  /** Up to three times inside the agreement that pass the same check, nearest first (empty when ok). */
  readonly alternatives: readonly { readonly start: Instant; readonly end: Instant; readonly localTimes: readonly PersonLocalTime[] }[];
}

export interface CheckBoundariesInput {
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly start: Instant;
  readonly end: Instant;
}

/** Everything the check reads, loaded once: the same for the proposed time and every alternative. */
export interface BoundaryFacts {
  readonly agreement: Agreement;
  readonly names: Readonly<Record<Role, string>>;
  readonly now: Instant;
  readonly meeting: Pick<Meeting, 'id' | 'number' | 'start' | 'end'>;
  /** The pair's other live meetings (not cancelled, not failed). */
  readonly others: readonly Pick<Meeting, 'number' | 'start' | 'end'>[];
  /** Both calendars' busy time, the meeting's own event left out. */
  readonly busy: readonly Interval[];
  /** Both people's windows already expanded over `range` (the alternatives' search): the same windows, read once. */
  readonly expanded?: { readonly range: Interval; readonly mentor: readonly Interval[]; readonly mentee: readonly Interval[] };
}

/** "Tonight" for a person: 22:00–07:00 on their own clock. */
const NIGHT_FROM = 22 * 60;
const NIGHT_UNTIL = 7 * 60;
const NIGHT = { from: formatLocalTime(NIGHT_FROM), until: formatLocalTime(NIGHT_UNTIL) } as const;
const MAX_ALTERNATIVES = 3;
const GRID = 15 * MINUTE;
/** Alternatives are looked for from three weeks before to three weeks after the proposed time. */
const SEARCH_BEFORE = 21 * DAY;
const SEARCH_AFTER = 21 * DAY;

export function localTimesOf(agreement: Agreement, names: Readonly<Record<Role, string>>, time: Interval): PersonLocalTime[] {
  return (['mentor', 'mentee'] as const).map((role) => {
    const zone = agreement[role].timeZone;
    return { role, name: names[role], timeZone: zone, start: formatInstantInZone(time.start, zone), end: formatInstantInZone(time.end, zone) };
  });
}

function insideWindows(facts: BoundaryFacts, role: Role, time: Interval): boolean {
  const { agreement, expanded } = facts;
  const covered = expanded && expanded.range.start <= time.start && expanded.range.end >= time.end;
  const windows = covered ? expanded[role] : expandWeeklyWindows(agreement[role].meetingWindows, agreement[role].timeZone, time);
  return windows.some((w) => w.start <= time.start && w.end >= time.end);
}

function touchesNight(zone: string, time: Interval): boolean {
  for (let t = time.start; t < time.end; t += 15 * MINUTE) {
    const m = instantToLocal(zone, t).minutes;
    if (m >= NIGHT_FROM || m < NIGHT_UNTIL) return true;
  }
  return false;
}

/** Minutes between the two people's clocks at `at` (changes when one zone changes clocks). */
const zoneGap = (agreement: Agreement, at: Instant) => offsetAt(agreement.mentor.timeZone, at) - offsetAt(agreement.mentee.timeZone, at);

function windowBreak(facts: BoundaryFacts, time: Interval): BrokenBoundary | undefined {
  const { agreement } = facts;
  for (const role of ['mentor', 'mentee'] as const) {
    if (insideWindows(facts, role, time)) continue;
    if (zoneGap(agreement, time.start) !== zoneGap(agreement, facts.meeting.start)) {
      const changedRole = offsetAt(agreement.mentor.timeZone, time.start) !== offsetAt(agreement.mentor.timeZone, facts.meeting.start) ? 'mentor' : 'mentee';
      return { code: 'BOUNDARY.DST_SHIFT', role, facts: { changedRole } };
    }
    if (touchesNight(agreement[role].timeZone, time)) return { code: 'BOUNDARY.NIGHT', role, facts: NIGHT };
    return { code: 'BOUNDARY.OUTSIDE_WINDOW', role, facts: {} };
  }
  return undefined;
}

/** The first boundary `time` breaks, in the order a person fixes them; undefined when it keeps them all. */
export function firstBrokenBoundary(facts: BoundaryFacts, time: Interval): BrokenBoundary | undefined {
  const { agreement } = facts;
  const range = agreementRange(agreement);
  if (time.start < range.start || time.end > range.end) {
    return { code: 'BOUNDARY.OUTSIDE_DATES', facts: { firstDate: agreement.firstDate, ...(agreement.endDate ? { endDate: agreement.endDate } : {}) } };
  }
  const earliest = facts.now + agreement.minimumNoticeHours * HOUR;
  if (time.start < earliest) {
    return { code: 'BOUNDARY.NOTICE', facts: { hours: agreement.minimumNoticeHours } };
  }
  const window = windowBreak(facts, time);
  if (window) return window;
  const buffer = agreement.bufferMinutes * MINUTE;
  const around = { start: time.start - buffer, end: time.end + buffer };
  if (facts.others.some((o) => overlaps(o, around)) || facts.busy.some((b) => overlaps(b, around))) {
    return { code: 'BOUNDARY.BUFFER', facts: { minutes: agreement.bufferMinutes } };
  }
  const before = facts.others.filter((o) => o.number < facts.meeting.number).reduce<Pick<Meeting, 'start'> | undefined>((a, o) => (a && a.start > o.start ? a : o), undefined);
  const after = facts.others.filter((o) => o.number > facts.meeting.number).reduce<Pick<Meeting, 'start'> | undefined>((a, o) => (a && a.start < o.start ? a : o), undefined);
  const zone = agreement.mentor.timeZone;
  const day = (at: Instant) => instantToLocal(zone, at).date;
  if ((before && (time.start <= before.start || day(time.start) === day(before.start))) || (after && (time.start >= after.start || day(time.start) === day(after.start)))) {
    return { code: 'BOUNDARY.CADENCE', facts: { cadence: agreement.cadence, meetingNumber: facts.meeting.number } };
  }
  return undefined;
}

/**
 * The broken boundary in English, from its facts: the words of booking's refusals (the API's `message`,
 * read by Copilot and logs; the tab words the refusal's code itself). Readers in Outlook word the
 * facts in their own language instead.
 */
export function boundaryMessage(broken: BrokenBoundary, agreement: Agreement, names: Readonly<Record<Role, string>>, time: Interval): string {
  switch (broken.code) {
    case 'BOUNDARY.OUTSIDE_DATES': {
      const d = broken.facts;
      return `The agreement has meetings ${d.endDate ? `from ${d.firstDate} to ${d.endDate}` : `from ${d.firstDate} on`}; this time is outside those dates.`;
    }
    case 'BOUNDARY.NOTICE':
      return `The agreement asks for ${broken.facts.hours} hours’ notice; this time is sooner than that.`;
    case 'BOUNDARY.BUFFER':
      return `The agreement keeps ${broken.facts.minutes} minutes free around other meetings; this time is busy or too close to another meeting in one of your calendars.`;
    case 'BOUNDARY.CADENCE': {
      const c = broken.facts.cadence;
      const every = c.kind === 'everyNDays' ? `every ${c.days} days` : c.kind === 'biweekly' ? 'every two weeks' : c.kind;
      return `The agreement meets ${every}; this time puts meeting ${broken.facts.meetingNumber} on the same day as, or past, the meeting before or after it.`;
    }
    default: {
      const who = names[broken.role];
      const zone = agreement[broken.role].timeZone;
      const s = instantToLocal(zone, time.start);
      const e = instantToLocal(zone, time.end);
      const when = `${WEEKDAY_NAMES[s.weekday]} ${formatLocalDate(s.date)} ${formatLocalTime(s.minutes)}–${formatLocalTime(e.minutes)} for ${who} (${zone})`;
      const outside = `outside ${who}’s meeting windows`;
      if (broken.code === 'BOUNDARY.DST_SHIFT') return `The clocks change in ${agreement[broken.facts.changedRole].timeZone} between the meeting’s current time and this one, so this time is ${when}, ${outside}.`;
      if (broken.code === 'BOUNDARY.NIGHT') return `This time is ${when}: night-time, ${outside}.`;
      return `This time is ${when}, ${outside}.`;
    }
  }
}

/**
 * Times near `time` (same length) that pass `firstBrokenBoundary` with `facts`, nearest first, at most
 * `limit` of them. With no busy time in `facts` these are the times the agreement allows.
 */
export function alternativesFor(facts: BoundaryFacts, time: Interval, limit = MAX_ALTERNATIVES): Interval[] {
  const { agreement } = facts;
  const length = time.end - time.start;
  const dates = agreementRange(agreement);
  const from = Math.max(time.start - SEARCH_BEFORE, dates.start, facts.now + agreement.minimumNoticeHours * HOUR);
  const to = Math.min(time.end + SEARCH_AFTER, dates.end);
  if (to - from < length) return [];
  const range = { start: from - DAY, end: to + DAY };
  const mentor = expandWeeklyWindows(agreement.mentor.meetingWindows, agreement.mentor.timeZone, range);
  const mentee = expandWeeklyWindows(agreement.mentee.meetingWindows, agreement.mentee.timeZone, range);
  const withWindows: BoundaryFacts = { ...facts, expanded: { range, mentor, mentee } };
  const free = clipIntervals(intersectIntervals(mentor, mentee), from, to);
  const starts: Instant[] = [];
  forEachSlotStart(free, length, agreement.mentor.timeZone, GRID, (start) => {
    if (start !== time.start) starts.push(start);
  });
  // Nearest first; only as many are checked as it takes to find `limit` that pass.
  starts.sort((a, b) => Math.abs(a - time.start) - Math.abs(b - time.start) || a - b);
  const passing: Interval[] = [];
  for (const start of starts) {
    const candidate = { start, end: start + length };
    if (firstBrokenBoundary(withWindows, candidate) === undefined) passing.push(candidate);
    if (passing.length === limit) break;
  }
  return passing;
}

/** The verdict on a proposed time, its alternatives already chosen (each passing the same check). */
export function verdictOf(facts: BoundaryFacts & { readonly callerRole: Role }, time: Interval, alternatives: readonly Interval[]): BoundaryVerdict {
  const localTimes = localTimesOf(facts.agreement, facts.names, time);
  const broken = firstBrokenBoundary(facts, time);
  const callerRole = facts.callerRole;
  if (!broken) return { ok: true, callerRole, localTimes, alternatives: [] };
  return { ok: false, callerRole, broken, localTimes, alternatives: alternatives.slice(0, MAX_ALTERNATIVES).map((a) => ({ ...a, localTimes: localTimesOf(facts.agreement, facts.names, a) })) };
}

/** How many of the agreement's nearest times are checked against both calendars in the first free/busy read. */
const FIRST_CANDIDATES = 12;

/**
 * For a member of the pair: would moving `meetingId` to [start, end) keep the agreement? The verdict
 * is the agreement's (dates, notice, both people's windows and clocks, the buffer around the pair's
 * other meetings, the series' order) and comes from storage alone: one relationship read and both
 * people's names. Only a broken verdict reads the calendars, so its alternatives are also free in both
 * (with the buffer): first over the narrow span of the agreement's nearest times, then, if fewer than
 * three of those are free, over the whole search range. Writes nothing.
 */
export async function checkMeetingBoundaries(deps: BookingDeps, call: UseCaseCall<CheckBoundariesInput>): Promise<Result<BoundaryVerdict>> {
  const agreed = await loadAgreementForPerson(deps, call.principal, call.input.relationshipId);
  if (!agreed.ok) return agreed;
  const { agreement, aggregate } = agreed.value;
  const meeting = aggregate.meetings.find((m) => m.id === call.input.meetingId);
  if (!meeting) return meetingNotFound();
  const time = { start: call.input.start, end: call.input.end };
  const ours = liveMeetings(aggregate.meetings).filter((m) => m.bookingState !== 'failed');
  const names = await pairNames(deps, call.principal, aggregate.relationship);
  if (!names.ok) return names;
  const facts: BoundaryFacts & { readonly callerRole: Role } = {
    agreement,
    names: names.value.names,
    callerRole: names.value.callerRole,
    now: call.now,
    meeting,
    others: ours.filter((m) => m.id !== meeting.id),
    busy: [],
  };
  if (firstBrokenBoundary(facts, time) === undefined) return ok(verdictOf(facts, time, []));
  const candidates = alternativesFor(facts, time, FIRST_CANDIDATES);
  if (candidates.length === 0) return ok(verdictOf(facts, time, []));
  const context = await withPeople(deps, call.principal.tenantId, agreed.value);
  if (!context.ok) return context;
  const buffer = agreement.bufferMinutes * MINUTE;
  // The pair's own meetings show as busy in both calendars: they are judged as meetings (buffer, cadence), not as busy time.
  const isOurs = (i: Interval) => ours.some((m) => m.start === i.start && m.end === i.end);
  const busyOver = async (range: Interval): Promise<Result<Interval[]>> => {
    const calendars = await deps.calendar.getCalendars({ requesterId: call.principal.userId, people: [context.value.mentor, context.value.mentee], range });
    return calendars.ok ? ok(calendars.value.flatMap((c) => c.busy.filter((i) => !isOurs(i)))) : calendars;
  };
  const near = await busyOver({ start: Math.min(...candidates.map((c) => c.start)) - buffer, end: Math.max(...candidates.map((c) => c.end)) + buffer });
  if (!near.ok) return near;
  const free = candidates.filter((c) => firstBrokenBoundary({ ...facts, busy: near.value }, c) === undefined);
  if (free.length >= MAX_ALTERNATIVES || candidates.length < FIRST_CANDIDATES) return ok(verdictOf(facts, time, free));
  const all = await busyOver({ start: Math.max(call.now, time.start - SEARCH_BEFORE) - buffer, end: time.end + SEARCH_AFTER + buffer });
  if (!all.ok) return all;
  return ok(verdictOf(facts, time, alternativesFor({ ...facts, busy: all.value }, time)));
}

/** The caller's name from their sign-in, the partner's from their profile (without one: the role). */
async function pairNames(
  deps: Pick<BookingDeps, 'repos'>,
  principal: Principal,
  relationship: Pick<Relationship, 'mentorId' | 'menteeId'>,
): Promise<Result<{ names: Record<Role, string>; callerRole: Role }>> {
  const callerIs: Role = relationship.mentorId === principal.userId ? 'mentor' : 'mentee';
  const partner: Role = callerIs === 'mentor' ? 'mentee' : 'mentor';
  const read = await deps.repos.profiles.get(principal.tenantId, partner === 'mentor' ? relationship.mentorId : relationship.menteeId);
  if (!read.ok && read.error.code !== STORAGE_NOT_FOUND) return read;
  return ok({ names: { [callerIs]: principal.displayName, [partner]: read.ok ? read.value.displayName : `the ${partner}` } as Record<Role, string>, callerRole: callerIs });
}
