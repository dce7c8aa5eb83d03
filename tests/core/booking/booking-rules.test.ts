import { agendaDigest, insideBoundaries, meetingIdFor, nextMeetingSlots, pendingMeetings, upcomingMeetings } from '../../../src/core/booking/booking-rules';
import { noticeOutlookChanges } from '../../../src/core/booking/outlook-changes';
import type { Agreement } from '../../../src/core/agreement/agreement';
import type { Meeting } from '../../../src/core/relationships/meeting';
import type { CalendarEventState } from '../../../src/core/ports/calendar';
import { HOUR } from '../../../src/core/time/interval';

const agreement: Agreement = {
  cadence: { kind: 'weekly' },
  meetingMinutes: 60,
  bufferMinutes: 0,
  minimumNoticeHours: 24,
  respectWorkingHours: false,
  firstDate: '2027-03-02',
  endDate: '2027-04-30',
  location: { kind: 'online' },
  mentor: { personId: 'mentor', timeZone: 'Europe/Warsaw', meetingWindows: [{ weekday: 3, start: '16:00', end: '17:00' }], contactChannel: 'teamsChat', contactHours: [] },
  mentee: { personId: 'mentee', timeZone: 'America/New_York', meetingWindows: [{ weekday: 3, start: '09:00', end: '12:00' }], contactChannel: 'teamsChat', contactHours: [] },
};

const meeting = (fields: Partial<Meeting> & Pick<Meeting, 'id' | 'number'>): Meeting => ({
  start: Date.UTC(2027, 2, 3, 15),
  end: Date.UTC(2027, 2, 3, 16),
  status: 'planned',
  organizerId: 'mentee',
  bookingState: 'booked',
  eventId: 'e1',
  version: 'v1',
  ...fields,
});

describe('meeting ids and numbers', () => {
  it('are deterministic per relationship and number, with a revision once a number was cancelled', () => {
    expect(meetingIdFor('rel-1', 3, 1)).toBe('rel-1.m003');
    expect(meetingIdFor('rel-1', 3, 2)).toBe('rel-1.m003r2');
    const existing = [meeting({ id: 'rel-1.m001', number: 1 }), meeting({ id: 'rel-1.m002', number: 2, status: 'cancelled' })];
    expect(nextMeetingSlots('rel-1', existing, 2)).toEqual([
      { number: 2, id: 'rel-1.m002r2' },
      { number: 3, id: 'rel-1.m003' },
    ]);
  });

  it('upcoming meetings are planned, not failed, and start after now; pending ones are the ones to reconcile', () => {
    const now = Date.UTC(2027, 2, 1);
    const list = [
      meeting({ id: 'a', number: 1, bookingState: 'pending' }),
      meeting({ id: 'b', number: 2, bookingState: 'failed' }),
      meeting({ id: 'c', number: 3, start: now - HOUR, end: now }),
      meeting({ id: 'd', number: 4, status: 'cancelled' }),
    ];
    expect(upcomingMeetings(list, now).map((m) => m.id)).toEqual(['a']);
    expect(pendingMeetings(list).map((m) => m.id)).toEqual(['a']);
  });
});

describe('insideBoundaries', () => {
  it('follows both people’s windows in their own zones, across the weeks the clock changes differ', () => {
    // Wednesday 3 March 2027: 16:00 Warsaw = 10:00 New York.
    expect(insideBoundaries(agreement, { start: Date.UTC(2027, 2, 3, 15), end: Date.UTC(2027, 2, 3, 16) })).toBe(true);
    // Wednesday 17 March (US on summer time, Europe not): 16:00 Warsaw = 11:00 New York, still inside.
    expect(insideBoundaries(agreement, { start: Date.UTC(2027, 2, 17, 15), end: Date.UTC(2027, 2, 17, 16) })).toBe(true);
    // An hour later is outside the mentor's window.
    expect(insideBoundaries(agreement, { start: Date.UTC(2027, 2, 3, 16), end: Date.UTC(2027, 2, 3, 17) })).toBe(false);
    // Thursday: no window.
    expect(insideBoundaries(agreement, { start: Date.UTC(2027, 2, 4, 15), end: Date.UTC(2027, 2, 4, 16) })).toBe(false);
    // After the end date.
    expect(insideBoundaries(agreement, { start: Date.UTC(2027, 4, 5, 14), end: Date.UTC(2027, 4, 5, 15) })).toBe(false);
  });
});

