import type { ActionItem } from '../actions/action-item';
import type { CheckIn } from '../checkins/check-in';
import type { Meeting } from '../relationships/meeting';
import type { Relationship } from '../relationships/relationship';
import { DAY, type Instant } from '../time/interval';
import { idempotencyKeys, type ProactiveMessage } from './bot-message';
import { localDateOf } from './local-day';

/** A missed check-in is nudged once, this long after the meeting ended. */
export const NUDGE_AFTER = 2 * DAY;
/** Open action items are brought up this long before the meeting they are due for. */
export const REMINDER_LEAD = DAY;

export interface RelationshipSnapshot {
  readonly tenantId: string;
  readonly relationship: Relationship;
  readonly meetings: readonly Meeting[];
  readonly actionItems: readonly ActionItem[];
  readonly checkIns: readonly CheckIn[];
  /** Each person's IANA zone, for "due before the next meeting" in their own calendar. */
  readonly timeZoneOf: (personId: string) => string;
}

function participants(relationship: Relationship): readonly string[] {
  return [relationship.mentorId, relationship.menteeId];
}

function nextMeetingAfter(meetings: readonly Meeting[], at: Instant): Meeting | undefined {
  return meetings
    .filter((m) => m.status !== 'cancelled' && m.start > at)
    .reduce<Meeting | undefined>((best, m) => (best === undefined || m.start < best.start ? m : best), undefined);
}

/**
 * Check-ins for every meeting that has ended and was not cancelled. Selecting the same meeting again
 * (the timer runs every few minutes, and a Teams meetingEnd event may come first) yields the same
 * idempotency keys, so nothing is sent twice.
 */
export function selectCheckIns(snapshot: RelationshipSnapshot, now: Instant): ProactiveMessage[] {
  if (snapshot.relationship.status !== 'active') return [];
  return snapshot.meetings
    .filter((m) => m.status !== 'cancelled' && m.end <= now)
    .flatMap((m) => {
      const next = nextMeetingAfter(snapshot.meetings, m.end);
      return participants(snapshot.relationship)
        .filter((personId) => !snapshot.checkIns.some((c) => c.meetingId === m.id && c.authorId === personId))
        .map<ProactiveMessage>((personId) => ({
          kind: 'checkin',
          tenantId: snapshot.tenantId,
          personId,
          relationshipId: snapshot.relationship.id,
          meetingId: m.id,
          idempotencyKey: idempotencyKeys.checkin(m.id, personId),
          notBefore: m.end,
          ...(next ? { expiresAt: next.start } : {}),
        }));
    });
}

/** One nudge, at most, for a check-in still missing two days after the meeting. */
export function selectCheckInNudges(snapshot: RelationshipSnapshot, now: Instant): ProactiveMessage[] {
  if (snapshot.relationship.status !== 'active') return [];
  return snapshot.meetings
    .filter((m) => m.status !== 'cancelled' && m.end + NUDGE_AFTER <= now)
    .flatMap((m) => {
      const next = nextMeetingAfter(snapshot.meetings, m.end);
      // Once the next meeting has begun the check-in belongs to the past; nudging would be noise.
      if (next && next.start <= now) return [];
      return participants(snapshot.relationship)
        .filter((personId) => !snapshot.checkIns.some((c) => c.meetingId === m.id && c.authorId === personId))
        .map<ProactiveMessage>((personId) => ({
          kind: 'checkinNudge',
          tenantId: snapshot.tenantId,
          personId,
          relationshipId: snapshot.relationship.id,
          meetingId: m.id,
          idempotencyKey: idempotencyKeys.checkinNudge(m.id, personId),
          notBefore: m.end + NUDGE_AFTER,
          expiresAt: next ? next.start : m.end + 7 * DAY,
        }));
    });
}

/**
 * One reminder per owner of open action items due on or before the next meeting's date (in the
 * owner's zone), about a day before that meeting. Selected from the day-before point on, so that a
 * reminder is never early and the idempotency key is per next meeting.
 */
export function selectActionItemReminders(snapshot: RelationshipSnapshot, now: Instant): ProactiveMessage[] {
  if (snapshot.relationship.status !== 'active') return [];
  const next = nextMeetingAfter(snapshot.meetings, now);
  if (!next || now < next.start - REMINDER_LEAD) return [];
  const owners = new Set(
    snapshot.actionItems
      .filter((a) => a.status === 'open' && a.dueDate !== undefined)
      .filter((a) => a.dueDate! <= localDateOf(next.start, snapshot.timeZoneOf(a.ownerId)))
      .map((a) => a.ownerId),
  );
  return participants(snapshot.relationship)
    .filter((personId) => owners.has(personId))
    .map<ProactiveMessage>((personId) => ({
      kind: 'actionItemReminder',
      tenantId: snapshot.tenantId,
      personId,
      relationshipId: snapshot.relationship.id,
      meetingId: next.id,
      idempotencyKey: idempotencyKeys.actionItemReminder(next.id, personId),
      notBefore: next.start - REMINDER_LEAD,
      expiresAt: next.start,
    }));
}

/** The open items a reminder lists for one owner, soonest due first. */
export function itemsToRemind(snapshot: RelationshipSnapshot, personId: string, nextMeeting: Meeting): ActionItem[] {
  const lastDate = localDateOf(nextMeeting.start, snapshot.timeZoneOf(personId));
  return snapshot.actionItems
    .filter((a) => a.ownerId === personId && a.status === 'open' && a.dueDate !== undefined && a.dueDate <= lastDate)
    .slice()
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : a.id.localeCompare(b.id)));
}
