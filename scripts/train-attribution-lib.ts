/** Reading PolNeAR splits for training and its tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBrat, type GoldArticle } from '../src/claims/model/train.js';
import { splitSentences } from './polnear-sentences.js';

/** The articles of a PolNeAR split, each with its first annotation, in file-name order. */
export function loadSplit(dir: string, limit = Infinity): GoldArticle[] {
  const anns = readdirSync(path.join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const out: GoldArticle[] = [];
  for (const file of readdirSync(path.join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    if (out.length >= limit) break;
    const stem = file.slice(0, -4);
    const ann = anns.find((f) => f.startsWith(`${stem}_`));
    if (!ann) continue;
    const text = readFileSync(path.join(dir, 'text', file), 'utf8');
    out.push({ text, sentences: splitSentences(text), gold: readBrat(text, readFileSync(path.join(dir, 'attributions', ann), 'utf8')) });
  }
  return out;
}

