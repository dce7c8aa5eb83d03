/**
 * Events as Exchange keeps them: the organizer's event, and for every attendee in the same tenant
 * an event of their own in their mailbox (own id, the organizer's `iCalUId`, `isOrganizer: false`,
 * `responseStatus` notResponded until they answer). What Microsoft documents, and this follows:
 *   - accept / tentativelyAccept / decline act on the attendee's copy and, with sendResponse (the
 *     default), set the attendee's `status` on the organizer's event; a declined copy leaves the
 *     attendee's calendar;
 *   - an organizer's PATCH reaches every copy (a new time asks for new answers);
 *   - cancel is for the organizer only (an attendee gets 400); it sends the cancellation with the
 *     comment, removes the organizer's event from the calendar and marks each attendee's copy
 *     `isCancelled: true` (subject "Canceled: …", the comment as its body); DELETE of a meeting by
 *     its organizer cancels it for the attendees the same way.
 * Every change goes through `changed`, which the delta queries and subscriptions read.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { bodyPreview } from './body-preview';
import type { CalendarEventTable, EventLink, StoredEvent } from './calendar-event-table';
import type { LocalCalendarPerson } from './demo-calendars';
import { graphError, type Answer } from './graph-answer';
import { meetingThreadIdOf } from './online-meetings';

const EXTENSION_ID_PREFIX = 'Microsoft.OutlookServices.OpenTypeExtension.';
const NEVER = '0001-01-01T00:00:00Z';

export type ChangeType = 'created' | 'updated' | 'deleted';
export type Response = 'none' | 'notResponded' | 'accepted' | 'tentativelyAccepted' | 'declined' | 'organizer';

export interface GraphAttendee {
  readonly type: string;
  readonly status: { readonly response: string; readonly time: string };
  readonly emailAddress: { readonly name: string; readonly address: string };
}

const dateTimeTimeZone = z.object({ dateTime: z.string().min(10), timeZone: z.string().min(1) });
const attendeeInput = z.object({
  emailAddress: z.object({ address: z.string().min(3), name: z.string().optional() }),
  type: z.enum(['required', 'optional', 'resource']).optional(),
});
export const eventInput = z.looseObject({
  subject: z.string().optional(),
  body: z.object({ contentType: z.string(), content: z.string() }).optional(),
  start: dateTimeTimeZone.optional(),
  end: dateTimeTimeZone.optional(),
  attendees: z.array(attendeeInput).optional(),
  location: z.looseObject({ displayName: z.string() }).optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: z.string().optional(),
  categories: z.array(z.string()).optional(),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']).optional(),
  transactionId: z.string().max(200).optional(),
  extensions: z.array(z.looseObject({ '@odata.type': z.string().optional(), extensionName: z.string().min(1) })).optional(),
  singleValueExtendedProperties: z.array(z.object({ id: z.string().min(1), value: z.string() })).optional(),
});
export type EventInput = z.infer<typeof eventInput>;
const responseInput = z.object({ comment: z.string().optional(), sendResponse: z.boolean().optional() }).optional();
const cancelInput = z.object({ comment: z.string().optional() }).optional();

export function graphDateTime(instant: number): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: `${new Date(instant).toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

function newEventId(): string {
  return `AAMkAGLocal${randomBytes(18).toString('base64url')}=`;
}

/** The attendee's copy has an id of its own, derived so that re-creating it finds the same row. */
function copyIdOf(organizerEventId: string, mailbox: string): string {
  return `AAMkAGLocal${createHash('sha256').update(`${organizerEventId}\n${mailbox.toLowerCase()}`).digest('base64url').slice(0, 24)}=`;
}

/** Exchange's iCalUId: the global object id in hex, shared by the organizer's event and every copy. */
function newICalUId(): string {
  return `040000008200E00074C5B7101A82E00800000000${randomBytes(8).toString('hex').toUpperCase()}00000000000000001000000${randomBytes(16).toString('hex').toUpperCase()}`;
}

function showAsFor(response: string, organizerShowAs: string): string {
  if (response === 'accepted') return organizerShowAs;
  return 'tentative';
}

export interface MailboxEventsOptions {
  readonly events: CalendarEventTable;
  readonly person: (idOrEmail: string) => (LocalCalendarPerson & { readonly tenantId?: string }) | undefined;
  readonly now: () => number;
  /** Told of every change to an event in a mailbox, after it is stored. */
  readonly changed: (mailbox: string, eventId: string, change: ChangeType) => void;
}

export class MailboxEvents {
  constructor(private readonly o: MailboxEventsOptions) {}

