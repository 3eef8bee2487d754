/**
 * Sentence lists for claim tests: the plain one (each line one sentence and one block) and the
 * product's (each line a block, split by ingest's own sentence splitter).
 */
import type { SentenceLike } from '../../src/claims/attribution.js';
import { blockSentences } from '../../src/ingest/sentences.js';

/** Each line of `text` one body sentence in a block of its own. */
export function lines(text: string): SentenceLike[] {
  return [...text.matchAll(/[^\n]+/g)].map((m, block) => ({ start: m.index!, end: m.index! + m[0].length, kind: 'body' as const, block }));
}

/** Each line of `text` a body block, split into sentences as ingest splits them. */
export function productSentences(text: string): SentenceLike[] {
  const out: SentenceLike[] = [];
  let block = 0;
  for (const m of text.matchAll(/[^\n]+/g)) {
    for (const s of blockSentences(text, { start: m.index!, end: m.index! + m[0].length })) out.push({ ...s, kind: 'body', block });
    block++;
  }
  return out;
}
