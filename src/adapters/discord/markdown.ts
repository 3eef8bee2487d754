/**
 * Discord markdown for text newsdesk does not control (article snippets, titles, what users
 * type): every character that could start formatting is backslash-escaped, so an article
 * cannot open a code block, a spoiler, a heading, a masked link or a mention, while the
 * words read exactly as written. Discord's parser drops the backslash before any ASCII
 * punctuation, so the reader sees the original text.
 */
import type { Span } from '../../core/types.js';
import { highlightRanges, markRanges } from '../../render/highlight.js';
import { SpanIndex } from '../../core/span-index.js';

/** Characters escaped wherever they appear. */
const ALWAYS = new Set(['\\', '*', '_', '~', '`', '|', '[', ']', '<', '>']);
/** Characters that only format at the start of a line (headings, lists, `-#` subtext). */
const LINE_START = new Set(['#', '-', '+']);
/** Zero-width space put after `@` in `@everyone`/`@here`, as discord.js's `cleanContent` does. */
const ZWSP = '\u200b';

/** The escaped form of each character of one line (so bold markers can be placed between them). */
function escapeChars(line: string): string[] {
  const out: string[] = [];
  const firstText = line.search(/\S/);
  const numbered = /^\s*\d+\.(\s|$)/.exec(line);
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (ALWAYS.has(c) || (i === firstText && LINE_START.has(c)) || (numbered && c === '.' && i === numbered[0].indexOf('.'))) {
      out.push('\\' + c);
    } else if (c === ':' && /[\w/]/.test(line[i + 1] ?? '')) {
      // A colon that could start an emoji code or end a URL scheme (`https\://` is not autolinked).
      out.push('\\:');
    } else if (c === '@' && /^(everyone|here)/i.test(line.slice(i + 1, i + 9))) {
      out.push('@' + ZWSP);
    } else if (c === ZWSP && line[i - 1] === '@') {
      // A zero-width space the text itself has after `@` is escaped, so it is not mistaken for ours.
      out.push('\\' + ZWSP);
    } else {
      out.push(c);
    }
  }
  return out;
}

/**
 * Escapes text so Discord shows it literally, line by line (each line is treated as starting a
 * Discord line). Newlines are kept.
 * @example escapeMarkdown('**Breaking** <@1>') // '\\*\\*Breaking\\*\\* \\<@1\\>'
 */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeChars(line).join(''))
    .join('\n');
}

/** Escaped text on one line: newlines and other line breaks become spaces (headlines, labels, names). */
export function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
}

/**
 * The longest prefix of `text`, cut at a word boundary and marked with "…", whose escaped form
 * fits in `max` characters; `text` itself when it fits. Used only for text newsdesk writes or
 * metadata (headlines, titles, labels), never for quoted snippets.
 */
export function fitInline(text: string, max: number): string {
  // Escaping never shortens text: past `max` characters nothing fits, so a title of megabytes costs no more than a short one.
  if (text.length <= max) {
    const whole = escapeInline(text);
    if (whole.length <= max) return whole;
  }
  let lo = 0;
  let hi = Math.min(text.length, max);
  // Binary search on the raw length: escaping only grows text, so longer prefixes never escape shorter.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeInline(text.slice(0, mid)).length + 1 <= max) lo = mid;
    else hi = mid - 1;
  }
  let cut = text.slice(0, lo);
  const space = cut.search(/\s+\S*$/);
  if (space > lo / 2) cut = cut.slice(0, space);
  // Never leave half a surrogate pair behind.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return escapeInline(cut.trimEnd()) + '…';
}

/** A merged highlight with the whitespace at its edges trimmed off, or null when nothing is left. */
function trimmed(text: string, range: Span): Span | null {
  let { start, end } = range;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/**
 * Renders `text.slice(from, to)` as a Discord block quote (`> ` before every line) with the
 * highlighted words in bold and everything else escaped. The words are exactly the source text,
 * and the work is in proportion to `to - from` (plus the highlights inside it), never to `text`.
 * @param highlights - ranges relative to `text` (as `ReplyItem.highlights`), or a `SpanIndex`
 *   of them when one quote is rendered piece by piece
 */
export function quoteSnippet(text: string, highlights: readonly Span[] | SpanIndex = [], from = 0, to = text.length): string {
  const index = highlights instanceof SpanIndex ? highlights : new SpanIndex(highlights);
  const lines: string[] = [];
  let lineStart = from;
  while (lineStart <= to) {
    // Not `indexOf`: with no line break left it would scan the rest of the text, however long, for every piece.
    let lineEnd = lineStart;
    while (lineEnd < to && text.charCodeAt(lineEnd) !== 10) lineEnd++;
    const line = text.slice(lineStart, lineEnd);
    const chars = escapeChars(line);
    // Touching highlights are merged before trimming, so one bold run may span several words (Discord's `**` may enclose spaces).
    const bold = highlightRanges(index, lineStart, lineEnd, { adjust: (r) => trimmed(text, r), order: 'merge-then-adjust' });
    const escaped = (a: number, b: number) => chars.slice(a - lineStart, b - lineStart).join('');
    lines.push('> ' + markRanges(bold, lineStart, lineEnd, { open: '**', close: '**', escape: escaped }));
    if (lineEnd === to) break;
    lineStart = lineEnd + 1;
  }
  return lines.join('\n');
}

/**
 * Reverses `quoteSnippet`'s escaping for one rendered line fragment: drops backslashes before
 * punctuation, bold markers, and the zero-width space after `@` in `@everyone`/`@here`.
 * Tests use it to prove no quoted word was lost.
 */
export function unescapeMarkdown(rendered: string): string {
  let out = '';
  for (let i = 0; i < rendered.length; i++) {
    const c = rendered[i]!;
    if (c === '\\' && i + 1 < rendered.length && /[^0-9A-Za-z\s]/.test(rendered[i + 1]!)) {
      out += rendered[++i];
    } else if (c === '*' && rendered[i + 1] === '*') {
      i++;
    } else if (c === '@' && rendered[i + 1] === ZWSP) {
      // Ours: a zero-width space the text itself had after `@` was escaped.
      out += '@';
      i++;
    } else {
      out += c;
    }
  }
  return out;
}
