/**
 * `GET|PATCH /users/{id}/mailboxSettings` of the local calendar, with the validation Graph documents
 * for an update (user-update-mailboxsettings: RequestBodyRead for a time that is not Edm.TimeOfDay,
 * ErrorInvalidTimeSettings when start is not before end, InvalidArguments for an unknown day,
 * InvalidTimeZone for a zone it does not know). The answer to a PATCH holds only what was updated.
 */
import { ianaZoneFromGraph } from '../../adapters/graph/windows-zones';
import { workingHoursOf, type LocalCalendarPerson } from './demo-calendars';

export const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export interface GraphWorkingHours {
  readonly daysOfWeek: readonly string[];
  readonly startTime: string;
  readonly endTime: string;
  readonly timeZone: Record<string, unknown> & { readonly name: string };
}

/** What a mailbox stores once it has been updated; absent fields come from the demo person. */
export interface StoredMailboxSettings {
  readonly timeZone?: string;
  readonly workingHours?: GraphWorkingHours;
  readonly dateFormat?: string;
  readonly timeFormat?: string;
  readonly language?: { readonly locale: string; readonly displayName?: string };
  readonly delegateMeetingMessageDeliveryOptions?: string;
}

export interface SettingsRefusal {
  readonly status: 400;
  readonly code: string;
  readonly message: string;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,7}))?)?$/;
const DELEGATE_OPTIONS = ['sendToDelegateAndInformationToPrincipal', 'sendToDelegateAndPrincipal', 'sendToDelegateOnly'];
const WRITABLE = new Set(['@odata.context', 'automaticRepliesSetting', 'dateFormat', 'delegateMeetingMessageDeliveryOptions', 'language', 'timeFormat', 'timeZone', 'workingHours']);

const refuse = (code: string, message: string): SettingsRefusal => ({ status: 400, code, message });

/** "9:00" is not Edm.TimeOfDay; "09:00", "09:00:00" and "09:00:00.0000000" are. Returns Graph's form. */
function timeOfDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = TIME_OF_DAY.exec(value);
  if (!m) return undefined;
  return `${m[1]}:${m[2]}:${m[3] ?? '00'}.${(m[4] ?? '').padEnd(7, '0')}`;
}

function zoneName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return ianaZoneFromGraph(value).ok ? value : undefined;
}

function workingHoursPatch(value: unknown, current: GraphWorkingHours): GraphWorkingHours | SettingsRefusal {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return refuse('RequestBodyRead', 'workingHours must be a workingHours object.');
  const input = value as Record<string, unknown>;
  let daysOfWeek = current.daysOfWeek;
  if ('daysOfWeek' in input) {
    if (!Array.isArray(input.daysOfWeek)) return refuse('RequestBodyRead', 'daysOfWeek must be a collection of dayOfWeek.');
    const days: string[] = [];
    for (const d of input.daysOfWeek) {
      const name = typeof d === 'string' ? d.toLowerCase() : '';
      if (!(WEEKDAY_NAMES as readonly string[]).includes(name)) return refuse('InvalidArguments', `Requested value '${String(d)}' was not found.`);
      if (!days.includes(name)) days.push(name);
    }
    daysOfWeek = days;
  }
  const startTime = 'startTime' in input ? timeOfDay(input.startTime) : current.startTime;
  if (startTime === undefined) return refuse('RequestBodyRead', `Cannot convert the literal '${String(input.startTime)}' to the expected type 'Edm.TimeOfDay'.`);
  const endTime = 'endTime' in input ? timeOfDay(input.endTime) : current.endTime;
  if (endTime === undefined) return refuse('RequestBodyRead', `Cannot convert the literal '${String(input.endTime)}' to the expected type 'Edm.TimeOfDay'.`);
  if (startTime >= endTime) return refuse('ErrorInvalidTimeSettings', 'Start Time should occur before End Time.');
  let timeZone = current.timeZone;
  if ('timeZone' in input) {
    const tz = input.timeZone as Record<string, unknown> | null;
    if (typeof tz !== 'object' || tz === null || typeof tz.name !== 'string') return refuse('InvalidTimeZone', 'Time Zone settings provided are invalid.');
    const custom = tz['@odata.type'] === '#microsoft.graph.customTimeZone';
    if (custom ? typeof tz.bias !== 'number' : zoneName(tz.name) === undefined) return refuse('InvalidTimeZone', 'Time Zone settings provided are invalid.');
    timeZone = { ...tz, name: tz.name };
  }
  return { daysOfWeek, startTime, endTime, timeZone };
}

