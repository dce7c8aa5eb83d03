/**
 * The owner's CSV exports of a programme: the aggregates (with the under-five rule), the pair list
 * (names, stage, dates, counts — never text anyone wrote) and the column dictionary of both. RFC 4180
 * quoting; a cell that a spreadsheet would run as a formula (= + - @, tab, carriage return) is
 * prefixed with an apostrophe.
 */
import type { PairFacts } from '../core/programmes/programme-health';
import type { HealthView } from '../core/programmes/programme-use-cases';
import { toHealthDto } from './programmes';
import { toIso } from './common';

export const EXPORT_PARTS = ['aggregates', 'pairs', 'columns'] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

const day = (ms: number | undefined) => (ms === undefined ? '' : toIso(ms).slice(0, 10));

/** metric,value,note — a hidden aggregate has no value and says why. */
export function aggregatesCsv(view: HealthView): string {
  const dto = toHealthDto(view);
  const hidden = `hidden: about fewer than 5 people`;
  const rows: (string | number | null)[][] = [['metric', 'value', 'note']];
  const add = (metric: string, value: number | null | undefined, hiddenKey?: string) =>
    rows.push([metric, value ?? null, value === null && (dto.smallGroup || (hiddenKey && dto.hidden.includes(hiddenKey))) ? hidden : value === null ? 'not enough data yet' : '']);
  add('pairs', dto.pairs);
  for (const [stage, value] of Object.entries(dto.byStage)) add(`pairs_${stage}`, value, `byStage.${stage}`);
  add('meetings_planned', dto.meetings?.planned ?? null);
  add('meetings_held', dto.meetings?.held ?? null);
  add('meetings_missed', dto.meetings?.missed ?? null);
  add('meetings_cancelled', dto.meetings?.cancelled ?? null);
  add('checkin_response_rate', dto.checkInResponseRate);
  add('goal_progress_average', dto.goalProgressAverage);
  add('days_to_first_meeting_average', dto.daysToFirstMeeting);
  rows.push(['pairs_at_risk', dto.atRisk.total, '']);
  return csv(rows);
}

export function pairsCsv(pairs: readonly PairFacts[]): string {
  const rows: (string | number)[][] = [
    ['relationship_id', 'mentee', 'mentor', 'stage', 'matched_on', 'first_meeting_on', 'last_meeting_on', 'meetings_planned', 'meetings_held', 'meetings_missed', 'meetings_cancelled', 'checkins_given', 'checkins_possible', 'goals', 'risks'],
  ];
  for (const p of pairs) {
    rows.push([
      p.relationshipId,
      p.menteeName,
      p.mentorName,
      p.stage,
      day(p.matchedAt),
      day(p.firstHeldAt),
      day(p.lastHeldAt),
      p.meetings.planned,
      p.meetings.held,
      p.meetings.missed,
      p.meetings.cancelled,
      p.checkInsAnswered,
      p.checkInsExpected,
      p.goals,
      p.risks.join(' '),
    ]);
  }
  return csv(rows);
}

/** What every column of the two files means. */
export function columnsCsv(): string {
  return csv([
    ['file', 'column', 'meaning'],
    ['aggregates', 'metric', 'what is counted (the rows below)'],
    ['aggregates', 'value', 'the number; empty when hidden or when there is nothing to count yet'],
    ['aggregates', 'note', 'why a value is empty: numbers about fewer than 5 people are not shown, so that no one can be picked out'],
    ['aggregates', 'pairs', 'pairs published in the programme (closed ones included)'],
    ['aggregates', 'pairs_matched / pairs_agreed / pairs_meeting / pairs_closed', 'pairs by stage: matched, agreement accepted by both, held at least one meeting, closed'],
    ['aggregates', 'meetings_planned / _held / _missed / _cancelled', 'meetings from the calendars and Teams: planned (not yet happened), held, missed (nobody joined), cancelled'],
    ['aggregates', 'checkin_response_rate', 'check-ins given after held meetings over those possible (two per held meeting), 0–1'],
    ['aggregates', 'goal_progress_average', 'average progress of the pairs’ goals, 0–100'],
    ['aggregates', 'days_to_first_meeting_average', 'days from the match to the first held meeting, over pairs that held one'],
    ['aggregates', 'pairs_at_risk', 'pairs with at least one risk (see risks)'],
    ['pairs', 'relationship_id', 'the relationship’s id'],
    ['pairs', 'mentee / mentor', 'display names'],
    ['pairs', 'stage', 'matched, agreed, meeting or closed'],
    ['pairs', 'matched_on / first_meeting_on / last_meeting_on', 'dates (UTC) of the match and of the first and latest held meetings'],
    ['pairs', 'meetings_planned / _held / _missed / _cancelled', 'the pair’s meetings, as above'],
    ['pairs', 'checkins_given / checkins_possible', 'check-ins given after held meetings, and two per held meeting'],
    ['pairs', 'goals', 'how many goals the pair keeps (never their text)'],
    ['pairs', 'risks', 'noMeetingInTwoPeriods (nothing held in two cadence periods), twoCancellationsInARow, agreementNotAccepted (seven days after the match), requestUnanswered (the programme’s request waiting seven days for an answer)'],
  ]);
}
