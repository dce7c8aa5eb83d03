/**
 * Partition and row keys. Every key starts with the tenant, so one tenant's rows can never be read
 * through another tenant's keys, and every id is escaped because ids reach us from URLs: Table
 * Storage forbids `/ \ # ?` and control characters in keys, and our own separator is `|`.
 *
 * Layout (one table):
 *   t|{tenant}|profiles                 {personId}                 a person's profile
 *   t|{tenant}|person|{personId}        rel|{relationshipId}       "my relationships" index
 *                                       req|{requestId}            "my requests" index
 *   t|{tenant}|request|{requestId}      request                    a mentoring request
 *   t|{tenant}|rel|{relationshipId}     relationship, agreement|{version}, goal|{id}, roadmap,
 *                                       meeting|{id}, action|{id}, checkin|{meetingId}|{personId}
 *   t|{tenant}|programmes               {programmeId}              the tenant's programmes
 *   t|{tenant}|prog|{programmeId}       member|{personId}          who joined (role, stated windows)
 * so a relationship with everything in it is one partition query, and "my relationships" is one
 * partition query of the person's index.
 */

const SAFE = /^[A-Za-z0-9._@-]$/;

/** Reversible escape: any character outside [A-Za-z0-9._@-] becomes ~ followed by its UTF-8 hex bytes. */
export function escapeKeyPart(value: string): string {
  let out = '';
  for (const ch of value) {
    if (SAFE.test(ch)) {
      out += ch;
    } else {
      for (const byte of Buffer.from(ch, 'utf8')) out += `~${byte.toString(16).padStart(2, '0')}`;
    }
  }
  return out;
}

export function unescapeKeyPart(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '~') {
      bytes.push(Number.parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(value.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

export function key(...parts: readonly string[]): string {
  return parts.map(escapeKeyPart).join('|');
}

/** A string greater than every key starting with `prefix` (keys are ASCII), for range queries. */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

export const tenantKeys = {
  profiles: (tenantId: string) => key('t', tenantId, 'profiles'),
  person: (tenantId: string, personId: string) => key('t', tenantId, 'person', personId),
  request: (tenantId: string, requestId: string) => key('t', tenantId, 'request', requestId),
  relationship: (tenantId: string, relationshipId: string) => key('t', tenantId, 'rel', relationshipId),
  programmes: (tenantId: string) => key('t', tenantId, 'programmes'),
  programme: (tenantId: string, programmeId: string) => key('t', tenantId, 'prog', programmeId),
  /** Tenant-wide rows that are not owned by one person or pair (e.g. a tenant's demo-seed marker). */
  tenant: (tenantId: string) => key('t', tenantId, 'tenant'),
};