/** The stored settings after a PATCH, and the updated properties Graph answers with; or Graph's refusal. */
export function patchMailboxSettings(
  person: LocalCalendarPerson,
  stored: StoredMailboxSettings,
  body: unknown,
): { readonly settings: StoredMailboxSettings; readonly updated: Record<string, unknown> } | SettingsRefusal {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse('RequestBodyRead', 'The request body must be a mailboxSettings object.');
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).find((k) => !WRITABLE.has(k));
  if (unknown) return refuse('RequestBodyRead', `The property '${unknown}' does not exist on type 'microsoft.graph.mailboxSettings'. Make sure to only use property names that are defined by the type.`);
  if ('automaticRepliesSetting' in input) return refuse('ErrorInvalidRequest', 'The local calendar does not keep automatic replies; it updates timeZone, workingHours, dateFormat, timeFormat, language and delegateMeetingMessageDeliveryOptions.');
  const current = effectiveSettings(person, stored);
  const updated: Record<string, unknown> = {};
  if ('timeZone' in input) {
    if (zoneName(input.timeZone) === undefined) return refuse('InvalidTimeZone', 'Time Zone settings provided are invalid.');
    updated.timeZone = input.timeZone;
  }
  if ('workingHours' in input) {
    const hours = workingHoursPatch(input.workingHours, current.workingHours);
    if ('status' in hours) return hours;
    updated.workingHours = hours;
  }
  for (const k of ['dateFormat', 'timeFormat'] as const) {
    if (!(k in input)) continue;
    if (typeof input[k] !== 'string') return refuse('RequestBodyRead', `${k} must be a string.`);
    updated[k] = input[k];
  }
  if ('language' in input) {
    const lang = input.language as { locale?: unknown } | null;
    if (typeof lang !== 'object' || lang === null || typeof lang.locale !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang.locale)) {
      return refuse('RequestBodyRead', 'language.locale must be a locale such as "en-US".');
    }
    updated.language = { locale: lang.locale, displayName: typeof (lang as { displayName?: unknown }).displayName === 'string' ? (lang as { displayName: string }).displayName : lang.locale };
  }
  if ('delegateMeetingMessageDeliveryOptions' in input) {
    if (!DELEGATE_OPTIONS.includes(String(input.delegateMeetingMessageDeliveryOptions))) {
      return refuse('RequestBodyRead', `The value '${String(input.delegateMeetingMessageDeliveryOptions)}' is not valid for delegateMeetingMessageDeliveryOptions.`);
    }
    updated.delegateMeetingMessageDeliveryOptions = input.delegateMeetingMessageDeliveryOptions;
  }
  return { settings: { ...stored, ...updated } as StoredMailboxSettings, updated };
}

/** The person's settings as Graph would serve them: what was stored over the demo person's defaults. */
export function effectiveSettings(person: LocalCalendarPerson, stored: StoredMailboxSettings): Required<Omit<StoredMailboxSettings, 'language'>> & { language: { locale: string; displayName?: string } } {
  const hours = workingHoursOf(person);
  return {
    timeZone: stored.timeZone ?? person.timeZone,
    dateFormat: stored.dateFormat ?? 'yyyy-MM-dd',
    timeFormat: stored.timeFormat ?? 'HH:mm',
    language: stored.language ?? { locale: 'en-US', displayName: 'English (United States)' },
    delegateMeetingMessageDeliveryOptions: stored.delegateMeetingMessageDeliveryOptions ?? 'sendToDelegateOrInformationOnly',
    workingHours: stored.workingHours ?? {
      daysOfWeek: hours.days.map((d) => WEEKDAY_NAMES[d - 1]!),
      startTime: `${hours.start}:00.0000000`,
      endTime: `${hours.end}:00.0000000`,
      timeZone: { name: person.timeZone },
    },
  };
}
