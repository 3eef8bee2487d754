/**
 * `npm run train:attribution`: trains the attribution model (src/claims/model) on PolNeAR train,
 * picks its margins on dev, and writes src/claims/model/weights.json. Deterministic: the same data
 * gives the same file byte for byte (sorted files, a seeded shuffle, rounded weights).
 *
 * Then trains the cue tagger (src/claims/model/tagger.ts) after the rules and that ranker, and
 * writes src/claims/model/cue-tagger.json beside it.
 *
 * Last, counts the cue edges (src/claims/model/cue-edges.ts) after the rules and that ranker, and
 * writes src/claims/model/cue-edges.json.
 *
 * Usage: npm run train:attribution [-- --data DIR] [--out FILE] [--check] [--tagger-only] [--edges-only]
 * --check trains and compares with the shipped files instead of writing them (exit 1 when they differ).
 * --tagger-only keeps the shipped ranker weights and trains the cue tagger (and the edges) alone.
 * --edges-only keeps the shipped ranker weights and cue tagger and counts the cue edges alone.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findStatements } from '../src/claims/attribution.js';
import { cueCases, FEATURE_VERSION, gateKey, makeChooser, pick } from '../src/claims/model/choose.js';
import type { RankerWeights } from '../src/claims/model/ranker.js';
import { evaluate, examplesOf, f1, type GoldArticle, type LabelStats } from '../src/claims/model/train.js';
import { trainRanker } from '../src/claims/model/ranker.js';
import { loadSplit } from './train-attribution-lib.js';
import { trainCueTagger } from './train-cue-tagger-lib.js';
import { cueEdgesFile, learnCueEdges } from '../src/claims/model/cue-edges-train.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Shuffle seeds the ranker's weights are averaged over: with one, a few changed cases reshuffle all of training and moved dev F1 by up to 0.005. */
const RANKER_SEEDS = 5;

