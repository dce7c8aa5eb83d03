/**
 * Where the API lives. In Azure the tab is static files on its own origin and the API is the
 * Function App, so the build writes the API origin into index.html (`VITE_API_ENDPOINT`, set by
 * teamsapp.yml's deploy step); locally the tab and the API share an origin through the dev server's
 * proxy and the tag is absent or left unfilled.
 */
export function apiOrigin(doc: Pick<Document, 'querySelector'> = document): string {
  const value = doc.querySelector('meta[name="api-endpoint"]')?.getAttribute('content') ?? '';
  return /^https?:\/\//.test(value) ? value.replace(/\/+$/, '') : '';
}
