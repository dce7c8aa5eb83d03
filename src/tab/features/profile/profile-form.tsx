import {
  Button,
  Field,
  Input,
  Select,
  SpinButton,
  Switch,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { SENIORITY_LEVELS, type SeniorityLevel } from '../../../core/profiles/profile';
import { MAX_CAPACITY, validateProfileFields, type ProfileFields } from '../../../core/profiles/validate-profile';
import type { DomainError } from '../../../core/result';
import { FreeTextTagPicker } from '../../components/free-text-tag-picker';
import { TimeZonePicker } from '../../components/time-zone-picker';
import { useI18n, type Translate } from '../../i18n/i18n';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '640px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export type FieldErrors = Partial<Record<keyof ProfileFields, string>>;

/** `skillsToTeach[2]` → `skillsToTeach`: the form shows one message per control. */
export function fieldOf(error: Pick<DomainError, 'field'>): keyof ProfileFields | undefined {
  const root = error.field?.replace(/\[.*$/, '');
  const known: readonly string[] = ['jobTitle', 'seniority', 'skillsToTeach', 'skillsToLearn', 'languages', 'timeZone', 'capacity', 'openToReverseMentoring'];
  return root && known.includes(root) ? (root as keyof ProfileFields) : undefined;
}

/** The same rules the API applies, shown in the person's language before anything is sent. */
export function profileErrorText(error: DomainError, t: Translate): string {
  switch (error.code) {
    case 'PROFILE.JOB_TITLE_REQUIRED':
      return t('profile.jobTitleRequired');
    case 'PROFILE.CAPACITY_OUT_OF_RANGE':
      return t('profile.capacityRange', { min: 0, max: MAX_CAPACITY });
    case 'TIME.UNKNOWN_ZONE':
      return t('profile.timeZoneInvalid');
    default:
      return error.message;
  }
}

export function validateProfileForm(fields: ProfileFields, t: Translate): { ok: true; value: ProfileFields } | { ok: false; errors: FieldErrors } {
  const result = validateProfileFields(fields);
  if (result.ok) return { ok: true, value: result.value };
  const field = fieldOf(result.error) ?? 'jobTitle';
  return { ok: false, errors: { [field]: profileErrorText(result.error, t) } };
}

const seniorityKey = {
  entry: 'profile.seniority.entry',
  junior: 'profile.seniority.junior',
  intermediate: 'profile.seniority.intermediate',
  senior: 'profile.seniority.senior',
  lead: 'profile.seniority.lead',
  executive: 'profile.seniority.executive',
} as const satisfies Record<SeniorityLevel, string>;

export interface ProfileFormProps {
  initial: ProfileFields;
  /** Errors the API returned for the last save, by field. */
  serverErrors?: FieldErrors;
  saving: boolean;
  onSave: (fields: ProfileFields) => void;
}

export function ProfileForm({ initial, serverErrors = {}, saving, onSave }: ProfileFormProps) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const [fields, setFields] = useState<ProfileFields>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const shown: FieldErrors = { ...serverErrors, ...errors };
  const set = <K extends keyof ProfileFields>(key: K, value: ProfileFields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateProfileForm(fields, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onSave(checked.value);
  };

  const fieldState = (key: keyof ProfileFields) =>
    shown[key] ? { validationState: 'error' as const, validationMessage: shown[key] } : {};

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('profile.title')}>
      <Field label={t('profile.jobTitle')} required {...fieldState('jobTitle')}>
        <Input value={fields.jobTitle} maxLength={200} onChange={(_, d) => set('jobTitle', d.value)} />
      </Field>
      <Field label={t('profile.seniority')} required {...fieldState('seniority')}>
        <Select value={fields.seniority} onChange={(_, d) => set('seniority', d.value as SeniorityLevel)}>
          {SENIORITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(seniorityKey[level])}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('profile.skillsToTeach')} hint={t('profile.skillsHint')} {...fieldState('skillsToTeach')}>
        <FreeTextTagPicker
          inputLabel={t('profile.skillsToTeach')}
          selectedLabel={t('common.selectedValues', { label: t('profile.skillsToTeach') })}
          placeholder={t('profile.skillsPlaceholder')}
          values={fields.skillsToTeach}
          onChange={(v) => set('skillsToTeach', v)}
          addOptionText={(value) => t('common.addValue', { value })}
        />
      </Field>
      <Field label={t('profile.skillsToLearn')} hint={t('profile.skillsHint')} {...fieldState('skillsToLearn')}>
        <FreeTextTagPicker
          inputLabel={t('profile.skillsToLearn')}
          selectedLabel={t('common.selectedValues', { label: t('profile.skillsToLearn') })}
          placeholder={t('profile.skillsPlaceholder')}
          values={fields.skillsToLearn}
          onChange={(v) => set('skillsToLearn', v)}
          addOptionText={(value) => t('common.addValue', { value })}
        />
      </Field>
      <Field label={t('profile.languages')} hint={t('profile.languagesHint')} {...fieldState('languages')}>
        <FreeTextTagPicker
          inputLabel={t('profile.languages')}
          selectedLabel={t('common.selectedValues', { label: t('profile.languages') })}
          placeholder={t('profile.languagesPlaceholder')}
          values={fields.languages}
          display={format.language}
          onChange={(v) => set('languages', v)}
          addOptionText={(value) => t('common.addValue', { value })}
        />
      </Field>
      <Field label={t('profile.timeZone')} hint={t('profile.timeZoneHint')} required {...fieldState('timeZone')}>
        <TimeZonePicker value={fields.timeZone} onChange={(zone) => set('timeZone', zone)} />
      </Field>
      <Field label={t('profile.capacity')} hint={t('profile.capacityHint')} {...fieldState('capacity')}>
        <SpinButton
          value={Number.isFinite(fields.capacity) ? fields.capacity : null}
          min={0}
          max={MAX_CAPACITY}
          onChange={(_, d) => {
            const raw = d.value ?? (d.displayValue !== undefined ? Number(d.displayValue.trim()) : NaN);
            set('capacity', raw === null || raw === undefined ? NaN : raw);
          }}
        />
      </Field>
      <Switch
        label={t('profile.openToReverse')}
        checked={fields.openToReverseMentoring}
        onChange={(_, d) => set('openToReverseMentoring', d.checked)}
      />
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </Button>
      </div>
    </form>
  );
}
