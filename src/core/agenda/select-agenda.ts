/**
 * What meeting k talks about: the roadmap themes planned for it; the goals those themes serve (all
 * unfinished goals when the pair has not linked themes to goals, since SMART goals are referred
 * back to in every conversation); open action items; pre-work only before the first meeting.
 */
import type { Agenda, AgendaSource } from './agenda';
import { AGENDA_TEXTS } from './agenda-texts';

export function selectAgenda(source: AgendaSource): Agenda {
  const themes = source.themes.filter((t) => t.meetingNumbers.includes(source.meetingNumber));
  const linked = new Set(themes.flatMap((t) => t.goalIds));
  const unfinished = source.goals.filter((g) => g.progress < 100);
  const goals = linked.size > 0 ? source.goals.filter((g) => linked.has(g.id)) : unfinished;
  const byTarget = (a?: string, b?: string) => (a ?? '9999-99-99').localeCompare(b ?? '9999-99-99');
  return {
    locale: source.locale,
    mentorName: source.mentorName,
    menteeName: source.menteeName,
    reverse: source.reverse,
    meetingNumber: source.meetingNumber,
    ...(source.meetingCount !== undefined ? { meetingCount: source.meetingCount } : {}),
    themes,
    goals: [...goals].sort((a, b) => byTarget(a.targetDate, b.targetDate)),
    actionItems: source.actionItems.filter((a) => !a.done).sort((a, b) => byTarget(a.dueDate, b.dueDate)),
    preWork: source.meetingNumber === 1 ? source.preWork : [],
    checkInQuestions: source.checkInQuestions.length > 0 ? source.checkInQuestions : AGENDA_TEXTS[source.locale].defaultCheckInQuestions,
    ...(source.appLink !== undefined ? { appLink: source.appLink } : {}),
  };
}
