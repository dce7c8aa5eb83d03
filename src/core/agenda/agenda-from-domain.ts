/**
 * Maps the relationship's entities onto the agenda's view model, so the booking and agenda-refresh
 * use cases can render meeting k from what they load: the roadmap, goals, action items and the
 * mentee's pre-work from the request.
 */
import type { ActionItem } from '../actions/action-item';
import type { Goal } from '../goals/goal';
import type { Relationship } from '../relationships/relationship';
import type { Roadmap } from '../roadmap/roadmap';
import type { AgendaLocale, AgendaSource, RenderedAgenda } from './agenda';
import { AGENDA_TEXTS } from './agenda-texts';
import { renderAgenda } from './render-agenda';
import { selectAgenda } from './select-agenda';

export interface MeetingAgendaInput {
  readonly locale: AgendaLocale;
  readonly relationship: Pick<Relationship, 'mentorId' | 'menteeId' | 'reverse' | 'menteePreWork'>;
  /** Display names by person id (both of the pair at least). */
  readonly names: Readonly<Record<string, string>>;
  readonly meetingNumber: number;
  readonly meetingCount?: number;
  readonly roadmap?: Pick<Roadmap, 'themes'>;
  readonly goals: readonly Pick<Goal, 'id' | 'title' | 'targetDate' | 'progress'>[];
  readonly actionItems: readonly Pick<ActionItem, 'title' | 'ownerId' | 'dueDate' | 'status'>[];
  readonly checkInQuestions?: readonly string[];
  readonly appLink?: string;
}

export function agendaSourceFromDomain(input: MeetingAgendaInput): AgendaSource {
  const t = AGENDA_TEXTS[input.locale];
  const name = (id: string) => input.names[id] ?? id;
  const pre = input.relationship.menteePreWork;
  return {
    locale: input.locale,
    mentorName: name(input.relationship.mentorId),
    menteeName: name(input.relationship.menteeId),
    reverse: input.relationship.reverse,
    meetingNumber: input.meetingNumber,
    ...(input.meetingCount !== undefined ? { meetingCount: input.meetingCount } : {}),
    themes: (input.roadmap?.themes ?? []).map((theme) => ({ title: theme.title, notes: theme.notes, meetingNumbers: theme.meetingNumbers, goalIds: [] })),
    goals: input.goals.map((g) => ({ id: g.id, title: g.title, progress: g.progress, ...(g.targetDate ? { targetDate: g.targetDate } : {}) })),
    actionItems: input.actionItems.map((a) => ({ title: a.title, ownerName: name(a.ownerId), done: a.status === 'done', ...(a.dueDate ? { dueDate: a.dueDate } : {}) })),
    preWork: [
      {
        personName: name(input.relationship.menteeId),
        answers: [
          { question: t.preWorkQuestions.whatIWant, answer: pre.whatIWant },
          { question: t.preWorkQuestions.whatIBring, answer: pre.whatIBring },
          { question: t.preWorkQuestions.expectations, answer: pre.expectations },
        ],
      },
    ],
    checkInQuestions: input.checkInQuestions ?? [],
    ...(input.appLink !== undefined ? { appLink: input.appLink } : {}),
  };
}

/** The invite subject and body of meeting k. */
export function renderMeetingAgenda(input: MeetingAgendaInput): RenderedAgenda {
  return renderAgenda(selectAgenda(agendaSourceFromDomain(input)));
}
