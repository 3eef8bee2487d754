/**
 * Topics: what `/claim` and `/timeline` take. A slug `armenia-russia` means both subjects; each
 * subject expands to its aliases (Russia, Russian, Moscow, Kremlin). `listTopics` derives the
 * topics a corpus supports from the entities it mentions and the pairs that co-occur.
 */
import { MAX_QUERY_LENGTH } from '../core/command.js';
import type { Library } from '../core/ports.js';
import { stripInvisible } from '../search/tokenize.js';
import { placeFor } from './places.js';
import { corpusTopics } from './corpus-topics.js';
import { isKindPhrase, learnAliases, type LearnedAliases } from './aliases.js';
import { escapeRegExp as escape, isAscii, wholeWord } from './word-pattern.js';
import type { Article } from '../core/types.js';

/**
 * Most subjects (parts) one topic is read as. Each part is an index look-up per alias and a
 * pattern tried on every candidate sentence, so the work of a topic grows with parts × corpus:
 * 250 parts cost about a second of main thread on 5,000 articles. Real topics have one to three
 * ("armenia-russia", "siege of Mariupol"); eight leaves room for a long phrase. Parts beyond it
 * are left out and the reply says so (`topicNote`).
 */
export const MAX_TOPIC_PARTS = 8;

/** Longest topic read, in characters: the commands refuse longer input already; this bounds every other caller. */
export const MAX_TOPIC_LENGTH = MAX_QUERY_LENGTH;

/** A parsed topic: every part must match; a part matches when any of its aliases does. */
export interface TopicQuery {
  label: string;
  parts: string[][];
  /** The topic as read: invisible characters removed, spaces collapsed, at most `MAX_TOPIC_LENGTH` characters. */
  text: string;
  /** Subjects left out because the topic had more than `MAX_TOPIC_PARTS`. */
  dropped: number;
  /** Per part, short forms (a surname, a name's distinctive head) that count only in an article naming that part in full. */
  scoped?: string[][];
  /** Per part, true when it names a person (so "he" or "she" right after a sentence naming them may be them). */
  people?: boolean[];
}

/**
 * A topic as every reader of topics sees it: without invisible characters (soft hyphen,
 * zero-width space/joiners, word joiner, BOM — the index passes over them, and a pasted topic
 * often carries one), single-spaced, trimmed, cut at `MAX_TOPIC_LENGTH` characters.
 */
export function normaliseTopic(topic: string): string {
  return stripInvisible(topic.slice(0, MAX_TOPIC_LENGTH * 2)).replace(/\s+/g, ' ').trim().slice(0, MAX_TOPIC_LENGTH).trim();
}

/** The note a reply carries when a topic was cut to `MAX_TOPIC_PARTS` subjects; undefined when it was not. */
export function topicNote(query: TopicQuery): string | undefined {
  if (!query.dropped) return undefined;
  return `Only the first ${MAX_TOPIC_PARTS} subjects of the topic were used (a topic has at most ${MAX_TOPIC_PARTS}); ${query.dropped} more ${query.dropped === 1 ? 'was' : 'were'} left out.`;
}

/** Words of a phrase topic that say nothing about the subject. */
const PHRASE_STOPWORDS = new Set(
  'a an the of in on at for to with about from by into over after before during between against among is are was were be been being what when who whom which did does do happened happen'.split(' '),
);

/** Splits "Armenia and Russia", "armenia-russia", "armenia, russia" into subjects. */
const SEPARATORS = /\s*(?:,|&|\+|\/|;|\bvs\.?\b|\bversus\b|\band\b|(?<=\S)-(?=\S)|\s-\s)\s*/i;

/**
 * Parses a topic word, phrase or slug.
 * @param topic - "armenia-russia", "Russia", "Armenia and Russia", "border guards"
 * @param library - when given, a multi-word phrase the corpus names as one entity stays whole
 * @example parseTopic('armenia-russia').parts // [['Armenia','Armenian','Armenians','Yerevan'], ['Russia', …, 'Kremlin']]
 */
