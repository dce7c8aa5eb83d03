import { z } from 'zod';
import type { CohortMatch, CohortMentee, CohortMentor, CohortRules } from '../core/matching/match-cohort';
import { WeeklyWindowSchema } from './agreement';
import { formatted, Id, LIMITS, labels, LocalDateText, multilineText, text, TimeZoneText, toIso, Version } from './common';
import type { AnnouncementView, NudgeOutcome } from '../core/programmes/programme-messages';
import type { Programme, ProgrammeMember } from '../core/programmes/programme';
import type { HealthView, MemberView, ProgrammeView } from '../core/programmes/programme-use-cases';
import type { MemberProgrammeView, PersonFound } from '../core/programmes/member-programmes';
import { PAIR_STAGES, SMALLEST_GROUP, type PairStage } from '../core/programmes/programme-health';
import type { CohortView, PublishOutcome } from '../core/programmes/cohort-use-cases';
import { Seniority } from './profiles';

/** The app role (Entra `roles` claim) that may run programmes. */
export { PROGRAMME_OWNER_ROLE } from '../core/programmes/programme';

const Availability = z
  .object({
    timeZone: TimeZoneText,
    meetingWindows: z.array(WeeklyWindowSchema).min(1).max(28),
    workingHours: z.array(WeeklyWindowSchema).max(28).optional(),
  })
  .strict();
// Skills and languages follow the profile's rules (text rules, lengths), as the profile contract declares them.
const Skills = labels(LIMITS.labels);
const Languages = labels(LIMITS.languages);
const PairRefSchema = z.object({ menteeId: Id, mentorId: Id }).strict();

/** POST /api/programmes/cohort-matches: the cohort and the owner's rules. */
export const CohortMatchBody = z
  .object({
    mentees: z
      .array(z.object({ personId: Id, seniority: Seniority, skillsToLearn: Skills, languages: Languages, managerId: Id.optional(), availability: Availability }).strict())
      .min(1)
      .max(2500),
    mentors: z
      .array(
        z
          .object({
            personId: Id,
            seniority: Seniority,
            skillsToTeach: Skills,
            languages: Languages,
            managerId: Id.optional(),
            capacity: z.number().int().min(0).max(20),
            openToReverseMentoring: z.boolean(),
            availability: Availability,
          })
          .strict(),
      )
      .min(1)
      .max(2500),
    rules: z
      .object({
        meetingMinutes: z.number().int().min(15).max(240),
        firstDate: LocalDateText,
        lastDate: LocalDateText.optional(),
        reversePairs: z.enum(['allowed', 'never', 'only']),
        pinned: z.array(PairRefSchema).max(2500).default([]),
        excluded: z.array(PairRefSchema).max(10000).default([]),
      })
      .strict(),
  })
  .strict();
export type CohortMatchBody = z.infer<typeof CohortMatchBody>;

export function toCohortInput(body: CohortMatchBody): { mentees: CohortMentee[]; mentors: CohortMentor[]; rules: CohortRules } {
  const { lastDate, ...rules } = body.rules;
  return {
    mentees: body.mentees.map(({ managerId, availability, ...m }) => ({ ...m, ...(managerId ? { managerId } : {}), availability: withoutUndefined(availability) })),
    mentors: body.mentors.map(({ managerId, availability, ...m }) => ({ ...m, ...(managerId ? { managerId } : {}), availability: withoutUndefined(availability) })),
    rules: { ...rules, ...(lastDate ? { lastDate } : {}) },
  };
}

function withoutUndefined(a: CohortMatchBody['mentees'][number]['availability']): CohortMentee['availability'] {
  const { workingHours, ...rest } = a;
  return workingHours ? { ...rest, workingHours } : rest;
}

/** The suggestion as the owner reviews it: the pairs with scores and weekly overlap in both zones; no profile text. */
export function toCohortMatchDto(match: CohortMatch) {
  return {
    pairs: match.pairs.map((p) => ({
      menteeId: p.menteeId,
      mentorId: p.mentorId,
      score: p.score,
      reverse: p.reverse,
      pinned: p.pinned,
      overlap: { minutesPerWeek: p.overlap.minutesPerWeek, weekStart: new Date(p.overlap.weekStart).toISOString(), mentor: p.overlap.mentor, mentee: p.overlap.mentee },
    })),
    unmatched: match.unmatched,
    totalScore: match.totalScore,
    candidatesPerMentee: match.candidatesPerMentee,
  };
}

// ---- Stored programmes ----------------------------------------------------------------------

