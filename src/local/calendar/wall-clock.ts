/** Local wall-clock time in an IANA zone → UTC instant, for expanding the demo calendars. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

const offsets = new Map<string, number>();
const BUCKET = 15 * 60_000;

/**
 * The zone's offset from UTC at `instant`, in ms (positive east of Greenwich). Zone transitions
 * fall on quarter hours, so one offset per zone and quarter hour is exact; the cache keeps the
 * free/busy of thousands of generated calendars cheap.
 */
export function zoneOffset(instant: number, zone: string): number {
  const key = `${zone}|${Math.floor(instant / BUCKET)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = computeOffset(Math.floor(instant / BUCKET) * BUCKET, zone);
    offsets.set(key, offset);
  }
  return offset;
}

function computeOffset(instant: number, zone: string): number {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `zone` shows the given date and minute of the day. */
export function wallClockToUtc(year: number, month: number, day: number, minuteOfDay: number, zone: string): number {
  const naive = Date.UTC(year, month - 1, day) + minuteOfDay * 60_000;
  let instant = naive - zoneOffset(naive, zone);
  // A second pass settles instants near a DST change (the offset at the guess may be the other one).
  instant = naive - zoneOffset(instant, zone);
  return instant;
}

/** The local calendar date (y, m, d) and ISO weekday in `zone` at `instant`. */
export function localDate(instant: number, zone: string): { year: number; month: number; day: number; weekday: number } {
  const shifted = new Date(instant + zoneOffset(instant, zone));
  const weekday = shifted.getUTCDay() === 0 ? 7 : shifted.getUTCDay();
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), weekday };
}
