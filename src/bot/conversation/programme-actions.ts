import { z } from 'zod';
import type { Announcement } from '../../core/programmes/campaign';
import type { Programme } from '../../core/programmes/programme';
import type { RiskFlag } from '../../core/programmes/programme-health';
import type { Principal } from '../../core/usecases/principal';
import type { Result } from '../../core/result';
import type { DeliveryRecipient } from '../../core/delivery/contact-hours';

/** The data of Join on the invitation card (see programmeInvitationCard). */
export const ProgrammeJoinActionDataSchema = z.object({
  verb: z.literal('programme.join'),
  cardVersion: z.literal(1),
  programmeId: z.string().min(1).max(128),
});

/**
 * What the bot's programme cards read, and Join: the programme use cases on the API host's
 * repositories (the bot has no Graph or storage of its own for programmes).
 */
export interface ProgrammeCardsPort {
  programme(tenantId: string, programmeId: string): Promise<Result<Programme>>;
  announcement(tenantId: string, programmeId: string, announcementId: string): Promise<Result<Announcement>>;
  /** The pair's risks as last recorded (empty when none). */
  risks(tenantId: string, programmeId: string, relationshipId: string): Promise<readonly RiskFlag[]>;
  /** Joins as the person who clicked, with their profile's zone and weekday office hours as meeting windows. */
  /**
   * Who an announcement or invitation goes to: a member's stated zone and working hours (weekday
   * office hours when none), else the profile's zone with office hours; undefined without either.
   */
  recipient(tenantId: string, programmeId: string, personId: string): Promise<DeliveryRecipient | undefined>;
  join(principal: Principal, input: { programmeId: string; role: 'mentee' | 'mentor' }, now: number): Promise<Result<{ programmeName: string }>>;
}
