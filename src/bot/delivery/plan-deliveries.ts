import type { DeliveryJob, DeliveryQueue, PlannedKeys } from '../../core/ports/delivery';

export type { PlannedKeys } from '../../core/ports/delivery';
import type { ProactiveMessage } from '../../core/delivery/bot-message';
import {
  selectActionItemReminders,
  selectAttendanceFollowUps,
  selectCheckInNudges,
  selectCheckIns,
  type RelationshipSnapshot,
} from '../../core/delivery/select-proactive-messages';
import { selectEndingSoonNudges } from '../../core/delivery/meeting-ending-soon';
import type { MentoringRepositories } from '../../core/ports/repositories';
import type { RelationshipAggregate } from '../../core/relationships/relationship';
import type { Result } from '../../core/result';
import { ok } from '../../core/result';
import type { FeedRaiseDeps } from '../../core/feed/raise-feed-events';
import { checkInDueEvents, namesFromProfiles, queueFeedEvents } from '../../core/feed/raise-feed-events';

/**
 * What the timer (and a Teams meetingEnd event, and the local "end meeting now" action) calls for a
 * relationship: select due check-ins, nudges and reminders with the core's rules and queue the new
 * ones. Queuing before claiming means a crash in between queues a job twice at worst, which the
 * delivery ledger then sends once; claiming first could lose it. Storage operations: the aggregate
 * (one partition read, or its revision's point read when cached; none when the caller hands it
 * over), the two profiles only when open action items have due dates, one point read per due key, one queue write per delay (the composition batches these across relationships) and
 * one transaction for the claims; with the activity feed, for new check-ins also one feed queue
 * write (the names the notification shows are read by the feed worker as it sends, unless the
 * reminders read the profiles here already).
 */
export async function planDeliveries(
  deps: {
    repos: MentoringRepositories;
    queue: DeliveryQueue;
    planned: PlannedKeys;
    newJobId: () => string;
    /** The activity feed: each new check-in is also a "check-in due" notification (same moment, same expiry). */
    feed?: Pick<FeedRaiseDeps, 'queue' | 'newJobId'>;
  },
  tenantId: string,
  relationshipId: string,
  now: number,
  /** The relationship's aggregate when the caller has just read it (the planning timer does). */
  preloaded?: RelationshipAggregate,
): Promise<Result<ProactiveMessage[]>> {
  const aggregate = preloaded ? ok(preloaded) : await deps.repos.relationships.getAggregate(tenantId, relationshipId);
  if (!aggregate.ok) return aggregate;
  // People's zones matter only for open action items with a due date (reminders); otherwise no profile is read here.
  const zones = new Map<string, string>();
  const people = [aggregate.value.relationship.mentorId, aggregate.value.relationship.menteeId];
  // When read, the same profiles also give the names of the feed's "check-in due" (not read a second time).
  let pairNames: ((personId: string) => string) | undefined;
  if (aggregate.value.actionItems.some((a) => a.status === 'open' && a.dueDate !== undefined)) {
    const profiles = await Promise.all(people.map((personId) => deps.repos.profiles.get(tenantId, personId)));
    people.forEach((personId, i) => {
      const profile = profiles[i]!;
      zones.set(personId, profile.ok ? profile.value.timeZone : 'UTC');
    });
    pairNames = namesFromProfiles(people, profiles);
  }
  const snapshot: RelationshipSnapshot = {
    tenantId,
    relationship: aggregate.value.relationship,
    meetings: aggregate.value.meetings,
    actionItems: aggregate.value.actionItems,
    checkIns: aggregate.value.checkIns,
    timeZoneOf: (personId) => zones.get(personId) ?? 'UTC',
  };
  const due = [...selectCheckIns(snapshot, now), ...selectCheckInNudges(snapshot, now), ...selectActionItemReminders(snapshot, now), ...selectAttendanceFollowUps(snapshot, now), ...selectEndingSoonNudges(snapshot, now)];
  if (due.length === 0) return ok([]);
  const claimed = await deps.planned.claimed(tenantId, relationshipId, due.map((m) => m.idempotencyKey));
  const fresh = due.filter((m) => !claimed.has(m.idempotencyKey));
  if (fresh.length === 0) return ok([]);
  // One queue write per delay (whole seconds, as the queue counts them).
  const byDelay = new Map<number, DeliveryJob[]>();
  for (const message of fresh) {
    const delay = Math.ceil(Math.max(0, message.notBefore - now) / 1000) * 1000;
    byDelay.set(delay, [...(byDelay.get(delay) ?? []), { ...message, jobId: deps.newJobId(), attempt: 0 }]);
  }
  await Promise.all([...byDelay].map(([delayMs, jobs]) => deps.queue.enqueue(jobs, delayMs)));
  if (deps.feed && fresh.some((m) => m.kind === 'checkin')) {
    const rel = aggregate.value.relationship;
    const events = checkInDueEvents(rel, fresh, aggregate.value.meetings, pairNames);
    await queueFeedEvents(deps.feed, events, now);
  }
  await deps.planned.claim(tenantId, relationshipId, fresh.map((m) => m.idempotencyKey));
  return ok(fresh);
}
