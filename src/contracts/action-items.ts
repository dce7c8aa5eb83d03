import { z } from 'zod';
import type { ActionItem } from '../core/actions/action-item';
import type { AddActionItemInput, UpdateActionItemInput } from '../core/usecases/action-item-use-cases';
import { PageQuery, Id, IsoInstant, LIMITS, LocalDateText, RelationshipParams, text, toIso, Version, type Assignable, type Expect } from './common';

export const ActionItemStatusSchema = z.enum(['open', 'done']);

/** GET /api/relationships/{relationshipId}/action-items?status= */
export const ActionItemsQuery = PageQuery.extend({ status: ActionItemStatusSchema.optional() }).strict();

/** GET .../action-items: one page, and the token for the next when there is one. */
export const ActionItemsPage = z.object({ actionItems: z.array(z.lazy(() => ActionItemDto)), continuationToken: z.string().optional() }).strict();

/** POST /api/relationships/{relationshipId}/action-items */
export const AddActionItemBody = z
  .object({ title: text(LIMITS.title), ownerId: Id, dueDate: LocalDateText.optional() })
  .strict();
export const AddActionItemInputSchema = RelationshipParams.extend(AddActionItemBody.shape).strict();

export const ActionItemParams = z.object({ relationshipId: Id, itemId: Id }).strict();

/** PATCH .../action-items/{itemId}; `dueDate: null` clears it. */
export const UpdateActionItemBody = z
  .object({
    version: Version,
    title: text(LIMITS.title).optional(),
    ownerId: Id.optional(),
    dueDate: LocalDateText.nullable().optional(),
    status: ActionItemStatusSchema.optional(),
  })
  .strict();
export const UpdateActionItemInputSchema = ActionItemParams.extend(UpdateActionItemBody.shape).strict();

export const ActionItemDto = z
  .object({
    id: z.string(),
    title: z.string(),
    ownerId: z.string(),
    dueDate: z.string().optional(),
    status: ActionItemStatusSchema,
    origin: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('manual') }).strict(),
      z.object({ kind: z.literal('checkIn'), checkInId: z.string() }).strict(),
    ]),
    createdBy: z.string(),
    createdAt: IsoInstant,
    updatedAt: IsoInstant,
    completedAt: IsoInstant.optional(),
    version: z.string(),
  })
  .strict();
export type ActionItemDto = z.infer<typeof ActionItemDto>;
export const ActionItemsResponse = z.object({ actionItems: z.array(ActionItemDto) }).strict();

export function toActionItemDto(i: ActionItem): ActionItemDto {
  return {
    id: i.id,
    title: i.title,
    ownerId: i.ownerId,
    ...(i.dueDate !== undefined ? { dueDate: i.dueDate } : {}),
    status: i.status,
    origin: i.origin.kind === 'manual' ? { kind: 'manual' } : { kind: 'checkIn', checkInId: i.origin.checkInId },
    createdBy: i.createdBy,
    createdAt: toIso(i.createdAt),
    updatedAt: toIso(i.updatedAt),
    ...(i.completedAt !== undefined ? { completedAt: toIso(i.completedAt) } : {}),
    version: i.version,
  };
}

export type ActionItemContractChecks = [
  Expect<Assignable<z.infer<typeof AddActionItemInputSchema>, AddActionItemInput>>,
  Expect<Assignable<z.infer<typeof UpdateActionItemInputSchema>, UpdateActionItemInput>>,
];
