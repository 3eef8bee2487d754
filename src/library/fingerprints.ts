/**
 * Near-duplicate fingerprints kept with the articles, so marking syndicated copies after a
 * change (a live update, an incremental start) does not re-read every article's text. A
 * fingerprint is a function of the article's text and structure, which never change for one
 * article object; the snapshot stores them beside the articles.
 */
import type { Article } from '../core/types.js';
import { articleFingerprint, markDuplicates, markDuplicatesDeltaSteps, markDuplicatesSteps, type Fingerprint } from '../ingest/index.js';
import type { Steps } from '../core/take-turns.js';
import { StoredArticle, type SectionSource } from './stored-article.js';

/** Per article object: its fingerprint, or null when it is too short to have one. */
const prints = new WeakMap<Article, Fingerprint | null>();

/**
 * The fingerprints a snapshot stored, per its article sections (`StoredArticle.store`): by article
 * number, made when first asked for (a start over 100,000 articles makes no object per article for them).
 */
const stored = new WeakMap<object, (index: number) => Fingerprint | null | undefined>();

/** An article's fingerprint, computed once per article object. */
export function cachedFingerprint(a: Article): Fingerprint | undefined {
  let print = knownFingerprint(a);
  if (print === undefined) {
    print = articleFingerprint(a) ?? null;
    prints.set(a, print);
  }
  return print ?? undefined;
}

/** The fingerprint known for an article without computing it: undefined when never computed, null when it has none. */
export function knownFingerprint(a: Article): Fingerprint | null | undefined {
  const print = prints.get(a);
  if (print !== undefined || !(a instanceof StoredArticle)) return print;
  const fromSnapshot = stored.get(a.store)?.(a.index);
  if (fromSnapshot !== undefined) prints.set(a, fromSnapshot);
  return fromSnapshot;
}

/** `markDuplicates` with fingerprints kept between runs (the same result, without re-reading unchanged texts). */
export function markCopies(articles: Article[]): void {
  markDuplicates(articles, cachedFingerprint);
}

/** {@link markCopies} as steps (see `markDuplicatesSteps`), for a load that lets the event loop turn. */
export function markCopiesSteps(articles: Article[]): Steps<void> {
  return markDuplicatesSteps(articles, cachedFingerprint);
}

/**
 * {@link markCopies} after a change, as steps: `articles` (the corpus now) were marked over an
 * earlier state that held `removed` and not `added`; see `markDuplicatesDelta` (the same marks as
 * {@link markCopies} over `articles`, comparing only near the change).
 */
export function markCopiesDeltaSteps(articles: readonly Article[], removed: readonly Article[], added: ReadonlySet<Article>): Steps<void> {
  return markDuplicatesDeltaSteps(articles, removed, added, cachedFingerprint, knownFingerprint);
}

/** Stored state per article: fingerprint never computed, too short for one, or stored. */
const UNKNOWN = 0;
const NONE = 1;
const STORED = 2;

/** The snapshot sections holding the fingerprints known for `articles` (those `markCopies` computed). */
export function fingerprintSections(articles: readonly Article[]): SectionSource[] {
  const state = new Uint8Array(articles.length);
  const known: Fingerprint[] = [];
  articles.forEach((a, i) => {
    const print = knownFingerprint(a);
    state[i] = print === undefined ? UNKNOWN : print === null ? NONE : STORED;
    if (print) known.push(print);
  });
  const bins = known[0]?.sig.length ?? 0;
  const figOffsets = new Uint32Array(known.length + 1);
  known.forEach((p, i) => (figOffsets[i + 1] = figOffsets[i]! + p.figures.length));
  const bytes = (a: Uint8Array | Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [
    { name: 'printState', type: 'u8', chunks: () => [state] },
    { name: 'printSigs', type: 'u32', chunks: () => known.map((p) => bytes(p.sig)) },
    { name: 'printFigOffsets', type: 'u32', chunks: () => [bytes(figOffsets)] },
    { name: 'printFigures', type: 'u32', chunks: () => known.map((p) => bytes(p.figures)) },
    { name: 'printBins', type: 'u32', chunks: () => [bytes(Uint32Array.of(bins))] },
  ];
}

/**
 * Remembers the stored fingerprints for the snapshot's articles (views on its buffer). Sections
 * that do not add up are ignored: fingerprints are then computed again when needed.
 */
export function restoreFingerprints(articles: readonly Article[], get: (name: string) => Uint8Array | Uint16Array | Uint32Array | null): void {
  const state = get('printState');
  const sigs = get('printSigs');
  const figOffsets = get('printFigOffsets');
  const figures = get('printFigures');
  const binsArr = get('printBins');
  if (!(state instanceof Uint8Array) || !(sigs instanceof Uint32Array) || !(figOffsets instanceof Uint32Array) || !(figures instanceof Uint32Array)) return;
  if (!(binsArr instanceof Uint32Array) || binsArr.length !== 1 || state.length !== articles.length) return;
  const bins = binsArr[0]!;
  let count = 0;
  for (const s of state) if (s === STORED) count++;
  if (figOffsets.length !== count + 1 || sigs.length !== count * bins || figOffsets[count] !== figures.length) return;
  // Per article number, its number among the stored fingerprints.
  const rank = new Uint32Array(state.length);
  for (let i = 0, k = 0; i < state.length; i++) {
    rank[i] = k;
    if (state[i] === STORED) k++;
  }
  const at = (i: number): Fingerprint | null | undefined => {
    if (state[i] === NONE) return null;
    if (state[i] !== STORED) return undefined;
    const k = rank[i]!;
    return { sig: sigs.subarray(k * bins, (k + 1) * bins), figures: figures.subarray(figOffsets[k]!, figOffsets[k + 1]!) };
  };
  const store = articles[0] instanceof StoredArticle ? articles[0].store : null;
  if (store && articles.every((a, i) => a instanceof StoredArticle && a.store === store && a.index === i)) {
    stored.set(store, at);
    return;
  }
  articles.forEach((a, i) => {
    const print = at(i);
    if (print !== undefined) prints.set(a, print);
  });
}
