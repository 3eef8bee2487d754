/**
 * Passages: what search returns. A passage is one sentence, or a short run of sentences of the
 * same block, of reporting or a caption; chrome is never a passage.
 */
import type { Article, BlockKind } from '../core/types.js';

/** Bit flags describing a passage; they decide its boost and whether it is shown as a caption. */
export const PassageFlag = { title: 1, lead: 2, caption: 4, dateline: 8 } as const;

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

const SEARCHABLE: ReadonlySet<BlockKind> = new Set(['title', 'standfirst', 'dateline', 'body', 'caption']);

function kindFlags(kind: BlockKind): number {
  if (kind === 'title') return PassageFlag.title;
  if (kind === 'standfirst') return PassageFlag.lead;
  if (kind === 'caption') return PassageFlag.caption;
  if (kind === 'dateline') return PassageFlag.dateline;
  return 0;
}

/** Splits an article's searchable sentences into passages, in text order. */
export function passagesOf(article: Article): PassageSpec[] {
  const out: PassageSpec[] = [];
  let current: PassageSpec | null = null;
  let currentBlock = -1;
  let bodyPassages = 0;
  const close = () => {
    if (!current) return;
    if (current.flags === 0 && bodyPassages++ < LEAD_PASSAGES) current.flags |= PassageFlag.lead;
    out.push(current);
    current = null;
  };
  for (const s of article.sentences) {
    if (!SEARCHABLE.has(s.kind) || s.end <= s.start) continue;
    const flags = kindFlags(s.kind);
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
