/**
 * Microsoft To Do sync at 10,000 action items: the production sync (src/core/todo/todo-sync.ts), the
 * production Graph To Do adapter over HTTP, Table Storage records on Azurite, and the local calendar's
 * To Do. `npm run bench -- todo`.
 *   todo-sync-10000-items-graph-requests-per-change   Graph requests the sync made / changes it synced, over
 *                                                      the first round (10,000 tasks created) and a round of
 *                                                      3,000 changes both ways (budget ≤ 1.2)
 *   todo-sync-idle-round-graph-requests-per-person     a round with nothing to do (one delta read each)
 *   todo-sync-duplicates-under-10pct-faults            tasks beyond one per item, and items without a task,
 *                                                      after 1,000 new items synced with 10% of Graph calls
 *                                                      answered 429 or a 503 after the create took effect (must be 0)
 *   todo-sync-10000-items-first-round-wall             wall time of the first round (100 people in 8 lanes)
 */
import { randomUUID } from 'node:crypto';
import type { Report } from './run';
import { createGraphClient } from '../src/adapters/graph/graph-client';
import { GraphTodoAdapter } from '../src/adapters/graph/graph-todo.adapter';
import { storageFromConnectionString } from '../src/adapters/storage/storage-connection';
import { TableDocumentStore } from '../src/adapters/storage/table-document-store';
import { tableRepositories } from '../src/adapters/storage/table-repositories';
import { TableTodoRecords } from '../src/adapters/storage/table-todo-records';
import type { ActionItem } from '../src/core/actions/action-item';
import { inParallel } from '../src/core/booking/in-parallel';
import { setTodoSync, syncTodoForPerson, type TodoSyncDeps } from '../src/core/todo/todo-sync';
import { startAzurite } from '../src/local/azurite';
import type { LocalCalendarPerson } from '../src/local/calendar/demo-calendars';
import { seededRandom } from '../src/local/calendar/fault-plan';
import { localCalendarTable, startLocalGraphCalendar } from '../src/local/calendar/local-graph-calendar';

const PEOPLE = 100;
const ITEMS_PER_PERSON = 100; // the open-item cap of a relationship
const LANES = 8;
const TENANT = randomUUID();
const NOW = Date.UTC(2027, 0, 4, 8, 0);

function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

