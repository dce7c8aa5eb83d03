import { Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ProfileDto } from '../../../contracts';
import type { ProfileFields } from '../../../core/profiles/validate-profile';
import { ApiError, problemOf, type ApiProblem } from '../../api/api-error';
import { useApi } from '../../app/session';
import { LoadingSkeleton, Notice, ProblemMessage } from '../../app/state-views';
import { useLoader } from '../../app/use-loader';
import { useI18n } from '../../i18n/i18n';
import { useSetMyTimeZone } from '../../app/preferences';
import { LanguageChoiceField } from './language-choice';
import { fieldOf, ProfileForm, type FieldErrors } from './profile-form';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
});

/** A person who has never saved a profile starts from sensible blanks rather than an error. */
async function loadProfile(getMyProfile: (signal: AbortSignal) => Promise<ProfileDto>, signal: AbortSignal): Promise<ProfileDto | null> {
  try {
    return await getMyProfile(signal);
  } catch (error) {
    if (error instanceof ApiError && error.problem.kind === 'notFound') return null;
    throw error;
  }
}

export function toFields(profile: ProfileDto | null, viewerTimeZone: string): ProfileFields {
  if (!profile) {
    return {
      jobTitle: '',
      seniority: 'intermediate',
      skillsToTeach: [],
      skillsToLearn: [],
      languages: [],
      timeZone: viewerTimeZone,
      capacity: 1,
      openToReverseMentoring: false,
    };
  }
  const { jobTitle, seniority, skillsToTeach, skillsToLearn, languages, timeZone, capacity, openToReverseMentoring } = profile;
  return { jobTitle, seniority, skillsToTeach, skillsToLearn, languages, timeZone, capacity, openToReverseMentoring };
}

export default function ProfileScreen() {
  const { t, timeZone } = useI18n();
  const api = useApi();
  const setMyTimeZone = useSetMyTimeZone();
  const styles = useStyles();
  const { loaded, reload, replace } = useLoader((signal) => loadProfile((s) => api.getMyProfile(s), signal), [api]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<'saved' | 'conflict' | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  // Remounting the form with the latest server version after a conflict or save keeps it honest.
  const [formKey, setFormKey] = useState(0);

  const save = async (fields: ProfileFields) => {
    if (loaded.state !== 'ready') return;
    setSaving(true);
    setNotice(undefined);
    setProblem(undefined);
    setServerErrors({});
    try {
      const saved = await api.saveMyProfile(
        { ...fields, skillsToTeach: [...fields.skillsToTeach], skillsToLearn: [...fields.skillsToLearn], languages: [...fields.languages] },
        loaded.data?.version,
      );
      replace(() => saved);
      setMyTimeZone(saved.timeZone);
      setFormKey((k) => k + 1);
      setNotice('saved');
    } catch (error) {
      const p = problemOf(error);
      if (p.kind === 'conflict') {
        setNotice('conflict');
        setFormKey((k) => k + 1);
        reload();
      } else {
        const field = p.kind === 'validation' || p.kind === 'rejected' ? fieldOf(p) : undefined;
        if (field && p.serverMessage) setServerErrors({ [field]: p.serverMessage });
        else setProblem(p);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={styles.page} aria-labelledby="profile-title">
      <Title2 as="h1" id="profile-title">
        {t('profile.title')}
      </Title2>
      <LanguageChoiceField />
      <Text>{t('profile.intro')}</Text>
      {notice === 'saved' ? <Notice intent="success">{t('profile.saved')}</Notice> : null}
      {notice === 'conflict' ? <Notice intent="warning">{t('error.conflict')}</Notice> : null}
      {problem ? <ProblemMessage problem={problem} /> : null}
      {loaded.state === 'loading' ? <LoadingSkeleton rows={4} /> : null}
      {loaded.state === 'error' ? <ProblemMessage problem={loaded.problem} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? (
        <ProfileForm
          key={`${formKey}-${loaded.data?.version ?? 'new'}`}
          initial={toFields(loaded.data, timeZone)}
          serverErrors={serverErrors}
          saving={saving}
          onSave={(fields) => void save(fields)}
        />
      ) : null}
    </section>
  );
}
