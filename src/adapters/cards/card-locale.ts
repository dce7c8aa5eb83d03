/**
 * The bot speaks English and Polish. The locale comes from the activity (Teams sends the client's
 * language, e.g. "pl-PL"); anything that is not Polish gets English.
 */
export type CardLocale = 'en' | 'pl';

export function cardLocaleOf(activityLocale: string | undefined): CardLocale {
  return activityLocale?.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

const intlTag: Record<CardLocale, string> = { en: 'en-GB', pl: 'pl-PL' };

/** Building an Intl.DateTimeFormat costs far more than formatting with it: one per language and zone. */
const meetingTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A meeting time in the reader's zone and language, e.g. "Mon 30 Nov, 11:00". */
export function formatMeetingTime(at: number, timeZone: string, locale: CardLocale): string {
  const cacheKey = `${locale}|${timeZone}`;
  let format = meetingTimeFormats.get(cacheKey);
  if (!format) {
    format = new Intl.DateTimeFormat(intlTag[locale], {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    // Zones are a bounded set (IANA names), languages two.
    meetingTimeFormats.set(cacheKey, format);
  }
  return format.format(at);
}

/** A "YYYY-MM-DD" date as the reader expects it, without moving it through a zone. */
export function formatLocalDate(date: string, locale: CardLocale): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(intlTag[locale], { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(
    Date.UTC(y, m - 1, d),
  );
}
