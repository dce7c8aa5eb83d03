/**
 * The local calendar's Teams app side, in Graph's shapes (the pages of Microsoft's docs named in
 * tests/fixtures/graph/README.md):
 *   GET|POST /chats/{chatId}/installedApps          the app in a meeting chat (409 Conflict when already there)
 *   GET|POST /chats/{chatId}/tabs                   tabs pinned in it ($expand=teamsApp, $filter=teamsApp/id eq '…')
 *   GET|POST /users/{userId}/teamwork/installedApps the app in a person's personal scope (409 when already there)
 * A personal install then does what Teams does: the bot gets an installationUpdate "add" from that
 * person's personal chat (the stack wires `onInstalledForPerson` to its own /api/messages). The admin's
 * "not allowed" is a switch tests and the demo turn on (`policy`): Graph answers 403 Forbidden. A tab
 * is added through the chat's resource-specific TeamsTab.Create.Chat, so only when the install consented it.
 * Rows live in their own Azurite table.
 */
import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { graphError, type Answer } from './graph-answer';

export const LOCAL_TEAMS_APPS_TABLE = 'localgraphteamsapps';

const key = (value: string) => Buffer.from(value).toString('base64url');
const BIND = /\/appCatalogs\/teamsApps\/([^/?#]+)$/;
const MEETING_CHAT = /^19:meeting_[A-Za-z0-9_\-=+/]{1,200}@thread\.v2$/;
const Binding = z.object({ 'teamsApp@odata.bind': z.string().regex(BIND) });
const Install = Binding.extend({
  consentedPermissionSet: z
    .object({ resourceSpecificPermissions: z.array(z.object({ permissionValue: z.string().min(1), permissionType: z.enum(['Application', 'Delegated']) })) })
    .optional(),
});
const TabInput = Binding.extend({
  displayName: z.string().min(1),
  configuration: z.object({ entityId: z.string().nullish(), contentUrl: z.string().url(), websiteUrl: z.string().url().nullish(), removeUrl: z.string().url().nullish() }),
});

/** What the tenant's admin allows; mutable while the calendar runs. */
export interface LocalTeamsAppPolicy {
  /** The app may not be installed in chats (Graph: 403). */
  chatInstallBlocked: boolean;
  /** People for whom the app may not be installed (an app permission policy that does not allow it: 403). */
  readonly personInstallBlocked: Set<string>;
}

export interface InstalledForPerson {
  readonly personId: string;
  readonly tenantId: string | undefined;
  readonly displayName: string;
  readonly catalogAppId: string;
}

const teamsAppOf = (catalogAppId: string) => ({ id: catalogAppId, externalId: catalogAppId, displayName: 'Mentoring', distributionMethod: 'organization' });
const catalogIdOf = (bind: string) => decodeURIComponent(BIND.exec(bind)![1]!);
const filteredAppId = (query: URLSearchParams): string | undefined | null => {
  const filter = query.get('$filter');
  if (!filter) return undefined;
  const match = /^teamsApp\/(?:id|externalId) eq '((?:[^']|'')*)'$/.exec(filter);
  return match ? match[1]!.replace(/''/g, "'") : null;
};

export class LocalTeamsApps {
  readonly policy: LocalTeamsAppPolicy = { chatInstallBlocked: false, personInstallBlocked: new Set() };
  /** Set by the stack: Teams' installationUpdate to the bot after a personal install. */
  onInstalledForPerson: ((install: InstalledForPerson) => Promise<void>) | undefined;
  private ready: Promise<unknown> | undefined;

  constructor(private readonly table: TableClient) {}

  static fromConnectionString(connectionString: string, tableName = LOCAL_TEAMS_APPS_TABLE): LocalTeamsApps {
    const insecure = /DefaultEndpointsProtocol=http(;|$)/i.test(connectionString) || /TableEndpoint=http:/i.test(connectionString);
    return new LocalTeamsApps(TableClient.fromConnectionString(connectionString, tableName, insecure ? { allowInsecureConnection: true } : {}));
  }

