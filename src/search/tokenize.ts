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
 * Invisible characters that carry no letter: soft hyphen, zero-width space/non-joiner/joiner,
 * word joiner, zero-width no-break space (BOM). The index never sees them (they are not
 * letters, so `forEachWord` passes over them); text matched as written (topics) must drop them.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * The text without invisible characters (see `INVISIBLE`), so "Gyu\u200bmri" or a pasted
 * "\u200bGyumri" reads as "Gyumri". Returns the same string when there are none.
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

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
