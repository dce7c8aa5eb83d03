import { adaptiveCard, executeAction, heading, paragraph, subheading, type AdaptiveCard, type CardElement } from './adaptive-card';
import { formatLocalDate, formatMeetingTime, type CardLocale } from './card-locale';
import { cardStrings, type CardStrings } from './card-strings';
import { escapeCardText } from './card-text';

/** Limits shared with the card form parser, so the card never accepts what the bot then refuses. */
export const CHECKIN_ANSWER_MAX = 2000;
export const CHECKIN_NOTE_MAX = 2000;
export const CHECKIN_ACTION_ITEM_SLOTS = 3;
export const ACTION_ITEM_TITLE_MAX = 200;

/** Input ids on the card; the parser reads exactly these. */
export const checkInFieldIds = {
  rating: 'rating',
  useful: 'useful',
  nextSteps: 'nextSteps',
  beforeNextTime: 'beforeNextTime',
  changeOrFocus: 'changeOrFocus',
  privateNote: 'privateNote',
  goalProgress: (goalId: string) => `goal.${goalId}`,
  actionItemTitle: (slot: number) => `actionItem${slot}.title`,
  actionItemOwner: (slot: number) => `actionItem${slot}.owner`,
  actionItemDue: (slot: number) => `actionItem${slot}.due`,
} as const;

export interface CheckInCardGoal {
  readonly id: string;
  readonly title: string;
  readonly progress: number;
}

export interface CheckInPrefill {
  readonly answers: { useful: string; nextSteps: string; beforeNextTime: string; changeOrFocus: string };
  readonly rating?: number;
  readonly goalProgress: readonly { goalId: string; progress: number }[];
  readonly privateNote?: string;
}

export interface CheckInCardInput {
  readonly locale: CardLocale;
  readonly timeZone: string;
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly meetingStart: number;
  readonly nonce: string;
  readonly partnerName: string;
  readonly goals: readonly CheckInCardGoal[];
  /** The person's earlier answers when they edit. */
  readonly prefill?: CheckInPrefill;
  /** Problems from the last submit, shown above the form. */
  readonly problems?: readonly string[];
  /** What the person typed last time, put back into the form when it returns with problems. */
  readonly typed?: Readonly<Record<string, unknown>>;
  /** The version of the saved check-in this form edits: the submit carries it, so an edit made meanwhile elsewhere is not overwritten unseen. */
  readonly checkInVersion?: string;
}

function withTypedValues(element: CardElement, typed: Readonly<Record<string, unknown>>): CardElement {
  const type = String(element.type ?? '');
  const id = typeof element.id === 'string' ? element.id : undefined;
  let next: Record<string, unknown> = { ...element };
  if (type.startsWith('Input.') && id !== undefined && (typeof typed[id] === 'string' || typeof typed[id] === 'number')) {
    const raw = typed[id];
    const value = type === 'Input.Number' ? Number(raw) : String(raw);
    if (type !== 'Input.Number' || Number.isFinite(value)) next.value = value;
  }
  for (const key of ['items', 'columns'] as const) {
    const children = next[key];
    if (Array.isArray(children)) next = { ...next, [key]: children.map((c: CardElement) => withTypedValues(c, typed)) };
  }
  return next;
}

function question(id: string, label: string, value: string | undefined): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    isMultiline: true,
    maxLength: CHECKIN_ANSWER_MAX,
    ...(value ? { value } : {}),
  };
}

/** Tens, plus the goal's own value when it is not a ten, so the set always holds where the goal stands. */
export function progressChoices(current: number): number[] {
  const tens = Array.from({ length: 11 }, (_, i) => i * 10);
  return tens.includes(current) ? tens : [...tens, current].sort((a, b) => a - b);
}

/** The ids the "Add more" toggle shows and hides: the detail, and which of its two buttons is shown. */
const MORE = 'more';
const SHOW_MORE = 'showMore';
const SHOW_LESS = 'showLess';

function toggle(id: string, title: string, tooltip: string | undefined, isVisible: boolean): CardElement {
  return {
    type: 'ActionSet',
    id,
    isVisible,
    actions: [{ type: 'Action.ToggleVisibility', title, ...(tooltip ? { tooltip } : {}), targetElements: [MORE, SHOW_MORE, SHOW_LESS] }],
  };
}

