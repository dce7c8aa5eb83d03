/**
 * The pane's own words (en + pl). The agenda, the problems and the formats come from the tab's
 * catalogue through its I18nProvider, as the pane shares those components with the tab.
 */
import type { Language } from '../../tab/i18n/i18n';

export const paneEn = {
  'pane.title': 'Mentoring',
  'pane.loading': 'Reading this meeting…',
  'pane.notMentoring': 'This is not a mentoring meeting. The pane shows the agenda, goals and action items of meetings booked by Mentoring.',
  'pane.signIn.needed': 'Sign in to see this meeting’s agenda and whether its time keeps your agreement.',
  'pane.signIn.button': 'Sign in',
  'pane.signIn.failed': 'Outlook could not sign you in to Mentoring. Try again; if it keeps failing, ask your admin whether the app is consented for your organisation.',
  'pane.signIn.local': 'Signed in locally as {name} (stand-in, not Microsoft Entra ID)',
  'pane.meeting': 'Meeting {number} with {partner}',
  'pane.meetingGone': 'This meeting is no longer in your mentoring relationship (it may have been cancelled or replaced).',
  'pane.times': 'Local times',
  'pane.timeOf': '{name}: {time}',
  'pane.keeps': 'This time keeps your mentoring agreement.',
  'pane.breaks': 'This time is outside your mentoring agreement.',
  'pane.alternatives': 'Times inside the agreement',
  'pane.checkUnavailable': 'Whether this time keeps your agreement could not be checked just now.',
  'pane.openInTeams': 'Open in Teams',
  'pane.misconfigured': 'This copy of the add-in was deployed without {names}, so it cannot sign you in. Ask your admin to redeploy it (docs/outlook-add-in.md).',
  'pane.noItem': 'Open an appointment to see its mentoring agenda.',
} as const;

export type PaneMessageKey = keyof typeof paneEn;

const panePl: Readonly<Record<PaneMessageKey, string>> = {
  'pane.title': 'Mentoring',
  'pane.loading': 'Odczytywanie spotkania…',
  'pane.notMentoring': 'To nie jest spotkanie mentorskie. Panel pokazuje agendę, cele i zadania spotkań zaplanowanych przez aplikację Mentoring.',
  'pane.signIn.needed': 'Zaloguj się, aby zobaczyć agendę spotkania i sprawdzić, czy jego termin mieści się w Waszej umowie.',
  'pane.signIn.button': 'Zaloguj się',
  'pane.signIn.failed': 'Outlook nie mógł zalogować Cię do aplikacji Mentoring. Spróbuj ponownie; jeśli to się powtarza, zapytaj administratora, czy aplikacja ma zgodę dla Twojej organizacji.',
  'pane.signIn.local': 'Zalogowano lokalnie jako {name} (zastępstwo, nie Microsoft Entra ID)',
  'pane.meeting': 'Spotkanie {number} z: {partner}',
  'pane.meetingGone': 'Tego spotkania nie ma już w Waszej relacji mentorskiej (mogło zostać odwołane lub zastąpione).',
  'pane.times': 'Czas lokalny',
  'pane.timeOf': '{name}: {time}',
  'pane.keeps': 'Ten termin mieści się w Waszej umowie mentorskiej.',
  'pane.breaks': 'Ten termin wykracza poza Waszą umowę mentorską.',
  'pane.alternatives': 'Terminy zgodne z umową',
  'pane.checkUnavailable': 'Nie udało się teraz sprawdzić, czy ten termin mieści się w umowie.',
  'pane.openInTeams': 'Otwórz w Teams',
  'pane.misconfigured': 'Ta kopia dodatku została wdrożona bez {names}, więc nie może Cię zalogować. Poproś administratora o ponowne wdrożenie (docs/outlook-add-in.md).',
  'pane.noItem': 'Otwórz spotkanie, aby zobaczyć jego agendę mentorską.',
};

export function paneTranslator(language: Language) {
  const catalogue: Readonly<Record<PaneMessageKey, string>> = language === 'pl' ? panePl : paneEn;
  return (key: PaneMessageKey, params: Record<string, string | number> = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
