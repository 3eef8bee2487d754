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
export const EDGES_VERSION = 2;
/** Most words a span grows by on one side. */
export const MAX_GROW = 4;
/** Most words a span is trimmed by on one side. */
export const MAX_TRIM = 2;
/** Fewest train cases a way of growing needs before it is taken. */
export const MIN_CASES = 5;

/**
 * Counts from train, for one kind of span (cue or source). Key `n|w1 w2 …`: the span's n next
 * words on one side, nearest first (`0|w1`: the span itself, with w1 next to it; `-n|…`: its own
 * n outer words, trimmed off); value [cases, exact, stay]: how often that context was seen at a
 * predicted span overlapping a gold one, how often the gold span ended exactly after the move, and
 * how often it ended exactly where the predicted one did.
 */
export interface SpanEdges {
  left: Record<string, Count>;
  right: Record<string, Count>;
}

/** [cases, exact after the move, exact where the edge was]. */
export type Count = [number, number, number];

/** The shipped edges: the cue's, and (optionally) the source's. */
export interface CueEdges {
  version: number;
  cue: SpanEdges;
  source?: SpanEdges;
}

/** A token as the edge counts name it: the word in lower case, or the punctuation itself. */
function edgeWord(t: Token): string {
  return t.word ? t.lower : t.text;
}

/**
 * The keys of moving one edge of a span: grown by 1 … MAX_GROW words (`next`, outward, nearest
 * first), left (0, keyed by the nearest outer word), or trimmed by 1 … MAX_TRIM words (`inner`,
 * inward from the edge; never the whole span). Returned as [shift, key] pairs, shift > 0 growing.
 */
export function edgeKeys(next: readonly Token[], inner: readonly Token[] = []): Array<[number, string]> {
  const words = next.slice(0, MAX_GROW).map(edgeWord);
  const keys: Array<[number, string]> = [[0, `0|${words[0] ?? '<edge>'}`]];
  for (let n = 1; n <= words.length; n++) keys.push([n, `${n}|${words.slice(0, n).join(' ')}`]);
  const own = inner.slice(0, Math.min(MAX_TRIM, inner.length - 1)).map(edgeWord);
  for (let n = 1; n <= own.length; n++) keys.push([-n, `${-n}|${own.slice(0, n).join(' ')}`]);
  return keys;
}

/**
 * How far to move an edge: among the moves whose context was seen at least MIN_CASES times, the
 * one that most often ended the gold span exactly, when that beats leaving the edge where it is in
 * the same cases (and half of them); else 0. Ties: the smaller move.
 */
export function growBy(counts: Readonly<Record<string, Count>>, next: readonly Token[], inner: readonly Token[] = []): number {
  let best = 0;
  let bestRate = 0.5;
  for (const [n, key] of edgeKeys(next, inner)) {
    const c = counts[key];
    if (!n || !c || c[0] < MIN_CASES) continue;
    const rate = c[1] / c[0];
    if (rate <= c[2] / c[0] + 1e-12) continue;
    if (rate > bestRate + 1e-12 || (Math.abs(rate - bestRate) <= 1e-12 && best && Math.abs(n) < Math.abs(best))) (best = n), (bestRate = rate);
  }
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

/** The words next to a span on one side, outward, stopping before `stop` and never past its unit. */
export function outward(toks: readonly Token[], range: [number, number], side: 'left' | 'right', stop: Span | null): Token[] {
  const out: Token[] = [];
  if (side === 'left') for (let k = range[0] - 1; k >= 0 && out.length < MAX_GROW && !inside(toks[k]!, stop); k--) out.push(toks[k]!);
  else for (let k = range[1] + 1; k < toks.length && out.length < MAX_GROW && !inside(toks[k]!, stop); k++) out.push(toks[k]!);
  return out;
}

/** The words of a span from one edge inward. */
export function inward(toks: readonly Token[], range: [number, number], side: 'left' | 'right'): Token[] {
  const out: Token[] = [];
  if (side === 'left') for (let k = range[0]; k <= range[1] && out.length <= MAX_TRIM; k++) out.push(toks[k]!);
  else for (let k = range[1]; k >= range[0] && out.length <= MAX_TRIM; k--) out.push(toks[k]!);
  return out;
}

/** The new start and end offsets of a span of `toks` (token `range`) moved by the counts, or null when it stays. */
export function moveEdges(edges: SpanEdges, toks: readonly Token[], range: [number, number], stop: Span | null): Span | null {
  const left = outward(toks, range, 'left', stop);
  const right = outward(toks, range, 'right', stop);
  const inL = inward(toks, range, 'left');
  const inR = inward(toks, range, 'right');
  const l = growBy(edges.left, left, inL);
  let r = growBy(edges.right, right, inR);
  // Trimmed from both sides, at least one word stays.
  if (l < 0 && r < 0 && range[1] - range[0] + 1 + l + r < 1) r = 0;
  if (!l && !r) return null;
  const start = l > 0 ? left[l - 1]!.start : l < 0 ? toks[range[0] - l]!.start : toks[range[0]]!.start;
  const end = r > 0 ? right[r - 1]!.end : r < 0 ? toks[range[1] + r]!.end : toks[range[1]]!.end;
  return start < end ? { start, end } : null;
}

/** A statement as the edges read it. */
interface HasSpans {
  cue: Span;
  source: Span | null;
}

/**
 * The statements with their cues, then their sources, moved by the learned edges (new objects
 * where something moves; the rest as given). A cue never grows into its source, nor a source into
 * its cue; spans that do not fall on token edges, and empty cues, stay as they are.
 */
export function growCues<S extends HasSpans>(edges: CueEdges, text: string, units: readonly Unit[], statements: readonly S[]): S[] {
  return statements.map((s) => {
    if (s.cue.end <= s.cue.start) return s;
    const unit = unitAt(units, s.cue.start);
    if (!unit || s.cue.end > unit.end) return s;
    const toks = unitTokens(text, unit);
    let out = s;
    const cueRange = tokenRange(toks, s.cue);
    const cue = cueRange ? moveEdges(edges.cue, toks, cueRange, s.source) : null;
    if (cue) out = { ...out, cue };
    const sourceRange = edges.source && s.source && s.source.start >= unit.start && s.source.end <= unit.end ? tokenRange(toks, s.source) : null;
    const source = sourceRange ? moveEdges(edges.source!, toks, sourceRange, out.cue) : null;
    if (source) out = { ...out, source };
    return out;
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
