/**
 * The escaping checked against markdown-it, the CommonMark renderer the adaptivecards library uses
 * when a host gives it one (window.markdownit): whatever a person types comes out as that text, with
 * no link, emphasis, list, heading, quote or date function.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { escapeCardText } from '../../../src/adapters/cards/card-text';

const markdown = new MarkdownIt();

function decode(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}
const words = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The tags a rendering may contain when nothing was read as markup: paragraphs and line breaks. */
function renderedAsText(text: string): { tags: string[]; text: string } {
  const html = markdown.render(escapeCardText(text));
  const tags = [...html.matchAll(/<\/?([a-z0-9]+)[^>]*>/g)].map((m) => m[1]!).filter((t) => t !== 'p' && t !== 'br');
  return { tags, text: decode(html.replace(/<\/?(p|br)\s*\/?>/g, ' ')) };
}

describe('escapeCardText', () => {
  it.each([
    ['a link', '[text](https://evil.example)'],
    ['an image', '![x](https://evil.example/x.png)'],
    ['an autolink', '<https://evil.example>'],
    ['bold and italic', '**bold** __bold__ *it* _it_'],
    ['code', '`rm -rf` ```block```'],
    ['html', '<a href="https://evil.example">x</a> <b>b</b>'],
    ['a bullet list', '- one\n- two\n* three\n+ four'],
    ['a numbered list', '1. one\n2) two\n  10. ten'],
    ['a heading and a rule', '# Big\nSub\n===\n---\n***'],
    ['a quote', '> quoted'],
    ['entities', '&amp; &#91;x&#93;(https://evil.example) &lt;b&gt;'],
    ['backslashes', 'C:\\path\\to\\[file](x) \\*'],
    ['a date function', '{{DATE(2026-11-23T10:00:00Z, SHORT)}} {{TIME(2026-11-23T10:00:00Z)}}'],
    ['carriage-return lines', 'x\r- one\r1. two'],
    ['strikethrough and tables', '~~gone~~ | a | b |'],
  ])('%s is shown as typed', (_name, text) => {
    const rendered = renderedAsText(text);
    expect(rendered.tags).toEqual([]);
    expect(words(rendered.text)).toBe(words(text));
  });

  it('in plain text (labels, choices) only breaks the braces of a date function, invisibly', () => {
    expect(escapeCardText('{{DATE(2026-11-23T10:00:00Z)}} [x](y) **b**', 'plain')).toBe('{\u2060{DATE(2026-11-23T10:00:00Z)}} [x](y) **b**');
    expect(escapeCardText('{{{', 'plain')).toBe('{\u2060{\u2060{');
  });

  it('leaves plain text alone', () => {
    expect(escapeCardText('Małgorzata Wiśniewska-Kowalczyk, 3 items (soon)')).toBe('Małgorzata Wiśniewska-Kowalczyk, 3 items (soon)');
  });

  it('any text built from markdown characters renders as that text and nothing else', () => {
    const piece = fc.constantFrom(
      '[', ']', '(', ')', '*', '_', '`', '#', '-', '+', '=', '>', '<', '!', '~', '|', '{', '}', '&', '\\', '.', ':',
      '1', '42', 'a', 'b', ' ', '  ', '\t', '\n', '\r', '\n\n', 'https://evil.example', '{{DATE(2026-11-23T10:00:00Z)}}', 'amp;', '#91;',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        const rendered = renderedAsText(text);
        expect(rendered.tags).toEqual([]);
        expect(words(rendered.text)).toBe(words(text));
      }),
      { numRuns: 2000 },
    );
  });
});
