/**
 * Names as the news writes them, learned from the corpus: the written form of a typed name
 * ("iphone 3g" → "iPhone 3G"), acronym ↔ long form ("EU" ↔ "European Union", "AT&T" ↔
 * "American Telephone and Telegraph"), and the short forms an article uses once it has named
 * someone in full — the surname ("Jobs" after "Steve Jobs") and a multi-word name's distinctive
 * head ("FTSE" after "FTSE 100"). Short forms are `scoped`: they count only in an article that
 * names the subject in full, so "Jobs" is not Steve Jobs in a story about someone else.
 * Possessives ("Jobs'", "Apple's") are matched by the alias patterns of `./index.ts`.
 */
import { firstNameGender } from '../claims/first-names.js';
import type { Library } from '../core/ports.js';
import { AS_WRITTEN, escapeRegExp as escape, isAscii, wholeWord } from './word-pattern.js';

/** What the corpus taught about one subject. */
export interface LearnedAliases {
  /** The subject as the corpus writes it (at least 3 in 4 of its occurrences, with a capital), whatever the case it was typed in. */
  written?: string;
  /** Other full names of the subject (acronym or long form), valid in any article. */
  aliases: string[];
  /** Short forms valid only in an article that names the subject in full. */
  scoped: string[];
  /** True when the subject reads as a person's name whose surname the articles use alone. */
  person?: boolean;
}

/** Articles looked at per subject: enough to see how the news writes a name, bounded for 100,000-article corpora. */
const SAMPLE_ARTICLES = 8;
/** Characters of an article looked at (the name is learned, not every mention counted). */
const SAMPLE_CHARS = 8_000;
/** Words joined inside a long form that its acronym leaves out. */
const LINK_WORDS = new Set(['of', 'the', 'for', 'and', 'de', 'du', 'des', 'la', 'le', 'on', 'in', '&']);
/** Words that say what kind of thing a name is, never which one: not a distinctive head. */
const GENERIC = new Set(
  (
    'store shop index company co corp corporation inc incorporated ltd limited plc group holdings bank fund party ministry department agency ' +
    'council committee conference summit university college school hospital airport station club team league cup championship award prize ' +
    'festival museum court the of and for de la le music service services media records network online international national'
  ).split(' '),
);
/** Titles that come before a surname, not part of it. */
const NOT_SURNAME = /^(?:Jr|Sr|II|III|IV|Inc|Corp|Co|Ltd|Plc)\.?$/;

const isAcronym = (s: string) => /^[\p{Lu}\d][\p{Lu}\d&.]{1,7}$/u.test(s) && /\p{Lu}.*\p{Lu}|\p{Lu}.*&/u.test(s);
const capitalised = (w: string) => /^\p{Lu}/u.test(w);

/**
 * True for a name that is one distinctive word plus words saying what kind of thing it is
 * ("iTunes store", "Bank of England"): the news varies the kind words ("iTunes Music Store"), so
 * such a name is better matched word by word than as one fixed phrase.
 */
export function isKindPhrase(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length >= 2 && words.filter((w) => !GENERIC.has(w.toLowerCase())).length === 1;
}

/** The letters an acronym stands for, "&" read as "and": "AT&T" → "atandt". */
function acronymKey(acronym: string): string {
  return acronym.replace(/\./g, '').replace(/&/g, 'and').toLowerCase();
}

/** Initials of a long form: "American Telephone and Telegraph" → "atandt", "European Union" → "eu". */
function initialsOf(words: string[], keepAnd: boolean): string {
  return words
    .filter((w) => !LINK_WORDS.has(w.toLowerCase()) || (keepAnd && (w === 'and' || w === '&')))
    .map((w) => (w === '&' || w === 'and' ? 'and' : w[0]!.toLowerCase()))
    .join('');
}

/** True when `long` (several capitalised words) can stand for `acronym`. */
export function expands(acronym: string, long: string): boolean {
  const words = long.split(/\s+/);
  if (words.length < 2 || !capitalised(words[0]!)) return false;
  const key = acronymKey(acronym);
  return initialsOf(words, true) === key || initialsOf(words, false) === key.replace(/and/g, '');
}

