/**
 * Microsoft Entra group membership over Graph v1.0, app-only (`GroupMember.Read.All`):
 *   GET /groups/{id}/transitiveMembers?$select=id&$top=999
 * following every `@odata.nextLink`. Transitive: members of nested groups are listed, the nested
 * groups themselves too; only `#microsoft.graph.user` objects count as people (devices, contacts,
 * service principals and groups are left out). No OData cast (`/microsoft.graph.user`), since a cast
 * needs `ConsistencyLevel: eventual` and `$count`, an index that can lag recent changes.
 * An unknown group is 404 `Request_ResourceNotFound`: `PROGRAMME.GROUP_NOT_FOUND`.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { GroupDirectory } from '../../core/ports/programmes';
import { fail, ok, type Result } from '../../core/result';
import { pathOf } from './graph-client';
import { fromThrown, graphInvalidResponse } from './graph-errors';

const Page = z.looseObject({
  value: z.array(z.looseObject({ '@odata.type': z.string().optional(), id: z.string().min(1) })),
  '@odata.nextLink': z.string().optional(),
});

/** 999 per page is Graph's maximum for directory objects; a 100,000-person group is 101 pages. */
const PAGE_SIZE = 999;
const MAX_PAGES = 1000;
const USER_TYPE = '#microsoft.graph.user';

export class GraphGroupMembers implements GroupDirectory {
  constructor(private readonly client: Client) {}

  async userIds(groupId: string): Promise<Result<string[]>> {
    const ids: string[] = [];
    const walked = await this.walk(groupId, (id) => {
      ids.push(id);
      return false;
    });
    return walked.ok ? ok(ids) : walked;
  }

  async isMember(groupId: string, personId: string): Promise<Result<boolean>> {
    const wanted = personId.toLowerCase();
    return this.walk(groupId, (id) => id.toLowerCase() === wanted);
  }

  /** Visits every user of the group page by page; stops early (answering true) when `found` says so. */
  private async walk(groupId: string, found: (userId: string) => boolean): Promise<Result<boolean>> {
    const operation = 'read the group’s members';
    let url = `/groups/${encodeURIComponent(groupId)}/transitiveMembers?$select=id&$top=${PAGE_SIZE}`;
    for (let n = 0; n < MAX_PAGES; n++) {
      let raw: unknown;
      try {
        raw = await this.client.api(url).get();
      } catch (cause) {
        const failure = fromThrown(cause, operation);
        if (failure.error.code === 'GRAPH.NOT_FOUND') {
          return fail('PROGRAMME.GROUP_NOT_FOUND', 'Microsoft Entra ID has no group with that id in your organisation; check the group id (its Object ID in the Entra admin center).', {
            details: { groupId },
          });
        }
        return failure;
      }
      const page = Page.safeParse(raw);
      if (!page.success) return graphInvalidResponse(operation, page.error.issues[0]?.message ?? 'unexpected shape');
      for (const item of page.data.value) {
        // Graph names each directory object's type; an item without one is not counted as a person.
        if (item['@odata.type'] === USER_TYPE && found(item.id)) return ok(true);
      }
      const next = page.data['@odata.nextLink'];
      if (!next) return ok(false);
      url = pathOf(next);
    }
    return graphInvalidResponse(operation, `more than ${MAX_PAGES} pages of members`);
  }
}
