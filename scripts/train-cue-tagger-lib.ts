/**
 * The cue tagger's part of `npm run train:attribution`: trains its token and source weights on
 * PolNeAR train (after the rules and the source ranker), picks its two thresholds on dev, and
 * returns the file text of src/claims/model/cue-tagger.json (sorted keys, rounded weights: the
 * same data gives the same bytes).
 */
import type { SourceChooser } from '../src/claims/model/choose.js';
import { trainRanker } from '../src/claims/model/ranker.js';
import { makeTagger, TAGGER_VERSION, type TaggerWeights } from '../src/claims/model/tagger.js';
import { falseCueExamples, taggerExamples, trainTokens } from '../src/claims/model/tagger-train.js';
import { evaluate, f1, type GoldArticle } from '../src/claims/model/train.js';

/** Token weights smaller than this are not shipped (they keep the file small and change little). */
const TOKEN_PRUNE = 3;

/** Trains the cue tagger and returns its weights file's text. */
export function trainCueTagger(train: readonly GoldArticle[], dev: readonly GoldArticle[], chooser: SourceChooser, epochs: number, log: (s: string) => void): string {
  const t0 = performance.now();
  const ex = taggerExamples(train, chooser);
  log(`tagger: ${ex.tokens.length} train tokens left alone by the rules (${ex.tokens.filter((t) => t.cue).length} in gold cues), ${ex.sources.length} missed cues with a reachable source`);
  const tokens = trainTokens(ex.tokens, { epochs, seed: 1, prune: TOKEN_PRUNE });
  // The source pick also learns to turn down the tagger's own mistakes on train ("no source").
  const negatives = falseCueExamples(train, chooser, tokens, 0);
  const sources = trainRanker([...ex.sources, ...negatives], { epochs, seed: 1 });
  log(`tagger: ${Object.keys(tokens).length} token and ${Object.keys(sources).length} source weights (${negatives.length} false cues) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const without = f1(evaluate(dev, chooser, true, null, true));
  // Thresholds picked on dev; ties go to the stricter pair (fewer new sources, fewer wrong ones).
  let best = { cue: 1e6, source: 1e6, f: without };
  for (const cue of [4, 2, 0, -2]) {
    for (const source of [6, 3, 0]) {
      const f = f1(evaluate(dev, chooser, true, makeTagger({ version: TAGGER_VERSION, tokens, sources, thresholds: { cue, source } }), true));
      if (f > best.f + 1e-9) best = { cue, source, f };
    }
  }
  log(`dev rules + ranker: source exact F1 ${without.toFixed(3)}; + cue tagger ${best.f.toFixed(3)} (thresholds: cue ${best.cue}, source ${best.source})`);
  const model: TaggerWeights = { version: TAGGER_VERSION, thresholds: { cue: best.cue, source: best.source }, tokens, sources };
  const lines = (w: Record<string, number>) => Object.entries(w).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',\n');
  return `{"version":${model.version},"thresholds":${JSON.stringify(model.thresholds)},"tokens":{\n${lines(tokens)}\n},"sources":{\n${lines(sources)}\n}}\n`;
}
