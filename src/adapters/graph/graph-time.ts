/** Graph's dateTimeTimeZone values in UTC, both ways. */
import type { Instant } from '../../core/time/interval';
import type { DateTimeTimeZone } from './graph-schemas';

// Graph names UTC "UTC" when asked with Prefer: outlook.timezone="UTC"; the others are its aliases.
const UTC_NAMES = new Set(['utc', 'etc/utc', 'coordinated universal time']);

export function toGraphUtc(instant: Instant): { dateTime: string; timeZone: 'UTC' } {
  return { dateTime: new Date(instant).toISOString().slice(0, 19), timeZone: 'UTC' };
}

/** Parses a Graph dateTime that we asked for in UTC; undefined when Graph answered in another zone. */
export function fromGraphUtc(value: DateTimeTimeZone): Instant | undefined {
  if (!UTC_NAMES.has(value.timeZone.toLowerCase())) return undefined;
  const [whole, fraction = ''] = value.dateTime.split('.');
  const withSeconds = whole!.length === 16 ? `${whole}:00` : whole!;
  const millis = (fraction + '000').slice(0, 3);
  const instant = Date.parse(`${withSeconds}.${millis}Z`);
  return Number.isNaN(instant) ? undefined : instant;
}
