/**
 * A segment: an immutable, compact index over a list of articles.
 *
 * Why not one MiniSearch document per passage: measured on this machine over Reuters-21578
 * repeated to 100,000 articles, MiniSearch over passages took 34 s to index, 1.2 GB of heap,
 * 583 ms for the query "said" and 14 s for `loadJSON`. Here postings are flat typed arrays,
 * each term's list ordered by impact (best passages first) so a query reads a bounded prefix
 * of it, plus a forward index (passage → its terms) to check and score candidates exactly.
 * Typed arrays snapshot as raw bytes, so start-up is a file read, not a rebuild.
 * MiniSearch's radix tree (`SearchableMap`) serves prefix and fuzzy term expansion.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { Article } from '../core/types.js';
import { Growable } from './growable.js';
import { metaFields, PassageFlag } from './fields.js';
import { passagesOf, type PassageSpec } from './passages.js';
import { invert, invertReusing } from './invert.js';
import { forEachWord } from './tokenize.js';
import { runSteps, type Steps } from '../core/take-turns.js';

/** Everything a segment stores; all arrays are indexed by term id, passage id or segment-local article number. */
export interface SegmentData {
  /** Term id → term. */
  terms: string[];
  /** Term id t owns `postings[postOffsets[t] .. postOffsets[t+1])`; length is the term's passage frequency. */
  postOffsets: Uint32Array;
  /** Passage ids per term, highest impact first (ties: originals before syndicated copies). */
  postings: Uint32Array;
  /** Aligned with `postings`: the term's frequency in that passage (so a rebuild re-scores a list in its stored order). */
  postTf: Uint8Array;
  /** Passage p owns `fwdTerms/fwdTf[fwdOffsets[p] .. fwdOffsets[p+1])`, term ids ascending. */
  fwdOffsets: Uint32Array;
  fwdTerms: Uint32Array;
  fwdTf: Uint8Array;
  /** Per passage: local article number, absolute offsets, sentences covered, word count, flags. */
  pArticle: Uint32Array;
  pStart: Uint32Array;
  pEnd: Uint32Array;
  pSentFirst: Uint32Array;
  pSentCount: Uint8Array;
  pLen: Uint16Array;
  pFlags: Uint8Array;
  /** Local article a owns passages `[aPassOffsets[a], aPassOffsets[a+1])`. */
  aPassOffsets: Uint32Array;
  /** Mean passage length in words (BM25 length normalisation). */
  avgLen: number;
}

/** An index segment over `articles` with its lazily built term dictionary. */
export class Segment {
  readonly termIds: Map<string, number>;
  private dictionary: SearchableMap<number> | null = null;
  /** Set per local article when it was removed or replaced after the segment was built. */
  readonly deleted: Uint8Array;

  constructor(
    readonly data: SegmentData,
    readonly articles: Article[],
  ) {
    this.termIds = new Map();
    const terms = data.terms;
    for (let i = 0; i < terms.length; i++) this.termIds.set(terms[i]!, i);
    this.deleted = new Uint8Array(articles.length);
  }

  /** Number of passages. */
  get passageCount(): number {
    return this.data.pArticle.length;
  }

  /** Passage frequency of a term. */
  df(termId: number): number {
    return this.data.postOffsets[termId + 1]! - this.data.postOffsets[termId]!;
  }

  /**
   * MiniSearch's radix tree over the vocabulary, built on first prefix or fuzzy lookup. Terms go
   * in sorted, so the tree (and the order it lists completions in) depends on the vocabulary
   * alone, not on the term ids: a segment rebuilt from an earlier one answers as a fresh one.
   */
  dict(): SearchableMap<number> {
    if (!this.dictionary) {
      const map = new SearchableMap<number>();
      const terms = this.data.terms;
      const order = Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
      for (const i of order) map.set(terms[i]!, i);
      this.dictionary = map;
    }
    return this.dictionary;
  }

