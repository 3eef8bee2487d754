/**
 * Cue edges in PolNeAR's convention: a cue there holds the auxiliaries, negation and adverbs
 * before its verb ("has also said", "did not respond") and the particle or phrase that completes
 * it ("called for", "said in a statement", "said:"), where the rules mark the verb alone. The
 * edges are learned from PolNeAR train (`npm run train:attribution`): for the words next to a
 * rules' cue, how often the gold cue ends exactly 0, 1, … words further out. Applied in PolNeAR's
 * wider scope only (`FindOptions.actions`): it moves no source and no content, and `/claim` never
 * runs it.
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../../core/types.js';
import type { Token } from '../tokens.js';
import type { Unit } from '../units.js';
import { tokenRange, unitTokens } from './candidates.js';

/** The edge file's version; counts made by another version are not used. */
export const EDGES_VERSION = 1;
/** Most words a cue grows by on one side. */
export const MAX_GROW = 4;
/** Fewest train cases a way of growing needs before it is taken. */
export const MIN_CASES = 5;

/**
 * Counts from train. Key `n|w1 w2 …`: the cue's n next words on one side, nearest first (`0|w1`:
 * the cue itself, with w1 next to it); value [cases, exact]: how often that context was seen next
 * to a rules' cue overlapping a gold cue, and how often the gold cue ended exactly after those n words.
 */
export interface CueEdges {
  version: number;
  left: Record<string, [number, number]>;
  right: Record<string, [number, number]>;
}

/** A token as the edge counts name it: the word in lower case, or the punctuation itself. */
function edgeWord(t: Token): string {
  return t.word ? t.lower : t.text;
}

/** The keys of growing a cue by 0 … MAX_GROW words on one side: `next` lists the words outward, nearest first. */
export function edgeKeys(next: readonly Token[]): string[] {
  const words = next.slice(0, MAX_GROW).map(edgeWord);
  const keys = [`0|${words[0] ?? '<edge>'}`];
  for (let n = 1; n <= words.length; n++) keys.push(`${n}|${words.slice(0, n).join(' ')}`);
  return keys;
}

/** How many words to grow by: the n whose context most often ended the gold cue exactly (ties: fewer). */
export function growBy(counts: Readonly<Record<string, [number, number]>>, next: readonly Token[]): number {
  let best = 0;
  let bestRate = -1;
  edgeKeys(next).forEach((key, n) => {
    const c = counts[key];
    if (!c || c[0] < MIN_CASES) return;
    const rate = c[1] / c[0];
    if (rate > bestRate + 1e-12) (best = n), (bestRate = rate);
  });
  return best;
}

/** The unit holding `pos`, by binary search over units in text order. */
function unitAt(units: readonly Unit[], pos: number): Unit | null {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid]!;
    if (pos < u.start) hi = mid - 1;
    else if (pos >= u.end) lo = mid + 1;
    else return u;
  }
  return null;
}

/** Whether token `t` lies in span `s`. */
function inside(t: Token, s: Span | null | undefined): boolean {
  return !!s && t.start < s.end && s.start < t.end;
}

/** The words next to a cue on one side, outward, stopping before its source and never past its unit. */
export function outward(toks: readonly Token[], range: [number, number], side: 'left' | 'right', source: Span | null): Token[] {
  const out: Token[] = [];
  if (side === 'left') for (let k = range[0] - 1; k >= 0 && out.length < MAX_GROW && !inside(toks[k]!, source); k--) out.push(toks[k]!);
  else for (let k = range[1] + 1; k < toks.length && out.length < MAX_GROW && !inside(toks[k]!, source); k++) out.push(toks[k]!);
  return out;
}

/** A statement as the edges read it. */
interface HasCue {
  cue: Span;
  source: Span | null;
}

/**
 * The statements with their cues grown by the learned edges (new objects where a cue grows; the
 * rest as given). Cues that do not fall on token edges, or are empty, stay as they are.
 */
export function growCues<S extends HasCue>(edges: CueEdges, text: string, units: readonly Unit[], statements: readonly S[]): S[] {
  return statements.map((s) => {
    if (s.cue.end <= s.cue.start) return s;
    const unit = unitAt(units, s.cue.start);
    if (!unit || s.cue.end > unit.end) return s;
    const toks = unitTokens(text, unit);
    const range = tokenRange(toks, s.cue);
    if (!range) return s;
    const left = outward(toks, range, 'left', s.source);
    const right = outward(toks, range, 'right', s.source);
    const l = growBy(edges.left, left);
    const r = growBy(edges.right, right);
    if (!l && !r) return s;
    return { ...s, cue: { start: l ? left[l - 1]!.start : s.cue.start, end: r ? right[r - 1]!.end : s.cue.end } };
  });
}

let shipped: CueEdges | null | undefined;

/** The edges shipped beside this module (`cue-edges.json`), or null when there are none. */
export function shippedEdges(): CueEdges | null {
  if (shipped !== undefined) return shipped;
  try {
    const edges = JSON.parse(readFileSync(new URL('./cue-edges.json', import.meta.url), 'utf8')) as CueEdges;
    shipped = edges.version === EDGES_VERSION ? edges : null;
  } catch {
    shipped = null;
  }
  return shipped;
}
