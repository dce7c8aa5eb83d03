/** The fixed words of the agenda in each supported language. */
import type { AgendaLocale } from './agenda';

export interface AgendaTexts {
  readonly meetingOf: (k: number, n: number | undefined) => string;
  readonly subject: (mentee: string, mentor: string, meeting: string, themes: string) => string;
  readonly pair: (mentee: string, mentor: string, reverse: boolean) => string;
  readonly themes: string;
  readonly noThemes: string;
  readonly goals: string;
  readonly noGoals: string;
  readonly target: (date: string) => string;
  readonly noTarget: string;
  readonly progress: (percent: number) => string;
  readonly actionItems: string;
  readonly noActionItems: string;
  readonly owner: string;
  readonly due: (date: string) => string;
  readonly noDue: string;
  readonly preWork: string;
  readonly preWorkOf: (name: string) => string;
  readonly noAnswer: string;
  readonly checkIn: string;
  readonly checkInIntro: string;
  readonly openInTeams: string;
  readonly defaultCheckInQuestions: readonly string[];
  /** The pre-work questions of a mentoring request, by field. */
  readonly preWorkQuestions: { readonly whatIWant: string; readonly whatIBring: string; readonly expectations: string };
}

export const AGENDA_TEXTS: Readonly<Record<AgendaLocale, AgendaTexts>> = {
  en: {
    meetingOf: (k, n) => (n ? `meeting ${k} of ${n}` : `meeting ${k}`),
    subject: (mentee, mentor, meeting, themes) => `Mentoring: ${mentee} & ${mentor}, ${meeting}${themes ? ` (${themes})` : ''}`,
    pair: (mentee, mentor, reverse) => (reverse ? `Reverse mentoring: ${mentor} mentors ${mentee}` : `Mentoring: ${mentor} mentors ${mentee}`),
    themes: 'Themes for this meeting',
    noThemes: 'No theme is planned for this meeting yet; agree one at the start.',
    goals: 'Goals we are working towards',
    noGoals: 'No goals yet; consider setting one SMART goal together.',
    target: (date) => `target ${date}`,
    noTarget: 'no target date',
    progress: (p) => `${p}% done`,
    actionItems: 'Open action items',
    noActionItems: 'No open action items.',
    owner: 'Owner',
    due: (date) => `due ${date}`,
    noDue: 'no due date',
    preWork: 'Pre-work answers',
    preWorkOf: (name) => `${name} wrote`,
    noAnswer: '(no answer yet)',
    checkIn: 'Before you finish',
    checkInIntro: 'Take the last five minutes for these questions; the check-in card after the meeting asks them too.',
    openInTeams: 'Open the relationship in Teams',
    defaultCheckInQuestions: [
      'What was most useful in this conversation?',
      'What are the next steps, and who owns each?',
      'What will each of us do before next time?',
      'What should we change or focus on next time?',
    ],
    preWorkQuestions: {
      whatIWant: 'What do I want out of this mentoring?',
      whatIBring: 'What do I bring to it?',
      expectations: 'What do I expect from my partner?',
    },
  },
  pl: {
    meetingOf: (k, n) => (n ? `spotkanie ${k} z ${n}` : `spotkanie ${k}`),
    subject: (mentee, mentor, meeting, themes) => `Mentoring: ${mentee} i ${mentor}, ${meeting}${themes ? ` (${themes})` : ''}`,
    pair: (mentee, mentor, reverse) => (reverse ? `Mentoring odwrócony: ${mentor} jest mentorem dla ${mentee}` : `Mentoring: ${mentor} jest mentorem dla ${mentee}`),
    themes: 'Tematy tego spotkania',
    noThemes: 'Na to spotkanie nie zaplanowano jeszcze tematu; ustalcie go na początku.',
    goals: 'Cele, nad którymi pracujemy',
    noGoals: 'Nie ma jeszcze celów; warto wspólnie ustalić jeden cel SMART.',
    target: (date) => `termin ${date}`,
    noTarget: 'bez terminu',
    progress: (p) => `${p}% wykonane`,
    actionItems: 'Otwarte zadania',
    noActionItems: 'Brak otwartych zadań.',
    owner: 'Odpowiada',
    due: (date) => `do ${date}`,
    noDue: 'bez terminu',
    preWork: 'Odpowiedzi z przygotowania',
    preWorkOf: (name) => `${name} pisze`,
    noAnswer: '(jeszcze bez odpowiedzi)',
    checkIn: 'Na koniec rozmowy',
    checkInIntro: 'Zostawcie ostatnie pięć minut na te pytania; karta podsumowania po spotkaniu zada je ponownie.',
    openInTeams: 'Otwórz relację w Teams',
    defaultCheckInQuestions: [
      'Co w tej rozmowie było najbardziej przydatne?',
      'Jakie są kolejne kroki i kto za nie odpowiada?',
      'Co każde z nas zrobi przed następnym spotkaniem?',
      'Co powinniśmy zmienić lub na czym się skupić następnym razem?',
    ],
    preWorkQuestions: {
      whatIWant: 'Czego chcę od tego mentoringu?',
      whatIBring: 'Co do niego wnoszę?',
      expectations: 'Czego oczekuję od partnera?',
    },
  },
};

/** "2027-03-31" → "31 March 2027" / "31 marca 2027" (a calendar date: no zone shifts it). */
export function formatLocalDate(date: string, locale: AgendaLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(instant);
}