/** A Microsoft Entra group's Object ID (a GUID), as the Entra admin center shows it. */
const GroupId = formatted(z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'must be a group Object ID (a GUID)'), 'Entra group id');

const JoinPolicySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }).strict(),
  z.object({ kind: z.literal('invited'), personIds: z.array(Id).min(1).max(5000) }).strict(),
  z.object({ kind: z.literal('entraGroup'), groupId: GroupId }).strict(),
]);

const DefaultAgreementSchema = z
  .object({
    cadence: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('weekly') }).strict(),
      z.object({ kind: z.literal('biweekly') }).strict(),
      z.object({ kind: z.literal('monthly') }).strict(),
      z.object({ kind: z.literal('everyNDays'), days: z.number().int() }).strict(),
    ]),
    meetingMinutes: z.number().int(),
    meetingCount: z.number().int(),
  })
  .strict();

const programmeFields = {
  name: text(LIMITS.title).refine((s) => s.trim().length > 0, 'must not be empty'),
  purpose: text(LIMITS.shortText),
  startDate: LocalDateText,
  endDate: LocalDateText,
  joinPolicy: JoinPolicySchema,
  kind: z.enum(['mentoring', 'reverse', 'both']),
  matchingMode: z.enum(['organic', 'assisted', 'cohort']),
  mentorCapacity: z.number().int().min(1).max(20),
  defaultAgreement: DefaultAgreementSchema,
  roadmapTemplateIds: z.array(Id).max(20),
  goals: z.array(text(LIMITS.title)).max(10),
  publishAs: z.enum(['accepted', 'invitation']),
};

/** POST /api/programmes (owners). */
export const CreateProgrammeBody = z.object(programmeFields).strict();
export type CreateProgrammeBody = z.infer<typeof CreateProgrammeBody>;

/** PATCH /api/programmes/{programmeId} (owners): any fields, and the version read. */
export const UpdateProgrammeBody = z.object({ ...programmeFields, version: Version }).partial().required({ version: true }).strict();
export type UpdateProgrammeBody = z.infer<typeof UpdateProgrammeBody>;

export const ProgrammeParams = z.object({ programmeId: Id }).strict();

/** PUT /api/programmes/{programmeId}/membership: join (or change one's role and windows). */
export const JoinProgrammeBody = z
  .object({
    role: z.enum(['mentee', 'mentor']),
    timeZone: TimeZoneText,
    meetingWindows: z.array(WeeklyWindowSchema).min(1).max(28),
    workingHours: z.array(WeeklyWindowSchema).max(28).optional(),
  })
  .strict();
export type JoinProgrammeBody = z.infer<typeof JoinProgrammeBody>;

export function toProgrammeDto(p: Programme) {
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    startDate: p.startDate,
    endDate: p.endDate,
    joinPolicy: p.joinPolicy,
    kind: p.kind,
    matchingMode: p.matchingMode,
    mentorCapacity: p.mentorCapacity,
    defaultAgreement: p.defaultAgreement,
    roadmapTemplateIds: p.roadmapTemplateIds,
    goals: p.goals,
    publishAs: p.publishAs,
    createdAt: toIso(p.createdAt),
    updatedAt: toIso(p.updatedAt),
    version: p.version,
  };
}
export type ProgrammeDto = ReturnType<typeof toProgrammeDto>;

export function toMembershipDto(m: ProgrammeMember) {
  return {
    personId: m.personId,
    role: m.role,
    timeZone: m.timeZone,
    meetingWindows: m.meetingWindows,
    ...(m.workingHours ? { workingHours: m.workingHours } : {}),
    joinedAt: toIso(m.joinedAt),
    version: m.version,
  };
}

/**
 * A programme in the caller's list. Someone who is not an owner sees who may join only as a kind
 * (an invited list's people and a group's id stay with the owners).
 */
export function toProgrammeViewDto(view: ProgrammeView) {
  const dto = toProgrammeDto(view.programme);
  const { joinPolicy, version, createdAt, updatedAt, ...rest } = dto;
  return view.asOwner
    ? { ...dto, ...(view.membership ? { membership: toMembershipDto(view.membership) } : {}) }
    : { ...rest, joinPolicy: { kind: joinPolicy.kind }, ...(view.membership ? { membership: toMembershipDto(view.membership) } : {}) };
}

