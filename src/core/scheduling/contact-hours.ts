import type { PersonBoundaries } from '../agreement/agreement';
import { DAY, type Instant } from '../time/interval';
import { expandWeeklyWindows } from '../time/weekly-windows';

type ContactPerson = Pick<PersonBoundaries, 'timeZone' | 'contactHours'>;

/** True when `at` is inside the person's contact hours (in their own zone). */
export function isWithinContactHours(person: ContactPerson, at: Instant): boolean {
  return expandWeeklyWindows(person.contactHours, person.timeZone, { start: at - DAY, end: at + DAY }).some((w) => w.start <= at && at < w.end);
}

/**
 * The next moment a message may be sent to the person: `at` itself inside their contact hours,
 * otherwise the start of their next contact window. Undefined when they have no contact hours
 * (a validated agreement always has some).
 */
export function nextContactMoment(person: ContactPerson, at: Instant): Instant | undefined {
  if (person.contactHours.length === 0) return undefined;
  // Two weeks always contain an occurrence, even when a clock change swallows one.
  const windows = expandWeeklyWindows(person.contactHours, person.timeZone, { start: at - DAY, end: at + 15 * DAY });
  for (const w of windows) {
    if (w.end > at) return w.start > at ? w.start : at;
  }
  return undefined;
}
