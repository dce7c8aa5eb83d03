/**
 * Programme health in Table Storage, in the programme's partition (`t|{tenant}|prog|{programmeId}`):
 *   health               the counters (ProgrammeHealth)
 *   pair|{relId}         each pair's facts as last recorded
 *   risk|{relId}         the pairs at risk (names and facts), for the owner's list
 * A pair's change is one entity group transaction over its rows and the counters, guarded by the
 * ETags read, so two pairs changing at once cannot lose a count: the loser re-reads and retries.
 * The counters row also holds the first pairs at risk (by row key, AT_RISK_HEAD of them), kept in
 * the same transaction, so the dashboard is one point read.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../../core/result';
import type { AtRiskPair, ProgrammeHealthStore } from '../../core/ports/programmes';
import { applyPairChange, EMPTY_HEALTH, PAIR_STAGES, sameFacts, type PairFacts, type ProgrammeHealth } from '../../core/programmes/programme-health';
import type { TableDocumentStore, WriteAction } from './table-document-store';
import { key, tenantKeys } from './table-keys';

const obj = z.looseObject;
const n = z.number();
const Counts = obj({ planned: n, held: n, missed: n, cancelled: n });
const Stage = z.enum(PAIR_STAGES as unknown as ['matched', 'agreed', 'meeting', 'closed']);
const Risk = z.enum(['noMeetingInTwoPeriods', 'twoCancellationsInARow', 'agreementNotAccepted', 'requestUnanswered']);

const StoredHealth: z.ZodType<ProgrammeHealth> = obj({
  pairs: n,
  byStage: obj({ matched: n, agreed: n, meeting: n, closed: n }),
  meetings: Counts,
  checkIns: obj({ answered: n, expected: n }),
  goals: obj({ count: n, progressSum: n }),
  firstMeeting: obj({ pairs: n, daysSum: n }),
  atRisk: n,
  updatedAt: n,
});

const StoredPair: z.ZodType<PairFacts> = obj({
  relationshipId: z.string(),
  menteeId: z.string(),
  mentorId: z.string(),
  menteeName: z.string(),
  mentorName: z.string(),
  stage: Stage,
  matchedAt: n,
  firstHeldAt: n.optional(),
  lastHeldAt: n.optional(),
  meetings: Counts,
  checkInsAnswered: n,
  checkInsExpected: n,
  goals: n,
  goalProgressSum: n,
  periodDays: n,
  lastTwoCancelled: z.boolean(),
  awaitingAnswer: z.boolean().optional(),
  risks: z.array(Risk),
  asOf: n,
});

const StoredRisk: z.ZodType<AtRiskPair> = obj({
  relationshipId: z.string(),
  menteeId: z.string(),
  mentorId: z.string(),
  menteeName: z.string(),
  mentorName: z.string(),
  stage: Stage,
  risks: z.array(Risk),
  lastHeldAt: n.optional(),
  asOf: n,
});

const StoredHealthRow = z.intersection(StoredHealth, obj({ atRiskHead: z.array(StoredRisk).default([]) }));
type HealthRow = ProgrammeHealth & { readonly atRiskHead: readonly AtRiskPair[] };

/** How many pairs at risk the counters row carries: what the dashboard lists. */
export const AT_RISK_HEAD = 50;

const HEALTH_ROW = 'health';
const pairRow = (relationshipId: string) => `pair|${key(relationshipId)}`;
const riskRow = (relationshipId: string) => `risk|${key(relationshipId)}`;
const ATTEMPTS = 8;

function riskOf(f: PairFacts): AtRiskPair {
  return {
    relationshipId: f.relationshipId,
    menteeId: f.menteeId,
    mentorId: f.mentorId,
    menteeName: f.menteeName,
    mentorName: f.mentorName,
    stage: f.stage,
    risks: f.risks,
    ...(f.lastHeldAt !== undefined ? { lastHeldAt: f.lastHeldAt } : {}),
    asOf: f.asOf,
  };
}

export class TableProgrammeHealth implements ProgrammeHealthStore {
  constructor(private readonly store: TableDocumentStore) {}

  async read(tenantId: string, programmeId: string, limit: number): Promise<Result<{ health: ProgrammeHealth | undefined; atRisk: AtRiskPair[] }>> {
    const row = await this.store.get(tenantKeys.programme(tenantId, programmeId), HEALTH_ROW, StoredHealthRow);
    if (!row.ok) return row;
    if (!row.value) return ok({ health: undefined, atRisk: [] });
    const { atRiskHead, ...health } = row.value.value;
    return ok({ health, atRisk: atRiskHead.slice(0, limit) });
  }

