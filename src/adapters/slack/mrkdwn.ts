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
import { HighlightIndex } from '../../render/highlight-index.js';

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

/**
 * Renders `text.slice(start, end)` with the `highlights` (ranges relative to `text`) in bold.
 * Whitespace at a highlight's edges is left outside the markers (Slack only bolds `*word*`), and
 * touching highlights are merged so markers never meet.
 * @param highlights - the ranges, or a `HighlightIndex` of them when one quote is rendered piece by
 *   piece (each call then looks only at the highlights inside its piece)
 */
export function markHighlights(text: string, highlights: readonly Span[] | HighlightIndex = [], start = 0, end = text.length): string {
  const index = highlights instanceof HighlightIndex ? highlights : new HighlightIndex(highlights);
  const ranges = normaliseHighlights(text, index.within(start, end), start, end);
  let out = '';
  let at = start;
  for (const r of ranges) {
    out += escapeMrkdwn(text, at, r.start) + '*' + escapeMrkdwn(text, r.start, r.end) + '*';
    at = r.end;
  }
  return out + escapeMrkdwn(text, at, end);
}

/**
 * Sorted, clipped, trimmed, merged highlight ranges; a marker never sits before a ZWSP of the text.
 * @param highlights - the ranges overlapping `[from, to)`, sorted by start
 */
function normaliseHighlights(text: string, highlights: readonly Span[], from: number, to: number): Span[] {
  const sorted = highlights
    .map((h) => ({ start: Math.max(from, Math.min(h.start, to)), end: Math.max(from, Math.min(h.end, to)) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const h of sorted) {
    let { start, end } = h;
    // An opening marker followed by a ZWSP of the text would read as a quoted asterisk.
    while (start < end && (/\s/u.test(text[start]!) || text[start] === ZWSP)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    // Nothing left to mark; extending an empty range over a following ZWSP would mark only the ZWSP.
    if (end <= start) continue;
    // Keep surrogate pairs whole.
    if (start > from && isLowSurrogate(text.charCodeAt(start))) start--;
    if (end < to && isLowSurrogate(text.charCodeAt(end))) end++;
    // A closing marker followed by a ZWSP of the text would read as a quoted asterisk.
    while (end < to && text[end] === ZWSP) end++;
    if (end <= start) continue;
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Highlights of `[start, end)` of a text, made relative to `start`. */
export function clipHighlights(highlights: readonly Span[] | undefined, start: number, end: number): Span[] {
  return (highlights ?? [])
    .filter((h) => h.end > start && h.start < end)
    .map((h) => ({ start: Math.max(h.start, start) - start, end: Math.min(h.end, end) - start }));
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Offsets (relative to `text`) where a segment of `segmenter` starts, after 0, plus `text.length`. */
function boundaries(segmenter: Intl.Segmenter, text: string): number[] {
  const out: number[] = [];
  for (const seg of segmenter.segment(text)) if (seg.index > 0) out.push(seg.index);
  out.push(text.length);
  return out;
}

/** Characters segmented after a piece's start when the caller gives no tighter bound. */
const DEFAULT_WINDOW = 20_000;

/**
 * Splits `[from, text.length)` into contiguous pieces that each satisfy `fits`, preferring sentence
 * boundaries, then word boundaries, then grapheme boundaries: the pieces joined give the text back
 * exactly. `fits(start, end)` must hold for shorter pieces whenever it holds for a longer one.
 * Each piece costs work in proportion to `window`, never to the rest of the text.
 * @param maxPieces - stop after this many pieces (the rest is left for a later message)
 * @param window - characters after a piece's start that are segmented to find its end; must be
 *   more than the longest piece `fits` can accept (for escaped text: more than the length limit,
 *   since escaping never shortens), with room to spare so boundaries near the end see what follows
 * @returns piece ranges, absolute in `text`
 */
export function splitText(text: string, fits: (start: number, end: number) => boolean, from = 0, maxPieces = Infinity, window = DEFAULT_WINDOW): Span[] {
  const pieces: Span[] = [];
  let start = from;
  while (start < text.length && pieces.length < maxPieces) {
    const end =
      furthest(text, start, fits, sentenceSegmenter, window) ??
      furthest(text, start, fits, wordSegmenter, window) ??
      furthest(text, start, fits, graphemeSegmenter, window) ??
      // Not even one grapheme fits: take it anyway rather than loop (cannot happen with sane limits).
      start + ([...text.slice(start, start + 2)][0]?.length ?? 1);
    pieces.push({ start, end });
    start = end;
  }
  return pieces;
}

/** The furthest boundary of `segmenter` after `start` such that `[start, b)` fits, or undefined. */
function furthest(text: string, start: number, fits: (s: number, e: number) => boolean, segmenter: Intl.Segmenter, window: number): number | undefined {
  // Segment only a window: a piece never needs more than the text that could fit in a message.
  const ends = boundaries(segmenter, text.slice(start, start + window)).map((b) => start + b);
  let lo = 0;
  let hi = ends.length - 1;
  let best: number | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fits(start, ends[mid]!)) {
      best = ends[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
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
  const [first] = splitText(text, (s, e) => e - s + 1 <= max && escapeMrkdwn(text, s, e).length + 1 <= max, 0, 1, window);
  return escapeMrkdwn(text, 0, first?.end ?? 0).trimEnd() + '…';
}
