/**
 * Learning the cue edges (`./cue-edges.ts`) from PolNeAR-style gold: used by
 * `npm run train:attribution` and its tests; nothing at ingest imports it.
 */
import { findStatements } from '../attribution.js';
import type { Unit } from '../units.js';
import type { SourceChooser } from './choose.js';
import { tokenRange, unitTokens } from './candidates.js';
import type { Span } from '../../core/types.js';
import type { Token } from '../tokens.js';
import { edgeKeys, EDGES_VERSION, inward, MIN_CASES, outward, type Count, type CueEdges, type SpanEdges } from './cue-edges.js';
import type { GoldArticle } from './train.js';

/** One side's counts being gathered. */
type Counts = Map<string, Count>;

function count(map: Counts, key: string, exact: boolean, stay: boolean): void {
  const c = map.get(key) ?? [0, 0, 0];
  c[0]++;
  if (exact) c[1]++;
  if (stay) c[2]++;
  map.set(key, c);
}

/** Counts, for a predicted span (token `range`) and the gold span it overlaps, every way of moving each edge. */
function countSpan(left: Counts, right: Counts, toks: readonly Token[], range: [number, number], gold: Span, stop: Span | null): void {
  const l = outward(toks, range, 'left', stop);
  const r = outward(toks, range, 'right', stop);
  const at = (n: number, side: 'left' | 'right') => side === 'left'
    ? (n > 0 ? l[n - 1]!.start : toks[range[0] - n]!.start)
    : (n > 0 ? r[n - 1]!.end : toks[range[1] + n]!.end);
  const stayL = toks[range[0]]!.start === gold.start;
  const stayR = toks[range[1]]!.end === gold.end;
  for (const [n, key] of edgeKeys(l, inward(toks, range, 'left'))) if (n) count(left, key, at(n, 'left') === gold.start, stayL);
  for (const [n, key] of edgeKeys(r, inward(toks, range, 'right'))) if (n) count(right, key, at(n, 'right') === gold.end, stayR);
}

/** The contexts seen at least MIN_CASES times, sorted. */
function kept(map: Counts): Record<string, Count> {
  return Object.fromEntries([...map].filter(([, c]) => c[0] >= MIN_CASES).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/**
 * Counts, over some articles, how far beyond each predicted cue (the rules after `chooser`) the
 * gold cue it overlaps ends on either side; then, with those cue edges applied, the same for each
 * predicted source and the gold source it overlaps.
 */
export function learnCueEdges(articles: readonly GoldArticle[], chooser: SourceChooser | null): CueEdges {
  const run = (a: GoldArticle, cueEdges: CueEdges | null) => {
    let units: readonly Unit[] = [];
    const statements = findStatements(a.text, a.sentences, {
      nested: false, actions: true, negated: true, tagger: null, cueEdges,
      chooser: (text, u, raws) => { units = u; return chooser ? chooser(text, u, raws) : raws; },
    });
    return { units, statements: statements.filter((s) => s.kind === 'attributed') };
  };
  const cueLeft: Counts = new Map();
  const cueRight: Counts = new Map();
  for (const a of articles) {
    const { units, statements } = run(a, null);
    for (const s of statements) {
      if (s.cue.end <= s.cue.start) continue;
      const gold = a.gold.find((g) => g.cue.start < s.cue.end && s.cue.start < g.cue.end);
      const unit = units.find((u) => u.start <= s.cue.start && s.cue.end <= u.end);
      if (!gold || !unit) continue;
      const toks = unitTokens(a.text, unit);
      const range = tokenRange(toks, s.cue);
      if (range) countSpan(cueLeft, cueRight, toks, range, gold.cue, s.source);
    }
  }
  const cues: CueEdges = { version: EDGES_VERSION, cue: { left: kept(cueLeft), right: kept(cueRight) } };
  const sourceLeft: Counts = new Map();
  const sourceRight: Counts = new Map();
  for (const a of articles) {
    const { units, statements } = run(a, cues);
    const seen = new Set<string>();
    for (const s of statements) {
      if (!s.source) continue;
      // A source two statements share is scored once.
      const key = `${s.source.start}:${s.source.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const gold = a.gold.find((g) => g.source && g.source.start < s.source!.end && s.source!.start < g.source.end);
      const unit = units.find((u) => u.start <= s.source!.start && s.source!.end <= u.end);
      if (!gold || !unit) continue;
      const toks = unitTokens(a.text, unit);
      const range = tokenRange(toks, s.source);
      if (range) countSpan(sourceLeft, sourceRight, toks, range, gold.source!, s.cue);
    }
  }
  return { ...cues, source: { left: kept(sourceLeft), right: kept(sourceRight) } };
}

/** The edge file's text: one context a line, sorted, so a retrained file diffs readably. */
export function cueEdgesFile(edges: CueEdges): string {
  const lines = (m: Record<string, Count>) => Object.entries(m).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n');
  const side = (e: SpanEdges) => `{"left":{\n${lines(e.left)}\n},"right":{\n${lines(e.right)}\n}}`;
  return `{"version":${edges.version},"cue":${side(edges.cue)}${edges.source ? `,"source":${side(edges.source)}` : ''}}\n`;
}
