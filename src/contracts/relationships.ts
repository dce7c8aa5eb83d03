import { z } from 'zod';
import type { Meeting } from '../core/relationships/meeting';
import type { Result } from '../core/result';
import type { ClosingReflection, Relationship } from '../core/relationships/relationship';
import type { CloseRelationshipInput, RelationshipDetail, RelationshipSummary } from '../core/usecases/relationship-use-cases';
import type { MeetingOfChat } from '../core/usecases/meeting-context-use-cases';
import { ActionItemDto, toActionItemDto } from './action-items';
import { AgreementStateDto, toAgreementStateDto } from './agreement';
import { CheckInDto, toCheckInDto } from './check-ins';
import { formatted, IsoInstant, LIMITS, RelationshipParams, multilineText, toIso, Version, type Assignable, type Expect } from './common';
import { GoalDto, toGoalDto } from './goals';
import { PublicProfileDto, toPublicProfileDto } from './profiles';
import { PreWorkSchema } from './requests';
import { RoadmapDto, toRoadmapDto } from './roadmap';

const ReflectionDto = z
  .object({ whatWorked: z.string(), whatToImprove: z.string(), keyTakeaway: z.string(), submittedAt: IsoInstant })
  .strict();

export const RelationshipDto = z
  .object({
    id: z.string(),
    mentorId: z.string(),
    menteeId: z.string(),
    reverse: z.boolean(),
    status: z.enum(['active', 'closed']),
    requestId: z.string(),
    menteePreWork: PreWorkSchema,
    startedAt: IsoInstant,
    closedAt: IsoInstant.optional(),
    closedBy: z.string().optional(),
    reflections: z.object({ mentor: ReflectionDto.optional(), mentee: ReflectionDto.optional() }).strict(),
    activeAgreementVersion: z.number().int().optional(),
    programmeId: z.string().optional(),
    version: z.string(),
  })
  .strict();
export type RelationshipDto = z.infer<typeof RelationshipDto>;

const PartnerSummaryDto = z.object({ userId: z.string(), displayName: z.string(), jobTitle: z.string() }).strict();

export const RelationshipSummaryDto = z
  .object({ relationship: RelationshipDto, myRole: z.enum(['mentor', 'mentee']), partner: PartnerSummaryDto })
  .strict();
export type RelationshipSummaryDto = z.infer<typeof RelationshipSummaryDto>;
export const MyRelationshipsResponse = z.object({ relationships: z.array(RelationshipSummaryDto) }).strict();

export const MeetingDto = z
  .object({
    id: z.string(),
    number: z.number().int(),
    start: IsoInstant,
    end: IsoInstant,
    status: z.enum(['planned', 'held', 'cancelled']),
    /** pending until the invite exists in the organizer's calendar; failed when Graph refused it. */
    bookingState: z.enum(['pending', 'booked', 'failed']),
    organizerId: z.string(),
    eventId: z.string().optional(),
    joinUrl: z.string().optional(),
    cancelledAt: IsoInstant.optional(),
    cancelReason: z.string().optional(),
    /** Moved in Outlook to a time outside the agreed boundaries: flagged, not moved back. */
    outsideBoundaries: z.boolean(),
    /** Moved outside the agreement and sent anyway after the Outlook guard's warning: agreed to, not flagged. */
    agreedMove: z.boolean().optional(),
    declinedBy: z.array(z.string()),
    /** What really happened, from Teams' meetingEnd and the attendance report: absent on the timer path. */
    attendance: z.object({ endedAt: IsoInstant, outcome: z.enum(['held', 'halfAttended', 'missed', 'unknown']), joined: z.array(z.string()) }).strict().optional(),
    version: z.string(),
  })
  .strict();
export type MeetingDto = z.infer<typeof MeetingDto>;

export const RelationshipDetailDto = z
  .object({
    relationship: RelationshipDto,
    myRole: z.enum(['mentor', 'mentee']),
    partner: z.union([PublicProfileDto, PartnerSummaryDto]),
    agreement: AgreementStateDto,
    goals: z.array(GoalDto),
    roadmap: RoadmapDto.optional(),
    meetings: z.array(MeetingDto),
    /** The open action items only; every item is paged at .../action-items. */
    actionItems: z.array(ActionItemDto),
    actionItemCounts: z.object({ open: z.number().int(), done: z.number().int() }).strict(),
    checkIns: z.array(CheckInDto),
  })
  .strict();
export type RelationshipDetailDto = z.infer<typeof RelationshipDetailDto>;

/** POST /api/relationships/{relationshipId}/close */
export const CloseRelationshipBody = z
  .object({
    reflection: z
      .object({ whatWorked: multilineText(LIMITS.note), whatToImprove: multilineText(LIMITS.note), keyTakeaway: multilineText(LIMITS.note) })
      .strict(),
    version: Version.optional(),
  })
  .strict();
export const CloseRelationshipInputSchema = RelationshipParams.extend(CloseRelationshipBody.shape).strict();

function toReflectionDto(r: ClosingReflection) {
  return { whatWorked: r.whatWorked, whatToImprove: r.whatToImprove, keyTakeaway: r.keyTakeaway, submittedAt: toIso(r.submittedAt) };
}

/**
 * What closing did to the pair's future invites in Outlook, so the answer never reports a clean-up it
 * did not make: `done` (every future meeting cancelled), `partly` (some wait for the sync timer, which
 * retries them), `not-reached` (the calendar could not be reached now; the timer retries all).
 */
