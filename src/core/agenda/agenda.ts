/**
 * The agenda of one meeting, as plain data: what the invite body shows. The domain's entities
 * (roadmap, goals, action items, pre-work, check-ins) are mapped onto this view model by the
 * booking use cases; the renderer knows nothing else.
 */
import type { LocalDate } from '../agreement/agreement';

export type AgendaLocale = 'en' | 'pl';

export interface AgendaTheme {
  readonly title: string;
  readonly notes: string;
  /** Meeting numbers (1-based) the theme is planned for. */
  readonly meetingNumbers: readonly number[];
  /** Goals this theme serves, by id; empty when the pair has not linked them. */
  readonly goalIds: readonly string[];
}

export interface AgendaGoal {
  readonly id: string;
  readonly title: string;
  readonly targetDate?: LocalDate;
  /** 0–100. */
  readonly progress: number;
}

export interface AgendaActionItem {
  readonly title: string;
  readonly ownerName: string;
  readonly dueDate?: LocalDate;
  readonly done: boolean;
}

export interface PreWorkAnswer {
  readonly question: string;
  readonly answer: string;
}

export interface PersonPreWork {
  readonly personName: string;
  readonly answers: readonly PreWorkAnswer[];
}

/** Everything known about the relationship that an agenda may draw on. */
export interface AgendaSource {
  readonly locale: AgendaLocale;
  readonly mentorName: string;
  readonly menteeName: string;
  /** True for reverse mentoring (the junior colleague mentors); only changes the wording. */
  readonly reverse: boolean;
  readonly meetingNumber: number;
  /** Planned number of meetings, when the agreement fixes one. */
  readonly meetingCount?: number;
  readonly themes: readonly AgendaTheme[];
  readonly goals: readonly AgendaGoal[];
  readonly actionItems: readonly AgendaActionItem[];
  readonly preWork: readonly PersonPreWork[];
  /** The pair's own check-in questions; the product's defaults when empty. */
  readonly checkInQuestions: readonly string[];
  /** Deep link to the relationship in the Teams tab, shown at the end; absent in tests. */
  readonly appLink?: string;
}

/**
 * The agenda of meeting k, selected from the source (select-agenda.ts): the same shape, narrowed to
 * the themes planned for meeting k, the goals they serve, the items still open, and pre-work only
 * before the first meeting.
 */
export type Agenda = AgendaSource;

export interface RenderedAgenda {
  /** Plain text for the event subject (no markup; the calendar shows it as is). */
  readonly subject: string;
  /** Outlook-friendly HTML: tables and inline styles, no scripts, no external CSS. */
  readonly html: string;
  readonly text: string;
}
