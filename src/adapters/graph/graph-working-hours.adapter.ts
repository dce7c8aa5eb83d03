/**
 * Working hours over Microsoft Graph v1.0 (user-get-mailboxsettings): `GET /users/{id}/mailboxSettings/workingHours`,
 * and, when those hours are in a custom zone Graph cannot name ("Customized Time Zone"), the mailbox's
 * own zone from `GET /users/{id}/mailboxSettings/timeZone` (`{ value }`). Windows zone names become IANA here.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { IsoWeekday, WeeklyWindow } from '../../core/agreement/agreement';
import type { CalendarPerson, PersonWorkingHours, WorkingHoursPort } from '../../core/ports/calendar';
import { fail, ok, type Result } from '../../core/result';
import { fromThrown, graphInvalidResponse } from './graph-errors';
import { workingHoursSchema, type WorkingHours } from './graph-schemas';
import { ianaZoneFromGraph } from './windows-zones';

const WEEKDAYS: Readonly<Record<string, IsoWeekday>> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const stringSetting = z.looseObject({ value: z.string() });
const path = (id: string, setting: string) => `/users/${encodeURIComponent(id)}/mailboxSettings/${setting}`;

/** Graph's working hours as weekly windows: one per working day, start and end as HH:mm. */
export function windowsOfWorkingHours(hours: WorkingHours): WeeklyWindow[] {
  const start = hours.startTime.slice(0, 5);
  const end = hours.endTime.slice(0, 5);
  return [...new Set(hours.daysOfWeek)].map((day) => ({ weekday: WEEKDAYS[day]!, start, end })).sort((a, b) => a.weekday - b.weekday);
}

export class GraphWorkingHoursAdapter implements WorkingHoursPort {
  constructor(private readonly client: Client) {}

  async workingHoursOf(person: CalendarPerson): Promise<Result<PersonWorkingHours>> {
    const read = await this.read(person, 'workingHours', workingHoursSchema);
    if (!read.ok) return read;
    const hours = read.value;
    let zone = ianaZoneFromGraph(hours.timeZone.name, 'workingHours.timeZone');
    if (!zone.ok) {
      // A custom zone has no name to map; the mailbox's own zone is the one Outlook shows those hours in.
      const setting = await this.read(person, 'timeZone', stringSetting);
      if (!setting.ok) return setting;
      zone = ianaZoneFromGraph(setting.value.value, 'mailboxSettings.timeZone');
      if (!zone.ok) return fail('TIME.UNKNOWN_ZONE', `${person.displayName} has working hours in a time zone we cannot name ("${setting.value.value}").`, { field: 'mailboxSettings.timeZone' });
    }
    return ok({ personId: person.personId, timeZone: zone.value, windows: windowsOfWorkingHours(hours) });
  }

  private async read<S extends z.ZodType>(person: CalendarPerson, setting: string, schema: S): Promise<Result<z.output<S>>> {
    let raw: unknown;
    try {
      raw = await this.client.api(path(person.personId, setting)).get();
    } catch (cause) {
      return fromThrown(cause, `read the ${setting} of ${person.email}`);
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? ok(parsed.data) : graphInvalidResponse(`read the ${setting} of ${person.email}`, parsed.error.issues[0]?.message ?? '');
  }
}
