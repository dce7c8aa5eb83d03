/**
 * What a stored row must look like when it is read back. Each schema is typed against the core
 * entity (without its version, which is the row's ETag), so the compiler flags any drift between
 * the domain and what we accept from storage.
 */
import { z } from 'zod';
import type { Unversioned } from '../../core/ports/repositories';
import type { Profile } from '../../core/profiles/profile';
import { SENIORITY_LEVELS } from '../../core/profiles/profile';
import type { MentoringRequest } from '../../core/requests/mentoring-request';
import type { Relationship } from '../../core/relationships/relationship';
import type { AgreementVersion } from '../../core/relationships/agreement-version';
import type { Meeting } from '../../core/relationships/meeting';
import type { Goal } from '../../core/goals/goal';
import type { Roadmap } from '../../core/roadmap/roadmap';
import type { ActionItem } from '../../core/actions/action-item';
import type { CheckIn } from '../../core/checkins/check-in';
import type { Agreement } from '../../core/agreement/agreement';

/**
 * Loose objects keep fields this build does not know yet (written by a newer build, or added to the
 * domain before this file): a rolling deployment must never drop data by reading and rewriting it.
 */
const obj = z.looseObject;
const instant = z.number().int();
const text = z.string();
const texts = z.array(z.string());

export const StoredProfile: z.ZodType<Unversioned<Profile>> = obj({
  userId: text,
  displayName: text,
  jobTitle: text,
  seniority: z.enum(SENIORITY_LEVELS),
  skillsToTeach: texts,
  skillsToLearn: texts,
  languages: texts,
  timeZone: text,
  capacity: z.number().int().nonnegative(),
  openToReverseMentoring: z.boolean(),
  activeMenteeCount: z.number().int().nonnegative(),
  createdAt: instant,
  updatedAt: instant,
});

const PreWork = obj({ whatIWant: text, whatIBring: text, expectations: text });

export const StoredRequest: z.ZodType<Unversioned<MentoringRequest>> = obj({
  id: text,
  menteeId: text,
  mentorId: text,
  note: text,
  preWork: PreWork,
  status: z.enum(['open', 'accepted', 'declined', 'withdrawn']),
  createdAt: instant,
  decidedAt: instant.optional(),
  declineReason: text.optional(),
  relationshipId: text.optional(),
  programmeId: text.optional(),
});

const Reflection = obj({ whatWorked: text, whatToImprove: text, keyTakeaway: text, submittedAt: instant });

export const StoredRelationship: z.ZodType<Unversioned<Relationship>> = obj({
  id: text,
  mentorId: text,
  menteeId: text,
  reverse: z.boolean(),
  status: z.enum(['active', 'closed']),
  requestId: text,
  menteePreWork: PreWork,
  startedAt: instant,
  closedAt: instant.optional(),
  closedBy: text.optional(),
  reflections: obj({ mentor: Reflection.optional(), mentee: Reflection.optional() }),
  activeAgreementVersion: z.number().int().optional(),
  programmeId: text.optional(),
});

const WeeklyWindow = obj({ weekday: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6), z.literal(7)]), start: text, end: text });
const Boundaries = obj({
  personId: text,
  timeZone: text,
  meetingWindows: z.array(WeeklyWindow),
  contactChannel: z.enum(['teamsChat', 'email']),
  contactHours: z.array(WeeklyWindow),
});

const StoredAgreement: z.ZodType<Agreement> = obj({
  cadence: z.discriminatedUnion('kind', [
    obj({ kind: z.literal('weekly') }),
    obj({ kind: z.literal('biweekly') }),
    obj({ kind: z.literal('monthly') }),
    obj({ kind: z.literal('everyNDays'), days: z.number().int() }),
  ]),
  meetingMinutes: z.number(),
  bufferMinutes: z.number(),
  minimumNoticeHours: z.number(),
  respectWorkingHours: z.boolean(),
  firstDate: text,
  endDate: text.optional(),
  meetingCount: z.number().int().optional(),
  location: z.discriminatedUnion('kind', [obj({ kind: z.literal('online') }), obj({ kind: z.literal('place'), name: text })]),
  mentor: Boundaries,
  mentee: Boundaries,
});

export const StoredAgreementVersion: z.ZodType<Unversioned<AgreementVersion>> = obj({
  id: text,
  number: z.number().int().positive(),
  agreement: StoredAgreement,
  proposedBy: text,
  proposedAt: instant,
  note: text,
  acceptedBy: texts,
  supersededAt: instant.optional(),
});

export const StoredGoal: z.ZodType<Unversioned<Goal>> = obj({
  id: text,
  title: text,
  smart: obj({ specific: text, measurable: text, achievable: text, relevant: text, timeBound: text }),
  targetDate: text.optional(),
  progress: z.number().min(0).max(100),
  createdBy: text,
  createdAt: instant,
  updatedAt: instant,
});

export const StoredRoadmap: z.ZodType<Unversioned<Roadmap>> = obj({
  id: text,
  themes: z.array(
    obj({ id: text, title: text, notes: text, meetingNumbers: z.array(z.number().int()), templateId: text.optional() }),
  ),
  updatedBy: text,
  updatedAt: instant,
});

export const StoredMeeting: z.ZodType<Unversioned<Meeting>> = obj({
  id: text,
  number: z.number().int(),
  start: instant,
  end: instant,
  status: z.enum(['planned', 'held', 'cancelled']),
  organizerId: text,
  eventId: text.optional(),
  joinUrl: text.optional(),
  cancelledAt: instant.optional(),
  cancelReason: text.optional(),
  attendance: obj({ endedAt: instant, outcome: z.enum(['held', 'halfAttended', 'missed', 'unknown']), joined: texts }).optional(),
  attendancePending: obj({ endedAt: instant, attempts: z.number().int(), until: instant }).optional(),
  teamsMeeting: obj({ meetingId: text, serviceUrl: text, chatId: text, startedAt: instant }).optional(),
  rebookedAfterMiss: obj({
    from: obj({ start: instant, end: instant }),
    attendance: obj({ endedAt: instant, outcome: z.enum(['held', 'halfAttended', 'missed', 'unknown']), joined: texts }),
    by: text,
    at: instant,
  }).optional(),
  panel: obj({
    status: z.enum(['installed', 'pinned', 'failed']),
    chatId: text.optional(),
    installed: z.boolean(),
    attempts: z.number().int(),
    lastTriedAt: instant,
    error: obj({ code: text, message: text }).optional(),
  }).optional(),
});

export const StoredActionItem: z.ZodType<Unversioned<ActionItem>> = obj({
  id: text,
  title: text,
  ownerId: text,
  dueDate: text.optional(),
  status: z.enum(['open', 'done']),
  origin: z.discriminatedUnion('kind', [obj({ kind: z.literal('manual') }), obj({ kind: z.literal('checkIn'), checkInId: text })]),
  createdBy: text,
  createdAt: instant,
  updatedAt: instant,
  completedAt: instant.optional(),
});

export const StoredCheckIn: z.ZodType<Unversioned<CheckIn>> = obj({
  id: text,
  meetingId: text,
  authorId: text,
  answers: obj({ useful: text, nextSteps: text, beforeNextTime: text, changeOrFocus: text }),
  rating: z.number().int().min(1).max(5).optional(),
  goalProgress: z.array(obj({ goalId: text, progress: z.number() })),
  actionItemIds: texts,
  privateNote: text.optional(),
  submittedAt: instant,
  updatedAt: instant,
});

/** A row in a person's index partition: which relationship or request they take part in. */
export const StoredMembership = z.object({ id: text });
