/**
 * Both people's working hours, as the defaults of a new agreement: each person's Outlook working
 * hours, moved onto the clock of the zone their profile names (so the agreement's windows are in the
 * zone each person uses in the app). Reading one person can fail (no mailbox, no permission, a zone
 * with no name); that person then comes back `unavailable` with the first cause, and the other
 * person's hours still count, so the form can say exactly whose hours it could not read.
 */
import type { WeeklyWindow } from '../agreement/agreement';
import type { CalendarPerson, WorkingHoursPort } from '../ports/calendar';
import type { MentoringRepositories } from '../ports/repositories';
import { ok, type DomainError, type Result } from '../result';
import { DAY, type Instant } from '../time/interval';
import { localWindow } from '../scheduling/agreement-preview';
import { expandWeeklyWindows } from '../time/weekly-windows';
import { instantToLocal, startOfLocalDay } from '../time/zoned-time';
import { resolveTimeZone } from '../time/zones';
import type { UseCaseCall } from '../usecases/principal';
import { loadMembership } from '../usecases/relationship-access';
import type { PeopleDirectory } from './booking-ports';

export interface PairWorkingHoursDeps {
  readonly repos: MentoringRepositories;
  readonly directory: PeopleDirectory;
  readonly workingHours: WorkingHoursPort;
}

export type PersonWorkingHoursReading =
  | {
      readonly personId: string;
      readonly source: 'outlook';
      /** The zone of the windows: the person's profile zone (Outlook's when they have no profile). */
      readonly timeZone: string;
      /** The zone Outlook keeps the hours in. */
      readonly outlookTimeZone: string;
      readonly windows: readonly WeeklyWindow[];
    }
  | { readonly personId: string; readonly source: 'unavailable'; readonly code: DomainError['code']; readonly message: string };

export interface PairWorkingHours {
  readonly mentor: PersonWorkingHoursReading;
  readonly mentee: PersonWorkingHoursReading;
}

export async function readPairWorkingHours(deps: PairWorkingHoursDeps, call: UseCaseCall<{ readonly relationshipId: string }>): Promise<Result<PairWorkingHours>> {
  const { principal, now } = call;
  const membership = await loadMembership(deps, principal, call.input.relationshipId);
  if (!membership.ok) return membership;
  const { relationship } = membership.value;
  const people = await deps.directory.findPeople(principal.tenantId, [relationship.mentorId, relationship.menteeId]);
  // One after the other: two small reads, and each person's answer is independent of the other's.
  const mentor = await readOne(deps, principal.tenantId, relationship.mentorId, people.ok ? people.value[0] : undefined, people, now);
  const mentee = await readOne(deps, principal.tenantId, relationship.menteeId, people.ok ? people.value[1] : undefined, people, now);
  return ok({ mentor, mentee });
}

async function readOne(
  deps: PairWorkingHoursDeps,
  tenantId: string,
  personId: string,
  person: CalendarPerson | undefined,
  people: Result<unknown>,
  now: Instant,
): Promise<PersonWorkingHoursReading> {
  if (!person) {
    const error = people.ok ? { code: 'DIRECTORY.PERSON_NOT_FOUND' as const, message: 'This person is not in the directory.' } : people.error;
    return { personId, source: 'unavailable', code: error.code, message: error.message };
  }
  const read = await deps.workingHours.workingHoursOf(person);
  if (!read.ok) return { personId, source: 'unavailable', code: read.error.code, message: read.error.message };
  const profile = await deps.repos.profiles.get(tenantId, personId);
  const zone = profile.ok ? resolveTimeZone(profile.value.timeZone) : undefined;
  const timeZone = zone?.ok ? zone.value : read.value.timeZone;
  return { personId, source: 'outlook', timeZone, outlookTimeZone: read.value.timeZone, windows: windowsOnClock(read.value.windows, read.value.timeZone, timeZone, now) };
}

/**
 * Weekly windows in `from` moved onto `to`'s clock, for the week from `now` (zones' rules of that
 * week); a window that then runs past midnight is marked `endsNextDay`. Same zone: unchanged.
 */
export function windowsOnClock(windows: readonly WeeklyWindow[], from: string, to: string, now: Instant): WeeklyWindow[] {
  if (from === to) return [...windows];
  const weekStart = startOfLocalDay(to, instantToLocal(to, now).date);
  const moved = new Map<string, WeeklyWindow>();
  for (const occurrence of expandWeeklyWindows(windows, from, { start: weekStart - DAY, end: weekStart + 8 * DAY })) {
    if (occurrence.start < weekStart || occurrence.start >= weekStart + 7 * DAY) continue;
    const w = localWindow(to, occurrence);
    moved.set(`${w.weekday} ${w.start}`, w);
  }
  return [...moved.values()].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
}
