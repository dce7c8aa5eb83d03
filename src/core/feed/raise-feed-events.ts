/**
 * What the hosts call after the product recorded something that needs a person: the events are
 * built (feed-events.ts), the names they show read, and the jobs queued for the feed worker, each
 * hidden until it is due. Raising the same event again (a retried request, the next sync run) queues
 * a job with the same key, which the ledger sends once.
 */
import type { ProactiveMessage } from '../delivery/bot-message';
import type { MentoringRepositories } from '../ports/repositories';
import type { FeedJob, FeedQueue } from '../ports/feed';
import { publishedPairId, type Programme, type ProgrammeCohort } from '../programmes/programme';
import type { Meeting, OutlookChange } from '../relationships/meeting';
import type { MentoringRequest } from '../requests/mentoring-request';
import type { Profile } from '../profiles/profile';
import { ok, type Result } from '../result';
import { STORAGE_NOT_FOUND } from '../ports/repositories';
import type { Instant } from '../time/interval';
import { agreementVersionId } from '../relationships/agreement-version';
import {
  agreementToAcceptEvent,
  checkInDueEvent,
  meetingMovedOutsideEvents,
  newlyInvited,
  programmeInvitationEvents,
  requestWaitingEvent,
  type FeedEvent,
} from './feed-events';

export interface FeedRaiseDeps {
  readonly repos: Pick<MentoringRepositories, 'profiles' | 'relationships' | 'requests'>;
  readonly queue: FeedQueue;
  readonly newJobId: () => string;
}

/** Queues the events, one queue write per delay (whole seconds, as the queue counts them). */
export async function queueFeedEvents(deps: Pick<FeedRaiseDeps, 'queue' | 'newJobId'>, events: readonly FeedEvent[], now: Instant): Promise<number> {
  const byDelay = new Map<number, FeedJob[]>();
  for (const event of events) {
    const delay = Math.ceil(Math.max(0, event.notBefore - now) / 1000) * 1000;
    byDelay.set(delay, [...(byDelay.get(delay) ?? []), { event, jobId: deps.newJobId(), attempt: 0 }]);
  }
  await Promise.all([...byDelay].map(([delayMs, jobs]) => deps.queue.enqueue(jobs, delayMs)));
  return events.length;
}

/** Someone without a profile yet is named by what the directory gave us at sign-in: nothing; a dash keeps the line readable. */
const NO_NAME = '—';

/** The names notifications show, from profiles already read (`profiles[i]` is `personIds[i]`'s). */
export function namesFromProfiles(personIds: readonly string[], profiles: readonly Result<Pick<Profile, 'displayName'>>[]): (personId: string) => string {
  const names = new Map<string, string>();
  personIds.forEach((personId, i) => {
    const profile = profiles[i];
    if (profile?.ok) names.set(personId, profile.value.displayName);
  });
  return (personId) => names.get(personId) || NO_NAME;
}

async function namesOf(deps: Pick<FeedRaiseDeps, 'repos'>, tenantId: string, personIds: readonly string[]): Promise<(personId: string) => string> {
  const unique = [...new Set(personIds)];
  return namesFromProfiles(unique, await Promise.all(unique.map((p) => deps.repos.profiles.get(tenantId, p))));
}

/** A request was created: its mentor is asked (programme pairs published as invitations too). */
export async function raiseRequestWaiting(deps: FeedRaiseDeps, tenantId: string, request: MentoringRequest, now: Instant): Promise<Result<number>> {
  const name = await namesOf(deps, tenantId, [request.menteeId]);
  const event = requestWaitingEvent(tenantId, request, name(request.menteeId));
  return ok(event ? await queueFeedEvents(deps, [event], now) : 0);
}

const PUBLISH_READS_AT_ONCE = 20;

/**
 * A programme's cohort published as invitations: each pair's request (under its fixed id) waits for
 * its mentor, as a request a mentee sent does. A request already answered asks nobody.
 */
export async function raisePublishedInvitations(deps: FeedRaiseDeps, tenantId: string, programmeId: string, cohort: Pick<ProgrammeCohort, 'round' | 'pairs'>, now: Instant): Promise<Result<number>> {
  const events: FeedEvent[] = [];
  const indexes = [...cohort.pairs.keys()];
  // A cohort can be hundreds of pairs: read them a few at a time, side by side.
  for (let i = 0; i < indexes.length; i += PUBLISH_READS_AT_ONCE) {
    const requests = await Promise.all(indexes.slice(i, i + PUBLISH_READS_AT_ONCE).map((index) => deps.repos.requests.get(tenantId, publishedPairId(programmeId, cohort.round, index))));
    const open = requests.flatMap((r) => (r.ok && r.value.status === 'open' ? [r.value] : []));
    if (open.length === 0) continue;
    const name = await namesOf(deps, tenantId, open.map((r) => r.menteeId));
    for (const request of open) {
      const event = requestWaitingEvent(tenantId, request, name(request.menteeId));
      if (event) events.push(event);
    }
  }
  return ok(events.length > 0 ? await queueFeedEvents(deps, events, now) : 0);
}

/** A version of the agreement was proposed: the partner is asked to accept it. */
export async function raiseAgreementToAccept(deps: FeedRaiseDeps, tenantId: string, relationshipId: string, versionNumber: number, now: Instant): Promise<Result<number>> {
  const relationship = await deps.repos.relationships.get(tenantId, relationshipId);
  if (!relationship.ok) return relationship;
  const version = await deps.repos.relationships.agreementVersions.get(tenantId, relationshipId, agreementVersionId(versionNumber));
  if (!version.ok) return version;
  const name = await namesOf(deps, tenantId, [version.value.proposedBy]);
  const event = agreementToAcceptEvent(tenantId, relationship.value, version.value, name(version.value.proposedBy));
  return ok(event ? await queueFeedEvents(deps, [event], now) : 0);
}