  private stamp(): string {
    return new Date(this.o.now()).toISOString();
  }

  private attendeesOf(input: readonly z.infer<typeof attendeeInput>[], previous: readonly GraphAttendee[] = []): GraphAttendee[] {
    return input.map((a) => {
      const before = previous.find((p) => p.emailAddress.address.toLowerCase() === a.emailAddress.address.toLowerCase());
      return {
        type: a.type ?? 'required',
        status: before?.status ?? { response: 'none', time: NEVER },
        emailAddress: { name: a.emailAddress.name ?? a.emailAddress.address, address: a.emailAddress.address },
      };
    });
  }

  async create(organizer: LocalCalendarPerson, e: EventInput, start: number, end: number): Promise<StoredEvent> {
    const id = newEventId();
    const stamp = this.stamp();
    const online = e.isOnlineMeeting === true;
    const body = { contentType: e.body?.contentType ?? 'text', content: e.body?.content ?? '' };
    const doc: Record<string, unknown> = {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(organizer.email)}')/calendar/events/$entity`,
      id,
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      changeKey: randomBytes(12).toString('base64'),
      categories: e.categories ?? [],
      transactionId: e.transactionId ?? null,
      originalStartTimeZone: e.start!.timeZone,
      originalEndTimeZone: e.end!.timeZone,
      iCalUId: newICalUId(),
      subject: e.subject ?? '',
      bodyPreview: bodyPreview(body),
      body,
      importance: 'normal',
      sensitivity: 'normal',
      isAllDay: false,
      isCancelled: false,
      isOrganizer: true,
      responseRequested: true,
      showAs: e.showAs ?? 'busy',
      type: 'singleInstance',
      isOnlineMeeting: online,
      onlineMeetingProvider: online ? (e.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown',
      // Teams' join links carry the meeting chat's thread id (chatInfo.threadId); the local ones do too.
      onlineMeeting: online ? { joinUrl: `https://teams.local.invalid/l/meetup-join/${encodeURIComponent(meetingThreadIdOf(id))}/0` } : null,
      start: graphDateTime(start),
      end: graphDateTime(end),
      location: { displayName: e.location?.displayName ?? '', locationType: 'default' },
      attendees: this.attendeesOf(e.attendees ?? []),
      organizer: { emailAddress: { name: organizer.displayName, address: organizer.email } },
      responseStatus: { response: 'organizer', time: NEVER },
      extensions: (e.extensions ?? []).map(({ '@odata.type': _type, ...x }) => ({
        '@odata.type': '#microsoft.graph.openTypeExtension',
        id: `${EXTENSION_ID_PREFIX}${x.extensionName}`,
        ...x,
      })),
      ...(e.singleValueExtendedProperties?.length ? { singleValueExtendedProperties: e.singleValueExtendedProperties.map((p) => ({ ...p })) } : {}),
    };
    const targets = this.copyTargets(organizer.personId, id, doc.attendees as GraphAttendee[]);
    const stored: StoredEvent = { mailbox: organizer.personId, id, doc, start, end, isCancelled: false, copies: targets.map((t) => t.link) };
    const { event, created } = await this.o.events.create(stored, e.transactionId);
    // A retried create (same transactionId) finishes copies an interrupted first try left out.
    if (!created) return this.syncCopies(event, false);
    this.o.changed(event.mailbox, event.id, 'created');
    await Promise.all(targets.map((t) => this.createCopy(event, t.person, t.link.id)));
    return event;
  }

  /** Brings every attendee's copy in line with the organizer's event; returns the organizer's event as stored. */
  /** The attendees in the organizer's tenant, each with the id their copy has (derived, so known up front). */
  private copyTargets(organizerMailbox: string, organizerEventId: string, attendees: readonly GraphAttendee[]): { person: LocalCalendarPerson; link: EventLink }[] {
    const organizer = this.o.person(organizerMailbox);
    const targets: { person: LocalCalendarPerson; link: EventLink }[] = [];
    for (const a of attendees) {
      const p = this.o.person(a.emailAddress.address);
      if (!p || p.personId === organizerMailbox || targets.some((t) => t.person.personId === p.personId)) continue;
      // Only mailboxes of the organizer's own tenant get a copy here; others receive mail elsewhere.
      if (organizer?.tenantId && p.tenantId && organizer.tenantId !== p.tenantId) continue;
      targets.push({ person: p, link: { mailbox: p.personId, id: copyIdOf(organizerEventId, p.personId) } });
    }
    return targets;
  }

