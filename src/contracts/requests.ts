import { z } from 'zod';
import type { MentoringRequest } from '../core/requests/mentoring-request';
import type { CreateRequestInput, DeclineRequestInput, RequestDecisionInput, RequestView } from '../core/usecases/request-use-cases';
import { Id, IsoInstant, LIMITS, multilineText, toIso, Version, type Assignable, type Expect } from './common';

export const PreWorkSchema = z
  .object({
    whatIWant: multilineText(LIMITS.note),
    whatIBring: multilineText(LIMITS.note),
    expectations: multilineText(LIMITS.note),
  })
  .strict();

/** POST /api/requests */
export const CreateRequestBody = z
  .object({
    mentorId: Id,
    note: multilineText(LIMITS.note),
    preWork: PreWorkSchema,
  })
  .strict();
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

/** Path of /api/requests/{requestId}/accept | /decline | /withdraw */
export const RequestParams = z.object({ requestId: Id }).strict();

/** Body of accept and withdraw: the version read (here or in If-Match; the API refuses a decision without one). */
export const RequestDecisionBody = z.object({ version: Version.optional() }).strict();
export const DeclineRequestBody = z.object({ reason: multilineText(LIMITS.shortText), version: Version.optional() }).strict();

export const RequestDecisionInputSchema = RequestParams.extend(RequestDecisionBody.shape).strict();
export const DeclineRequestInputSchema = RequestParams.extend(DeclineRequestBody.shape).strict();

export const MentoringRequestDto = z
  .object({
    id: z.string(),
    menteeId: z.string(),
    mentorId: z.string(),
    note: z.string(),
    preWork: PreWorkSchema,
    status: z.enum(['open', 'accepted', 'declined', 'withdrawn']),
    createdAt: IsoInstant,
    decidedAt: IsoInstant.optional(),
    declineReason: z.string().optional(),
    relationshipId: z.string().optional(),
    version: z.string(),
  })
  .strict();
export type MentoringRequestDto = z.infer<typeof MentoringRequestDto>;

export const RequestViewDto = z
  .object({
    request: MentoringRequestDto,
    direction: z.enum(['incoming', 'outgoing']),
    counterpart: z.object({ userId: z.string(), displayName: z.string(), jobTitle: z.string() }).strict(),
  })
  .strict();
export type RequestViewDto = z.infer<typeof RequestViewDto>;

export const MyRequestsResponse = z.object({ requests: z.array(RequestViewDto) }).strict();
export type MyRequestsResponse = z.infer<typeof MyRequestsResponse>;

export function toMentoringRequestDto(r: MentoringRequest): MentoringRequestDto {
  return {
    id: r.id,
    menteeId: r.menteeId,
    mentorId: r.mentorId,
    note: r.note,
    preWork: { ...r.preWork },
    status: r.status,
    createdAt: toIso(r.createdAt),
    ...(r.decidedAt !== undefined ? { decidedAt: toIso(r.decidedAt) } : {}),
    ...(r.declineReason !== undefined ? { declineReason: r.declineReason } : {}),
    ...(r.relationshipId !== undefined ? { relationshipId: r.relationshipId } : {}),
    version: r.version,
  };
}

export function toRequestViewDto(v: RequestView): RequestViewDto {
  return { request: toMentoringRequestDto(v.request), direction: v.direction, counterpart: { ...v.counterpart } };
}

export type RequestContractChecks = [
  Expect<Assignable<CreateRequestBody, CreateRequestInput>>,
  Expect<Assignable<z.infer<typeof RequestDecisionInputSchema>, RequestDecisionInput>>,
  Expect<Assignable<z.infer<typeof DeclineRequestInputSchema>, DeclineRequestInput>>,
];
