/**
 * The words of activity-feed notifications, in English and Polish. Teams writes the line itself from
 * the manifest's templateText (appPackage/manifest.json, pl.json) with our template parameter; we
 * write the topic (what it is about) and the preview under it. Times are in the reader's zone.
 */
import type { FeedEvent } from '../../core/feed/feed-events';
import type { FeedNotification } from '../../core/feed/activity-feed';
import { feedTemplateValue, plainFeedText } from '../../core/feed/feed-text';
import { formatLocalDate, formatMeetingTime, type CardLocale } from './card-locale';

interface FeedStrings {
  readonly mentoringWith: (name: string) => string;
  readonly request: (note: string) => string;
  readonly agreement: (version: number, note: string) => string;
  readonly checkIn: (when: string) => string;
  readonly moved: (when: string) => string;
  readonly programme: (purpose: string, from: string) => string;
}

const strings: Readonly<Record<CardLocale, FeedStrings>> = {
  en: {
    mentoringWith: (name) => `Mentoring with ${name}`,
    request: (note) => (note ? `“${note}” Open it to accept or decline.` : 'Open the request to accept or decline.'),
    agreement: (version, note) => `Version ${version}${note ? `: ${note}` : ''}. Read it and accept it, or propose changes.`,
    checkIn: (when) => `Your meeting on ${when}: two minutes to note how it went.`,
    moved: (when) => `Now ${when}, outside the times you agreed. Open the schedule to keep it or move it.`,
    programme: (purpose, from) => `${purpose ? `${purpose} ` : ''}Starts ${from}.`,
  },
  pl: {
    mentoringWith: (name) => `Mentoring: ${name}`,
    request: (note) => (note ? `„${note}” Otwórz, aby przyjąć lub odrzucić.` : 'Otwórz prośbę, aby ją przyjąć lub odrzucić.'),
    agreement: (version, note) => `Wersja ${version}${note ? `: ${note}` : ''}. Przeczytaj i zaakceptuj albo zaproponuj zmiany.`,
    checkIn: (when) => `Spotkanie ${when}: dwie minuty, by zapisać, jak poszło.`,
    moved: (when) => `Teraz ${when}, poza uzgodnionymi godzinami. Otwórz harmonogram, aby je zostawić lub przenieść.`,
    programme: (purpose, from) => `${purpose ? `${purpose} ` : ''}Start: ${from}.`,
  },
};

/** Teams shows the first 150 characters of the preview. */
export const FEED_PREVIEW_CHARS = 150;
const TOPIC_CHARS = 100;
/** A note quoted in a preview is cut well before the preview's own limit, so the ask after it shows. */
const NOTE_CHARS = 60;

/** The notification as the reader sees it: their language, their zone; every typed text made plain. */
export function composeFeedNotification(event: FeedEvent, locale: CardLocale, timeZone: string): FeedNotification {
  const s = strings[locale];
  const subject = feedTemplateValue(event.subject);
  const d = event.detail;
  const note = (text: string) => plainFeedText(text, NOTE_CHARS);
  const preview =
    d.kind === 'request'
      ? s.request(note(d.note))
      : d.kind === 'agreement'
        ? s.agreement(d.version, note(d.note))
        : d.kind === 'checkIn'
          ? s.checkIn(formatMeetingTime(d.meetingStart, timeZone, locale))
          : d.kind === 'moved'
            ? s.moved(formatMeetingTime(d.start, timeZone, locale))
            : s.programme(note(d.purpose), formatLocalDate(d.startDate, locale));
  return {
    type: event.type,
    tenantId: event.tenantId,
    personId: event.personId,
    key: event.key,
    page: event.page,
    topic: plainFeedText(event.type === 'programmeInvitation' ? event.subject : s.mentoringWith(event.subject), TOPIC_CHARS),
    subject,
    previewText: plainFeedText(preview, FEED_PREVIEW_CHARS),
    notBefore: event.notBefore,
    ...(event.expiresAt !== undefined ? { expiresAt: event.expiresAt } : {}),
  };
}
