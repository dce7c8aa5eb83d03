/**
 * The calendar port over Microsoft Graph v1.0: free/busy and working hours through getSchedule,
 * one event per meeting in the organizer's calendar, bulk work through $batch.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { fail, ok, type Result } from '../../core/result';
import { DAY, type Instant, type Interval } from '../../core/time/interval';
import { ianaZoneFromGraph } from './windows-zones';
import type { IsoWeekday, WeeklyWindow } from '../../core/agreement/agreement';
import type {
  AttendeeState,
  CalendarEventRef,
  CalendarEventState,
  CalendarPerson,
  CalendarPort,
  EventBodyUpdate,
  FreeBusyQuery,
  PersonCalendar,
  PlannedMeetingEvent,
} from '../../core/ports/calendar';
import { createGraphClient, type AccessTokenSource } from './graph-client';
import { GraphBatchRunner, type BatchOptions, type SubOutcome, type SubRequest } from './graph-batch';
import { fromThrown, graphInvalidResponse, graphStatusFailure } from './graph-errors';
import { blocksTime } from '../../core/scheduling/free-busy-status';
import {
  eventSchema,
  getScheduleResponseSchema,
  mailboxSettingsSchema,
  type GraphEvent,
  type ScheduleInformation,
  type WorkingHours,
} from './graph-schemas';
import { fromGraphUtc, toGraphUtc } from './graph-time';
import { meetingTransactionId } from './transaction-id';

/** The one open extension name the product writes on every event it creates. */
export const MEETING_EXTENSION_NAME = 'com.mentoring.meeting';
export const MEETING_EXTENSION_ID = `Microsoft.OutlookServices.OpenTypeExtension.${MEETING_EXTENSION_NAME}`;
export const MENTORING_CATEGORY = 'Mentoring';

/**
 * The MAPI property Outlook add-ins' custom properties live in ([MS-OXCEXT] 2.2.5): a string named
 * `cecp-<add-in id>` in PS_PUBLIC_STRINGS, the id lower-cased without braces or "urn:uuid:", whose value
 * is the JSON object `item.loadCustomPropertiesAsync` returns. Written as a Graph single-value extended
 * property so the add-in recognises a mentoring meeting without reading its body.
 */
export function addInCustomPropertiesId(addInId: string): string {
  const id = addInId.trim().toLowerCase().replace(/^urn:uuid:/, '').replace(/[{}]/g, '');
  return `String {00020329-0000-0000-C000-000000000046} Name cecp-${id}`;
}
export const PREFER_UTC = 'outlook.timezone="UTC"';
/** Graph limits: 100 schedules per getSchedule call, windows of at most 62 days. */
export const MAX_SCHEDULES_PER_CALL = 100;
export const MAX_SCHEDULE_WINDOW = 62 * DAY;

const WEEKDAYS: Readonly<Record<string, IsoWeekday>> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};

export interface GraphCalendarOptions {
  /** The tenant whose Graph this is; part of every transactionId. */
  readonly tenantId: string;
  readonly client: Client;
  readonly batch?: BatchOptions;
  /** getSchedule calls in flight at once (they all touch the requester's mailbox). */
  readonly scheduleConcurrency?: number;
  /** The Outlook add-in's id (the app id of the unified manifest): events carry its custom properties. */
  readonly addInId?: string;
}

export function splitScheduleWindows(range: Interval): Interval[] {
  const windows: Interval[] = [];
  for (let start = range.start; start < range.end; start += MAX_SCHEDULE_WINDOW) {
    windows.push({ start, end: Math.min(start + MAX_SCHEDULE_WINDOW, range.end) });
  }
  return windows;
}

function hhmm(graphTime: string): string {
  return graphTime.slice(0, 5);
}

function weeklyWindows(hours: WorkingHours): WeeklyWindow[] {
  return hours.daysOfWeek
    .map((day) => ({ weekday: WEEKDAYS[day]!, start: hhmm(hours.startTime), end: hhmm(hours.endTime) }))
    .sort((a, b) => a.weekday - b.weekday);
}

const path = (...segments: string[]): string => '/' + segments.map((s) => encodeURIComponent(s)).join('/');

async function inLimitedParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

export class GraphCalendarAdapter implements CalendarPort {
  private readonly batch: GraphBatchRunner;

  constructor(private readonly options: GraphCalendarOptions) {
    this.batch = new GraphBatchRunner(options.client, options.batch);
  }

