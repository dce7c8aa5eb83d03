import type { AdaptiveCard } from '../../../src/adapters/cards/adaptive-card';
import type { CardLocale } from '../../../src/adapters/cards/card-locale';
import {
  CHECKIN_ANSWER_MAX,
  CHECKIN_NOTE_MAX,
  checkInCard,
  checkInNudgeCard,
  checkInSummaryCard,
} from '../../../src/adapters/cards/check-in-card';
import {
  actionItemReminderCard,
  actionItemsCard,
  helpCard,
  nextMeetingCard,
  problemCard,
  rejectedActionCard,
  missedMeetingCard,
  missedYouCard,
  rebookedCard,
  rescheduleCard,
  welcomeCard,
} from '../../../src/adapters/cards/simple-cards';

export const links = {
  home: 'https://teams.microsoft.com/l/entity/app-id/mentoring',
  schedule: 'https://teams.microsoft.com/l/entity/app-id/mentoring?context=%7B%22subEntityId%22%3A%22schedule%22%7D',
  actionItems: 'https://teams.microsoft.com/l/entity/app-id/mentoring?context=%7B%22subEntityId%22%3A%22actions%22%7D',
};

const meetingStart = Date.parse('2026-11-23T10:00:00Z');
const goals = [
  { id: 'g1', title: 'Run a team retrospective with Miro', progress: 40 },
  { id: 'g2', title: 'Automate my weekly report in Power BI', progress: 10 },
];

