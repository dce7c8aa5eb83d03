/**
 * Graph's `bodyPreview`: "the preview of the message associated with the event, in text format" —
 * the body with markup removed, character references decoded, whitespace collapsed, and at most 255
 * characters, as Outlook computes it for an HTML body.
 */
export const BODY_PREVIEW_MAX = 255;

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', middot: '·', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', bull: '•',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', times: '×',
  divide: '÷', plusmn: '±', para: '¶', sect: '§', rarr: '→', larr: '←', uarr: '↑', darr: '↓', harr: '↔',
  check: '✓', iexcl: '¡', iquest: '¿', shy: '\u00ad', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  zwnj: '\u200c', zwj: '\u200d', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü',
  szlig: 'ß', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', oacute: 'ó', iacute: 'í', uacute: 'ú',
  ntilde: 'ñ', ccedil: 'ç', atilde: 'ã', otilde: 'õ', ecirc: 'ê', acirc: 'â', ocirc: 'ô',
};

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
  });
}

/** The plain-text preview of an event body (`contentType` "html" or "text"). */
export function bodyPreview(body: { readonly contentType: string; readonly content: string } | undefined): string {
  if (!body) return '';
  let text = body.content;
  if (body.contentType.toLowerCase() === 'html') {
    text = text
      .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<[^>]*>/g, ' ');
    text = decodeReferences(text);
  }
  // Non-breaking spaces count as whitespace in the preview, as in Outlook's.
  const collapsed = text.replace(/[\s\u00a0]+/g, ' ').trim();
  return Array.from(collapsed).slice(0, BODY_PREVIEW_MAX).join('');
}
