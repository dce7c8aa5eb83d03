import { Button, Field, Input, Select, Slider, Text, Textarea, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { CheckInDto, GoalDto, MeetingDto } from '../../../contracts';
import { LIMITS } from '../../../contracts/common';
import { isLocalDate } from '../../../core/usecases/text-rules';
import { isTooLong, lengthLimitProps, textLength } from '../../components/length-limit';
import { knownCodeMessage, problemOf, type ApiProblem } from '../../api/api-error';
import type { CheckInAnswersBody } from '../../api/mentoring-api';
import { Notice, ProblemMessage } from '../../app/state-views';
import { useSessionDraft } from '../../app/use-session-draft';
import { useI18n, type Translate } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '760px',
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fieldset: { border: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  grow: { flexGrow: 1, minWidth: '220px' },
});

export const ANSWER_KEYS = ['useful', 'nextSteps', 'beforeNextTime', 'changeOrFocus'] as const;
type AnswerKey = (typeof ANSWER_KEYS)[number];
const answerLabel = {
  useful: 'checkins.useful',
  nextSteps: 'checkins.nextSteps',
  beforeNextTime: 'checkins.beforeNextTime',
  changeOrFocus: 'checkins.changeOrFocus',
} as const satisfies Record<AnswerKey, string>;

export interface NewItemDraft {
  title: string;
  ownerId: string;
  dueDate: string;
}

export interface CheckInDraft {
  answers: Record<AnswerKey, string>;
  progress: Record<string, number>;
  items: NewItemDraft[];
  privateNote: string;
}

export interface CheckInErrors {
  answers?: string;
  tooLong?: boolean;
  items?: Record<number, { title?: string; dueDate?: string }>;
}

export function initialDraft(goals: readonly GoalDto[], mine: CheckInDto | undefined): CheckInDraft {
  const progress = Object.fromEntries(goals.map((g) => [g.id, g.progress]));
  for (const g of mine?.goalProgress ?? []) progress[g.goalId] = g.progress;
  return {
    answers: mine ? { ...mine.answers } : { useful: '', nextSteps: '', beforeNextTime: '', changeOrFocus: '' },
    progress,
    items: [],
    privateNote: mine?.privateNote ?? '',
  };
}

/** The same rules as the API (an empty check-in says nothing; an action item needs a title), checked in place. */
export function validateCheckIn(draft: CheckInDraft, t: Translate): CheckInErrors {
  const errors: CheckInErrors = {};
  if (ANSWER_KEYS.every((k) => draft.answers[k].trim() === '')) errors.answers = t('checkin.answerSomething');
  // An over-long answer shows its own error at its field; nothing is sent until it is shortened.
  if (ANSWER_KEYS.some((k) => isTooLong(draft.answers[k], LIMITS.longText)) || isTooLong(draft.privateNote, LIMITS.longText)) errors.tooLong = true;
  const items: NonNullable<CheckInErrors['items']> = {};
  draft.items.forEach((item, i) => {
    const found: { title?: string; dueDate?: string } = {};
    if (!item.title.trim()) found.title = t('actions.titleRequired');
    else if (isTooLong(item.title.trim(), LIMITS.title)) found.title = t('common.tooLong', { count: textLength(item.title.trim()), max: LIMITS.title });
    if (item.dueDate && !isLocalDate(item.dueDate)) found.dueDate = t('goals.targetDateInvalid');
    if (found.title || found.dueDate) items[i] = found;
  });
  if (Object.keys(items).length > 0) errors.items = items;
  return errors;
}

/** Only the goals whose progress was moved are sent, so an untouched goal keeps what the partner set. */
export function checkInBody(draft: CheckInDraft, goals: readonly GoalDto[], mine: CheckInDto | undefined): CheckInAnswersBody {
  const before = initialDraft(goals, mine).progress;
  return {
    answers: Object.fromEntries(ANSWER_KEYS.map((k) => [k, draft.answers[k].trim()])) as Record<AnswerKey, string>,
    // The rating is given on the bot's card; an edit here keeps it.
    ...(mine?.rating !== undefined ? { rating: mine.rating } : {}),
    goalProgress: goals.filter((g) => draft.progress[g.id] !== before[g.id]).map((g) => ({ goalId: g.id, progress: draft.progress[g.id]! })),
    newActionItems: draft.items.map((i) => ({ title: i.title.trim(), ownerId: i.ownerId, ...(i.dueDate ? { dueDate: i.dueDate } : {}) })),
    ...(draft.privateNote.trim() ? { privateNote: draft.privateNote.trim() } : {}),
  };
}

export interface CheckInFormProps {
  meeting: MeetingDto;
  goals: readonly GoalDto[];
  pair: Pair;
  mine?: CheckInDto | undefined;
  /** Sends once; on a refusal the form stays as typed. */
  send: (body: CheckInAnswersBody, version: string | undefined) => Promise<unknown>;
  onSent: () => void;
  onCancel: () => void;
}

/** Where an unsent check-in for a meeting is kept (sessionStorage), so a refresh loses nothing. */
export const checkInDraftKey = (meetingId: string) => `mentoring.draft.checkin.${meetingId}`;