  /** Term frequency of `termId` in passage `p` (binary search in the forward index), 0 when absent. */
  tf(p: number, termId: number): number {
    const { fwdOffsets, fwdTerms, fwdTf } = this.data;
    let lo = fwdOffsets[p]!;
    let hi = fwdOffsets[p + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = fwdTerms[mid]!;
      if (t === termId) return fwdTf[mid]!;
      if (t < termId) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** True when the article owning passage `p` is still live. */
  livePassage(p: number): boolean {
    return this.deleted[this.data.pArticle[p]!] === 0;
  }
}

/** An article whose text passages a build tokenised: where they are, and what copying them must carry along. */
interface TokenisedText {
  article: Article;
  firstPassage: number;
  passages: number;
  /** Words in those passages, uncapped (for the mean passage length). */
  words: number;
  /** The passage a match in the metadata title quotes. */
  opening: PassageSpec | null;
}

/** True when two articles have the same text cut into the same sentences (so the same passages and words). */
function sameText(a: Article, b: Article): boolean {
  if (a.text !== b.text || a.sentences.length !== b.sentences.length) return false;
  for (let i = 0; i < a.sentences.length; i++) {
    const x = a.sentences[i]!;
    const y = b.sentences[i]!;
    if (x.start !== y.start || x.end !== y.end || x.kind !== y.kind || x.block !== y.block || x.index !== y.index) return false;
  }
  return true;
}

/** Passages that are not the story's own words: quoted for a metadata-title match only when nothing else is there. */
const ASIDE = PassageFlag.caption | PassageFlag.dateline;

/** Most characters of a metadata field that are indexed (a title is a line, not a body). */
const MAX_FIELD_CHARS = 1000;

/**
 * Builds a segment over `articles` (their order is the local numbering).
 * Syndicated copies (`duplicateOf`) are indexed too but rank after their originals on ties.
 * @param reuse - an earlier segment holding some of the same article objects: their passages
 *   are copied from its forward index instead of tokenising their text again. The result
 *   answers every query exactly as a segment built without it (term ids may differ; nothing
 *   a query returns depends on them, see `Segment.dict`).
 */
export function buildSegment(articles: Article[], reuse?: Segment): Segment {
  return runSteps(buildSegmentSteps(articles, reuse));
}

/**
 * Work done by every segment build in this process, for benches and tests that check indexing
 * costs grow with what changed rather than with what is already indexed.
 */
export const segmentWork = {
  /** Articles put into a built segment (tokenised or copied): each one's postings are written again. */
  articlesIndexed: 0,
  /** Of those, articles whose text was tokenised. */
  articlesTokenised: 0,
};

/** Articles tokenised between two pauses of {@link buildSegmentSteps} (postings: see invert.ts). */
const STEP_ARTICLES = 64;
/** Copying an unchanged article's passages costs about this fraction of tokenising it (steps count it so). */
const COPY_COST = 16;

/**
 * {@link buildSegment} as steps that pause every few dozen articles and every few hundred
 * thousand postings, so a connected bot keeps answering while a large corpus is indexed
 * (run it with `runStepsInTurns`). The articles must not change until it is done.
 */
export function* buildSegmentSteps(articles: Article[], reuse?: Segment): Steps<Segment> {
  // With an earlier segment, its term ids are provisional ids here; terms no passage uses any more are dropped at the end.
  const termIds = reuse ? new Map(reuse.termIds) : new Map<string, number>();
  const terms: string[] = reuse ? reuse.data.terms.slice() : [];
  const df = new Growable(Uint32Array, Math.max(1024, terms.length));
  for (let t = 0; t < terms.length; t++) df.push(0);
  const reusable = new Map<Article, number>();
  reuse?.articles.forEach((a, local) => reusable.set(a, local));
  // Earlier passage id → passage id here (-1: gone), so `invertReusing` can re-score the earlier lists.
  const passageMap = new Int32Array(reuse ? reuse.passageCount : 0).fill(-1);
  const fwdOffsets = new Growable(Uint32Array);
  const fwdTerms = new Growable(Uint32Array);
  const fwdTf = new Growable(Uint8Array);
  const pArticle = new Growable(Uint32Array);
  const pStart = new Growable(Uint32Array);
  const pEnd = new Growable(Uint32Array);
  const pSentFirst = new Growable(Uint32Array);
  const pSentCount = new Growable(Uint8Array);
  const pLen = new Growable(Uint16Array);
  const pFlags = new Growable(Uint8Array);
  const aPassOffsets = new Uint32Array(articles.length + 1);
  let scratch = new Uint32Array(4096);
  let words = 0;
  let totalWords = 0;
  const addWord = (term: string) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = terms.length;
      termIds.set(term, id);
      terms.push(term);
      df.push(0);
    }
    if (words === scratch.length) {
      const next = new Uint32Array(scratch.length * 2);
      next.set(scratch);
      scratch = next;
    }
    scratch[words++] = id;
  };

