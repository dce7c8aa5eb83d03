/**
 * The programme form's draft: what the owner types, kept as text until it is sent, so nothing typed
 * is lost when the API says no. Pure functions: defaults, from a stored programme, to the API's body,
 * and the checks the form makes before sending (each at its field, in the reader's words).
 */
import { AGREEMENT_LIMITS as L } from '../../../contracts/agreement';
import type { ApiProblem } from '../../api/api-error';
import type { ProgrammeDto, ProgrammeFieldsBody } from '../../api/mentoring-api';
import type { FixKey } from './owner-messages';

export type JoinKind = ProgrammeFieldsBody['joinPolicy']['kind'];
export type CadenceKind = ProgrammeFieldsBody['defaultAgreement']['cadence']['kind'];

export interface ProgrammeDraft {
  name: string;
  purpose: string;
  startDate: string;
  endDate: string;
  joinKind: JoinKind;
  invited: string[];
  groupId: string;
  kind: ProgrammeFieldsBody['kind'];
  matchingMode: ProgrammeFieldsBody['matchingMode'];
  mentorCapacity: string;
  cadence: CadenceKind;
  cadenceDays: string;
  meetingMinutes: string;
  meetingCount: string;
  goals: string[];
  publishAs: ProgrammeFieldsBody['publishAs'];
  /** Kept as they were: the form does not edit roadmap templates. */
  roadmapTemplateIds: string[];
}

const day = 86_400_000;
const isoDate = (epoch: number) => new Date(epoch).toISOString().slice(0, 10);

/** A new programme: starts today, runs six months, a fortnightly 45-minute meeting, six of them. */
export function newDraft(now: number): ProgrammeDraft {
  return {
    name: '',
    purpose: '',
    startDate: isoDate(now),
    endDate: isoDate(now + 182 * day),
    joinKind: 'everyone',
    invited: [],
    groupId: '',
    kind: 'mentoring',
    matchingMode: 'cohort',
    mentorCapacity: '2',
    cadence: 'biweekly',
    cadenceDays: '14',
    meetingMinutes: '45',
    meetingCount: '6',
    goals: [],
    publishAs: 'accepted',
    roadmapTemplateIds: [],
  };
}

export function draftOf(p: ProgrammeDto): ProgrammeDraft {
  const cadence = p.defaultAgreement.cadence;
  return {
    name: p.name,
    purpose: p.purpose,
    startDate: p.startDate,
    endDate: p.endDate,
    joinKind: p.joinPolicy.kind,
    invited: p.joinPolicy.kind === 'invited' ? [...p.joinPolicy.personIds] : [],
    groupId: p.joinPolicy.kind === 'entraGroup' ? p.joinPolicy.groupId : '',
    kind: p.kind,
    matchingMode: p.matchingMode,
    mentorCapacity: String(p.mentorCapacity),
    cadence: cadence.kind,
    cadenceDays: cadence.kind === 'everyNDays' ? String(cadence.days) : '14',
    meetingMinutes: String(p.defaultAgreement.meetingMinutes),
    meetingCount: String(p.defaultAgreement.meetingCount),
    goals: [...p.goals],
    publishAs: p.publishAs,
    roadmapTemplateIds: [...p.roadmapTemplateIds],
  };
}

const whole = (s: string) => (/^\s*\d{1,4}\s*$/.test(s) ? Number(s) : Number.NaN);

export function bodyOf(d: ProgrammeDraft): ProgrammeFieldsBody {
  const joinPolicy: ProgrammeFieldsBody['joinPolicy'] =
    d.joinKind === 'invited' ? { kind: 'invited', personIds: d.invited } : d.joinKind === 'entraGroup' ? { kind: 'entraGroup', groupId: d.groupId.trim() } : { kind: 'everyone' };
  const cadence: ProgrammeFieldsBody['defaultAgreement']['cadence'] = d.cadence === 'everyNDays' ? { kind: 'everyNDays', days: whole(d.cadenceDays) } : { kind: d.cadence };
  return {
    name: d.name.trim(),
    // The purpose is one paragraph: line breaks typed into the box become spaces.
    purpose: d.purpose.replace(/\s*\n\s*/g, ' ').trim(),
    startDate: d.startDate,
    endDate: d.endDate,
    joinPolicy,
    kind: d.kind,
    matchingMode: d.matchingMode,
    mentorCapacity: whole(d.mentorCapacity),
    defaultAgreement: { cadence, meetingMinutes: whole(d.meetingMinutes), meetingCount: whole(d.meetingCount) },
    roadmapTemplateIds: d.roadmapTemplateIds,
    goals: d.goals.map((g) => g.trim()).filter((g) => g.length > 0),
    publishAs: d.publishAs,
  };
}

