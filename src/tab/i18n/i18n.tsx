import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, enPlurals, type MessageKey, type PluralForms, type PluralKey } from './messages.en';
import { pl, plPlurals } from './messages.pl';

export type Language = 'en' | 'pl';

const catalogues: Record<Language, Readonly<Record<MessageKey, string>>> = { en, pl };

/** The placeholder names of an English message, e.g. 'Hello {name}' → 'name'. */
type PlaceholdersOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | PlaceholdersOf<Rest> : never;
export type MessageParams<K extends MessageKey> = [PlaceholdersOf<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<PlaceholdersOf<(typeof en)[K]>, string | number>];

export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K>) => string;

/** Host locales look like "pl-pl", "en-us", "pl"; anything not Polish falls back to English. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale?.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

export function createTranslator(language: Language): Translate {
  const catalogue = catalogues[language];
  return ((key: MessageKey, params?: Record<string, string | number>) => {
    const template = catalogue[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }) as Translate;
}

export interface Formatters {
  /** "Wed 23 Dec, 19:00 GMT-3": in the viewer's zone (or the given one), always labelled with the zone. */
  dateTime(isoOrEpoch: string | number, timeZone?: string): string;
  /** "Wed, 23 Dec 2026" in the viewer's zone (or the given one). */
  date(isoOrEpoch: string | number, timeZone?: string): string;
  /** "19:00 GMT-3", labelled with the zone. */
  time(isoOrEpoch: string | number, timeZone?: string): string;
  /** "Tue 8 Jan, 08:00 – 08:45 GMT": a meeting's span, labelled once with the zone. */
  range(start: string | number, end: string | number, timeZone?: string): string;
  /** "19:00", unlabelled: for the end of a range whose start carries the zone. */
  clockTime(isoOrEpoch: string | number, timeZone?: string): string;
  /** A calendar date without a zone ("2026-12-09" → "Wed, 9 Dec 2026"): the same day for everyone. */
  civilDate(yyyyMmDd: string): string;
  /** A weekday name for an ISO weekday number (1 = Monday … 7 = Sunday). */
  weekday(isoWeekday: number, width?: 'long' | 'short'): string;
  /** The zone's short name at an instant ("GMT-3", "CET", "BST"), as the reader's locale writes it. */
  zoneName(timeZone: string, at: number): string;
  /**
   * A zone as a person names it, never its IANA id: the locale's generic name with the place the id
   * names ("Central European Time, Warsaw", "czas środkowoeuropejski, Warsaw"); "UTC" for UTC.
   */
  zoneTitle(timeZone: string): string;
  list(items: readonly string[]): string;
  /** "pl" → "Polish" / "polski"; anything that is not a language tag is shown as typed. */
  language(tagOrName: string): string;
}

/**
 * The locale Intl formats with: the host's or browser's own when it speaks the chosen language (so
 * an American reader sees "7:00 PM" and a British one "19:00", like their other apps), otherwise
 * the language's usual one.
 */
export function formatLocaleFor(language: Language, hostLocale: string | undefined): string {
  if (hostLocale && hostLocale.toLowerCase().split('-')[0] === language) {
    try {
      return Intl.getCanonicalLocales(hostLocale)[0] ?? defaultLocale[language];
    } catch {
      return defaultLocale[language];
    }
  }
  return defaultLocale[language];
}
const defaultLocale: Record<Language, string> = { en: 'en-GB', pl: 'pl-PL' };

