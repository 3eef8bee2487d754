/**
 * Building blocks of the topic modules' whole-word patterns. A pattern with Unicode letter and digit
 * classes as its word boundaries costs a millisecond or two to compile in Node 20; in an ASCII text
 * those classes are exactly [A-Za-z0-9], so an ASCII pattern tried on ASCII texts finds the same
 * matches (case folding maps no ASCII letter to another ASCII one) at a fraction of the cost.
 */
import type { ArticleSearchOptions } from '../core/ports.js';

/**
 * How a topic's names are asked of the index: as written (and their prefixes), never corrected as
 * typos. Its matchers find the names themselves only, so a corrected word's articles are read for
 * nothing, and a correction costs ~20 ms on a large archive ("Argentinian", a demonym no article uses).
 */
export const AS_WRITTEN: ArticleSearchOptions = { typos: false };

/** Escapes a string for use inside a RegExp. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a string is all ASCII. */
export const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

/**
 * `source` as a whole word: no letter or digit right before or after it. With `ascii` the
 * boundaries are [A-Za-z0-9] and no flag `u` is added — only for ASCII `source` tried on ASCII
 * texts; otherwise they are Unicode's letters and digits, with flag `u`.
 */
export function wholeWord(source: string, flags: string, ascii = false): RegExp {
  return ascii ? new RegExp(`(?<![A-Za-z0-9])${source}(?![A-Za-z0-9])`, flags) : new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, `${flags}u`);
}
