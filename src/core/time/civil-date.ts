import { DAY, MINUTE } from './interval';
import type { IsoWeekday, LocalDate, LocalTime } from '../agreement/agreement';

/**
 * Calendar arithmetic on plain day numbers (days since 1970-01-01), so the core never builds a `Date`.
 * The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days` (proleptic Gregorian).
 */
export type DayNumber = number;

export function dayNumberFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDayNumber(days: DayNumber): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 1970-01-01 was a Thursday (ISO weekday 4). */
export function weekdayOf(days: DayNumber): IsoWeekday {
  return ((((days + 3) % 7) + 7) % 7) + 1 as IsoWeekday;
}

export function daysInMonth(year: number, month: number): number {
  return dayNumberFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayNumberFromCivil(year, month, 1);
}

/** Same day of month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(days: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilFromDayNumber(days);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayNumberFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" → day number, or undefined when it is not a real calendar date (2026-02-30). */
export function parseLocalDate(text: string): DayNumber | undefined {
  const m = LOCAL_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayNumberFromCivil(year, month, day);
}

export function formatLocalDate(days: DayNumber): LocalDate {
  const { year, month, day } = civilFromDayNumber(days);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "HH:mm" (00:00–23:59) → minutes after midnight, or undefined. */
export function parseLocalTime(text: string): number | undefined {
  const m = LOCAL_TIME.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight → "HH:mm"; 1440 and more wrap to the next day's clock. */
export function formatLocalTime(minutes: number): LocalTime {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The "local epoch" instant of a wall-clock reading: the wall clock read as if it were UTC. */
export function wallClockMs(days: DayNumber, minutes: number): number {
  return days * DAY + minutes * MINUTE;
}

export const WEEKDAY_NAMES: Readonly<Record<IsoWeekday, string>> = {
  1: 'Mon',
  2: 'Tue',
  3: 'Wed',
  4: 'Thu',
  5: 'Fri',
  6: 'Sat',
  7: 'Sun',
};