  async getCalendars(query: FreeBusyQuery): Promise<Result<PersonCalendar[]>> {
    if (!(query.range.end > query.range.start)) {
      return fail('CALENDAR.INVALID_RANGE', 'The free/busy range must end after it starts.', { field: 'range' });
    }
    const people = [...new Map(query.people.map((p) => [p.email.toLowerCase(), p])).values()];
    const groups: CalendarPerson[][] = [];
    for (let i = 0; i < people.length; i += MAX_SCHEDULES_PER_CALL) groups.push(people.slice(i, i + MAX_SCHEDULES_PER_CALL));
    const calls = splitScheduleWindows(query.range).flatMap((window) => groups.map((group) => ({ window, group })));

    const answers = await inLimitedParallel(calls, this.options.scheduleConcurrency ?? 4, ({ window, group }) =>
      this.getSchedule(query.requesterId, group, window),
    );
    const busy = new Map<string, Interval[]>();
    const hours = new Map<string, WorkingHours>();
    for (const answer of answers) {
      if (!answer.ok) return answer;
      for (const info of answer.value) {
        const key = info.scheduleId.toLowerCase();
        if (info.error) {
          return fail('GRAPH.SCHEDULE_UNAVAILABLE', `The calendar of ${info.scheduleId} cannot be read: ${info.error.message ?? 'no reason given'}.`, {
            details: { email: info.scheduleId, responseCode: info.error.responseCode },
          });
        }
        const list = busy.get(key) ?? [];
        for (const item of info.scheduleItems ?? []) {
          // One table decides what blocks time (workingElsewhere is a place, not an engagement).
          if (!blocksTime(item.status)) continue;
          const start = fromGraphUtc(item.start);
          const end = fromGraphUtc(item.end);
          if (start === undefined || end === undefined) {
            return graphInvalidResponse('read free/busy', `schedule item of ${info.scheduleId} is not in UTC (${item.start.timeZone})`);
          }
          list.push({ start, end });
        }
        busy.set(key, list);
        if (info.workingHours && !hours.has(key)) hours.set(key, info.workingHours);
      }
    }

    const calendars: PersonCalendar[] = [];
    for (const person of people) {
      const key = person.email.toLowerCase();
      const personBusy = busy.get(key);
      if (!personBusy) return graphInvalidResponse('read free/busy', `no schedule returned for ${person.email}`);
      const zone = await this.zoneOf(person, hours.get(key));
      if (!zone.ok) return zone;
      const working = hours.get(key);
      calendars.push({
        personId: person.personId,
        timeZone: zone.value,
        ...(working ? { workingHours: weeklyWindows(working) } : {}),
        busy: personBusy,
      });
    }
    return ok(calendars);
  }

  /**
   * getSchedule's working hours carry the zone they are expressed in; when that is a custom zone
   * Graph cannot name (or hours are missing), the person's mailbox settings say which zone they use.
   */
  private async zoneOf(person: CalendarPerson, hours: WorkingHours | undefined): Promise<Result<string>> {
    if (hours) {
      const fromHours = ianaZoneFromGraph(hours.timeZone.name, 'workingHours.timeZone');
      if (fromHours.ok) return fromHours;
    }
    let raw: unknown;
    try {
      raw = await this.options.client.api(path('users', person.personId, 'mailboxSettings')).get();
    } catch (cause) {
      return fromThrown(cause, `read the mailbox settings of ${person.email}`);
    }
    const settings = mailboxSettingsSchema.safeParse(raw);
    if (!settings.success) return graphInvalidResponse('read mailbox settings', settings.error.issues[0]?.message ?? '');
    const name = settings.data.timeZone ?? settings.data.workingHours?.timeZone.name;
    if (!name) return fail('TIME.UNKNOWN_ZONE', `${person.displayName} has no time zone in Outlook; ask them to set one.`, { field: 'mailboxSettings.timeZone' });
    const zone = ianaZoneFromGraph(name, 'mailboxSettings.timeZone');
    return zone.ok ? zone : { ok: false, error: { ...zone.error, details: { personId: person.personId } } };
  }

  private async getSchedule(requesterId: string, group: readonly CalendarPerson[], window: Interval): Promise<Result<ScheduleInformation[]>> {
    let raw: unknown;
    try {
      raw = await this.options.client
        .api(path('users', requesterId, 'calendar', 'getSchedule'))
        .header('Prefer', PREFER_UTC)
        .post({
          schedules: group.map((p) => p.email),
          startTime: toGraphUtc(window.start),
          endTime: toGraphUtc(window.end),
          availabilityViewInterval: 60,
        });
    } catch (cause) {
      return fromThrown(cause, 'read free/busy');
    }
    const parsed = getScheduleResponseSchema.safeParse(raw);
    if (!parsed.success) return graphInvalidResponse('read free/busy', parsed.error.issues[0]?.message ?? '');
    return ok(parsed.data.value);
  }