/** The articles to learn a subject's names from: the index's best matches for it. */
function sample(library: Library, subject: string): string[] {
  return library
    .searchArticles(subject, SAMPLE_ARTICLES, AS_WRITTEN)
    .map((id) => library.get(id))
    .filter((a) => a !== undefined)
    .map((a) => `${a.meta.title}\n${a.text.slice(0, SAMPLE_CHARS)}`);
}

/**
 * Learns the names of one subject from the corpus.
 * @param library - the corpus
 * @param subject - one subject of a topic as typed ("steve jobs", "EU", "ftse 100")
 * @example learnAliases(library, 'steve jobs') // { written: 'Steve Jobs', aliases: [], scoped: ['Jobs'] }
 */
export function learnAliases(library: Library, subject: string): LearnedAliases {
  const texts = sample(library, subject);
  const out: LearnedAliases = { aliases: [], scoped: [] };
  if (!texts.length) return out;
  const written = writtenForm(texts, subject);
  if (written) out.written = written;
  const name = written ?? subject;
  const words = name.split(/\s+/);
  if (isAcronym(name)) {
    const long = longForms(texts, name);
    out.aliases.push(...long);
  } else if (words.length >= 2 && capitalised(words[0]!)) {
    const acronym = acronymFor(texts, name);
    if (acronym) out.aliases.push(acronym);
  }
  if (words.length >= 2 && words.length <= 4) {
    const short = shortForm(texts, words);
    if (short && !out.aliases.includes(short.form)) {
      out.scoped.push(short.form);
      if (short.person) out.person = true;
    }
  }
  return out;
}

/** The form the articles write a subject in most (at least 3 in 4 of its occurrences), or undefined. */
function writtenForm(texts: string[], subject: string): string | undefined {
  const pattern = subject.split(/\s+/).map(escape).join('\\s+');
  // An ASCII subject in an ASCII text: letters and digits are [A-Za-z0-9] there, and a pattern without the Unicode
  // classes finds the same matches (and compiles in a fraction of the time). Each pattern is built when first needed.
  let unicode: RegExp | undefined;
  let plain: RegExp | undefined;
  const asciiSubject = isAscii(subject);
  const counts = new Map<string, number>();
  let total = 0;
  for (const t of texts) {
    const re = asciiSubject && isAscii(t) ? (plain ??= wholeWord(pattern, 'gi', true)) : (unicode ??= wholeWord(pattern, 'gi'));
    for (const m of t.matchAll(re)) {
      const form = m[0].replace(/\s+/g, ' ');
      counts.set(form, (counts.get(form) ?? 0) + 1);
      if (++total >= 200) break;
    }
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  if (!best || best[1] < total * 0.75) return undefined;
  // Only a form with capitals says something a lower-case reading does not.
  return /\p{Lu}/u.test(best[0]) ? best[0] : undefined;
}

/** Long forms of an acronym the articles give: "European Union (EU)", "EU (European Union)", or capitalised words whose initials spell it. */
function longForms(texts: string[], acronym: string): string[] {
  const found = new Map<string, number>();
  const run = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|the|for|and|&|de|la|on)\s+)*\p{Lu}[\p{L}'’-]*)+/gu;
  for (const t of texts) {
    for (const m of t.matchAll(run)) {
      // The long form may sit inside a longer capitalised run ("The European Union"): try its tails.
      const words = m[0].split(/\s+/);
      for (let i = 0; i < words.length - 1; i++) {
        const tail = words.slice(i).join(' ');
        if (capitalised(words[i]!) && expands(acronym, tail)) {
          found.set(tail, (found.get(tail) ?? 0) + 1);
          break;
        }
      }
    }
  }
  return [...found.entries()].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([f]) => f);
}

