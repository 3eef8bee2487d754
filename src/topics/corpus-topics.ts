/**
 * The subjects a corpus talks about, derived from its text: countries (through their aliases)
 * and proper names, counted by the articles that mention them, plus the pairs that co-occur in
 * a sentence. Computed once per library version and cached; feeds `listTopics` and autocomplete.
 */
import type { Library } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { PLACES, placeFor } from './places.js';
import { escapeRegExp as escape } from './word-pattern.js';

/** What a corpus supports as topics. */
export interface CorpusTopics {
  /** Lower-cased entity names (places by canonical name, other names as written) → articles mentioning them. */
  entities: Map<string, number>;
  /** Topic slugs, best first: entities and co-occurring pairs. */
  ranked: string[];
}

/** Most articles scanned (the latest): autocomplete needs the corpus's current subjects, not an exhaustive census. */
const MAX_ARTICLES = 5_000;
/** Most entities of one sentence paired with each other (a list of twenty names is not twenty stories). */
const MAX_PAIRED = 6;
/** Least number of articles (or co-occurring articles, for pairs) for a topic to be offered. */
const MIN_ARTICLES = 2;

const cache = new WeakMap<Library, { version: string; topics: CorpusTopics }>();

const PLACE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${PLACES.flatMap((p) => p.aliases)
    .sort((a, b) => b.length - a.length)
    .map((a) => `${escape(a)}|${escape(a.toUpperCase())}`)
    .join('|')})(?:['’]s)?(?![\\p{L}\\p{N}])`,
  'gu',
);
const NAME_RE = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}’'-]*\p{L}|\p{Lu}{2,})(?:\s+(?:\p{Lu}[\p{L}’'-]*\p{L}|\p{Lu}{2,}))*/gu;

/** Words that start sentences or name roles, not subjects. */
const NOT_NAMES = new Set(
  (
    'a an the in on at it its he she they we i you this that these those but and or as for with from by of to if when while after before since ' +
    'however although though also both there here then thus still yet so not no yes all some many most such what which who whose where why how ' +
    'mr mrs ms dr sir president prime minister ministry foreign defense defence deputy ambassador governor speaker spokesperson spokesman spokeswoman ' +
    'general chief head secretary state official officials government parliamentary parliament armed forces army police agency news ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
    'photo reuters share related read more editor picks popular support date updated published note notes inc corp co ltd plc group'
  ).split(' '),
);

/**
 * Capitalised tokens that are no subject: a pronoun's contraction ("I’m", "We’ve", "It’ll") and a
 * party-and-state tag ("(D-N.Y.)", "(R-Ky.)" read as "D-N", "R-Ky").
 */