  /** The Graph body of a new event; exported for the tests that assert it byte for byte. */
  eventBody(event: PlannedMeetingEvent): Record<string, unknown> {
    return {
      subject: event.subject,
      body: { contentType: 'html', content: event.bodyHtml },
      start: toGraphUtc(event.start),
      end: toGraphUtc(event.end),
      attendees: event.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.displayName }, type: 'required' })),
      ...(event.location.kind === 'online'
        ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' }
        : { location: { displayName: event.location.name } }),
      categories: [MENTORING_CATEGORY],
      transactionId: meetingTransactionId(this.options.tenantId, event.meetingId),
      extensions: [
        {
          '@odata.type': 'microsoft.graph.openTypeExtension',
          extensionName: MEETING_EXTENSION_NAME,
          relationshipId: event.relationshipId,
          meetingId: event.meetingId,
        },
      ],
      ...(this.options.addInId
        ? {
            singleValueExtendedProperties: [
              { id: addInCustomPropertiesId(this.options.addInId), value: JSON.stringify({ relationshipId: event.relationshipId, meetingId: event.meetingId }) },
            ],
          }
        : {}),
    };
  }

  async createEvents(events: readonly PlannedMeetingEvent[]): Promise<Result<CalendarEventRef>[]> {
    const invalid = events.map((e) => validateEvent(e));
    const toSend = events.map((e, i) => ({ e, i })).filter(({ i }) => invalid[i] === undefined);
    const outcomes = await this.batch.run(
      toSend.map(({ e }) => ({
        method: 'POST',
        url: path('users', e.organizer.personId, 'calendar', 'events'),
        body: this.eventBody(e),
        mailbox: e.organizer.personId,
      })),
      'create the meeting in Outlook',
    );
    const results: Result<CalendarEventRef>[] = events.map((_, i) => invalid[i] ?? graphInvalidResponse('create the meeting', 'not sent'));
    toSend.forEach(({ e, i }, k) => {
      const event = expectEvent(outcomes[k]!, [200, 201], 'create the meeting in Outlook');
      results[i] = event.ok ? ok(refOf(event.value, e.organizer.personId)) : event;
    });
    return results;
  }

  async updateEventBodies(updates: readonly EventBodyUpdate[]): Promise<Result<void>[]> {
    const outcomes = await this.batch.run(
      updates.map(({ ref, bodyHtml }) => ({
        method: 'PATCH',
        url: path('users', ref.organizerId, 'events', ref.eventId),
        body: { body: { contentType: 'html', content: bodyHtml } },
        mailbox: ref.organizerId,
      })),
      'update the agenda in the invite',
    );
    return outcomes.map((o) => {
      const event = expectEvent(o, [200], 'update the agenda in the invite');
      return event.ok ? ok(undefined) : event;
    });
  }

  async moveEvent(ref: CalendarEventRef, start: Instant, end: Instant): Promise<Result<void>> {
    if (!(end > start)) return fail('CALENDAR.INVALID_EVENT', 'A meeting must end after it starts.', { field: 'end' });
    try {
      const raw: unknown = await this.options.client
        .api(path('users', ref.organizerId, 'events', ref.eventId))
        .patch({ start: toGraphUtc(start), end: toGraphUtc(end) });
      const parsed = eventSchema.safeParse(raw);
      return parsed.success ? ok(undefined) : graphInvalidResponse('move the meeting', parsed.error.issues[0]?.message ?? '');
    } catch (cause) {
      return fromThrown(cause, 'move the meeting');
    }
  }

  async cancelEvent(ref: CalendarEventRef, comment: string): Promise<Result<void>> {
    try {
      await this.options.client.api(path('users', ref.organizerId, 'events', ref.eventId, 'cancel')).post({ comment });
      return ok(undefined);
    } catch (cause) {
      return fromThrown(cause, 'cancel the meeting');
    }
  }

  /**
   * Our open extension and, with the add-in configured, the add-in's custom properties (one
   * single-value extended property holding their JSON): the guard's "send anyway" mark lives there.
   */
  private stateExpand(): string {
    const extension = `extensions($filter=id%20eq%20'${MEETING_EXTENSION_ID}')`;
    if (!this.options.addInId) return extension;
    return `${extension},singleValueExtendedProperties($filter=id%20eq%20'${encodeURIComponent(addInCustomPropertiesId(this.options.addInId))}')`;
  }

  async getEventStates(refs: readonly CalendarEventRef[]): Promise<Result<CalendarEventState>[]> {
    const outcomes = await this.batch.run(
      refs.map(
        (ref): SubRequest => ({
          method: 'GET',
          url: `${path('users', ref.organizerId, 'events', ref.eventId)}?$select=id,start,end,isCancelled,attendees,onlineMeeting,transactionId&$expand=${this.stateExpand()}`,
          headers: { Prefer: PREFER_UTC },
          mailbox: ref.organizerId,
        }),
      ),
      'read the meeting from Outlook',
    );
    return outcomes.map((o, i) => {
      const event = expectEvent(o, [200], 'read the meeting from Outlook');
      if (!event.ok) return event;
      return stateOf(event.value, refs[i]!);
    });
  }
}

