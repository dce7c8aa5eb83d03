/**
 * The five moments that need a person, as language-neutral facts: who, which event (its ledger key),
 * the tab page it opens and what the text will name. The words (topic, preview) are written when the
 * notification is sent, in the recipient's language and zone (src/adapters/cards/feed-strings.ts), so
 * an event carries only names and instants. Pure: the callers read storage and pass plain data.
 */
import type { ProactiveMessage } from '../delivery/bot-message';
import type { Meeting, OutlookChange } from '../relationships/meeting';
import type { Relationship } from '../relationships/relationship';
import type { MentoringRequest } from '../requests/mentoring-request';
import type { JoinPolicy, Programme } from '../programmes/programme';
import type { Instant } from '../time/interval';
import { feedKeys, type FeedActivityType } from './activity-feed';

/** What the preview line says, beyond the name in the template. */
export type FeedDetail =
  | { readonly kind: 'request'; readonly requestId: string; readonly note: string }
  | { readonly kind: 'agreement'; readonly version: number; readonly note: string }
  | { readonly kind: 'checkIn'; readonly meetingId: string; readonly meetingStart: Instant }
  | { readonly kind: 'moved'; readonly meetingId: string; readonly start: Instant; readonly end: Instant }
  | { readonly kind: 'programme'; readonly purpose: string; readonly startDate: string };

export interface FeedEvent {
  readonly type: FeedActivityType;
  readonly tenantId: string;
  readonly personId: string;
  /** The delivery ledger's key: same event → same key → one notification. */
  readonly key: string;
  /** The tab page (the deep link's subPageId), a path the tab's hash routes know. */
  readonly page: string;
  /** The relationship it is about, whose agreement gives the person's contact hours. */
  readonly relationshipId?: string;
  /** The template parameter's value: the other person's name, or the programme's name. */
  readonly subject: string;
  /**
   * Whose name `subject` is, when it is read as the notification is sent rather than when the event
   * is raised (a check-in due: planning reads no profile); `subject` is empty until then.
   */
  readonly subjectPersonId?: string;
  readonly detail: FeedDetail;
  readonly notBefore: Instant;
  readonly expiresAt?: Instant;
}

/** The tab pages the notifications open (src/tab/app/hash-route.ts reads them from subPageId). */
export const feedPages = {
  /** Home lists the requests waiting for an answer. */
  requestWaiting: () => 'home',
  agreement: (relationshipId: string) => `relationship/${encodeURIComponent(relationshipId)}/agreement`,
  checkIn: (relationshipId: string, meetingId: string) => `relationship/${encodeURIComponent(relationshipId)}/checkins/${encodeURIComponent(meetingId)}`,
  schedule: (relationshipId: string, meetingId: string) => `relationship/${encodeURIComponent(relationshipId)}/schedule/${encodeURIComponent(meetingId)}`,
  programme: (programmeId: string) => `programme/${encodeURIComponent(programmeId)}`,
};

/** A new open request: the mentor is asked. A request made already accepted (a programme's pair) asks nobody. */
export function requestWaitingEvent(tenantId: string, request: MentoringRequest, menteeName: string): FeedEvent | undefined {
  if (request.status !== 'open') return undefined;
  return {
    type: 'requestWaiting',
    tenantId,
    personId: request.mentorId,
    key: feedKeys.requestWaiting(request.id, request.mentorId),
    page: feedPages.requestWaiting(),
    subject: menteeName,
    detail: { kind: 'request', requestId: request.id, note: request.note },
    notBefore: request.createdAt,
  };
}

/** A proposed version waits for the other person of the pair (the proposer has accepted it by proposing). */
export function agreementToAcceptEvent(
  tenantId: string,
  relationship: Pick<Relationship, 'id' | 'mentorId' | 'menteeId'>,
  version: { readonly number: number; readonly proposedBy: string; readonly proposedAt: Instant; readonly note: string },
  proposerName: string,
): FeedEvent | undefined {
  const partner = version.proposedBy === relationship.mentorId ? relationship.menteeId : version.proposedBy === relationship.menteeId ? relationship.mentorId : undefined;
  if (partner === undefined) return undefined;
  return {
    type: 'agreementToAccept',
    tenantId,
    personId: partner,
    key: feedKeys.agreementToAccept(relationship.id, version.number, partner),
    page: feedPages.agreement(relationship.id),
    relationshipId: relationship.id,
    subject: proposerName,
    detail: { kind: 'agreement', version: version.number, note: version.note },
    notBefore: version.proposedAt,
  };
}

