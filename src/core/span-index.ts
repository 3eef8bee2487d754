/**
 * Spans sorted once, so the ones overlapping a range are found by binary search instead of a walk over
 * all of them: the renderers' highlights of a quote (walking every highlight for each piece and length
 * probe made one long passage with thousands of matches quadratic to format), and /claim's statements
 * of an article against the sentences naming a topic.
 */
import type { Span } from './types.js';

/** Ranges sorted by start (ties in their given order), searchable by range. */
export class SpanIndex {
  private readonly sorted: readonly Span[];
  /** `maxEnd[i]`: the largest end among `sorted[0..i]`, so the first range reaching past an offset is found by binary search. */
  private readonly maxEnd: readonly number[];

  /** @param spans - ranges in any order (`Array.prototype.sort` is stable, so ties keep it) */
  constructor(spans: readonly Span[] = []) {
    this.sorted = [...spans].sort((a, b) => a.start - b.start);
    const maxEnd: number[] = [];
    let max = -Infinity;
    for (const h of this.sorted) maxEnd.push((max = Math.max(max, h.end)));
    this.maxEnd = maxEnd;
  }

  /** The ranges that overlap `[from, to)` (non-empty once clipped to it), sorted by start. */
  within(from: number, to: number): Span[] {
    const out: Span[] = [];
    if (to <= from) return out;
    // First range whose end (or an earlier range's end) reaches past `from`.
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxEnd[mid]! > from) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < this.sorted.length; i++) {
      const h = this.sorted[i]!;
      if (h.start >= to) break;
      if (h.end > from && h.end > h.start) out.push(h);
    }
    return out;
  }
}
