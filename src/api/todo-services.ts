/**
 * The To Do side of the API host: the person's own To Do (delegated `Tasks.ReadWrite`, on behalf of
 * the signed-in person) when they turn the sync on, and the app's access (`Tasks.ReadWrite.All`,
 * `/users/{id}/todo/…`) for the sync timer; the stored links and mappings; where a task links to.
 */
import { createGraphClient } from '../adapters/graph/graph-client';
import { GraphTodoAdapter } from '../adapters/graph/graph-todo.adapter';
import { TODO_DELEGATED_GRAPH_SCOPES } from '../adapters/graph/msal-token-source';
import type { TableDocumentStore } from '../adapters/storage/table-document-store';
import { TableTodoRecords } from '../adapters/storage/table-todo-records';
import type { MentoringRepositories } from '../core/ports/repositories';
import { ok, type Result } from '../core/result';
import { todoNotConfigured, type TodoRecords, type TodoSyncDeps } from '../core/todo/todo-sync';
import type { Principal } from '../core/usecases/principal';
import type { GraphTokenSources } from './booking-services';
import type { ApiSettings } from './config';

export interface TodoServices {
  /** For the signed-in person's own request: their To Do through their own token. */
  forRequest(principal: Principal, authorization: string | undefined): Result<TodoSyncDeps>;
  /** For the timer: one person's To Do through the app's token. */
  forPerson(tenantId: string, personId: string): Result<TodoSyncDeps>;
  readonly records: TodoRecords;
}

/** A relationship's action items in the tab: a Teams deep link when the app id is known, the tab's URL otherwise. */
export function todoLinkTo(settings: Pick<ApiSettings, 'TEAMS_APP_ID' | 'TAB_ENDPOINT'>): ((relationshipId: string) => string) | undefined {
  const page = (relationshipId: string) => `relationship/${encodeURIComponent(relationshipId)}/actions`;
  if (settings.TEAMS_APP_ID) {
    return (id) => `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.TEAMS_APP_ID!)}/mentoring?context=${encodeURIComponent(JSON.stringify({ subEntityId: page(id) }))}`;
  }
  if (settings.TAB_ENDPOINT) return (id) => `${settings.TAB_ENDPOINT!.replace(/\/$/, '')}/index.html#/${page(id)}`;
  return undefined;
}

export function createTodoServices(options: { settings: ApiSettings; store: TableDocumentStore; repos: MentoringRepositories; tokens: GraphTokenSources | undefined }): TodoServices {
  const { settings, tokens } = options;
  const records = new TableTodoRecords(options.store);
  const linkTo = todoLinkTo(settings);
  return {
    records,
    forRequest(principal, authorization) {
      if (!tokens || !linkTo) return todoNotConfigured();
      const sso = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '';
      const client = createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokens.onBehalfOf(principal.tenantId, sso, TODO_DELEGATED_GRAPH_SCOPES) });
      return ok({ repos: options.repos, records, linkTo, todo: new GraphTodoAdapter(client, { me: true }) });
    },
    forPerson(tenantId, personId) {
      if (!tokens || !linkTo) return todoNotConfigured();
      const client = createGraphClient({ baseUrl: settings.GRAPH_BASE_URL, accessToken: tokens.appOnly(tenantId) });
      return ok({ repos: options.repos, records, linkTo, todo: new GraphTodoAdapter(client, { userId: personId }) });
    },
  };
}
