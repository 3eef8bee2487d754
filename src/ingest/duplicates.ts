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

/** Band keys of one fingerprint, one per band. */
function bandKeys(sig: Uint32Array): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) keys[band] = bandKey(sig, band);
  return keys;
}

/**
 * Brings the marks of {@link markDuplicates} up to date after some articles were removed and
 * others added, exactly: afterwards every article of `articles` is marked as `markDuplicates(articles)`
 * would mark it, while only the groups near the change are compared again.
 *
 * Why it is exact: `markDuplicates` joins articles along edges, each from one LSH bucket (an
 * article against the earliest {@link BUCKET_KEEP} before it there) or one group of identical
 * texts. A change alters only the edges of the buckets and identical-text groups holding a removed
 * or added article. Every earlier group with a member in one of those is taken apart and joined
 * again from all the buckets and identical-text groups of its members, computed afresh over the
 * whole corpus; every other earlier group keeps its edges and gains none (an edge to it from an
 * untouched bucket was there before), so it stays as it was.
 * @param articles - the corpus now: the earlier state's remaining articles (still marked as
 *   `markDuplicates` marked the earlier state), followed or preceded by `added`
 * @param removed - the earlier state's articles that are gone, with their marks of then
 * @param added - the articles of `articles` new since the earlier state
 * @param printOf - gives an article's `articleFingerprint` (a caller may keep them between runs)
 * @param knownPrint - gives an article's fingerprint if it was computed already (null: too short for one),
 *   undefined if not. With it, fingerprints are computed only for articles that may be the first of their
 *   text now (most copies in a syndicated archive are exact: `markDuplicates` never fingerprints those).
 *   It must know the fingerprint of every article that was the first of its text in the earlier state.
 */
export function markDuplicatesDelta(
  articles: readonly Article[],
  removed: readonly Article[],
  added: ReadonlySet<Article>,
  printOf: (a: Article) => Fingerprint | undefined = articleFingerprint,
  knownPrint?: (a: Article) => Fingerprint | null | undefined,
): void {
  runSteps(markDuplicatesDeltaSteps(articles, removed, added, printOf, knownPrint));
}

/** Articles visited between two pauses of {@link markDuplicatesDeltaSteps}'s passes over the corpus. */
const DELTA_STEP = 1024;