  private async createCopy(organizerEvent: StoredEvent, p: LocalCalendarPerson, copyId: string): Promise<void> {
    const copy = this.copyDoc(organizerEvent, p, copyId, undefined, false);
    await this.o.events.create({ mailbox: p.personId, id: copyId, doc: copy, start: organizerEvent.start, end: organizerEvent.end, isCancelled: organizerEvent.isCancelled, copyOf: { mailbox: organizerEvent.mailbox, id: organizerEvent.id } }, undefined).catch(async (error: unknown) => {
      // Created meanwhile by a concurrent retry: it stands.
      if (!(await this.o.events.get(p.personId, copyId))) throw error;
    });
    this.o.changed(p.personId, copyId, 'created');
  }

  /** Brings every attendee's copy in line with the organizer's event; returns the organizer's event as stored. */
  private async syncCopies(organizerEvent: StoredEvent, timeChanged: boolean): Promise<StoredEvent> {
    const targets = this.copyTargets(organizerEvent.mailbox, organizerEvent.id, (organizerEvent.doc.attendees as GraphAttendee[] | undefined) ?? []);
    const links = targets.map((t) => t.link);
    await Promise.all(
      targets.map(async ({ person: p, link }) => {
        const existing = await this.o.events.get(p.personId, link.id);
        if (!existing) return this.createCopy(organizerEvent, p, link.id);
        if (existing.doc.isCancelled === true && !organizerEvent.isCancelled) return;
        const copy = this.copyDoc(organizerEvent, p, link.id, existing, timeChanged);
        await this.o.events.replace({ ...existing, doc: copy, start: organizerEvent.start, end: organizerEvent.end, isCancelled: organizerEvent.isCancelled });
        this.o.changed(p.personId, link.id, 'updated');
      }),
    );
    // Attendees taken off the meeting get its cancellation.
    for (const gone of (organizerEvent.copies ?? []).filter((l) => !links.some((k) => k.mailbox === l.mailbox))) {
      await this.cancelCopy(gone, '');
    }
    const same = JSON.stringify(organizerEvent.copies ?? []) === JSON.stringify(links);
    if (same) return organizerEvent;
    return this.o.events.replace({ ...organizerEvent, copies: links });
  }

  private copyDoc(organizerEvent: StoredEvent, attendee: LocalCalendarPerson, copyId: string, existing: StoredEvent | undefined, timeChanged: boolean): Record<string, unknown> {
    const { extensions: _x, singleValueExtendedProperties: _p, transactionId: _t, '@odata.context': _c, categories: _cat, ...shared } = organizerEvent.doc;
    const before = existing?.doc.responseStatus as { response: string; time: string } | undefined;
    const responseStatus = !before || timeChanged ? { response: 'notResponded', time: NEVER } : before;
    const stamp = this.stamp();
    return {
      ...shared,
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${encodeURIComponent(attendee.email)}')/calendar/events/$entity`,
      id: copyId,
      createdDateTime: (existing?.doc.createdDateTime as string | undefined) ?? stamp,
      lastModifiedDateTime: stamp,
      changeKey: randomBytes(12).toString('base64'),
      categories: (existing?.doc.categories as string[] | undefined) ?? [],
      transactionId: null,
      isOrganizer: false,
      responseRequested: true,
      showAs: showAsFor(responseStatus.response, String(organizerEvent.doc.showAs ?? 'busy')),
      responseStatus,
    };
  }

  private async cancelCopy(link: EventLink, comment: string): Promise<void> {
    const copy = await this.o.events.get(link.mailbox, link.id);
    if (!copy || copy.isCancelled) return;
    const subject = String(copy.doc.subject ?? '');
    const body = comment ? { contentType: 'text', content: comment } : (copy.doc.body as { contentType: string; content: string });
    await this.o.events.replace({
      ...copy,
      isCancelled: true,
      doc: {
        ...copy.doc,
        isCancelled: true,
        subject: subject.startsWith('Canceled: ') ? subject : `Canceled: ${subject}`,
        body,
        bodyPreview: bodyPreview(body),
        lastModifiedDateTime: this.stamp(),
        changeKey: randomBytes(12).toString('base64'),
      },
    });
    this.o.changed(link.mailbox, link.id, 'updated');
  }

