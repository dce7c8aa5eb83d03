import { z } from 'zod';
import type { Agreement } from '../core/agreement/agreement';
import { AGREEMENT_LIMITS, checkAgreementNumbers } from '../core/agreement/agreement-limits';
import type { AgreementVersion } from '../core/relationships/agreement-version';
import type { AcceptAgreementInput, ProposeAgreementInput } from '../core/usecases/agreement-use-cases';
import type { AgreementState } from '../core/usecases/relationship-use-cases';
import { formatted, Id, IsoInstant, LIMITS, LocalDateText, RelationshipParams, multilineText, text, TimeOfDayText, TimeZoneText, toIso, Version, type Assignable, type Expect } from './common';

/** Shapes only; validateAgreement (scheduling core) checks times, dates and the rules between fields. */
const WeeklyWindowSchema = z
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
  const numbers = checkAgreementNumbers(agreement);
  if (numbers.ok) return;
  ctx.addIssue({
    code: 'custom',
    path: (numbers.error.field ?? '').split('.').filter((p) => p.length > 0),
    message: numbers.error.message,
    params: { errorCode: numbers.error.code },
  });
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
    versions: z.array(AgreementVersionDto),
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
    ...(s.active ? { activeNumber: s.active.number } : {}),
    ...(s.latest ? { latestNumber: s.latest.number } : {}),
  };
}

export type AgreementContractChecks = [
  Expect<Assignable<AgreementDto, Agreement>>,
  Expect<Assignable<z.infer<typeof ProposeAgreementInputSchema>, ProposeAgreementInput>>,
];
