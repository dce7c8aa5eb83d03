/**
 * The local calendar's Entra side: `GET /groups/{id}/transitiveMembers` in Graph's shapes, over the
 * demo groups (src/local/demo-people.ts). As Graph: members of nested groups are listed and so are
 * the nested groups; each object carries its `@odata.type`; `$top` pages (default 100, at most 999)
 * with an absolute `@odata.nextLink` carrying `$skiptoken`; `$select=id` leaves only the id; a group
 * that does not exist in the caller's tenant is 404 `Request_ResourceNotFound`.
 */
import { graphError, type Answer } from './graph-answer';

export interface LocalGroup {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName: string;
  /** Person ids and ids of nested groups. */
  readonly members: readonly string[];
}

export interface LocalDirectoryPerson {
  readonly personId: string;
  readonly displayName: string;
  readonly email: string;
  readonly tenantId?: string;
}

const notFound = (id: string) =>
  graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export function transitiveMembersRoute(input: {
  readonly method: string;
  readonly rest: readonly string[];
  readonly query: URLSearchParams;
  readonly tenantId: string | undefined;
  readonly groups: readonly LocalGroup[];
  readonly person: (id: string) => LocalDirectoryPerson | undefined;
  /** The absolute URL of this collection, for nextLink. */
  readonly selfUrl: string;
}): Answer {
  const [groupId, collection, ...tail] = input.rest;
  if (!groupId || collection !== 'transitiveMembers' || tail.length > 0 || input.method !== 'GET') {
    return graphError(400, 'Request_BadRequest', 'The local directory serves GET /groups/{id}/transitiveMembers only.');
  }
  const byId = new Map(input.groups.map((g) => [g.id.toLowerCase(), g]));
  const root = byId.get(groupId.toLowerCase());
  if (!root || (input.tenantId && root.tenantId !== input.tenantId)) return notFound(groupId);
  // Flatten breadth-first, each object once (a cycle of nested groups ends).
  const seen = new Set<string>([root.id.toLowerCase()]);
  const objects: { type: 'user' | 'group'; id: string; displayName: string; mail?: string }[] = [];
  const queue = [...root.members];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id.toLowerCase())) continue;
    seen.add(id.toLowerCase());
    const group = byId.get(id.toLowerCase());
    if (group) {
      objects.push({ type: 'group', id: group.id, displayName: group.displayName });
      queue.push(...group.members);
      continue;
    }
    const p = input.person(id);
    if (p) objects.push({ type: 'user', id: p.personId, displayName: p.displayName, mail: p.email });
  }
  const topText = input.query.get('$top');
  const top = topText === null ? 100 : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > 999) return graphError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${topText}'. Must be between 1 and 999 inclusive.`);
  const skip = Number(input.query.get('$skiptoken') ?? '0');
  if (!Number.isInteger(skip) || skip < 0) return graphError(400, 'Request_BadRequest', 'Invalid $skiptoken.');
  const onlyId = input.query.get('$select') === 'id';
  const page = objects.slice(skip, skip + top).map((o) =>
    onlyId ? { '@odata.type': `#microsoft.graph.${o.type}`, id: o.id } : { '@odata.type': `#microsoft.graph.${o.type}`, id: o.id, displayName: o.displayName, ...(o.mail ? { mail: o.mail } : {}) },
  );
  const next = new URLSearchParams();
  if (input.query.get('$select')) next.set('$select', input.query.get('$select')!);
  next.set('$top', String(top));
  next.set('$skiptoken', String(skip + top));
  return {
    status: 200,
    body: {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#directoryObjects${onlyId ? '(id)' : ''}`,
      ...(skip + top < objects.length ? { '@odata.nextLink': `${input.selfUrl}?${decodeURIComponent(next.toString())}` } : {}),
      value: page,
    },
  };
}
