/**
 * `npm run eval:search`: the compact engine's top 10 articles against MiniSearch's (the
 * reference engine) on the sample corpus and a Reuters-21578 slice; prints overlap@10 per
 * query and the mean. See bench/search-oracle.ts.
 *
 * Usage: npm run eval:search [-- --reuters N] [--k K]
 */
import { compareEngines, meanOverlapAt, REUTERS_QUERIES, reutersArticles, SAMPLE_QUERIES, sampleArticles, type QueryOverlap } from '../bench/search-oracle.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

function report(title: string, result: { perQuery: QueryOverlap[]; mean: number }, k: number): void {
  console.log(`\n${title}`);
  for (const q of result.perQuery) {
    const onlyCompact = q.compact.filter((id) => !q.minisearch.includes(id)).length;
    const onlyMini = q.minisearch.filter((id) => !q.compact.includes(id)).length;
    console.log(
      `  ${q.query.padEnd(24)} overlap@${k} ${q.overlap.toFixed(2)}  (compact ${q.compact.length}, minisearch ${q.minisearch.length}; only compact ${onlyCompact}, only minisearch ${onlyMini}); ranked by passage ${q.overlapByPassage.toFixed(2)}`,
    );
  }
  console.log(`  mean overlap@${k}: ${result.mean.toFixed(3)}`);
  const byPassage = result.perQuery.reduce((s, q) => s + q.overlapByPassage, 0) / Math.max(1, result.perQuery.length);
  console.log(`  mean overlap@${k} with MiniSearch's passages ranked the compact way (best passage per word): ${byPassage.toFixed(3)}`);
  const heads = [5, 3, 1].filter((j) => j < k);
  if (heads.length) console.log(`  at the head: ${heads.map((j) => `overlap@${j} ${meanOverlapAt(result.perQuery, j).toFixed(3)}`).join(', ')}`);
}

const k = arg('k', 10);
const n = arg('reuters', 2000);
report(`sample corpus (${SAMPLE_QUERIES.length} queries)`, compareEngines(await sampleArticles(), SAMPLE_QUERIES, k), k);
report(`Reuters-21578, first ${n} stories (${REUTERS_QUERIES.length} queries)`, compareEngines(reutersArticles(n), REUTERS_QUERIES, k), k);
