import type { WeeklyWindow } from '../../core/agreement/agreement';
import type { DeliveryRecipient } from '../../core/delivery/contact-hours';
import type { MentoringRepositories } from '../../core/ports/repositories';
import { agreementVersionId } from '../../core/relationships/agreement-version';
import type { RelationshipAggregate } from '../../core/relationships/relationship';
import type { Result } from '../../core/result';

/**
 * Until a pair signs an agreement there are no agreed contact hours; the bot then keeps to weekday
 * office hours in the person's own zone (from their profile), the most conservative reading.
 */
export const DEFAULT_CONTACT_HOURS: readonly WeeklyWindow[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));

/**
 * The person's zone and contact hours as signed in the relationship's active agreement. Read from
 * the relationship's aggregate (one partition read, or one point read of its revision when this
 * process holds it already), the same read the card is built from, so a delivery costs no extra
 * queries for its recipient.
 */
export function recipientFromAgreement<J extends { tenantId: string; personId: string; relationshipId: string }>(
  repos: MentoringRepositories,
  /** The job's aggregate, when the caller shares one read between the recipient and the card. */
  aggregateOf: (job: J) => Promise<Result<RelationshipAggregate>> = (job) => repos.relationships.getAggregate(job.tenantId, job.relationshipId),
) {
  return async (job: J): Promise<DeliveryRecipient | undefined> => {
    const aggregate = await aggregateOf(job);
    if (!aggregate.ok) return undefined;
    const rel = aggregate.value.relationship;
    if (rel.mentorId !== job.personId && rel.menteeId !== job.personId) return undefined;
    const active = rel.activeAgreementVersion;
    const version = active === undefined ? undefined : aggregate.value.agreementVersions.find((v) => v.id === agreementVersionId(active));
    if (version) {
      const side = version.agreement.mentor.personId === job.personId ? version.agreement.mentor : version.agreement.mentee;
      return { personId: job.personId, timeZone: side.timeZone, contactHours: side.contactHours };
    }
    const profile = await repos.profiles.get(job.tenantId, job.personId);
    if (!profile.ok) return undefined;
    return { personId: job.personId, timeZone: profile.value.timeZone, contactHours: DEFAULT_CONTACT_HOURS };
  };
}
