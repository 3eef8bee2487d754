/**
 * Topics too common to be topics. `/claim the` would otherwise list ten claims "about the" — every
 * sentence mentions it — and `/timeline said` every dated sentence. A topic is too common when
 * all its words are function words (or "said"), or when, on an archive large enough to tell, its
 * words appear together in most articles and none of them names a place or a person.
 */
import type { Library } from '../core/ports.js';
import { corpusTopics } from './corpus-topics.js';
import { listTopics, normaliseTopic } from './index.js';
import { placeFor } from './places.js';
import { escapeRegExp as escape, isAscii, wholeWord } from './word-pattern.js';

/** Words that never make a topic on their own: function words and the verbs of reporting. */
const COMMON_WORDS = new Set(
  (
    'a an the of in on at to for with by from about as into onto over under after before during since until between among against through ' +
    'and or but nor so yet if then than that this these those there here it its he she they them their theirs his her hers him we our ours you your i me my ' +
    'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
    'not no yes all any some each every both either neither more most less least other another such only own same very just also too ' +
    'up down out off again further once what which who whom whose when where why how whether ' +
    'said says say saying told tells tell according mr mrs ms'
  ).split(' '),
);

/** Bounds of the share test: articles sampled, characters read of each, and the least archive it runs on. */
const SHARE = { sample: 400, charsPerArticle: 20_000, minArticles: 50, tooCommon: 0.6 } as const;

/** Why a topic is too common, as a headline and notes for the reply. */
export interface CommonTopic {
  headline: string;
  notes: string[];
}

/** A topic word written as an acronym ("WHO", "IT") or naming a place is a subject whatever its letters. */
const isSubjectWord = (word: string): boolean => (word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word)) || placeFor(word) !== undefined;


/** Most words whose sample hits are remembered per library version. */
const WORD_MEMO_SIZE = 2000;
const wordMemos = new WeakMap<Library, { version: string; hits: Map<string, Uint8Array> }>();

/**
 * The spread sample: its texts (each cut at `SHARE.charsPerArticle`), for an ASCII text its lower-case form, and
 * (built on the first word asked) the texts each lower-case ASCII word is found in whole; per library version.
 */
interface SpreadSample {
  version: string;
  size: number;
  texts: string[];
  lower: (string | null)[];
  words?: WordIndex;
}

/** Which ASCII texts of the spread sample hold each word (lower case, whole), and which texts are not ASCII. */
interface WordIndex {
  /** Lower-case word → the sample positions of the ASCII texts holding it, ascending. */
  at: Map<string, number[]>;
  /** Sample positions of the texts that are not ASCII (asked with the pattern). */
  other: number[];
}

const samples = new WeakMap<Library, SpreadSample>();

function spreadSample(library: Library): SpreadSample {
  const all = library.articles;
  const held = samples.get(library);
  if (held && held.version === library.version && held.size === all.length) return held;
  const step = Math.max(1, Math.floor(all.length / SHARE.sample));
  const texts: string[] = [];
  for (let i = 0; i < all.length && texts.length < SHARE.sample; i += step) texts.push(all[i]!.text.slice(0, SHARE.charsPerArticle));
  const lower = texts.map((t) => (isAscii(t) ? t.toLowerCase() : null));
  const sample: SpreadSample = { version: library.version, size: all.length, texts, lower };
  samples.set(library, sample);
  return sample;
}

/** A word of ASCII letters and digits only (what `tooCommonTopic` splits a topic into, when it is ASCII). */
const ASCII_WORD = /^[A-Za-z0-9]+$/;

