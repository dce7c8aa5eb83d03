import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { AgreementDto } from '../../../contracts';
import { TimeZonePicker } from '../../components/time-zone-picker';
import { useI18n } from '../../i18n/i18n';
import type { AgreementProblems } from './agreement-problems';
import { windowsSummary } from './agreement-summary';
import { WindowsEditor } from './agreement-windows-editor';

const useStyles = makeStyles({
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    '@media (max-width: 479px)': { paddingLeft: tokens.spacingHorizontalS, paddingRight: tokens.spacingHorizontalS },
    margin: 0,
    // A fieldset is as wide as its content by default, which pushed a phone's page sideways.
    minWidth: 0,
    display: 'grid',
    gap: tokens.spacingVerticalM,
    alignContent: 'start',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  zone: { minWidth: 0, flexGrow: 1, maxWidth: '20rem' },
  contact: { display: 'grid', gap: tokens.spacingVerticalXS, minWidth: 0 },
  contactLine: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, alignItems: 'center' },
});

type Person = AgreementDto['mentor'];
type Side = 'mentor' | 'mentee';

/** Whether a problem sits on this list or one of its windows, so the list must be shown. */
const isUnder = (problems: AgreementProblems, path: string) => Object.keys(problems).some((p) => p === path || p.startsWith(`${path}.`));

/**
 * One person's boundaries, in their own zone: zone, contact channel, the windows a meeting may take,
 * and the contact hours. Contact hours rarely differ from working hours, so they read as one line with
 * "Change"; any problem under them opens the list, so no error is ever hidden, and so does an empty list.
 */
export function PersonFields({
  side,
  person,
  mine,
  partnerName,
  problems,
  onChange,
}: {
  side: Side;
  person: Person;
  mine: boolean;
  partnerName: string;
  problems: AgreementProblems;
  onChange: (patch: Partial<Person>) => void;
}) {
  const { t, format, language } = useI18n();
  const styles = useStyles();
  const zone = format.zoneTitle(person.timeZone);
  const at = (path: string) => (problems[path] ? { validationState: 'error' as const, validationMessage: problems[path] } : {});
  const contactPath = `${side}.contactHours`;
  const contactLegend = mine ? t('agreement.contactHoursMine', { zone }) : t('agreement.contactHours', { name: partnerName, zone });
  // An empty list has nothing to sum up: it shows as the list, ready for "Add a time window".
  const mustShow = isUnder(problems, contactPath) || person.contactHours.length === 0;
  const [open, setOpen] = useState(false);
  const expanded = open || mustShow;
  const ids = useId();
  const titleId = `${ids}-contact-title`;
  const changeId = `${ids}-contact-change`;
  const changeButton = useRef<HTMLButtonElement>(null);
  // Focus follows the toggle: into the list when it opens, back to "Change" when it closes.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    if (open) document.getElementById(`${side}-contact-day-0`)?.focus();
    else changeButton.current?.focus();
  }, [open, side]);
  const toggle = (next: boolean) => {
    moved.current = true;
    setOpen(next);
  };

  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Text weight="semibold" size={400}>
          {mine ? t('agreement.personMine') : t('agreement.person', { name: partnerName })}
        </Text>
      </legend>
      <div className={styles.row}>
        <Field className={styles.zone} label={t('agreement.timeZone')} {...at(`${side}.timeZone`)}>
          <TimeZonePicker value={person.timeZone} onChange={(timeZone) => onChange({ timeZone })} />
        </Field>
        <Field label={t('agreement.contactChannel')} {...at(`${side}.contactChannel`)}>
          <Select value={person.contactChannel} onChange={(_, d) => onChange({ contactChannel: d.value as 'teamsChat' | 'email' })}>
            <option value="teamsChat">{t('agreement.channel.teamsChat')}</option>
            <option value="email">{t('agreement.channel.email')}</option>
          </Select>
        </Field>
      </div>
      <WindowsEditor
        legend={mine ? t('agreement.meetingWindowsMine', { zone }) : t('agreement.meetingWindows', { name: partnerName, zone })}
        idPrefix={`${side}-meet`}
        windows={person.meetingWindows}
        path={`${side}.meetingWindows`}
        problems={problems}
        onChange={(meetingWindows) => onChange({ meetingWindows })}
      />
      {expanded ? (
        <WindowsEditor
          legend={contactLegend}
          idPrefix={`${side}-contact`}
          windows={person.contactHours}
          path={contactPath}
          problems={problems}
          onChange={(contactHours) => onChange({ contactHours })}
          actions={
            mustShow ? null : (
              <Button appearance="subtle" onClick={() => toggle(false)}>
                {t('agreement.contactHours.done')}
              </Button>
            )
          }
        />
      ) : (
        <div className={styles.contact}>
          <Text weight="semibold" id={titleId}>
            {contactLegend}
          </Text>
          <div className={styles.contactLine}>
            <Text>{windowsSummary(language, person.contactHours)}</Text>
            <Button ref={changeButton} id={changeId} size="small" aria-labelledby={`${changeId} ${titleId}`} onClick={() => toggle(true)}>
              {t('agreement.contactHours.change')}
            </Button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
