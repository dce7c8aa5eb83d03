import { findIana } from 'windows-iana';
import { fail, ok, type Result } from '../result';

/**
 * Zone names arrive from Graph either as IANA names or as Windows names ("W. Europe Standard Time").
 * Windows names are mapped with CLDR's windowsZones table (the `windows-iana` package, pure data);
 * the CLDR primary is sometimes an old IANA spelling, so the renames in IANA's `backward` file are
 * applied to give the current name.
 */
const IANA_RENAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Truk': 'Pacific/Chuuk',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Etc/UTC': 'UTC',
};

const validity = new Map<string, boolean>();

/** True when the runtime's time-zone database knows `zone` (an IANA name). */
export function isKnownIanaZone(zone: string): boolean {
  let known = validity.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = zone.includes('/') || zone === 'UTC';
    } catch {
      known = false;
    }
    validity.set(zone, known);
  }
  return known;
}

/**
 * Resolves a zone name from a calendar or a person (IANA or Windows) to a current IANA name, or
 * `TIME.UNKNOWN_ZONE` naming the field it came from.
 */
export function resolveTimeZone(name: string, field = 'timeZone'): Result<string> {
  const trimmed = name.trim();
  if (trimmed.length > 0) {
    const windows = findIana(trimmed)[0];
    const candidate = windows ?? trimmed;
    const current = IANA_RENAMES[candidate] ?? candidate;
    if (isKnownIanaZone(current)) return ok(current);
  }
  return fail(
    'TIME.UNKNOWN_ZONE',
    `"${name}" is not a time zone we recognise. Use an IANA name such as "Europe/Warsaw" or a Windows name such as "W. Europe Standard Time".`,
    { field },
  );
}