export function parseTopic(topic: string, library?: Library): TopicQuery {
  const cleaned = normaliseTopic(topic);
  const single =
    placeFor(cleaned) !== undefined ||
    (library !== undefined && cleaned.includes(' ') && corpusTopics(library).entities.has(cleaned.toLowerCase()));
  const split = single ? [cleaned] : cleaned.split(SEPARATORS).map((p) => p.trim()).filter((p) => /[\p{L}\p{N}]/u.test(p));
  // "south-korea", "saudi-arabia": rejoin neighbours that together name a country.
  const pieces: string[] = [];
  for (let i = 0; i < split.length; i++) {
    const three = split.slice(i, i + 3).join(' ');
    const two = split.slice(i, i + 2).join(' ');
    if (i + 2 < split.length && placeFor(three)) (pieces.push(three), (i += 2));
    else if (i + 1 < split.length && placeFor(two)) (pieces.push(two), (i += 1));
    else pieces.push(split[i]!);
  }
  const parts: string[][] = [];
  const scoped: string[][] = [];
  const people: boolean[] = [];
  const labels: string[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  const add = (aliases: string[], short: string[] = [], person = false) => {
    const key = aliases[0]!.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    if (parts.length < MAX_TOPIC_PARTS) (parts.push(aliases), scoped.push(short), people.push(person));
    else dropped++;
  };
  for (const piece of pieces) {
    const place = placeFor(piece);
    // Once the topic is full, the label names only what is used; `add` still counts what is left out.
    const full = parts.length >= MAX_TOPIC_PARTS;
    if (place) {
      if (!full && !labels.includes(place.name)) labels.push(place.name);
      add([...place.aliases]);
      continue;
    }
    // Names as the corpus writes them: its spelling, acronym or long form, and short forms.
    const learned = library !== undefined && !full ? learnedFor(library, piece) : undefined;
    // The corpus's spelling is adopted where it carries more than a capital first letter ("iPhone 3G",
    // "FTSE", "Dana Reyes"); a plain capitalised word ("Republicans") keeps its case-blind, plural-aware reading.
    const name = learned?.written !== undefined && /\p{Lu}/u.test(learned.written.slice(1)) ? learned.written : piece;
    if (!full) labels.push(piece);
    const entity =
      library !== undefined &&
      piece.includes(' ') &&
      (corpusTopics(library).entities.has(piece.toLowerCase()) || (name !== piece && name.includes(' ') && !isKindPhrase(name)));
    if (entity || !piece.includes(' ')) {
      add([name, ...(learned?.aliases.filter((a) => a !== name) ?? [])], learned?.scoped ?? [], learned?.person ?? false);
      continue;
    }
    // A phrase ("Kerch bridge explosion", "siege of Mariupol"): every content word must be there.
    const words = piece.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w) && !PHRASE_STOPWORDS.has(w.toLowerCase()));
    for (const w of words.length ? words : [piece]) {
      const wordPlace = placeFor(w);
      add(wordPlace ? [...wordPlace.aliases] : [w]);
    }
  }
  return { label: labels.join(' and ') || cleaned, parts, text: cleaned, dropped, scoped, people };
}

const learnedMemo = new WeakMap<Library, { version: string; memo: Map<string, LearnedAliases> }>();

/** `learnAliases`, remembered per library version (a topic is asked again and again). */
function learnedFor(library: Library, piece: string): LearnedAliases {
  let held = learnedMemo.get(library);
  if (!held || held.version !== library.version) learnedMemo.set(library, (held = { version: library.version, memo: new Map() }));
  let learned = held.memo.get(piece);
  if (!learned) {
    learned = learnAliases(library, piece);
    if (held.memo.size >= 1000) held.memo.delete(held.memo.keys().next().value!);
    held.memo.set(piece, learned);
  }
  return learned;
}

/** One alias as a pattern: proper nouns match as capitalised or upper-case, other words in any case, with plural/possessive endings. */
function aliasPattern(alias: string): { source: string; caseSensitive: boolean } {
  const words = alias.split(/\s+/).map(escape).join('\\s+');
  // A capital anywhere makes a name ("iPhone 3G"): matched in its case, so "3GS" is not "3G" plus a plural.
  const proper = /\p{Lu}/u.test(alias);
  // Possessives too: "Jobs'" as well as "Apple's".
  const ending = "(?:['’]s|['’]|s|es)?";
  if (!proper) {
    // "guards" finds "guard" too: match the word without a plural ending, then any ending.
    const stem = alias.length > 4 && /[^s]s$/i.test(alias) && !alias.includes(' ') ? escape(alias.slice(0, -1)) : words;
    return { source: `${stem}${ending}`, caseSensitive: false };
  }
  const upper = alias.split(/\s+/).map((w) => escape(w.toUpperCase())).join('\\s+');
  return { source: upper === words ? `${words}${ending}` : `(?:${words}|${upper})${ending}`, caseSensitive: true };
}

