/**
 * Worker thread for `ingestInParallel`: ingests (and, with the default analysers, analyses) the
 * chunks of consecutive corpus files the parent sends, posting each chunk's articles back.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ANALYSERS } from './analysers.js';
import { ingestFile, type CorpusWarning, type IngestedFile } from '../ingest/index.js';
import type { Article } from '../core/types.js';
import { analyseArticle } from './indexed-library.js';
import { AnalysisClaims, analysisHash } from './shared-analysis.js';

/** What the parent hands each worker; the files then come in {@link IngestChunk}s. */
export interface IngestJob {
  root: string;
  analyse: boolean;
  /** Also report each file's size, mtime and SHA-1 (see `PooledIngest.files`). */
  fileInfo: boolean;
  /** The symlink rule the files were listed by; each read checks it again. */
  followSymlinks: boolean;
  realRoot: string;
  /** The table the workers share to analyse each syndicated copy once (see ./shared-analysis.ts); none: analyse every article. */
  claims?: SharedArrayBuffer;
}

/** A run of consecutive listed files for a worker to ingest; it answers with one {@link IngestBatch}. */
export interface IngestChunk {
  chunk: number;
  files: string[];
}

/** What the parent hands a long-lived worker (the live watcher's): files then come one by one as {@link IngestRequest}s. */
export interface ServeJob {
  serve: true;
  /** Also run the default analysers. */
  analyse: boolean;
}

/** One file for a long-lived worker. */
export interface IngestRequest {
  id: number;
  absPath: string;
  corpusDir: string;
  followSymlinks: boolean;
}

/** A long-lived worker's answer to one {@link IngestRequest}. */
export interface IngestReply {
  id: number;
  result?: IngestedFile;
  /** Analyser runs that threw. */
  failures: number;
  /** Set when ingest itself threw (a bug): the file is not applied. */
  error?: string;
}

/** One message back to the parent: the articles of one chunk. */
export interface IngestBatch {
  chunk: number;
  articles: Article[];
  warnings: CorpusWarning[];
  failures: number;
  /** Index in `articles` and analysis hash of each one analysed after claiming its hash (a deferred copy takes its annotations). */
  owned: [number, string][];
  /** Index in `articles` and analysis hash of each copy left unanalysed: an article with the same hash was claimed first. */
  deferred: [number, string][];
  /** Files read (progress). */
  files: number;
  /** With `fileInfo`: per file of the chunk, size and mtime (NaN when it was not read) and the SHA-1 of its bytes. */
  fileInfo?: { sizeMtime: Float64Array; sha1: string[] };
}

async function ingestChunk(job: IngestJob, claims: AnalysisClaims | null, { chunk, files }: IngestChunk): Promise<void> {
  const articles: Article[] = [];
  const warnings: CorpusWarning[] = [];
  let failures = 0;
  const owned: [number, string][] = [];
  const deferred: [number, string][] = [];
  const sizeMtime = job.fileInfo ? new Float64Array(files.length * 2).fill(Number.NaN) : null;
  const sha1 = job.fileInfo ? new Array<string>(files.length).fill('') : null;
  for (let f = 0; f < files.length; f++) {
    const onRead = sizeMtime
      ? (bytes: Buffer, size: number, mtimeMs: number) => {
          sizeMtime[2 * f] = size;
          sizeMtime[2 * f + 1] = mtimeMs;
          sha1![f] = createHash('sha1').update(bytes).digest('hex');
        }
      : undefined;
    const result = await ingestFile(path.join(job.root, files[f]!), job.root, {
      followSymlinks: job.followSymlinks,
      realRoot: job.realRoot,
      listed: true,
      ...(onRead ? { onRead } : {}),
    });
    for (const article of result.articles) {
      const hash = claims ? analysisHash(article) : '';
      if (claims && !claims.claim(hash)) {
        deferred.push([articles.length, hash]);
      } else if (job.analyse) {
        if (claims) owned.push([articles.length, hash]);
        failures += analyseArticle(article, ANALYSERS).length;
      }
      articles.push(article);
    }
    if (result.warning) warnings.push(result.warning);
    if (result.warnings) warnings.push(...result.warnings);
  }
  const batch: IngestBatch = { chunk, articles, warnings, failures, owned, deferred, files: files.length, ...(sizeMtime ? { fileInfo: { sizeMtime, sha1: sha1! } } : {}) };
  parentPort!.postMessage(batch, sizeMtime ? [sizeMtime.buffer] : []);
}

/** Ingests the chunks the parent sends, one after another, until it terminates the thread. */
function run(job: IngestJob): void {
  const claims = job.analyse && job.claims ? new AnalysisClaims(job.claims) : null;
  let queue = Promise.resolve();
  parentPort!.on('message', (chunk: IngestChunk) => {
    queue = queue.then(() => ingestChunk(job, claims, chunk));
  });
}

/** Serves one file at a time until the parent terminates the thread. */
function serve(job: ServeJob): void {
  // Loading this module (ingest and the analysers) is the slow part of starting; say when it is done.
  parentPort!.postMessage({ ready: true });
  parentPort!.on('message', (req: IngestRequest) => {
    ingestFile(req.absPath, req.corpusDir, { followSymlinks: req.followSymlinks })
      .then((result) => {
        let failures = 0;
        if (job.analyse) for (const article of result.articles) failures += analyseArticle(article, ANALYSERS).length;
        parentPort!.postMessage({ id: req.id, result, failures } satisfies IngestReply);
      })
      .catch((err: unknown) => parentPort!.postMessage({ id: req.id, failures: 0, error: String((err as Error)?.message ?? err) } satisfies IngestReply));
  });
}

if (parentPort) {
  const job = workerData as IngestJob | ServeJob;
  if ('serve' in job) serve(job);
  else run(job);
}
