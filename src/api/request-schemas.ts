/**
 * The shapes the API accepts, checked before any use case runs: types, required fields, and size
 * limits that keep one request from filling storage. The meaning (a window that ends before it
 * starts, a goal with no measurable part, a capacity rule) is the core's to judge; it answers with
 * its own codes. Each schema is typed against the use case input it feeds, so drift fails to compile.
 */
import { z } from 'zod';
import { SENIORITY_LEVELS } from '../core/profiles/profile';

const MAX_TEXT = 4_000;
const MAX_SHORT = 200;
const MAX_LIST = 50;

const text = (max = MAX_TEXT) => z.string().max(max, { error: `Keep this under ${max} characters.` });
const shortText = () => text(MAX_SHORT);
const id = () => z.string().min(1, { error: 'This id is empty.' }).max(MAX_SHORT, { error: 'This id is too long.' });
const labels = () => z.array(shortText()).max(MAX_LIST, { error: `At most ${MAX_LIST} entries.` });
const localDate = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Use a date as YYYY-MM-DD.' });
const localTime = () => z.string().regex(/^\d{2}:\d{2}$/, { error: 'Use a time as HH:mm (24-hour).' });
const version = () => z.string().min(1).max(MAX_SHORT).optional();

// ---------- route parameters ----------
export const PersonParams = z.object({ personId: id() });
export const RequestParams = z.object({ requestId: id() });
export const RelationshipParams = z.object({ relationshipId: id() });
export const GoalParams = z.object({ relationshipId: id(), goalId: id() });
export const ActionItemParams = z.object({ relationshipId: id(), itemId: id() });
export const MeetingParams = z.object({ relationshipId: id(), meetingId: id() });
export const AgreementVersionParams = z.object({
  relationshipId: id(),
  versionNumber: z.coerce.number({ error: 'The agreement version must be a number.' }).int().min(1).max(1_000_000),
});

// ---------- query strings ----------
const booleanText = z.enum(['true', 'false'], { error: 'Use true or false.' }).transform((v) => v === 'true');
export const MentorSearchQuery = z.object({
  skill: shortText().optional(),
  q: shortText().optional(),
  reverse: booleanText.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const TemplatesQuery = z.object({ reverse: booleanText.optional() });
export const CheckInsQuery = z.object({ meetingId: id().optional() });
export const ActionItemsQuery = z.object({ status: z.enum(['open', 'done']).optional() });

// ---------- bodies ----------
export const ProfileBody = z.object({
  jobTitle: shortText(),
  seniority: z.enum(SENIORITY_LEVELS, { error: `Choose one of: ${SENIORITY_LEVELS.join(', ')}.` }),
  skillsToTeach: labels(),
  skillsToLearn: labels(),
  languages: labels(),
  timeZone: shortText(),
  capacity: z.number().int().min(0).max(20),
  openToReverseMentoring: z.boolean(),
  version: version(),
});

const PreWork = z.object({ whatIWant: text(), whatIBring: text(), expectations: text() });

export const CreateRequestBody = z.object({ mentorId: id(), note: text(), preWork: PreWork });
export const DecisionBody = z.object({ version: version() });
export const DeclineBody = z.object({ version: version(), reason: text().default('') });

export const CloseRelationshipBody = z.object({
  reflection: z.object({ whatWorked: text(), whatToImprove: text(), keyTakeaway: text() }),
  version: version(),
});

const WeeklyWindow = z.object({
  weekday: z.number().int().min(1).max(7).transform((d) => d as 1 | 2 | 3 | 4 | 5 | 6 | 7),
  start: localTime(),
  end: localTime(),
});
const Boundaries = z.object({
  personId: id(),
  timeZone: shortText(),
  meetingWindows: z.array(WeeklyWindow).max(MAX_LIST),
  contactChannel: z.enum(['teamsChat', 'email']),
  contactHours: z.array(WeeklyWindow).max(MAX_LIST),
});
export const AgreementBody = z.object({
  agreement: z.object({
    cadence: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('weekly') }),
      z.object({ kind: z.literal('biweekly') }),
      z.object({ kind: z.literal('monthly') }),
      z.object({ kind: z.literal('everyNDays'), days: z.number().int().min(1).max(366) }),
    ]),
    meetingMinutes: z.number().int().min(1).max(24 * 60),
    bufferMinutes: z.number().int().min(0).max(24 * 60),
    minimumNoticeHours: z.number().min(0).max(24 * 366),
    respectWorkingHours: z.boolean(),
    firstDate: localDate(),
    endDate: localDate().optional(),
    meetingCount: z.number().int().min(1).max(1000).optional(),
    location: z.discriminatedUnion('kind', [z.object({ kind: z.literal('online') }), z.object({ kind: z.literal('place'), name: shortText() })]),
    mentor: Boundaries,
    mentee: Boundaries,
  }),
  note: text().default(''),
  basedOnVersion: z.number().int().min(1).optional(),
});
export const AcceptAgreementBody = z.object({ version: version() });

const Smart = z.object({ specific: text(), measurable: text(), achievable: text(), relevant: text(), timeBound: text() });
const progress = () => z.number().min(0).max(100);
export const AddGoalBody = z.object({ title: shortText(), smart: Smart, targetDate: localDate().optional(), progress: progress().optional() });
export const UpdateGoalBody = z.object({
  version: version(),
  title: shortText().optional(),
  smart: Smart.partial().optional(),
  targetDate: localDate().nullable().optional(),
  progress: progress().optional(),
});
export const DeleteGoalBody = z.object({ version: version() });

export const RoadmapBody = z.object({
  themes: z
    .array(
      z.object({
        id: id().optional(),
        title: shortText(),
        notes: text(),
        meetingNumbers: z.array(z.number().int().min(1).max(1000)).max(MAX_LIST),
        templateId: id().optional(),
      }),
    )
    .max(100),
  version: version(),
});

export const AddActionItemBody = z.object({ title: shortText(), ownerId: id(), dueDate: localDate().optional() });
export const UpdateActionItemBody = z.object({
  version: version(),
  title: shortText().optional(),
  ownerId: id().optional(),
  dueDate: localDate().nullable().optional(),
  status: z.enum(['open', 'done']).optional(),
});

export const CheckInBody = z.object({
  answers: z.object({ useful: text(), nextSteps: text(), beforeNextTime: text(), changeOrFocus: text() }),
  goalProgress: z.array(z.object({ goalId: id(), progress: progress() })).max(MAX_LIST).default([]),
  newActionItems: z.array(z.object({ title: shortText(), ownerId: id(), dueDate: localDate().optional() })).max(MAX_LIST).default([]),
  privateNote: text().optional(),
  version: version(),
});
