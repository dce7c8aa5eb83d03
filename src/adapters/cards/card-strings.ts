import type { CardLocale } from './card-locale';

/** Every sentence the bot shows, in both languages; one table so that a missing translation is a type error. */
export interface CardStrings {
  readonly welcomeTitle: string;
  readonly welcomeBody: string;
  readonly welcomeCommands: string;
  readonly openApp: string;
  readonly helpTitle: string;
  readonly helpIntro: string;
  readonly helpNextMeeting: string;
  readonly helpActionItems: string;
  readonly helpReschedule: string;
  readonly helpHelp: string;
  readonly helpUnknown: (text: string) => string;
  readonly checkInTitle: string;
  readonly checkInIntro: (partner: string, when: string) => string;
  readonly qRating: string;
  readonly ratingChoices: readonly [string, string, string, string, string];
  readonly qNextStep: string;
  readonly nextStepPlaceholder: string;
  readonly addMore: string;
  readonly showLess: string;
  readonly moreHint: string;
  readonly qUseful: string;
  readonly qNextSteps: string;
  readonly qBeforeNext: string;
  readonly qChange: string;
  readonly goalsHeading: string;
  readonly goalProgressLabel: (title: string) => string;
  readonly goalProgressChoice: (percent: number) => string;
  readonly newActionItemsHeading: string;
  readonly actionItemTitle: (n: number) => string;
  readonly actionItemOwner: string;
  readonly ownerMe: string;
  readonly ownerPartner: (partner: string) => string;
  readonly actionItemDue: string;
  readonly privateNoteLabel: string;
  readonly privateNoteHint: string;
  readonly send: string;
  readonly summaryTitle: string;
  readonly summaryIntro: (when: string) => string;
  readonly summaryNoAnswer: string;
  readonly summaryRating: string;
  readonly summaryRatingValue: (rating: number) => string;
  readonly summaryProgress: string;
  readonly summaryActionItems: string;
  readonly summaryPrivateNote: string;
  readonly edit: string;
  readonly nudgeTitle: string;
  readonly nudgeBody: (partner: string, when: string) => string;
  readonly reminderTitle: string;
  readonly reminderBody: (when: string) => string;
  readonly due: (date: string) => string;
  readonly nextMeetingTitle: string;
  readonly nextMeetingWith: (partner: string, when: string) => string;
  readonly noNextMeeting: string;
  readonly joinMeeting: string;
  readonly actionItemsTitle: string;
  readonly noActionItems: string;
  readonly missedTitle: string;
  readonly missedBody: (partner: string, when: string) => string;
  readonly missedTimes: string;
  readonly missedNoTimes: string;
  readonly missedPick: string;
  readonly bookTime: (when: string) => string;
  readonly rebookedTitle: string;
  readonly rebookedBody: (partner: string, when: string) => string;
  readonly rebookedAlreadyTitle: string;
  readonly rebookedAlreadyBody: (who: string, when: string) => string;
  readonly rebookedYou: string;
  readonly rebookFailed: Readonly<Record<RebookProblem, string>>;
  readonly missedYouTitle: string;
  readonly missedYouBody: (partner: string, when: string) => string;
  readonly rescheduleTitle: string;
  readonly rescheduleBody: string;
  readonly openSchedule: string;
  readonly problemTitle: string;
  readonly problemBody: (reference: string) => string;
  readonly rejectedTitle: string;
  readonly rejected: Readonly<Record<CardRejection, string>>;
  readonly fixAndResend: string;
  readonly announcementTitle: (programme: string) => string;
  readonly announcementFooter: string;
  readonly invitationTitle: (programme: string) => string;
  readonly invitationBody: (programme: string) => string;
  readonly invitationPurpose: string;
  readonly invitationDates: (start: string, end: string) => string;
  readonly invitationRole: string;
  readonly roleMentee: string;
  readonly roleMentor: string;
  readonly invitationWindowsNote: string;
  readonly joinProgramme: string;
  readonly openProgramme: string;
  readonly joinedTitle: (programme: string) => string;
  readonly joinedBody: (role: string) => string;
  readonly joinFailed: (reason: string) => string;
  readonly pairNudgeTitle: string;
  readonly pairNudgeBody: (programme: string, partner: string) => string;
  readonly pairNudgeNoMeeting: string;
  readonly pairNudgeCancellations: string;
  readonly pairNudgeAgreement: string;
  readonly pairNudgeRequest: string;
}

