/** Ranked slots for the pair's next meeting, or the structured reason none exists. */
import { fail, ok, type Result } from '../result';
import { DAY, type Interval } from '../time/interval';
import { proposeSlots } from '../scheduling/propose-slots';
import { agreementRange } from '../scheduling/availability';

/** Slots for the next meeting are looked for in one free/busy read (Graph's getSchedule allows 62 days). */
const SLOT_SEARCH_DAYS = 62;
import type { UseCaseCall } from '../usecases/principal';
import { loadContextForPerson } from './booking-context';
import type { BookingDeps } from './booking-ports';
import { liveMeetings, upcomingMeetings } from './booking-rules';

export interface ProposeMeetingSlotsInput {
  readonly relationshipId: string;
  readonly maxSlots?: number;
}

export interface MeetingSlotProposal {
  readonly slots: readonly Interval[];
  readonly targetDate: string;
  readonly searched: Interval;
  /** Both people's zones, so each side can show the slots on their own clock. */
  readonly mentorTimeZone: string;
  readonly menteeTimeZone: string;
}

export async function proposeMeetingSlots(deps: BookingDeps, call: UseCaseCall<ProposeMeetingSlotsInput>): Promise<Result<MeetingSlotProposal>> {
  const context = await loadContextForPerson(deps, call.principal, call.input.relationshipId);
  if (!context.ok) return context;
  const { agreement, aggregate, settings, mentor, mentee } = context.value;
  // One getSchedule window (62 days) from when meetings can start, inside the planning horizon.
  const from = Math.max(call.now, agreementRange(agreement).start);
  const until = Math.min(call.now + settings.horizonDays * DAY, from + SLOT_SEARCH_DAYS * DAY);
  // A first date beyond the planning horizon: search the window from now, which answers why there is no slot.
  const horizon = until > from ? { start: from, end: until } : { start: call.now, end: call.now + SLOT_SEARCH_DAYS * DAY };
  const calendars = await deps.calendar.getCalendars({ requesterId: call.principal.userId, people: [mentor, mentee], range: horizon });
  if (!calendars.ok) return calendars;
  const byId = new Map(calendars.value.map((c) => [c.personId, c]));
  const upcoming = upcomingMeetings(aggregate.meetings, call.now);
  const previous = liveMeetings(aggregate.meetings).filter((m) => !upcoming.includes(m) && m.bookingState !== 'failed');
  const proposal = proposeSlots({
    agreement,
    calendars: { mentor: byId.get(mentor.personId)!, mentee: byId.get(mentee.personId)! },
    now: call.now,
    horizon,
    plannedMeetings: upcoming.map((m) => ({ start: m.start, end: m.end })),
    previousMeetings: previous.map((m) => ({ start: m.start, end: m.end })),
    options: { maxSlots: call.input.maxSlots ?? 10 },
  });
  if (!proposal.ok) {
    const { code, message, ...facts } = proposal.error;
    return fail(code, message, { details: facts });
  }
  return ok({ ...proposal.value, mentorTimeZone: agreement.mentor.timeZone, menteeTimeZone: agreement.mentee.timeZone });
}
