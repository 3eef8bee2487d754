/**
 * Sentence lists for claim tests: the plain one (each line one sentence and one block) and the
 * product's (each line a block, split by ingest's own sentence splitter), and the claimants /claim reads from the latter.
 */
import { findStatements, type FindOptions, type SentenceLike } from '../../src/claims/attribution.js';
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

/** The claimant of each statement `/claim` reads in `text` (product sentences, sourceless ones dropped), in order. */
export function claimants(text: string): Array<string | null> {
  return findStatements(text, productSentences(text), { keepSourceless: false }).map((s) => s.claimant);
}

/**
 * Source text and claimant of the statement whose cue is `cue` in `text` read line by line, by the rules alone (the
 * model may trim); undefined when no statement has that cue.
 */
export function statementOf(text: string, cue: string, options: FindOptions = {}): { source: string | null; claimant: string | null } | undefined {
  const s = findStatements(text, lines(text), { chooser: null, ...options }).find((x) => text.slice(x.cue.start, x.cue.end) === cue);
  return s ? { source: s.source ? text.slice(s.source.start, s.source.end) : null, claimant: s.claimant } : undefined;
}
