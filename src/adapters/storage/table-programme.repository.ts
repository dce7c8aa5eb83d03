/**
 * Programmes in Table Storage: the tenant's programmes in one partition (`t|{tenant}|programmes`, a
 * list is one partition query), and each programme's members in its own partition
 * (`t|{tenant}|prog|{programmeId}`, `member|{personId}`), so "has this person joined" is a point read
 * and the member list is one partition query. The current cohort's matches are one document in the
 * programme's partition (`cohort`; 2,500 pairs of GUIDs are about 350 KB, under the 1 MiB entity).
 */
import { z } from 'zod';
import { ok, type Result } from '../../core/result';
import type { Unversioned } from '../../core/ports/repositories';
import type { ProgrammeRepository } from '../../core/ports/programmes';
import type { Programme, ProgrammeCohort, ProgrammeMember } from '../../core/programmes/programme';
import type { Announcement, PairNudge } from '../../core/programmes/campaign';
import { byId, found, versioned, withoutVersion } from './stored-document';
import type { TableDocumentStore } from './table-document-store';
import { key, tenantKeys } from './table-keys';

const obj = z.looseObject;
const text = z.string();
const Window = obj({ weekday: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]), start: text, end: text, endsNextDay: z.boolean().optional() });
const Cadence = z.union([
  obj({ kind: z.literal('weekly') }),
  obj({ kind: z.literal('biweekly') }),
  obj({ kind: z.literal('monthly') }),
  obj({ kind: z.literal('everyNDays'), days: z.number().int() }),
]);

