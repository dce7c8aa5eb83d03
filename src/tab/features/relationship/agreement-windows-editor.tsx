import { Button, Checkbox, Field, Select, Text, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { AddIcon, DeleteIcon } from '../../components/fluent-icons';
import { TimeOfDaySelect } from '../../components/time-of-day-select';
import type { IsoWeekday, WeeklyWindow } from '../../../core/agreement/agreement';
import { useI18n } from '../../i18n/i18n';
import type { AgreementProblems } from './agreement-problems';
import { weekdayName, windowText } from './agreement-summary';

/** Below this width a window takes two lines (day and remove; from, to and next day), the column headings with it. */
const NARROW = '@media (max-width: 479px)';

const useStyles = makeStyles({
  // On two lines a window needs more air around it than its own lines have, or the windows run together.
  fieldset: { border: 'none', margin: 0, padding: 0, minWidth: 0, display: 'grid', gap: tokens.spacingVerticalXS, [NARROW]: { gap: tokens.spacingVerticalM } },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  // One template for the headings and every window, so the columns line up without a table.
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 4fr) minmax(0, 3fr) minmax(0, 3fr) 6.5rem 2rem',
    gridTemplateAreas: '"day from to next remove"',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'start',
    maxWidth: '34rem',
    // A time needs about 5.5rem to show whole ("09:00" and the chevron); the heading over the tick box wraps instead.
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr) 4.5rem', gridTemplateAreas: '"day day remove" "from to next"' },
  },
  heading: { color: tokens.colorNeutralForeground3, alignSelf: 'end' },
  // The field's own box steps aside, so its control takes a column and its message a whole line of the window.
  field: { display: 'contents' },
  message: { gridColumn: '1 / -1' },
  day: { gridArea: 'day', minWidth: 0 },
  from: { gridArea: 'from', minWidth: 0 },
  to: { gridArea: 'to', minWidth: 0 },
  next: { gridArea: 'next', justifySelf: 'center', [NARROW]: { justifySelf: 'start' } },
  remove: { gridArea: 'remove', justifySelf: 'end' },
  reads: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * One person's weekly windows (meeting windows or contact hours), one compact line each under column
 * headings shown once; every control still carries its own name, and the row group names the
 * window. `problems` are the draft's, by field path; those under `path` show at their window's
 * field, and one about the whole list under the legend.
 */
export function WindowsEditor({
  legend,
  idPrefix,
  path,
  windows,
  problems,
  onChange,
  actions,
}: {
  legend: string;
  idPrefix: string;
  path: string;
  windows: readonly WeeklyWindow[];
  problems: AgreementProblems;
  onChange: (w: WeeklyWindow[]) => void;
  /** More buttons beside "Add a time window" (e.g. "Done" for a list shown on demand). */
  actions?: ReactNode;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  // The message spans the window's whole line: in its field's narrow column it would run a word a line.
  const at = (field: string) => {
    const text = problems[`${path}.${field}`];
    return text ? { validationState: 'error' as const, validationMessage: { children: text, className: styles.message } } : {};
  };
  const listProblem = problems[path];
  const set = (i: number, patch: Partial<WeeklyWindow>) => onChange(windows.map((w, j) => (j === i ? { ...w, ...patch } : w)));
  const setNextDay = (i: number, checked: boolean) =>
    onChange(
      windows.map((x, j) => {
        if (j !== i) return x;
        const { endsNextDay: _old, ...rest } = x;
        return checked ? { ...rest, endsNextDay: true } : rest;
      }),
    );
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>
        <Text weight="semibold">{legend}</Text>
      </legend>
      {listProblem ? (
        <Text role="alert" className={styles.error}>
          {listProblem}
        </Text>
      ) : null}
      {windows.length > 0 ? (
        // The headings are for the eye; each control below is named by its own aria-label.
        <div className={styles.columns} aria-hidden="true">
          {(
            [
              ['agreement.weekday', styles.day],
              ['agreement.from', styles.from],
              ['agreement.to', styles.to],
              ['agreement.endsNextDay', styles.next],
            ] as const
          ).map(([key, column]) => (
            <Text key={key} size={200} className={mergeClasses(styles.heading, column)}>
              {t(key)}
            </Text>
          ))}
        </div>
      ) : null}
      {windows.map((w, i) => {
        const remove = t('agreement.removeWindow', { n: i + 1 });
        return (
          <div key={i} className={styles.columns} role="group" aria-label={`${legend} ${i + 1}`}>
            <Field className={styles.field} {...at(`${i}.weekday`)}>
              <Select
                id={`${idPrefix}-day-${i}`}
                className={styles.day}
                aria-label={t('agreement.weekday')}
                value={String(w.weekday)}
                onChange={(_, d) => set(i, { weekday: Number(d.value) as IsoWeekday })}
              >
                {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                  <option key={day} value={day}>
                    {weekdayName(language, day)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={styles.field} {...at(`${i}.start`)}>
              <TimeOfDaySelect className={styles.from} aria-label={t('agreement.from')} value={w.start} onChange={(start) => set(i, { start })} />
            </Field>
            <Field className={styles.field} {...at(`${i}.end`)}>
              <TimeOfDaySelect className={styles.to} aria-label={t('agreement.to')} value={w.end} onChange={(end) => set(i, { end })} />
            </Field>
            <Checkbox
              id={`${idPrefix}-next-day-${i}`}
              className={styles.next}
              aria-label={t('agreement.endsNextDay')}
              checked={w.endsNextDay === true}
              onChange={(_, d) => setNextDay(i, d.checked === true)}
            />
            <Tooltip content={remove} relationship="label">
              <Button className={styles.remove} appearance="subtle" icon={<DeleteIcon />} aria-label={remove} onClick={() => onChange(windows.filter((_, j) => j !== i))} />
            </Tooltip>
            {w.endsNextDay ? (
              <Text size={200} className={styles.reads}>
                {t('agreement.windowReads', { window: windowText(language, w, 'short') })}
              </Text>
            ) : null}
          </div>
        );
      })}
      <div className={styles.actions}>
        <Button appearance="subtle" icon={<AddIcon />} onClick={() => onChange([...windows, { weekday: 2, start: '09:00', end: '12:00' }])}>
          {t('agreement.addWindow')}
        </Button>
        {actions}
      </div>
    </fieldset>
  );
}
