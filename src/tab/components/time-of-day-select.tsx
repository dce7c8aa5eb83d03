import { Select } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';

/** Every quarter hour of a day, as `HH:mm`. */
const QUARTER_HOURS = Array.from({ length: 96 }, (_, i) => `${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`);

/** "09:30" written as the reader's locale writes a time of day ("09:30", "9:30 AM"), the same way every time is written in the tab. */
export function timeOfDayLabel(clockTime: (epoch: number, timeZone: string) => string, hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return clockTime(Date.UTC(2024, 0, 1, h ?? 0, m ?? 0), 'UTC');
}

/**
 * A time of day chosen from the quarter hours, labelled in the person's locale (a native time input
 * follows the browser's 12/24-hour setting instead, unlike every other time the tab shows). A value
 * off the quarter hours (from Outlook, say) stays offered as it is. The value is always `HH:mm`.
 */
export function TimeOfDaySelect({
  value,
  onChange,
  id,
  className,
  'aria-label': ariaLabel,
}: {
  value: string;
  onChange: (hhmm: string) => void;
  id?: string;
  className?: string;
  'aria-label'?: string;
}) {
  const { format } = useI18n();
  const options = QUARTER_HOURS.includes(value) || !/^\d{2}:\d{2}$/.test(value) ? QUARTER_HOURS : [...QUARTER_HOURS, value].sort();
  return (
    <Select {...(id ? { id } : {})} {...(className ? { className } : {})} {...(ariaLabel ? { 'aria-label': ariaLabel } : {})} value={value} onChange={(_, d) => onChange(d.value)}>
      {/^\d{2}:\d{2}$/.test(value) ? null : <option value={value}>{value}</option>}
      {options.map((hhmm) => (
        <option key={hhmm} value={hhmm}>
          {timeOfDayLabel(format.clockTime, hhmm)}
        </option>
      ))}
    </Select>
  );
}