/** The owner's member list: names, roles and dates; the stated windows stay with matching. */
export function toMemberListDto(members: readonly MemberView[]) {
  return {
    members: members.map(({ member, displayName }) => ({ personId: member.personId, displayName, role: member.role, timeZone: member.timeZone, joinedAt: toIso(member.joinedAt) })),
    counts: { mentees: members.filter((m) => m.member.role === 'mentee').length, mentors: members.filter((m) => m.member.role === 'mentor').length },
  };
}

// ---- The member's side, and the owner's people search ------------------------------------------

/**
 * A programme as a person it is open to sees it (GET /api/me/programmes[/{programmeId}]): what it is,
 * when, and their own membership. Never who else may join or joined, nor its health.
 */
export function toMemberProgrammeDto(view: MemberProgrammeView) {
  const p = view.programme;
  return {
    id: p.id,
    name: p.name,
    purpose: p.purpose,
    startDate: p.startDate,
    endDate: p.endDate,
    kind: p.kind,
    matchingMode: p.matchingMode,
    ended: view.ended,
    ...(view.membership ? { membership: { role: view.membership.role, joinedAt: toIso(view.membership.joinedAt) } } : {}),
  };
}
export type MemberProgrammeDto = ReturnType<typeof toMemberProgrammeDto>;

/** GET /api/programmes/people?q= (owners): a name or job title, at least two letters. */
export const PeopleSearchQuery = z.object({ q: text(LIMITS.title) }).strict();

export function toPeopleFoundDto(people: readonly PersonFound[]) {
  return { people: people.map((p) => ({ id: p.userId, displayName: p.displayName, jobTitle: p.jobTitle })) };
}
export type PeopleFoundDto = ReturnType<typeof toPeopleFoundDto>;

// ---- A programme's cohort: suggest, review, change, publish -----------------------------------

/** POST /api/programmes/{programmeId}/matches: run the matcher over the members, with the owner's pins and exclusions. */
export const SuggestProgrammeMatchesBody = z
  .object({ pinned: z.array(PairRefSchema).max(2500).default([]), excluded: z.array(PairRefSchema).max(10000).default([]) })
  .strict();

/** PUT /api/programmes/{programmeId}/matches: the whole assignment after the owner's swaps, with the version reviewed. */
export const ChangeProgrammeMatchesBody = z.object({ pairs: z.array(PairRefSchema).max(2500), version: Version }).strict();

/** POST /api/programmes/{programmeId}/matches/publish: the version reviewed. */
export const PublishProgrammeMatchesBody = z.object({ version: Version }).strict();

/** The cohort as the owner reviews it: names, scores, weekly overlap; never profile text. */
export function toCohortViewDto(view: CohortView) {
  const { cohort, match, names } = view;
  const overlapOf = new Map((match?.pairs ?? []).map((p) => [p.menteeId, p.overlap] as const));
  const name = (id: string) => names.get(id) ?? 'Former colleague';
  return {
    programmeId: view.programme.id,
    round: cohort.round,
    status: cohort.status,
    totalScore: cohort.totalScore,
    pairs: cohort.pairs.map((p) => {
      const overlap = overlapOf.get(p.menteeId);
      return {
        menteeId: p.menteeId,
        menteeName: name(p.menteeId),
        mentorId: p.mentorId,
        mentorName: name(p.mentorId),
        score: p.score,
        reverse: p.reverse,
        pinned: p.pinned,
        minutesPerWeek: p.minutesPerWeek,
        ...(overlap ? { overlap: { weekStart: toIso(overlap.weekStart), mentor: overlap.mentor, mentee: overlap.mentee } } : {}),
      };
    }),
    unmatched: cohort.unmatched.map((u) => ({ menteeId: u.menteeId, menteeName: name(u.menteeId), candidates: u.candidates })),
    notMatchable: cohort.notMatchable.length,
    ...(cohort.publishedAt !== undefined ? { publishedAt: toIso(cohort.publishedAt) } : {}),
    updatedAt: toIso(cohort.updatedAt),
    version: cohort.version,
  };
}

export function toPublishOutcomeDto(outcome: PublishOutcome) {
  return {
    round: outcome.cohort.round,
    status: outcome.cohort.status,
    pairs: outcome.cohort.pairs.length,
    created: outcome.created,
    alreadyThere: outcome.alreadyThere,
    skipped: outcome.skipped,
    ...(outcome.cohort.publishedAt !== undefined ? { publishedAt: toIso(outcome.cohort.publishedAt) } : {}),
  };
}

// ---- Health -------------------------------------------------------------------------------------

/**
 * The dashboard: counts from facts, and the pairs at risk with names and facts only. The under-five
 * rule: an aggregate over fewer than five people is not shown (null), and `hidden` says which and why;
 * with fewer than five people in the whole programme, every aggregate is hidden.
 */