const NOT_A_NAME = /^(?:(?:I|[Ww]e|[Yy]ou|[Tt]hey|[Hh]e|[Ss]he|[Ii]t|[Tt]hat|[Tt]here|[Ll]et|[Ww]hat|[Ww]ho)['’](?:m|s|re|ve|ll|d)|[DRI]-\p{Lu}\p{Ll}{0,5})$/u;

/** Whether a word, its possessive ending aside ("Monday’s"), is one of NOT_NAMES. */
function notName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase().replace(/['’]s$/, ''));
}

/** Words that only place a place ("West Germany", "Northern Ireland"). */
const PLACE_MODIFIERS = new Set('west east north south western eastern northern southern central new greater upper lower former'.split(' '));

function reportingText(article: Article): string[] {
  return article.sentences
    .filter((s) => s.kind === 'body' || s.kind === 'standfirst')
    .map((s) => article.text.slice(s.start, s.end))
    .filter((t) => !/^[^\p{Ll}]*$/u.test(t)); // all-caps lines (wire headlines) tell nothing about proper names
}

/** Entities of one sentence: canonical place names and proper names (leading role words dropped). */
function sentenceEntities(sentence: string): Set<string> {
  const found = new Set<string>();
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(sentence); m; m = PLACE_RE.exec(sentence)) {
    const place = placeFor(m[1]!);
    if (place) found.add(place.name.toLowerCase());
  }
  NAME_RE.lastIndex = 0;
  for (let m = NAME_RE.exec(sentence); m; m = NAME_RE.exec(sentence)) {
    // Places inside a name are counted as places; the rest ("Prime Minister Nikol Pashinyan" after "Armenian") may be a name.
    const all = m[0].split(/\s+/);
    const segments: string[][] = [[]];
    for (const w of all) {
      if (placeFor(w)) segments.push([]);
      else segments[segments.length - 1]!.push(w);
    }
    const whole = placeLedName(all);
    if (whole) found.add(whole.toLowerCase());
    for (const words of segments) {
      while (words.length && notName(words[0]!)) words.shift();
      while (words.length && notName(words[words.length - 1]!)) words.pop();
      if (!words.length || words.some(notName)) continue;
      if (words.length === 1 && PLACE_MODIFIERS.has(words[0]!.toLowerCase())) continue; // "West" of "West German"
      const joined = words.join(' ');
      if (NOT_A_NAME.test(joined)) continue;
      const name = joined.replace(/['’]s$/, '');
      if (name.length < 3) continue;
      // A sentence-initial single word is usually just a capitalised common word.
      if (words.length === 1 && sentence.trimStart().startsWith(words[0]!) && !/^\p{Lu}{2,}$/u.test(name)) continue;
      found.add(name.toLowerCase());
    }
  }
  return found;
}

/**
 * A name that starts with a place and goes on with words of its own, every one of them a name
 * word: a company or body named after a country ("American Express", "British Airways") or a
 * place with its qualifier ("West Germany"). Its parts are counted too; the whole is one subject
 * as well, so a topic that names it is not read as the place and a common word.
 */
function placeLedName(name: string[]): string | null {
  const words = [...name];
  // "American Express Co's": the company word and the possessive are not part of the name.
  if (words.length) words[words.length - 1] = words[words.length - 1]!.replace(/['’]s$/, '');
  while (words.length && NOT_NAMES.has(words[words.length - 1]!.toLowerCase())) words.pop();
  const [first, ...rest] = words;
  if (!first || !rest.length || rest.length > 3) return null;
  const qualified = PLACE_MODIFIERS.has(first.toLowerCase()) && rest.length === 1 && placeFor(rest[0]!) !== undefined;
  if (!qualified && (!placeFor(first) || rest.some((w) => placeFor(w) || NOT_NAMES.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w)))) return null;
  return words.join(' ');
}

/** The topics of a library, computed once per library version (the live corpus changes a library in place). */
export function corpusTopics(library: Library): CorpusTopics {
  const known = cache.get(library);
  if (known && known.version === library.version) return known.topics;
  const articles = library.articles.filter((a) => !a.duplicateOf).slice(-MAX_ARTICLES);
  const entities = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const article of articles) {
    const inArticle = new Set<string>();
    const pairsInArticle = new Set<string>();
    for (const sentence of reportingText(article)) {
      const ents = [...sentenceEntities(sentence)];
      for (const e of ents) inArticle.add(e);
      const slugs = ents.slice(0, MAX_PAIRED).map(slugOf).sort();
      for (let i = 0; i < slugs.length; i++) {
        for (let j = i + 1; j < slugs.length; j++) pairsInArticle.add(`${slugs[i]}-${slugs[j]}`);
      }
    }
    for (const e of inArticle) entities.set(e, (entities.get(e) ?? 0) + 1);
    for (const p of pairsInArticle) pairs.set(p, (pairs.get(p) ?? 0) + 1);
  }
  const min = articles.length < MIN_ARTICLES ? 1 : MIN_ARTICLES;
  const scored: { slug: string; count: number; pair: boolean }[] = [];
  for (const [name, count] of entities) if (count >= min) scored.push({ slug: slugOf(name), count, pair: false });
  for (const [pair, count] of pairs) if (count >= min) scored.push({ slug: pair, count, pair: true });
  scored.sort((a, b) => b.count - a.count || Number(a.pair) - Number(b.pair) || a.slug.localeCompare(b.slug));
  const result = { entities, ranked: [...new Set(scored.map((s) => s.slug))] };
  cache.set(library, { version: library.version, topics: result });
  return result;
}

const slugs = new Map<string, string>();

/** `slug`, remembered: the same names come back in every article. */
function slugOf(name: string): string {
  let s = slugs.get(name);
  if (s === undefined) {
    s = slug(name);
    if (slugs.size < 100_000) slugs.set(name, s);
  }
  return s;
}

/** "Nikol Pashinyan" → "nikol-pashinyan". */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}
