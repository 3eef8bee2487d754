/**
 * Passages: what search returns. A passage is one sentence, or a short run of sentences of the
 * same block, of reporting or a caption; chrome is never a passage.
 */
import type { Article } from '../core/types.js';
import { blockFlag, LEAD_FLAG, PassageFlag } from './fields.js';

export { PassageFlag };

/** A passage before indexing: absolute offsets plus the sentences it covers. */
export interface PassageSpec {
  start: number;
  end: number;
  firstSentence: number;
  sentenceCount: number;
  flags: number;
}

/** Sentences shorter than this join the next one, so a hit is never a bare "He said." */
const SHORT_PASSAGE = 80;
/** A run never grows past this, so a snippet stays quotable in a chat message. */
const LONG_PASSAGE = 480;
const MAX_SENTENCES = 3;
/** Body passages counted as the lead (boosted like a summary). */
const LEAD_PASSAGES = 2;


/** Splits an article's searchable sentences into passages, in text order. */
export function passagesOf(article: Article): PassageSpec[] {
  const out: PassageSpec[] = [];
  let current: PassageSpec | null = null;
  let currentBlock = -1;
  let bodyPassages = 0;
  const close = () => {
    if (!current) return;
    if (current.flags === 0 && bodyPassages++ < LEAD_PASSAGES) current.flags |= LEAD_FLAG;
    out.push(current);
    current = null;
  };
  for (const s of article.sentences) {
    const flags = blockFlag(s.kind);
    if (flags === null || s.end <= s.start) continue;
    const joins =
      current !== null &&
      currentBlock === s.block &&
      (current as PassageSpec).flags === flags &&
      flags !== PassageFlag.title &&
      (current as PassageSpec).end - (current as PassageSpec).start < SHORT_PASSAGE &&
      (current as PassageSpec).sentenceCount < MAX_SENTENCES &&
      s.end - (current as PassageSpec).start <= LONG_PASSAGE;
    if (joins) {
      const c = current as PassageSpec;
      c.end = s.end;
      c.sentenceCount++;
      continue;
    }
    close();
    current = { start: s.start, end: s.end, firstSentence: s.index, sentenceCount: 1, flags };
    currentBlock = s.block;
  }
  close();
  return out;
}
