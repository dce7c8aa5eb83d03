/**
 * What a programme's owner sends through the bot, never in their own words to a pair:
 *
 * - An announcement to every member: the text is the owner's (short, under the text rules), recorded
 *   under the client's key, and planned as one bot message per member. A retried POST with the same
 *   key finds the recorded announcement and plans again, which plans only who is missing: nobody
 *   gets it twice. Progress is counts only (planned, sent, waiting for contact hours, not reachable
 *   and why), never who.
 * - A nudge to a pair at risk: a card the product wrote, to both people, at most once in seven days
 *   per pair (a 409 says when the next is possible). The owner writes nothing and sees nothing new.
 */
import { fail, ok, type Result } from '../result';
import type { UseCaseCall } from '../usecases/principal';
import { STORAGE_ALREADY_EXISTS, STORAGE_NOT_FOUND, type MentoringRepositories } from '../ports/repositories';
import type { ProgrammeHealthStore, ProgrammeMessenger, ProgrammeRepository } from '../ports/programmes';
import type { Instant } from '../time/interval';
import { getProgrammeAsOwner, isProgrammeOwner, ownerRoleRequired } from './programme-use-cases';
import type { RiskFlag } from './programme-health';
import type { Programme } from './programme';
import { NUDGE_INTERVAL, type Announcement, type CampaignProgress } from './campaign';

export interface ProgrammeMessagesDeps {
  readonly repos: MentoringRepositories;
  readonly programmes: ProgrammeRepository;
  readonly health: ProgrammeHealthStore;
  /** The bot's delivery pipeline; a failure when this host has none connected. */
  readonly messenger: () => Promise<Result<ProgrammeMessenger>>;
}

export interface AnnouncementView {
  readonly announcement: Announcement;
  readonly progress: CampaignProgress;
}

const announcementNotFound = () => fail('PROGRAMME.ANNOUNCEMENT_NOT_FOUND', 'We could not find that announcement in this programme.', { field: 'announcementId' });

/** Owner only: records the announcement (once per client key) and plans it for every member. */
export async function sendAnnouncement(
  deps: ProgrammeMessagesDeps,
  call: UseCaseCall<{ programmeId: string; clientKey: string; text: string }>,
): Promise<Result<AnnouncementView>> {
  const { principal, input, now } = call;
  const tenantId = principal.tenantId;
  const programme = await getProgrammeAsOwner(deps, { ...call, input: { programmeId: input.programmeId } });
  if (!programme.ok) return programme;
  const text = input.text.trim();
  if (text.length === 0) return fail('PROGRAMME.ANNOUNCEMENT_EMPTY', 'Write the announcement first; it is empty.', { field: 'text' });
  const messenger = await deps.messenger();
  if (!messenger.ok) return messenger;
  let announcement = await deps.programmes.getAnnouncement(tenantId, programme.value.id, input.clientKey);
  if (!announcement.ok) {
    if (announcement.error.code !== STORAGE_NOT_FOUND) return announcement;
    const members = await deps.programmes.listMembers(tenantId, programme.value.id);
    if (!members.ok) return members;
    if (members.value.length === 0) return fail('PROGRAMME.NO_MEMBERS', `Nobody has joined ${programme.value.name} yet, so the announcement would reach no one.`);
    const created = await deps.programmes.createAnnouncement(tenantId, programme.value.id, {
      id: input.clientKey,
      text,
      personIds: members.value.map((m) => m.personId),
      createdBy: principal.userId,
      createdAt: now,
    });
    // Two deliveries of the same POST at once: the one that lost reads what the other recorded.
    announcement = created.ok || created.error.code !== STORAGE_ALREADY_EXISTS ? created : await deps.programmes.getAnnouncement(tenantId, programme.value.id, input.clientKey);
    if (!announcement.ok) return announcement;
  }
  if (announcement.value.text !== text) {
    return fail('PROGRAMME.ANNOUNCEMENT_KEY_REUSED', 'This key was already used for an announcement with other text. Start a new announcement to send different text.', { field: 'clientKey' });
  }
  const progress = await messenger.value.announce({ tenantId, programmeId: programme.value.id, announcementId: announcement.value.id, personIds: announcement.value.personIds, now });
  if (!progress.ok) return progress;
  return ok({ announcement: announcement.value, progress: progress.value });
}

/** Owner only: the announcement and how far it has gone out (counts only). */
export async function getAnnouncement(deps: ProgrammeMessagesDeps, call: UseCaseCall<{ programmeId: string; announcementId: string }>): Promise<Result<AnnouncementView>> {
  const { principal, input } = call;
  const programme = await getProgrammeAsOwner(deps, { ...call, input: { programmeId: input.programmeId } });
  if (!programme.ok) return programme;
  const announcement = await deps.programmes.getAnnouncement(principal.tenantId, programme.value.id, input.announcementId);
  if (!announcement.ok) return announcement.error.code === STORAGE_NOT_FOUND ? announcementNotFound() : announcement;
  const messenger = await deps.messenger();
  if (!messenger.ok) return messenger;
  const progress = await messenger.value.announcementProgress(principal.tenantId, programme.value.id, announcement.value.id);
  if (!progress.ok) return progress;
  return ok({ announcement: announcement.value, progress: progress.value });
}

