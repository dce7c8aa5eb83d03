/**
 * People's managers over Graph v1.0, app-only (`User.Read.All`):
 *   GET /users/{id}/manager?$select=id      (20 to a $batch, inner 429/503/504 retried by the runner)
 * A person without a manager is 404 `Request_ResourceNotFound`, which is an answer ("none"), not a
 * failure. A manager may be an organizational contact (`#microsoft.graph.orgContact`): that is not a
 * person of the cohort, so it is left out.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { ManagerDirectory } from '../../core/ports/programmes';
import { ok, type Result } from '../../core/result';
import { GraphBatchRunner, type BatchOptions } from './graph-batch';
import { graphInvalidResponse, graphStatusFailure } from './graph-errors';

const Manager = z.looseObject({ '@odata.type': z.string().optional(), id: z.string().min(1) });
const CONTACT_TYPE = '#microsoft.graph.orgContact';

export class GraphManagers implements ManagerDirectory {
  private readonly batch: GraphBatchRunner;

  constructor(client: Client, options: BatchOptions = {}) {
    this.batch = new GraphBatchRunner(client, options);
  }

  async managersOf(personIds: readonly string[]): Promise<Result<ReadonlyMap<string, string>>> {
    const operation = 'read people’s managers';
    const ids = [...new Set(personIds)];
    // Each request touches a different user: "mailbox" is the person, so batches are filled 20 at a time.
    const outcomes = await this.batch.run(
      ids.map((id) => ({ method: 'GET' as const, url: `/users/${encodeURIComponent(id)}/manager?$select=id`, mailbox: id })),
      operation,
    );
    const managers = new Map<string, string>();
    for (const [i, outcome] of outcomes.entries()) {
      if (!outcome.ok) return outcome;
      const { status, body } = outcome.response;
      if (status === 404) continue;
      if (status !== 200) return graphStatusFailure(status, body, operation);
      const manager = Manager.safeParse(body);
      if (!manager.success) return graphInvalidResponse(operation, manager.error.issues[0]?.message ?? 'unexpected shape');
      if (manager.data['@odata.type'] === CONTACT_TYPE) continue;
      managers.set(ids[i]!, manager.data.id);
    }
    return ok(managers);
  }
}
