/**
 * Each Graph subscription carries a clientState of its own: 32 random bytes (base64url, 43
 * characters, within Graph's 128), made when the subscription is created and stored with its record,
 * so no shared secret has to be configured anywhere. A notification is ours only when it names a
 * subscription we keep and carries that subscription's clientState, compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newClientState(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time over digests, so neither the content nor the length of the stored secret leaks. */
export function clientStateMatches(stored: string, received: string | null | undefined): boolean {
  if (stored === '' || typeof received !== 'string' || received === '') return false;
  const digest = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(digest(stored), digest(received));
}
