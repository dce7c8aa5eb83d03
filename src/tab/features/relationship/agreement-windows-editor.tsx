import { Button, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TimeOfDaySelect } from '../../components/time-of-day-select';
import type { IsoWeekday, WeeklyWindow } from '../../../core/agreement/agreement';
import { useI18n } from '../../i18n/i18n';
import type { AgreementProblems } from './agreement-problems';
import { weekdayName, windowText } from './agreement-summary';

const useStyles = makeStyles({
  fieldset: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, display: 'grid', gap: tokens.spacingVerticalS },
  windowRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * One person's weekly windows (meeting windows or contact hours). `problems` are the draft's, by field
 * path; those under `path` show at their window's field, and one about the whole list under the legend.
 */
export function WindowsEditor({
  legend,
  idPrefix,
  path,
  windows,
  problems,
  onChange,
}: {
  legend: string;
  idPrefix: string;
  path: string;
  windows: readonly WeeklyWindow[];
  problems: AgreementProblems;
  onChange: (w: WeeklyWindow[]) => void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const at = (field: string) => {
    const text = problems[`${path}.${field}`];
    return text ? { validationState: 'error' as const, validationMessage: text } : {};
  };
  const listProblem = problems[path];
  const set = (i: number, patch: Partial<WeeklyWindow>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  return (
    <fieldset className={styles.fieldset}>
      <legend>
        <Text weight="semibold">{legend}</Text>
      </legend>
      {listProblem ? (
        <Text role="alert" className={styles.error}>
          {listProblem}
        </Text>
      ) : null}
      {windows.map((w, i) => (
        <div key={i} className={styles.windowRow} role="group" aria-label={`${legend} ${i + 1}`}>
          <Field label={t('agreement.weekday')} {...at(`${i}.weekday`)}>
            <Select id={`${idPrefix}-day-${i}`} value={String(w.weekday)} onChange={(_, d) => set(i, { weekday: Number(d.value) as IsoWeekday })}>
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <option key={day} value={day}>
                  {weekdayName(language, day)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('agreement.from')} {...at(`${i}.start`)}>
            <TimeOfDaySelect value={w.start} onChange={(start) => set(i, { start })} />
          </Field>
          <Field label={t('agreement.to')} {...at(`${i}.end`)}>
            <TimeOfDaySelect value={w.end} onChange={(end) => set(i, { end })} />
          </Field>
          <Checkbox
            id={`${idPrefix}-next-day-${i}`}
            label={t('agreement.endsNextDay')}
            checked={w.endsNextDay === true}
            onChange={(_, d) =>
              onChange(
                windows.map((x, j) => {
                  if (j !== i) return x;
                  const { endsNextDay: _old, ...rest } = x;
                  return d.checked === true ? { ...rest, endsNextDay: true } : rest;
                }),
              )
            }
          />
          {w.endsNextDay ? <Text size={200}>{t('agreement.windowReads', { window: windowText(language, w, 'short') })}</Text> : null}
          <Button onClick={() => onChange(windows.filter((_, j) => j !== i))}>{t('agreement.removeWindow', { n: i + 1 })}</Button>
        </div>
      ))}
      <div>
        <Button onClick={() => onChange([...windows, { weekday: 2, start: '09:00', end: '12:00' }])}>{t('agreement.addWindow')}</Button>
      </div>
    </fieldset>
  );
}
