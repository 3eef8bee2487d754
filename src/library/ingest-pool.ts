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
import type { Logger } from '../core/ports.js';
import type { CorpusWarning, IngestedFile } from '../ingest/index.js';
import type { Article } from '../core/types.js';
import { ANALYSERS } from './analysers.js';
import { completeDeferred, sharedTable } from './shared-analysis.js';
import type { IngestBatch, IngestChunk, IngestJob, IngestReply, IngestRequest, ServeJob } from './ingest-worker.js';

/** Result of a parallel ingest. */
export interface PooledIngest {
  articles: Article[];
  warnings: CorpusWarning[];
  /** Analyser runs that threw (when the workers analysed). */
  failures: number;
  /**
   * When asked for: per listed file, its size and mtime as the worker stat'ed it before reading
   * (`[size0, mtime0, size1, …]`, NaN for a file not read) and the SHA-1 of the bytes it read.
   */
  files?: { sizeMtime: Float64Array; sha1: string[] };
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
function startWorker(job: IngestJob | ServeJob): Worker {
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

/** Most files handed to a worker at a time (its slice goes out in chunks of this size). */
const CHUNK_FILES = 256;

/**
 * Ingests `files` (paths relative to `root`, as listed by `walkCorpus`) on `workers` threads.
 * Each worker reads a contiguous slice of the files, in order, sent in chunks (two ahead, so it
 * never waits for the next one); the articles are put back in file order.
 * @param analyse - also run the default analysers in the workers
 * @param onFiles - told how many more files have been read, as each chunk arrives
 * @param fileInfo - also give, per file read, its size, mtime and SHA-1 (what the corpus key hashes), so it need not be read again
 * @throws when a worker cannot start or dies; callers fall back to ingesting in-process
 */
export async function ingestInParallel(
  root: string,
  files: string[],
  workers: number,
  analyse: boolean,
  logger: Logger,
  read: PoolReadOptions,
  onFiles?: (files: number) => void,
  fileInfo = false,
): Promise<PooledIngest> {
  const n = Math.max(1, Math.min(workers, files.length));
  // Each worker reads one contiguous slice, in order, sent in chunks, so its articles come back as it is read. (This was
  // chosen when a text's sentences depended on what its thread had split before; since src/core/wink.ts they do not,
  // so handing chunks to whichever worker is free would now give the same articles.)
  const sliceSize = Math.ceil(files.length / n);
  const ranges: [number, number][] = [];
  const queues: number[][] = [];
  for (let w = 0; w < n; w++) {
    queues.push([]);
    for (let at = w * sliceSize; at < Math.min(files.length, (w + 1) * sliceSize); at += CHUNK_FILES) {
      queues[w]!.push(ranges.length);
      ranges.push([at, Math.min(at + CHUNK_FILES, (w + 1) * sliceSize, files.length)]);
    }
  }
  const chunks = ranges.length;
  const byChunk: IngestBatch[] = new Array(chunks);
  // Copies of a story read by two workers are analysed by one of them only (most files hold one article).
  const claims = analyse && n > 1 ? sharedTable(files.length) : undefined;
  const owners = new Map<string, Article>();
  const deferred: { article: Article; hash: string }[] = [];
  let earlyFailures = 0;
  let copiedEarly = 0;
  const started = performance.now();
  const finishedMs: number[] = [];
  const chunksOf: number[] = [];
  const give = (worker: Worker, w: number) => {
    const chunk = queues[w]!.shift();
    if (chunk === undefined) return false;
    const [from, to] = ranges[chunk]!;
    worker.postMessage({ chunk, files: files.slice(from, to) } satisfies IngestChunk);
    return true;
  };
  const pool: Worker[] = [];
  try {
    await Promise.all(
      Array.from(
        { length: n },
        (_, w) =>
          new Promise<void>((resolve, reject) => {
            const job: IngestJob = { root, analyse, fileInfo, ...read, ...(claims ? { claims } : {}) };
            const worker = startWorker(job);
            pool.push(worker);
            let pending = 0;
            let finished = false;
            chunksOf[w] = 0;
            for (let k = 0; k < 2; k++) if (give(worker, w)) pending++;
            if (pending === 0) {
              finished = true;
              resolve();
            }
            worker.on('message', (m: IngestBatch) => {
              byChunk[m.chunk] = m;
              for (const [i, hash] of m.owned) if (!owners.has(hash)) owners.set(hash, m.articles[i]!);
              // A copy whose analysed twin is here already takes its annotations now, while the workers go on; the rest at the end.
              const ready: typeof deferred = [];
              for (const [i, hash] of m.deferred) (owners.has(hash) ? ready : deferred).push({ article: m.articles[i]!, hash });
              earlyFailures += completeDeferred(ready, owners, ANALYSERS);
              copiedEarly += ready.length;
              onFiles?.(m.files);
              chunksOf[w]!++;
              pending--;
              if (give(worker, w)) pending++;
              if (pending === 0 && !finished) {
                finished = true;
                finishedMs[w] = Math.round(performance.now() - started);
                resolve();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (!finished) reject(new Error(`ingest worker stopped early (exit code ${code})`));
            });
          }),
      ),
    );
  } finally {
    for (const worker of pool) void worker.terminate();
  }
  const merged: PooledIngest = { articles: [], warnings: [], failures: 0 };
  if (fileInfo) merged.files = { sizeMtime: new Float64Array(files.length * 2).fill(Number.NaN), sha1: new Array<string>(files.length) };
  for (let c = 0; c < chunks; c++) {
    const m = byChunk[c]!;
    for (const a of m.articles) merged.articles.push(a);
    merged.warnings.push(...m.warnings);
    merged.failures += m.failures;
    if (merged.files && m.fileInfo) {
      const from = ranges[c]![0];
      merged.files.sizeMtime.set(m.fileInfo.sizeMtime, from * 2);
      for (let i = 0; i < m.fileInfo.sha1.length; i++) merged.files.sha1[from + i] = m.fileInfo.sha1[i]!;
    }
  }
  const completing = performance.now();
  merged.failures += earlyFailures + completeDeferred(deferred, owners, ANALYSERS);
  const completeMs = Math.round(performance.now() - completing);
  // When the workers finished (ms after starting) and how many chunks each took: a worker that ends early idles a core.
  logger.debug({ workers: n, finishedMs, chunks: chunksOf, ...(claims ? { analysed: owners.size, copies: copiedEarly + deferred.length, completeMs } : {}) }, 'parallel ingest done');
  for (const w of merged.warnings) logger.warn({ file: w.file, reason: w.reason }, `Skipped corpus file ${w.file}: ${w.reason}`);
  return merged;
}

/** A long-lived ingest thread: reads and ingests one file at a time off the main thread. */
export interface IngestThread {
  /**
   * Ingests one file (as `ingestFile` does) on the thread.
   * @returns its articles (analysed with the default analysers when the thread was started with `analyse`) and warnings
   * @throws when the thread failed; it is then closed and the caller reads the file itself
   */
  ingest(absPath: string, corpusDir: string, followSymlinks: boolean): Promise<IngestedFile & { failures: number }>;
  /** Resolves once the thread has loaded the ingest code (it takes seconds); rejects if it fails to start. */
  readonly ready: Promise<void>;
  /** Stops the thread; pending files are rejected. */
  close(): Promise<void>;
}

/**
 * Starts one worker thread for the live corpus watcher, so reading, ingesting and analysing a
 * changed file (which can take seconds for a large one) does not stall the bot's event loop.
 * The thread does not keep the process alive.
 * @param analyse - also run the default analysers on the thread
 */
export function startIngestThread(analyse: boolean): IngestThread {
  const worker = startWorker({ serve: true, analyse });
  worker.unref();
  const pending = new Map<number, { resolve: (r: IngestedFile & { failures: number }) => void; reject: (e: Error) => void }>();
  let failed: Error | null = null;
  let next = 0;
  let started!: { resolve: () => void; reject: (e: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }));
  ready.catch(() => undefined);
  const fail = (err: Error) => {
    failed ??= err;
    started.reject(failed);
    for (const p of pending.values()) p.reject(failed);
    pending.clear();
  };
  worker.on('message', (m: IngestReply | { ready: true }) => {
    if ('ready' in m) return started.resolve();
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.result) p?.resolve({ ...m.result, failures: m.failures });
    else p?.reject(new Error(m.error ?? 'ingest failed'));
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`ingest thread stopped (exit code ${code})`)));
  return {
    ready,
    ingest(absPath, corpusDir, followSymlinks) {
      if (failed) return Promise.reject(failed);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, absPath, corpusDir, followSymlinks } satisfies IngestRequest);
      });
    },
    async close() {
      failed ??= new Error('ingest thread closed');
      await worker.terminate();
    },
  };
}