export function toHealthDto(view: HealthView) {
  const h = view.health;
  const people = h.pairs * 2;
  const whole = people >= SMALLEST_GROUP;
  const shown = (n: number, peopleIn: number) => (whole && (peopleIn === 0 || peopleIn >= SMALLEST_GROUP) ? n : null);
  const hidden: string[] = [];
  const byStage = Object.fromEntries(
    PAIR_STAGES.map((stage) => {
      const value = shown(h.byStage[stage], h.byStage[stage] * 2);
      if (value === null) hidden.push(`byStage.${stage}`);
      return [stage, value];
    }),
  ) as Record<PairStage, number | null>;
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((1000 * a) / b) / 1000 : null);
  return {
    pairs: whole ? h.pairs : null,
    smallGroup: !whole,
    hidden: whole ? hidden : ['all'],
    hiddenReason: whole && hidden.length === 0 ? null : `Numbers about fewer than ${SMALLEST_GROUP} people are not shown, so that no one can be picked out.`,
    byStage,
    meetings: whole ? h.meetings : null,
    checkInResponseRate: whole ? ratio(h.checkIns.answered, h.checkIns.expected) : null,
    goalProgressAverage: whole && h.goals.count > 0 ? Math.round(h.goals.progressSum / h.goals.count) : null,
    daysToFirstMeeting: shown(h.firstMeeting.pairs > 0 ? Math.round((10 * h.firstMeeting.daysSum) / h.firstMeeting.pairs) / 10 : 0, h.firstMeeting.pairs * 2),
    atRisk: {
      total: view.atRiskTotal,
      pairs: view.atRisk.map((p) => ({
        relationshipId: p.relationshipId,
        menteeId: p.menteeId,
        menteeName: p.menteeName,
        mentorId: p.mentorId,
        mentorName: p.mentorName,
        stage: p.stage,
        risks: p.risks,
        ...(p.lastHeldAt !== undefined ? { lastHeldAt: toIso(p.lastHeldAt) } : {}),
        asOf: toIso(p.asOf),
      })),
    },
    updatedAt: h.updatedAt > 0 ? toIso(h.updatedAt) : null,
  };
}
export type HealthDto = ReturnType<typeof toHealthDto>;

// ---- Messages through the bot: announcements and nudges --------------------------------------

/** The longest announcement, in characters (a short note, not a newsletter). */
export const ANNOUNCEMENT_MAX_CHARS = LIMITS.shortText;

/**
 * POST /api/programmes/{programmeId}/announcements (owners). `clientKey`: a fresh id the client makes
 * once per announcement (a UUID) and sends again on a retry, so a retry never plans twice.
 */
export const SendAnnouncementBody = z
  .object({
    clientKey: Id,
    text: multilineText(ANNOUNCEMENT_MAX_CHARS).refine((s) => s.trim().length > 0, 'must not be empty'),
  })
  .strict();
export type SendAnnouncementBody = z.infer<typeof SendAnnouncementBody>;

/** GET /api/programmes/{programmeId}/announcements/{announcementId}. */
export const AnnouncementParams = z.object({ programmeId: Id, announcementId: Id }).strict();

/** POST /api/programmes/{programmeId}/pairs/{relationshipId}/nudge (owners; no body). */
export const PairParams = z.object({ programmeId: Id, relationshipId: Id }).strict();

/**
 * An announcement and how far it has gone out: counts only, never who. `done` once nobody is left
 * queued or waiting for their contact hours.
 */
export function toAnnouncementDto(view: AnnouncementView) {
  const { announcement: a, progress: p } = view;
  return {
    id: a.id,
    text: a.text,
    createdAt: toIso(a.createdAt),
    recipients: a.personIds.length,
    progress: {
      planned: p.planned,
      queued: p.queued,
      sent: p.sent,
      waiting: p.waiting,
      notReachable: p.notReachable,
      notReachableByReason: p.notReachableByReason,
    },
    done: p.planned >= a.personIds.length && p.queued === 0 && p.waiting === 0,
  };
}
export type AnnouncementDto = ReturnType<typeof toAnnouncementDto>;

export function toNudgeDto(outcome: NudgeOutcome) {
  return {
    relationshipId: outcome.relationshipId,
    nudgedAt: toIso(outcome.sentAt),
    nextPossibleAt: toIso(outcome.nextPossibleAt),
    risks: outcome.risks,
  };
}
export type NudgeDto = ReturnType<typeof toNudgeDto>;
