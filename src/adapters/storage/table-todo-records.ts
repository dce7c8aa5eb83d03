/**
 * The To Do sync's records in Table Storage: one row per person who opted in (partition `todo-links`,
 * read whole by the sync timer) and, per person, one row per action item with the task it maps to and
 * what was last written there (partition `todo-map|{tenant}|{person}`).
 */
import { z } from 'zod';
import { ok, type Result } from '../../core/result';
import type { TodoLink, TodoMapping, TodoRecords } from '../../core/todo/todo-sync';
import type { TableDocumentStore } from './table-document-store';

const LINKS_PARTITION = 'todo-links';
const fields = z.object({ title: z.string(), dueDate: z.string().optional(), completed: z.boolean() }).strict();
const LinkRow = z.looseObject({ tenantId: z.string(), personId: z.string(), listId: z.string(), cursor: z.string().optional(), relationshipIds: z.array(z.string()) });
const MappingRow = z.looseObject({
  itemId: z.string(),
  relationshipId: z.string(),
  state: z.enum(['pending', 'linked', 'detached']),
  taskId: z.string().optional(),
  synced: fields,
});

const mapPartition = (tenantId: string, personId: string) => `todo-map|${tenantId}|${personId}`;

function linkOf(row: z.infer<typeof LinkRow>): TodoLink {
  return { personId: row.personId, listId: row.listId, ...(row.cursor !== undefined ? { cursor: row.cursor } : {}), relationshipIds: row.relationshipIds };
}

function mappingOf(row: z.infer<typeof MappingRow>): TodoMapping {
  const { dueDate, ...rest } = row.synced;
  return {
    itemId: row.itemId,
    relationshipId: row.relationshipId,
    state: row.state,
    ...(row.taskId !== undefined ? { taskId: row.taskId } : {}),
    synced: { ...rest, ...(dueDate !== undefined ? { dueDate } : {}) },
  };
}

export class TableTodoRecords implements TodoRecords {
  constructor(private readonly store: TableDocumentStore) {}

  async getLink(tenantId: string, personId: string): Promise<Result<TodoLink | undefined>> {
    const row = await this.store.get(LINKS_PARTITION, `${tenantId}|${personId}`, LinkRow);
    if (!row.ok) return row;
    return ok(row.value ? linkOf(row.value.value) : undefined);
  }

  async saveLink(tenantId: string, link: TodoLink): Promise<Result<void>> {
    const written = await this.store.upsert(LINKS_PARTITION, `${tenantId}|${link.personId}`, 'todoLink', { tenantId, ...link, relationshipIds: [...link.relationshipIds] });
    return written.ok ? ok(undefined) : written;
  }

  async listLinks(): Promise<Result<{ tenantId: string; link: TodoLink }[]>> {
    const rows = await this.store.list(LINKS_PARTITION, LinkRow);
    if (!rows.ok) return rows;
    return ok(rows.value.filter((r) => r.value.relationshipIds.length > 0).map((r) => ({ tenantId: r.value.tenantId, link: linkOf(r.value) })));
  }

  async listMappings(tenantId: string, personId: string): Promise<Result<TodoMapping[]>> {
    const rows = await this.store.list(mapPartition(tenantId, personId), MappingRow);
    if (!rows.ok) return rows;
    return ok(rows.value.map((r) => mappingOf(r.value)));
  }

  async saveMapping(tenantId: string, personId: string, mapping: TodoMapping): Promise<Result<void>> {
    const written = await this.store.upsert(mapPartition(tenantId, personId), mapping.itemId, 'todoMapping', mapping);
    return written.ok ? ok(undefined) : written;
  }
}
