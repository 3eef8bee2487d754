/**
 * Syndicated copies analysed once across ingest worker threads. Each worker analyses a slice of
 * the corpus, and its analysers' memos only know its own slice, so a story copied into both
 * slices was analysed twice. The workers now share a table of what is being analysed: the first
 * worker to meet an article analyses it; a later copy (same text and everything else the
 * analysers read) is sent back unanalysed and the main thread gives it the first one's
 * annotations. Results are the same as analysing every copy: the analysers are pure functions
 * of what {@link analysisKey} holds, and a copy is only given an owner's annotations after the two
 * are compared field by field.
 */
import { createHash } from 'node:crypto';
import type { Analyser } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { analyseArticle } from './indexed-library.js';

/**
 * Everything the default analysers read of an article: the text (by its hash), the outlet
 * (claims), the publication date (dates, events) and the sentences (spans, kinds and blocks).
 * Not the id, title or path: copies differ there.
 */
export function analysisKey(article: Article): string {
  const m = article.meta;
  const layout = article.sentences.map((x) => `${x.start},${x.end},${x.kind},${x.block}`).join(';');
  return `${article.contentHash}|${m.outlet ?? '\u0000'}|${m.published ?? '\u0000'}|${String(m.publishedInferred)}|${layout}`;
}

/** Most slots probed for one key; past it the article is simply analysed where it is (bounded work). */
const MAX_PROBES = 64;

/** Allocates a table for about `expected` distinct articles (8 bytes a slot, at least twice as many slots). */
export function sharedTable(expected: number): SharedArrayBuffer {
  let slots = 1024;
  while (slots < expected * 2 && slots < 1 << 26) slots *= 2;
  return new SharedArrayBuffer(slots * 8);
}

/** A 64-bit hash of an article's {@link analysisKey}, as 16 hex digits (what the workers claim and report). */
export function analysisHash(article: Article): string {
  return createHash('sha1').update(analysisKey(article)).digest('hex').slice(0, 16);
}

/** True when the analysers read the same of both articles (what {@link analysisKey} holds, compared field by field). */
export function sameAnalysisInput(a: Article, b: Article): boolean {
  if (a.contentHash !== b.contentHash || a.sentences.length !== b.sentences.length) return false;
  if (a.meta.outlet !== b.meta.outlet || a.meta.published !== b.meta.published || a.meta.publishedInferred !== b.meta.publishedInferred) return false;
  return a.sentences.every((x, i) => {
    const y = b.sentences[i]!;
    return x.start === y.start && x.end === y.end && x.kind === y.kind && x.block === y.block;
  });
}

/** A worker's view of the shared table: 64-bit hashes of analysis keys, open addressing. */
export class AnalysisClaims {
  private readonly slots: BigInt64Array;
  private readonly mask: number;

  constructor(buffer: SharedArrayBuffer) {
    this.slots = new BigInt64Array(buffer);
    this.mask = this.slots.length - 1;
  }

  /**
   * True when the caller should analyse an article with this {@link analysisHash}: it is the
   * first to ask (or the table is too full to tell). False when the same hash was claimed before
   * (by any worker); the main thread then copies that article's annotations, or analyses this
   * one itself if their inputs differ after all.
   */
  claim(hash: string): boolean {
    const value = BigInt.asIntN(64, BigInt(`0x${hash}`)) || 1n;
    let at = Number.parseInt(hash.slice(8), 16) & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const held = Atomics.compareExchange(this.slots, at, 0n, value);
      if (held === 0n) return true;
      if (held === value) return false;
      at = (at + 1) & this.mask;
    }
    return true;
  }
}

/**
 * Gives each article the workers deferred the annotations of the analysed article that claimed
 * its hash (the same values: they are read-only, as the analysers' own memos share them between
 * copies); one whose owner turns out to differ (a hash collision) or is missing is analysed here.
 * @param owners - articles a worker analysed after claiming their hash, by hash
 * @returns analyser runs that failed, counted per article as if each had been analysed
 */
export function completeDeferred(deferred: readonly { article: Article; hash: string }[], owners: ReadonlyMap<string, Article>, analysers: readonly Analyser[]): number {
  let failures = 0;
  for (const { article, hash } of deferred) {
    const source = owners.get(hash);
    if (!source || !sameAnalysisInput(source, article)) {
      failures += analyseArticle(article, analysers).length;
      continue;
    }
    for (const { name } of analysers) {
      if (name in source.annotations) article.annotations[name] = source.annotations[name];
      else failures++;
    }
  }
  return failures;
}
