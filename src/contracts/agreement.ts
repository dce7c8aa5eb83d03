import { z } from 'zod';
import type { Agreement } from '../core/agreement/agreement';
import { AGREEMENT_LIMITS, agreementNumberProblems } from '../core/agreement/agreement-limits';
import type { AgreementVersion } from '../core/relationships/agreement-version';
import type { AgreementPreview } from '../core/scheduling/agreement-preview';
import type { PairWorkingHours } from '../core/booking/pair-working-hours';
import type { AcceptAgreementInput, ProposeAgreementInput } from '../core/usecases/agreement-use-cases';
import type { AgreementState } from '../core/usecases/relationship-use-cases';
import { formatted, Id, IsoInstant, LIMITS, LocalDateText, RelationshipParams, multilineText, text, TimeOfDayText, TimeZoneText, toIso, Version, type Assignable, type Expect } from './common';

/** Shapes only; validateAgreement (scheduling core) checks times, dates and the rules between fields. */
export const WeeklyWindowSchema = z
  .object({
    weekday: z.literal([1, 2, 3, 4, 5, 6, 7]),
    start: TimeOfDayText,
    end: TimeOfDayText,
    endsNextDay: z.boolean().optional(),
  })
  .strict();

const PersonBoundariesSchema = z
  .object({
    personId: Id,
    timeZone: TimeZoneText,
    meetingWindows: z.array(WeeklyWindowSchema).max(28),
    contactChannel: z.enum(['teamsChat', 'email']),
    contactHours: z.array(WeeklyWindowSchema).max(28),
  })
  .strict();

export const AgreementSchema = z
  .object({
    cadence: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('weekly') }).strict(),
      z.object({ kind: z.literal('biweekly') }).strict(),
      z.object({ kind: z.literal('monthly') }).strict(),
      z.object({ kind: z.literal('everyNDays'), days: z.number() }).strict(),
    ]),
    meetingMinutes: z.number(),
    bufferMinutes: z.number(),
    minimumNoticeHours: z.number(),
    respectWorkingHours: z.boolean(),
    firstDate: LocalDateText,
    endDate: LocalDateText.optional(),
    meetingCount: z.number().optional(),
    location: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('online') }).strict(),
      z.object({ kind: z.literal('place'), name: text(LIMITS.title) }).strict(),
    ]),
    mentor: PersonBoundariesSchema,
    mentee: PersonBoundariesSchema,
  })
  .strict();
export type AgreementDto = z.infer<typeof AgreementSchema>;

/** The bounds of an agreement's numbers, for the tab's fields (min/max) and messages. */
export { AGREEMENT_LIMITS };

/**
 * An agreement as proposed: the shape, and its numbers inside `AGREEMENT_LIMITS` (meeting 15–240
 * minutes, buffer ≤ 240 minutes, notice ≤ 720 hours, every N ≤ 90 days, at most 52 meetings). A number
 * outside answers 422 with the core's code and the field, the same answer `validateAgreement` gives.
 */
export const ProposedAgreementSchema = AgreementSchema.superRefine((agreement, ctx) => {
  // Every number out of bounds at once (the first is the API's answer; the tab shows them all).
  for (const problem of agreementNumberProblems(agreement)) {
    ctx.addIssue({
      code: 'custom',
      path: (problem.field ?? '').split('.').filter((p) => p.length > 0),
      message: problem.message,
      params: { errorCode: problem.code },
    });
  }
});

/** POST /api/relationships/{relationshipId}/agreement — propose or counter-propose. */
export const ProposeAgreementBody = z
  .object({
    agreement: ProposedAgreementSchema,
    note: multilineText(LIMITS.note),
    basedOnVersion: z.number().int().min(1).optional(),
  })
  .strict();
export const ProposeAgreementInputSchema = RelationshipParams.extend(ProposeAgreementBody.shape).strict();

/**
 * POST /api/relationships/{relationshipId}/agreement/preview — the overlap of a draft, for the tab's
 * live check and week grid. Takes the same body as proposing (`note` and `basedOnVersion` are ignored);
 * writes nothing; answers `AgreementPreviewDto` (200) or the proposal's own 4xx for a broken rule.
 */
