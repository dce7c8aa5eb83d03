import type { DeliveryQueue } from '../../core/ports/delivery';
import type { ProactiveMessage } from '../../core/delivery/bot-message';
import {
  selectActionItemReminders,
  selectAttendanceFollowUps,
  selectCheckInNudges,
  selectCheckIns,
  type RelationshipSnapshot,
} from '../../core/delivery/select-proactive-messages';
import type { MentoringRepositories } from '../../core/ports/repositories';
import type { Result } from '../../core/result';
import { ok } from '../../core/result';

/** Remembers which idempotency keys were queued, so a timer running every few minutes queues each once. */
export interface PlannedKeys {
  isClaimed(tenantId: string, personId: string, idempotencyKey: string): Promise<boolean>;
  /** True the first time a key is claimed, false afterwards. */
  claim(tenantId: string, personId: string, idempotencyKey: string): Promise<boolean>;
}

/**
 * What the timer (and a Teams meetingEnd event, and the local "end meeting now" action) calls for a
 * relationship: select due check-ins, nudges and reminders with the core's rules and queue the new
 * ones. Queuing before claiming means a crash in between queues a job twice at worst, which the
 * delivery ledger then sends once; claiming first could lose it.
 */
export async function planDeliveries(
  deps: { repos: MentoringRepositories; queue: DeliveryQueue; planned: PlannedKeys; newJobId: () => string },
  tenantId: string,
  relationshipId: string,
  now: number,
): Promise<Result<ProactiveMessage[]>> {
  const aggregate = await deps.repos.relationships.getAggregate(tenantId, relationshipId);
  if (!aggregate.ok) return aggregate;
  const zones = new Map<string, string>();
  for (const personId of [aggregate.value.relationship.mentorId, aggregate.value.relationship.menteeId]) {
    const profile = await deps.repos.profiles.get(tenantId, personId);
    zones.set(personId, profile.ok ? profile.value.timeZone : 'UTC');
  }
  const snapshot: RelationshipSnapshot = {
    tenantId,
    relationship: aggregate.value.relationship,
    meetings: aggregate.value.meetings,
    actionItems: aggregate.value.actionItems,
    checkIns: aggregate.value.checkIns,
    timeZoneOf: (personId) => zones.get(personId) ?? 'UTC',
  };
  const due = [...selectCheckIns(snapshot, now), ...selectCheckInNudges(snapshot, now), ...selectActionItemReminders(snapshot, now), ...selectAttendanceFollowUps(snapshot, now)];
  const queued: ProactiveMessage[] = [];
  for (const message of due) {
    if (await deps.planned.isClaimed(tenantId, message.personId, message.idempotencyKey)) continue;
    await deps.queue.enqueue([{ ...message, jobId: deps.newJobId(), attempt: 0 }], Math.max(0, message.notBefore - now));
    await deps.planned.claim(tenantId, message.personId, message.idempotencyKey);
    queued.push(message);
  }
  return ok(queued);
}