export const StoredProgramme: z.ZodType<Unversioned<Programme>> = obj({
  id: text,
  name: text,
  purpose: text,
  startDate: text,
  endDate: text,
  joinPolicy: z.union([obj({ kind: z.literal('everyone') }), obj({ kind: z.literal('invited'), personIds: z.array(text) }), obj({ kind: z.literal('entraGroup'), groupId: text })]),
  kind: z.enum(['mentoring', 'reverse', 'both']),
  matchingMode: z.enum(['organic', 'assisted', 'cohort']),
  mentorCapacity: z.number().int(),
  defaultAgreement: obj({ cadence: Cadence, meetingMinutes: z.number().int(), meetingCount: z.number().int() }),
  roadmapTemplateIds: z.array(text),
  goals: z.array(text),
  publishAs: z.enum(['accepted', 'invitation']),
  createdBy: text,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const StoredProgrammeMember: z.ZodType<Unversioned<ProgrammeMember>> = obj({
  personId: text,
  role: z.enum(['mentee', 'mentor']),
  timeZone: text,
  meetingWindows: z.array(Window),
  workingHours: z.array(Window).optional(),
  joinedAt: z.number().int(),
  updatedAt: z.number().int(),
});

export const StoredProgrammeCohort: z.ZodType<Unversioned<ProgrammeCohort>> = obj({
  round: z.number().int(),
  status: z.enum(['draft', 'published']),
  pairs: z.array(obj({ menteeId: text, mentorId: text, score: z.number(), reverse: z.boolean(), pinned: z.boolean(), minutesPerWeek: z.number() })),
  unmatched: z.array(obj({ menteeId: text, candidates: z.number().int() })),
  notMatchable: z.array(text),
  totalScore: z.number(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  publishedAt: z.number().int().optional(),
});

export const StoredAnnouncement: z.ZodType<Unversioned<Announcement>> = obj({
  id: text,
  text,
  personIds: z.array(text),
  createdBy: text,
  createdAt: z.number().int(),
});

export const StoredPairNudge: z.ZodType<Unversioned<PairNudge>> = obj({
  relationshipId: text,
  sentAt: z.number().int(),
  by: text,
  planned: z.boolean(),
});

/** Every programme across tenants (tenant-first keys elsewhere keep tenants apart; this one is for timers only). */
const REGISTER_PARTITION = 'programme-register';
const RegisterRow = obj({ tenantId: text, programmeId: text });

const PROGRAMME = 'programme';
const COHORT = 'programmeCohort';
const COHORT_ROW = 'cohort';
const MEMBER = 'programmeMember';
const MEMBER_PREFIX = 'member|';
const memberRow = (personId: string) => `${MEMBER_PREFIX}${key(personId)}`;
const ANNOUNCEMENT = 'programmeAnnouncement';
const announcementRow = (announcementId: string) => `announcement|${key(announcementId)}`;
const NUDGE = 'programmeNudge';
const nudgeRow = (relationshipId: string) => `nudge|${key(relationshipId)}`;

export class TableProgrammeRepository implements ProgrammeRepository {
  constructor(private readonly store: TableDocumentStore) {}

  async get(tenantId: string, programmeId: string): Promise<Result<Programme>> {
    return found<Programme>(await this.store.get(tenantKeys.programmes(tenantId), key(programmeId), StoredProgramme), PROGRAMME);
  }

  async list(tenantId: string): Promise<Result<Programme[]>> {
    const rows = await this.store.list(tenantKeys.programmes(tenantId), StoredProgramme);
    if (!rows.ok) return rows;
    return ok(rows.value.map((r) => versioned<Programme>(r)).sort((a, b) => a.createdAt - b.createdAt || byId(a, b)));
  }

  async create(tenantId: string, programme: Unversioned<Programme>): Promise<Result<Programme>> {
    // The cross-tenant register first, so the health timer never misses a programme that exists.
    const registered = await this.store.upsert(REGISTER_PARTITION, key(tenantId, programme.id), 'programmeRegister', { tenantId, programmeId: programme.id });
    if (!registered.ok) return registered;
    const doc = withoutVersion(programme);
    const written = await this.store.insert(tenantKeys.programmes(tenantId), key(programme.id), PROGRAMME, doc);
    return written.ok ? ok({ ...doc, version: written.value.etag } as Programme) : written;
  }

  async update(tenantId: string, programme: Unversioned<Programme>, expectedVersion: string): Promise<Result<Programme>> {
    const doc = withoutVersion(programme);
    const written = await this.store.replace(tenantKeys.programmes(tenantId), key(programme.id), PROGRAMME, doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value.etag } as Programme) : written;
  }

  async getMember(tenantId: string, programmeId: string, personId: string): Promise<Result<ProgrammeMember>> {
    return found<ProgrammeMember>(await this.store.get(tenantKeys.programme(tenantId, programmeId), memberRow(personId), StoredProgrammeMember), 'programme member');
  }

  async listMembers(tenantId: string, programmeId: string): Promise<Result<ProgrammeMember[]>> {
    const rows = await this.store.list(tenantKeys.programme(tenantId, programmeId), StoredProgrammeMember, MEMBER_PREFIX);
    if (!rows.ok) return rows;
    return ok(rows.value.map((r) => versioned<ProgrammeMember>(r)).sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)));
  }

  async saveMember(tenantId: string, programmeId: string, member: Unversioned<ProgrammeMember>, expectedVersion?: string): Promise<Result<ProgrammeMember>> {
    const doc = withoutVersion(member);
    const partition = tenantKeys.programme(tenantId, programmeId);
    const written =
      expectedVersion === undefined
        ? await this.store.insert(partition, memberRow(member.personId), MEMBER, doc)
        : await this.store.replace(partition, memberRow(member.personId), MEMBER, doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value.etag } as ProgrammeMember) : written;
  }

  async listAll(): Promise<Result<{ tenantId: string; programmeId: string }[]>> {
    const rows = await this.store.list(REGISTER_PARTITION, RegisterRow);
    return rows.ok ? ok(rows.value.map((r) => r.value)) : rows;
  }

  async getCohort(tenantId: string, programmeId: string): Promise<Result<ProgrammeCohort>> {
    return found<ProgrammeCohort>(await this.store.get(tenantKeys.programme(tenantId, programmeId), COHORT_ROW, StoredProgrammeCohort), 'cohort');
  }

  async saveCohort(tenantId: string, programmeId: string, cohort: Unversioned<ProgrammeCohort>, expectedVersion?: string): Promise<Result<ProgrammeCohort>> {
    const doc = withoutVersion(cohort);
    const partition = tenantKeys.programme(tenantId, programmeId);
    const written =
      expectedVersion === undefined ? await this.store.insert(partition, COHORT_ROW, COHORT, doc) : await this.store.replace(partition, COHORT_ROW, COHORT, doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value.etag } as ProgrammeCohort) : written;
  }

  async getAnnouncement(tenantId: string, programmeId: string, announcementId: string): Promise<Result<Announcement>> {
    return found<Announcement>(await this.store.get(tenantKeys.programme(tenantId, programmeId), announcementRow(announcementId), StoredAnnouncement), 'announcement');
  }

  async createAnnouncement(tenantId: string, programmeId: string, announcement: Unversioned<Announcement>): Promise<Result<Announcement>> {
    const doc = withoutVersion(announcement);
    const written = await this.store.insert(tenantKeys.programme(tenantId, programmeId), announcementRow(announcement.id), ANNOUNCEMENT, doc);
    return written.ok ? ok({ ...doc, version: written.value.etag } as Announcement) : written;
  }

  async getNudge(tenantId: string, programmeId: string, relationshipId: string): Promise<Result<PairNudge>> {
    return found<PairNudge>(await this.store.get(tenantKeys.programme(tenantId, programmeId), nudgeRow(relationshipId), StoredPairNudge), 'nudge');
  }

  async saveNudge(tenantId: string, programmeId: string, nudge: Unversioned<PairNudge>, expectedVersion?: string): Promise<Result<PairNudge>> {
    const doc = withoutVersion(nudge);
    const partition = tenantKeys.programme(tenantId, programmeId);
    const written =
      expectedVersion === undefined
        ? await this.store.insert(partition, nudgeRow(nudge.relationshipId), NUDGE, doc)
        : await this.store.replace(partition, nudgeRow(nudge.relationshipId), NUDGE, doc, expectedVersion);
    return written.ok ? ok({ ...doc, version: written.value.etag } as PairNudge) : written;
  }
}
