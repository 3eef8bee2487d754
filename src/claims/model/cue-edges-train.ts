/**
 * Learning the cue edges (`./cue-edges.ts`) from PolNeAR-style gold: used by
 * `npm run train:attribution` and its tests; nothing at ingest imports it.
 */
import { findStatements } from '../attribution.js';
import type { Unit } from '../units.js';
import type { SourceChooser } from './choose.js';
import { tokenRange, unitTokens } from './candidates.js';
import { edgeKeys, EDGES_VERSION, MIN_CASES, outward, type CueEdges } from './cue-edges.js';
import type { GoldArticle } from './train.js';

/**
 * Counts, over some articles, how far beyond each rules' cue (after `chooser`) the gold cue it
 * overlaps ends on either side; keeps the contexts seen at least MIN_CASES times.
 */
export function learnCueEdges(articles: readonly GoldArticle[], chooser: SourceChooser | null): CueEdges {
  const left = new Map<string, [number, number]>();
  const right = new Map<string, [number, number]>();
  const count = (map: Map<string, [number, number]>, key: string, exact: boolean) => {
    const c = map.get(key) ?? [0, 0];
    c[0]++;
    if (exact) c[1]++;
    map.set(key, c);
  };
  for (const a of articles) {
    let units: readonly Unit[] = [];
    const statements = findStatements(a.text, a.sentences, {
      nested: false, actions: true, negated: true, tagger: null, cueEdges: null,
      chooser: (text, u, raws) => { units = u; return chooser ? chooser(text, u, raws) : raws; },
    });
    for (const s of statements) {
      if (s.kind !== 'attributed' || s.cue.end <= s.cue.start) continue;
      const gold = a.gold.find((g) => g.cue.start < s.cue.end && s.cue.start < g.cue.end);
      const unit = units.find((u) => u.start <= s.cue.start && s.cue.end <= u.end);
      if (!gold || !unit) continue;
      const toks = unitTokens(a.text, unit);
      const range = tokenRange(toks, s.cue);
      if (!range) continue;
      const l = outward(toks, range, 'left', s.source);
      const r = outward(toks, range, 'right', s.source);
      edgeKeys(l).forEach((key, n) => count(left, key, (n ? l[n - 1]!.start : s.cue.start) === gold.cue.start));
      edgeKeys(r).forEach((key, n) => count(right, key, (n ? r[n - 1]!.end : s.cue.end) === gold.cue.end));
    }
  }
  const kept = (map: Map<string, [number, number]>) => Object.fromEntries([...map].filter(([, c]) => c[0] >= MIN_CASES).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return { version: EDGES_VERSION, left: kept(left), right: kept(right) };
}

/** The edge file's text: one context a line, sorted, so a retrained file diffs readably. */
export function cueEdgesFile(edges: CueEdges): string {
  const lines = (m: Record<string, [number, number]>) => Object.entries(m).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n');
  return `{"version":${edges.version},"left":{\n${lines(edges.left)}\n},"right":{\n${lines(edges.right)}\n}}\n`;
}
