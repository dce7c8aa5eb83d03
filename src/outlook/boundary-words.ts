/**
 * The boundary check's answer in the reader's words, English or Polish: the broken boundary from its
 * facts, each person's time on their own clock ("wt., 26 sty, 22:00–22:45 CET", as Intl writes it for
 * the locale: never an IANA id, never an ISO date), the times inside the agreement, and the guard's bar
 * and Smart Alert. Written once for the pane and the guard; pure and small (no DOM, no React, no i18n
 * framework), because the guard's plain-script runtime loads it too.
 */
import type { BoundaryCheckDto, BrokenBoundaryDto, PersonLocalTimeDto } from '../contracts/booking';

export type WordsLanguage = 'en' | 'pl';
type Role = PersonLocalTimeDto['role'];
type Alternative = BoundaryCheckDto['alternatives'][number];
type Cadence = Extract<BrokenBoundaryDto, { code: 'BOUNDARY.CADENCE' }>['facts']['cadence'];

/** Outlook's bar takes 150 characters, a Smart Alert's message 500. */
export const NOTICE_LIMIT = 150;
export const ALERT_LIMIT = 500;

const DEFAULT_LOCALE: Record<WordsLanguage, string> = { en: 'en-GB', pl: 'pl-PL' };

/** Office's display language ("pl-PL", "en-US", "de-DE"): Polish or, for anything else, English. */
export function wordsLanguageOf(displayLanguage: string | undefined): WordsLanguage {
  return displayLanguage?.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

/** The locale Intl formats with: the host's own when it speaks the language (en-US keeps its 12-hour clock), else the language's usual one. */
function formatLocale(language: WordsLanguage, hostLocale: string | undefined): string {
  if (!hostLocale?.toLowerCase().startsWith(language)) return DEFAULT_LOCALE[language];
  try {
    return Intl.getCanonicalLocales(hostLocale)[0] ?? DEFAULT_LOCALE[language];
  } catch {
    return DEFAULT_LOCALE[language];
  }
}

/** The words that differ between the languages; the rest is assembly. */
interface Catalogue {
  /** "you" or the person, as the subject of "For … this is …" / "U … to będzie …". */
  at(name: string, isCaller: boolean): string;
  window(at: string, time: string, isCaller: boolean, night: boolean): string;
  dst(changedAt: string, zone: string, at: string, time: string, isCaller: boolean): string;
  notice(hours: number): string;
  buffer(minutes: number): string;
  cadence(cadence: Cadence, meetingNumber: number): string;
  dates(first: string, end: string | undefined): string;
  /** The same, as a short phrase for the bar (it has 150 characters): code → phrase. */
  short: {
    window(at: string, time: string, isCaller: boolean, night: boolean, dst: boolean): string;
    notice(hours: number): string;
    buffer(minutes: number): string;
    cadence(meetingNumber: number): string;
    dates(first: string, end: string | undefined): string;
  };
  barHead: string;
  barTry(time: string): string;
  alertHead: string;
  localTimes: string;
  alternatives: string;
  alertTail: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const en: Catalogue = {
  at: (name, isCaller) => (isCaller ? 'you' : name),
  window: (at, time, isCaller, night) => `For ${at} this is ${time}${night ? ', at night' : ''}, outside ${isCaller ? 'your' : 'their'} meeting windows.`,
  dst: (changedAt, zone, at, time, isCaller) => `The clocks change for ${changedAt} (${zone}) before this time, so for ${at} it is ${time}, outside ${isCaller ? 'your' : 'their'} meeting windows.`,
  notice: (hours) => `The agreement asks for ${hours} ${hours === 1 ? 'hour’s' : 'hours’'} notice; this time is sooner than that.`,
  buffer: (minutes) => `The agreement keeps ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} free around other meetings; one of you is busy then or has another meeting too close.`,
  cadence: (c, n) => {
    const every = c.kind === 'everyNDays' ? (c.days === 1 ? 'daily' : `every ${c.days} days`) : c.kind === 'biweekly' ? 'every two weeks' : c.kind;
    return `You agreed to meet ${every}; this time puts meeting ${n} on the same day as, or past, the meeting before or after it.`;
  },
  dates: (first, end) => `The agreement has meetings from ${first}${end ? ` to ${end}` : ' on'}; this time is outside those dates.`,
  short: {
    window: (at, time, isCaller, night, dst) =>
      `${dst ? 'after the clock change, ' : ''}${night ? `night-time for ${at}` : `not in ${isCaller ? 'your' : `${at}’s`} meeting windows`} (${time})`,
    notice: (hours) => `less than ${hours} ${hours === 1 ? 'hour’s' : 'hours’'} notice`,
    buffer: (minutes) => `less than ${minutes} min from another meeting or busy time`,
    cadence: (n) => `meeting ${n} would fall on the day of, or past, its neighbour`,
    dates: (first, end) => `not within the agreement’s dates (${end ? `${first} – ${end}` : `${first} on`})`,
  },
  barHead: 'Outside your mentoring agreement: ',
  barTry: (time) => ` Try ${time}.`,
  alertHead: 'This time is outside your mentoring agreement.',
  localTimes: 'Local times',
  alternatives: 'Times inside it',
  alertTail: 'You can still send it; your partner sees the new time.',
};

// The partner is named through "osoba" and "tej osoby", which read the same for anyone, whatever their gender.
const pl: Catalogue = {
  at: (name, isCaller) => (isCaller ? 'u Ciebie' : `u osoby ${name}`),
  window: (at, time, isCaller, night) => `${capitalise(at)} to będzie ${time}${night ? ', w nocy' : ''} — poza ${isCaller ? 'Twoimi godzinami spotkań' : 'godzinami spotkań tej osoby'}.`,
  dst: (changedAt, zone, at, time, isCaller) => `Przed tym terminem zmienia się czas ${changedAt} (${zone}), więc ${at} to będzie ${time} — poza ${isCaller ? 'Twoimi godzinami spotkań' : 'godzinami spotkań tej osoby'}.`,
  notice: (hours) => `Umowa wymaga co najmniej ${hours} godz. wyprzedzenia; ten termin jest wcześniej.`,
  buffer: (minutes) => `Umowa zostawia ${minutes} min przerwy wokół innych spotkań; ktoś z Was jest wtedy zajęty albo ma zbyt blisko inne spotkanie.`,
  cadence: (c, n) => {
    const every = c.kind === 'everyNDays' ? (c.days === 1 ? 'codziennie' : `co ${c.days} dni`) : c.kind === 'biweekly' ? 'co dwa tygodnie' : c.kind === 'monthly' ? 'co miesiąc' : 'co tydzień';
    return `Umówiliście się na spotkania ${every}; ten termin stawia spotkanie ${n} w tym samym dniu co poprzednie lub następne albo za nim.`;
  },
  dates: (first, end) => `Umowa obejmuje spotkania od ${first}${end ? ` do ${end}` : ''}; ten termin wypada poza tymi datami.`,
  short: {
    window: (at, time, _isCaller, night, dst) => `${dst ? 'po zmianie czasu — ' : ''}${night ? 'w nocy' : 'nie w godzinach spotkań'} ${at} (${time})`,
    notice: (hours) => `mniej niż ${hours} godz. wyprzedzenia`,
    buffer: (minutes) => `mniej niż ${minutes} min od innego spotkania lub zajętego czasu`,
    cadence: (n) => `spotkanie ${n} wypadłoby w dniu sąsiedniego albo za nim`,
    dates: (first, end) => `nie w okresie umowy (${end ? `${first} – ${end}` : `od ${first}`})`,
  },
  barHead: 'Poza Waszą umową mentorską: ',
  barTry: (time) => ` Spróbuj: ${time}.`,
  alertHead: 'Ten termin wykracza poza Waszą umowę mentorską.',
  localTimes: 'Czas lokalny',
  alternatives: 'Terminy zgodne z umową',
  alertTail: 'Możesz mimo to wysłać; druga osoba zobaczy nowy termin.',
};

const clip = (text: string, limit: number) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

export interface BoundaryWords {
  readonly language: WordsLanguage;
  /** "Tue 26 Jan, 22:00–22:45 CET" on that person's clock; `withDay: false` leaves the date out. */
  time(local: PersonLocalTimeDto, withDay?: boolean): string;
  /** The broken boundary in a sentence (empty for a time that keeps the agreement). */
  reason(verdict: BoundaryCheckDto): string;
  /** One line: the caller's own time with its date, the partner's beside it, dated only when their day differs. */
  alternative(alternative: Alternative, callerRole: Role): string;
  /** The guard's bar (at most 150 characters): the boundary as a short phrase and the nearest time inside. */
  notice(verdict: BoundaryCheckDto): string;
  /** The guard's Smart Alert (at most 500 characters): fewer times inside the agreement before any clipping. */
  alert(verdict: BoundaryCheckDto): string;
}

export function boundaryWords(language: WordsLanguage, hostLocale?: string): BoundaryWords {
  const locale = formatLocale(language, hostLocale);
  const words = language === 'pl' ? pl : en;
  const formats = new Map<string, Intl.DateTimeFormat>();
  const format = (options: Intl.DateTimeFormatOptions, timeZone: string) => {
    const key = `${JSON.stringify(options)}|${timeZone}`;
    let f = formats.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      formats.set(key, f);
    }
    return f;
  };
  // A 12-hour locale writes "4:00 PM", a 24-hour one "16:00".
  const hm = { hour: new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hour12 ? 'numeric' : '2-digit', minute: '2-digit' } as const;

  const time = (l: PersonLocalTimeDto, withDay = true) => {
    const start = new Date(Date.parse(l.start));
    const end = new Date(Date.parse(l.end));
    try {
      const from = format(withDay ? { weekday: 'short', day: 'numeric', month: 'short', ...hm } : hm, l.timeZone).format(start);
      return `${from}–${format({ ...hm, timeZoneName: 'short' }, l.timeZone).format(end)}`;
    } catch {
      // A zone this runtime's Intl does not know: the clock times with the offset the answer carries.
      return `${l.start.slice(11, 16)}–${l.end.slice(11, 16)} UTC${l.start.slice(19)}`;
    }
  };
  const zoneName = (l: PersonLocalTimeDto) => {
    try {
      return format({ timeZoneName: 'long' }, l.timeZone).formatToParts(new Date(Date.parse(l.start))).find((p) => p.type === 'timeZoneName')?.value ?? l.start.slice(19);
    } catch {
      return `UTC${l.start.slice(19)}`;
    }
  };
  const civilDate = (yyyyMmDd: string, month: 'long' | 'short' = 'long') => format({ day: 'numeric', month, year: 'numeric' }, 'UTC').format(new Date(`${yyyyMmDd}T12:00:00Z`));

  const shortReason = (verdict: BoundaryCheckDto): string => {
    const broken = verdict.broken;
    if (!broken) return '';
    switch (broken.code) {
      case 'BOUNDARY.OUTSIDE_DATES':
        return words.short.dates(civilDate(broken.facts.firstDate, 'short'), broken.facts.endDate ? civilDate(broken.facts.endDate, 'short') : undefined);
      case 'BOUNDARY.NOTICE':
        return words.short.notice(broken.facts.hours);
      case 'BOUNDARY.BUFFER':
        return words.short.buffer(broken.facts.minutes);
      case 'BOUNDARY.CADENCE':
        return words.short.cadence(broken.facts.meetingNumber);
      default: {
        // The form beside the bar shows the date: the time alone, dated only when that person's day differs from the caller's.
        const local = verdict.localTimes.find((l) => l.role === broken.role);
        const own = verdict.localTimes.find((l) => l.role === verdict.callerRole);
        const isCaller = broken.role === verdict.callerRole;
        return words.short.window(words.at(local?.name ?? broken.role, isCaller), local ? time(local, local.start.slice(0, 10) !== own?.start.slice(0, 10)) : '', isCaller, broken.code === 'BOUNDARY.NIGHT', broken.code === 'BOUNDARY.DST_SHIFT');
      }
    }
  };

  const reason = (verdict: BoundaryCheckDto): string => {
    const broken = verdict.broken;
    if (!broken) return '';
    const of = (role: Role) => verdict.localTimes.find((l) => l.role === role);
    const at = (role: Role) => words.at(of(role)?.name ?? role, role === verdict.callerRole);
    switch (broken.code) {
      case 'BOUNDARY.OUTSIDE_DATES':
        return words.dates(civilDate(broken.facts.firstDate), broken.facts.endDate ? civilDate(broken.facts.endDate) : undefined);
      case 'BOUNDARY.NOTICE':
        return words.notice(broken.facts.hours);
      case 'BOUNDARY.BUFFER':
        return words.buffer(broken.facts.minutes);
      case 'BOUNDARY.CADENCE':
        return words.cadence(broken.facts.cadence, broken.facts.meetingNumber);
      case 'BOUNDARY.DST_SHIFT': {
        const changed = of(broken.facts.changedRole);
        const local = of(broken.role);
        return words.dst(at(broken.facts.changedRole), changed ? zoneName(changed) : '', at(broken.role), local ? time(local) : '', broken.role === verdict.callerRole);
      }
      default: {
        const local = of(broken.role);
        return words.window(at(broken.role), local ? time(local) : '', broken.role === verdict.callerRole, broken.code === 'BOUNDARY.NIGHT');
      }
    }
  };

  const alternative = (a: Alternative, callerRole: Role) => {
    const mine = a.localTimes.find((l) => l.role === callerRole) ?? a.localTimes[0];
    const theirs = a.localTimes.filter((l) => l !== mine);
    if (!mine) return '';
    return [time(mine), ...theirs.map((l) => `${l.name} ${time(l, l.start.slice(0, 10) !== mine.start.slice(0, 10))}`)].join(' · ');
  };

  return {
    language,
    time,
    reason,
    alternative,
    notice(verdict) {
      const first = verdict.alternatives[0];
      const own = first?.localTimes.find((l) => l.role === verdict.callerRole) ?? first?.localTimes[0];
      const tail = own ? words.barTry(time(own)) : '';
      return `${words.barHead}${clip(`${shortReason(verdict)}.`, NOTICE_LIMIT - words.barHead.length - tail.length)}${tail}`;
    },
    alert(verdict) {
      const times = verdict.localTimes.map((l) => `${l.name}: ${time(l)}`).join('; ');
      const text = (count: number) => {
        const alternatives = verdict.alternatives.slice(0, count).map((a) => alternative(a, verdict.callerRole));
        const inside = alternatives.length > 0 ? ` ${words.alternatives}: ${alternatives.join('; ')}.` : '';
        return `${words.alertHead} ${reason(verdict)} ${words.localTimes}: ${times}.${inside} ${words.alertTail}`;
      };
      for (let count = verdict.alternatives.length; count > 0; count--) {
        const full = text(count);
        if (full.length <= ALERT_LIMIT) return full;
      }
      return clip(text(0), ALERT_LIMIT);
    },
  };
}

/** The guard's words from Office's display language. */
export const boundaryWordsFor = (displayLanguage: string | undefined): BoundaryWords => boundaryWords(wordsLanguageOf(displayLanguage), displayLanguage);