/** Every card the bot sends, in both languages, with realistic content. */
export function everyCard(locale: CardLocale) {
  const base = { locale, timeZone: 'Europe/Warsaw', relationshipId: 'r1', meetingId: 'm1', meetingStart, nonce: 'n1' };
  const cards = {
    welcome: welcomeCard({ locale, displayName: 'Ania', links }),
    help: helpCard({ locale, links }),
    helpUnknown: helpCard({ locale, unknownText: 'what is the weather', links }),
    checkIn: checkInCard({ ...base, partnerName: 'Marek Nowak', goals }),
    checkInWithProblems: checkInCard({
      ...base,
      partnerName: 'Marek Nowak',
      goals,
      problems: ['Action item 2: the due date 2026-02-30 is not a date.'],
      typed: { rating: '4', useful: 'The Miro demo.', 'goal.g1': '50', 'actionItem2.title': 'Book a room', 'actionItem2.due': '2026-02-30' },
    }),
    checkInEdit: checkInCard({
      ...base,
      partnerName: 'Marek Nowak',
      goals,
      prefill: {
        answers: { useful: 'The Miro demo.', nextSteps: 'Try it with my team.', beforeNextTime: 'Read the guide.', changeOrFocus: 'More hands-on.' },
        rating: 4,
        goalProgress: [{ goalId: 'g1', progress: 60 }],
        privateNote: 'I felt slow with the tool.',
      },
    }),
    checkInSummary: checkInSummaryCard({
      ...base,
      answers: { useful: 'The Miro demo.', nextSteps: 'Try it with my team.', beforeNextTime: '', changeOrFocus: 'More hands-on.' },
      rating: 4,
      goalProgress: [{ title: goals[0]!.title, progress: 60 }],
      newActionItems: [{ title: 'Set up a Miro board', ownerName: 'Ania', dueDate: '2026-11-27' }],
      privateNote: 'I felt slow with the tool.',
    }),
    nudge: checkInNudgeCard({ ...base, partnerName: 'Marek Nowak' }),
    nextMeeting: nextMeetingCard({
      locale,
      timeZone: 'Europe/Warsaw',
      meeting: { partnerName: 'Marek Nowak', start: Date.parse('2026-11-30T10:00:00Z'), joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
      links,
    }),
    noNextMeeting: nextMeetingCard({ locale, timeZone: 'Europe/Warsaw', links }),
    actionItems: actionItemsCard({
      locale,
      items: [
        { title: 'Set up a Miro board', dueDate: '2026-11-27', partnerName: 'Marek Nowak' },
        { title: 'Share the report template', partnerName: 'Marek Nowak' },
      ],
      links,
    }),
    noActionItems: actionItemsCard({ locale, items: [], links }),
    reschedule: rescheduleCard({ locale, links }),
    reminder: actionItemReminderCard({
      locale,
      timeZone: 'Europe/Warsaw',
      meetingStart: Date.parse('2026-11-30T10:00:00Z'),
      items: [{ title: 'Set up a Miro board', dueDate: '2026-11-27', partnerName: 'Marek Nowak' }],
      links,
    }),
    missedMeeting: missedMeetingCard({
      locale,
      timeZone: 'Europe/Warsaw',
      meetingStart,
      partnerName: 'Marek Nowak',
      times: [Date.parse('2026-11-25T09:00:00Z'), Date.parse('2026-11-26T09:00:00Z'), Date.parse('2026-12-01T13:30:00Z')],
      links,
      rebook: { relationshipId: 'r1', meetingId: 'm1' },
    }),
    missedMeetingRetry: missedMeetingCard({
      locale,
      timeZone: 'Europe/Warsaw',
      meetingStart,
      partnerName: 'Marek Nowak',
      times: [Date.parse('2026-11-26T09:00:00Z')],
      links,
      rebook: { relationshipId: 'r1', meetingId: 'm1' },
      problem: 'BUSY',
    }),
    missedMeetingNoTimes: missedMeetingCard({ locale, timeZone: 'Europe/Warsaw', meetingStart, partnerName: 'Marek Nowak', times: [], links }),
    missedYou: missedYouCard({ locale, timeZone: 'Europe/Warsaw', meetingStart, partnerName: 'Marek Nowak', links }),
    rebooked: rebookedCard({ locale, timeZone: 'Europe/Warsaw', start: Date.parse('2026-11-25T09:00:00Z'), partnerName: 'Marek Nowak', kind: 'booked', chosenBy: 'me', links }),
    rebookedByPartner: rebookedCard({
      locale,
      timeZone: 'Europe/Warsaw',
      start: Date.parse('2026-11-25T09:00:00Z'),
      partnerName: 'Marek Nowak',
      kind: 'alreadyBooked',
      chosenBy: 'partner',
      links,
    }),
    problem: problemCard({ locale, reference: 'c0ffee12' }),
    rejectedReplay: rejectedActionCard({ locale, reason: 'OUTDATED_CARD' }),
    rejectedNotYours: rejectedActionCard({ locale, reason: 'NOT_YOUR_CARD' }),
  } satisfies Record<string, AdaptiveCard>;
  return cards;
}

/** The largest card a person can realistically get: an edit with every field full and ten goals. */
export function largestRealisticCard(): AdaptiveCard {
  const full = (ch: string, n: number): string => ch.repeat(n);
  const manyGoals = Array.from({ length: 10 }, (_, i) => ({
    id: `goal-${String(i).padStart(2, '0')}-0123456789abcdef`,
    title: `Goal ${i + 1}: ${full('g', 120)}`,
    progress: 50,
  }));
  return checkInCard({
    locale: 'pl',
    timeZone: 'Europe/Warsaw',
    relationshipId: 'relationship-0123456789abcdef',
    meetingId: 'meeting-0123456789abcdef',
    meetingStart,
    nonce: '0123456789abcdef0123456789abcdef',
    partnerName: 'Małgorzata Wiśniewska-Kowalczyk',
    goals: manyGoals,
    prefill: {
      answers: {
        useful: full('u', CHECKIN_ANSWER_MAX),
        nextSteps: full('n', CHECKIN_ANSWER_MAX),
        beforeNextTime: full('b', CHECKIN_ANSWER_MAX),
        changeOrFocus: full('c', CHECKIN_ANSWER_MAX),
      },
      rating: 5,
      goalProgress: manyGoals.map((g) => ({ goalId: g.id, progress: 73 })),
      privateNote: full('p', CHECKIN_NOTE_MAX),
    },
    problems: ['Action item 1: the title is too long.', 'Action item 2: the due date is in the past.'],
  });
}

/** What people may type: each markdown construct a card could turn into a link or formatting. */
export const peoplesText = {
  name: '- [Marek](https://evil.example) *Nowak*',
  title: '1. [text](https://evil.example) **now** _x_ `y` <b>z</b> {{DATE(2026-11-23T10:00:00Z, SHORT)}}',
  answer: '# Big\n- [text](https://evil.example)\n2) **two** ![img](https://evil.example/i.png)\n    indented <https://evil.example>',
} as const;

/**
 * Every card that shows something a person typed, with that text replaced by markdown: a name, a
 * goal or action-item title, an answer or note. The cards without user text are not here.
 */
export function everyCardWithPeoplesText(locale: CardLocale) {
  const { name, title, answer } = peoplesText;
  const base = { locale, timeZone: 'Europe/Warsaw', relationshipId: 'r1', meetingId: 'm1', meetingStart, nonce: 'n1' };
  const hostileGoals = [{ id: 'g1', title, progress: 40 }];
  return {
    welcome: welcomeCard({ locale, displayName: name, links }),
    helpUnknown: helpCard({ locale, unknownText: title, links }),
    checkIn: checkInCard({ ...base, partnerName: name, goals: hostileGoals }),
    checkInWithProblems: checkInCard({
      ...base,
      partnerName: name,
      goals: hostileGoals,
      problems: [`${title}: enter a number from 0 to 100.`],
    }),
    checkInSummary: checkInSummaryCard({
      ...base,
      answers: { useful: answer, nextSteps: answer, beforeNextTime: answer, changeOrFocus: answer },
      goalProgress: [{ title, progress: 60 }],
      newActionItems: [{ title, ownerName: name, dueDate: '2026-11-27' }],
      privateNote: answer,
    }),
    nudge: checkInNudgeCard({ ...base, partnerName: name }),
    nextMeeting: nextMeetingCard({
      locale,
      timeZone: 'Europe/Warsaw',
      meeting: { partnerName: name, start: Date.parse('2026-11-30T10:00:00Z'), joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' },
      links,
    }),
    actionItems: actionItemsCard({ locale, items: [{ title, dueDate: '2026-11-27', partnerName: name }, { title, partnerName: name }], links }),
    reminder: actionItemReminderCard({
      locale,
      timeZone: 'Europe/Warsaw',
      meetingStart: Date.parse('2026-11-30T10:00:00Z'),
      items: [{ title, dueDate: '2026-11-27', partnerName: name }],
      links,
    }),
  } satisfies Record<string, AdaptiveCard>;
}