  private created(): Promise<unknown> {
    if (!this.ready) this.ready = this.table.createTable().catch(() => undefined);
    return this.ready;
  }

  private async rows(partition: string): Promise<{ rowKey?: string; doc: string }[]> {
    await this.created();
    const out: { rowKey?: string; doc: string }[] = [];
    for await (const row of this.table.listEntities<{ doc: string }>({ queryOptions: { filter: `PartitionKey eq '${partition}'` } })) out.push(row);
    return out;
  }

  /** Inserts once; false when the row is there already (Graph's 409). */
  private async insert(partition: string, rowKey: string, doc: unknown): Promise<boolean> {
    await this.created();
    try {
      await this.table.createEntity({ partitionKey: partition, rowKey, doc: JSON.stringify(doc) });
      return true;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 409) return false;
      throw error;
    }
  }

  private async installations(partition: string, query: URLSearchParams, context: string): Promise<Answer> {
    const wanted = filteredAppId(query);
    if (wanted === null) return graphError(400, 'BadRequest', "Filter by teamsApp/id eq '<id>' or teamsApp/externalId eq '<id>'.");
    const expand = (query.get('$expand') ?? '').split(',').map((s) => s.trim());
    const value = (await this.rows(partition))
      .filter((r) => String(r.rowKey).startsWith('app|'))
      .map((r) => JSON.parse(r.doc) as { id: string; catalogAppId: string })
      .filter((i) => wanted === undefined || i.catalogAppId === wanted)
      .map((i) => ({ id: i.id, ...(expand.includes('teamsApp') ? { teamsApp: teamsAppOf(i.catalogAppId) } : {}) }));
    return { status: 200, body: { '@odata.context': context, value } };
  }

  private async install(partition: string, scopeId: string, body: unknown): Promise<Answer | { catalogAppId: string }> {
    const input = Install.strict().safeParse(body);
    if (!input.success) return graphError(400, 'BadRequest', 'The request body must bind teamsApp@odata.bind to …/appCatalogs/teamsApps/{id} (and may carry consentedPermissionSet).');
    const catalogAppId = catalogIdOf(input.data['teamsApp@odata.bind']);
    const id = Buffer.from(`${scopeId}##${catalogAppId}`).toString('base64');
    const consented = (input.data.consentedPermissionSet?.resourceSpecificPermissions ?? []).map((p) => `${p.permissionType}:${p.permissionValue}`);
    const inserted = await this.insert(partition, `app|${key(catalogAppId)}`, { id, catalogAppId, consented });
    if (!inserted) return graphError(409, 'Conflict', 'The app is already installed.');
    return { catalogAppId };
  }

  /** /chats/{chatId}/installedApps and /chats/{chatId}/tabs. */
  async chatRoute(input: { method: string; rest: readonly string[]; query: URLSearchParams; body: unknown; origin: string }): Promise<Answer> {
    const chatId = decodeURIComponent(input.rest[0] ?? '');
    if (!MEETING_CHAT.test(chatId)) return graphError(404, 'NotFound', `Chat '${chatId}' was not found.`);
    const partition = `chat|${key(chatId)}`;
    const context = `https://graph.microsoft.com/v1.0/$metadata#chats('${encodeURIComponent(chatId)}')`;
    const what = input.rest[1];
    if (input.rest.length !== 2 || (what !== 'installedApps' && what !== 'tabs')) return graphError(400, 'BadRequest', `Resource not found for the segment '${what ?? ''}'.`);
    if (what === 'installedApps') {
      if (input.method === 'GET') return this.installations(partition, input.query, `${context}/installedApps`);
      if (input.method !== 'POST') return graphError(405, 'BadRequest', `${input.method} is not supported here.`);
      if (this.policy.chatInstallBlocked) return graphError(403, 'Forbidden', 'Forbidden: the app is not allowed to be installed in this chat.');
      const installed = await this.install(partition, chatId, input.body);
      return 'status' in installed ? installed : { status: 201 };
    }
    const tabs = (await this.rows(partition)).filter((r) => String(r.rowKey).startsWith('tab|')).map((r) => JSON.parse(r.doc) as { tab: Record<string, unknown>; catalogAppId: string });
    if (input.method === 'GET') {
      const wanted = filteredAppId(input.query);
      if (wanted === null) return graphError(400, 'BadRequest', "Filter by teamsApp/id eq '<id>'.");
      const expand = (input.query.get('$expand') ?? '').split(',').map((s) => s.trim()).includes('teamsApp');
      const value = tabs.filter((t) => wanted === undefined || t.catalogAppId === wanted).map((t) => ({ ...t.tab, ...(expand ? { teamsApp: teamsAppOf(t.catalogAppId) } : {}) }));
      return { status: 200, body: { '@odata.context': `${context}/tabs${expand ? '(teamsApp())' : ''}`, '@odata.count': value.length, value } };
    }
    if (input.method !== 'POST') return graphError(405, 'BadRequest', `${input.method} is not supported here.`);
    const tab = TabInput.safeParse(input.body);
    if (!tab.success) return graphError(400, 'BadRequest', `The tab is not valid: ${tab.error.issues[0]?.path.join('.')} ${tab.error.issues[0]?.message ?? ''}`);
    const catalogAppId = catalogIdOf(tab.data['teamsApp@odata.bind']);
    const installation = (await this.rows(partition)).find((r) => r.rowKey === `app|${key(catalogAppId)}`);
    // As Graph documents it: the app must already be installed in the chat.
    if (!installation) return graphError(400, 'BadRequest', 'The app must be installed in the chat before its tab can be added.');
    // The app adds tabs here through the chat's own resource-specific permission, consented at install.
    const consented = (JSON.parse(installation.doc) as { consented?: string[] }).consented ?? [];
    if (!consented.includes('Application:TeamsTab.Create.Chat')) return graphError(403, 'Forbidden', 'Missing role permissions on the request: TeamsTab.Create.Chat was not consented for this chat.');
    const id = randomUUID();
    const created = {
      id,
      displayName: tab.data.displayName,
      configuration: { entityId: tab.data.configuration.entityId ?? null, contentUrl: tab.data.configuration.contentUrl, websiteUrl: tab.data.configuration.websiteUrl ?? null, removeUrl: tab.data.configuration.removeUrl ?? null },
      sortOrderIndex: String(10_000 + tabs.length * 100),
      webUrl: `https://teams.microsoft.com/l/entity/${encodeURIComponent(catalogAppId)}/_djb2_msteams_prefix_${id}?context=${encodeURIComponent(JSON.stringify({ context: 'chat', chatId, subEntityId: null }))}`,
    };
    await this.insert(partition, `tab|${id}`, { tab: created, catalogAppId });
    return { status: 201, body: { '@odata.context': `${context}/tabs/$entity`, ...created } };
  }

  /** /users/{userId}/teamwork/installedApps. */
  async personRoute(input: { method: string; person: { personId: string; tenantId?: string | undefined; displayName: string }; query: URLSearchParams; body: unknown }): Promise<Answer> {
    const partition = `user|${key(input.person.personId)}`;
    const context = `https://graph.microsoft.com/v1.0/$metadata#users('${input.person.personId}')/teamwork/installedApps`;
    if (input.method === 'GET') return this.installations(partition, input.query, context);
    if (input.method !== 'POST') return graphError(405, 'BadRequest', `${input.method} is not supported here.`);
    if (this.policy.personInstallBlocked.has(input.person.personId)) return graphError(403, 'Forbidden', 'Forbidden: the app is not allowed for this user by the organization’s app permission policy.');
    const installed = await this.install(partition, input.person.personId, input.body);
    if ('status' in installed) return installed;
    await this.onInstalledForPerson?.({ personId: input.person.personId, tenantId: input.person.tenantId, displayName: input.person.displayName, catalogAppId: installed.catalogAppId });
    return { status: 201 };
  }
}
