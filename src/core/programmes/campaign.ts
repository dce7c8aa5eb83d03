/**
 * What a programme's owner sends through the bot, as data: an announcement, a pair's last nudge, and
 * a campaign's progress (one message to many people), counted from each person's latest status.
 */
import { DAY, type Instant } from '../time/interval';

export interface Announcement {
  readonly id: string;
  readonly text: string;
  /** The members when it was first recorded: a retry plans for the same people. */
  readonly personIds: readonly string[];
  readonly createdBy: string;
  readonly createdAt: Instant;
  readonly version: string;
}

/** A pair's last nudge. `planned` false: recorded but not yet queued (a retry queues it, with the same id). */
export interface PairNudge {
  readonly relationshipId: string;
  readonly sentAt: Instant;
  readonly by: string;
  readonly planned: boolean;
  readonly version: string;
}

/** Why a message could not reach a person (counts per reason; never who). */
export type UnreachableReason = 'NOT_INSTALLED' | 'NO_PROFILE' | 'APP_REMOVED' | 'EXPIRED' | 'FAILED' | 'NO_CONTACT_HOURS';
export const UNREACHABLE_REASONS: readonly UnreachableReason[] = ['NOT_INSTALLED', 'NO_PROFILE', 'APP_REMOVED', 'EXPIRED', 'FAILED', 'NO_CONTACT_HOURS'];

/**
 * One campaign's progress. `planned` = every person it was planned for; of them `sent`, `waiting`
 * (outside their contact hours or past two messages that day: it goes out later), `notReachable`
 * (by reason); the rest are `queued` (not tried yet).
 */
export interface CampaignProgress {
  readonly planned: number;
  readonly queued: number;
  readonly sent: number;
  readonly waiting: number;
  readonly notReachable: number;
  readonly notReachableByReason: Readonly<Record<UnreachableReason, number>>;
}

/** A pair is nudged at most once in this long. */
export const NUDGE_INTERVAL = 7 * DAY;

/** The progress counts from each person's latest status (the adapters keep one status per person). */
export function progressOf(statuses: readonly { readonly status: 'planned' | 'sent' | 'waiting' | 'unreachable'; readonly reason?: string }[]): CampaignProgress {
  const byReason = Object.fromEntries(UNREACHABLE_REASONS.map((r) => [r, 0])) as Record<UnreachableReason, number>;
  let sent = 0;
  let waiting = 0;
  let notReachable = 0;
  for (const s of statuses) {
    if (s.status === 'sent') sent += 1;
    else if (s.status === 'waiting') waiting += 1;
    else if (s.status === 'unreachable') {
      notReachable += 1;
      const reason = (UNREACHABLE_REASONS as readonly string[]).includes(s.reason ?? '') ? (s.reason as UnreachableReason) : 'FAILED';
      byReason[reason] += 1;
    }
  }
  return { planned: statuses.length, queued: statuses.length - sent - waiting - notReachable, sent, waiting, notReachable, notReachableByReason: byReason };
}

