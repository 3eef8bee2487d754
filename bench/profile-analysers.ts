/**
 * Times ingest and each default analyser per article (process CPU time), in-process, over the first N files of a
 * bench corpus (`node --import tsx bench/profile-analysers.ts <corpusDir> [N] [copies]`).
 * With `copies` > 1 the same stories are ingested again as further copies (the bench corpus
 * repeats Reuters), so the analysers' memos are exercised as in the cold build.
 */
import path from 'node:path';
import { ingestFile, walkCorpus, CORPUS_EXTENSIONS } from '../src/ingest/index.js';
import { ANALYSERS } from '../src/library/analysers.js';
import type { Article } from '../src/core/types.js';

const dir = path.resolve(process.argv[2] ?? 'bench/out/corpus-20000');
const n = Number(process.argv[3] ?? 3000);
const list = walkCorpus(dir, CORPUS_EXTENSIONS, { followSymlinks: false });
const files = list.files.slice(0, n);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = cpu();
const articles: Article[] = [];
for (const rel of files) {
  const r = await ingestFile(path.join(dir, rel), dir, { followSymlinks: false, realRoot: list.realRoot, listed: true });
  articles.push(...r.articles);
}
const ingestMs = cpu() - t0;
const per: Record<string, number> = {};
for (const a of articles) {
  for (const an of ANALYSERS) {
    const t = cpu();
    a.annotations[an.name] = an.analyse(a);
    per[an.name] = (per[an.name] ?? 0) + cpu() - t;
  }
}
const sentences = articles.reduce((s, a) => s + a.sentences.length, 0);
console.log(`${files.length} files, ${articles.length} articles, ${sentences} sentences; ingest CPU ${ingestMs.toFixed(0)} ms`);
for (const [k, v] of Object.entries(per)) console.log(`  ${k.padEnd(8)} ${v.toFixed(0)} ms  (${((v / articles.length) * 1000).toFixed(0)} µs/article)`);
console.log(`  total    ${Object.values(per).reduce((a, b) => a + b, 0).toFixed(0)} ms`);