/**
 * A compiled part: tests whether a text mentions any of the part's aliases. Given the article the
 * text comes from, a short form (surname, distinctive head) counts too when that article names the
 * part in full.
 */
export type PartMatcher = ((text: string, article?: Article) => boolean) & {
  /** True when the part names a person. */
  person?: boolean;
};

/**
 * One regex per case sensitivity for a list of aliases (none for a sensitivity no alias has). With `ascii`, for
 * ASCII aliases tried on ASCII texts only: a letter or digit is then [A-Za-z0-9] and no flag `u` is needed, so
 * the same matches come from a pattern that compiles in a fraction of the time (building the Unicode classes
 * of letters and digits costs a millisecond or two per new pattern, more than matching every sentence of a topic).
 */
function aliasRegexes(aliases: string[], ascii = false): RegExp[] {
  const sensitive: string[] = [];
  const insensitive: string[] = [];
  for (const a of aliases) {
    const p = aliasPattern(a);
    (p.caseSensitive ? sensitive : insensitive).push(p.source);
  }
  return [
    sensitive.length ? wholeWord(`(?:${sensitive.join('|')})`, '', ascii) : null,
    insensitive.length ? wholeWord(`(?:${insensitive.join('|')})`, 'i', ascii) : null,
  ].filter((r): r is RegExp => r !== null);
}

/**
 * A test of whether a text names any of `aliases` (their patterns, see `aliasPattern`). A match
 * starts where the text's lower-case form holds an alias's first word, so the patterns are tried
 * only at the places the lower-case text holds one (found by `indexOf`), not at every character: the
 * same answer, at a fraction of the cost, on the sentences of every candidate article. A text whose
 * lower-case form has another length ("İ" → "i̇") is tested whole. ASCII aliases on an ASCII text are
 * tried with ASCII patterns (`aliasRegexes`); each set of patterns is built when first needed.
 */
function mentionTest(aliases: string[]): (text: string) => boolean {
  const asciiAliases = aliases.every(isAscii);
  let unicode: { res: RegExp[]; sticky: RegExp[] } | undefined;
  let plain: { res: RegExp[]; sticky: RegExp[] } | undefined;
  const compiled = (ascii: boolean) => {
    const res = aliasRegexes(aliases, ascii);
    return { res, sticky: res.map((r) => new RegExp(r.source, `${r.flags}y`)) };
  };
  const patterns = (text: string) => (asciiAliases && isAscii(text) ? (plain ??= compiled(true)) : (unicode ??= compiled(false)));
  const stems = [...new Set(aliases.map((a) => a.toLowerCase().split(/\s+/)[0]!.replace(/(?<=\w{4})s$/, '')))];
  // An empty first word (an alias of spaces) starts anywhere: such a list is tested whole.
  const whole = stems.includes('');
  return (text: string) => {
    const low = text.toLowerCase();
    if (whole || low.length !== text.length) return stems.some((s) => low.includes(s)) && patterns(text).res.some((r) => r.test(text));
    let sticky: RegExp[] | undefined;
    for (const stem of stems) {
      for (let at = low.indexOf(stem); at >= 0; at = low.indexOf(stem, at + 1)) {
        for (const r of (sticky ??= patterns(text).sticky)) {
          r.lastIndex = at;
          if (r.test(text)) return true;
        }
      }
    }
    return false;
  };
}

/** Compiles each part of a topic into a matcher (word-bounded, so "Russian" matches in "anti-Russian" but "Iran" not in "Iranian"-less words). */
export function compileTopic(query: TopicQuery): PartMatcher[] {
  return query.parts.map((aliases, i) => {
    const named = mentionTest(aliases);
    const short = query.scoped?.[i] ?? [];
    const person = query.people?.[i] ?? false;
    if (!short.length) return Object.assign((text: string) => named(text), { person });
    const namedShort = mentionTest(short);
    const rivals = rivalPatterns(aliases, short, person);
    const namesInFull = new WeakMap<Article, boolean>();
    const matcher = (text: string, article?: Article) => {
      if (named(text)) return true;
      if (!article) return false;
      if (!namedShort(text)) return false;
      let full = namesInFull.get(article);
      if (full === undefined) {
        // The short form stands for the part where the article names it in full and names no rival it could stand for as well.
        full = (named(article.meta.title) || named(article.text)) && !rivals.some((r) => r.test(article.text));
        namesInFull.set(article, full);
      }
      return full;
    };
    return Object.assign(matcher, { person });
  });
}