/** How often, per kind of statement (`gateKey`), the model overrules the rules on some articles. */
function kindRates(articles: readonly GoldArticle[], weights: Record<string, number>, margins: RankerWeights['margins']): Map<string, { cases: number; acts: number }> {
  const map = new Map(Object.entries(weights));
  const out = new Map<string, { cases: number; acts: number }>();
  for (const a of articles) {
    findStatements(a.text, a.sentences, {
      nested: false, actions: true, tagger: null,
      chooser: (text, units, raws) => {
        for (const c of cueCases(text, units, raws)) {
          const key = gateKey(text, raws[c.cue.raw]!, raws.filter((r) => r.unit.start === c.unit.start));
          const { best, margin } = pick(map, c);
          const acts = best !== c.rule && margin > (c.candidates[best] ? margins.change : margins.drop);
          const k = out.get(key) ?? { cases: 0, acts: 0 };
          k.cases++;
          if (acts) k.acts++;
          out.set(key, k);
        }
        return raws;
      },
    });
  }
  return out;
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  const data = path.resolve(arg('--data') ?? path.resolve(here, '../../shared/data/polnear'));
  const outFile = path.resolve(arg('--out') ?? path.resolve(here, '../src/claims/model/weights.json'));
  const epochs = Number(arg('--epochs') ?? 8);
  if (!existsSync(path.join(data, 'train', 'text'))) {
    console.error(`No PolNeAR train split at ${data}/train.`);
    process.exit(1);
  }
  const t0 = performance.now();
  const train = loadSplit(path.join(data, 'train'));
  const dev = loadSplit(path.join(data, 'dev'));
  const taggerFile = path.join(path.dirname(outFile), 'cue-tagger.json');
  const check = argv.includes('--check');
  /** Writes `text` to `file`, or with --check says whether the file already holds it. Returns whether it is as shipped. */
  const keep = (file: string, text: string): boolean => {
    if (check) {
      const same = existsSync(file) && readFileSync(file, 'utf8') === text;
      console.log(same ? `${file} is what training gives` : `${file} differs from what training gives`);
      return same;
    }
    writeFileSync(file, text);
    console.log(`wrote ${file} (${(text.length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return true;
  };
  /** Trains the cue tagger after the given ranker; writes or checks its file. Returns whether it is as shipped. */
  const tagger = (model: RankerWeights): boolean => keep(taggerFile, trainCueTagger(train, dev, makeChooser(model), epochs, (s) => console.log(s)));
  const edgesFile = path.join(path.dirname(outFile), 'cue-edges.json');
  /** Counts the cue edges after the given ranker; writes or checks their file. Returns whether it is as shipped. */
  const edges = (model: RankerWeights): boolean => keep(edgesFile, cueEdgesFile(learnCueEdges(train, makeChooser(model))));
  if (argv.includes('--edges-only')) {
    process.exit(edges(JSON.parse(readFileSync(outFile, 'utf8')) as RankerWeights) ? 0 : 1);
  }
  if (argv.includes('--tagger-only')) {
    const shippedModel = JSON.parse(readFileSync(outFile, 'utf8')) as RankerWeights;
    const a = tagger(shippedModel);
    process.exit(edges(shippedModel) && a ? 0 : 1);
  }
  const stats: LabelStats = { cases: 0, unreachable: 0 };
  const examples = examplesOf(train, stats);
  console.log(`train: ${train.length} articles, ${stats.cases} cues, ${stats.unreachable} with the gold source outside the candidates`);
  const weights = trainRanker(examples, { epochs, seed: 1, seeds: RANKER_SEEDS });
  console.log(`trained ${Object.keys(weights).length} weights in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const rules = evaluate(dev, null);
  console.log(`dev rules only: source exact F1 ${f1(rules).toFixed(3)}`);
  // Margins picked on dev: how sure the model must be to overrule the rules.
  // A margin of 1e6 switches that kind of change off.
  let best = { drop: 1e6, change: 1e6, f: f1(rules) };
  for (const drop of [4, 8, 12, 16, 1e6]) {
    for (const change of [2, 8, 16, 1e6]) {
      const f = f1(evaluate(dev, makeChooser({ version: FEATURE_VERSION, weights, margins: { drop, change } })));
      if (f > best.f + 1e-9) best = { drop, change, f };
    }
  }
  console.log(`dev rules + model: source exact F1 ${best.f.toFixed(3)} (margins: drop ${best.drop}, change ${best.change})`);
  const margins = { drop: best.drop, change: best.change };
  // The review gate: kinds of statement (gateKey) on which the model overrules the rules in under
  // `rate` of train cases are not reviewed at all, which keeps ingest cheap. The widest gate that
  // costs at most 0.002 dev F1 is kept.
  const kinds = kindRates(train, weights, margins);
  let review: string[] | undefined;
  for (const rate of [0.02, 0.05, 0.1]) {
    const keys = [...kinds].filter(([, k]) => k.cases < 30 || k.acts / k.cases >= rate).map(([key]) => key).sort();
    const f = f1(evaluate(dev, makeChooser({ version: FEATURE_VERSION, weights, margins, review: keys })));
    const share = [...kinds].filter(([key]) => !keys.includes(key)).reduce((n, [, k]) => n + k.cases, 0) / stats.cases;
    console.log(`  gate ${rate}: skips ${(share * 100).toFixed(0)} % of train cues, dev source exact F1 ${f.toFixed(3)}`);
    if (f >= best.f - 0.002) review = keys;
  }
  const model: RankerWeights = { version: FEATURE_VERSION, weights, margins, ...(review ? { review } : {}) };
  // One weight a line, so a retrained file diffs readably.
  const lines = Object.entries(model.weights).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
  const json = `{"version":${model.version},"margins":${JSON.stringify(model.margins)},${model.review ? `"review":${JSON.stringify(model.review)},` : ''}"weights":{\n${lines.join(',\n')}\n}}\n`;
  const same = keep(outFile, json);
  if (check) {
    const a = same && tagger(model);
    process.exit(edges(model) && a ? 0 : 1);
  }
  tagger(model);
  edges(model);
}

main();
