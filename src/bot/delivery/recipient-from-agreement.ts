import type { WeeklyWindow } from '../../core/agreement/agreement';
import type { DeliveryRecipient } from '../../core/delivery/contact-hours';
import type { MentoringRepositories } from '../../core/ports/repositories';
import { agreementVersionId } from '../../core/relationships/agreement-version';

/**
 * Until a pair signs an agreement there are no agreed contact hours; the bot then keeps to weekday
 * office hours in the person's own zone (from their profile), the most conservative reading.
 */
export const DEFAULT_CONTACT_HOURS: readonly WeeklyWindow[] = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));

/** The person's zone and contact hours as signed in the relationship's active agreement. */
export function recipientFromAgreement(repos: MentoringRepositories) {
  return async (job: { tenantId: string; personId: string; relationshipId: string }): Promise<DeliveryRecipient | undefined> => {
    const rel = await repos.relationships.get(job.tenantId, job.relationshipId);
    if (!rel.ok) return undefined;
    if (rel.value.mentorId !== job.personId && rel.value.menteeId !== job.personId) return undefined;
    const active = rel.value.activeAgreementVersion;
    if (active !== undefined) {
      const version = await repos.relationships.agreementVersions.get(job.tenantId, job.relationshipId, agreementVersionId(active));
      if (version.ok) {
        const side = version.value.agreement.mentor.personId === job.personId ? version.value.agreement.mentor : version.value.agreement.mentee;
        return { personId: job.personId, timeZone: side.timeZone, contactHours: side.contactHours };
      }
    }
    const profile = await repos.profiles.get(job.tenantId, job.personId);
    if (!profile.ok) return undefined;
    return { personId: job.personId, timeZone: profile.value.timeZone, contactHours: DEFAULT_CONTACT_HOURS };
  };
}
