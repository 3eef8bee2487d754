/**
 * The postgres bench's search passes alone against an archive written earlier (bench/pg-keep.ts):
 * `node --import tsx bench/pg-search-times.ts DATABASE_URL [passes] [query …]` prints each query's
 * slowest time and hit count, and p50 / p99 over the passes (the first pass warms up and is not timed).
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { PgSearchIndex } from '../src/library/pg/pg-search-index.js';
import { SEARCH_QUERIES } from './queries.js';

const [url, passesText, ...only] = process.argv.slice(2);
if (!url) throw new Error('usage: pg-search-times DATABASE_URL [passes] [query …]');
const passes = Number(passesText ?? 3);
const queries = only.length ? only : SEARCH_QUERIES;
const pool = new pg.Pool({ connectionString: url, max: 8 });
const index = new PgSearchIndex(pool);
const load = loadavg()[0]!.toFixed(1);
const times: number[] = [];
const per = new Map<string, { ms: number; hits: number; top: string }>();
for (let pass = 0; pass <= passes; pass++) {
  for (const q of queries) {
    const t = performance.now();
    const found = await index.search(q, { limit: 10, perArticle: 2 });
    const took = performance.now() - t;
    if (pass === 0) {
      per.set(q, { ms: 0, hits: found.hits.length, top: found.hits.map((h) => `${h.articleId}:${h.span.start}`).join(',') });
      continue;
    }
    times.push(took);
    per.get(q)!.ms = Math.max(per.get(q)!.ms, took);
  }
}
const s = [...times].sort((a, b) => a - b);
const at = (x: number) => s[Math.min(s.length - 1, Math.ceil(x * s.length) - 1)]!;
for (const [q, r] of [...per].sort((a, b) => b[1].ms - a[1].ms)) console.log(`${r.ms.toFixed(1).padStart(8)} ms  ${String(r.hits).padStart(2)} hits  ${q}`);
console.log(`search p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms over ${times.length}; load ${load} → ${loadavg()[0]!.toFixed(1)}`);
if (process.env.HITS_OUT) (await import('node:fs')).writeFileSync(process.env.HITS_OUT, JSON.stringify(Object.fromEntries([...per].map(([q, r]) => [q, r.top])), null, 1));
await pool.end();
