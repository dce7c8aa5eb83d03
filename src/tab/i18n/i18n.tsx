import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, type MessageKey } from './messages.en';
import { pl } from './messages.pl';

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
  /** "Mon 24 Nov, 14:00" in the viewer's zone (or the given one). */
  dateTime(isoOrEpoch: string | number, timeZone?: string): string;
  date(isoOrEpoch: string | number, timeZone?: string): string;
  time(isoOrEpoch: string | number, timeZone?: string): string;
  list(items: readonly string[]): string;
  /** "pl" → "Polish" / "polski"; anything that is not a language tag is shown as typed. */
  language(tagOrName: string): string;
}

export function createFormatters(language: Language, viewerTimeZone: string | undefined): Formatters {
  const locale = language === 'pl' ? 'pl-PL' : 'en-GB';
  const zone = (tz?: string) => tz ?? viewerTimeZone;
  const fmt = (options: Intl.DateTimeFormatOptions, tz?: string) =>
    new Intl.DateTimeFormat(locale, { ...options, ...(zone(tz) ? { timeZone: zone(tz) } : {}) });
  const toDate = (v: string | number) => new Date(v);
  return {
    dateTime: (v, tz) =>
      fmt({ weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }, tz).format(toDate(v)),
    date: (v, tz) => fmt({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, tz).format(toDate(v)),
    time: (v, tz) => fmt({ hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }, tz).format(toDate(v)),
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

export interface I18n {
  language: Language;
  t: Translate;
  format: Formatters;
  /** The viewer's IANA zone (from the profile once known, the browser until then). */
  timeZone: string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, timeZone, children }: { language: Language; timeZone?: string; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return { language, t: createTranslator(language), format: createFormatters(language, zone), timeZone: zone };
  }, [language, timeZone]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