  /** Adds the passage whose words `addWord` collected (skipped when it has none), quoting `span`. */
  const addPassage = (a: number, span: PassageSpec, flags: number) => {
    if (words === 0) return;
    fwdOffsets.push(fwdTerms.length);
    const sorted = scratch.subarray(0, words).sort();
    for (let i = 0; i < words; ) {
      const t = sorted[i]!;
      let j = i + 1;
      while (j < words && sorted[j] === t) j++;
      fwdTerms.push(t);
      fwdTf.push(Math.min(j - i, 255));
      df.increment(t);
      i = j;
    }
    pArticle.push(a);
    pStart.push(span.start);
    pEnd.push(span.end);
    pSentFirst.push(span.firstSentence);
    pSentCount.push(Math.min(span.sentenceCount, 255));
    pLen.push(Math.min(words, 65535));
    pFlags.push(flags);
    totalWords += words;
  };

  /**
   * Copies the passages of local articles `[local, localEnd)` of `reuse` (the same article
   * objects, so the same passages) as articles `a …`, in bulk: runs of unchanged articles are long.
   */
  const copyPassages = (a: number, from: Segment, local: number, localEnd: number) => {
    const d = from.data;
    const p0 = d.aPassOffsets[local]!;
    const p1 = d.aPassOffsets[localEnd]!;
    const f0 = d.fwdOffsets[p0]!;
    const f1 = d.fwdOffsets[p1]!;
    const passageBase = pArticle.length;
    const fwdBase = fwdTerms.length;
    for (let k = local; k < localEnd; k++) aPassOffsets[a + k - local] = passageBase + d.aPassOffsets[k]! - p0;
    for (let p = p0; p < p1; p++) passageMap[p] = passageBase + p - p0;
    for (let p = p0; p < p1; p++) {
      fwdOffsets.push(fwdBase + d.fwdOffsets[p]! - f0);
      pArticle.push(a + d.pArticle[p]! - local);
      totalWords += d.pLen[p]!;
    }
    const ids = d.fwdTerms.subarray(f0, f1);
    fwdTerms.pushAll(ids);
    for (let j = 0; j < ids.length; j++) df.increment(ids[j]!);
    fwdTf.pushAll(d.fwdTf.subarray(f0, f1));
    pStart.pushAll(d.pStart.subarray(p0, p1));
    pEnd.pushAll(d.pEnd.subarray(p0, p1));
    pSentFirst.pushAll(d.pSentFirst.subarray(p0, p1));
    pSentCount.pushAll(d.pSentCount.subarray(p0, p1));
    pLen.pushAll(d.pLen.subarray(p0, p1));
    pFlags.pushAll(d.pFlags.subarray(p0, p1));
  };
  /** A passage's word count is stored capped; an article with a capped one is tokenised again so `avgLen` stays exact. */
  const uncapped = (from: Segment, local: number) => {
    const d = from.data;
    for (let p = d.aPassOffsets[local]!; p < d.aPassOffsets[local + 1]!; p++) if (d.pLen[p] === 65535) return false;
    return true;
  };
  const copyable = (a: number): number | undefined => {
    const local = reuse && reusable.get(articles[a]!);
    return local !== undefined && uncapped(reuse!, local) ? local : undefined;
  };

  /** Per text already tokenised here: its first article's text passages, to copy for a syndicated copy with the same text and sentences. */
  const byText = new Map<string, TokenisedText>();
  /** Copies the text passages of an earlier article of this build as article `a`'s; returns its opening passage (see below). */
  const copyText = (a: number, from: TokenisedText): PassageSpec | null => {
    if (from.passages === 0) return from.opening;
    const p0 = from.firstPassage;
    const p1 = p0 + from.passages;
    const f0 = fwdOffsets.at(p0);
    const f1 = p1 < fwdOffsets.length ? fwdOffsets.at(p1) : fwdTerms.length;
    const fwdBase = fwdTerms.length;
    for (let p = p0; p < p1; p++) {
      fwdOffsets.push(fwdBase + fwdOffsets.at(p) - f0);
      pArticle.push(a);
    }
    for (let j = f0; j < f1; j++) df.increment(fwdTerms.at(j));
    fwdTerms.pushOwn(f0, f1);
    fwdTf.pushOwn(f0, f1);
    pStart.pushOwn(p0, p1);
    pEnd.pushOwn(p0, p1);
    pSentFirst.pushOwn(p0, p1);
    pSentCount.pushOwn(p0, p1);
    pLen.pushOwn(p0, p1);
    pFlags.pushOwn(p0, p1);
    totalWords += from.words;
    return from.opening;
  };