  async getPair(tenantId: string, programmeId: string, relationshipId: string): Promise<Result<PairFacts | undefined>> {
    const row = await this.store.get(tenantKeys.programme(tenantId, programmeId), pairRow(relationshipId), StoredPair);
    return row.ok ? ok(row.value?.value) : row;
  }

  async listPairs(tenantId: string, programmeId: string): Promise<Result<PairFacts[]>> {
    const rows = await this.store.list(tenantKeys.programme(tenantId, programmeId), StoredPair, 'pair|');
    return rows.ok ? ok(rows.value.map((r) => r.value)) : rows;
  }

  async recordPair(tenantId: string, programmeId: string, facts: PairFacts): Promise<Result<void>> {
    const partition = tenantKeys.programme(tenantId, programmeId);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const [health, pair] = await Promise.all([this.store.get(partition, HEALTH_ROW, StoredHealthRow), this.store.get(partition, pairRow(facts.relationshipId), StoredPair)]);
      if (!health.ok) return health;
      if (!pair.ok) return pair;
      const before = pair.value?.value;
      if (before && sameFacts(before, facts)) return ok(undefined);
      const head = await this.nextHead(partition, health.value?.value.atRiskHead ?? [], before, facts);
      if (!head.ok) return head;
      const next: HealthRow = { ...applyPairChange(health.value?.value ?? EMPTY_HEALTH, before, facts, facts.asOf), atRiskHead: head.value };
      const actions: WriteAction[] = [
        pair.value
          ? { type: 'replace', rowKey: pairRow(facts.relationshipId), kind: 'programmePair', value: facts, etag: pair.value.etag }
          : { type: 'insert', rowKey: pairRow(facts.relationshipId), kind: 'programmePair', value: facts },
        health.value
          ? { type: 'replace', rowKey: HEALTH_ROW, kind: 'programmeHealth', value: next, etag: health.value.etag }
          : { type: 'insert', rowKey: HEALTH_ROW, kind: 'programmeHealth', value: next },
      ];
      if (facts.risks.length > 0) actions.push({ type: 'upsert', rowKey: riskRow(facts.relationshipId), kind: 'programmeRisk', value: riskOf(facts) });
      else if (before && before.risks.length > 0) actions.push({ type: 'delete', rowKey: riskRow(facts.relationshipId) });
      const written = await this.store.transact(partition, actions, 'programme health');
      if (written.ok) return ok(undefined);
      if (written.error.code !== 'STORAGE.CONFLICT' && written.error.code !== 'STORAGE.ALREADY_EXISTS') return written;
    }
    return fail('STORAGE.CONFLICT', 'The programme’s counters kept changing; the next change of this pair records it.');
  }

  /**
   * The first AT_RISK_HEAD pairs at risk after this pair's change. Only a pair leaving a full list
   * needs the rows behind it (one bounded read); the transaction's ETag on the counters row makes
   * the list as consistent as the counts.
   */
  private async nextHead(partition: string, head: readonly AtRiskPair[], before: PairFacts | undefined, after: PairFacts): Promise<Result<AtRiskPair[]>> {
    const id = after.relationshipId;
    const wasAtRisk = (before?.risks.length ?? 0) > 0;
    const atRisk = after.risks.length > 0;
    if (!wasAtRisk && !atRisk) return ok([...head]);
    const rowKeyOf = (p: { relationshipId: string }) => riskRow(p.relationshipId);
    const byRowKey = (a: AtRiskPair, b: AtRiskPair) => (rowKeyOf(a) < rowKeyOf(b) ? -1 : rowKeyOf(a) > rowKeyOf(b) ? 1 : 0);
    let base = head.filter((p) => p.relationshipId !== id);
    if (wasAtRisk && !atRisk && head.length >= AT_RISK_HEAD && head.some((p) => p.relationshipId === id)) {
      const rows = await this.store.listFirst(partition, StoredRisk, 'risk|', AT_RISK_HEAD + 1);
      if (!rows.ok) return rows;
      base = rows.value.map((r) => r.value).filter((p) => p.relationshipId !== id);
    }
    const merged = atRisk ? [...base, riskOf(after)] : base;
    return ok(merged.sort(byRowKey).slice(0, AT_RISK_HEAD));
  }
}
