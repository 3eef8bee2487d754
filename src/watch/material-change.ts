/**
 * Whether a rewritten article changed materially, i.e. is news again for the digests. An outlet
 * that fixes a typo, reflows paragraphs or edits its punctuation has not published anything new;
 * one that adds or removes a sentence, or corrects a number (a death toll, a date), has.
 *
 * The rule, on the article's reporting (headline, standfirst, body and captions; chrome and
 * datelines are left out):
 * - the same words in the same order (only whitespace, punctuation or case differ): not material;
 * - otherwise each sentence of the new version that the old one lacks is paired with a sentence
 *   the old one had and the new one lacks when the two differ by at most a couple of words (a
 *   typo fix: at most 2 words changed, or 15% of the longer sentence's words); a pair whose numbers differ
 *   is material;
 * - a sentence added or removed without such a twin is material when it has at least 3 words;
 * - more than 40 sentences added or removed at once is material without further comparison.
 *
 * Work is linear in the length of the texts, plus at most 20 × 20 sentence comparisons.
 */
import type { Article } from '../core/types.js';

/** Fewest words of an added or removed sentence for it to count (not an "Updated" stamp). */
const MIN_SENTENCE_WORDS = 3;
/** Most unmatched sentences compared pairwise; past this, the article was rewritten. */
const MAX_UNMATCHED = 40;
/** Words a typo fix may change in a sentence: at least this many … */
const TYPO_WORDS = 2;
/** … or this share of the longer sentence's words. */
const TYPO_SHARE = 0.15;

const REPORTING = new Set(['title', 'standfirst', 'body', 'caption']);

/** The reporting sentences of an article, as lists of lower-case words. */
function sentenceWords(article: Pick<Article, 'text' | 'sentences'>): string[][] {
  const out: string[][] = [];
  for (const s of article.sentences) {
    if (!REPORTING.has(s.kind)) continue;
    const words = article.text.slice(s.start, s.end).normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu);
    if (words) out.push(words);
  }
  return out;
}

/** Words in `a` or `b` but not both, counted with multiplicity. */
function wordDifference(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) - 1);
  let diff = 0;
  for (const n of counts.values()) diff += Math.abs(n);
  return diff;
}

const numbers = (words: readonly string[]): string => words.filter((w) => /\p{N}/u.test(w)).sort().join(' ');

/** Sentences of `from` not in `other`, as multisets of sentence keys. */
function unmatched(from: string[][], other: string[][]): string[][] {
  const left = new Map<string, number>();
  for (const s of other) {
    const key = s.join(' ');
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const out: string[][] = [];
  for (const s of from) {
    const key = s.join(' ');
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    else out.push(s);
  }
  return out;
}

/**
 * True when `after` changed materially from `before` (see the module comment for the rule).
 * @example changedMaterially(articleBeforeTypoFix, articleAfter) // false
 */
export function changedMaterially(before: Pick<Article, 'text' | 'sentences'>, after: Pick<Article, 'text' | 'sentences'>): boolean {
  const old = sentenceWords(before);
  const now = sentenceWords(after);
  if (old.flat().join(' ') === now.flat().join(' ')) return false;
  const added = unmatched(now, old);
  const removed = unmatched(old, now);
  if (added.length + removed.length > MAX_UNMATCHED) return true;
  const used = new Set<number>();
  for (const sentence of added) {
    const twin = removed.findIndex((other, i) => {
      if (used.has(i)) return false;
      const allowed = Math.max(TYPO_WORDS, Math.floor(TYPO_SHARE * Math.max(sentence.length, other.length)));
      // A one-word fix shows as one word removed and one added: 2 in the difference.
      return wordDifference(sentence, other) <= 2 * allowed;
    });
    if (twin < 0) {
      if (sentence.length >= MIN_SENTENCE_WORDS) return true;
      continue;
    }
    used.add(twin);
    if (numbers(sentence) !== numbers(removed[twin]!)) return true;
  }
  return removed.some((s, i) => !used.has(i) && s.length >= MIN_SENTENCE_WORDS);
}
