/**
 * Contracts of the booking endpoints: slots, booking the next meeting or the series, reschedule,
 * cancel, and Graph's change notifications. Meetings answer with the booking state so the tab can
 * show "being booked" and "moved outside your agreement" honestly.
 */
import { z } from 'zod';
import type { BookingOutcome, BoundaryVerdict, MeetingSlotProposal, UnbookedMeetings } from '../core/booking';
import { formatted, Id, IsoInstant, multilineText, toIso, Version } from './common';
import { MeetingDto, toMeetingDto } from './relationships';

export const MeetingParams = z.object({ relationshipId: Id, meetingId: Id }).strict();

/** GET /api/meetings/by-ical-uid/{iCalUId}: the Outlook pane on an attendee's copy of an invite. */
export const MeetingByICalUIdParams = z.object({ iCalUId: Id }).strict();
export const MeetingLookupDto = z.object({ relationshipId: z.string(), meetingId: z.string() }).strict();
export type MeetingLookupDto = z.infer<typeof MeetingLookupDto>;

export const ProposeSlotsQuery = z
  .object({ maxSlots: z.coerce.number().int().min(1).max(50).optional() })
  .strict();

export const BookMeetingsBody = z
  .object({
    scope: z.enum(['next', 'series']).default('next'),
    /** For a series: how many meetings to have planned ahead. */
    count: z.number().int().min(1).max(52).optional(),
    /** For the next meeting: the time the person chose (one of the proposed ones), instead of letting booking pick. */
    start: IsoInstant.optional(),
  })
  .strict();

export const RescheduleMeetingBody = z.object({ start: IsoInstant, version: Version.optional() }).strict();

/** The version read is required (If-Match or here): a meeting moved or changed meanwhile is not cancelled unseen. */
export const CancelMeetingBody = z.object({ comment: multilineText(500), version: Version.optional() }).strict();

/**
 * The answer to a booking call. Every meeting asked for is accounted for exactly once:
 * `meetings.length + failed.length + unplaced.length + deferred.length === requested`
 * (`meetings` are the upcoming ones, booked or still pending). `unplaced` carries the true reason code
 * and words a person can act on; `deferred` meetings lie beyond the planning horizon and are booked by
 * the sync timer once in range (nothing to do).
 */
export const BookingOutcomeDto = z
  .object({
    requested: z.number().int(),
    meetings: z.array(MeetingDto),
    plannedNow: z.array(z.string()),
    stillPending: z.array(z.object({ meetingId: z.string(), code: z.string() }).strict()),
    failed: z.array(z.object({ meetingId: z.string(), code: z.string(), message: z.string() }).strict()),
    unplaced: z.array(z.object({ targetDate: z.string(), code: z.string(), message: z.string() }).strict()),
    deferred: z.array(z.object({ targetDate: z.string(), code: z.literal('BOOKING.DEFERRED_BEYOND_HORIZON'), message: z.string() }).strict()),
  })
  .strict();
export type BookingOutcomeDto = z.infer<typeof BookingOutcomeDto>;

export function toBookingOutcomeDto(o: BookingOutcome): BookingOutcomeDto {
  return {
    requested: o.requested,
    meetings: o.meetings.map(toMeetingDto),
    plannedNow: [...o.plannedNow],
    stillPending: o.stillPending.map((p) => ({ ...p })),
    failed: o.failed.map((f) => ({ ...f })),
    unplaced: o.unplaced.map((u) => ({ ...u })),
    deferred: o.deferred.map((d) => ({ ...d })),
  };
}

/**
 * GET …/unbooked-meetings: the series' meetings that are not in the calendar, as the last booking
 * left them (the tab shows them as states in the upcoming list): `deferred` (beyond the planning
 * horizon, booked automatically once in range) and `unplaced` (no slot, with the true reason).
 */
export const UnbookedMeetingsDto = z.object({ deferred: BookingOutcomeDto.shape.deferred, unplaced: BookingOutcomeDto.shape.unplaced }).strict();
export type UnbookedMeetingsDto = z.infer<typeof UnbookedMeetingsDto>;

export function toUnbookedMeetingsDto(u: UnbookedMeetings): UnbookedMeetingsDto {
  return { deferred: u.deferred.map((d) => ({ ...d })), unplaced: u.unplaced.map((p) => ({ ...p })) };
}

const IntervalDto = z.object({ start: IsoInstant, end: IsoInstant }).strict();

export const SlotProposalDto = z
  .object({ slots: z.array(IntervalDto), targetDate: z.string(), searched: IntervalDto, mentorTimeZone: z.string(), menteeTimeZone: z.string() })
  .strict();
export type SlotProposalDto = z.infer<typeof SlotProposalDto>;

export function toSlotProposalDto(p: MeetingSlotProposal): SlotProposalDto {
  const interval = (i: { start: number; end: number }) => ({ start: toIso(i.start), end: toIso(i.end) });
  return { slots: p.slots.map(interval), targetDate: p.targetDate, searched: interval(p.searched), mentorTimeZone: p.mentorTimeZone, menteeTimeZone: p.menteeTimeZone };
}

