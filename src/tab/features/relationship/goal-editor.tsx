import { LIMITS } from '../../../contracts/common';
import { isTooLong, lengthLimitProps } from '../../components/length-limit';
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, SpinButton, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { civilDateHint } from '../../components/civil-date-hint';
import { useState, type FormEvent } from 'react';
import { smartCheck, type SmartPart } from '../../../core/goals/smart-check';
import { isLocalDate } from '../../../core/usecases/text-rules';
import type { NewGoal } from '../../api/mentoring-api';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export const SMART_PARTS: readonly SmartPart[] = ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'];
export const smartLabelKey = {
  specific: 'goals.specific',
  measurable: 'goals.measurable',
  achievable: 'goals.achievable',
  relevant: 'goals.relevant',
  timeBound: 'goals.timeBound',
} as const satisfies Record<SmartPart, string>;
export const smartHintKey = {
  specific: 'goals.hint.specific',
  measurable: 'goals.hint.measurable',
  achievable: 'goals.hint.achievable',
  relevant: 'goals.hint.relevant',
  timeBound: 'goals.hint.timeBound',
} as const satisfies Record<SmartPart, string>;

type Errors = Partial<Record<'title' | 'targetDate' | 'progress' | 'length', string>>;

export interface GoalEditorProps {
  initial?: NewGoal;
  saving: boolean;
  onSave: (goal: NewGoal) => void;
  onCancel?: () => void;
  /** Errors the API returned, by field. */
  serverErrors?: Errors;
}

const blank: NewGoal = { title: '', smart: { specific: '', measurable: '', achievable: '', relevant: '', timeBound: '' }, progress: 0 };

/**
 * A goal with its five SMART parts. Only the title is required: a missing part is flagged gently
 * (the same rule the API applies to its `missing` list), never blocking the save.
 */
export function GoalEditor({ initial = blank, saving, onSave, onCancel, serverErrors = {} }: GoalEditorProps) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const [goal, setGoal] = useState<NewGoal>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const shown = { ...serverErrors, ...errors };
  const missing = smartCheck({ smart: goal.smart, ...(goal.targetDate ? { targetDate: goal.targetDate } : {}) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (goal.title.trim().length === 0) found.title = t('goals.titleRequired');
    // Over-long text is refused here, at its field, before anything is sent.
    if (isTooLong(goal.title.trim(), LIMITS.title) || SMART_PARTS.some((part) => isTooLong(goal.smart[part], LIMITS.shortText))) found.length = 'tooLong';
    if (goal.targetDate && !isLocalDate(goal.targetDate)) found.targetDate = t('goals.targetDateInvalid');
    const progress = goal.progress ?? 0;
    if (!Number.isInteger(progress) || progress < 0 || progress > 100) found.progress = t('goals.progressRange');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const { targetDate, ...rest } = goal;
    onSave({ ...rest, title: goal.title.trim(), ...(targetDate ? { targetDate } : {}) });
  };

  const state = (key: keyof Errors) => (shown[key] ? { validationState: 'error' as const, validationMessage: shown[key] } : {});

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={initial === blank ? t('goals.new') : t('goals.edit', { title: initial.title })}>
      <Field label={t('goals.titleLabel')} required {...lengthLimitProps(t, goal.title, LIMITS.title, shown.title)}>
        <Input value={goal.title} onChange={(_, d) => setGoal((g) => ({ ...g, title: d.value }))} />
      </Field>
      {SMART_PARTS.map((part) => (
        <Field key={part} label={t(smartLabelKey[part])} {...lengthLimitProps(t, goal.smart[part], LIMITS.shortText)}>
          <Textarea
            value={goal.smart[part]}
            resize="vertical"
            onChange={(_, d) => setGoal((g) => ({ ...g, smart: { ...g.smart, [part]: d.value } }))}
          />
        </Field>
      ))}
      <div className={styles.row}>
        <Field label={t('goals.targetDate')} {...(shown.targetDate ? state('targetDate') : civilDateHint(goal.targetDate, format))}>
          <Input type="date" value={goal.targetDate ?? ''} onChange={(_, d) => setGoal((g) => ({ ...g, targetDate: d.value || undefined }))} />
        </Field>
        <Field label={t('goals.progress')} {...state('progress')}>
          <SpinButton
            min={0}
            max={100}
            step={10}
            value={goal.progress ?? 0}
            onChange={(_, d) => {
              const value = d.value ?? (d.displayValue !== undefined ? Number(d.displayValue) : NaN);
              setGoal((g) => ({ ...g, progress: value ?? NaN }));
            }}
          />
        </Field>
      </div>
      {missing.length > 0 && goal.title.trim().length > 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('goals.missingTitle')}</MessageBarTitle>
            <ul>
              {missing.map((m) => (
                <li key={m.part}>{t(smartHintKey[m.part])}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
      </div>
    </form>
  );
}
