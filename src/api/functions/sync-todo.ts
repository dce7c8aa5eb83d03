/**
 * The To Do sync timer (every 5 minutes): for every person who opted in, read their "Mentoring" list's
 * changes (tasks/delta) and write their items' changes, through the app's own access
 * (`Tasks.ReadWrite.All`, `/users/{id}/todo/…`): the person is not there to lend their token.
 */
import { syncTodoForPerson } from '../../core/todo/todo-sync';
import type { ApiLogger, ApiServices } from '../api-services';
import { timerFunction } from '../function-definition';

export const TODO_SYNC_EVERY_MS = 5 * 60_000;

export async function syncAllTodo(services: ApiServices, now: number, logger: ApiLogger): Promise<void> {
  const links = await services.todo.records.listLinks();
  if (!links.ok) {
    logger.error('To Do sync could not read who opted in', { code: links.error.code });
    return;
  }
  for (const { tenantId, link } of links.value) {
    const deps = services.todo.forPerson(tenantId, link.personId);
    if (!deps.ok) {
      logger.error('To Do sync has no Graph access', { tenantId, code: deps.error.code });
      return;
    }
    const synced = await syncTodoForPerson(deps.value, { tenantId, personId: link.personId, now });
    if (!synced.ok) logger.error('To Do sync failed for a person', { tenantId, personId: link.personId, code: synced.error.code });
    else logger.info('To Do sync', { tenantId, personId: link.personId, ...synced.value });
  }
}

export const syncTodoTimer = timerFunction('syncTodo', '0 0/5 * * * *', TODO_SYNC_EVERY_MS, syncAllTodo);