/** Values Microsoft Graph writes (ids, resource paths), not text a person typed. */
const fromGraph = <S extends z.ZodString>(schema: S): S => formatted(schema, 'Graph value');

/**
 * Graph's POST to the webhook: resource changes (changeType, resource) and lifecycle notifications
 * (lifecycleEvent: reauthorizationRequired, missed, subscriptionRemoved) in one collection shape.
 */
export const ChangeNotificationBody = z.object({
  value: z
    .array(
      z.union([
        z.looseObject({
          lifecycleEvent: fromGraph(z.string().max(100)),
          subscriptionId: fromGraph(z.string().max(200)),
          clientState: fromGraph(z.string()).nullish(),
          tenantId: fromGraph(z.string()).nullish(),
        }),
        z.looseObject({
          subscriptionId: fromGraph(z.string().max(200)).optional(),
          clientState: fromGraph(z.string()).nullish(),
          changeType: fromGraph(z.string()),
          resource: fromGraph(z.string().max(1000)),
          tenantId: fromGraph(z.string()).nullish(),
        }),
      ]),
    )
    .max(1000),
});

/** POST …/meetings/{meetingId}/boundary-check: the time Outlook shows now for the meeting. */
export const BoundaryCheckBody = z
  .object({ start: IsoInstant, end: IsoInstant })
  .strict()
  .refine((b) => Date.parse(b.end) > Date.parse(b.start), { message: 'end must be after start', path: ['end'] })
  .refine((b) => Date.parse(b.end) - Date.parse(b.start) <= 24 * 3600_000, { message: 'a meeting lasts at most 24 hours', path: ['end'] });

const RoleDto = z.enum(['mentor', 'mentee']);

/** One person's clock for a time: ISO 8601 with that zone's offset, and the IANA zone (readers word both). */
const PersonLocalTimeDto = z.object({ role: RoleDto, name: z.string(), timeZone: z.string(), start: z.string(), end: z.string() }).strict();
export type PersonLocalTimeDto = z.infer<typeof PersonLocalTimeDto>;

/** The first broken boundary: its stable code, whose it is (the windows) and the facts behind it, per code; no words. */
const BrokenBoundaryDto = z.discriminatedUnion('code', [
  z.object({ code: z.literal('BOUNDARY.OUTSIDE_DATES'), facts: z.object({ firstDate: z.string(), endDate: z.string().optional() }).strict() }).strict(),
  z.object({ code: z.literal('BOUNDARY.NOTICE'), facts: z.object({ hours: z.number() }).strict() }).strict(),
  z.object({ code: z.literal('BOUNDARY.DST_SHIFT'), role: RoleDto, facts: z.object({ changedRole: RoleDto }).strict() }).strict(),
  z.object({ code: z.literal('BOUNDARY.NIGHT'), role: RoleDto, facts: z.object({ from: z.string(), until: z.string() }).strict() }).strict(),
  z.object({ code: z.literal('BOUNDARY.OUTSIDE_WINDOW'), role: RoleDto, facts: z.object({}).strict() }).strict(),
  z.object({ code: z.literal('BOUNDARY.BUFFER'), facts: z.object({ minutes: z.number() }).strict() }).strict(),
  z
    .object({
      code: z.literal('BOUNDARY.CADENCE'),
      facts: z
        .object({
          cadence: z.discriminatedUnion('kind', [
            z.object({ kind: z.enum(['weekly', 'biweekly', 'monthly']) }).strict(),
            z.object({ kind: z.literal('everyNDays'), days: z.number().int() }).strict(),
          ]),
          meetingNumber: z.number().int(),
        })
        .strict(),
    })
    .strict(),
]);
export type BrokenBoundaryDto = z.infer<typeof BrokenBoundaryDto>;

/** The guard's answer: ok, or the first broken boundary (code + facts) with up to three passing times; `callerRole` says whose time to put first. */
export const BoundaryCheckDto = z
  .object({
    ok: z.boolean(),
    callerRole: RoleDto,
    broken: BrokenBoundaryDto.optional(),
    localTimes: z.array(PersonLocalTimeDto),
    alternatives: z.array(z.object({ start: IsoInstant, end: IsoInstant, localTimes: z.array(PersonLocalTimeDto) }).strict()).max(3),
  })
  .strict();
export type BoundaryCheckDto = z.infer<typeof BoundaryCheckDto>;

export function toBoundaryCheckDto(v: BoundaryVerdict): BoundaryCheckDto {
  return {
    ok: v.ok,
    callerRole: v.callerRole,
    ...(v.broken ? { broken: v.broken } : {}),
    localTimes: v.localTimes.map((l) => ({ ...l })),
    alternatives: v.alternatives.map((a) => ({ start: toIso(a.start), end: toIso(a.end), localTimes: a.localTimes.map((l) => ({ ...l })) })),
  };
}
