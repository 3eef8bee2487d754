/**
 * Training the attribution model on PolNeAR-style gold (brat standoff): reading the gold,
 * labelling each cue's candidates, and scoring source spans the way `eval:attribution` does.
 * Used by `npm run train:attribution` and its tests; nothing at ingest imports it.
 */
import type { Span } from '../../core/types.js';
import { findStatements, type SentenceLike } from '../attribution.js';
import { span } from '../phrases.js';
import { cueCases, type CueCase, type SourceChooser } from './choose.js';
import type { CueTagger } from './tagger.js';
import { candidateFeatures } from './features.js';
import { trainRanker, type RankExample, type TrainOptions } from './ranker.js';

/** One gold attribution: its cue and (when written) its source. */
export interface GoldAttribution {
  cue: Span;
  source: Span | null;
}

/** An article with its sentences and gold attributions. */
export interface GoldArticle {
  text: string;
  sentences: SentenceLike[];
  gold: GoldAttribution[];
}

/** Whitespace trimmed off both ends of a span, so " he" and "he" compare equal. */
export function tidy(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The attributions of a brat `.ann` file (discontinuous spans taken whole, as the evaluation does). */
export function readBrat(text: string, ann: string): GoldAttribution[] {
  const spans = new Map<string, Span>();
  const lines = ann.split('\n');
  for (const line of lines) {
    const [id, desc] = line.split('\t');
    if (!id?.startsWith('T') || !desc) continue;
    const nums = desc.split(' ').slice(1).join(' ').split(/[ ;]/).map(Number).filter((n) => Number.isFinite(n));
    if (nums.length >= 2) spans.set(id, tidy(text, { start: Math.min(...nums), end: Math.max(...nums) }));
  }
  const out: GoldAttribution[] = [];
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    let cue: Span | undefined;
    let source: Span | null = null;
    for (const part of (line.split('\t')[1] ?? '').split(' ')) {
      const [role, id] = part.split(':');
      const s = id ? spans.get(id) : undefined;
      if (role === 'Cue' && s) cue = s;
      if (role === 'Source' && s) source = s;
    }
    if (cue) out.push({ cue, source });
  }
  return out;
}

/** The cue cases the model sees in an article (the rules run in PolNeAR scope, unnested). */
export function casesOf(article: GoldArticle): CueCase[] {
  let cases: CueCase[] = [];
  const capture: SourceChooser = (text, units, raws) => {
    cases = cueCases(text, units, raws, true);
    return raws;
  };
  findStatements(article.text, article.sentences, { nested: false, actions: true, chooser: capture, tagger: null });
  return cases;
}

/** The index of the right candidate of a case, or -1 when the gold source is not among them. */
export function goldIndex(text: string, c: CueCase, gold: readonly GoldAttribution[]): number {
  const from = c.toks[c.cue.c]!.start;
  const to = c.toks[c.cue.cueEnd]!.end;
  const g = gold.find((x) => x.cue.start < to && from < x.cue.end);
  const at = (want: Span) => c.candidates.findIndex((cand) => {
    if (!cand) return false;
    const s = tidy(text, span(c.toks, cand[0], cand[1]));
    return s.start === want.start && s.end === want.end;
  });
  if (!g) {
    // A cue the gold does not annotate ("… and added") whose source the gold gives another cue:
    // the source is right as a span (sources are scored as spans), so the rules' pick stands.
    const rule = c.rule > 0 ? c.candidates[c.rule]! : null;
    if (rule) {
      const s = tidy(text, span(c.toks, rule[0], rule[1]));
      if (gold.some((x) => x.source && x.source.start === s.start && x.source.end === s.end)) return c.rule;
    }
    return 0;
  }
  return g.source ? at(g.source) : 0;
}

/** Counts of a labelling pass. */
export interface LabelStats {
  cases: number;
  unreachable: number;
}

/** Training examples of some articles: every case whose right answer is among its candidates. */
export function examplesOf(articles: readonly GoldArticle[], stats?: LabelStats): RankExample[] {
  const out: RankExample[] = [];
  for (const a of articles) {
    for (const c of casesOf(a)) {
      const gold = goldIndex(a.text, c, a.gold);
      if (stats) stats.cases++;
      if (gold < 0) {
        if (stats) stats.unreachable++;
        continue;
      }
      out.push({ features: candidateFeatures(c.toks, c.cue, c.candidates), gold });
    }
  }
  return out;
}

/** Trains weights on some articles. */
export function trainOn(articles: readonly GoldArticle[], options: TrainOptions = {}): Record<string, number> {
  return trainRanker(examplesOf(articles), options);
}

/** Source exact-match counts over some articles, one-to-one and as sets, as `eval:attribution` counts them. */
export interface SourceScore {
  gold: number;
  predicted: number;
  exact: number;
}

/** Scores predicted sources of an article against its gold, adding to `score`. */
export function scoreSources(score: SourceScore, text: string, predicted: readonly (Span | null)[], gold: readonly GoldAttribution[]): void {
  const seen = new Set<string>();
  const mine: Span[] = [];
  for (const p of predicted) {
    if (!p) continue;
    const s = tidy(text, p);
    const key = `${s.start}:${s.end}`;
    if (!seen.has(key)) (seen.add(key), mine.push(s));
  }
  // One gold span per written source, however many attributions share it (as the evaluation reads the spans).
  const golds = [...new Map(gold.flatMap((g) => (g.source ? [[`${g.source.start}:${g.source.end}`, g.source] as const] : []))).values()];
  score.gold += golds.length;
  score.predicted += mine.length;
  const used = new Set<number>();
  for (const p of mine) {
    const i = golds.findIndex((x, k) => !used.has(k) && x.start === p.start && x.end === p.end);
    if (i >= 0) used.add(i);
  }
  score.exact += used.size;
}

/** F1 of a score. */
export function f1(s: SourceScore): number {
  const p = s.predicted ? s.exact / s.predicted : 0;
  const r = s.gold ? s.exact / s.gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

/** Source exact F1 of a chooser (or the rules alone) and a cue tagger (or none) over some articles. */
export function evaluate(articles: readonly GoldArticle[], chooser: SourceChooser | null, actions = true, tagger: CueTagger | null = null, negated = false): SourceScore {
  const score: SourceScore = { gold: 0, predicted: 0, exact: 0 };
  for (const a of articles) {
    // Without the cue edges: they are counted after the ranker and tagger, from what these choose.
    const st = findStatements(a.text, a.sentences, { nested: false, actions, negated, chooser, tagger, cueEdges: null }).filter((s) => s.kind === 'attributed');
    scoreSources(score, a.text, st.map((s) => s.source), a.gold);
  }
  return score;
}
