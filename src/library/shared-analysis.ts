/**
 * Syndicated copies analysed once across ingest worker threads. Each worker analyses a slice of
 * the corpus, and its analysers' memos only know its own slice, so a story copied into both
 * slices was analysed twice. The workers now share a table of what is being analysed: the first
 * worker to meet an article analyses it; a later copy (same text and everything else the
 * analysers read) is sent back unanalysed and the main thread gives it the first one's
 * annotations. Results are the same as analysing every copy: the analysers are pure functions
 * of what {@link analysisKey} holds.
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

/** A worker's view of the shared table: 64-bit hashes of analysis keys, open addressing. */
export class AnalysisClaims {
  private readonly slots: BigInt64Array;
  private readonly mask: number;

  constructor(buffer: SharedArrayBuffer) {
    this.slots = new BigInt64Array(buffer);
    this.mask = this.slots.length - 1;
  }

  /**
   * True when the caller should analyse an article with this key: it is the first to ask (or the
   * table is too full to tell). False when an article with the same key hash was claimed before
   * (by any worker); the main thread then copies that one's annotations, or analyses it itself
   * if none has the same key.
   */
  claim(key: string): boolean {
    const digest = createHash('sha1').update(key).digest();
    const hash = digest.readBigInt64LE(0) || 1n;
    let at = digest.readUInt32LE(8) & this.mask;
    for (let probe = 0; probe < MAX_PROBES; probe++) {
      const held = Atomics.compareExchange(this.slots, at, 0n, hash);
      if (held === 0n) return true;
      if (held === hash) return false;
      at = (at + 1) & this.mask;
    }
    return true;
  }
}

/**
 * Gives each article the workers deferred the annotations of an analysed article with the same
 * {@link analysisKey} (the same values: they are read-only, as the analysers' own memos share
 * them between copies); one with no such article is analysed here.
 * @param owners - articles a worker analysed after claiming their key
 * @returns analyser runs that failed, counted per article as if each had been analysed
 */
export function completeDeferred(deferred: readonly Article[], owners: readonly Article[], analysers: readonly Analyser[]): number {
  if (!deferred.length) return 0;
  const wanted = new Map<string, Article | null>();
  const keys = deferred.map((a) => {
    const key = analysisKey(a);
    wanted.set(key, null);
    return key;
  });
  for (const a of owners) {
    const key = analysisKey(a);
    if (wanted.get(key) === null) wanted.set(key, a);
  }
  let failures = 0;
  deferred.forEach((article, i) => {
    const source = wanted.get(keys[i]!);
    if (!source) {
      failures += analyseArticle(article, analysers).length;
      return;
    }
    for (const { name } of analysers) {
      if (name in source.annotations) article.annotations[name] = source.annotations[name];
      else failures++;
    }
  });
  return failures;
}
