import { Caption1, Checkbox, Label, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { MeetingDto } from '../../../contracts';
import { useI18n } from '../../i18n/i18n';

const useStyles = makeStyles({
  picker: { display: 'grid', gap: tokens.spacingVerticalXXS },
  list: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
});

/**
 * The meetings a theme is planned for, ticked from the planned meetings: the agreed series (meetings 1
 * to `plannedCount`, so a roadmap can be planned before booking) and every booked meeting, each with
 * its date (in my zone) once booked. A number ticked earlier whose meeting was cancelled stays ticked
 * and is named as not booked.
 */
export function RoadmapMeetingsPicker({
  label,
  meetings,
  plannedCount,
  chosen,
  onChange,
}: {
  label: string;
  meetings: readonly MeetingDto[];
  plannedCount: number;
  chosen: readonly number[];
  onChange: (numbers: number[]) => void;
}) {
  const { t, format } = useI18n();
  const styles = useStyles();
  const labelId = useId();
  const planned = meetings.filter((m) => m.status !== 'cancelled');
  const byNumber = new Map(planned.map((m) => [m.number, m]));
  const series = Array.from({ length: plannedCount }, (_, i) => i + 1);
  const numbers = [...new Set([...series, ...planned.map((m) => m.number), ...chosen])].sort((a, b) => a - b);
  const text = (n: number) => {
    const meeting = byNumber.get(n);
    return meeting ? t('roadmap.meetingOption', { n, date: format.dateTime(meeting.start) }) : t('roadmap.meetingNotBooked', { n });
  };
  const toggle = (n: number, on: boolean) => onChange([...new Set(on ? [...chosen, n] : chosen.filter((x) => x !== n))].sort((a, b) => a - b));
  return (
    <div className={styles.picker}>
      <Label id={labelId}>{label}</Label>
      {numbers.length === 0 ? <Caption1>{t('roadmap.meetingsHint')}</Caption1> : null}
      <div role="group" aria-labelledby={labelId} className={styles.list}>
        {numbers.map((n) => (
          <Checkbox key={n} label={text(n)} checked={chosen.includes(n)} onChange={(_, d) => toggle(n, d.checked === true)} />
        ))}
      </div>
    </div>
  );
}
