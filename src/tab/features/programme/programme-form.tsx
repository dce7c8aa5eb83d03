/**
 * Create or edit a programme: what it is for, when it runs, who may join, how people are matched and
 * the agreement its pairs start from. The draft stays as typed when the API refuses it; each problem
 * is shown at its field, anything else above the buttons with what to do.
 */
import { Button, Dropdown, Field, Input, Option, Radio, RadioGroup, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { LIMITS } from '../../../contracts/common';
import { problemOf, type ApiProblem } from '../../api/api-error';
import type { ProgrammeFieldsBody } from '../../api/mentoring-api';
import { ProblemMessage } from '../../app/state-views';
import { useI18n } from '../../i18n/i18n';
import { PeoplePicker, usePeopleNames } from './people-picker';
import { bodyOf, checkDraft, serverFieldProblems, type CadenceKind, type DraftField, type ProgrammeDraft } from './programme-draft';
import { useOwnerText, type FixKey } from './owner-messages';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  section: { display: 'grid', gap: tokens.spacingVerticalM, margin: 0, padding: 0, border: 'none', minWidth: 0 },
  pair: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(180px, 100%), 1fr))' },
  // Fluent's Dropdown asks for 250 px; in a phone-wide column it takes the column's width instead.
  dropdown: { minWidth: 0, width: '100%' },
  goal: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  goalInput: { minWidth: 0 },
  fill: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const CADENCES: readonly CadenceKind[] = ['weekly', 'biweekly', 'monthly', 'everyNDays'];

/** The API writes its reasons in English; a Polish reader gets the field's own sentence instead. */
const SERVER_FIELD_TEXT: Record<DraftField, FixKey> = {
  name: 'owner.fix.name',
  purpose: 'owner.fix.purpose',
  startDate: 'owner.fix.date',
  endDate: 'owner.fix.endDate',
  invited: 'owner.fix.invitedRefused',
  groupId: 'owner.fix.groupNotFound',
  mentorCapacity: 'owner.fix.capacity',
  cadenceDays: 'owner.fix.cadenceDays',
  meetingMinutes: 'owner.fix.meetingMinutes',
  meetingCount: 'owner.fix.meetingCount',
  goals: 'owner.fix.goals',
};

export interface ProgrammeFormProps {
  readonly initial: ProgrammeDraft;
  readonly mode: 'create' | 'edit';
  /** Sends the body; throws the API's error, which the form shows. */
  readonly onSave: (body: ProgrammeFieldsBody) => Promise<void>;
  readonly onCancel?: () => void;
}

