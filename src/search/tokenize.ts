/**
 * Words as the index sees them. Indexing, querying and highlighting all use these two
 * functions, so a highlighted word is always a word the index matched.
 */

/** A run of letters, combining marks or digits; everything else (punctuation, emoji, operators) separates words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Longest term kept; longer runs (URLs glued together, base64) are cut so they cannot bloat the vocabulary. */
export const MAX_TERM_LENGTH = 40;

const ASCII = /^[\x00-\x7f]*$/;
const MARKS = /\p{M}+/gu;

/**
 * The index form of a word: lower case, accents folded ("Zürich" → "zurich"), at most
 * `MAX_TERM_LENGTH` characters. Returns "" when nothing is left (a lone combining mark).
 */
export function normaliseTerm(word: string): string {
  let term = word.toLowerCase();
  if (!ASCII.test(term)) term = term.normalize('NFKD').replace(MARKS, '');
  return term.length > MAX_TERM_LENGTH ? term.slice(0, MAX_TERM_LENGTH) : term;
}

/**
 * Calls `visit` for every word of `text[start, end)` with its normalised term and absolute offsets.
 * @param text - the whole article text (offsets stay absolute)
 */
export function forEachWord(
  text: string,
  start: number,
  end: number,
  visit: (term: string, from: number, to: number) => void,
): void {
  // One shared regex (no allocation per passage); safe because `visit` never re-enters this function.
  const re = WORD;
  re.lastIndex = start;
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    const whole = m.index + m[0].length;
    const to = whole > end ? end : whole;
    const term = normaliseTerm(to === whole ? m[0] : text.slice(m.index, to));
    if (term) visit(term, m.index, to);
  }
  re.lastIndex = 0;
}

/** The normalised terms of a free-text query, in order, without repeats. */
export function queryTerms(query: string, max = 32): string[] {
  const seen = new Set<string>();
  forEachWord(query, 0, query.length, (term) => {
    if (seen.size < max) seen.add(term);
  });
  return [...seen];
}
