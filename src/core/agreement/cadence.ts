import type { Cadence } from './agreement';
import { addMonths, type DayNumber } from '../time/civil-date';

/** The shortest period of a cadence in days (a month is at least 28). */
export function cadencePeriodMinDays(cadence: Cadence): number {
  switch (cadence.kind) {
    case 'weekly':
      return 7;
    case 'biweekly':
      return 14;
    case 'monthly':
      return 28;
    case 'everyNDays':
      return cadence.days;
  }
}

/** The local date `periods` cadence periods after `date`; months keep the day of month (clamped). */
export function addCadence(cadence: Cadence, date: DayNumber, periods: number): DayNumber {
  switch (cadence.kind) {
    case 'weekly':
      return date + 7 * periods;
    case 'biweekly':
      return date + 14 * periods;
    case 'monthly':
      return addMonths(date, periods);
    case 'everyNDays':
      return date + cadence.days * periods;
  }
}