/** The acronym the articles use for a long form, when they use one whose letters it spells. */
function acronymFor(texts: string[], long: string): string | undefined {
  const counts = new Map<string, number>();
  for (const t of texts) {
    for (const m of t.matchAll(/(?<![\p{L}\p{N}])[\p{Lu}][\p{Lu}\d&.]{1,7}(?![\p{L}\p{N}])/gu)) {
      if (isAcronym(m[0]) && expands(m[0], long)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/**
 * The short form an article uses after the full name, if the articles use one alone: a person's
 * surname ("Jobs"), or the distinctive word of a multi-word name ("FTSE" of "FTSE 100", not "Store").
 */
function shortForm(texts: string[], words: string[]): { form: string; person: boolean } | undefined {
  // A body written like a name ("Islamic State", "White House", "Supreme Court") is no person: its last word is
  // a kind of thing, or the news writes "the" before it; its "surname" ("State", "House") would name others.
  // (A known given name first is a person even where the news writes "the Monica Lewinsky scandal".)
  const person = words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && words.length <= 3 &&
    (firstNameGender(words[0]!) !== undefined || (!GENERIC.has(words[words.length - 1]!.toLowerCase()) && !writtenWithThe(texts, words)));
  let candidate: string | undefined;
  if (person && !NOT_SURNAME.test(words[words.length - 1]!)) candidate = words[words.length - 1];
  else {
    // The distinctive head: the one word that is not generic or a number, written as a name.
    const distinctive = words.filter((w) => !GENERIC.has(w.toLowerCase()) && !/^\d/.test(w) && /\p{Lu}/u.test(w));
    if (distinctive.length === 1) candidate = distinctive[0];
    // A body the news writes with "the" is called by its last word the same way once named: "the Times" after
    // "The New York Times", "the Post" — when the articles write it so ("the State Department" is another body).
    else if (!person && words.length >= 2 && words.every((w) => /^\p{Lu}/u.test(w)) && theShortUses(texts, words) >= THE_SHORT_USES) return { form: words[words.length - 1]!, person: false };
  }
  if (!candidate || candidate.length < 3) return undefined;
  // Used alone (not as part of the full name) in the articles that name it in full.
  const full = new RegExp(words.map(escape).join('\\s+'), 'u');
  const alone = wholeWord(escape(candidate), 'g');
  let uses = 0;
  for (const t of texts) {
    if (!full.test(t)) continue;
    const withoutFull = t.replace(new RegExp(words.map(escape).join('\\s+'), 'gu'), ' ');
    uses += [...withoutFull.matchAll(alone)].length;
    if (uses >= 1) return { form: candidate, person: person && candidate === words[words.length - 1] };
  }
  return undefined;
}

/** Share of a name's uses written after "the" above which it names a body or a thing, not a person. */
const THE_SHARE = 0.25;

/** True when the articles write "the" before the name in at least THE_SHARE of its uses ("the Islamic State"). */
function writtenWithThe(texts: string[], words: string[]): boolean {
  const re = new RegExp(`(\\bthe\\s+)?${words.map(escape).join('\\s+')}`, 'giu');
  let uses = 0;
  let withThe = 0;
  for (const t of texts) {
    for (const m of t.matchAll(re)) {
      uses++;
      if (m[1]) withThe++;
      if (uses >= 200) break;
    }
  }
  return uses > 0 && withThe >= uses * THE_SHARE;
}

/** Uses of "the" + a body's last word alone, in the articles naming it in full, that make it a short form. */
const THE_SHORT_USES = 2;

/**
 * How often the articles that name `words` in full write "the" + its last word alone as a speaker or at a
 * phrase's end ("the Times said", "told the Post."), not as a modifier ("the State Department", "the Republican
 * nominee"), capitalised as in the name.
 */
function theShortUses(texts: string[], words: string[]): number {
  const last = words[words.length - 1]!;
  if (last.length < 3 || GENERIC.has(last.toLowerCase())) return 0;
  const full = new RegExp(words.map(escape).join('\\s+'), 'gu');
  const alone = new RegExp(`\\b[Tt]he\\s+${escape(last)}(?:[,.;:)”"]|['’]s\\b|\\s+(?:said|says|reported|reports|wrote|writes|published|found|noted|added|has|had|is|was|and)\\b)`, 'gu');
  let uses = 0;
  for (const t of texts) {
    if (!t.match(full)) continue;
    uses += [...t.replace(full, ' ').matchAll(alone)].length;
    if (uses >= THE_SHORT_USES) break;
  }
  return uses;
}
