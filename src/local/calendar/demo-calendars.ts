/**
 * Realistic calendars for the demo people, generated rather than stored: a weekday stand-up, focus
 * blocks, a weekly 1:1, lunch, a day working elsewhere and a travel day every third week, all in the
 * person's own zone (so DST moves them in UTC as it would in Outlook). Deterministic per person, so
 * tests and demos see the same week every time.
 */
import { ianaZoneFromGraph } from '../../adapters/graph/windows-zones';
import { localDate, wallClockToUtc } from './wall-clock';

export type ScheduleStatus = 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';

export interface LocalCalendarPerson {
  readonly personId: string;
  readonly email: string;
  readonly displayName: string;
  /** As Outlook would report it: an IANA name or a Windows name ("W. Europe Standard Time"). */
  readonly timeZone: string;
  /** Defaults to Monday–Friday 09:00–17:00. */
  readonly workingHours?: { readonly days: readonly number[]; readonly start: string; readonly end: string };
  /** False for an empty calendar (tests that need exact free/busy). Defaults to true. */
  readonly seeded?: boolean;
  /** Their manager in Entra ID (`GET /users/{id}/manager`); none when absent. */
  readonly managerId?: string;
}

export interface SeededItem {
  readonly subject: string;
  readonly status: ScheduleStatus;
  readonly start: number;
  readonly end: number;
  readonly location: string;
}

const DAY = 86_400_000;

/** A small stable hash so each person gets their own variation of the pattern. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function isoWeek(year: number, month: number, day: number): number {
  const date = Date.UTC(year, month - 1, day);
  const weekday = new Date(date).getUTCDay() || 7;
  const thursday = date + (4 - weekday) * DAY;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / DAY / 7) + 1;
}

export function ianaZoneOf(person: LocalCalendarPerson): string {
  const zone = ianaZoneFromGraph(person.timeZone);
  if (!zone.ok) throw new Error(`Local calendar person ${person.personId} has an unknown zone "${person.timeZone}"`);
  return zone.value;
}

export function seededItems(person: LocalCalendarPerson, range: { start: number; end: number }): SeededItem[] {
  if (person.seeded === false) return [];
  const zone = ianaZoneOf(person);
  const seed = seedOf(person.personId);
  const standup = 9 * 60 + 15 + (seed % 4) * 15; // 09:15–10:00
  const focusDays = seed % 2 === 0 ? [2, 4] : [1, 3];
  const oneOnOneDay = 1 + (seed % 5);
  const elsewhereDay = 1 + ((seed >> 3) % 5);
  const travelWeek = (seed >> 5) % 3;
  const travelDay = 1 + ((seed >> 7) % 5);
  const items: SeededItem[] = [];
  // Walk local days from a day before to a day after the range, so items near midnight are kept.
  for (let t = range.start - DAY; t < range.end + DAY; t += DAY) {
    const { year, month, day, weekday } = localDate(t, zone);
    const at = (minute: number) => wallClockToUtc(year, month, day, minute, zone);
    const add = (subject: string, status: ScheduleStatus, from: number, to: number, location = '') => {
      const start = at(from);
      const end = to >= 24 * 60 ? wallClockToUtc(year, month, day + 1, to - 24 * 60, zone) : at(to);
      if (end > range.start && start < range.end) items.push({ subject, status, start, end, location });
    };
    if (weekday > 5) continue;
    const week = isoWeek(year, month, day);
    if (week % 3 === travelWeek && weekday === travelDay) {
      add('Travel to the customer site', 'oof', 0, 24 * 60, 'On the road');
      continue;
    }
    add('Team stand-up', 'busy', standup, standup + 15, 'Microsoft Teams Meeting');
    add('Lunch', 'free', 12 * 60, 12 * 60 + 45);
    if (focusDays.includes(weekday)) add('Focus time', 'busy', 13 * 60, 15 * 60);
    if (weekday === oneOnOneDay) add('1:1 with my manager', 'busy', 11 * 60, 11 * 60 + 30, 'Microsoft Teams Meeting');
    if (weekday === elsewhereDay) add('Working from the other office', 'workingElsewhere', 9 * 60, 17 * 60);
    if (weekday === 5 && seed % 3 === 0) add('Sprint review', 'tentative', 15 * 60, 16 * 60);
  }
  return items.sort((a, b) => a.start - b.start);
}

export function workingHoursOf(person: LocalCalendarPerson): { days: readonly number[]; start: string; end: string } {
  return person.workingHours ?? { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
}

