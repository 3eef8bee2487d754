/**
 * The one highlighter: walks a quote's highlights over a range of it and lets a platform's marker
 * write the markup (`*…*` in Slack mrkdwn, `**…**` in Discord markdown, ANSI bold on a terminal)
 * and escape the text between. Which ranges get marked is decided in two shared steps — clip to the
 * range, merge ranges that touch — plus a platform's `adjust` (Slack keeps whitespace and its
 * zero-width spaces outside the markers, Discord trims whitespace); the order of merging and
 * adjusting is a parameter because the platforms differ there and their output must not change.
 */
import type { Span } from '../core/types.js';
import type { SpanIndex } from '../core/span-index.js';

/** How a platform writes a highlighted range and escapes text. */
export interface Marker {
  /** Written before a highlighted range. */
  open: string;
  /** Written after a highlighted range. */
  close: string;
  /** The text `[start, end)` (absolute offsets) as the platform shows it literally. */
  escape(start: number, end: number): string;
}

/**
 * Merges ranges that overlap or touch, in the given order (each is compared with the last merged
 * one only, so the caller's order decides), into new objects.
 */
export function mergeTouching(ranges: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const h of ranges) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ start: h.start, end: h.end });
  }
  return merged;
}

/** How highlights become the ranges to mark; see `highlightRanges`. */
export interface RangeRules {
  /** A platform's change to one range (trim it, widen it); null drops it. */
  adjust(range: Span): Span | null;
  /**
   * `'adjust-then-merge'`: ranges are adjusted one by one, then merged (Slack trims each range to
   * its words first, since it bolds only `*word*`, so `a ` and `b` highlighted stay `*a* *b*`).
   * `'merge-then-adjust'`: touching ranges are merged, then adjusted (Discord: `**a b**`).
   */
  order: 'adjust-then-merge' | 'merge-then-adjust';
}

/**
 * The ranges to mark in `[from, to)`: the highlights overlapping it, clipped to it, sorted by start,
 * then adjusted and merged as `rules` say. Work is in proportion to the highlights inside the range.
 */
export function highlightRanges(highlights: SpanIndex, from: number, to: number, rules: RangeRules): Span[] {
  const clipped = highlights
    .within(from, to)
    .map((h) => ({ start: Math.max(h.start, from), end: Math.min(h.end, to) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const adjusted = (ranges: readonly Span[]) => ranges.map((r) => rules.adjust(r)).filter((r): r is Span => r !== null);
  return rules.order === 'adjust-then-merge' ? mergeTouching(adjusted(clipped)) : adjusted(mergeTouching(clipped));
}

/**
 * `[from, to)` of a text with `ranges` (sorted, disjoint, inside it, absolute offsets) between the
 * marker's `open` and `close`, and everything escaped by the marker.
 * @example markRanges([{ start: 4, end: 9 }], 0, 18, { open: '*', close: '*', escape: (a, b) => text.slice(a, b) }) // 'The *mayor* said so.'
 */
export function markRanges(ranges: readonly Span[], from: number, to: number, marker: Marker): string {
  let out = '';
  let at = from;
  for (const r of ranges) {
    out += marker.escape(at, r.start) + marker.open + marker.escape(r.start, r.end) + marker.close;
    at = r.end;
  }
  return out + marker.escape(at, to);
}
