import { Field, Select, makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ field: { maxWidth: '420px' } });
import { usePreferences, type LanguageChoice } from '../../app/preferences';
import { languageFromLocale, useI18n } from '../../i18n/i18n';

/** Each language is named in itself, so a person who cannot read the current one still finds theirs. */
const ownName = { en: 'English', pl: 'Polski' } as const;

/** The language follows Teams (or the browser) unless the person picks one; the pick stays on this device. */
export function LanguageChoiceField() {
  const { t } = useI18n();
  const { languageChoice, setLanguageChoice, hostLocale } = usePreferences();
  const styles = useStyles();
  return (
    <Field className={styles.field} label={t('profile.language')} hint={t('profile.languageHint')}>
      <Select value={languageChoice} onChange={(_, d) => setLanguageChoice(d.value as LanguageChoice)}>
        <option value="auto">{t('profile.languageAuto', { language: ownName[languageFromLocale(hostLocale)] })}</option>
        <option value="en" lang="en">
          {ownName.en}
        </option>
        <option value="pl" lang="pl">
          {ownName.pl}
        </option>
      </Select>
    </Field>
  );
}
