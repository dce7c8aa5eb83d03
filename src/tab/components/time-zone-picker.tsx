import { Combobox, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useClock } from '../app/clock';
import { useI18n, type Formatters } from '../i18n/i18n';

const useStyles = makeStyles({
  option: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, width: '100%' },
  offset: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  listbox: { maxHeight: '320px' },
});

export interface ZoneChoice {
  /** The IANA id, which is what is stored. */
  id: string;
  /** As a person names it, in their language: "Central European Time, Warsaw". */
  title: string;
  /** The offset now, "UTC+01:00", to tell neighbours apart and to sort by. */
  offset: string;
  minutes: number;
  /** Lower-case, without accents: what a search matches against (the title, the id, the offset). */
  haystack: string;
}

/** Case- and accent-blind, and "new york" finds "America/New_York". */
export const foldForSearch = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_/,·—–()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function offsetOf(id: string, at: number): { offset: string; minutes: number } {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: id, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /([+-−])(\d{2}):?(\d{2})?/.exec(name);
    const minutes = m ? (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
    const sign = minutes < 0 ? '−' : '+';
    const abs = Math.abs(minutes);
    return { offset: `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`, minutes };
  } catch {
    return { offset: '', minutes: 0 };
  }
}

export function zoneChoice(id: string, format: Pick<Formatters, 'zoneTitle'>, at: number): ZoneChoice {
  const title = format.zoneTitle(id);
  const { offset, minutes } = offsetOf(id, at);
  return { id, title, offset, minutes, haystack: foldForSearch(`${title} ${id} ${offset} ${offset.replace('−', '-')}`) };
}

/**
 * ICU lists some zones under their old names ("Asia/Calcutta", "Europe/Kiev"); the IANA database and
 * Outlook use the current ones, so those are stored. Both name the same rules.
 */
const CURRENT_NAME: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Coral_Harbour': 'America/Atikokan',
  'Africa/Asmera': 'Africa/Asmara',
};

/** Every zone the browser knows (plus the current value, should it be an alias), as people name them, by offset. */
export function zoneChoices(current: string, format: Pick<Formatters, 'zoneTitle'>, at: number, collator: Intl.Collator): ZoneChoice[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const ids = new Set(['UTC', ...supported.map((id) => CURRENT_NAME[id] ?? id)]);
  if (current) ids.add(current);
  return [...ids].map((id) => zoneChoice(id, format, at)).sort((a, b) => a.minutes - b.minutes || collator.compare(a.title, b.title));
}

export interface TimeZonePickerProps {
  /** The IANA id chosen. */
  value: string;
  onChange: (timeZone: string) => void;
}

/**
 * A searchable list of time zones shown as people name them in their language ("Central European
 * Time, Warsaw · UTC+01:00"; "czas środkowoeuropejski, Warsaw"), never as IANA ids; the id is what is
 * stored. Typing filters by name, place, id or offset; leaving without choosing keeps the zone chosen.
 * The list is built when first opened, so a form that is only read costs nothing.
 */
export function TimeZonePicker({ value, onChange }: TimeZonePickerProps) {
  const { format, language, t } = useI18n();
  const clock = useClock();
  const styles = useStyles();
  const [query, setQuery] = useState<string | undefined>(undefined);
  const [opened, setOpened] = useState(false);
  const [open, setOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the names depend on the language, not on the zone chosen or the minute; built once opened.
  const choices = useMemo(() => (opened ? zoneChoices(value, format, clock(), new Intl.Collator(language)) : []), [opened, format, language]);
  const chosenTitle = format.zoneTitle(value);
  const q = query === undefined ? '' : foldForSearch(query);
  const shown = q ? choices.filter((c) => c.haystack.includes(q)) : choices;
  const noMatch = t('zone.noMatch', { query: query ?? '' });

  return (
    <Combobox
      value={query ?? chosenTitle}
      selectedOptions={[value]}
      listbox={{ className: styles.listbox }}
      open={open}
      onOpenChange={(_, d) => {
        setOpen(d.open);
        if (d.open) setOpened(true);
        else setQuery(undefined);
      }}
      onFocus={() => setOpened(true)}
      onChange={(event) => {
        setQuery(event.target.value);
        setOpen(true);
      }}
      onOptionSelect={(_, d) => {
        // Emptying the input "unselects" in Fluent; the stored zone stays until another is picked.
        if (!d.optionValue) return;
        onChange(d.optionValue);
        setQuery(undefined);
      }}
    >
      {opened && shown.length === 0 ? (
        <Option value="" text={noMatch} disabled>
          {noMatch}
        </Option>
      ) : null}
      {shown.map((choice) => (
        <Option key={choice.id} value={choice.id} text={choice.title}>
          <span className={styles.option}>
            <span>{choice.title}</span>
            <span className={styles.offset}>{choice.offset}</span>
          </span>
        </Option>
      ))}
    </Combobox>
  );
}
