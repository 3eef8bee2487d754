/**
 * Query planning: which index terms each query word stands for, with what weight. Prefix and
 * fuzzy expansion are bounded here, so a short or sloppy word can never fan out into thousands
 * of posting lists.
 */
import type { Segment } from './segment.js';
import { EXACT_WEIGHT, fuzzyWeight, prefixWeight, termFactor } from './rank.js';

/** How far query words expand; every field optional, merged over `defaultExpansion`. */
export interface ExpansionOptions {
  /** Shortest word that also matches as a prefix ("gyum" → "gyumri"). @defaultValue 4 */
  prefixMinLength: number;
  /** Shortest word that may match with a typo, and only when the exact word is not in the corpus. @defaultValue 5 */
  fuzzyMinLength: number;
  /** Most prefix completions per word, the most frequent kept. @defaultValue 12 */
  maxPrefixExpansions: number;
  /** Most typo variants per word, the closest kept. @defaultValue 6 */
  maxFuzzyExpansions: number;
  /** Score weight of a prefix completion relative to the exact word. @defaultValue 0.4 */
  prefixWeight: number;
  /** Score weight of a typo variant. @defaultValue 0.3 */
  fuzzyWeight: number;
}

/** Defaults for `ExpansionOptions`. */
export const defaultExpansion: ExpansionOptions = {
  prefixMinLength: 4,
  fuzzyMinLength: 5,
  maxPrefixExpansions: 12,
  maxFuzzyExpansions: 6,
  prefixWeight: 0.4,
  fuzzyWeight: 0.3,
};

/** One index term a query word stands for in one segment. */
export interface Variant {
  id: number;
  term: string;
  /** Expansion weight times idf: the term's constant factor in the score (`termFactor` in rank.ts). */
  factor: number;
  df: number;
}

/** A query word resolved against one segment. */
export interface WordPlan {
  word: string;
  variants: Variant[];
  /** Sum of the variants' passage frequencies (how much reading this word costs). */
  df: number;
}

/** How many radix-tree entries a prefix lookup reads at most (a 4-letter prefix can own thousands). */
const PREFIX_SCAN_CAP = 4000;

/**
 * Resolves query words against one segment. `fuzzy[i]` says whether word i is matched to close terms too: only
 * words no segment holds exactly, and only where the caller wants typos corrected.
 */
export function planWords(seg: Segment, words: string[], fuzzy: boolean[], expansion: ExpansionOptions): WordPlan[] {
  const n = seg.passageCount;
  return words.map((word, i) => {
    const variants: Variant[] = [];
    const exact = seg.termIds.get(word);
    if (exact !== undefined) variants.push(variant(seg, exact, word, EXACT_WEIGHT, n));
    if (word.length >= expansion.prefixMinLength) {
      const found: { id: number; term: string; df: number }[] = [];
      let read = 0;
      for (const [term, id] of seg.dict().atPrefix(word)) {
        if (++read > PREFIX_SCAN_CAP) break;
        if (id !== exact) found.push({ id, term, df: seg.df(id) });
      }
      found.sort((a, b) => b.df - a.df);
      for (const f of found.slice(0, expansion.maxPrefixExpansions)) {
        variants.push(variant(seg, f.id, f.term, prefixWeight(expansion.prefixWeight, word.length, f.term.length), n));
      }
    }
    if (fuzzy[i] && word.length >= expansion.fuzzyMinLength) {
      const maxDistance = word.length >= 8 ? 2 : 1;
      const fuzzy = [...seg.dict().fuzzyGet(word, maxDistance)]
        .map(([term, [id, distance]]) => ({ term, id, distance, df: seg.df(id) }))
        .filter((f) => !variants.some((v) => v.id === f.id))
        .sort((a, b) => a.distance - b.distance || b.df - a.df)
        .slice(0, expansion.maxFuzzyExpansions);
      for (const f of fuzzy) variants.push(variant(seg, f.id, f.term, fuzzyWeight(expansion.fuzzyWeight, f.distance), n));
    }
    return { word, variants, df: variants.reduce((sum, v) => sum + v.df, 0) };
  });
}

function variant(seg: Segment, id: number, term: string, weight: number, passages: number): Variant {
  const df = seg.df(id);
  return { id, term, df, factor: termFactor(weight, df, passages) };
}
