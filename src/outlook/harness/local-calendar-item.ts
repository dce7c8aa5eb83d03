/**
 * What the harness's stand-in Outlook reads and writes, the way Outlook does through Exchange: the
 * organizer's event in the local calendar (`npm start`'s Graph stand-in, forwarded by the dev server as
 * /local-graph), with the add-in's custom properties — the single-value extended property booking wrote
 * (`String {00020329-…} Name cecp-<add-in id>`, a JSON object). The token is the local issuer's
 * delegated Graph token for the signed-in demo person.
 */
const GRAPH = '/local-graph/v1.0';
const CUSTOM_PROPERTIES = /^String \{00020329-0000-0000-C000-000000000046\} Name cecp-/i;

export interface CalendarItem {
  readonly subject: string;
  readonly start: Date;
  readonly end: Date;
  readonly attendees: readonly string[];
  /** The extended property's id (kept to write it back) and its values. */
  readonly customProperties: { readonly id: string; readonly values: Readonly<Record<string, unknown>> } | undefined;
}

interface GraphEvent {
  subject?: string;
  start?: { dateTime: string; timeZone?: string };
  end?: { dateTime: string; timeZone?: string };
  attendees?: { emailAddress?: { address?: string } }[];
  singleValueExtendedProperties?: { id: string; value: string }[];
}

const utc = (t: { dateTime: string } | undefined) => new Date(/[zZ]|[+-]\d\d:\d\d$/.test(t?.dateTime ?? '') ? t!.dateTime : `${t?.dateTime ?? ''}Z`);
const graphTime = (d: Date) => ({ dateTime: d.toISOString().replace('Z', ''), timeZone: 'UTC' });

export async function localGraphToken(personId: string, fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init)): Promise<string> {
  const response = await fetchImpl('/local-identity/graph-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ personId }) });
  const body = (await response.json().catch(() => ({}))) as { accessToken?: unknown };
  if (!response.ok || typeof body.accessToken !== 'string') throw new Error(`the local issuer answered ${response.status}`);
  return body.accessToken;
}

export async function readCalendarItem(token: string, eventId: string, fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init)): Promise<CalendarItem> {
  const url = `${GRAPH}/me/events/${encodeURIComponent(eventId)}?$select=subject,start,end,attendees&$expand=singleValueExtendedProperties`;
  const response = await fetchImpl(url, { headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC"' } });
  if (!response.ok) throw new Error(`the local calendar answered ${response.status}`);
  const event = (await response.json()) as GraphEvent;
  const property = (event.singleValueExtendedProperties ?? []).find((p) => CUSTOM_PROPERTIES.test(p.id));
  let values: Record<string, unknown> = {};
  try {
    values = property ? (JSON.parse(property.value) as Record<string, unknown>) : {};
  } catch {
    values = {};
  }
  return {
    subject: event.subject ?? '',
    start: utc(event.start),
    end: utc(event.end),
    attendees: (event.attendees ?? []).map((a) => a.emailAddress?.address ?? '').filter((a) => a.length > 0),
    customProperties: property ? { id: property.id, values } : undefined,
  };
}

/** Sending the organizer's update: the new time and attendees, and the custom properties as the item holds them. */
export async function sendCalendarItem(
  token: string,
  eventId: string,
  item: { readonly start: Date; readonly end: Date; readonly attendees: readonly string[]; readonly customProperties?: { readonly id: string; readonly values: Readonly<Record<string, unknown>> } },
  fetchImpl: typeof fetch = (i, init) => globalThis.fetch(i, init),
): Promise<void> {
  const body = {
    start: graphTime(item.start),
    end: graphTime(item.end),
    attendees: item.attendees.map((address) => ({ emailAddress: { address }, type: 'required' })),
    ...(item.customProperties ? { singleValueExtendedProperties: [{ id: item.customProperties.id, value: JSON.stringify(item.customProperties.values) }] } : {}),
  };
  const response = await fetchImpl(`${GRAPH}/me/events/${encodeURIComponent(eventId)}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`the local calendar answered ${response.status}`);
}
