/**
 * Ranking in one place: every factor of a passage's score, used both when a segment orders its
 * postings by impact (index time) and when the engine scores candidates (query time), so a new
 * signal cannot be added to one and forgotten in the other.
 *
 * In the style of MiniSearch's one-line score, a passage p scores for a query
 *
 *     passageScore(Σ over query words of wordScore(p), passageBoost(p))
 *     wordScore(p) = max over the word's variants of termScore(termFactor(weight, df, passages), tf, len, avgLen)
 *
 * that is `passageBoost × Σ_words max_variants (expansion weight × idf × BM25+ tf weight)`,
 * with one function per factor below. A posting's impact is exactly that score for the
 * one-word query of its own term (weight 1), so reading an impact-ordered list from the head
 * reads the best passages for that word first. An article scores, per word, its best
 * passage's score for that word alone, summed over the words.
 *
 * The arithmetic order here is part of the contract: scores are compared for equality on
 * ties (and snapshotted indexes were ordered with it), so keep each product in its order.
 */
import { fieldBoost } from './fields.js';
import type { Variant } from './plan.js';
import type { Segment } from './segment.js';

/** BM25+ parameters (MiniSearch's defaults, which suit short fields). */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;

/** Expansion weight of a query word's exact form (prefix and typo variants weigh less). */
export const EXACT_WEIGHT = 1;

/** Boost by passage flags: the boost of the searchable field the passage belongs to (`SEARCH_FIELDS`). */
export function passageBoost(flags: number): number {
  return fieldBoost(flags);
}

/** Inverse document frequency over passages: a word in few passages says more. */
export function idf(df: number, passages: number): number {
  return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
}

/** BM25+ term weight for one passage, without idf and boost: saturates with `tf`, shorter passages count more. */
export function tfWeight(tf: number, len: number, avgLen: number): number {
  return normedTfWeight(tf, lengthNorm(len, avgLen));
}

/** The length part of `tfWeight` for a passage of `len` words: the same for every term of the passage. */
export function lengthNorm(len: number, avgLen: number): number {
  return K1 * (1 - B + (B * len) / avgLen);
}

/** `tfWeight` from a passage's `lengthNorm` (computed once per passage when scoring many postings). */
export function normedTfWeight(tf: number, norm: number): number {
  return DELTA + (tf * (K1 + 1)) / (tf + norm);
}

/**
 * Expansion weight of a prefix completion ("gyum" → "gyumri"): `weight` (the engine's
 * `prefixWeight`) scaled down by how much of the completed term the typed word covers.
 */
export function prefixWeight(weight: number, wordLength: number, termLength: number): number {
  return weight * Math.sqrt(wordLength / termLength);
}

/** Expansion weight of a typo variant: `weight` (the engine's `fuzzyWeight`) divided by the edit distance. */
export function fuzzyWeight(weight: number, distance: number): number {
  return weight / distance;
}

/** The constant factor of an index term in every score: its expansion weight times its idf in the segment. */
export function termFactor(weight: number, df: number, passages: number): number {
  return weight * idf(df, passages);
}

/** Score of one term in one passage before the passage boost: term factor times BM25+ tf weight. */
export function termScore(factor: number, tf: number, len: number, avgLen: number): number {
  return factor * tfWeight(tf, len, avgLen);
}

/** `termScore` from the passage's `lengthNorm`. */
export function normedTermScore(factor: number, tf: number, norm: number): number {
  return factor * normedTfWeight(tf, norm);
}

/**
 * Score of one query word in passage `p` before the passage boost: its best variant's
 * `termScore` (a word counts once, by its best form), 0 when no variant occurs in `p`.
 */
export function wordScore(seg: Segment, variants: readonly Variant[], p: number, len: number, avgLen: number): number {
  let best = 0;
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i]!;
    const tf = seg.tf(p, v.id);
    if (tf) {
      const s = termScore(v.factor, tf, len, avgLen);
      if (s > best) best = s;
    }
  }
  return best;
}

/** Score of a passage from the sum of its word scores (or one word score) and its `passageBoost`. */
export function passageScore(wordSum: number, boost: number): number {
  return wordSum * boost;
}

/**
 * Score of an article: the sum over query words of `best[i]`, its best passage's
 * `passageScore` for word i alone (so one passage need not hold every word).
 */
export function articleScore(best: Float64Array, words: number): number {
  let score = 0;
  for (let i = 0; i < words; i++) score += best[i]!;
  return score;
}

/**
 * Index-time impact of a term in a passage: the passage's score for the one-word query of
 * that exact term, i.e. `passageScore(termScore(termFactor(EXACT_WEIGHT, df, passages), …), boost)`.
 * @param factor - the term's `termFactor` with `EXACT_WEIGHT`
 */
export function impact(factor: number, tf: number, len: number, avgLen: number, boost: number): number {
  return passageScore(termScore(factor, tf, len, avgLen), boost);
}

/** `impact` from the passage's `lengthNorm` (the same number: the same operations in the same order). */
export function normedImpact(factor: number, tf: number, norm: number, boost: number): number {
  return passageScore(normedTermScore(factor, tf, norm), boost);
}

const TWO32 = 4294967296;
/** Impact quantisation for ordering postings: 2^19 steps of 1/4096. */
const QMAX = 524288;
const QSCALE = 4096;

/**
 * Sort key of a posting: (impact descending, original before syndicated copy, passage id
 * ascending) packed into one exactly representable double, so each term's list is ordered by
 * the native typed-array sort instead of a JS comparator. `keyPassage` reads the passage back.
 */
export function postingKey(impactValue: number, isCopy: boolean, p: number): number {
  const q = Math.min(QMAX - 1, Math.floor(impactValue * QSCALE));
  return ((QMAX - 1 - q) * 2 + (isCopy ? 1 : 0)) * TWO32 + p;
}

/** The passage id of a `postingKey`. */
export function keyPassage(key: number): number {
  return key % TWO32;
}
