import { fail, ok, type Result } from '../result';

/**
 * The core takes IANA zone names only. Windows names ("W. Europe Standard Time"), which Graph and
 * Outlook report, are mapped at the Graph adapter (src/adapters/graph/windows-zones.ts) before they
 * reach the core. Old IANA spellings (the links in IANA's `backward` file) are renamed to the current
 * name, so one zone has one name in stored data.
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
 * Resolves an IANA zone name to its current spelling, or `TIME.UNKNOWN_ZONE` naming the field it
 * came from.
 */
export function resolveTimeZone(name: string, field = 'timeZone'): Result<string> {
  const trimmed = name.trim();
  const current = IANA_RENAMES[trimmed] ?? trimmed;
  if (current.length > 0 && isKnownIanaZone(current)) return ok(current);
  return fail('TIME.UNKNOWN_ZONE', `"${name}" is not a time zone we recognise. Use an IANA name such as "Europe/Warsaw".`, { field });
}
