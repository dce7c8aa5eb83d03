/**
 * People's own words (names, titles, answers, notes) inside Adaptive Card markdown.
 *
 * A TextBlock's `text` and a Fact's `title`/`value` are read as a CommonMark subset (bold, italic,
 * bullet and numbered lists, links), and before that the `{{DATE(…)}}`/`{{TIME(…)}}` functions are
 * expanded. Text a person typed must show as typed: `[text](https://evil.example)` is text, not a
 * link, and `**`, `_`, a leading `- ` or `1. ` change nothing. CommonMark's backslash escape makes
 * any ASCII punctuation literal, and the Teams renderers (desktop, web, iOS, Android) honour it; the
 * escape also breaks the `{{` the date functions need.
 *
 * Input labels and choice titles are plain text, not markdown (a backslash would show), yet the
 * renderers still expand date functions in them: there a word joiner (U+2060, zero width) between the
 * braces is enough. Input values are neither, and are never escaped.
 */

/** Characters that open markdown or a text function anywhere in a line. */
const inlineSyntax = /[\\`*_[\]<>~{}&|!]/g;

/**
 * Indentation at a line start: four spaces or a tab make a code block, and markdown shows no
 * leading spaces in a paragraph anyway, so dropping them changes nothing a reader sees.
 */
const lineIndent = /(^|[\r\n])[ \t]+/g;

/**
 * Block syntax that only counts at the start of a line: list bullets, headings, setext underlines
 * and numbered items (`1.`, `1)`); quotes are escaped inline. Lines break on `\n` or `\r`, which
 * Adaptive Cards treats as a line break too.
 */
const lineStartSyntax = /(^|[\r\n])(?:([-+#=])|(\d{1,9})([.)]))/g;

/** Where in a card the text goes: a TextBlock or Fact (`markdown`), or an input label or choice (`plain`). */
export type CardTextContext = 'markdown' | 'plain';

/** The text exactly as the person typed it when a card renders it. Pure; idempotence is not a goal. */
export function escapeCardText(text: string, context: CardTextContext = 'markdown'): string {
  if (context === 'plain') return text.replace(/\{(?=\{)/g, '{\u2060');
  return text
    .replace(lineIndent, '$1')
    .replace(inlineSyntax, (ch) => `\\${ch}`)
    .replace(lineStartSyntax, (_match, lineBreak: string, mark?: string, digits?: string, delimiter?: string) =>
      mark !== undefined ? `${lineBreak}\\${mark}` : `${lineBreak}${digits}\\${delimiter}`,
    );
}