function actionItemRow(slot: number, partnerName: string, s: CardStrings): CardElement {
  return {
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [{ type: 'Input.Text', id: checkInFieldIds.actionItemTitle(slot), label: s.actionItemTitle(slot), maxLength: ACTION_ITEM_TITLE_MAX }],
      },
      {
        type: 'Column',
        width: 'auto',
        items: [
          {
            type: 'Input.ChoiceSet',
            id: checkInFieldIds.actionItemOwner(slot),
            label: s.actionItemOwner,
            style: 'compact',
            value: 'me',
            choices: [
              { title: s.ownerMe, value: 'me' },
              { title: s.ownerPartner(escapeCardText(partnerName, 'plain')), value: 'partner' },
            ],
          },
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        items: [{ type: 'Input.Date', id: checkInFieldIds.actionItemDue(slot), label: s.actionItemDue }],
      },
    ],
  };
}

/**
 * The post-meeting check-in, answerable in 20 seconds: it opens with one tap ("How useful was it?",
 * 1–5) and the one thing the next agenda needs most, a next step (it becomes the person's action item,
 * which the next invite lists). "Add more" (Action.ToggleVisibility) shows the rest: the four questions
 * of the product spec, goal progress as choice sets, two more action items and a private note. Edits,
 * and a form returned with problems, open with the detail shown, since that is where the answers are.
 */
export function checkInCard(input: CheckInCardInput): AdaptiveCard {
  const s = cardStrings[input.locale];
  const when = formatMeetingTime(input.meetingStart, input.timeZone, input.locale);
  const answers = input.prefill?.answers;
  const progressOf = (goal: CheckInCardGoal): number =>
    input.prefill?.goalProgress.find((g) => g.goalId === goal.id)?.progress ?? goal.progress;
  const hasProblems = input.problems !== undefined && input.problems.length > 0;
  const expanded = input.prefill !== undefined || hasProblems;

  const body: CardElement[] = [
    heading(s.checkInTitle),
    paragraph(s.checkInIntro(escapeCardText(input.partnerName), when), { isSubtle: true }),
  ];
  if (hasProblems) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [paragraph(s.fixAndResend, { weight: 'Bolder' }), ...(input.problems ?? []).map((p) => paragraph(`- ${escapeCardText(p)}`))],
    });
  }
  const rating = input.prefill?.rating;
  body.push({
    type: 'Input.ChoiceSet',
    id: checkInFieldIds.rating,
    label: s.qRating,
    style: 'expanded',
    choices: s.ratingChoices.map((title, i) => ({ title, value: String(i + 1) })),
    ...(rating !== undefined ? { value: String(rating) } : {}),
  });
  // Edits change answers and progress; action items made on the first submit live in the tab from then on.
  if (!input.prefill) {
    body.push({
      type: 'Input.Text',
      id: checkInFieldIds.actionItemTitle(1),
      label: s.qNextStep,
      placeholder: s.nextStepPlaceholder,
      maxLength: ACTION_ITEM_TITLE_MAX,
    });
  }

  const more: CardElement[] = [
    question(checkInFieldIds.useful, s.qUseful, answers?.useful),
    question(checkInFieldIds.nextSteps, s.qNextSteps, answers?.nextSteps),
    question(checkInFieldIds.beforeNextTime, s.qBeforeNext, answers?.beforeNextTime),
    question(checkInFieldIds.changeOrFocus, s.qChange, answers?.changeOrFocus),
  ];
  if (input.goals.length > 0) {
    more.push(subheading(s.goalsHeading));
    for (const goal of input.goals) {
      const current = progressOf(goal);
      more.push({
        type: 'Input.ChoiceSet',
        id: checkInFieldIds.goalProgress(goal.id),
        label: s.goalProgressLabel(escapeCardText(goal.title, 'plain')),
        style: 'compact',
        value: String(current),
        choices: progressChoices(current).map((p) => ({ title: s.goalProgressChoice(p), value: String(p) })),
      });
    }
  }
  if (!input.prefill) {
    more.push(subheading(s.newActionItemsHeading));
    for (let slot = 2; slot <= CHECKIN_ACTION_ITEM_SLOTS; slot++) more.push(actionItemRow(slot, input.partnerName, s));
  }
  more.push(
    subheading(s.privateNoteLabel),
    paragraph(s.privateNoteHint, { isSubtle: true, size: 'Small', spacing: 'None' }),
    {
      type: 'Input.Text',
      id: checkInFieldIds.privateNote,
      isMultiline: true,
      maxLength: CHECKIN_NOTE_MAX,
      ...(input.prefill?.privateNote ? { value: input.prefill.privateNote } : {}),
    },
  );
  body.push(
    toggle(SHOW_MORE, s.addMore, s.moreHint, !expanded),
    { type: 'Container', id: MORE, isVisible: expanded, items: more },
    toggle(SHOW_LESS, s.showLess, undefined, expanded),
  );
  const typed = input.typed;
  return adaptiveCard(typed ? body.map((e) => withTypedValues(e, typed)) : body, [
    executeAction(
      s.send,
      {
        verb: 'checkin.submit',
        cardVersion: 1,
        relationshipId: input.relationshipId,
        meetingId: input.meetingId,
        nonce: input.nonce,
        ...(input.checkInVersion !== undefined ? { checkInVersion: input.checkInVersion } : {}),
      },
      'positive',
    ),
  ]);
}