export function createFormatters(language: Language, viewerTimeZone: string | undefined, locale = defaultLocale[language]): Formatters {
  const zone = (tz?: string) => tz ?? viewerTimeZone;
  const cache = new Map<string, Intl.DateTimeFormat>();
  const fmt = (options: Intl.DateTimeFormatOptions, tz?: string) => {
    const z = zone(tz);
    const key = `${JSON.stringify(options)}|${z ?? ''}`;
    let f = cache.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { ...options, ...(z ? { timeZone: z } : {}) });
      cache.set(key, f);
    }
    return f;
  };
  const toDate = (v: string | number) => new Date(v);
  const hm = { hour: '2-digit', minute: '2-digit' } as const;
  return {
    dateTime: (v, tz) => fmt({ weekday: 'short', day: 'numeric', month: 'short', ...hm, timeZoneName: 'short' }, tz).format(toDate(v)),
    date: (v, tz) => fmt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, tz).format(toDate(v)),
    time: (v, tz) => fmt({ ...hm, timeZoneName: 'short' }, tz).format(toDate(v)),
    clockTime: (v, tz) => fmt(hm, tz).format(toDate(v)),
    range: (start, end, tz) =>
      `${fmt({ weekday: 'short', day: 'numeric', month: 'short', ...hm }, tz).format(toDate(start))} – ${fmt({ ...hm, timeZoneName: 'short' }, tz).format(toDate(end))}`,
    civilDate: (d) => fmt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, 'UTC').format(new Date(`${d}T12:00:00Z`)),
    // 2024-01-01 was a Monday.
    weekday: (n, width = 'long') => fmt({ weekday: width }, 'UTC').format(new Date(Date.UTC(2024, 0, n, 12))),
    zoneName: (tz, at) =>
      fmt({ timeZoneName: 'short' }, tz)
        .formatToParts(new Date(at))
        .find((p) => p.type === 'timeZoneName')?.value ?? tz,
    zoneTitle: (tz) => {
      const place = tz.includes('/') ? tz.slice(tz.lastIndexOf('/') + 1).replace(/_/g, ' ') : undefined;
      if (!place) return /^(Etc\/)?(UTC|UCT|GMT|Zulu|Universal)$/i.test(tz) ? 'UTC' : tz;
      let generic: string | undefined;
      try {
        generic = fmt({ timeZoneName: 'longGeneric' }, tz)
          // A fixed recent day: the name comes from the zone's current metazone (1970's may differ), not from the clock.
          .formatToParts(new Date(Date.UTC(2025, 0, 1)))
          .find((p) => p.type === 'timeZoneName')?.value;
      } catch {
        generic = undefined;
      }
      // An offset ("GMT+05:45") says less than the place itself.
      return generic && !/^(GMT|UTC)[+-−]/.test(generic) ? `${generic}, ${place}` : place;
    },
    list: (items) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items),
    language: (tagOrName) => {
      if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tagOrName)) return tagOrName;
      try {
        return new Intl.DisplayNames([locale], { type: 'language' }).of(tagOrName) ?? tagOrName;
      } catch {
        return tagOrName;
      }
    },
  };
}

const pluralCatalogues: Record<Language, Readonly<Record<PluralKey, PluralForms>>> = { en: enPlurals, pl: plPlurals };

export type PluralParams<K extends PluralKey> = Exclude<PlaceholdersOf<(typeof enPlurals)[K]['other']>, 'count'> extends never
  ? []
  : [params: Record<Exclude<PlaceholdersOf<(typeof enPlurals)[K]['other']>, 'count'>, string | number>];
export type Pluralise = <K extends PluralKey>(key: K, count: number, ...params: PluralParams<K>) => string;

export function createPluraliser(language: Language): Pluralise {
  const rules = new Intl.PluralRules(defaultLocale[language]);
  const catalogue = pluralCatalogues[language];
  return ((key: PluralKey, count: number, params?: Record<string, string | number>) => {
    const forms = catalogue[key];
    const template = forms[rules.select(count) as keyof PluralForms] ?? forms.other;
    const all: Record<string, string | number> = { ...params, count };
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in all ? String(all[name]) : whole));
  }) as Pluralise;
}

export interface I18n {
  language: Language;
  t: Translate;
  /** A message that depends on a number, chosen by Intl.PluralRules ("1 meeting", "2 spotkania", "5 spotkań"). */
  plural: Pluralise;
  format: Formatters;
  /** The viewer's IANA zone (from the profile once known, the browser until then). */
  timeZone: string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  language,
  timeZone,
  locale,
  children,
}: {
  language: Language;
  timeZone?: string | undefined;
  /** The host's or browser's locale; formats follow it when it speaks `language`. */
  locale?: string | undefined;
  children: ReactNode;
}) {
  const value = useMemo<I18n>(() => {
    const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return {
      language,
      t: createTranslator(language),
      plural: createPluraliser(language),
      format: createFormatters(language, zone, formatLocaleFor(language, locale)),
      timeZone: zone,
    };
  }, [language, timeZone, locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
