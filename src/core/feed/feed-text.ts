/**
 * Text that goes into an activity-feed notification is plain text a person typed (a name, a note, a
 * programme's name) shown by Teams on one line. It is made safe to show there: control characters and
 * line breaks become spaces, invisible direction and zero-width characters are removed (they could
 * reorder what the line appears to say), runs of spaces collapse, and it is cut at a whole character
 * (never inside a surrogate pair) with an ellipsis. In a template parameter, curly brackets become
 * their full-width look-alikes so a value can never read as another {placeholder} of the template.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function plainFeedText(value: string, maxChars: number): string {
  const cleaned = value.replace(CONTROL, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = [...cleaned];
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('').trimEnd()}…` : cleaned;
}

/** A template parameter's value: plain text, and no brackets that could form a placeholder. */
export function feedTemplateValue(value: string, maxChars = 100): string {
  return plainFeedText(value, maxChars).replace(/\{/g, '\uff5b').replace(/\}/g, '\uff5d');
}

/**
 * Graph's `chainId` (Int64): a later notification with the same chain replaces the earlier one in the
 * person's feed. Derived from the event's key, so if a send is ever repeated (the process stopped
 * after Graph answered and before the ledger recorded it) the person still sees one notification.
 * FNV-1a 64-bit, kept to 53 bits so it stays exact as a JSON number.
 */
export function feedChainId(key: string): number {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(key)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return Number(hash & 0x1fffffffffffffn) || 1;
}
