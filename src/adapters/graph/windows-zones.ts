/**
 * Graph and Outlook name zones either by IANA name or by Windows name ("W. Europe Standard Time");
 * the core takes IANA names only, so the mapping lives here, at the edge. Windows names are mapped
 * with CLDR's windowsZones table (the `windows-iana` package, pure data), then the core's rules
 * give the current IANA spelling (CLDR's primary is sometimes an old one, e.g. Asia/Calcutta).
 */
import { findIana, findWindows } from 'windows-iana';
import { fail, type Result } from '../../core/result';
import { resolveTimeZone } from '../../core/time/zones';

/** A zone name as Graph reports it (IANA or Windows) as a current IANA name, or `TIME.UNKNOWN_ZONE` naming the field. */
export function ianaZoneFromGraph(name: string, field = 'timeZone'): Result<string> {
  const trimmed = name.trim();
  const zone = resolveTimeZone(findIana(trimmed)[0] ?? trimmed, field);
  if (zone.ok) return zone;
  return fail(
    'TIME.UNKNOWN_ZONE',
    `"${name}" is not a time zone we recognise. Use an IANA name such as "Europe/Warsaw" or a Windows name such as "W. Europe Standard Time".`,
    { field },
  );
}

/** The Windows name Outlook reports for an IANA zone (the IANA name itself when CLDR has none). */
export function windowsZoneOf(ianaZone: string): string {
  return findWindows(ianaZone)[0] ?? ianaZone;
}