/** A field of the form: where a problem is shown. */
export type DraftField =
  | 'name'
  | 'purpose'
  | 'startDate'
  | 'endDate'
  | 'invited'
  | 'groupId'
  | 'mentorCapacity'
  | 'cadenceDays'
  | 'meetingMinutes'
  | 'meetingCount'
  | 'goals';

export type DraftProblems = Partial<Record<DraftField, FixKey>>;

const dateText = /^\d{4}-\d{2}-\d{2}$/;
const groupIdText = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const inRange = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

/** What the form says before sending; the API checks the same again and has the last word. */
export function checkDraft(d: ProgrammeDraft): DraftProblems {
  const problems: DraftProblems = {};
  if (d.name.trim() === '') problems.name = 'owner.fix.name';
  if (!dateText.test(d.startDate)) problems.startDate = 'owner.fix.date';
  if (!dateText.test(d.endDate)) problems.endDate = 'owner.fix.date';
  else if (dateText.test(d.startDate) && d.endDate <= d.startDate) problems.endDate = 'owner.fix.endBeforeStart';
  if (d.joinKind === 'invited' && d.invited.length === 0) problems.invited = 'owner.fix.invited';
  if (d.joinKind === 'entraGroup' && !groupIdText.test(d.groupId.trim())) problems.groupId = 'owner.fix.groupId';
  if (!inRange(whole(d.mentorCapacity), 1, 20)) problems.mentorCapacity = 'owner.fix.capacity';
  if (d.cadence === 'everyNDays' && !inRange(whole(d.cadenceDays), L.cadenceDays.min, L.cadenceDays.max)) problems.cadenceDays = 'owner.fix.cadenceDays';
  if (!inRange(whole(d.meetingMinutes), L.meetingMinutes.min, L.meetingMinutes.max)) problems.meetingMinutes = 'owner.fix.meetingMinutes';
  if (!inRange(whole(d.meetingCount), L.meetingCount.min, L.meetingCount.max)) problems.meetingCount = 'owner.fix.meetingCount';
  if (d.goals.filter((g) => g.trim() !== '').length > 10) problems.goals = 'owner.fix.goals';
  return problems;
}

/** The form field an API problem names (`joinPolicy.groupId`, `defaultAgreement.meetingMinutes`, …), if the form has it. */
export function draftFieldOf(apiField: string | undefined): DraftField | undefined {
  if (!apiField) return undefined;
  const path = apiField.replace(/^body\./, '').replace(/\[(\d+)\]/g, '.$1');
  if (path === 'joinPolicy.groupId') return 'groupId';
  if (path.startsWith('joinPolicy.personIds')) return 'invited';
  if (path === 'defaultAgreement.cadence.days') return 'cadenceDays';
  if (path === 'defaultAgreement.meetingMinutes') return 'meetingMinutes';
  if (path === 'defaultAgreement.meetingCount') return 'meetingCount';
  if (path.startsWith('goals')) return 'goals';
  const top = path.split('.')[0] as DraftField;
  return (['name', 'purpose', 'startDate', 'endDate', 'mentorCapacity'] as const).includes(top as 'name') ? top : undefined;
}

/** Every problem the API listed, at its field in the API's words; what names no field of the form stays for the message above the buttons. */
export function serverFieldProblems(problem: ApiProblem | undefined): { atFields: Partial<Record<DraftField, string>>; elsewhere: boolean } {
  if (!problem || (problem.kind !== 'validation' && problem.kind !== 'rejected')) return { atFields: {}, elsewhere: problem !== undefined };
  const listed = problem.problems ?? (problem.field ? [{ field: problem.field, message: problem.serverMessage ?? '' }] : []);
  const atFields: Partial<Record<DraftField, string>> = {};
  let elsewhere = listed.length === 0;
  for (const p of listed) {
    const field = draftFieldOf(p.field);
    if (field === undefined) elsewhere = true;
    else if (!(field in atFields)) atFields[field] = p.message;
  }
  return { atFields, elsewhere };
}