/** The calendar sync's recorded changes: each move outside the agreement (not sent anyway) tells both. */
export async function raiseMeetingsMovedOutside(
  deps: FeedRaiseDeps,
  tenantId: string,
  changes: readonly (OutlookChange & { readonly relationshipId: string; readonly meetingId: string })[],
  now: Instant,
): Promise<Result<number>> {
  const moves = changes.filter((c) => c.kind === 'moved' && !c.sentAnyway);
  const events: FeedEvent[] = [];
  for (const change of moves) {
    const relationship = await deps.repos.relationships.get(tenantId, change.relationshipId);
    if (!relationship.ok) return relationship;
    const meeting = await deps.repos.relationships.meetings.get(tenantId, change.relationshipId, change.meetingId);
    if (!meeting.ok) return meeting;
    // The meeting as stored now: still where this move put it and still flagged (a later move has its own event).
    if (meeting.value.start !== change.start) continue;
    const name = await namesOf(deps, tenantId, [relationship.value.mentorId, relationship.value.menteeId]);
    events.push(...meetingMovedOutsideEvents(tenantId, relationship.value, meeting.value, change, name));
  }
  return ok(events.length > 0 ? await queueFeedEvents(deps, events, now) : 0);
}

/** A programme was created or its invited list changed: each newly invited person hears once. */
export async function raiseProgrammeInvitations(deps: FeedRaiseDeps, tenantId: string, programme: Programme, before: Programme | undefined, now: Instant): Promise<Result<number>> {
  const events = programmeInvitationEvents(tenantId, programme, newlyInvited(before?.joinPolicy, programme.joinPolicy), now);
  return ok(events.length > 0 ? await queueFeedEvents(deps, events, now) : 0);
}

/**
 * The check-ins the bot's planning selected: each becomes a "check-in due" notification too. The
 * partner's name comes from profiles the caller read already (`pairNames`); otherwise it is read
 * when the notification is sent (`subjectPersonId`, `nameForFeed`), so planning reads no profile.
 */
export function checkInDueEvents(
  pair: { readonly mentorId: string; readonly menteeId: string },
  checkIns: readonly ProactiveMessage[],
  meetings: readonly Pick<Meeting, 'id' | 'start'>[],
  pairNames?: (personId: string) => string,
): FeedEvent[] {
  return checkIns.flatMap((m) => {
    if (m.kind !== 'checkin') return [];
    const meeting = meetings.find((x) => x.id === m.meetingId);
    const partner = m.personId === pair.mentorId ? pair.menteeId : pair.mentorId;
    const event = meeting ? checkInDueEvent(m, pairNames ? { personId: partner, name: pairNames(partner) } : { personId: partner }, meeting.start) : undefined;
    return event ? [event] : [];
  });
}

/**
 * A person's name as a notification shows it, read as it is sent: the profile's display name, a dash
 * for someone without a profile yet (as when names are read at raising); a store that does not
 * answer is its failure, so the notification is tried again rather than sent without the name.
 */
export async function nameForFeed(repos: Pick<MentoringRepositories, 'profiles'>, tenantId: string, personId: string): Promise<Result<string>> {
  const profile = await repos.profiles.get(tenantId, personId);
  if (!profile.ok) return profile.error.code === STORAGE_NOT_FOUND ? ok(NO_NAME) : profile;
  return ok(profile.value.displayName || NO_NAME);
}

/**
 * Whether the event still needs the person when its notification is about to go out (it may have
 * waited for their contact hours): a request still open, a version they have not accepted in a
 * relationship still active, a check-in they have not written, a meeting still where the move put it
 * and still outside the agreement. What the person would see must be true; a notification about
 * something already done is not sent. A programme invitation stays worth sending.
 */
export async function feedEventStillNeeded(repos: Pick<MentoringRepositories, 'requests' | 'relationships'>, event: FeedEvent): Promise<Result<boolean>> {
  const d = event.detail;
  const gone = (error: { code: string }) => error.code === STORAGE_NOT_FOUND;
  if (d.kind === 'programme') return ok(true);
  if (d.kind === 'request') {
    const request = await repos.requests.get(event.tenantId, d.requestId);
    if (!request.ok) return gone(request.error) ? ok(false) : request;
    return ok(request.value.status === 'open');
  }
  const relationshipId = event.relationshipId;
  if (relationshipId === undefined) return ok(true);
  const relationship = await repos.relationships.get(event.tenantId, relationshipId);
  if (!relationship.ok) return gone(relationship.error) ? ok(false) : relationship;
  if (relationship.value.status !== 'active') return ok(false);
  if (d.kind === 'agreement') {
    const version = await repos.relationships.agreementVersions.get(event.tenantId, relationshipId, agreementVersionId(d.version));
    if (!version.ok) return gone(version.error) ? ok(false) : version;
    return ok(!version.value.acceptedBy.includes(event.personId));
  }
  if (d.kind === 'checkIn') {
    const checkIns = await repos.relationships.checkIns.list(event.tenantId, relationshipId);
    if (!checkIns.ok) return checkIns;
    return ok(!checkIns.value.some((c) => c.meetingId === d.meetingId && c.authorId === event.personId));
  }
  const meeting = await repos.relationships.meetings.get(event.tenantId, relationshipId, d.meetingId);
  if (!meeting.ok) return gone(meeting.error) ? ok(false) : meeting;
  return ok(meeting.value.status === 'planned' && meeting.value.outsideBoundaries === true && meeting.value.start === d.start);
}
