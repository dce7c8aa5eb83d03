import { Button, Field, Input, Radio, RadioGroup, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { TimeOfDaySelect } from '../../components/time-of-day-select';
import { useState, type FormEvent } from 'react';
import type { MeetingDto } from '../../../contracts';
import { parseLocalDate, parseLocalTime } from '../../../core/time/civil-date';
import { localToInstant } from '../../../core/time/zoned-time';
import { problemOf, type ApiProblem } from '../../api/api-error';
import { ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { problemText, SlotText } from './schedule-words';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function RescheduleForm({
  meeting,
  slots,
  myZone,
  partnerZone,
  partnerName,
  send,
  onDone,
  onCancel,
  onStale,
}: {
  meeting: MeetingDto;
  slots: readonly { start: string; end: string }[];
  myZone: string;
  partnerZone: string | undefined;
  partnerName: string;
  send: (start: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  /** The meeting changed since it was read: read it again (the form stays, with the fresh version). */
  onStale?: () => void;
}) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const [choice, setChoice] = useState<string>(slots[0]?.start ?? 'other');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const { error, setError, problem, sending, run } = useMeetingChange(onDone, onStale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let start = choice;
    if (choice === 'other') {
      const day = parseLocalDate(date);
      const minutes = parseLocalTime(time);
      if (day === undefined || minutes === undefined) {
        setError(t('schedule.reschedule.pickTime'));
        return;
      }
      start = new Date(localToInstant(myZone, day, minutes)).toISOString();
    }
    await run(() => send(start));
  };

  const label = t('schedule.reschedule.title', { number: meeting.number });
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={label}>
      <Subtitle2 as="h4">{label}</Subtitle2>
      <Field label={t('schedule.reschedule.newTime')} {...(error ? { validationState: 'error' as const, validationMessage: error } : {})}>
        <RadioGroup value={choice} onChange={(_, d) => setChoice(d.value)}>
          {slots.map((slot) => (
            <Radio key={slot.start} value={slot.start} label={<SlotText start={slot.start} end={slot.end} myZone={myZone} partnerZone={partnerZone} partnerName={partnerName} />} />
          ))}
          <Radio value="other" label={t('schedule.reschedule.other', { zone: format.zoneTitle(myZone) })} />
        </RadioGroup>
      </Field>
      {choice === 'other' ? (
        <div className={styles.row}>
          <Field label={t('schedule.reschedule.date')}>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={t('schedule.reschedule.time')}>
            <TimeOfDaySelect value={time} onChange={setTime} />
          </Field>
        </div>
      ) : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={sending}>
          {sending ? t('common.saving') : t('schedule.reschedule.confirm')}
        </Button>
        <Button onClick={onCancel} disabled={sending}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Sending a change to one meeting (reschedule, cancel): a refusal the person can act on shows on the
 * form's field and keeps their input; a conflict or anything else shows as a problem with its remedy.
 */
/** `onStale`: the meeting changed since it was read (412); the caller reads it again, as the conflict message says. */
function useMeetingChange(onDone: () => void, onStale?: () => void) {
  const { t } = useI18n();
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [sending, setSending] = useState(false);
  const run = async (change: () => Promise<unknown>) => {
    setError(undefined);
    setProblem(undefined);
    setSending(true);
    try {
      await change();
      onDone();
    } catch (caught) {
      const p = problemOf(caught);
      const text = problemText(p, t);
      if (text && p.kind !== 'conflict') setError(text);
      else setProblem(p);
      if (p.kind === 'conflict') onStale?.();
    } finally {
      setSending(false);
    }
  };
  return { error, setError, problem, sending, run };
}

export function CancelForm({
  meeting,
  partnerName,
  send,
  onDone,
  onCancel,
  onStale,
}: {
  meeting: MeetingDto;
  partnerName: string;
  send: (comment: string) => Promise<unknown>;
  onDone: () => void;
  onCancel: () => void;
  /** The meeting changed since it was read: read it again (the form stays, with the fresh version). */
  onStale?: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const { error, setError, problem, sending, run } = useMeetingChange(onDone, onStale);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) {
      setError(t('schedule.code.COMMENT_REQUIRED'));
      return;
    }
    await run(() => send(comment.trim()));
  };

  const label = t('schedule.cancel.title', { number: meeting.number });
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={label}>
      <Subtitle2 as="h4">{label}</Subtitle2>
      <Field
        label={t('schedule.cancel.comment', { name: partnerName })}
        hint={t('schedule.cancel.hint')}
        required
        {...(error ? { validationState: 'error' as const, validationMessage: error } : {})}
      >
        <Textarea value={comment} resize="vertical" onChange={(_, d) => setComment(d.value)} />
      </Field>
      {problem ? <ProblemMessage problem={problem} /> : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={sending}>
          {sending ? t('common.sending') : t('schedule.cancel.confirm')}
        </Button>
        <Button onClick={onCancel} disabled={sending}>
          {t('schedule.cancel.keep')}
        </Button>
      </div>
    </form>
  );
}
