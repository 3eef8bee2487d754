/**
 * `npm run train:attribution`: trains the attribution model (src/claims/model) on PolNeAR train,
 * picks its margins on dev, and writes src/claims/model/weights.json. Deterministic: the same data
 * gives the same file byte for byte (sorted files, a seeded shuffle, rounded weights).
 *
 * Usage: npm run train:attribution [-- --data DIR] [--out FILE] [--check]
 * --check trains and compares with the shipped file instead of writing it (exit 1 when they differ).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEATURE_VERSION, makeChooser } from '../src/claims/model/choose.js';
import type { RankerWeights } from '../src/claims/model/ranker.js';
import { evaluate, examplesOf, f1, type LabelStats } from '../src/claims/model/train.js';
import { trainRanker } from '../src/claims/model/ranker.js';
import { loadSplit } from './train-attribution-lib.js';

const here = path.dirname(fileURLToPath(import.meta.url));

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
  const stats: LabelStats = { cases: 0, unreachable: 0 };
  const examples = examplesOf(train, stats);
  console.log(`train: ${train.length} articles, ${stats.cases} cues, ${stats.unreachable} with the gold source outside the candidates`);
  const weights = trainRanker(examples, { epochs, seed: 1 });
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
  const model: RankerWeights = { version: FEATURE_VERSION, weights, margins: { drop: best.drop, change: best.change } };
  // One weight a line, so a retrained file diffs readably.
  const lines = Object.entries(model.weights).map(([k, v]) => `${JSON.stringify(k)}:${v}`);
  const json = `{"version":${model.version},"margins":${JSON.stringify(model.margins)},"weights":{\n${lines.join(',\n')}\n}}\n`;
  if (argv.includes('--check')) {
    const same = existsSync(outFile) && readFileSync(outFile, 'utf8') === json;
    console.log(same ? `${outFile} is what training gives` : `${outFile} differs from what training gives`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(outFile, json);
  console.log(`wrote ${outFile} (${(json.length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
