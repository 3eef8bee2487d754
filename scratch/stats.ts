import { buildLibrary } from '../src/library/build.js';
import { passageRows } from '../src/library/pg/article-rows.js';
const logger = { info() {}, debug() {}, warn() {}, error() {} } as any;
const n = process.argv[2] ?? '30000';
const built = await buildLibrary({ corpusDir: `bench/out/corpus-${n}`, dataDir: `bench/out/data-${n}`, logger });
const df = new Map<string, number>(), dfo = new Map<string, number>();
let passages = 0, postings = 0, copies = 0;
const t0 = performance.now();
for (const a of built.library.articles) {
  if (a.duplicateOf) copies++;
  for (const p of passageRows(a)) { passages++; for (const t of p.terms) { postings++; df.set(t, (df.get(t) ?? 0) + 1); if (!a.duplicateOf) dfo.set(t, (dfo.get(t) ?? 0) + 1); } }
}
console.log('rows ms', performance.now() - t0, 'articles', built.library.articles.length, 'copies', copies, 'passages', passages, 'postings', postings, 'terms', df.size);
for (const m of [500, 1000, 2000, 5000]) {
  let common = 0, commonPost = 0;
  for (const v of df.values()) if (v > m) { common++; commonPost += v; }
  console.log('df>', m, 'terms', common, 'postings', commonPost);
}
for (const N of [1000, 2000, 4000]) for (const src of [df, dfo]) {
  let s = 0, c = 0; for (const v of src.values()) if (v > 2000) { s += Math.min(v, N); c++; }
  console.log('N', N, src === df ? 'all' : 'orig', 'head rows (df>2000 terms)', s, c);
}
