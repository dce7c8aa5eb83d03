import { createFormatters, createPluraliser, createTranslator, languageFromLocale } from '../../../src/tab/i18n/i18n';
import { en } from '../../../src/tab/i18n/messages.en';
import { pl } from '../../../src/tab/i18n/messages.pl';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('Polish has exactly the English keys', () => {
    expect(Object.keys(pl).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as (keyof typeof en)[])('%s uses the same placeholders in both languages', (key) => {
    expect(placeholders(pl[key])).toEqual(placeholders(en[key]));
  });

  it('has no empty message', () => {
    for (const text of [...Object.values(en), ...Object.values(pl)]) expect(text.trim()).not.toBe('');
  });
});

describe('language from the host locale', () => {
  it.each([
    ['pl-pl', 'pl'],
    ['pl', 'pl'],
    ['PL-PL', 'pl'],
    ['en-us', 'en'],
    ['de-de', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });
});

describe('translator', () => {
  it('fills placeholders', () => {
    expect(createTranslator('en')('host.signedInAs', { name: 'Kacper Nowak' })).toBe('Signed in as Kacper Nowak');
    expect(createTranslator('pl')('host.signedInAs', { name: 'Kacper Nowak' })).toBe('Zalogowano jako Kacper Nowak');
  });
});

describe('formatters', () => {
  // 2026-03-29 is the EU spring-forward day: 09:00 UTC is 11:00 in Warsaw (CEST) and 05:00 in New York (EDT).
  const instant = Date.UTC(2026, 2, 29, 9, 0);

  it('show times in the viewer zone by default and in a partner zone on request', () => {
    const f = createFormatters('en', 'Europe/Warsaw');
    expect(f.time(instant)).toMatch(/^11:00 /);
    expect(f.time(instant, 'America/New_York')).toMatch(/^05:00 /);
    expect(f.time(instant, 'Asia/Kolkata')).toMatch(/^14:30 /);
  });

  it('write dates in Polish for Polish readers', () => {
    expect(createFormatters('pl', 'Europe/Warsaw').date(instant)).toBe('niedz., 29 mar 2026');
  });

  it('name languages from their tags in the reader language, leaving plain names alone', () => {
    expect(createFormatters('en', 'UTC').language('pl')).toBe('Polish');
    expect(createFormatters('pl', 'UTC').language('en')).toBe('angielski');
    expect(createFormatters('en', 'UTC').language('Polski')).toBe('Polski');
  });

  it('join lists in the reader language', () => {
    expect(createFormatters('en', 'UTC').list(['Power BI', 'Teams'])).toBe('Power BI and Teams');
    expect(createFormatters('pl', 'UTC').list(['Power BI', 'Teams'])).toBe('Power BI i Teams');
  });
});

describe('plurals', () => {
  it('pick the form Intl.PluralRules gives for the language', () => {
    const en = createPluraliser('en');
    const pl = createPluraliser('pl');
    expect(en('schedule.outcome.planned', 1)).toBe('Booked 1 meeting; the invite is in both calendars.');
    expect(en('schedule.outcome.planned', 6)).toBe('Booked 6 meetings; the invites are in both calendars.');
    expect(pl('schedule.outcome.planned', 1)).toMatch(/^Zarezerwowano 1 spotkanie;/);
    expect(pl('schedule.outcome.planned', 3)).toMatch(/^Zarezerwowano 3 spotkania;/);
    expect(pl('schedule.outcome.planned', 6)).toMatch(/^Zarezerwowano 6 spotkań;/);
  });
});

describe('time labels', () => {
  it('label every time with its zone and write a meeting as one range', () => {
    const f = createFormatters('en', 'Europe/London');
    const start = Date.UTC(2026, 11, 9, 18, 0);
    expect(f.dateTime(start)).toBe('Wed 9 Dec, 18:00 GMT');
    expect(f.range(start, start + 45 * 60_000)).toBe('Wed 9 Dec, 18:00 – 18:45 GMT');
    expect(f.time(start, 'Asia/Tokyo')).toBe('03:00 GMT+9');
    expect(f.civilDate('2026-12-09')).toBe('Wed, 9 Dec 2026');
  });
});

describe('zone titles', () => {
  it('name a zone as people do, never by its IANA id, in the reader’s language', () => {
    expect(createFormatters('en', 'UTC').zoneTitle('Europe/Warsaw')).toBe('Central European Time, Warsaw');
    expect(createFormatters('pl', 'UTC').zoneTitle('Europe/Warsaw')).toBe('czas środkowoeuropejski, Warsaw');
    expect(createFormatters('en', 'UTC').zoneTitle('America/New_York')).toBe('Eastern Time, New York');
    expect(createFormatters('en', 'UTC').zoneTitle('UTC')).toBe('UTC');
  });
});