function validateEvent(e: PlannedMeetingEvent): Result<CalendarEventRef> | undefined {
  if (!(e.end > e.start)) return fail('CALENDAR.INVALID_EVENT', 'A meeting must end after it starts.', { field: 'end', details: { meetingId: e.meetingId } });
  if (e.subject.trim() === '') return fail('CALENDAR.INVALID_EVENT', 'A meeting needs a subject.', { field: 'subject', details: { meetingId: e.meetingId } });
  if (e.attendees.length === 0) return fail('CALENDAR.INVALID_EVENT', 'A meeting needs the partner as attendee.', { field: 'attendees', details: { meetingId: e.meetingId } });
  const noMail = [e.organizer, ...e.attendees].find((p) => !/^[^@\s]+@[^@\s]+$/.test(p.email));
  if (noMail) return fail('CALENDAR.INVALID_EVENT', `${noMail.displayName} has no mailbox address.`, { field: 'email', details: { personId: noMail.personId } });
  return undefined;
}

function expectEvent(outcome: SubOutcome, statuses: readonly number[], operation: string): Result<GraphEvent> {
  if (!outcome.ok) return outcome;
  const { status, body } = outcome.response;
  if (!statuses.includes(status)) return graphStatusFailure(status, body, operation);
  const parsed = eventSchema.safeParse(body);
  return parsed.success ? ok(parsed.data) : graphInvalidResponse(operation, parsed.error.issues[0]?.message ?? '');
}

function refOf(event: GraphEvent, organizerId: string): CalendarEventRef {
  const joinUrl = event.onlineMeeting?.joinUrl ?? undefined;
  return { eventId: event.id, organizerId, ...(joinUrl ? { joinUrl } : {}), ...(event.iCalUId ? { iCalUId: event.iCalUId } : {}) };
}

function stateOf(event: GraphEvent, ref: CalendarEventRef): Result<CalendarEventState> {
  const start = fromGraphUtc(event.start);
  const end = fromGraphUtc(event.end);
  if (start === undefined || end === undefined) return graphInvalidResponse('read the meeting from Outlook', `event time not in UTC (${event.start.timeZone})`);
  const attendees: AttendeeState[] = (event.attendees ?? []).map((a) => ({
    email: a.emailAddress.address.toLowerCase(),
    response: a.status?.response ?? 'none',
  }));
  const extension = (event.extensions ?? []).find((x) => x.extensionName === MEETING_EXTENSION_NAME || x.id === MEETING_EXTENSION_ID);
  const warnedTime = warnedTimeOf(event);
  // The state read does not $select iCalUId; an event keeps it for life, so the known one stays on the ref.
  const read = refOf(event, ref.organizerId);
  return ok({
    ref: read.iCalUId || !ref.iCalUId ? read : { ...read, iCalUId: ref.iCalUId },
    start,
    end,
    isCancelled: event.isCancelled ?? false,
    attendees,
    ...(extension?.relationshipId ? { relationshipId: extension.relationshipId } : {}),
    ...(extension?.meetingId ? { meetingId: extension.meetingId } : {}),
    ...(warnedTime ? { warnedTime } : {}),
  });
}

/**
 * The time the add-in's guard warned about before a send anyway: `boundaryWarnedTime` ("<start>/<end>",
 * ISO instants) inside the custom properties' JSON. Anything unreadable counts as no warning, so a
 * damaged property can only leave a move flagged, never hide one.
 */
function warnedTimeOf(event: GraphEvent): { start: number; end: number } | undefined {
  const property = (event.singleValueExtendedProperties ?? []).find((p) => /^String \{00020329-0000-0000-C000-000000000046\} Name cecp-/i.test(p.id));
  if (!property) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(property.value);
  } catch {
    return undefined;
  }
  const warned = (value as { boundaryWarnedTime?: unknown } | null)?.boundaryWarnedTime;
  if (typeof warned !== 'string') return undefined;
  const [start, end] = warned.split('/').map((part) => Date.parse(part));
  return start !== undefined && end !== undefined && Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : undefined;
}

export interface GraphCalendarSettings {
  /** GRAPH_BASE_URL */
  readonly baseUrl: string;
  readonly tenantId: string;
  readonly accessToken: AccessTokenSource;
  readonly batch?: BatchOptions;
  readonly addInId?: string;
}

/** The composition roots call this with a token source from MsalTokenSources (OBO or app-only). */
export function graphCalendarFor(settings: GraphCalendarSettings): GraphCalendarAdapter {
  return new GraphCalendarAdapter({
    tenantId: settings.tenantId,
    client: createGraphClient({ baseUrl: settings.baseUrl, accessToken: settings.accessToken }),
    ...(settings.batch ? { batch: settings.batch } : {}),
    ...(settings.addInId ? { addInId: settings.addInId } : {}),
  });
}
