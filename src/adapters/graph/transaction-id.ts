/**
 * Graph's `transactionId` makes a retried POST of the same event return the first one instead of a
 * second event. It must be the same on every retry, in every process, so it is derived from the
 * tenant and our meeting id: a name-based UUID (RFC 9562 version 5, SHA-1) in a namespace of our own.
 */
import { createHash } from 'node:crypto';

/** The namespace of mentoring meeting transaction ids (a random UUID, fixed forever). */
export const MEETING_TRANSACTION_NAMESPACE = '3c1f6a52-8d0e-4f7b-9a55-6e2b8f4d9c17';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function meetingTransactionId(tenantId: string, meetingId: string): string {
  return uuidV5(`${tenantId.toLowerCase()}/${meetingId}`, MEETING_TRANSACTION_NAMESPACE);
}
