import { z } from 'zod';
import type { TodoSyncSummary } from '../core/todo/todo-sync';

/** PUT /api/relationships/{relationshipId}/todo: my action items of this relationship in my To Do, or not. */
export const TodoSyncBody = z.object({ enabled: z.boolean() }).strict();

export const TodoSyncSummaryDto = z.object({ created: z.number().int(), updated: z.number().int(), completedFromTodo: z.number().int(), detached: z.number().int(), deferred: z.number().int() }).strict();

/** GET/PUT …/todo: whether my items of this relationship go to my To Do list, which list, and (after turning it on) the first sync. */
export const TodoSyncDto = z
  .object({
    enabled: z.boolean(),
    listName: z.string(),
    synced: TodoSyncSummaryDto.optional(),
  })
  .strict();
export type TodoSyncDto = z.infer<typeof TodoSyncDto>;

export function toTodoSyncDto(value: { enabled: boolean; listName: string; synced?: TodoSyncSummary }): TodoSyncDto {
  return { enabled: value.enabled, listName: value.listName, ...(value.synced ? { synced: { ...value.synced } } : {}) };
}