/** Why a time from the "missed it?" card could not be booked, in words for the card. */
export type RebookProblem = 'BUSY' | 'TOO_SOON' | 'OUTSIDE_AGREEMENT' | 'NOT_MISSED' | 'CALENDAR' | 'NOT_CONNECTED';

/** Why a card action was refused; each has a sentence a person can act on. */
export type CardRejection =
  | 'NOT_YOUR_CARD'
  | 'WRONG_RELATIONSHIP'
  | 'OUTDATED_CARD'
  | 'UNKNOWN_ACTION'
  | 'INVALID_INPUT';

const en: CardStrings = {
  welcomeTitle: 'Welcome to Mentoring',
  welcomeBody:
    'I will send you a short check-in after each mentoring meeting, remind you of open action items before the next one, and never message you outside your contact hours.',
  welcomeCommands: 'Type **next meeting**, **my action items**, **reschedule** or **help**.',
  openApp: 'Open Mentoring',
  helpTitle: 'What I can do',
  helpIntro: 'Type one of these:',
  helpNextMeeting: '**next meeting**: when and with whom you meet next',
  helpActionItems: '**my action items**: your open action items',
  helpReschedule: '**reschedule**: open the schedule to move a meeting',
  helpHelp: '**help**: this list',
  helpUnknown: (text) => `I did not understand "${text}".`,
  checkInTitle: 'How did it go?',
  checkInIntro: (partner, when) => `Your conversation with ${partner} on ${when}. Your answers are shared with ${partner} and shape the next agenda.`,
  qRating: 'How useful was it?',
  ratingChoices: ['1 · Not useful', '2', '3', '4', '5 · Very useful'],
  qNextStep: 'One thing you will do before next time',
  nextStepPlaceholder: 'It goes on the next agenda as your action item',
  addMore: 'Add more',
  showLess: 'Show less',
  moreHint: 'The four questions, goal progress, more action items and a private note.',
  qUseful: "What was useful about today's conversation?",
  qNextSteps: 'What are your next steps?',
  qBeforeNext: 'What will you do, learn or explore before the next conversation?',
  qChange: 'What should we change for the next conversation, or focus on?',
  goalsHeading: 'Progress on your goals (0–100%)',
  goalProgressLabel: (title) => title,
  goalProgressChoice: (percent) => `${percent}%`,
  newActionItemsHeading: 'New action items',
  actionItemTitle: (n) => `Action item ${n}`,
  actionItemOwner: 'Owner',
  ownerMe: 'Me',
  ownerPartner: (partner) => partner,
  actionItemDue: 'Due date',
  privateNoteLabel: 'Private note',
  privateNoteHint: 'Only you will ever see this note.',
  send: 'Send check-in',
  summaryTitle: 'Check-in saved',
  summaryIntro: (when) => `Your check-in for the conversation on ${when}.`,
  summaryNoAnswer: '—',
  summaryRating: 'How useful it was',
  summaryRatingValue: (rating) => `${rating} of 5`,
  summaryProgress: 'Goal progress',
  summaryActionItems: 'New action items',
  summaryPrivateNote: 'Private note (only you see this)',
  edit: 'Edit my answers',
  nudgeTitle: 'A check-in is waiting',
  nudgeBody: (partner, when) => `You have not yet shared how your conversation with ${partner} on ${when} went. It takes two minutes.`,
  reminderTitle: 'Before your next meeting',
  reminderBody: (when) => `Your next mentoring meeting is on ${when}. These action items are due by then:`,
  due: (date) => `due ${date}`,
  nextMeetingTitle: 'Your next meeting',
  nextMeetingWith: (partner, when) => `With ${partner} on ${when}.`,
  noNextMeeting: 'You have no mentoring meeting planned. Open the schedule to plan one.',
  joinMeeting: 'Join the meeting',
  actionItemsTitle: 'Your open action items',
  noActionItems: 'You have no open action items.',
  missedTitle: 'Missed it?',
  missedBody: (partner, when) => `Neither of you joined the meeting with ${partner} on ${when}. No check-in this time; pick a new time instead.`,
  missedTimes: 'Times inside your agreement:',
  missedNoTimes: 'Your agreement has no shared time in the next two weeks; the schedule can look further.',
  missedPick: 'Pick one and I will move the meeting there for you both; Outlook updates both calendars.',
  bookTime: (when) => `Book ${when}`,
  rebookedTitle: 'Booked',
  rebookedBody: (partner, when) => `Your meeting with ${partner} is now on ${when}. Outlook updated both calendars, and the check-in follows that meeting.`,
  rebookedAlreadyTitle: 'Already booked',
  rebookedAlreadyBody: (who, when) => `${who} already moved the meeting to ${when}; it is in both calendars. Nothing else changed.`,
  rebookedYou: 'You',
  rebookFailed: {
    BUSY: 'That time is no longer free for one of you. Nothing was booked; here are the times that fit now.',
    TOO_SOON: 'That time is now too soon for the notice you agreed. Nothing was booked; here are the times that fit now.',
    OUTSIDE_AGREEMENT: 'That time is no longer inside your agreement. Nothing was booked; here are the times that fit now.',
    NOT_MISSED: 'This meeting can no longer be moved from here. Nothing was booked; the schedule can move it.',
    CALENDAR: 'Outlook could not be reached just now. Nothing was booked; try again in a few minutes.',
    NOT_CONNECTED: 'Booking from the chat is not connected on this server. Nothing was booked; use the schedule.',
  },
  missedYouTitle: 'We missed you',
  missedYouBody: (partner, when) => `${partner} was in the meeting on ${when} and you could not make it. That happens. If the time no longer suits you, the schedule finds another one.`,
  rescheduleTitle: 'Move a meeting',
  rescheduleBody: 'The schedule proposes times that fit both of your boundaries.',
  openSchedule: 'Open the schedule',
  problemTitle: 'Something went wrong on our side',
  problemBody: (reference) => `Please try again in a minute. If it keeps happening, give this reference to your programme team: ${reference}.`,
  rejectedTitle: 'This card cannot be used',
  rejected: {
    NOT_YOUR_CARD: 'This check-in card was sent to someone else. Use the card the bot sent to you.',
    WRONG_RELATIONSHIP: 'This card does not belong to your mentoring relationship. Nothing was saved.',
    OUTDATED_CARD: 'This card is out of date: a newer version replaced it. Use the latest card in the chat. Nothing was saved.',
    UNKNOWN_ACTION: 'This button is no longer supported. Nothing was saved.',
    INVALID_INPUT: 'Some answers could not be read. Check them and send again.',
  },
  fixAndResend: 'Please correct this and send again:',
  announcementTitle: (programme) => `${programme}: an announcement`,
  announcementFooter: 'Sent by the programme’s owner to everyone in the programme.',
  invitationTitle: (programme) => `You are invited to ${programme}`,
  invitationBody: (programme) => `The owner of ${programme} invited you to take part.`,
  invitationPurpose: 'What it is for',
  invitationDates: (start, end) => `From ${start} to ${end}.`,
  invitationRole: 'I would like to join as',
  roleMentee: 'Mentee (I want to learn)',
  roleMentor: 'Mentor (I want to help)',
  invitationWindowsNote: 'Joining here uses your profile’s time zone and weekday office hours (9:00–17:00) as the times you can meet; change them in the Programme tab.',
  joinProgramme: 'Join',
  openProgramme: 'Open the programme',
  joinedTitle: (programme) => `You joined ${programme}`,
  joinedBody: (role) => `You take part as ${role}. Your programme’s owner will match you; the bot tells you when.`,
  joinFailed: (reason) => `You could not join: ${reason}`,
  pairNudgeTitle: 'A gentle nudge',
  pairNudgeBody: (programme, partner) => `${programme} keeps an eye on how pairs are doing, and your mentoring with ${partner} looks stalled.`,
  pairNudgeNoMeeting: 'You have not met for a while. A short conversation is enough to get going again: pick a time in the schedule.',
  pairNudgeCancellations: 'Your last two meetings were cancelled. If the time does not suit you any more, the schedule finds another one.',
  pairNudgeAgreement: 'Your agreement is not accepted yet. Agree on how you will meet, and the schedule books the meetings.',
  pairNudgeRequest: 'A mentoring request is waiting for an answer. Accept or decline it in the app.',
};