export const ClosingOutlookDto = z
  .object({
    status: z.enum(['done', 'partly', 'not-reached']),
    cancelled: z.number().int().min(0),
    waiting: z.number().int().min(0),
    /** The first reason a cancellation is still waiting. */
    code: z.string().optional(),
  })
  .strict();
export type ClosingOutlookDto = z.infer<typeof ClosingOutlookDto>;

/** POST …/close answers the relationship and, when closing it cancelled meetings, what happened in Outlook. */
export const ClosedRelationshipDto = RelationshipDto.extend({ outlook: ClosingOutlookDto.optional() });
export type ClosedRelationshipDto = z.infer<typeof ClosedRelationshipDto>;

export function toClosingOutlookDto(cleanup: Result<{ readonly cancelled: readonly string[]; readonly left: readonly { readonly code: string }[] }>): ClosingOutlookDto {
  if (!cleanup.ok) return { status: 'not-reached', cancelled: 0, waiting: 0, code: cleanup.error.code };
  const { cancelled, left } = cleanup.value;
  return { status: left.length === 0 ? 'done' : 'partly', cancelled: cancelled.length, waiting: left.length, ...(left[0] ? { code: left[0].code } : {}) };
}

export function toRelationshipDto(r: Relationship): RelationshipDto {
  return {
    id: r.id,
    mentorId: r.mentorId,
    menteeId: r.menteeId,
    reverse: r.reverse,
    status: r.status,
    requestId: r.requestId,
    menteePreWork: { ...r.menteePreWork },
    startedAt: toIso(r.startedAt),
    ...(r.closedAt !== undefined ? { closedAt: toIso(r.closedAt) } : {}),
    ...(r.closedBy !== undefined ? { closedBy: r.closedBy } : {}),
    reflections: {
      ...(r.reflections.mentor ? { mentor: toReflectionDto(r.reflections.mentor) } : {}),
      ...(r.reflections.mentee ? { mentee: toReflectionDto(r.reflections.mentee) } : {}),
    },
    ...(r.activeAgreementVersion !== undefined ? { activeAgreementVersion: r.activeAgreementVersion } : {}),
    ...(r.programmeId !== undefined ? { programmeId: r.programmeId } : {}),
    version: r.version,
  };
}

export function toMeetingDto(m: Meeting): MeetingDto {
  return {
    id: m.id,
    number: m.number,
    start: toIso(m.start),
    end: toIso(m.end),
    status: m.status,
    bookingState: m.bookingState ?? (m.eventId ? 'booked' : 'pending'),
    organizerId: m.organizerId,
    ...(m.eventId !== undefined ? { eventId: m.eventId } : {}),
    ...(m.joinUrl !== undefined ? { joinUrl: m.joinUrl } : {}),
    ...(m.cancelledAt !== undefined ? { cancelledAt: toIso(m.cancelledAt) } : {}),
    ...(m.cancelReason !== undefined ? { cancelReason: m.cancelReason } : {}),
    outsideBoundaries: m.outsideBoundaries ?? false,
    ...(m.agreedMove ? { agreedMove: true } : {}),
    declinedBy: (m.responses ?? []).filter((r) => r.response === 'declined').map((r) => r.personId),
    ...(m.attendance ? { attendance: { endedAt: toIso(m.attendance.endedAt), outcome: m.attendance.outcome, joined: [...m.attendance.joined] } } : {}),
    version: m.version,
  };
}

export function toRelationshipSummaryDto(s: RelationshipSummary): RelationshipSummaryDto {
  return { relationship: toRelationshipDto(s.relationship), myRole: s.myRole, partner: { ...s.partner } };
}

export function toRelationshipDetailDto(d: RelationshipDetail): RelationshipDetailDto {
  return {
    relationship: toRelationshipDto(d.relationship),
    myRole: d.myRole,
    partner: 'capacityLeft' in d.partner ? toPublicProfileDto(d.partner) : { ...d.partner },
    agreement: toAgreementStateDto(d.agreement),
    goals: d.goals.map(toGoalDto),
    ...(d.roadmap ? { roadmap: toRoadmapDto(d.roadmap) } : {}),
    meetings: d.meetings.map(toMeetingDto),
    actionItems: d.actionItems.map(toActionItemDto),
    actionItemCounts: { ...d.actionItemCounts },
    checkIns: d.checkIns.map(toCheckInDto),
  };
}

export type RelationshipContractChecks = [Expect<Assignable<z.infer<typeof CloseRelationshipInputSchema>, CloseRelationshipInput>>];

/** GET /api/meetings/by-chat/{chatId}: the Teams meeting chat id the side panel was opened in. */
// The use case checks the shape (19:meeting_…@thread.v2) and answers MEETING_CONTEXT.INVALID_CHAT_ID.
export const MeetingChatParams = z.object({ chatId: formatted(z.string().min(1).max(300), 'Teams meeting chat id') }).strict();

/** Which of my meetings a meeting chat belongs to; the panel then reads the relationship as usual. */
export const MeetingOfChatDto = z.object({ relationshipId: z.string(), meeting: MeetingDto }).strict();
export type MeetingOfChatDto = z.infer<typeof MeetingOfChatDto>;

export function toMeetingOfChatDto(found: MeetingOfChat): MeetingOfChatDto {
  return { relationshipId: found.relationshipId, meeting: toMeetingDto(found.meeting) };
}
