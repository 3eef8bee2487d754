/**
 * Ingests a large corpus on every core: the files, in corpus order, are cut into contiguous
 * slices, one per worker thread, and the articles come back in order. Ingest and the default
 * analysers are CPU-bound per article, so on two cores this roughly halves a cold start.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../command.js';
import type { CorpusWarning } from '../ingest/index.js';
import type { Article } from '../types.js';
import type { IngestBatch, IngestJob } from './ingest-worker.js';

/** Result of a parallel ingest. */
export interface PooledIngest {
  articles: Article[];
  warnings: CorpusWarning[];
  /** Analyser runs that threw (when the workers analysed). */
  failures: number;
}

/** How many worker threads to use for `files` files: one per core, none under 8,000 files (starting a worker costs seconds). */
export function ingestWorkers(files: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (files < 8000) return 0;
  return Math.min(availableParallelism(), 8);
}

/** URL of tsx's ESM register API (its CommonJS twin cannot be loaded through import()). */
function tsxEsmApi(): string {
  const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolve === 'function') {
    try {
      return resolve('tsx/esm/api');
    } catch {
      // fall through to require.resolve
    }
  }
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}

/**
 * Starts the worker module next to this one. Under tsx (TypeScript sources) the worker first
 * registers tsx's loader itself: Node 20 does not pass `--import` loaders on to worker threads.
 */
function startWorker(job: IngestJob): Worker {
  const self = fileURLToPath(import.meta.url);
  const ext = path.extname(self);
  const url = new URL(`./ingest-worker${ext === '.ts' ? '.ts' : '.js'}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url, { workerData: job });
  const tsxApi = tsxEsmApi();
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(boot, { eval: true, workerData: job });
}

/** How the workers read: the symlink rule of the walk that listed the files. */
export interface PoolReadOptions {
  /** Follow links to targets outside the corpus too. */
  followSymlinks: boolean;
  /** The real path of the corpus folder (links must resolve inside it). */
  realRoot: string;
}

/**
 * Ingests `files` (paths relative to `root`, as listed by `walkCorpus`) on `workers` threads.
 * @param analyse - also run the default analysers in the workers
 * @throws when a worker cannot start or dies; callers fall back to ingesting in-process
 */
export async function ingestInParallel(
  root: string,
  files: string[],
  workers: number,
  analyse: boolean,
  logger: Logger,
  read: PoolReadOptions,
): Promise<PooledIngest> {
  const n = Math.max(1, Math.min(workers, files.length));
  const size = Math.ceil(files.length / n);
  const slices = Array.from({ length: n }, (_, i) => files.slice(i * size, (i + 1) * size));
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<PooledIngest>((resolve, reject) => {
          const job: IngestJob = { root, files: slice, analyse, batch: 500, ...read };
          const worker = startWorker(job);
          const out: PooledIngest = { articles: [], warnings: [], failures: 0 };
          let finished = false;
          worker.on('message', (m: IngestBatch) => {
            for (const a of m.articles) out.articles.push(a);
            out.warnings.push(...m.warnings);
            out.failures += m.failures;
            if (m.done) {
              finished = true;
              void worker.terminate();
              resolve(out);
            }
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (!finished) reject(new Error(`ingest worker stopped early (exit code ${code})`));
          });
        }),
    ),
  );
  const merged: PooledIngest = { articles: [], warnings: [], failures: 0 };
  for (const r of results) {
    for (const a of r.articles) merged.articles.push(a);
    merged.warnings.push(...r.warnings);
    merged.failures += r.failures;
  }
  for (const w of merged.warnings) logger.warn({ file: w.file, reason: w.reason }, `Skipped corpus file ${w.file}: ${w.reason}`);
  return merged;
}
