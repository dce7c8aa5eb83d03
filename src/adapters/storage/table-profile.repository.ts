/** Profiles: one partition per tenant, one row per person (row key = the person's oid). */
import { ok, type Result } from '../../core/result';
import type { ProfileRepository, Unversioned } from '../../core/ports/repositories';
import type { Profile } from '../../core/profiles/profile';
import { StoredProfile } from './stored-entity.schemas';
import { found, versioned, withoutVersion } from './stored-document';
import type { TableDocumentStore } from './table-document-store';
import { key, tenantKeys } from './table-keys';

const KIND = 'profile';

export class TableProfileRepository implements ProfileRepository {
  constructor(private readonly store: TableDocumentStore) {}

  async get(tenantId: string, userId: string): Promise<Result<Profile>> {
    return found<Profile>(await this.store.get(tenantKeys.profiles(tenantId), key(userId), StoredProfile), KIND);
  }

  async list(tenantId: string): Promise<Result<Profile[]>> {
    const rows = await this.store.list(tenantKeys.profiles(tenantId), StoredProfile);
    if (!rows.ok) return rows;
    const profiles = rows.value.map((r) => versioned<Profile>(r));
    return ok(profiles.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)));
  }

  async create(tenantId: string, profile: Unversioned<Profile>): Promise<Result<Profile>> {
    const doc = withoutVersion(profile);
    const written = await this.store.insert(tenantKeys.profiles(tenantId), key(profile.userId), KIND, doc);
    return written.ok ? ok({ ...doc, version: written.value.etag } as Profile) : written;
  }

  async update(tenantId: string, profile: Unversioned<Profile>, expectedVersion: string): Promise<Result<Profile>> {
    const doc = withoutVersion(profile);
    const written = await this.store.replace(tenantKeys.profiles(tenantId), key(profile.userId), KIND, doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value.etag } as Profile) : written;
  }
}
