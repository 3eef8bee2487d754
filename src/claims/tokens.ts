/**
 * A deliberately cheap tokenizer for attribution. Attribution runs on every article at ingest
 * (100,000 of them in the benchmark), so it uses one regular expression instead of a full NLP
 * pipeline; the rules in `attribution.ts` only need word shapes, offsets and punctuation.
 */
import { COMPANY_ENDINGS, NAME_TITLES } from '../ingest/abbreviations.js';

/** One token with absolute offsets into the article text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-cased text with curly apostrophes made straight. */
  lower: string;
  /** Starts with an upper-case letter or is an all-caps acronym. */
  cap: boolean;
  /** A word (letters/digits) rather than punctuation. */
  word: boolean;
}

// Words keep inner apostrophes, hyphens and dots ("O'Malley", "Nagorno-Karabakh", "U.S.") and an ampersand
// between capitals ("AT&T", "S&P": "AT" alone reads as "at"); a
// possessive "'s" is split off so names stay clean (and a "who" keeps no verb contracted onto it: "who’d" is "who" "’d") (an all-caps headline's "'S" too: "U.S. TREASURY'S BAKER"); every other non-space character is its own token.
// A number keeps its thousands separators ("1,200 teachers", not "1" "," "200"), and a name read
// with the wrong encoding keeps its mangled letters ("FranÃ§ois": the byte after "Ã" or "Â" is a
// Latin-1 symbol, not punctuation), so neither is cut into a phrase of its own. A letter written
// decomposed keeps its combining accents ("Jose" + U+0301), and so does a mangled one ("A" + U+0303
// for "Ã", with a C1 control byte after it).
const TOKEN_RE = /''|[’']s\b|(?<=\b[Ww]ho)[’'](?:d|ve|ll|re)\b|(?<=\p{Lu})[’']S\b|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|[-.](?=[\p{L}\p{N}])|(?<=\p{Lu})&(?=\p{Lu})|(?<!\b[Ww]ho)['’](?![sS]\b)(?=\p{L})|(?<=\p{N}),(?=\p{N}{3}(?!\p{N}))|(?<=[ÃÂ]\p{M}*|A\p{M}+)[\u0080-\u00BF]|(?<=[\p{L}\p{M}])[\u0080-\u009F])*\.?|\S/gu;
/** Words whose point stays on them: an initial, a title before a name (NAME_TITLES), "St.", "Jr.", "Sr.", "Del.", "U.S.". */
const ABBREV_DOT = new RegExp(`^(?:[A-Z]|${[...NAME_TITLES, 'Del', 'St', 'Jr', 'Sr'].join('|')}|U\\.S|U\\.K|U\\.N)\\.$`);

/** A company's abbreviated legal ending ("Inc.", "Corp.", "Co.", "Ltd."). */
const COMPANY_DOT = new RegExp(`^(?:${[...COMPANY_ENDINGS, 'Assn'].join('|')})\\.$`);

/** Splits `text.slice(start, end)` into tokens whose offsets point into `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(slice); m; m = TOKEN_RE.exec(slice)) {
    let raw = m[0];
    // A trailing dot belongs to the word only for abbreviations ("Mr.", "U.S."); otherwise it ends the sentence.
    // ("Acme Inc. said …": a company's abbreviated ending keeps its point inside a sentence; at the end it closes it.
    // Cut off, the point read as a full stop inside the name, and the learned source model dropped "Acme Inc".)
    // (Only after a name's word, not "Cargill, Inc. analyst", and only before what goes on a sentence: a lower-case word, a ticker.)
    const company = COMPANY_DOT.test(raw) && /[\p{L}] $/u.test(slice.slice(Math.max(0, m.index - 2), m.index)) && /^\s*[\p{Ll}(<]/u.test(slice.slice(m.index + raw.length));
    if (raw.length > 1 && raw.endsWith('.') && !ABBREV_DOT.test(raw) && !/\.[\p{L}]\.$/u.test(raw) && !company) {
      raw = raw.slice(0, -1);
      TOKEN_RE.lastIndex -= 1;
    }
    const tokenStart = start + m.index;
    const first = raw.charAt(0);
    // "'s" and "'em" are words; "''" (a quotation mark typed as two apostrophes) is not.
    const word = /[\p{L}\p{N}]/u.test(first) || (raw.length > 1 && /[’']/.test(first) && raw !== "''");
    out.push({
      start: tokenStart,
      end: tokenStart + raw.length,
      text: raw,
      lower: raw.toLowerCase().replace(/’/g, "'"),
      cap: word && first !== first.toLowerCase(),
      word,
    });
  }
  return out;
}

/** The tokens of the units of the text read last, by unit span: the rules and the model read the same units. */
let unitText: string | null = null;
const unitTokenCache = new Map<string, readonly Token[]>();

/**
 * `tokenize(text, start, end)` for a unit of text, tokenised once however many readers of the
 * same text ask (attribution's rules, then its model). The tokens are shared: never change them.
 */
export function unitTokens(text: string, start: number, end: number): Token[] {
  if (text !== unitText) {
    unitText = text;
    unitTokenCache.clear();
  }
  const key = `${start},${end}`;
  let toks = unitTokenCache.get(key);
  if (!toks) unitTokenCache.set(key, (toks = tokenize(text, start, end)));
  return toks as Token[];
}

/** Opening quotation marks. */
export const OPEN_QUOTES = new Set(['“', '‘', '«', '„']);
/** Closing quotation marks (the straight quote both opens and closes). */
export const CLOSE_QUOTES = new Set(['”', '’', '»']);

/** True for a token that is any kind of quotation mark. */
export function isQuote(t: Token | undefined): boolean {
  return !!t && (t.text === '"' || t.text === "''" || OPEN_QUOTES.has(t.text) || CLOSE_QUOTES.has(t.text) || t.text === "'");
}