const pl: CardStrings = {
  welcomeTitle: 'Witamy w Mentoringu',
  welcomeBody:
    'Po każdym spotkaniu mentoringowym wyślę Ci krótkie podsumowanie do wypełnienia, przypomnę o otwartych zadaniach przed kolejnym spotkaniem i nigdy nie napiszę poza Twoimi godzinami kontaktu.',
  welcomeCommands: 'Napisz **następne spotkanie**, **moje zadania**, **zmień termin** lub **pomoc**.',
  openApp: 'Otwórz Mentoring',
  helpTitle: 'Co potrafię',
  helpIntro: 'Napisz jedno z poniższych:',
  helpNextMeeting: '**następne spotkanie**: kiedy i z kim spotykasz się następnym razem',
  helpActionItems: '**moje zadania**: Twoje otwarte zadania',
  helpReschedule: '**zmień termin**: otwórz harmonogram, aby przenieść spotkanie',
  helpHelp: '**pomoc**: ta lista',
  helpUnknown: (text) => `Nie rozumiem „${text}”.`,
  checkInTitle: 'Jak poszło?',
  checkInIntro: (partner, when) =>
    `Twoja rozmowa z: ${partner}, ${when}. Odpowiedzi zobaczy ${partner}; posłużą do przygotowania kolejnej agendy.`,
  qRating: 'Na ile ta rozmowa była przydatna?',
  ratingChoices: ['1 · Nieprzydatna', '2', '3', '4', '5 · Bardzo przydatna'],
  qNextStep: 'Jedna rzecz, którą zrobisz przed następnym spotkaniem',
  nextStepPlaceholder: 'Trafi do następnej agendy jako Twoje zadanie',
  addMore: 'Dodaj więcej',
  showLess: 'Pokaż mniej',
  moreHint: 'Cztery pytania, postęp celów, kolejne zadania i notatka prywatna.',
  qUseful: 'Co było przydatne w dzisiejszej rozmowie?',
  qNextSteps: 'Jakie są Twoje kolejne kroki?',
  qBeforeNext: 'Co zrobisz, czego się nauczysz lub co zbadasz przed następną rozmową?',
  qChange: 'Co zmienić w następnej rozmowie lub na czym się skupić?',
  goalsHeading: 'Postęp celów (0–100%)',
  goalProgressLabel: (title) => title,
  goalProgressChoice: (percent) => `${percent}%`,
  newActionItemsHeading: 'Nowe zadania',
  actionItemTitle: (n) => `Zadanie ${n}`,
  actionItemOwner: 'Osoba odpowiedzialna',
  ownerMe: 'Ja',
  ownerPartner: (partner) => partner,
  actionItemDue: 'Termin',
  privateNoteLabel: 'Notatka prywatna',
  privateNoteHint: 'Tę notatkę zobaczysz tylko Ty.',
  send: 'Wyślij',
  summaryTitle: 'Zapisano',
  summaryIntro: (when) => `Twoje podsumowanie rozmowy z dnia ${when}.`,
  summaryNoAnswer: '—',
  summaryRating: 'Przydatność rozmowy',
  summaryRatingValue: (rating) => `${rating} na 5`,
  summaryProgress: 'Postęp celów',
  summaryActionItems: 'Nowe zadania',
  summaryPrivateNote: 'Notatka prywatna (widzisz ją tylko Ty)',
  edit: 'Edytuj odpowiedzi',
  nudgeTitle: 'Czeka na Ciebie podsumowanie',
  nudgeBody: (partner, when) => `Nie podzielono się jeszcze wrażeniami z rozmowy z: ${partner} (${when}). To zajmie dwie minuty.`,
  reminderTitle: 'Przed następnym spotkaniem',
  reminderBody: (when) => `Następne spotkanie: ${when}. Do tego czasu przypadają te zadania:`,
  due: (date) => `termin ${date}`,
  nextMeetingTitle: 'Twoje następne spotkanie',
  nextMeetingWith: (partner, when) => `Z: ${partner}, ${when}.`,
  noNextMeeting: 'Nie masz zaplanowanego spotkania. Otwórz harmonogram, aby je zaplanować.',
  joinMeeting: 'Dołącz do spotkania',
  actionItemsTitle: 'Twoje otwarte zadania',
  noActionItems: 'Nie masz otwartych zadań.',
  missedTitle: 'Spotkanie przepadło?',
  missedBody: (partner, when) => `Żadne z was nie dołączyło do spotkania z ${partner} (${when}). Tym razem bez podsumowania; wybierzcie nowy termin.`,
  missedTimes: 'Terminy zgodne z waszymi ustaleniami:',
  missedNoTimes: 'W najbliższych dwóch tygodniach wasze ustalenia nie mają wspólnego czasu; harmonogram poszuka dalej.',
  missedPick: 'Wybierz termin, a przeniosę spotkanie dla was obojga; Outlook zaktualizuje oba kalendarze.',
  bookTime: (when) => `Zarezerwuj: ${when}`,
  rebookedTitle: 'Zarezerwowano',
  rebookedBody: (partner, when) => `Spotkanie z: ${partner} odbędzie się ${when}. Outlook zaktualizował oba kalendarze, a podsumowanie przyjdzie po tym spotkaniu.`,
  rebookedAlreadyTitle: 'Już zarezerwowane',
  rebookedAlreadyBody: (who, when) => `${who}: spotkanie przeniesiono już na ${when}; jest w obu kalendarzach. Nic więcej nie zmieniono.`,
  rebookedYou: 'Ty',
  rebookFailed: {
    BUSY: 'Ten termin nie jest już wolny dla jednej z osób. Niczego nie zarezerwowano; oto terminy, które pasują teraz.',
    TOO_SOON: 'Ten termin jest już zbyt bliski wobec uzgodnionego wyprzedzenia. Niczego nie zarezerwowano; oto terminy, które pasują teraz.',
    OUTSIDE_AGREEMENT: 'Ten termin nie mieści się już w waszych ustaleniach. Niczego nie zarezerwowano; oto terminy, które pasują teraz.',
    NOT_MISSED: 'Tego spotkania nie można już przenieść stąd. Niczego nie zarezerwowano; przeniesiesz je w harmonogramie.',
    CALENDAR: 'Nie udało się teraz połączyć z Outlookiem. Niczego nie zarezerwowano; spróbuj ponownie za kilka minut.',
    NOT_CONNECTED: 'Rezerwacja z czatu nie jest włączona na tym serwerze. Niczego nie zarezerwowano; użyj harmonogramu.',
  },
  missedYouTitle: 'Brakowało nam Ciebie',
  missedYouBody: (partner, when) => `${partner} był(a) na spotkaniu ${when}, a Tobie nie udało się dołączyć. To się zdarza. Jeśli ten termin już Ci nie pasuje, harmonogram znajdzie inny.`,
  rescheduleTitle: 'Przenieś spotkanie',
  rescheduleBody: 'Harmonogram zaproponuje terminy zgodne z ustaleniami obu stron.',
  openSchedule: 'Otwórz harmonogram',
  problemTitle: 'Coś poszło nie tak po naszej stronie',
  problemBody: (reference) => `Spróbuj ponownie za minutę. Jeśli problem się powtarza, przekaż zespołowi programu ten identyfikator: ${reference}.`,
  rejectedTitle: 'Tej karty nie można użyć',
  rejected: {
    NOT_YOUR_CARD: 'Ta karta została wysłana do innej osoby. Użyj karty, którą bot wysłał do Ciebie.',
    WRONG_RELATIONSHIP: 'Ta karta nie dotyczy Twojej relacji mentoringowej. Niczego nie zapisano.',
    OUTDATED_CARD: 'Ta karta jest nieaktualna: zastąpiła ją nowsza wersja. Użyj najnowszej karty z czatu. Niczego nie zapisano.',
    UNKNOWN_ACTION: 'Ten przycisk nie jest już obsługiwany. Niczego nie zapisano.',
    INVALID_INPUT: 'Nie udało się odczytać części odpowiedzi. Sprawdź je i wyślij ponownie.',
  },
  fixAndResend: 'Popraw to i wyślij ponownie:',
  announcementTitle: (programme) => `${programme}: ogłoszenie`,
  announcementFooter: 'Wysłane przez właściciela programu do wszystkich uczestników.',
  invitationTitle: (programme) => `Zaproszenie do programu ${programme}`,
  invitationBody: (programme) => `Właściciel programu ${programme} zaprasza Cię do udziału.`,
  invitationPurpose: 'Cel programu',
  invitationDates: (start, end) => `Od ${start} do ${end}.`,
  invitationRole: 'Chcę dołączyć jako',
  roleMentee: 'Mentee (chcę się uczyć)',
  roleMentor: 'Mentor (chcę pomagać)',
  invitationWindowsNote: 'Dołączenie tutaj przyjmuje strefę czasową z Twojego profilu i godziny pracy w dni robocze (9:00–17:00) jako czas na spotkania; zmienisz je w karcie Program.',
  joinProgramme: 'Dołącz',
  openProgramme: 'Otwórz program',
  joinedTitle: (programme) => `Dołączono do programu ${programme}`,
  joinedBody: (role) => `Bierzesz udział jako ${role}. Właściciel programu dobierze Ci parę; bot da Ci znać.`,
  joinFailed: (reason) => `Nie udało się dołączyć: ${reason}`,
  pairNudgeTitle: 'Delikatne przypomnienie',
  pairNudgeBody: (programme, partner) => `Program ${programme} śledzi, jak idzie parom, a Wasz mentoring z ${partner} wygląda na wstrzymany.`,
  pairNudgeNoMeeting: 'Dawno się nie spotkaliście. Wystarczy krótka rozmowa, by ruszyć dalej: wybierz termin w harmonogramie.',
  pairNudgeCancellations: 'Dwa ostatnie spotkania zostały odwołane. Jeśli termin już nie pasuje, harmonogram znajdzie inny.',
  pairNudgeAgreement: 'Wasza umowa nie jest jeszcze zaakceptowana. Ustalcie, jak będziecie się spotykać, a harmonogram zarezerwuje spotkania.',
  pairNudgeRequest: 'Prośba o mentoring czeka na odpowiedź. Zaakceptuj ją lub odrzuć w aplikacji.',
};

export const cardStrings: Readonly<Record<CardLocale, CardStrings>> = { en, pl };
