import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AgreementDto } from '../../../contracts';
import type { WeeklyWindow } from '../../../core/agreement/agreement';
import { parseLocalDate, parseLocalTime, weekdayOf } from '../../../core/time/civil-date';
import { localToInstant } from '../../../core/time/zoned-time';
import { useI18n, type I18n } from '../../i18n/i18n';
import type { Pair } from './action-items-panel';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalS },
  person: { display: 'grid', gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Weekday names from Intl, Monday = 1 (ISO), in the reader's language. */
export function weekdayName(language: string, weekday: number, style: 'long' | 'short' = 'long'): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', { weekday: style, timeZone: 'UTC' }).format(Date.UTC(2024, 0, weekday));
}

/**
 * "Tue 09:00–12:00", or for a window that runs past midnight both days: "Fri 22:00 – Sat 01:00".
 * An end of 00:00 without the flag is midnight at the end of the same day, as the core reads it.
 */
export function windowText(language: string, window: WeeklyWindow, style: 'long' | 'short' = 'long'): string {
  const day = weekdayName(language, window.weekday, style);
  if (!window.endsNextDay) return `${day} ${window.start}–${window.end}`;
  return `${day} ${window.start} – ${weekdayName(language, (window.weekday % 7) + 1, style)} ${window.end}`;
}

/**
 * A list of windows in one line, as a person would say it: days with the same hours share them, and
 * three or more days in a row read as a range ("Mon–Fri 09:00–17:00; Sat 10:00–12:00"). A window that
 * runs past midnight is written on its own with both days. Empty for no windows.
 */
export function windowsSummary(language: string, windows: readonly WeeklyWindow[]): string {
  const groups = new Map<string, { start: string; end: string; days: number[] }>();
  const parts: (string | { start: string; end: string; days: number[] })[] = [];
  for (const w of windows) {
    if (w.endsNextDay) {
      parts.push(windowText(language, w, 'short'));
      continue;
    }
    const key = `${w.start}-${w.end}`;
    const group = groups.get(key);
    if (group) group.days.push(w.weekday);
    else {
      const created = { start: w.start, end: w.end, days: [w.weekday as number] };
      groups.set(key, created);
      parts.push(created);
    }
  }
  const day = (d: number) => weekdayName(language, d, 'short');
  const daysText = (days: readonly number[]) => {
    const sorted = [...new Set(days)].sort((a, b) => a - b);
    const runs: number[][] = [];
    for (const d of sorted) {
      const last = runs.at(-1);
      if (last && last.at(-1) === d - 1) last.push(d);
      else runs.push([d]);
    }
    return runs.flatMap((run) => (run.length >= 3 ? [`${day(run[0]!)}–${day(run.at(-1)!)}`] : run.map(day))).join(', ');
  };
  return parts.map((part) => (typeof part === 'string' ? part : `${daysText(part.days)} ${part.start}–${part.end}`)).join('; ');
}

export function cadenceText(cadence: AgreementDto['cadence'], t: I18n['t']): string {
  switch (cadence.kind) {
    case 'weekly':
      return t('agreement.cadence.weekly');
    case 'biweekly':
      return t('agreement.cadence.biweekly');
    case 'monthly':
      return t('agreement.cadence.monthly');
    case 'everyNDays':
      return t('agreement.cadence.everyNDays', { days: cadence.days });
  }
}

/**
 * A window written in its owner's zone, and what its first occurrence on or after `fromDate` is on
 * the viewer's clock: zone arithmetic is the core's, so DST and half-hour zones come out right.
 */
export function windowInViewerZone(window: WeeklyWindow, ownerZone: string, fromDate: string, viewerZone: string, i18n: Pick<I18n, 'language' | 'format'>): string {
  const day = parseLocalDate(fromDate);
  const start = parseLocalTime(window.start);
  if (day === undefined || start === undefined) return '';
  const offset = (window.weekday - weekdayOf(day) + 7) % 7;
  const instant = localToInstant(ownerZone, day + offset, start);
  const weekday = new Intl.DateTimeFormat(i18n.language === 'pl' ? 'pl-PL' : 'en-GB', { weekday: 'short', timeZone: viewerZone }).format(instant);
  // The end too, on the viewer's clock: a window that runs past midnight ends on the next day.
  const end = parseLocalTime(window.end);
  if (end === undefined) return `${weekday} ${i18n.format.time(instant, viewerZone)}`;
  const endInstant = localToInstant(ownerZone, day + offset + (window.endsNextDay || end <= start ? 1 : 0), end);
  return `${weekday} ${i18n.format.clockTime(instant, viewerZone)} – ${i18n.format.time(endInstant, viewerZone)}`;
}

export function AgreementSummary({ agreement, pair, viewerZone }: { agreement: AgreementDto; pair: Pair; viewerZone: string }) {
  const i18n = useI18n();
  const { t, format, language } = i18n;
  const styles = useStyles();
  const day = (d: string) => format.date(`${d}T12:00:00Z`, 'UTC');
  return (
    <div className={styles.grid}>
      <Text weight="semibold">
        {t('agreement.summary', { cadence: cadenceText(agreement.cadence, t), minutes: agreement.meetingMinutes, first: day(agreement.firstDate) })}
      </Text>
      {agreement.meetingCount ? <Text>{t('agreement.summary.count', { count: agreement.meetingCount })}</Text> : null}
      {agreement.endDate ? <Text>{t('agreement.summary.until', { date: day(agreement.endDate) })}</Text> : null}
      <Text>{t('agreement.summary.buffer', { minutes: agreement.bufferMinutes })}</Text>
      <Text>{t('agreement.summary.notice', { hours: agreement.minimumNoticeHours })}</Text>
      <Text>{t(agreement.respectWorkingHours ? 'agreement.summary.workingHoursOnly' : 'agreement.summary.workingHoursNot')}</Text>
      <Text>
        {t('agreement.location')}:{' '}
        {agreement.location.kind === 'online' ? t('agreement.location.online') : `${t('agreement.location.place')} — ${agreement.location.name}`}
      </Text>
      {[agreement.mentor, agreement.mentee].map((side) => (
        <div key={side.personId} className={styles.person}>
          <Text weight="semibold">
            {side.personId === pair.myId
              ? t('agreement.meetingWindowsMine', { zone: format.zoneTitle(side.timeZone) })
              : t('agreement.meetingWindows', { name: pair.partnerName, zone: format.zoneTitle(side.timeZone) })}
          </Text>
          <ul className={styles.list}>
            {side.meetingWindows.map((w, i) => {
              const written = windowText(language, w);
              return (
                <li key={i}>
                  {side.timeZone === viewerZone
                    ? written
                    : t('agreement.windowInViewerZone', { window: written, zone: format.zoneTitle(side.timeZone), local: windowInViewerZone(w, side.timeZone, agreement.firstDate, viewerZone, i18n) })}
                </li>
              );
            })}
          </ul>
          <Text size={200}>
            {t('agreement.contactChannel')}: {t(side.contactChannel === 'email' ? 'agreement.channel.email' : 'agreement.channel.teamsChat')} ·{' '}
            {side.personId === pair.myId
              ? t('agreement.contactHoursMine', { zone: format.zoneTitle(side.timeZone) })
              : t('agreement.contactHours', { name: pair.partnerName, zone: format.zoneTitle(side.timeZone) })}
            :{' '}
            {windowsSummary(language, side.contactHours)}
          </Text>
        </div>
      ))}
    </div>
  );
}