export const PreviewAgreementBody = ProposeAgreementBody;
export const PreviewAgreementInputSchema = ProposeAgreementInputSchema;

const NeverOverlapDto = z
  .object({
    code: z.literal('SCHEDULING.WINDOWS_NEVER_OVERLAP'),
    /** Both people's windows in both zones, in words. */
    message: z.string(),
    meetingMinutes: z.number().int(),
    /** The longest time the windows share (shorter than a meeting). */
    longestOverlapMinutes: z.number().int(),
    /** The mentor's own windows and the mentee's on the mentor's clock, and the other way round. */
    mentorView: z.object({ personId: z.string(), timeZone: z.string(), ownWindows: z.array(WeeklyWindowSchema), partnerWindows: z.array(WeeklyWindowSchema) }).strict(),
    menteeView: z.object({ personId: z.string(), timeZone: z.string(), ownWindows: z.array(WeeklyWindowSchema), partnerWindows: z.array(WeeklyWindowSchema) }).strict(),
  })
  .strict();

/**
 * The answer of the agreement preview, all in the caller's zone. Names are stable (the tab's live
 * check and week grid read them):
 * - `viewer`, `viewerZone`, `partnerZone`, `meetingMinutes`;
 * - `myWindows`: the caller's windows; `partnerWindows`: the partner's, on the caller's clock (first week
 *   of the agreement from now);
 * - `fits`: that week, per weekday, the stretches where a meeting of the agreed length fits for both;
 * - `changedWeeks`: later weeks (within a year) where a clock change moves that overlap, `{ weekStart, fits }`;
 * - `neverOverlap`: present when no week of the agreement holds one meeting for both (what proposing
 *   would refuse with 422 SCHEDULING.WINDOWS_NEVER_OVERLAP), with both views.
 */
export const AgreementPreviewDto = z
  .object({
    viewer: z.enum(['mentor', 'mentee']),
    viewerZone: z.string(),
    partnerZone: z.string(),
    meetingMinutes: z.number().int(),
    myWindows: z.array(WeeklyWindowSchema),
    partnerWindows: z.array(WeeklyWindowSchema),
    fits: z.array(WeeklyWindowSchema),
    changedWeeks: z.array(z.object({ weekStart: LocalDateText, fits: z.array(WeeklyWindowSchema) }).strict()),
    neverOverlap: NeverOverlapDto.optional(),
  })
  .strict();
export type AgreementPreviewDto = z.infer<typeof AgreementPreviewDto>;

export function toAgreementPreviewDto(p: AgreementPreview): AgreementPreviewDto {
  return structuredClone({
    viewer: p.viewer,
    viewerZone: p.viewerZone,
    partnerZone: p.partnerZone,
    meetingMinutes: p.meetingMinutes,
    myWindows: p.myWindows,
    partnerWindows: p.partnerWindows,
    fits: p.fits,
    changedWeeks: p.changedWeeks,
    ...(p.neverOverlap
      ? {
          neverOverlap: {
            code: p.neverOverlap.code,
            message: p.neverOverlap.message,
            meetingMinutes: p.neverOverlap.meetingMinutes,
            longestOverlapMinutes: p.neverOverlap.longestOverlapMinutes,
            mentorView: p.neverOverlap.mentorView,
            menteeView: p.neverOverlap.menteeView,
          },
        }
      : {}),
  }) as AgreementPreviewDto;
}

/** POST /api/relationships/{relationshipId}/agreement/{version}/accept — `version` in the path is the number. */
export const AcceptAgreementParams = z
  .object({ relationshipId: Id, version: formatted(z.string().regex(/^[1-9]\d{0,5}$/, 'must be a version number'), 'agreement version number') })
  .strict();
export const AcceptAgreementBody = z.object({ version: Version.optional() }).strict();

