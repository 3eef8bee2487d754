/**
 * Safe mrkdwn for text that comes from users and articles.
 *
 * Slack decodes only `&amp;`, `&lt;` and `&gt;`; escaping `&`, `<` and `>` is what makes
 * `<!channel>`, `<!here>`, `<!everyone>`, `<@U…>` and `<!subteam^…>` inert. mrkdwn has no escape
 * for `*`, `_`, `~` and backticks, so an invisible ZERO WIDTH SPACE is put after each of them
 * (the character itself stays, so a copied quote keeps it) to keep them from pairing with each
 * other or with our own bold markers; the same goes after every `@`, so a bare `@here`,
 * `@channel` or `@everyone` is never read as one. Every insertion is undone exactly by
 * `plainFromMrkdwn`, whatever the text around it.
 */
import type { Span } from '../../core/types.js';
import { highlightRanges, markRanges } from '../../render/highlight.js';
import { SpanIndex } from '../../core/span-index.js';
import { oneCodePoint, segmentLevel, splitQuote } from '../../render/split.js';

/** The invisible separator put after formatting characters. */
export const ZWSP = '\u200B';

/** Characters followed by ZWSP when escaped. */
const GUARDED = new Set(['*', '_', '~', '`', '@']);

/**
 * Escapes user or article text for a mrkdwn text object.
 * @param text - any text, shown as is
 * @param start - escape only `text.slice(start, end)`
 * @param end - see `start`
 */
export function escapeMrkdwn(text: string, start = 0, end = text.length): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (GUARDED.has(ch)) out += ch + ZWSP;
    else out += ch;
  }
  return out;
}

/**
 * Undoes `escapeMrkdwn` and removes our bold markers: what a reader sees, character for character.
 * Bold markers are told apart from quoted asterisks because a quoted `*` is always followed by ZWSP.
 */
export function plainFromMrkdwn(mrkdwn: string): string {
  let out = '';
  const chars = [...mrkdwn];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (GUARDED.has(ch)) {
      if (chars[i + 1] === ZWSP) {
        out += ch;
        i++;
      } else if (ch !== '*') {
        out += ch;
      }
      continue;
    }
    out += ch;
  }
  return out.replace(/&(amp|lt|gt);/g, (_m, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/** Slack bolds a range between single asterisks. */
const BOLD = { open: '*', close: '*' } as const;

/**
 * Renders `text.slice(start, end)` with the `highlights` (ranges relative to `text`) in bold.
 * Whitespace at a highlight's edges is left outside the markers (Slack only bolds `*word*`), and
 * touching highlights are merged so markers never meet.
 * @param highlights - the ranges, or a `SpanIndex` of them when one quote is rendered piece by
 *   piece (each call then looks only at the highlights inside its piece)
 */
export function markHighlights(text: string, highlights: readonly Span[] | SpanIndex = [], start = 0, end = text.length): string {
  const index = highlights instanceof SpanIndex ? highlights : new SpanIndex(highlights);
  const ranges = highlightRanges(index, start, end, { adjust: (r) => boldable(text, r, start, end), order: 'adjust-then-merge' });
  return markRanges(ranges, start, end, { ...BOLD, escape: (a, b) => escapeMrkdwn(text, a, b) });
}

/**
 * A highlight (clipped to `[from, to)`) moved to where Slack's markers may sit, or null when nothing
 * is left to mark; a marker never sits before a ZWSP of the text.
 */
function boldable(text: string, range: Span, from: number, to: number): Span | null {
  let { start, end } = range;
  // An opening marker followed by a ZWSP of the text would read as a quoted asterisk.
  while (start < end && (/\s/u.test(text[start]!) || text[start] === ZWSP)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  // Nothing left to mark; extending an empty range over a following ZWSP would mark only the ZWSP.
  if (end <= start) return null;
  // Keep surrogate pairs whole.
  if (start > from && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < to && isLowSurrogate(text.charCodeAt(end))) end++;
  // A closing marker followed by a ZWSP of the text would read as a quoted asterisk.
  while (end < to && text[end] === ZWSP) end++;
  if (end <= start) return null;
  return { start, end };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * How Slack text is split (part of every rendered answer, so fixed): Unicode sentence, then word,
 * then grapheme boundaries, each piece starting again at sentences (flat), one code point when
 * nothing fits.
 */
const SLACK_SPLIT = {
  levels: [segmentLevel('sentence'), segmentLevel('word'), segmentLevel('grapheme')],
  hardCut: oneCodePoint,
  nested: false,
} as const;

/**
 * The next piece of `text` from `from` that satisfies `fits` (see `splitQuote`).
 * @param window - characters after `from` looked at; must be more than the longest piece `fits`
 *   can accept (for escaped text: more than the length limit, since escaping never shortens), with
 *   room to spare so boundaries near the end see what follows
 * @returns the piece's range, absolute in `text`; none when `from` is at the end
 */
export function nextPiece(text: string, fits: (start: number, end: number) => boolean, from: number, window: number): Span | undefined {
  return splitQuote(text, { ...SLACK_SPLIT, fits, from, window, maxPieces: 1 }).pieces[0];
}

/**
 * Escapes a short piece of text (label, heading, title) and shortens it at a word boundary with "…"
 * when the escaped form is longer than `max` characters. Never used on quotes.
 */
export function escapeShort(text: string, max: number): string {
  // Escaping never shortens text, so nothing past `max` characters can be shown: only a bounded
  // prefix is escaped and segmented, however long the text (an article title of megabytes).
  const window = 2 * max + 64;
  if (text.length <= max) {
    const full = escapeMrkdwn(text);
    if (full.length <= max) return full;
  }
  const first = nextPiece(text, (s, e) => e - s + 1 <= max && escapeMrkdwn(text, s, e).length + 1 <= max, 0, window);
  return escapeMrkdwn(text, 0, first?.end ?? 0).trimEnd() + '…';
}