export async function run(report: Report): Promise<void> {
  const azurite = await startAzurite();
  try {
    const store = await TableDocumentStore.open(storageFromConnectionString(azurite.connectionString), `benchtodo${Math.random().toString(36).slice(2, 8)}`);
    const repos = tableRepositories(store);
    const records = new TableTodoRecords(store);
    const people: LocalCalendarPerson[] = Array.from({ length: PEOPLE }, (_, i) => ({ personId: randomUUID(), email: `mentee${i}@contoso.local`, displayName: `Mentee ${i}`, timeZone: 'Europe/London', seeded: false }));
    const calendar = await startLocalGraphCalendar({ table: localCalendarTable(azurite.connectionString, `benchtodograph${Math.random().toString(36).slice(2, 8)}`), people, now: () => NOW });
    const depsFor = (personId: string): TodoSyncDeps => ({
      repos,
      records,
      linkTo: (id) => `https://tab.contoso.local/index.html#/relationship/${id}/actions`,
      todo: new GraphTodoAdapter(createGraphClient({ baseUrl: calendar.baseUrl, accessToken: async () => 'app-token' }), { userId: personId }),
    });
    try {
      // ---- The data (untimed): 100 relationships, each with 100 open items owned by the mentee.
      const relationships = new Map<string, string>();
      const items = new Map<string, ActionItem[]>();
      await inParallel(people, LANES, async (p) => {
        const rel = must(
          await repos.relationships.create(TENANT, {
            id: randomUUID(),
            mentorId: randomUUID(),
            menteeId: p.personId,
            reverse: false,
            status: 'active',
            requestId: randomUUID(),
            menteePreWork: { whatIWant: 'Power BI', whatIBring: 'Strategy', expectations: 'Biweekly' },
            startedAt: NOW,
            reflections: {},
          }),
        );
        relationships.set(p.personId, rel.id);
        const mine: ActionItem[] = [];
        for (let n = 0; n < ITEMS_PER_PERSON; n++) {
          mine.push(
            must(
              await repos.relationships.actionItems.create(TENANT, rel.id, {
                id: randomUUID(),
                title: `Item ${n} of ${p.displayName}`,
                ownerId: p.personId,
                ...(n % 3 === 0 ? { dueDate: `2027-02-${String((n % 28) + 1).padStart(2, '0')}` } : {}),
                status: 'open',
                origin: { kind: 'manual' },
                createdBy: p.personId,
                createdAt: NOW + n,
                updatedAt: NOW + n,
              }),
            ),
          );
        }
        items.set(p.personId, mine);
        must(await setTodoSync({ records, todo: depsFor(p.personId).todo }, { tenantId: TENANT, personId: p.personId, relationshipId: rel.id, enabled: true }));
      });

      const round = async () => {
        const before = calendar.handler.stats.http;
        const changes = await inParallel(people, LANES, async (p) => {
          const s = must(await syncTodoForPerson(depsFor(p.personId), { tenantId: TENANT, personId: p.personId, now: NOW }));
          return s.created + s.updated + s.completedFromTodo + s.detached;
        });
        return { requests: calendar.handler.stats.http - before, changes: changes.reduce((a, b) => a + b, 0) };
      };

      // ---- The first round: every item becomes a task.
      const started = performance.now();
      const first = await round();
      report('todo-sync-10000-items-first-round-wall', (performance.now() - started) / 1000, 's');
      if (first.changes !== PEOPLE * ITEMS_PER_PERSON) throw new Error(`first round synced ${first.changes} changes, expected ${PEOPLE * ITEMS_PER_PERSON}`);

      // ---- 3,000 changes: per person 10 completed, 5 renamed, 5 re-dated in the product; 10 completed in To Do.
      const lists = new Map<string, string>();
      for (const p of people) lists.set(p.personId, must(await records.getLink(TENANT, p.personId))!.listId);
      await inParallel(people, LANES, async (p) => {
        const rel = relationships.get(p.personId)!;
        const mine = items.get(p.personId)!;
        for (let n = 0; n < 20; n++) {
          const item = must(await repos.relationships.actionItems.get(TENANT, rel, mine[n]!.id));
          const { version, ...rest } = item;
          const changed =
            n < 10 ? { ...rest, status: 'done' as const, completedAt: NOW } : n < 15 ? { ...rest, title: `${rest.title} (renamed)` } : { ...rest, dueDate: '2027-03-01' };
          must(await repos.relationships.actionItems.update(TENANT, rel, changed, version));
        }
        const mapped = must(await records.listMappings(TENANT, p.personId));
        for (const item of mine.slice(50, 60)) {
          const taskId = mapped.find((m) => m.itemId === item.id)!.taskId!;
          const res = await fetch(`${calendar.baseUrl}/users/${p.personId}/todo/lists/${encodeURIComponent(lists.get(p.personId)!)}/tasks/${encodeURIComponent(taskId)}`, {
            method: 'PATCH',
            headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
            body: JSON.stringify({ status: 'completed' }),
          });
          if (res.status !== 200) throw new Error(`completing a task in To Do: ${res.status}`);
        }
      });
      const second = await round();
      if (second.changes !== PEOPLE * 30) throw new Error(`change round synced ${second.changes} changes, expected ${PEOPLE * 30}`);
      report('todo-sync-10000-items-graph-requests-per-change', (first.requests + second.requests) / (first.changes + second.changes), 'requests/change');
      report('todo-sync-10000-items-first-round-requests', first.requests, 'requests');
      report('todo-sync-3000-changes-round-requests', second.requests, 'requests');

      const idle = await round();
      report('todo-sync-idle-round-graph-requests-per-person', idle.requests / PEOPLE, 'requests');

      // ---- Faults: 10 new items per person, 10% of Graph calls answered 429 or a lost-answer 503.
      await inParallel(people, LANES, async (p) => {
        const rel = relationships.get(p.personId)!;
        for (let n = 0; n < 10; n++) {
          must(await repos.relationships.actionItems.create(TENANT, rel, { id: randomUUID(), title: `New ${n}`, ownerId: p.personId, status: 'open', origin: { kind: 'manual' }, createdBy: p.personId, createdAt: NOW, updatedAt: NOW }));
        }
      });
      // The new items fit under the open-item cap: 90 open before (10 completed in the product, 10 in To Do).
      Object.assign(calendar.handler.faults, { rate: 0.1, kinds: ['throttle', 'lostAnswer'], random: seededRandom(16), retryAfterSeconds: 0 });
      for (let attempt = 0; attempt < 20; attempt++) {
        const failed = await inParallel(people, LANES, async (p) => !(await syncTodoForPerson(depsFor(p.personId), { tenantId: TENANT, personId: p.personId, now: NOW })).ok);
        if (!failed.some(Boolean)) break;
      }
      Object.assign(calendar.handler.faults, { rate: 0 });
      let problems = 0;
      await inParallel(people, LANES, async (p) => {
        const res = await fetch(`${calendar.baseUrl}/users/${p.personId}/todo/lists/${encodeURIComponent(lists.get(p.personId)!)}/tasks?$expand=linkedResources`, { headers: { authorization: 'Bearer t' } });
        const tasks = ((await res.json()) as { value: { linkedResources: { externalId: string }[] }[] }).value;
        const perItem = new Map<string, number>();
        for (const t of tasks) perItem.set(t.linkedResources[0]!.externalId, (perItem.get(t.linkedResources[0]!.externalId) ?? 0) + 1);
        const all = must(await repos.relationships.actionItems.list(TENANT, relationships.get(p.personId)!));
        for (const item of all) problems += Math.abs((perItem.get(item.id) ?? 0) - 1);
      });
      report('todo-sync-duplicates-under-10pct-faults', problems, 'tasks');
    } finally {
      await calendar.stop();
    }
  } finally {
    await azurite.stop();
  }
}