/**
 * A check-in becomes due when the bot's check-in becomes due (selectCheckIns: the meeting ended, for
 * each person who owes one), and stops mattering at the same moment (the next meeting's start).
 */
export function checkInDueEvent(checkIn: ProactiveMessage, partner: { readonly personId: string; readonly name?: string }, meetingStart: Instant): FeedEvent | undefined {
  if (checkIn.kind !== 'checkin') return undefined;
  return {
    type: 'checkInDue',
    tenantId: checkIn.tenantId,
    personId: checkIn.personId,
    key: feedKeys.checkInDue(checkIn.meetingId, checkIn.personId),
    page: feedPages.checkIn(checkIn.relationshipId, checkIn.meetingId),
    relationshipId: checkIn.relationshipId,
    ...(partner.name !== undefined ? { subject: partner.name } : { subject: '', subjectPersonId: partner.personId }),
    detail: { kind: 'checkIn', meetingId: checkIn.meetingId, meetingStart },
    notBefore: checkIn.notBefore,
    ...(checkIn.expiresAt !== undefined ? { expiresAt: checkIn.expiresAt } : {}),
  };
}

/**
 * A move the calendar sync recorded that leaves the agreement: both people are told, each with the
 * other's name. A move the organizer sent anyway after the guard's warning (`sentAnyway`) was agreed
 * and tells nobody; so does a move inside the agreement (the meeting is not flagged). Each move (its
 * new start) is its own event; the notification is pointless once the meeting has begun.
 */
export function meetingMovedOutsideEvents(
  tenantId: string,
  relationship: Pick<Relationship, 'id' | 'mentorId' | 'menteeId'>,
  meeting: Pick<Meeting, 'id' | 'outsideBoundaries' | 'status'>,
  change: OutlookChange,
  nameOf: (personId: string) => string,
): FeedEvent[] {
  if (change.kind !== 'moved' || change.sentAnyway || change.start === undefined || change.end === undefined) return [];
  if (!meeting.outsideBoundaries || meeting.status !== 'planned') return [];
  const { start, end } = change;
  const pair = [relationship.mentorId, relationship.menteeId] as const;
  return pair.map((personId) => {
    const partner = personId === relationship.mentorId ? relationship.menteeId : relationship.mentorId;
    return {
      type: 'meetingMovedOutside',
      tenantId,
      personId,
      key: feedKeys.meetingMovedOutside(meeting.id, start, personId),
      page: feedPages.schedule(relationship.id, meeting.id),
      relationshipId: relationship.id,
      subject: nameOf(partner),
      detail: { kind: 'moved', meetingId: meeting.id, start, end },
      notBefore: change.noticedAt,
      expiresAt: start,
    };
  });
}

/** The people a programme's invited list names that it did not name before (all of them for a new programme). */
export function newlyInvited(before: JoinPolicy | undefined, after: JoinPolicy): string[] {
  if (after.kind !== 'invited') return [];
  const earlier = new Set(before?.kind === 'invited' ? before.personIds : []);
  return after.personIds.filter((p) => !earlier.has(p));
}

/** Each newly invited person (not the owner who wrote the list) hears of the programme once. */
export function programmeInvitationEvents(tenantId: string, programme: Programme, invited: readonly string[], now: Instant): FeedEvent[] {
  return invited
    .filter((personId) => personId !== programme.createdBy)
    .map((personId) => ({
      type: 'programmeInvitation',
      tenantId,
      personId,
      key: feedKeys.programmeInvitation(programme.id, personId),
      page: feedPages.programme(programme.id),
      subject: programme.name,
      detail: { kind: 'programme', purpose: programme.purpose, startDate: programme.startDate },
      notBefore: now,
    }));
}