export function ProgrammeForm({ initial, mode, onSave, onCancel }: ProgrammeFormProps) {
  const { o } = useOwnerText();
  const { language } = useI18n();
  const styles = useStyles();
  const [draft, setDraft] = useState<ProgrammeDraft>(initial);
  const [checked, setChecked] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>(undefined);
  const names = usePeopleNames(draft.invited);

  const mine = checked ? checkDraft(draft) : {};
  const server = serverFieldProblems(problem);
  const problemAt = (field: DraftField): string | undefined => {
    const key = mine[field];
    if (key) return o(key);
    const said = server.atFields[field];
    if (said === undefined) return undefined;
    return language === 'en' && said !== '' ? said : o(SERVER_FIELD_TEXT[field]);
  };
  const at = (field: DraftField) => {
    const text = problemAt(field);
    return text ? { validationState: 'error' as const, validationMessage: text } : {};
  };
  const set = <K extends keyof ProgrammeDraft>(key: K, value: ProgrammeDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async () => {
    setChecked(true);
    if (Object.keys(checkDraft(draft)).length > 0) return;
    setSaving(true);
    setProblem(undefined);
    try {
      await onSave(bodyOf(draft));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label={mode === 'create' ? o('owner.form.createTitle') : o('owner.form.editTitle')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <fieldset className={styles.section}>
        <legend className={styles.legend}>
          <Subtitle2>{o('owner.form.about')}</Subtitle2>
        </legend>
        <Field label={o('owner.form.name')} required {...at('name')}>
          <Input value={draft.name} maxLength={LIMITS.title} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <Field label={o('owner.form.purpose')} hint={o('owner.form.purposeHint')} {...at('purpose')}>
          <Textarea value={draft.purpose} maxLength={LIMITS.shortText} resize="vertical" onChange={(_, d) => set('purpose', d.value)} />
        </Field>
        <div className={styles.pair}>
          <Field label={o('owner.form.startDate')} required {...at('startDate')}>
            <Input type="date" value={draft.startDate} onChange={(_, d) => set('startDate', d.value)} />
          </Field>
          <Field label={o('owner.form.endDate')} required {...at('endDate')}>
            <Input type="date" value={draft.endDate} onChange={(_, d) => set('endDate', d.value)} />
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>
          <Subtitle2>{o('owner.form.whoMayJoin')}</Subtitle2>
        </legend>
        <RadioGroup value={draft.joinKind} onChange={(_, d) => set('joinKind', d.value as ProgrammeDraft['joinKind'])} aria-label={o('owner.form.whoMayJoin')}>
          <Radio value="everyone" label={o('owner.join.everyone')} />
          <Radio value="invited" label={o('owner.join.invited')} />
          <Radio value="entraGroup" label={o('owner.join.entraGroup')} />
        </RadioGroup>
        {draft.joinKind === 'invited' ? (
          <PeoplePicker picked={draft.invited} names={names} problem={problemAt('invited')} onChange={(ids) => set('invited', ids)} disabled={saving} />
        ) : null}
        {draft.joinKind === 'entraGroup' ? (
          <Field label={o('owner.form.groupId')} hint={o('owner.form.groupIdHint')} required {...at('groupId')}>
            <Input value={draft.groupId} onChange={(_, d) => set('groupId', d.value)} />
          </Field>
        ) : null}
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>
          <Subtitle2>{o('owner.form.matching')}</Subtitle2>
        </legend>
        <Field label={o('owner.form.kind')}>
          <RadioGroup value={draft.kind} onChange={(_, d) => set('kind', d.value as ProgrammeDraft['kind'])}>
            <Radio value="mentoring" label={o('owner.kind.mentoring')} />
            <Radio value="reverse" label={o('owner.kind.reverse')} />
            <Radio value="both" label={o('owner.kind.both')} />
          </RadioGroup>
        </Field>
        <Field label={o('owner.form.matchingMode')}>
          <RadioGroup value={draft.matchingMode} onChange={(_, d) => set('matchingMode', d.value as ProgrammeDraft['matchingMode'])}>
            <Radio value="organic" label={o('owner.mode.organic')} />
            <Radio value="assisted" label={o('owner.mode.assisted')} />
            <Radio value="cohort" label={o('owner.mode.cohort')} />
          </RadioGroup>
        </Field>
        <Field label={o('owner.form.capacity')} hint={o('owner.form.capacityHint')} required {...at('mentorCapacity')}>
          <Input type="number" min={1} max={20} value={draft.mentorCapacity} onChange={(_, d) => set('mentorCapacity', d.value)} />
        </Field>
        <Field label={o('owner.form.publishAs')}>
          <RadioGroup value={draft.publishAs} onChange={(_, d) => set('publishAs', d.value as ProgrammeDraft['publishAs'])}>
            <Radio value="accepted" label={o('owner.publishAs.accepted')} />
            <Radio value="invitation" label={o('owner.publishAs.invitation')} />
          </RadioGroup>
        </Field>
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>
          <Subtitle2>{o('owner.form.agreement')}</Subtitle2>
        </legend>
        <Text>{o('owner.form.agreementHint')}</Text>
        <div className={styles.pair}>
          <Field label={o('owner.form.cadence')}>
            <Dropdown
              className={styles.dropdown}
              value={o(`owner.cadence.${draft.cadence}`)}
              selectedOptions={[draft.cadence]}
              onOptionSelect={(_, d) => set('cadence', d.optionValue as CadenceKind)}
            >
              {CADENCES.map((c) => (
                <Option key={c} value={c}>
                  {o(`owner.cadence.${c}`)}
                </Option>
              ))}
            </Dropdown>
          </Field>
          {draft.cadence === 'everyNDays' ? (
            <Field label={o('owner.form.cadenceDays')} required {...at('cadenceDays')}>
              <Input type="number" min={1} value={draft.cadenceDays} onChange={(_, d) => set('cadenceDays', d.value)} />
            </Field>
          ) : null}
          <Field label={o('owner.form.meetingMinutes')} required {...at('meetingMinutes')}>
            <Input type="number" min={15} max={240} step={15} value={draft.meetingMinutes} onChange={(_, d) => set('meetingMinutes', d.value)} />
          </Field>
          <Field label={o('owner.form.meetingCount')} required {...at('meetingCount')}>
            <Input type="number" min={1} value={draft.meetingCount} onChange={(_, d) => set('meetingCount', d.value)} />
          </Field>
        </div>
      </fieldset>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>
          <Subtitle2>{o('owner.form.goals')}</Subtitle2>
        </legend>
        <Text>{o('owner.form.goalsHint')}</Text>
        {draft.goals.map((goal, i) => (
          <div key={i} className={styles.goal}>
            <Field className={styles.goalInput} label={o('owner.form.goal', { n: i + 1 })}>
              <Input className={styles.fill} value={goal} maxLength={LIMITS.title} onChange={(_, d) => set('goals', draft.goals.map((g, j) => (j === i ? d.value : g)))} />
            </Field>
            <Button
              aria-label={o('owner.form.removeGoal', { n: i + 1 })}
              onClick={() => set('goals', draft.goals.filter((_, j) => j !== i))}
            >
              {o('owner.form.remove')}
            </Button>
          </div>
        ))}
        {problemAt('goals') ? (
          <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {problemAt('goals')}
          </Text>
        ) : null}
        <div>
          <Button disabled={draft.goals.length >= 10} onClick={() => set('goals', [...draft.goals, ''])}>
            {o('owner.form.addGoal')}
          </Button>
        </div>
      </fieldset>

      {checked && Object.keys(mine).length > 0 ? <Text role="alert">{o('owner.form.fixFields')}</Text> : null}
      {problem && (server.elsewhere || problem.kind === 'conflict') ? (
        <ProblemMessage problem={problem} title={problem.kind === 'conflict' ? o('owner.form.conflictTitle') : undefined} />
      ) : null}
      {problem && !server.elsewhere && problem.kind !== 'conflict' ? <Text role="alert">{o('owner.form.fixFields')}</Text> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? o('owner.form.saving') : mode === 'create' ? o('owner.form.create') : o('owner.form.save')}
        </Button>
        {onCancel ? (
          <Button onClick={onCancel} disabled={saving}>
            {o('owner.form.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
