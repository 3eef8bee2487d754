/**
 * Units: the sentences attribution reads, merged where one quotation runs across several
 * sentences ("…. …," the statement reads.), with captions and chrome left out.
 */
import type { BlockKind, Span } from '../core/types.js';

/** A sentence as attribution needs it: offsets, and (from ingest) its kind and block. */
export interface SentenceLike extends Span {
  kind?: BlockKind;
  block?: number;
}

/** Sentence kinds that can carry reporting; captions and chrome never produce statements. */
const REPORTING_KINDS = new Set<BlockKind>(['body', 'standfirst', 'title']);
const ANY_QUOTE = /["“”‘']/;
/** Longest run of sentences one open quotation may join. */
const MAX_UNIT_SENTENCES = 8;

/** A run of sentences quoted together (one sentence, or several inside one quotation). */
export interface Unit extends Span {
  sentence: number;
  title: boolean;
}


/** True when the text leaves a quotation open. */
function leavesQuoteOpen(s: string): boolean {
  if (!ANY_QUOTE.test(s)) return false;
  let curly = 0;
  let straight = 0;
  let single = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '“') curly++;
    else if (ch === '”') curly--;
    else if (ch === '"') straight++;
    else if (ch === "'" && s[i + 1] === "'") (straight++, i++);
    else if (ch === '‘') single++;
    else if (ch === '’' && single > 0 && !/\p{L}/u.test(s[i + 1] ?? '')) single--;
  }
  return curly > 0 || straight % 2 === 1 || single > 0;
}

/** Groups sentences into units, merging sentences that sit inside one open quotation. */
export function unitsOf(text: string, sentences: readonly SentenceLike[]): Unit[] {
  const units: Unit[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i]!;
    if (first.kind && !REPORTING_KINDS.has(first.kind)) continue;
    let end = first.end;
    let j = i;
    let body = text.slice(first.start, end);
    while (leavesQuoteOpen(body) && j + 1 < sentences.length && j - i < MAX_UNIT_SENTENCES - 1) {
      const next = sentences[j + 1]!;
      if (next.kind !== first.kind || next.block !== first.block) break;
      j++;
      end = next.end;
      body = text.slice(first.start, end);
    }
    if (j > i && leavesQuoteOpen(body)) j = i, end = first.end; // never closed: do not merge
    units.push({ start: first.start, end, sentence: i, title: first.kind === 'title' });
    i = j;
  }
  return units;
}
