import type { ActionItem } from '../../../src/core/actions/action-item';
import type { CheckIn } from '../../../src/core/checkins/check-in';
import type { Meeting } from '../../../src/core/relationships/meeting';
import type { Relationship } from '../../../src/core/relationships/relationship';
import {
  itemsToRemind,
  selectActionItemReminders,
  selectCheckInNudges,
  selectCheckIns,
  type RelationshipSnapshot,
} from '../../../src/core/delivery/select-proactive-messages';

const at = (s: string): number => Date.parse(s);
const relationship = { id: 'r1', mentorId: 'mentor', menteeId: 'mentee', status: 'active' } as Relationship;
const meeting = (id: string, start: string, status: Meeting['status'] = 'planned'): Meeting => ({
  id,
  number: 1,
  start: at(start),
  end: at(start) + 3_600_000,
  status,
  organizerId: 'mentor',
  version: '1',
});
const item = (id: string, ownerId: string, dueDate: string, status: ActionItem['status'] = 'open'): ActionItem => ({
  id,
  title: id,
  ownerId,
  dueDate,
  status,
  origin: { kind: 'manual' },
  createdBy: ownerId,
  createdAt: 0,
  updatedAt: 0,
  version: '1',
});
const submitted = (meetingId: string, authorId: string): CheckIn =>
  ({ id: `${meetingId}.${authorId}`, meetingId, authorId } as CheckIn);

function snapshot(parts: Partial<RelationshipSnapshot>): RelationshipSnapshot {
  return {
    tenantId: 't1',
    relationship,
    meetings: [],
    actionItems: [],
    checkIns: [],
    timeZoneOf: (p) => (p === 'mentor' ? 'Europe/Warsaw' : 'America/New_York'),
    ...parts,
  };
}

describe('selecting proactive messages', () => {
  const m1 = meeting('m1', '2026-11-23T10:00:00Z');
  const m2 = meeting('m2', '2026-11-30T10:00:00Z');

  it('a check-in for each person once the meeting has ended, with stable keys', () => {
    const s = snapshot({ meetings: [m1, m2] });
    expect(selectCheckIns(s, at('2026-11-23T10:59:00Z'))).toEqual([]);
    const first = selectCheckIns(s, at('2026-11-23T11:00:00Z'));
    expect(first.map((m) => m.idempotencyKey)).toEqual(['checkin|m1|mentor', 'checkin|m1|mentee']);
    expect(first[0]!.expiresAt).toBe(m2.start);
    // The timer runs again: the same keys, so the ledger lets none of them through twice.
    expect(selectCheckIns(s, at('2026-11-23T11:05:00Z'))).toEqual(first);
  });

  it('no check-in for a cancelled meeting, or for someone who already answered', () => {
    const s = snapshot({ meetings: [meeting('m0', '2026-11-16T10:00:00Z', 'cancelled'), m1], checkIns: [submitted('m1', 'mentor')] });
    expect(selectCheckIns(s, at('2026-11-24T00:00:00Z')).map((m) => m.idempotencyKey)).toEqual(['checkin|m1|mentee']);
  });

  it('one nudge, two days later, only for the missing check-in, and none once the next meeting began', () => {
    const s = snapshot({ meetings: [m1, m2], checkIns: [submitted('m1', 'mentee')] });
    expect(selectCheckInNudges(s, at('2026-11-25T10:59:00Z'))).toEqual([]);
    const nudges = selectCheckInNudges(s, at('2026-11-25T11:00:00Z'));
    expect(nudges.map((m) => [m.kind, m.idempotencyKey])).toEqual([['checkinNudge', 'nudge|m1|mentor']]);
    expect(selectCheckInNudges(s, at('2026-11-30T10:00:00Z'))).toEqual([]);
  });

  it('reminds owners of open items due by the next meeting, from a day before it', () => {
    const s = snapshot({
      meetings: [m1, m2],
      actionItems: [
        item('a1', 'mentee', '2026-11-28'),
        item('a2', 'mentee', '2026-11-30'),
        item('a3', 'mentor', '2026-12-15'),
        item('a4', 'mentor', '2026-11-29', 'done'),
      ],
    });
    expect(selectActionItemReminders(s, at('2026-11-29T09:59:00Z'))).toEqual([]);
    const reminders = selectActionItemReminders(s, at('2026-11-29T10:00:00Z'));
    expect(reminders).toEqual([
      {
        kind: 'actionItemReminder',
        tenantId: 't1',
        personId: 'mentee',
        relationshipId: 'r1',
        meetingId: 'm2',
        idempotencyKey: 'reminder|m2|mentee',
        notBefore: at('2026-11-29T10:00:00Z'),
        expiresAt: m2.start,
      },
    ]);
    expect(itemsToRemind(s, 'mentee', m2).map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('a closed relationship gets nothing', () => {
    const s = snapshot({ relationship: { ...relationship, status: 'closed' }, meetings: [m1, m2] });
    expect(selectCheckIns(s, at('2026-12-01T00:00:00Z'))).toEqual([]);
    expect(selectCheckInNudges(s, at('2026-12-01T00:00:00Z'))).toEqual([]);
    expect(selectActionItemReminders(s, at('2026-11-29T12:00:00Z'))).toEqual([]);
  });
});