  segmentWork.articlesIndexed += articles.length;
  let sinceStep = 0;
  for (let a = 0; a < articles.length; a++) {
    if (++sinceStep >= STEP_ARTICLES) {
      sinceStep = 0;
      yield;
    }
    const article = articles[a]!;
    aPassOffsets[a] = pArticle.length;
    const local = copyable(a);
    if (local !== undefined) {
      // The longest run of following articles that are the earlier segment's next ones (copied in bulk, in runs of a bounded size).
      let end = a + 1;
      while (end < articles.length && end - a < STEP_ARTICLES * COPY_COST && copyable(end) === local + (end - a)) end++;
      copyPassages(a, reuse!, local, local + (end - a));
      sinceStep += Math.floor((end - a) / COPY_COST);
      a = end - 1;
      continue;
    }
    let opening: PassageSpec | null = null;
    const earlier = byText.get(article.contentHash);
    if (earlier && sameText(earlier.article, article)) {
      // A syndicated copy: the same text and sentences make the same passages and terms (its title may differ: below).
      opening = copyText(a, earlier);
    } else {
      segmentWork.articlesTokenised++;
      const firstPassage = pArticle.length;
      const wordsBefore = totalWords;
      for (const passage of passagesOf(article)) {
        words = 0;
        forEachWord(article.text, passage.start, passage.end, addWord);
        // A match in the metadata title quotes the opening reporting, not a photo caption or a dateline before it.
        if (words > 0 && (opening === null || (opening.flags & ASIDE && !(passage.flags & ASIDE)))) opening = passage;
        addPassage(a, passage, passage.flags);
      }
      if (!earlier) byText.set(article.contentHash, { article, firstPassage, passages: pArticle.length - firstPassage, words: totalWords - wordsBefore, opening });
    }
    // A field from outside the text (the metadata title) is indexed as its own passage, but what a
    // match in it quotes is the article's opening passage: a snippet is always text of the article.
    if (!opening) continue;
    for (const field of metaFields(article)) {
      words = 0;
      forEachWord(field.text, 0, Math.min(field.text.length, MAX_FIELD_CHARS), addWord);
      addPassage(a, opening, field.flag);
    }
  }
  aPassOffsets[articles.length] = pArticle.length;
  fwdOffsets.push(fwdTerms.length);

  let counts: Uint32Array = df.trimmed();
  let vocabulary = terms;
  let forward: Uint32Array = fwdTerms.trimmed();
  let provisional: Uint32Array | null = null;
  if (reuse) ({ counts, vocabulary, forward, provisional } = dropUnusedTerms(counts, terms, forward));
  const data: SegmentData = {
    terms: vocabulary,
    postOffsets: new Uint32Array(0),
    postings: new Uint32Array(0),
    postTf: new Uint8Array(0),
    fwdOffsets: fwdOffsets.trimmed(),
    fwdTerms: forward,
    fwdTf: fwdTf.trimmed(),
    pArticle: pArticle.trimmed(),
    pStart: pStart.trimmed(),
    pEnd: pEnd.trimmed(),
    pSentFirst: pSentFirst.trimmed(),
    pSentCount: pSentCount.trimmed(),
    pLen: pLen.trimmed(),
    pFlags: pFlags.trimmed(),
    aPassOffsets,
    avgLen: pArticle.length ? totalWords / pArticle.length : 1,
  };
  if (reuse && provisional) {
    // Provisional term ids below the earlier vocabulary's size are the earlier segment's own ids.
    const known = reuse.data.terms.length;
    const termMap = Int32Array.from(provisional, (id) => (id < known ? id : -1));
    yield* invertReusing(data, counts, articles, { from: reuse.data, passageMap, termMap });
  } else yield* invert(data, counts, articles);
  return new Segment(data, articles);
}

/**
 * Renumbers terms without the unused ones (df 0: only removed articles had them), keeping the
 * order of the rest, so every passage's term ids stay ascending without sorting again.
 */
function dropUnusedTerms(
  df: Uint32Array,
  terms: string[],
  fwdTerms: Uint32Array,
): { counts: Uint32Array; vocabulary: string[]; forward: Uint32Array; provisional: Uint32Array } {
  const renumber = new Uint32Array(df.length);
  const vocabulary: string[] = [];
  const kept: number[] = [];
  const provisional: number[] = [];
  for (let t = 0; t < df.length; t++) {
    if (df[t] === 0) continue;
    renumber[t] = vocabulary.length;
    vocabulary.push(terms[t]!);
    kept.push(df[t]!);
    provisional.push(t);
  }
  if (vocabulary.length === df.length) return { counts: df, vocabulary, forward: fwdTerms, provisional: Uint32Array.from(provisional) };
  for (let j = 0; j < fwdTerms.length; j++) fwdTerms[j] = renumber[fwdTerms[j]!]!;
  return { counts: Uint32Array.from(kept), vocabulary, forward: fwdTerms, provisional: Uint32Array.from(provisional) };
}
