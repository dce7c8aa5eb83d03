export type InfoPageKind = 'about' | 'privacy' | 'terms';

/** The hashes the app package's websiteUrl, privacyUrl and termsOfUseUrl point at. */
export function infoPageOf(hash: string): InfoPageKind | undefined {
  const match = /^#\/(about|privacy|terms)\/?$/.exec(hash);
  return match ? (match[1] as InfoPageKind) : undefined;
}
