/**
 * The feed's pure parts: who each event goes to and when it stops mattering, the text made plain for
 * Teams, the chain id, and the words in both languages and zones.
 */
import { agreementToAcceptEvent, meetingMovedOutsideEvents, newlyInvited, requestWaitingEvent } from '../../src/core/feed/feed-events';
import { feedChainId, feedTemplateValue, plainFeedText } from '../../src/core/feed/feed-text';
import { composeFeedNotification } from '../../src/adapters/cards/feed-strings';
import type { MentoringRequest } from '../../src/core/requests/mentoring-request';

const T = 'tenant-1';
const rel = { id: 'r1', mentorId: 'kacper', menteeId: 'margaret' };
const names = (id: string) => ({ kacper: 'Kacper Nowak', margaret: 'Margaret Hale' })[id] ?? '?';
const AT = Date.parse('2027-01-12T14:55:00Z');

describe('who hears of what', () => {
  it('a move outside the agreement tells both, each naming the other; it expires when the meeting begins', () => {
    const change = { kind: 'moved' as const, personId: 'kacper', noticedAt: AT, start: AT + 86_400_000, end: AT + 90_000_000 };
    const events = meetingMovedOutsideEvents(T, rel, { id: 'm2', outsideBoundaries: true, status: 'planned' }, change, names);
    expect(events.map((e) => [e.personId, e.subject, e.key, e.page, e.expiresAt])).toEqual([
      ['kacper', 'Margaret Hale', `feed|moved|m2|${change.start}|kacper`, 'relationship/r1/schedule/m2', change.start],
      ['margaret', 'Kacper Nowak', `feed|moved|m2|${change.start}|margaret`, 'relationship/r1/schedule/m2', change.start],
    ]);
  });

  it('a move sent anyway after the warning, a move inside the agreement, or a cancelled meeting tells nobody', () => {
    const change = { kind: 'moved' as const, noticedAt: AT, start: AT + 1, end: AT + 2 };
    expect(meetingMovedOutsideEvents(T, rel, { id: 'm', outsideBoundaries: false, status: 'planned' }, { ...change, sentAnyway: true }, names)).toEqual([]);
    expect(meetingMovedOutsideEvents(T, rel, { id: 'm', outsideBoundaries: true, status: 'planned' }, { ...change, sentAnyway: true }, names)).toEqual([]);
    expect(meetingMovedOutsideEvents(T, rel, { id: 'm', outsideBoundaries: false, status: 'planned' }, change, names)).toEqual([]);
    expect(meetingMovedOutsideEvents(T, rel, { id: 'm', outsideBoundaries: true, status: 'cancelled' }, change, names)).toEqual([]);
    expect(meetingMovedOutsideEvents(T, rel, { id: 'm', outsideBoundaries: true, status: 'planned' }, { kind: 'declined', noticedAt: AT }, names)).toEqual([]);
  });

  it('a request asks its mentor only while open; a proposal asks the other of the pair', () => {
    const request = { id: 'q1', menteeId: 'margaret', mentorId: 'kacper', note: 'Hi', status: 'open', createdAt: AT } as MentoringRequest;
    expect(requestWaitingEvent(T, request, 'Margaret Hale')).toMatchObject({ personId: 'kacper', page: 'home', key: 'feed|request|q1|kacper', notBefore: AT });
    expect(requestWaitingEvent(T, { ...request, status: 'accepted' }, 'Margaret Hale')).toBeUndefined();
    const proposed = { number: 3, proposedBy: 'margaret', proposedAt: AT, note: '' };
    expect(agreementToAcceptEvent(T, rel, proposed, 'Margaret Hale')).toMatchObject({ personId: 'kacper', key: 'feed|agreement|r1|3|kacper', page: 'relationship/r1/agreement' });
    expect(agreementToAcceptEvent(T, rel, { ...proposed, proposedBy: 'someone-else' }, 'X')).toBeUndefined();
  });

  it('an invited list invites only the people it did not name before', () => {
    expect(newlyInvited(undefined, { kind: 'invited', personIds: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(newlyInvited({ kind: 'invited', personIds: ['a'] }, { kind: 'invited', personIds: ['a', 'b'] })).toEqual(['b']);
    expect(newlyInvited(undefined, { kind: 'everyone' })).toEqual([]);
  });
});

describe('text Teams shows on one line', () => {
  it('control characters and line breaks become spaces, direction overrides and zero-width characters go, runs collapse', () => {
    expect(plainFeedText(' Ala\n\tma\u0000 kota\u202e\u200b!  ', 100)).toBe('Ala ma kota!');
  });

  it('is cut at a whole character with an ellipsis, never inside a surrogate pair', () => {
    const cut = plainFeedText('😀'.repeat(10), 5);
    expect(cut).toBe('😀😀😀😀…');
    expect([...cut]).toHaveLength(5);
  });

  it('a template parameter cannot form another placeholder', () => {
    expect(feedTemplateValue('{actor} Ann')).toBe('\uff5bactor\uff5d Ann');
  });

  it('the chain id is the same for the same event, another for another, and exact as a JSON number', () => {
    const a = feedChainId('feed|checkin|m1|kacper');
    expect(feedChainId('feed|checkin|m1|kacper')).toBe(a);
    expect(feedChainId('feed|checkin|m1|margaret')).not.toBe(a);
    expect(Number.isSafeInteger(a) && a > 0).toBe(true);
  });
});

describe('the words, in the reader’s language and zone', () => {
  it('a move reads in Polish in Warsaw time and in English in New York time', () => {
    const event = meetingMovedOutsideEvents(T, rel, { id: 'm2', outsideBoundaries: true, status: 'planned' }, { kind: 'moved', noticedAt: AT, start: Date.parse('2027-01-19T19:00:00Z'), end: Date.parse('2027-01-19T20:00:00Z') }, names);
    const pl = composeFeedNotification(event[0]!, 'pl', 'Europe/Warsaw');
    expect([pl.topic, pl.subject, pl.previewText]).toEqual(['Mentoring: Margaret Hale', 'Margaret Hale', expect.stringMatching(/^Teraz wt\., 19 sty.*20:00, poza uzgodnionymi godzinami\./)]);
    const en = composeFeedNotification(event[1]!, 'en', 'America/New_York');
    expect([en.topic, en.previewText]).toEqual(['Mentoring with Kacper Nowak', 'Now Tue 19 Jan, 14:00, outside the times you agreed. Open the schedule to keep it or move it.']);
  });

  it('a long note is cut so the ask after it still shows within Teams’ 150 characters', () => {
    const request = { id: 'q1', menteeId: 'margaret', mentorId: 'kacper', note: 'x'.repeat(400), status: 'open', createdAt: AT } as MentoringRequest;
    const n = composeFeedNotification(requestWaitingEvent(T, request, 'Margaret Hale')!, 'en', 'UTC');
    expect([...n.previewText].length).toBeLessThanOrEqual(150);
    expect(n.previewText.endsWith('Open it to accept or decline.')).toBe(true);
  });
});