  async patch(e: StoredEvent, patch: EventInput, start: number, end: number): Promise<StoredEvent> {
    const doc: Record<string, unknown> = { ...e.doc };
    for (const [k, v] of Object.entries(patch)) {
      if (k === 'extensions' || k === 'singleValueExtendedProperties' || k === 'transactionId') continue;
      doc[k] = v;
    }
    // Graph's PATCH sets the extended properties it names (by id, case-insensitively) and keeps the others.
    if (patch.singleValueExtendedProperties?.length) {
      const named = new Set(patch.singleValueExtendedProperties.map((p) => p.id.toLowerCase()));
      const kept = ((e.doc.singleValueExtendedProperties as { id: string; value: string }[] | undefined) ?? []).filter((p) => !named.has(p.id.toLowerCase()));
      doc.singleValueExtendedProperties = [...kept, ...patch.singleValueExtendedProperties.map((p) => ({ ...p }))];
    }
    if (patch.attendees) doc.attendees = this.attendeesOf(patch.attendees, e.doc.attendees as GraphAttendee[] | undefined);
    if (patch.body) doc.bodyPreview = bodyPreview(patch.body);
    const timeChanged = start !== e.start || end !== e.end;
    // A meeting at a new time asks its attendees again.
    if (timeChanged && e.copyOf === undefined && Array.isArray(doc.attendees)) {
      doc.attendees = (doc.attendees as GraphAttendee[]).map((a) => ({ ...a, status: { response: 'none', time: NEVER } }));
    }
    doc.start = graphDateTime(start);
    doc.end = graphDateTime(end);
    doc.lastModifiedDateTime = this.stamp();
    doc.changeKey = randomBytes(12).toString('base64');
    let updated = await this.o.events.replace({ ...e, doc, start, end });
    this.o.changed(e.mailbox, e.id, 'updated');
    if (e.copyOf === undefined) updated = await this.syncCopies(updated, timeChanged);
    return updated;
  }

  async respond(attendee: LocalCalendarPerson, e: StoredEvent, action: 'accept' | 'tentativelyAccept' | 'decline', body: unknown): Promise<Answer> {
    const input = responseInput.safeParse(body);
    if (!input.success) return graphError(400, 'ErrorInvalidRequest', 'comment must be a string and sendResponse a boolean.');
    if (!e.copyOf) return graphError(400, 'ErrorInvalidRequest', "Your request can't be completed. You can't respond to a meeting you organized.");
    if (e.isCancelled) return graphError(400, 'ErrorInvalidRequest', "Your request can't be completed. The meeting was cancelled.");
    const response: Response = action === 'accept' ? 'accepted' : action === 'decline' ? 'declined' : 'tentativelyAccepted';
    const time = this.stamp();
    if (response === 'declined') {
      await this.o.events.remove(e);
      this.o.changed(e.mailbox, e.id, 'deleted');
    } else {
      const organizerShowAs = String(e.doc.showAs === 'tentative' ? 'busy' : (e.doc.showAs ?? 'busy'));
      await this.o.events.replace({ ...e, doc: { ...e.doc, responseStatus: { response, time }, showAs: showAsFor(response, organizerShowAs), lastModifiedDateTime: time } });
      this.o.changed(e.mailbox, e.id, 'updated');
    }
    if (input.data?.sendResponse === false) return { status: 202 };
    const organizerEvent = await this.o.events.get(e.copyOf.mailbox, e.copyOf.id);
    if (!organizerEvent) return { status: 202 };
    const attendees = ((organizerEvent.doc.attendees as GraphAttendee[] | undefined) ?? []).map((a) =>
      a.emailAddress.address.toLowerCase() === attendee.email.toLowerCase() ? { ...a, status: { response, time } } : a,
    );
    await this.o.events.replace({ ...organizerEvent, doc: { ...organizerEvent.doc, attendees } });
    this.o.changed(organizerEvent.mailbox, organizerEvent.id, 'updated');
    return { status: 202 };
  }

  async cancel(e: StoredEvent, body: unknown): Promise<Answer> {
    const input = cancelInput.safeParse(body);
    if (!input.success) return graphError(400, 'ErrorInvalidRequest', 'comment must be a string.');
    if (e.copyOf) return graphError(400, 'ErrorInvalidRequest', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
    await this.cancelAsOrganizer(e, input.data?.comment ?? '');
    return { status: 202 };
  }

  async delete(e: StoredEvent): Promise<Answer> {
    if (e.copyOf) {
      await this.o.events.remove(e);
      this.o.changed(e.mailbox, e.id, 'deleted');
    } else {
      await this.cancelAsOrganizer(e, '');
    }
    return { status: 204 };
  }

  private async cancelAsOrganizer(e: StoredEvent, comment: string): Promise<void> {
    for (const link of e.copies ?? []) await this.cancelCopy(link, comment);
    await this.o.events.remove(e);
    this.o.changed(e.mailbox, e.id, 'deleted');
  }

}
