import type { Environment } from './environment-file';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type Resolution = { ok: true; text: string } | { ok: false; unresolved: string[] };

/** Names of every `${{VAR}}` in the text, once each, in order of first appearance. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Replaces `${{VAR}}` with the environment's value. A variable that is missing or empty counts as
 * unresolved: an empty id (before provisioning) would otherwise produce a package that Teams rejects
 * with a far less helpful message. Values are JSON-escaped because every file we resolve is JSON.
 */
export function resolvePlaceholders(text: string, environment: Environment): Resolution {
  const unresolved = placeholderNames(text).filter((name) => !environment[name]);
  if (unresolved.length > 0) return { ok: false, unresolved };
  return {
    ok: true,
    text: text.replace(PLACEHOLDER, (_match, name: string) => JSON.stringify(environment[name]).slice(1, -1)),
  };
}
