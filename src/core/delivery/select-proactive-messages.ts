import type { ActionItem } from '../actions/action-item';
import type { CheckIn } from '../checkins/check-in';
import type { Meeting } from '../relationships/meeting';
import type { Relationship } from '../relationships/relationship';
import { DAY, type Instant } from '../time/interval';
import { idempotencyKeys, type ProactiveMessage } from './bot-message';
import { localDateOf } from './local-day';
import { awaitingAttendance, checkInRecipients, endOf, MISSED_CARD_LIFETIME } from './meeting-end';

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
    // A late attendance report is waited for: who gets the check-in depends on it.
    .filter((m) => m.status !== 'cancelled' && endOf(m) <= now && !awaitingAttendance(m, now))
    .flatMap((m) => {
      const next = nextMeetingAfter(snapshot.meetings, endOf(m));
      // After a meetingEnd event with attendance, only those who joined get the check-in.
      return checkInRecipients(m, participants(snapshot.relationship))
        .filter((personId) => !snapshot.checkIns.some((c) => c.meetingId === m.id && c.authorId === personId))
        .map<ProactiveMessage>((personId) => ({
          kind: 'checkin',
          tenantId: snapshot.tenantId,
          personId,
          relationshipId: snapshot.relationship.id,
          meetingId: m.id,
          idempotencyKey: idempotencyKeys.checkin(m.id, personId),
          notBefore: endOf(m),
          ...(next ? { expiresAt: next.start } : {}),
        }));
    });
}

/** One nudge, at most, for a check-in still missing two days after the meeting. */
export function selectCheckInNudges(snapshot: RelationshipSnapshot, now: Instant): ProactiveMessage[] {
  if (snapshot.relationship.status !== 'active') return [];
  return snapshot.meetings
    .filter((m) => m.status !== 'cancelled' && m.end + NUDGE_AFTER <= now && !awaitingAttendance(m, now))
    .flatMap((m) => {
      const next = nextMeetingAfter(snapshot.meetings, m.end);
      // Once the next meeting has begun the check-in belongs to the past; nudging would be noise.
      if (next && next.start <= now) return [];
      return checkInRecipients(m, participants(snapshot.relationship))
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

function nextStartAfter(meetings: readonly Meeting[], at: Instant): Instant | undefined {
  const starts = meetings.filter((m) => m.status !== 'cancelled' && m.start > at).map((m) => m.start);
  return starts.length > 0 ? Math.min(...starts) : undefined;
}

/**
 * After a meeting nobody joined: a "missed it?" card to both, with times to meet again. After a
 * meeting only one joined: a kind "we missed you" card to the other. Selected again and again by
 * the timer, they keep their idempotency keys, so each is sent once.
 */
export function selectAttendanceFollowUps(snapshot: RelationshipSnapshot, now: Instant): ProactiveMessage[] {
  if (snapshot.relationship.status !== 'active') return [];
  const pair = [snapshot.relationship.mentorId, snapshot.relationship.menteeId];
  return snapshot.meetings
    .filter((m) => m.status !== 'cancelled' && m.attendance && (m.attendance.outcome === 'missed' || m.attendance.outcome === 'halfAttended') && m.attendance.endedAt <= now)
    .flatMap((m) => {
      const a = m.attendance!;
      const next = nextStartAfter(snapshot.meetings, a.endedAt);
      const expiresAt = Math.min(next ?? Infinity, a.endedAt + MISSED_CARD_LIFETIME);
      const kind = a.outcome === 'missed' ? 'missedMeeting' : 'missedYou';
      return pair
        .filter((p) => !a.joined.includes(p))
        .map<ProactiveMessage>((personId) => ({
          kind,
          tenantId: snapshot.tenantId,
          personId,
          relationshipId: snapshot.relationship.id,
          meetingId: m.id,
          idempotencyKey: kind === 'missedMeeting' ? idempotencyKeys.missedMeeting(m.id, personId) : idempotencyKeys.missedYou(m.id, personId),
          notBefore: a.endedAt,
          expiresAt,
        }));
    });
}