export interface CheckInSummaryInput {
  readonly locale: CardLocale;
  readonly timeZone: string;
  readonly relationshipId: string;
  readonly meetingId: string;
  readonly meetingStart: number;
  readonly nonce: string;
  readonly answers: { useful: string; nextSteps: string; beforeNextTime: string; changeOrFocus: string };
  readonly rating?: number;
  readonly goalProgress: readonly { title: string; progress: number }[];
  readonly newActionItems: readonly { title: string; ownerName: string; dueDate?: string }[];
  /** Shown because this card goes only to its author. */
  readonly privateNote?: string;
}

/** What the check-in card turns into for its author after a submit; "Edit" reopens the form. */
export function checkInSummaryCard(input: CheckInSummaryInput): AdaptiveCard {
  const s = cardStrings[input.locale];
  const when = formatMeetingTime(input.meetingStart, input.timeZone, input.locale);
  const answer = (q: string, a: string): CardElement[] => [subheading(q), paragraph(a.length > 0 ? escapeCardText(a) : s.summaryNoAnswer)];
  const body: CardElement[] = [
    heading(s.summaryTitle),
    paragraph(s.summaryIntro(when), { isSubtle: true }),
    ...(input.rating !== undefined ? [subheading(s.summaryRating), paragraph(s.summaryRatingValue(input.rating))] : []),
    ...answer(s.qUseful, input.answers.useful),
    ...answer(s.qNextSteps, input.answers.nextSteps),
    ...answer(s.qBeforeNext, input.answers.beforeNextTime),
    ...answer(s.qChange, input.answers.changeOrFocus),
  ];
  if (input.goalProgress.length > 0) {
    body.push(subheading(s.summaryProgress), {
      type: 'FactSet',
      facts: input.goalProgress.map((g) => ({ title: escapeCardText(g.title), value: `${g.progress}%` })),
    });
  }
  if (input.newActionItems.length > 0) {
    body.push(subheading(s.summaryActionItems), {
      type: 'FactSet',
      facts: input.newActionItems.map((a) => ({
        title: escapeCardText(a.title),
        value: a.dueDate ? `${escapeCardText(a.ownerName)}, ${s.due(formatLocalDate(a.dueDate, input.locale))}` : escapeCardText(a.ownerName),
      })),
    });
  }
  if (input.privateNote) {
    body.push({ type: 'Container', style: 'emphasis', items: [subheading(s.summaryPrivateNote), paragraph(escapeCardText(input.privateNote))] });
  }
  return adaptiveCard(body, [
    executeAction(s.edit, {
      verb: 'checkin.edit',
      cardVersion: 1,
      relationshipId: input.relationshipId,
      meetingId: input.meetingId,
      nonce: input.nonce,
    }),
  ]);
}

/** The one nudge for a missing check-in; its button opens the form in place. */
export function checkInNudgeCard(input: {
  locale: CardLocale;
  timeZone: string;
  relationshipId: string;
  meetingId: string;
  meetingStart: number;
  nonce: string;
  partnerName: string;
}): AdaptiveCard {
  const s = cardStrings[input.locale];
  const when = formatMeetingTime(input.meetingStart, input.timeZone, input.locale);
  return adaptiveCard(
    [heading(s.nudgeTitle), paragraph(s.nudgeBody(escapeCardText(input.partnerName), when))],
    [
      executeAction(
        s.checkInTitle,
        { verb: 'checkin.open', cardVersion: 1, relationshipId: input.relationshipId, meetingId: input.meetingId, nonce: input.nonce },
        'positive',
      ),
    ],
  );
}