export function toAcceptAgreementInput(
  params: z.infer<typeof AcceptAgreementParams>,
  body: z.infer<typeof AcceptAgreementBody>,
): AcceptAgreementInput {
  return {
    relationshipId: params.relationshipId,
    versionNumber: Number(params.version),
    ...(body.version !== undefined ? { version: body.version } : {}),
  };
}

export const AgreementVersionDto = z
  .object({
    id: z.string(),
    number: z.number().int(),
    agreement: AgreementSchema,
    proposedBy: z.string(),
    proposedAt: IsoInstant,
    note: z.string(),
    acceptedBy: z.array(z.string()),
    version: z.string(),
  })
  .strict();
export type AgreementVersionDto = z.infer<typeof AgreementVersionDto>;

export const AgreementStateDto = z
  .object({
    /** The newest versions and the active one, oldest first; the whole history is paged (AgreementVersionsPage). */
    versions: z.array(AgreementVersionDto),
    versionCount: z.number().int(),
    activeNumber: z.number().int().optional(),
    latestNumber: z.number().int().optional(),
  })
  .strict();
export type AgreementStateDto = z.infer<typeof AgreementStateDto>;

/** The core type is deeply readonly; the DTO is a plain copy of the same shape. */
function toAgreementDto(a: Agreement): AgreementDto {
  return structuredClone(a) as AgreementDto;
}

export function toAgreementVersionDto(v: AgreementVersion): AgreementVersionDto {
  return {
    id: v.id,
    number: v.number,
    agreement: toAgreementDto(v.agreement),
    proposedBy: v.proposedBy,
    proposedAt: toIso(v.proposedAt),
    note: v.note,
    acceptedBy: [...v.acceptedBy],
    version: v.version,
  };
}

export function toAgreementStateDto(s: AgreementState): AgreementStateDto {
  return {
    versions: s.versions.map(toAgreementVersionDto),
    versionCount: s.versionCount,
    ...(s.active ? { activeNumber: s.active.number } : {}),
    ...(s.latest ? { latestNumber: s.latest.number } : {}),
  };
}

/** GET /api/relationships/{relationshipId}/agreement/versions — the whole history, a page at a time. */
export const AgreementVersionsPage = z.object({ versions: z.array(AgreementVersionDto), continuationToken: z.string().optional() }).strict();
export type AgreementVersionsPage = z.infer<typeof AgreementVersionsPage>;

export type AgreementContractChecks = [
  Expect<Assignable<AgreementDto, Agreement>>,
  Expect<Assignable<z.infer<typeof ProposeAgreementInputSchema>, ProposeAgreementInput>>,
];

/**
 * GET /api/relationships/{relationshipId}/working-hours — both people's Outlook working hours, the
 * defaults of a new agreement. Per person: `outlook` with the windows on the clock of their profile's
 * zone (`timeZone`; `outlookTimeZone` is the zone Outlook keeps them in), or `unavailable` with the
 * first cause (`code`, `message`) when their calendar could not be read.
 */
const PersonWorkingHoursDto = z.discriminatedUnion('source', [
  z.object({ personId: z.string(), source: z.literal('outlook'), timeZone: z.string(), outlookTimeZone: z.string(), windows: z.array(WeeklyWindowSchema) }).strict(),
  z.object({ personId: z.string(), source: z.literal('unavailable'), code: z.string(), message: z.string() }).strict(),
]);
export const PairWorkingHoursDto = z.object({ mentor: PersonWorkingHoursDto, mentee: PersonWorkingHoursDto }).strict();
export type PairWorkingHoursDto = z.infer<typeof PairWorkingHoursDto>;

export function toPairWorkingHoursDto(hours: PairWorkingHours): PairWorkingHoursDto {
  const one = (p: PairWorkingHours['mentor']): PairWorkingHoursDto['mentor'] =>
    p.source === 'outlook'
      ? { personId: p.personId, source: 'outlook', timeZone: p.timeZone, outlookTimeZone: p.outlookTimeZone, windows: p.windows.map((w) => ({ ...w })) }
      : { personId: p.personId, source: 'unavailable', code: p.code, message: p.message };
  return { mentor: one(hours.mentor), mentee: one(hours.mentee) };
}
