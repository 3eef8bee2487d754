/**
 * Near-duplicate detection for syndicated copies: word 3-shingles of the reporting (chrome left
 * out, so two sites' different furniture around the same wire story does not hide the match),
 * one-permutation MinHash signatures, and banded LSH to find candidates without comparing every
 * pair. Linear in the corpus: 100,000 articles take a few seconds.
 */
import type { Article } from '../core/types.js';
import { runSteps, type Steps } from '../core/take-turns.js';

/** Signature length (bins). */
const BINS = 128;
/**
 * LSH bands × rows = BINS. 16 × 8 puts the detection curve's midpoint near a Jaccard similarity
 * of 0.7 (the threshold below): pairs at 0.8 are found 95% of the time, at 0.9 practically always.
 */
const BANDS = 16;
const ROWS = BINS / BANDS;
/** Estimated Jaccard similarity from which two articles count as copies of one story. */
const THRESHOLD = 0.7;
/** Share of figures two copies of one story must have in common. */
const FIGURES_THRESHOLD = 0.6;
/** Texts shorter than this many shingles are only matched when identical. */
const MIN_SHINGLES = 8;
/** Most articles kept per LSH bucket to compare newcomers against. */
const BUCKET_KEEP = 4;
const EMPTY = 0xffffffff;

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && c !== 0xa0 && !(c >= 0x2000 && c <= 0x206f));
}

/** The spans the comparison is made on: reporting blocks (body and standfirst), else the whole text. */
function reportingSpans(a: Article): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const b of a.blocks) if (b.kind === 'body' || b.kind === 'standfirst') spans.push([b.start, b.end]);
  return spans.length > 0 ? spans : [[0, a.text.length]];
}

/** What two articles are compared on. */
export interface Fingerprint {
  /** One-permutation MinHash signature of the word 3-shingles. */
  sig: Uint32Array;
  /** Sorted distinct hashes of the tokens that contain digits (figures, dates, amounts). */
  figures: Uint32Array;
}

/** Most figure tokens kept per article. */
const MAX_FIGURES = 256;

/**
 * Fingerprint of `text`, or undefined when it is too short to compare on anything but identity.
 */
export function fingerprint(text: string, spans: ReadonlyArray<readonly [number, number]> = [[0, text.length]]): Fingerprint | undefined {
  const sig = new Uint32Array(BINS).fill(EMPTY);
  const figures: number[] = [];
  let hasDigit = false;
  let w1 = 0;
  let w2 = 0;
  let words = 0;
  let shingles = 0;
  let h = 0x811c9dc5;
  let inWord = false;
  for (const [from, to] of spans) {
    for (let i = from; i <= to; i++) {
      // The position just past each span acts as a space, so words never join across blocks.
      const c = i < to ? text.charCodeAt(i) : 32;
      if (isWordChar(c)) {
        if (c >= 48 && c <= 57) hasDigit = true;
        const lc = c >= 65 && c <= 90 ? c + 32 : c;
        h = Math.imul(h ^ lc, 0x01000193);
        inWord = true;
        continue;
      }
      if (!inWord) continue;
      inWord = false;
      const w = fmix(h);
      h = 0x811c9dc5;
      words++;
      if (hasDigit && figures.length < MAX_FIGURES) figures.push(w);
      hasDigit = false;
      if (words >= 3) {
        const s = fmix((Math.imul(w1, 0x9e3779b1) ^ Math.imul(w2, 0x85ebca77) ^ w) >>> 0);
        const bin = s >>> 25;
        const v = s & 0x1ffffff;
        if (v < sig[bin]!) sig[bin] = v;
        shingles++;
      }
      w1 = w2;
      w2 = w;
    }
  }
  if (shingles < MIN_SHINGLES) return undefined;
  // Densify: an empty bin borrows the next filled bin's value, shifted by the distance so that
  // borrowed values stay comparable between two signatures.
  for (let b = 0; b < BINS; b++) {
    if (sig[b] !== EMPTY) continue;
    for (let d = 1; d < BINS; d++) {
      const v = sig[(b + d) % BINS]!;
      if (v !== EMPTY && v <= 0x1ffffff) {
        sig[b] = (v + d * 0x2000000) >>> 0;
        break;
      }
    }
  }
  return { sig, figures: Uint32Array.from(new Set(figures)).sort() };
}

/**
 * Overlap coefficient of two sorted sets of hashes: shared / size of the smaller set (1 when
 * either is empty). A copy cut short keeps a subset of the original's figures.
 */
