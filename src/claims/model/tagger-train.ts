/**
 * Training the cue tagger on PolNeAR-style gold: token examples (is this token, left alone by the
 * rules, part of a gold cue?) and source examples (for a gold cue the rules missed, which candidate
 * span is its gold source?). Used by `npm run train:attribution` and its tests; nothing at ingest
 * imports it.
 */
import { findStatements } from '../attribution.js';
import { span } from '../phrases.js';
import type { Token } from '../tokens.js';
import type { RawStatement } from '../types.js';
import type { Unit } from '../units.js';
import { sourceCandidates, tokenRange, unitTokens } from './candidates.js';
import type { SourceChooser } from './choose.js';
import { candidateFeatures } from './features.js';
import { trainRanker, type RankExample, type TrainOptions } from './ranker.js';
import { unitTags } from './pos.js';
import { newCue, tagCues, tokenFeatures, unitMarks } from './tagger.js';
import { tidy, type GoldArticle } from './train.js';

/** One token example: its features and whether it lies in a gold cue. */
export interface TokenExample {
  features: string[];
  cue: boolean;
}

/** What the tagger is trained on from some articles. */
export interface TaggerExamples {
  tokens: TokenExample[];
  sources: RankExample[];
  /** The index (in the articles given) of each token example's article. */
  tokenArticle: number[];
  /** The index of each source example's article. */
  sourceArticle: number[];
}

/** The units and the rules' statements (after `chooser`) of an article, in PolNeAR scope. */
function rulesOf(article: GoldArticle, chooser: SourceChooser | null): { units: readonly Unit[]; raws: RawStatement[] } {
  let got: { units: readonly Unit[]; raws: RawStatement[] } = { units: [], raws: [] };
  findStatements(article.text, article.sentences, {
    nested: false, actions: true, negated: true, tagger: null,
    chooser: (text, units, raws) => {
      const out = chooser ? chooser(text, units, raws) : raws;
      got = { units, raws: out };
      return out;
    },
  });
  return got;
}

/** Token and source examples of some articles, with the rules' statements chosen by `chooser`. */
export function taggerExamples(articles: readonly GoldArticle[], chooser: SourceChooser | null): TaggerExamples {
  const out: TaggerExamples = { tokens: [], sources: [], tokenArticle: [], sourceArticle: [] };
  articles.forEach((a, ai) => {
    const { units, raws } = rulesOf(a, chooser);
    for (const unit of units) {
      if (unit.title) continue;
      const toks = unitTokens(a.text, unit);
      if (toks.length > 400) continue;
      const rules = raws.filter((r) => r.unit.start === unit.start);
      const marks = unitMarks(toks, rules);
      const tags = unitTags(a.text, toks);
      const golds = a.gold.filter((g) => g.cue.start >= unit.start && g.cue.end <= unit.end);
      const inCue = (t: Token) => golds.some((g) => t.start < g.cue.end && g.cue.start < t.end);
      for (let i = 0; i < toks.length; i++) {
        if (marks.covered[i]) continue;
        out.tokens.push({ features: tokenFeatures(toks, i, marks, tags), cue: inCue(toks[i]!) });
        out.tokenArticle.push(ai);
      }
      for (const g of golds) {
        const range = tokenRange(toks, g.cue);
        if (!range) continue;
        let free = true;
        for (let i = range[0]; i <= range[1]; i++) if (marks.covered[i]) free = false;
        if (!free) continue;
        const cue = newCue(toks, range, rules.length);
        const cands = sourceCandidates(toks, cue);
        const gold = !g.source ? 0 : cands.findIndex((c) => {
          if (!c) return false;
          const s = tidy(a.text, span(toks, c[0], c[1]));
          return s.start === g.source!.start && s.end === g.source!.end;
        });
        if (gold < 0) continue;
        out.sources.push({ features: candidateFeatures(toks, cue, cands), gold });
        out.sourceArticle.push(ai);
      }
    }
  });
  return out;
}

/**
 * The examples of the articles `keep` accepts (by index), for cross-fitting: the keep filter
 * learns from proposals of weights that never saw their article, as on new text.
 */
export function foldOf(ex: TaggerExamples, keep: (article: number) => boolean): { tokens: TokenExample[]; sources: RankExample[] } {
  return { tokens: ex.tokens.filter((_, i) => keep(ex.tokenArticle[i]!)), sources: ex.sources.filter((_, i) => keep(ex.sourceArticle[i]!)) };
}

/**
 * Trains the token weights as a binary averaged perceptron (a token is in a cue when its score is
 * over 0), deterministic like the ranker: a seeded shuffle, rounded weights, sorted keys.
 */
export function trainTokens(examples: readonly TokenExample[], options: TrainOptions = {}): Record<string, number> {
  // A two-way ranking: "not a cue" scores 0 (no features), "a cue" scores its features.
  const ranked: RankExample[] = examples.map((e) => ({ features: [[], e.features], gold: e.cue ? 1 : 0 }));
  return trainRanker(ranked, options);
}

/**
 * Source examples for the cues a token weight set proposes that are no gold cue: their right
 * answer is "no source", so the source pick also learns to turn down the tagger's mistakes.
 */
export function falseCueExamples(articles: readonly GoldArticle[], chooser: SourceChooser | null, tokens: Record<string, number>, threshold: number): RankExample[] {
  const weights = new Map(Object.entries(tokens));
  const out: RankExample[] = [];
  for (const a of articles) {
    const { units, raws } = rulesOf(a, chooser);
    for (const unit of units) {
      if (unit.title) continue;
      const toks = unitTokens(a.text, unit);
      if (toks.length > 400) continue;
      const rules = raws.filter((r) => r.unit.start === unit.start);
      const marks = unitMarks(toks, rules);
      for (const range of tagCues(weights, threshold, toks, marks, unitTags(a.text, toks))) {
        const from = toks[range[0]]!.start;
        const to = toks[range[1]]!.end;
        if (a.gold.some((g) => g.cue.start < to && from < g.cue.end)) continue;
        const cue = newCue(toks, range, rules.length);
        out.push({ features: candidateFeatures(toks, cue, sourceCandidates(toks, cue)), gold: 0 });
      }
    }
  }
  return out;
}

/** Trains the tagger's two weight sets on some articles. */
export function trainTagger(ex: TaggerExamples, options: TrainOptions = {}): { tokens: Record<string, number>; sources: Record<string, number> } {
  return { tokens: trainTokens(ex.tokens, options), sources: trainRanker(ex.sources, options) };
}
