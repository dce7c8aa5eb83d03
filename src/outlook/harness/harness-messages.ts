/** The local harness's own words (en + pl); the pane and the guard bring theirs. */
import type { Language } from '../../tab/i18n/i18n';

export const harnessEn = {
  'harness.title': 'Outlook appointment (local stand-in)',
  'harness.standIn':
    'A local harness, not Outlook: the pane and the boundary guard below are the add-in’s own code calling the local API; only Office.js is stood in. Sending writes to the local calendar, as Outlook writes to Exchange.',
  'harness.person': 'Demo person',
  'harness.signIn': 'Sign in locally',
  'harness.signedIn': 'Signed in locally as {name} (stand-in, not Microsoft Entra ID)',
  'harness.appointment': 'Appointment',
  'harness.otherAppointment': 'Another appointment (not a mentoring meeting)',
  'harness.meetingOption': 'Mentoring meeting {number} with {partner}, {when}',
  'harness.noMeetings': 'You organize no booked mentoring meeting yet. Agree and book one in the tab (Schedule), then come back.',
  'harness.loading': 'Opening the appointment…',
  'harness.loadFailed': 'The appointment could not be read from the local calendar ({reason}).',
  'harness.subject': 'Subject',
  'harness.start': 'Start',
  'harness.end': 'End',
  'harness.attendees': 'Attendees',
  'harness.addAttendee': 'Add attendee',
  'harness.add': 'Add',
  'harness.remove': 'Remove {who}',
  'harness.send': 'Send update',
  'harness.pane': 'Mentoring pane (320 px, as in Outlook)',
  'harness.alert.title': 'Mentoring',
  'harness.alert.sendAnyway': 'Send anyway',
  'harness.alert.dontSend': 'Don’t send',
  'harness.sent': 'Sent: the local calendar now holds this time.',
  'harness.sentOther': 'Sent (this appointment is not in any calendar; nothing was written).',
  'harness.sendFailed': 'The local calendar refused the update ({reason}).',
  'harness.notSent': 'Not sent. Change the time, or send anyway.',
} as const;

export type HarnessMessageKey = keyof typeof harnessEn;

const harnessPl: Readonly<Record<HarnessMessageKey, string>> = {
  'harness.title': 'Spotkanie w Outlooku (lokalne zastępstwo)',
  'harness.standIn':
    'Lokalna atrapa, nie Outlook: panel i strażnik umowy poniżej to kod dodatku wywołujący lokalne API; zastąpiony jest tylko Office.js. Wysłanie zapisuje do lokalnego kalendarza, tak jak Outlook zapisuje do Exchange.',
  'harness.person': 'Osoba demonstracyjna',
  'harness.signIn': 'Zaloguj lokalnie',
  'harness.signedIn': 'Zalogowano lokalnie jako {name} (zastępstwo, nie Microsoft Entra ID)',
  'harness.appointment': 'Spotkanie',
  'harness.otherAppointment': 'Inne spotkanie (nie mentorskie)',
  'harness.meetingOption': 'Spotkanie mentorskie {number} z: {partner}, {when}',
  'harness.noMeetings': 'Nie organizujesz jeszcze żadnego zaplanowanego spotkania mentorskiego. Uzgodnij i zaplanuj je w karcie (Harmonogram), potem wróć.',
  'harness.loading': 'Otwieranie spotkania…',
  'harness.loadFailed': 'Nie udało się odczytać spotkania z lokalnego kalendarza ({reason}).',
  'harness.subject': 'Temat',
  'harness.start': 'Początek',
  'harness.end': 'Koniec',
  'harness.attendees': 'Uczestnicy',
  'harness.addAttendee': 'Dodaj uczestnika',
  'harness.add': 'Dodaj',
  'harness.remove': 'Usuń: {who}',
  'harness.send': 'Wyślij aktualizację',
  'harness.pane': 'Panel mentoringu (320 px, jak w Outlooku)',
  'harness.alert.title': 'Mentoring',
  'harness.alert.sendAnyway': 'Wyślij mimo to',
  'harness.alert.dontSend': 'Nie wysyłaj',
  'harness.sent': 'Wysłano: lokalny kalendarz ma teraz ten termin.',
  'harness.sentOther': 'Wysłano (tego spotkania nie ma w żadnym kalendarzu; nic nie zapisano).',
  'harness.sendFailed': 'Lokalny kalendarz odrzucił aktualizację ({reason}).',
  'harness.notSent': 'Nie wysłano. Zmień termin albo wyślij mimo to.',
};

export function harnessTranslator(language: Language) {
  const catalogue: Readonly<Record<HarnessMessageKey, string>> = language === 'pl' ? harnessPl : harnessEn;
  return (key: HarnessMessageKey, params: Record<string, string | number> = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
