/**
 * What every booking use case loads first: the relationship with its parts (one storage partition),
 * the agreement both accepted, and both people as the calendar knows them.
 */
import { fail, ok, type Result } from '../result';
import type { Agreement } from '../agreement/agreement';
import { checkAgreementNumbers } from '../agreement/agreement-limits';
import type { CalendarPerson, PlannedMeetingEvent } from '../ports/calendar';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { Meeting } from '../relationships/meeting';
import type { RelationshipAggregate } from '../relationships/relationship';
import type { Principal } from '../usecases/principal';
import { relationshipNotFound } from '../usecases/relationship-access';
import { renderMeetingAgenda } from '../agenda/agenda-from-domain';
import type { RenderedAgenda } from '../agenda/agenda';
import { bookingSettings, type BookingDeps, type BookingSettings } from './booking-ports';

export interface BookingContext {
  readonly tenantId: string;
  readonly aggregate: RelationshipAggregate;
  readonly agreement: Agreement;
  readonly mentor: CalendarPerson;
  readonly mentee: CalendarPerson;
  readonly organizer: CalendarPerson;
  readonly attendee: CalendarPerson;
  readonly settings: BookingSettings;
}

export const noActiveAgreement = () =>
  fail('BOOKING.NO_ACTIVE_AGREEMENT', 'Meetings are booked inside the agreement; both of you must accept one first.', { field: 'agreement' });

export const meetingNotFound = () => fail('BOOKING.MEETING_NOT_FOUND', 'That meeting does not exist in this relationship.', { field: 'meetingId' });

/** For a signed-in person: strangers get the same not-found as a missing id. */
export async function loadContextForPerson(deps: BookingDeps, principal: Principal, relationshipId: string, needsActive = true): Promise<Result<BookingContext>> {
  const agreed = await loadAgreementForPerson(deps, principal, relationshipId, needsActive);
  if (!agreed.ok) return agreed;
  return withPeople(deps, principal.tenantId, agreed.value);
}

/** What a relationship's agreement decides, from storage alone (no calendar, no directory). */
export interface AgreedRelationship {
  readonly aggregate: RelationshipAggregate;
  readonly agreement: Agreement;
}

/** The relationship and its active agreement for a member of the pair; strangers get the same not-found as a missing id. */
export async function loadAgreementForPerson(deps: Pick<BookingDeps, 'repos'>, principal: Principal, relationshipId: string, needsActive = true): Promise<Result<AgreedRelationship>> {
  const agreed = await loadAgreement(deps, principal.tenantId, relationshipId);
  if (!agreed.ok) return agreed;
  const { relationship } = agreed.value.aggregate;
  if (relationship.mentorId !== principal.userId && relationship.menteeId !== principal.userId) return relationshipNotFound();
  if (needsActive && relationship.status === 'closed') {
    return fail('RELATIONSHIP.CLOSED', 'This mentoring relationship is closed, so no meetings can be booked or changed.');
  }
  return agreed;
}

async function loadAgreement(deps: Pick<BookingDeps, 'repos'>, tenantId: string, relationshipId: string): Promise<Result<AgreedRelationship>> {
  const aggregate = await deps.repos.relationships.getAggregate(tenantId, relationshipId);
  if (!aggregate.ok) return aggregate.error.code === STORAGE_NOT_FOUND ? relationshipNotFound() : aggregate;
  const { relationship, agreementVersions } = aggregate.value;
  const active = agreementVersions.find((v) => v.number === relationship.activeAgreementVersion);
  if (relationship.activeAgreementVersion === undefined || !active) return noActiveAgreement();
  // Agreements accepted before the bounds existed may hold numbers no calendar can plan with.
  const numbers = checkAgreementNumbers(active.agreement);
  if (!numbers.ok) {
    return fail('BOOKING.AGREEMENT_OUT_OF_BOUNDS', `The agreement both accepted cannot be planned: ${numbers.error.message} Propose a new version of the agreement.`, {
      field: `agreement.${numbers.error.field ?? ''}`,
    });
  }
  return ok({ aggregate: aggregate.value, agreement: active.agreement });
}

/** For background work (timers, agenda refresh after a change), already scoped to a tenant. */
export async function loadContext(deps: BookingDeps, tenantId: string, relationshipId: string): Promise<Result<BookingContext>> {
  const agreed = await loadAgreement(deps, tenantId, relationshipId);
  if (!agreed.ok) return agreed;
  return withPeople(deps, tenantId, agreed.value);
}

/** Both people as the directory knows them (their mailbox addresses for the calendar). */
export async function withPeople(deps: BookingDeps, tenantId: string, agreed: AgreedRelationship): Promise<Result<BookingContext>> {
  const { relationship } = agreed.aggregate;
  const people = await deps.directory.findPeople(tenantId, [relationship.mentorId, relationship.menteeId]);
  if (!people.ok) return people;
  const [mentor, mentee] = people.value;
  if (!mentor || !mentee) return fail('DIRECTORY.PERSON_NOT_FOUND', 'One of the pair is not in the directory any more.');
  const settings = bookingSettings(deps);
  const menteeOrganizes = settings.organizer === 'mentee';
  return ok({
    tenantId,
    aggregate: agreed.aggregate,
    agreement: agreed.agreement,
    mentor,
    mentee,
    organizer: menteeOrganizes ? mentee : mentor,
    attendee: menteeOrganizes ? mentor : mentee,
    settings,
  });
}

/** The invite of one meeting: its agenda from the roadmap, goals, open items and pre-work. */
export function agendaOf(context: BookingContext, meeting: Pick<Meeting, 'number'>): RenderedAgenda {
  const { aggregate, settings, agreement } = context;
  return renderMeetingAgenda({
    locale: settings.locale,
    relationship: aggregate.relationship,
    names: { [context.mentor.personId]: context.mentor.displayName, [context.mentee.personId]: context.mentee.displayName },
    meetingNumber: meeting.number,
    ...(agreement.meetingCount !== undefined ? { meetingCount: agreement.meetingCount } : {}),
    ...(aggregate.roadmap ? { roadmap: aggregate.roadmap } : {}),
    goals: aggregate.goals,
    actionItems: aggregate.actionItems,
    ...(settings.appLink ? { appLink: settings.appLink(aggregate.relationship.id) } : {}),
  });
}

export function plannedEventOf(context: BookingContext, meeting: Meeting, agenda: RenderedAgenda): PlannedMeetingEvent {
  return {
    meetingId: meeting.id,
    relationshipId: context.aggregate.relationship.id,
    organizer: context.organizer,
    attendees: [context.attendee],
    subject: agenda.subject,
    bodyHtml: agenda.html,
    start: meeting.start,
    end: meeting.end,
    location: context.agreement.location,
  };
}

/** Reads a meeting again after a conflicting write, to see whether the other writer already did our work. */
export async function reloadMeeting(deps: BookingDeps, context: BookingContext, meetingId: string): Promise<Result<Meeting>> {
  return deps.repos.relationships.meetings.get(context.tenantId, context.aggregate.relationship.id, meetingId);
}
