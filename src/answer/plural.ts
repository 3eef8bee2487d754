/** Counted nouns for headlines and notes ("1 passage", "3 passages"), worded alike in every command. */

/**
 * A count and its noun, singular for exactly one, plural otherwise (zero too: "0 articles").
 * @param singular - the words after the number for one, e.g. "passage" or "more new article"
 * @param plural - the words for any other count; defaults to `singular` + "s"
 * @example countOf(1, 'passage') // "1 passage"
 * @example countOf(2, 'syndicated copy', 'syndicated copies') // "2 syndicated copies"
 */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