/** {@link markDuplicatesDelta} as steps that pause now and then (run it with `runStepsInTurns`). */
export function* markDuplicatesDeltaSteps(
  articles: readonly Article[],
  removed: readonly Article[],
  added: ReadonlySet<Article>,
  printOf: (a: Article) => Fingerprint | undefined = articleFingerprint,
  knownPrint?: (a: Article) => Fingerprint | null | undefined,
): Steps<void> {
  if (removed.length === 0 && added.size === 0) return;
  const n = articles.length;
  // Texts whose group of identical copies changed: which copy is the first (the one in buckets) may change.
  const touchedHashes = new Set<string>();
  for (const a of removed) touchedHashes.add(a.contentHash);
  for (const a of added) touchedHashes.add(a.contentHash);
  const keysOf = (print: Fingerprint | null | undefined): Uint32Array | null => (print ? bandKeys(print.sig) : null);
  // Band keys of every article that is or was in buckets. An article never fingerprinted was not the first of its
  // text, so in no bucket; it can only become the first where its group of copies changed.
  const keys = new Array<Uint32Array | null>(n);
  for (let i = 0; i < n; i++) {
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
    const a = articles[i]!;
    const known = knownPrint && !added.has(a) ? knownPrint(a) : undefined;
    keys[i] = keysOf(known !== undefined ? known : !knownPrint || added.has(a) || touchedHashes.has(a.contentHash) ? printOf(a) : null);
  }
  const removedKeys = removed.map((a) => keysOf(knownPrint ? knownPrint(a) : printOf(a)));
  const inBuckets = (sets: Array<Set<number>>, k: Uint32Array | null): boolean => {
    if (!k) return false;
    for (let band = 0; band < BANDS; band++) if (sets[band]!.has(k[band]!)) return true;
    return false;
  };
  const addKeys = (sets: Array<Set<number>>, k: Uint32Array | null): void => {
    if (k) for (let band = 0; band < BANDS; band++) sets[band]!.add(k[band]!);
  };
  // The buckets the change touched.
  const touched = Array.from({ length: BANDS }, () => new Set<number>());
  for (const k of removedKeys) addKeys(touched, k);
  for (let i = 0; i < n; i++) if (added.has(articles[i]!)) addKeys(touched, keys[i]!);
  // An earlier group is named by its earliest article's id (its members' mark, or its own id).
  const groupOf = (a: Article): string => a.duplicateOf ?? a.id;
  const undone = new Set<string>();
  for (const a of removed) undone.add(groupOf(a));
  for (let i = 0; i < n; i++) {
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
    const a = articles[i]!;
    if (added.has(a)) continue;
    if (touchedHashes.has(a.contentHash) || inBuckets(touched, keys[i]!)) undone.add(groupOf(a));
  }
  // The articles whose groups are taken apart, and the buckets and identical-text groups they are in.
  const apart: number[] = [];
  const again = Array.from({ length: BANDS }, () => new Set<number>());
  const againHashes = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
    const a = articles[i]!;
    if (!added.has(a) && !undone.has(groupOf(a))) continue;
    apart.push(i);
    addKeys(again, keys[i]!);
    againHashes.add(a.contentHash);
  }
  // Every article in those buckets or groups, now; an article of a kept group stands for its group.
  const members: number[] = [];
  const hashesToSettle = new Set<string>(againHashes);
  for (let i = 0; i < n; i++) {
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
    const a = articles[i]!;
    if (againHashes.has(a.contentHash) || inBuckets(again, keys[i]!)) {
      members.push(i);
      hashesToSettle.add(a.contentHash);
    }
  }
  // Which article is the first of its identical text (only the first is put in buckets), for every member.
  const firstOfHash = new Map<string, number>();
  const sameText = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    if (i % DELTA_STEP === DELTA_STEP - 1) yield;
    const h = articles[i]!.contentHash;
    if (!hashesToSettle.has(h)) continue;
    const first = firstOfHash.get(h);
    if (first === undefined || compareAge(articles[i]!, articles[first]!) < 0) firstOfHash.set(h, i);
    if (againHashes.has(h)) {
      let list = sameText.get(h);
      if (!list) sameText.set(h, (list = []));
      list.push(i);
    }
  }
  // Union-find over the articles. An article of a kept group can be in the buckets compared again (it counts
  // towards which articles a bucket keeps) but joins no article taken apart: that edge would have been there before.
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (x: number, y: number): void => {
    const rx = find(x);
    const ry = find(y);
    if (rx === ry) return;
    if (compareAge(articles[rx]!, articles[ry]!) < 0) parent[ry] = rx;
    else parent[rx] = ry;
  };
  for (const list of sameText.values()) {
    const first = firstOfHash.get(articles[list[0]!]!.contentHash)!;
    for (const i of list) union(first, i);
  }
  // The buckets to compare again: their members (first of their text, with a fingerprint) in age order.
  const buckets = Array.from({ length: BANDS }, () => new Map<number, number[]>());
  for (const i of members) {
    const k = keys[i];
    if (!k || firstOfHash.get(articles[i]!.contentHash) !== i) continue;
    for (let band = 0; band < BANDS; band++) {
      if (!again[band]!.has(k[band]!)) continue;
      const map = buckets[band]!;
      const list = map.get(k[band]!);
      if (list) list.push(i);
      else map.set(k[band]!, [i]);
    }
  }
  yield;
  for (const map of buckets) {
    for (const list of map.values()) {
      if (list.length < 2) continue;
      list.sort((x, y) => compareAge(articles[x]!, articles[y]!));
      for (let m = 1; m < list.length; m++) {
        const print = printOf(articles[list[m]!]!)!;
        for (let o = 0; o < Math.min(m, BUCKET_KEEP); o++) if (sameStory(printOf(articles[list[o]!]!)!, print)) union(list[o]!, list[m]!);
      }
    }
  }
  // Marks: the articles taken apart, by their group now (the others keep theirs).
  for (const i of apart) {
    const a = articles[i]!;
    const root = articles[find(i)]!;
    if (root === a) delete a.duplicateOf;
    else a.duplicateOf = root.id;
  }
}
