/**
 * Headlines: recognising a headline-shaped line, and matching a known title against the text.
 */

const TERMINAL_PERIOD = /[.…:;,]["'”’)\]]*$/;

/** Number of words in a piece. */
export function wordCount(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/**
 * True when a piece is shaped like a headline: one line, a handful of words, no closing full
 * stop, starting with a capital letter, digit or quote.
 * @param minWords - fewest words (section labels such as "Armenia" have one) @defaultValue 3
 */
export function isHeadlineLike(text: string, minWords = 3): boolean {
  if (text.length < 8 || text.length > 220 || text.includes('\n')) return false;
  const words = wordCount(text);
  // Some archives end every headline with a full stop; Title Case still gives them away.
  if (TERMINAL_PERIOD.test(text) && !(text.endsWith('.') && isTitleCase(text))) return false;
  if (words < minWords || words > 35) return false;
  const first = text[0] ?? '';
  return /[\p{Lu}\p{N}"'“‘«]/u.test(first);
}

const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'vs.', 'via', 'nor', 'per']);

/** True when nearly every word but the small ones starts with a capital ("Donald Trump Sounds Weirdly Sophisticated"). */
export function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !MINOR_WORDS.has(w.toLowerCase()));
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^["'“‘(]?\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.85;
}

/** Comparable form of a title: case, quotes, dashes and spacing folded. */
export function titleKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”«»„]/g, '"')
    .replace(/[–—‒―]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:|-]+$/, '')
    .trim();
}

/**
 * A fallback title when neither metadata nor a headline line gives one: the opening words of
 * the first reporting sentence, cut at a word boundary.
 */
export function fallbackTitle(firstSentence: string | undefined, id: string): string {
  const text = (firstSentence ?? '').replace(/\s+/g, ' ').trim();
  if (text.length === 0) return id;
  if (text.length <= 90) return text;
  const cut = text.slice(0, 90);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
