import type { Instant } from '../time/interval';

/**
 * The messages the bot starts on its own. Replies to something a person just typed or clicked are
 * not counted here: only messages the person did not ask for are limited by contact hours and the
 * two-a-day rule.
 */
export type ProactiveMessageKind =
  | 'checkin'
  | 'checkinNudge'
  | 'actionItemReminder'
  | 'announcement'
  | 'missedMeeting'
  | 'missedYou'
  | 'meetingEndingSoon'
  | 'programmeInvitation'
  | 'programmeNudge';

export interface ProactiveMessage {
  readonly kind: ProactiveMessageKind;
  readonly tenantId: string;
  readonly personId: string;
  readonly relationshipId: string;
  /** The meeting the message is about (for a reminder: the next meeting). */
  readonly meetingId: string;
  /** Same meaning → same key, so a retried or re-planned message can never be sent twice. */
  readonly idempotencyKey: string;
  /** Not before this instant (e.g. a nudge waits two days after the meeting). */
  readonly notBefore: Instant;
  /** After this instant the message is pointless (e.g. a reminder once the meeting has started). */
  readonly expiresAt?: Instant;
  /**
   * Programme messages (announcement, invitation, nudge): the programme, the item the card shows (an
   * announcement's id) and the campaign whose progress the owner watches. Their `relationshipId` is
   * the nudged pair's, or empty; their `meetingId` is empty.
   */
  readonly programmeId?: string;
  readonly itemId?: string;
  readonly campaignId?: string;
}

export const idempotencyKeys = {
  checkin: (meetingId: string, personId: string): string => `checkin|${meetingId}|${personId}`,
  checkinNudge: (meetingId: string, personId: string): string => `nudge|${meetingId}|${personId}`,
  actionItemReminder: (nextMeetingId: string, personId: string): string => `reminder|${nextMeetingId}|${personId}`,
  /** Nobody joined: times inside the agreement to meet again. */
  missedMeeting: (meetingId: string, personId: string): string => `missed|${meetingId}|${personId}`,
  /** The partner joined and this person did not: a kind word, no check-in. */
  missedYou: (meetingId: string, personId: string): string => `missedyou|${meetingId}|${personId}`,
  announcement: (announcementId: string, personId: string): string => `announcement|${announcementId}|${personId}`,
  /** "5 minutes left" inside the Teams meeting, once per person and scheduled end (a moved meeting is a new moment). */
  meetingEndingSoon: (meetingId: string, personId: string, end: Instant): string => `endingsoon|${meetingId}|${personId}|${end}`,
  /** One invitation card per programme and person, ever. */
  programmeInvitation: (programmeId: string, personId: string): string => `invitation|${programmeId}|${personId}`,
  /** One card per nudge (a pair is nudged at most once in seven days) and person. */
  programmeNudge: (relationshipId: string, nudgeId: string, personId: string): string => `pairnudge|${relationshipId}|${nudgeId}|${personId}`,
};