export interface NudgeOutcome {
  readonly relationshipId: string;
  readonly sentAt: Instant;
  readonly nextPossibleAt: Instant;
  readonly risks: readonly RiskFlag[];
  /** Already nudged by this very request's earlier try: planned again, nothing new. */
  readonly repeated: boolean;
}

/**
 * Owner only: a gentle nudge to both people of a pair at risk, in the product's words. At most one
 * per pair in `NUDGE_INTERVAL`; the nudge is recorded before it is planned, so a retry after a
 * failure in between plans the same nudge (same id, same keys) instead of refusing.
 */
export async function nudgePair(deps: ProgrammeMessagesDeps, call: UseCaseCall<{ programmeId: string; relationshipId: string }>): Promise<Result<NudgeOutcome>> {
  const { principal, input, now } = call;
  if (!isProgrammeOwner(principal)) return ownerRoleRequired();
  const tenantId = principal.tenantId;
  const programme = await getProgrammeAsOwner(deps, { ...call, input: { programmeId: input.programmeId } });
  if (!programme.ok) return programme;
  const pairNotFound = () => fail('PROGRAMME.PAIR_NOT_FOUND', 'That pair is not part of this programme.', { field: 'relationshipId' });
  const relationship = await deps.repos.relationships.get(tenantId, input.relationshipId);
  if (!relationship.ok) return relationship.error.code === STORAGE_NOT_FOUND ? pairNotFound() : relationship;
  if (relationship.value.programmeId !== programme.value.id) return pairNotFound();
  const facts = await deps.health.getPair(tenantId, programme.value.id, input.relationshipId);
  if (!facts.ok) return facts;
  if (relationship.value.status !== 'active' || !facts.value || facts.value.risks.length === 0) {
    return fail('PROGRAMME.PAIR_NOT_AT_RISK', 'This pair is not at risk (any more), so there is nothing to nudge them about.', { field: 'relationshipId' });
  }
  const messenger = await deps.messenger();
  if (!messenger.ok) return messenger;
  const last = await deps.programmes.getNudge(tenantId, programme.value.id, input.relationshipId);
  if (!last.ok && last.error.code !== STORAGE_NOT_FOUND) return last;
  let nudge = last.ok ? last.value : undefined;
  let repeated = false;
  if (nudge && now < nudge.sentAt + NUDGE_INTERVAL) {
    if (nudge.planned) return tooSoon(nudge.sentAt);
    repeated = true;
  } else {
    const saved = await deps.programmes.saveNudge(tenantId, programme.value.id, { relationshipId: input.relationshipId, sentAt: now, by: principal.userId, planned: false }, nudge?.version);
    if (!saved.ok) {
      // Another click won the race: that one is the nudge of these seven days.
      if (saved.error.code === 'STORAGE.CONFLICT' || saved.error.code === STORAGE_ALREADY_EXISTS) {
        const winner = await deps.programmes.getNudge(tenantId, programme.value.id, input.relationshipId);
        return winner.ok ? tooSoon(winner.value.sentAt) : winner;
      }
      return saved;
    }
    nudge = saved.value;
  }
  const rel = relationship.value;
  const planned = await messenger.value.nudge({
    tenantId,
    programmeId: programme.value.id,
    relationshipId: rel.id,
    nudgeId: String(nudge.sentAt),
    personIds: [rel.menteeId, rel.mentorId],
    now,
  });
  if (!planned.ok) return planned;
  const { version, relationshipId: _r, ...rest } = nudge;
  const marked = await deps.programmes.saveNudge(tenantId, programme.value.id, { ...rest, relationshipId: rel.id, planned: true }, version);
  if (!marked.ok && marked.error.code !== 'STORAGE.CONFLICT') return marked;
  return ok({ relationshipId: rel.id, sentAt: nudge.sentAt, nextPossibleAt: nudge.sentAt + NUDGE_INTERVAL, risks: facts.value.risks, repeated });
}

function tooSoon(sentAt: Instant): Result<never> {
  const next = new Date(sentAt + NUDGE_INTERVAL).toISOString();
  return fail('PROGRAMME.NUDGE_TOO_SOON', `This pair was nudged on ${new Date(sentAt).toISOString().slice(0, 10)}; the next nudge is possible from ${next}.`, {
    field: 'relationshipId',
    details: { lastNudgedAt: new Date(sentAt).toISOString(), nextPossibleAt: next },
  });
}

/**
 * The invitation card to everyone on an invited list, each once per programme (planning again plans
 * only who was added). Nothing for other programmes, or one that has ended. Called after an owner
 * saves the programme, and by the hourly programme timer, which makes good a planning that failed.
 */
export async function planInvitations(messenger: ProgrammeMessenger, tenantId: string, programme: Programme, now: Instant): Promise<Result<CampaignProgress | undefined>> {
  if (programme.joinPolicy.kind !== 'invited') return ok(undefined);
  if (new Date(now).toISOString().slice(0, 10) > programme.endDate) return ok(undefined);
  return messenger.invite({ tenantId, programmeId: programme.id, personIds: programme.joinPolicy.personIds, now });
}
