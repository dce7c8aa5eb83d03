import { idempotencyKeys, type ProactiveMessage } from '../../../src/core/delivery/bot-message';
import { decideDelivery, MESSAGE_MAX_AGE, type RecipientHistory } from '../../../src/core/delivery/decide-delivery';
import { nextContactMoment } from '../../../src/core/scheduling/contact-hours';
import type { WeeklyWindow } from '../../../src/core/agreement/agreement';

const iso = (ms: number): string => new Date(ms).toISOString();
const allWeek = (start: string, end: string): WeeklyWindow[] =>
  ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start, end }));

const ania = { personId: 'ania', timeZone: 'Europe/Warsaw', contactHours: allWeek('08:00', '20:00') };
const ravi = { personId: 'ravi', timeZone: 'Asia/Kolkata', contactHours: allWeek('09:00', '18:00') };

function checkIn(personId: string, notBefore: number, extra: Partial<ProactiveMessage> = {}): ProactiveMessage {
  return {
    kind: 'checkin',
    tenantId: 't1',
    personId,
    relationshipId: 'r1',
    meetingId: 'm1',
    idempotencyKey: idempotencyKeys.checkin('m1', personId),
    notBefore,
    ...extra,
  };
}

const fresh: RecipientHistory = { alreadyDelivered: false, deliveredAt: [] };

describe('decideDelivery', () => {
  it('sends at once inside contact hours', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(decideDelivery({ message: checkIn('ania', now), recipient: ania, history: fresh, now, nextContactMoment })).toEqual({
      kind: 'send',
      localDate: '2026-11-23',
    });
  });

  it('waits for each person\'s own contact hours: one meeting end, two zones', () => {
    const end = Date.parse('2026-11-23T14:00:00Z'); // 15:00 Warsaw, 19:30 Kolkata
    const forAnia = decideDelivery({ message: checkIn('ania', end), recipient: ania, history: fresh, now: end, nextContactMoment });
    const forRavi = decideDelivery({ message: checkIn('ravi', end), recipient: ravi, history: fresh, now: end, nextContactMoment });
    expect(forAnia.kind).toBe('send');
    expect(forRavi).toEqual({ kind: 'wait', until: Date.parse('2026-11-24T03:30:00Z'), reason: 'OUTSIDE_CONTACT_HOURS' });
  });

  it('never sends twice: an already delivered key is dropped', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const decision = decideDelivery({
      message: checkIn('ania', now),
      recipient: ania,
      history: { alreadyDelivered: true, deliveredAt: [now - 1000] },
      now,
      nextContactMoment,
    });
    expect(decision).toEqual({ kind: 'drop', reason: 'ALREADY_DELIVERED' });
  });

  it('a third message on the same local day waits for the next day\'s contact hours', () => {
    const now = Date.parse('2026-11-23T15:00:00Z'); // 16:00 Warsaw
    const history = { alreadyDelivered: false, deliveredAt: [Date.parse('2026-11-23T07:30:00Z'), Date.parse('2026-11-23T09:00:00Z')] };
    const decision = decideDelivery({ message: checkIn('ania', now), recipient: ania, history, now, nextContactMoment });
    expect(decision.kind).toBe('wait');
    if (decision.kind !== 'wait') return;
    expect(iso(decision.until)).toBe('2026-11-24T07:00:00.000Z'); // 08:00 Warsaw next day
    expect(decision.reason).toBe('DAILY_LIMIT_REACHED');
  });

  it('counts the limit per local day: two messages late yesterday (Warsaw) do not block this morning', () => {
    // 22:30Z and 22:45Z on the 22nd are 23:30/23:45 on the 22nd in Warsaw; 07:00Z on the 23rd is 08:00 on the 23rd.
    const now = Date.parse('2026-11-23T07:00:00Z');
    const history = { alreadyDelivered: false, deliveredAt: [Date.parse('2026-11-22T22:30:00Z'), Date.parse('2026-11-22T22:45:00Z')] };
    expect(decideDelivery({ message: checkIn('ania', now), recipient: ania, history, now, nextContactMoment }).kind).toBe('send');
  });

  it('counts by the person\'s day, not UTC\'s: Kolkata\'s day began at 18:30Z', () => {
    const now = Date.parse('2026-11-24T04:00:00Z'); // 09:30 in Kolkata on the 24th
    const history = { alreadyDelivered: false, deliveredAt: [Date.parse('2026-11-23T19:00:00Z'), Date.parse('2026-11-23T20:00:00Z')] };
    // Both earlier messages fall on the 24th in Kolkata (00:30 and 01:30), so the limit is reached.
    const decision = decideDelivery({ message: checkIn('ravi', now), recipient: ravi, history, now, nextContactMoment });
    expect(decision).toEqual({ kind: 'wait', until: Date.parse('2026-11-25T03:30:00Z'), reason: 'DAILY_LIMIT_REACHED' });
  });

  it('a message not yet due waits for its time, then for contact hours', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const notBefore = Date.parse('2026-11-25T20:00:00Z'); // 21:00 Warsaw, after hours
    const decision = decideDelivery({ message: checkIn('ania', notBefore), recipient: ania, history: fresh, now, nextContactMoment });
    expect(decision).toEqual({ kind: 'wait', until: Date.parse('2026-11-26T07:00:00Z'), reason: 'NOT_YET_DUE' });
  });

  it('drops a message whose moment has passed (a reminder after the meeting started)', () => {
    const now = Date.parse('2026-11-23T21:00:00Z'); // after hours; next opening 07:00Z
    const message = checkIn('ania', now - 1000, { expiresAt: Date.parse('2026-11-24T06:00:00Z') });
    expect(decideDelivery({ message, recipient: ania, history: fresh, now, nextContactMoment })).toEqual({ kind: 'drop', reason: 'EXPIRED' });
  });

  it('drops a check-in more than 7 days after it became due, even without an expiry of its own', () => {
    const now = Date.parse('2026-11-23T10:00:00Z'); // inside Ania's hours
    const weekOld = checkIn('ania', now - MESSAGE_MAX_AGE);
    expect(decideDelivery({ message: weekOld, recipient: ania, history: fresh, now, nextContactMoment })).toEqual({ kind: 'drop', reason: 'EXPIRED' });
    const almost = checkIn('ania', now - MESSAGE_MAX_AGE + 60_000);
    expect(decideDelivery({ message: almost, recipient: ania, history: fresh, now, nextContactMoment }).kind).toBe('send');
  });

  it('drops rather than waits when the next contact moment is past the 7 days', () => {
    const now = Date.parse('2026-11-23T21:00:00Z'); // after Ania's hours; she opens again at 07:00Z
    const message = checkIn('ania', Date.parse('2026-11-24T06:00:00Z') - MESSAGE_MAX_AGE);
    expect(decideDelivery({ message, recipient: ania, history: fresh, now, nextContactMoment })).toEqual({ kind: 'drop', reason: 'EXPIRED' });
  });

  it('drops when the person has no contact hours at all', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    const none = { personId: 'x', timeZone: 'UTC', contactHours: [] };
    expect(decideDelivery({ message: checkIn('x', now), recipient: none, history: fresh, now, nextContactMoment })).toEqual({
      kind: 'drop',
      reason: 'NO_CONTACT_HOURS',
    });
  });
});