/** The bot's four check-in questions, goal progress and new action items, for one meeting. */
export function CheckInForm({ meeting, goals, pair, mine, send, onSent, onCancel }: CheckInFormProps) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const { value: draft, set: setDraft, clear: clearDraft, restored } = useSessionDraft<CheckInDraft>(checkInDraftKey(meeting.id), () => initialDraft(goals, mine));
  const [errors, setErrors] = useState<CheckInErrors>({});
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [sending, setSending] = useState(false);

  const setItem = (i: number, patch: Partial<NewItemDraft>) => setDraft((d) => ({ ...d, items: d.items.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateCheckIn(draft, t);
    setErrors(found);
    if (found.answers || found.items || found.tooLong) return;
    setSending(true);
    setProblem(undefined);
    try {
      await send(checkInBody(draft, goals, mine), mine?.version);
      clearDraft();
      onSent();
    } catch (error) {
      const p = problemOf(error);
      if (p.code === 'CHECKIN.EMPTY') setErrors({ answers: knownCodeMessage(p.code, t) ?? t('checkin.answerSomething') });
      else setProblem(p);
    } finally {
      setSending(false);
    }
  };

  const title = t('checkin.formTitle', { number: meeting.number, when: format.dateTime(meeting.start) });
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={title}>
      <Subtitle2 as="h3">{title}</Subtitle2>
      {restored ? <Notice intent="info">{t('common.draftRestored')}</Notice> : null}
      <fieldset className={styles.fieldset}>
        <legend>
          <Text>{t('checkin.answersHint')}</Text>
        </legend>
        {ANSWER_KEYS.map((key, i) => (
          <Field
            key={key}
            label={t(answerLabel[key])}
            {...lengthLimitProps(t, draft.answers[key], LIMITS.longText, i === 0 ? errors.answers : undefined)}
          >
            <Textarea
              value={draft.answers[key]}
              resize="vertical"
              onChange={(_, d) => {
                setDraft((x) => ({ ...x, answers: { ...x.answers, [key]: d.value } }));
                setErrors((e) => ({ ...e, answers: undefined }));
              }}
            />
          </Field>
        ))}
      </fieldset>
      {goals.length > 0 ? (
        <fieldset className={styles.fieldset}>
          <legend>
            <Text weight="semibold">{t('checkin.goalProgress')}</Text>
          </legend>
          {goals.map((goal) => (
            <Field key={goal.id} label={t('checkin.goalProgressOf', { title: goal.title, progress: draft.progress[goal.id] ?? 0 })}>
              <Slider
                min={0}
                max={100}
                step={5}
                value={draft.progress[goal.id] ?? 0}
                onChange={(_, d) => setDraft((x) => ({ ...x, progress: { ...x.progress, [goal.id]: d.value } }))}
              />
            </Field>
          ))}
        </fieldset>
      ) : null}
      <fieldset className={styles.fieldset}>
        <legend>
          <Text weight="semibold">{t('checkin.newItems')}</Text>
        </legend>
        {draft.items.map((item, i) => {
          const itemErrors = errors.items?.[i];
          return (
            <div key={i} className={styles.row} role="group" aria-label={t('checkin.newItem', { n: i + 1 })}>
              <Field
                className={styles.grow}
                label={t('actions.titleLabel')}
                required
                {...lengthLimitProps(t, item.title, LIMITS.title, itemErrors?.title)}
              >
                <Input value={item.title} onChange={(_, d) => setItem(i, { title: d.value })} />
              </Field>
              <Field label={t('actions.owner')}>
                <Select value={item.ownerId} onChange={(_, d) => setItem(i, { ownerId: d.value })}>
                  <option value={pair.myId}>{t('actions.ownerMe')}</option>
                  <option value={pair.partnerId}>{pair.partnerName}</option>
                </Select>
              </Field>
              <Field
                label={t('actions.dueDate')}
                {...(itemErrors?.dueDate ? { validationState: 'error' as const, validationMessage: itemErrors.dueDate } : {})}
              >
                <Input type="date" value={item.dueDate} onChange={(_, d) => setItem(i, { dueDate: d.value })} />
              </Field>
              <Button onClick={() => setDraft((x) => ({ ...x, items: x.items.filter((_, j) => j !== i) }))}>{t('checkin.removeItem', { n: i + 1 })}</Button>
            </div>
          );
        })}
        <div>
          <Button onClick={() => setDraft((x) => ({ ...x, items: [...x.items, { title: '', ownerId: pair.myId, dueDate: '' }] }))}>{t('checkin.addItem')}</Button>
        </div>
      </fieldset>
      <Field label={t('checkins.privateNote')}>
        <Textarea value={draft.privateNote} resize="vertical" onChange={(_, d) => setDraft((x) => ({ ...x, privateNote: d.value }))} />
      </Field>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={sending}>
          {sending ? t('common.sending') : mine ? t('checkin.saveEdit') : t('checkin.send')}
        </Button>
        <Button
          onClick={() => {
            clearDraft();
            onCancel();
          }}
          disabled={sending}
        >
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