describe('agendaDigest', () => {
  it('tells changed agendas apart and is stable', () => {
    expect(agendaDigest('s', '<p>a</p>')).toBe(agendaDigest('s', '<p>a</p>'));
    expect(agendaDigest('s', '<p>a</p>')).not.toBe(agendaDigest('s', '<p>b</p>'));
    expect(agendaDigest('s1', 'x')).not.toBe(agendaDigest('s', '1x'));
  });
});

describe('noticeOutlookChanges', () => {
  const pair = { mentor: { personId: 'mentor', email: 'Mentor@X.local', displayName: 'M' }, mentee: { personId: 'mentee', email: 'mentee@x.local', displayName: 'E' } };
  const base = meeting({ id: 'm', number: 1 });
  const state = (fields: Partial<CalendarEventState> = {}): CalendarEventState => ({
    ref: { eventId: 'e1', organizerId: 'mentee' },
    start: base.start,
    end: base.end,
    isCancelled: false,
    attendees: [{ email: 'mentor@x.local', response: 'accepted' }],
    ...fields,
  });
  const now = Date.UTC(2027, 2, 1);

  it('records the first answer without a change, then a decline once', () => {
    const first = noticeOutlookChanges(base, { kind: 'state', state: state() }, pair, agreement, now)!;
    expect(first.changes).toEqual([]);
    expect(first.meeting.responses).toEqual([{ personId: 'mentor', response: 'accepted' }]);
    const accepted = { ...base, ...first.meeting, version: 'v2' };
    expect(noticeOutlookChanges(accepted, { kind: 'state', state: state() }, pair, agreement, now)).toBeUndefined();
    const declined = noticeOutlookChanges(accepted, { kind: 'state', state: state({ attendees: [{ email: 'mentor@x.local', response: 'declined' }] }) }, pair, agreement, now)!;
    expect(declined.changes).toEqual([{ kind: 'declined', personId: 'mentor', noticedAt: now }]);
  });

  it('writes nothing when a read only learns that nobody has answered yet (no new version for the pair to trip over)', () => {
    for (const response of ['none', 'notResponded'] as const) {
      expect(noticeOutlookChanges(base, { kind: 'state', state: state({ attendees: [{ email: 'mentor@x.local', response }] }) }, pair, agreement, now)).toBeUndefined();
    }
    // An answer taken back to "none" after an accept is a change, and is written.
    const accepted = { ...base, responses: [{ personId: 'mentor', response: 'accepted' as const }] };
    const reset = noticeOutlookChanges(accepted, { kind: 'state', state: state({ attendees: [{ email: 'mentor@x.local', response: 'none' }] }) }, pair, agreement, now)!;
    expect(reset.meeting.responses).toEqual([{ personId: 'mentor', response: 'none' }]);
  });

  it('flags a move outside the boundaries and keeps the new time (not fought)', () => {
    const moved = noticeOutlookChanges(base, { kind: 'state', state: state({ start: base.start + 2 * HOUR, end: base.end + 2 * HOUR }) }, pair, agreement, now)!;
    expect(moved.meeting.start).toBe(base.start + 2 * HOUR);
    expect(moved.meeting.outsideBoundaries).toBe(true);
    expect(moved.changes.map((c) => c.kind)).toEqual(['moved']);
    const inside = noticeOutlookChanges(base, { kind: 'state', state: state({ start: base.start + 14 * 24 * HOUR, end: base.end + 14 * 24 * HOUR }) }, pair, agreement, now)!;
    expect(inside.meeting.outsideBoundaries).toBe(false);
  });

  it('a cancelled or deleted event cancels the meeting with its reason', () => {
    for (const observation of [{ kind: 'gone' } as const, { kind: 'state', state: state({ isCancelled: true }) } as const]) {
      const noticed = noticeOutlookChanges(base, observation, pair, agreement, now)!;
      expect([noticed.meeting.status, noticed.meeting.cancelReason, noticed.changes[0]!.kind]).toEqual(['cancelled', 'Cancelled in Outlook', 'cancelled']);
    }
  });
});
