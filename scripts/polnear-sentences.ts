/**
 * Sentences of a PolNeAR plain-text article as the product makes them, shared by the scripts that
 * read PolNeAR (`eval:attribution`, `claims-fingerprint`): each line a block (the first the
 * headline), split by ingest's own sentence splitter, so a score measures what `/claim` sees.
 */
import type { SentenceLike } from '../src/claims/attribution.js';
import { blockSentences } from '../src/ingest/sentences.js';

export function splitSentences(text: string): SentenceLike[] {
  const out: SentenceLike[] = [];
  let block = 0;
  for (const m of text.matchAll(/[^\n]+/g)) {
    const start = m.index ?? 0;
    for (const span of blockSentences(text, { start, end: start + m[0].length })) {
      out.push({ start: span.start, end: span.end, block, kind: block === 0 ? 'title' : 'body' });
    }
    block++;
  }
  return out;
}