function setOverlap(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let both = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return both / Math.min(a.length, b.length);
}

/**
 * True when two fingerprints are copies of one story. Template stories (weekly figures,
 * dividend notices, market reports) share almost all their words with last week's edition, so
 * the figures must agree as well as the wording.
 */
export function sameStory(a: Fingerprint, b: Fingerprint): boolean {
  return similarity(a.sig, b.sig) >= THRESHOLD && setOverlap(a.figures, b.figures) >= FIGURES_THRESHOLD;
}

/** Estimated Jaccard similarity of two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < BINS; i++) if (a[i] === b[i]) same++;
  return same / BINS;
}

function bandKey(sig: Uint32Array, band: number): number {
  let h = band + 0x9747b28c;
  for (let r = band * ROWS; r < (band + 1) * ROWS; r++) h = fmix((Math.imul(h, 0x5bd1e995) ^ sig[r]!) >>> 0);
  return h;
}

/** Order in which copies are ranked: earliest published first (undated last), then id. */
function compareAge(a: Article, b: Article): number {
  const pa = a.meta.published ?? '9999-99-99';
  const pb = b.meta.published ?? '9999-99-99';
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The fingerprint `markDuplicates` compares an article on (its reporting), or undefined when it is too short. */
export function articleFingerprint(a: Article): Fingerprint | undefined {
  return fingerprint(a.text, reportingSpans(a));
}

/**
 * Marks syndicated copies: sets `duplicateOf` on every article that is an exact or near copy of
 * an earlier one (earlier by published date, then id), pointing at the earliest of the group;
 * clears it on the rest.
 * @param articles - the whole corpus; changed in place
 * @param printOf - gives an article's `articleFingerprint` (a caller may keep them between runs)
 */
export function markDuplicates(articles: Article[], printOf: (a: Article) => Fingerprint | undefined = articleFingerprint): void {
  runSteps(markDuplicatesSteps(articles, printOf));
}

/** Articles compared between two pauses of {@link markDuplicatesSteps}. */
const STEP_ARTICLES = 256;

/**
 * {@link markDuplicates} as steps that pause every few hundred articles, so a connected bot
 * keeps answering while a large corpus is compared (run it with `runStepsInTurns`).
 */
export function* markDuplicatesSteps(articles: Article[], printOf: (a: Article) => Fingerprint | undefined = articleFingerprint): Steps<void> {
  const order = articles.map((_, i) => i).sort((x, y) => compareAge(articles[x]!, articles[y]!));
  const parent = new Int32Array(articles.length).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  // Union by rank in `order`: the root is always the earliest article of its group.
  const rank = new Int32Array(articles.length);
  order.forEach((idx, r) => (rank[idx] = r));
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    if (rank[ra]! < rank[rb]!) parent[rb] = ra;
    else parent[ra] = rb;
  };

  const byHash = new Map<string, number>();
  const prints = new Map<number, Fingerprint>();
  // A bucket holds one article index, or an array once a second article lands in it.
  const bands: Array<Map<number, number | number[]>> = Array.from({ length: BANDS }, () => new Map());
  let step = 0;
  for (const idx of order) {
    if (++step % STEP_ARTICLES === 0) yield;
    const a = articles[idx]!;
    const first = byHash.get(a.contentHash);
    if (first !== undefined) {
      union(first, idx);
      continue;
    }
    byHash.set(a.contentHash, idx);
    const print = printOf(a);
    if (!print) continue;
    prints.set(idx, print);
    const sig = print.sig;
    let checked: Set<number> | undefined;
    const compare = (other: number): void => {
      checked ??= new Set();
      if (checked.has(other)) return;
      checked.add(other);
      if (sameStory(print, prints.get(other)!)) union(other, idx);
    };
    for (let band = 0; band < BANDS; band++) {
      const key = bandKey(sig, band);
      const map = bands[band]!;
      const bucket = map.get(key);
      if (bucket === undefined) map.set(key, idx);
      else if (typeof bucket === 'number') {
        compare(bucket);
        map.set(key, [bucket, idx]);
      } else {
        for (const other of bucket) compare(other);
        if (bucket.length < BUCKET_KEEP) bucket.push(idx);
      }
    }
  }
  yield;
  for (let i = 0; i < articles.length; i++) {
    const a = articles[i]!;
    const root = find(i);
    if (root === i) delete a.duplicateOf;
    else a.duplicateOf = articles[root]!.id;
  }
}