/** Capitalised words that open a sentence or a phrase before a name without being part of another name. */
const NOT_A_NAME = 'The|A|An|This|That|These|Those|In|On|At|For|But|And|Or|If|When|As|By|Of|To|With|From|After|Before|While|Since|So|Yet|How|Why|What|Where|Who|Some|Many|All|Its|His|Her|Their|Our|My|Your|Every|Each|No|Not|Also|Then|Now|Here|There';

/**
 * Other names a distinctive head could stand for: "iPhone 3G" where the part is "iPhone 4" makes
 * "iPhone" alone ambiguous in that article ("FTSE 250" likewise for "FTSE 100"); and, for a body's head,
 * another name ending in it ("Donald Trump" makes "Trump" no short form of "Trump University").
 */
function rivalPatterns(aliases: string[], short: string[], person: boolean): RegExp[] {
  const out: RegExp[] = [];
  for (const s of short) {
    for (const a of aliases) {
      if (!a.startsWith(`${s} `)) continue;
      const tail = a.slice(s.length + 1).split(/\s+/)[0]!;
      out.push(new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}\\s+(?!${escape(tail)}(?![\\p{L}\\p{N}]))[\\p{Lu}\\p{N}][\\p{L}\\p{N}]*`, 'u'));
    }
    if (person) continue;
    // ("the Times" for "New York Times": "Times Square" is another name it could stand for.)
    if (aliases.some((a) => a.endsWith(` ${s}`))) out.push(new RegExp(`(?<![\\p{L}\\p{N}])${escape(s)}\\s+\\p{Lu}`, 'u'));
    // (The name's own words before the head are no rival: "New York" for "New York Times" is the part itself.)
    const own = aliases.flatMap((a) => {
      const words = a.split(/\s+/);
      const at = words.indexOf(s);
      return at > 0 ? [escape(words[at - 1]!)] : [];
    });
    out.push(new RegExp(`(?<![\\p{L}\\p{N}])(?!(?:${[NOT_A_NAME, ...own].join('|')})\\s)\\p{Lu}[\\p{L}'’-]*\\s+${escape(s)}(?![\\p{L}\\p{N}])`, 'u'));
  }
  return out;
}

/**
 * Topics the corpus supports, best first (for autocomplete and suggestions): the entities it
 * mentions most, and the pairs of them that co-occur in sentences, as slugs ("armenia-russia").
 */
export function listTopics(library: Library, limit = 25): string[] {
  return corpusTopics(library).ranked.slice(0, limit);
}

/** Topics close to one that found nothing: those sharing a subject with it, then similar spellings, then index terms. */
export function suggestTopics(library: Library, topic: string, limit = 5): string[] {
  const wanted = normaliseTopic(topic).toLowerCase();
  // Every word is compared with every corpus topic: the same cap as the topic's parts keeps that bounded.
  const words = wanted.split(/[\s,&+/-]+/).filter(Boolean).slice(0, MAX_TOPIC_PARTS);
  const places = new Set(words.map((w) => placeFor(w)?.name.toLowerCase()).filter((p): p is string => Boolean(p)));
  const scored = corpusTopics(library).ranked.map((slug, rank) => {
    const slugWords = slug.split('-');
    let score = 0;
    for (const w of words) {
      if (slugWords.includes(w) || places.has(slug)) score += 3;
      else if (slugWords.some((s) => s.startsWith(w) || w.startsWith(s))) score += 2;
      else if (slugWords.some((s) => editDistance(s, w) <= Math.max(1, Math.floor(w.length / 4)))) score += 2;
    }
    for (const p of places) if (slug.split('-').some((s) => placeFor(s)?.name.toLowerCase() === p)) score += 3;
    return { slug, score, rank };
  });
  const picked = scored
    .filter((s) => s.score > 0 && s.slug !== wanted)
    .sort((a, b) => b.score - a.score || a.rank - b.rank)
    .map((s) => s.slug);
  if (picked.length < limit) {
    for (const term of library.suggest(wanted, limit)) if (!picked.includes(term) && term !== wanted) picked.push(term);
  }
  // Nothing close: the corpus's main topics are still a better answer than silence.
  if (!picked.length) picked.push(...corpusTopics(library).ranked.filter((t) => t !== wanted).slice(0, limit));
  return picked.slice(0, limit);
}

/** Levenshtein distance, for "did you mean" on short words. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
