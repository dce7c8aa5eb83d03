/**
 * Mentoring requests: each in its own partition, plus an index row in the mentee's and the mentor's
 * person partitions so "my requests" is one partition query and a few point reads. The index rows
 * are written BEFORE the request, so a request is never missing from its people's lists; an index
 * row whose request was never created is skipped.
 */
import { ok, type Result } from '../../core/result';
import type { RequestRepository, Unversioned } from '../../core/ports/repositories';
import type { MentoringRequest } from '../../core/requests/mentoring-request';
import { StoredMembership, StoredRequest } from './stored-entity.schemas';
import { byId, found, withoutVersion } from './stored-document';
import type { TableDocumentStore } from './table-document-store';
import { key, tenantKeys } from './table-keys';

const KIND = 'request';
const ROW = 'request';
const INDEX_PREFIX = 'req|';

export class TableRequestRepository implements RequestRepository {
  constructor(private readonly store: TableDocumentStore) {}

  async get(tenantId: string, requestId: string): Promise<Result<MentoringRequest>> {
    return found<MentoringRequest>(await this.store.get(tenantKeys.request(tenantId, requestId), ROW, StoredRequest), KIND);
  }

  async listForPerson(tenantId: string, personId: string): Promise<Result<MentoringRequest[]>> {
    const index = await this.store.list(tenantKeys.person(tenantId, personId), StoredMembership, INDEX_PREFIX);
    if (!index.ok) return index;
    const loaded = await Promise.all(index.value.map((row) => this.store.get(tenantKeys.request(tenantId, row.value.id), ROW, StoredRequest)));
    const requests: MentoringRequest[] = [];
    for (const result of loaded) {
      if (!result.ok) return result;
      if (result.value) requests.push({ ...result.value.value, version: result.value.etag } as MentoringRequest);
    }
    return ok(requests.filter((r) => r.menteeId === personId || r.mentorId === personId).sort((a, b) => a.createdAt - b.createdAt || byId(a, b)));
  }

  async create(tenantId: string, request: Unversioned<MentoringRequest>): Promise<Result<MentoringRequest>> {
    for (const personId of new Set([request.menteeId, request.mentorId])) {
      const indexed = await this.store.upsert(tenantKeys.person(tenantId, personId), `${INDEX_PREFIX}${key(request.id)}`, 'request-index', { id: request.id });
      if (!indexed.ok) return indexed;
    }
    const doc = withoutVersion(request);
    const written = await this.store.insert(tenantKeys.request(tenantId, request.id), ROW, KIND, doc);
    return written.ok ? ok({ ...doc, version: written.value.etag } as MentoringRequest) : written;
  }

  async update(tenantId: string, request: Unversioned<MentoringRequest>, expectedVersion: string): Promise<Result<MentoringRequest>> {
    const doc = withoutVersion(request);
    const written = await this.store.replace(tenantKeys.request(tenantId, request.id), ROW, KIND, doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value.etag } as MentoringRequest) : written;
  }
}