/** The sample's word index (see `WordIndex`), built once per sample: a few hundred short texts read once. */
function wordIndex(sample: SpreadSample): WordIndex {
  if (sample.words) return sample.words;
  const at = new Map<string, number[]>();
  const other: number[] = [];
  sample.lower.forEach((low, i) => {
    if (low === null) return void other.push(i);
    for (const m of low.matchAll(/[a-z0-9]+/g)) {
      const list = at.get(m[0]);
      if (!list) at.set(m[0], [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  });
  return (sample.words = { at, other });
}

/** Which articles of the spread sample name a word (whole word, any case), remembered per library version. */
function sampleHits(library: Library, word: string): Uint8Array {
  let held = wordMemos.get(library);
  if (!held || held.version !== library.version) wordMemos.set(library, (held = { version: library.version, hits: new Map() }));
  const known = held.hits.get(word);
  if (known) return known;
  // Built only for a text the word index does not answer (a Unicode pattern takes a millisecond or more to build).
  let built: RegExp | undefined;
  const pattern = () => (built ??= wholeWord(escape(word), 'i'));
  const sample = spreadSample(library);
  const { texts } = sample;
  const hits = new Uint8Array(texts.length);
  if (ASCII_WORD.test(word)) {
    // In an ASCII text, letters and digits are [A-Za-z0-9] and case folding maps no ASCII letter to another ASCII one:
    // the pattern finds an ASCII word (letters and digits only) exactly where a whole run of them is the word in
    // lower case. The runs are read once per sample (`wordIndex`); texts that are not ASCII are tried with the pattern.
    const index = wordIndex(sample);
    for (const at of index.at.get(word.toLowerCase()) ?? []) hits[at] = 1;
    for (const at of index.other) if (pattern().test(texts[at]!)) hits[at] = 1;
  } else {
    // Any other word: the pattern on every text (a text's lower-case form may not hold the word's where the pattern
    // matches: "K" (Kelvin) folds to "k" but lower-cases to itself).
    for (let seen = 0; seen < texts.length; seen++) if (pattern().test(texts[seen]!)) hits[seen] = 1;
  }
  if (held.hits.size >= WORD_MEMO_SIZE) held.hits.delete(held.hits.keys().next().value!);
  held.hits.set(word, hits);
  return hits;
}

/** Share of a spread sample of articles whose text names every word (whole words, any case). */
function shareOfArticles(library: Library, words: string[]): number {
  const perWord = words.map((w) => sampleHits(library, w));
  const seen = perWord[0]?.length ?? 0;
  let hits = 0;
  for (let i = 0; i < seen; i++) if (perWord.every((h) => h[i] === 1)) hits++;
  return seen ? hits / seen : 0;
}

/**
 * Whether a topic is too common to answer usefully, and what to say instead.
 * @param topic - the topic as typed
 * @returns the reason and suggestions, or undefined for a usable topic
 * @example tooCommonTopic('the', library)?.headline // 'The topic "the" is too common: …'
 */
export function tooCommonTopic(topic: string, library: Library): CommonTopic | undefined {
  const text = normaliseTopic(topic);
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 16);
  if (!words.length || words.some(isSubjectWord)) return undefined;
  let why: string | undefined;
  if (words.every((w) => COMMON_WORDS.has(w.toLowerCase()))) {
    why = `The topic "${text}" is too common: it is made only of words every article uses.`;
  } else if (!library.partial && library.articles.length >= SHARE.minArticles) {
    const share = shareOfArticles(library, words);
    // A name the archive is about (a person, an organisation) may be in most articles and is still a subject.
    const named = () => corpusTopics(library).entities.has(text.toLowerCase()) || words.some((w) => corpusTopics(library).entities.has(w.toLowerCase()));
    if (share >= SHARE.tooCommon && !named()) {
      why = `The topic "${text}" is too common: it appears in ${Math.round(share * 100)}% of the articles.`;
    }
  }
  if (!why) return undefined;
  const examples = listTopics(library, 3);
  const tryThese = examples.length ? ` such as ${examples.map((t) => `"${t}"`).join(', ')}` : '';
  return { headline: why, notes: [`Give a name, a place or a phrase${tryThese}.`] };
}
