/** "Did you mean": index terms close to a word that found nothing. */
import type { Segment } from './segment.js';

/** How many radix-tree entries a completion lookup reads at most. */
const COMPLETION_SCAN_CAP = 2000;

/**
 * Index terms close to `word`, closest first, then most frequent: typo variants (edit distance
 * 1 for words of up to three letters, else 2) and, after those, completions of it as a prefix.
 */
export function closeTerms(segments: readonly Segment[], word: string, limit: number): string[] {
  const found = new Map<string, { distance: number; df: number }>();
  const maxDistance = word.length <= 3 ? 1 : 2;
  for (const seg of segments) {
    if (!seg.passageCount) continue;
    for (const [term, [id, distance]] of seg.dict().fuzzyGet(word, maxDistance)) {
      const prev = found.get(term);
      const df = seg.df(id) + (prev?.df ?? 0);
      found.set(term, { distance: Math.min(distance, prev?.distance ?? distance), df });
    }
    if (word.length >= 2) {
      let read = 0;
      for (const [term, id] of seg.dict().atPrefix(word)) {
        if (++read > COMPLETION_SCAN_CAP) break;
        if (!found.has(term)) found.set(term, { distance: maxDistance + 0.5, df: seg.df(id) });
      }
    }
  }
  return [...found.entries()]
    .filter(([term]) => term.length > 1)
    .sort((a, b) => a[1].distance - b[1].distance || b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([term]) => term);
}
