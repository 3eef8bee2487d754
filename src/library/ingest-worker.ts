/**
 * Worker thread for `ingestInParallel`: ingests (and, with the default analysers, analyses) a
 * contiguous slice of the corpus files and posts the articles back in batches.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ANALYSERS } from './analysers.js';
import { ingestFile, type CorpusWarning, type IngestedFile } from '../ingest/index.js';
import type { Article } from '../core/types.js';
import { analyseArticle } from './indexed-library.js';
import { AnalysisClaims, analysisHash } from './shared-analysis.js';

/** What the parent hands each worker. */
export interface IngestJob {
  root: string;
  files: string[];
  analyse: boolean;
  batch: number;
  /** The symlink rule the files were listed by; each read checks it again. */
  followSymlinks: boolean;
  realRoot: string;
  /** The table the workers share to analyse each syndicated copy once (see ./shared-analysis.ts); none: analyse every article. */
  claims?: SharedArrayBuffer;
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

/** One message back to the parent. */
export interface IngestBatch {
  articles: Article[];
  warnings: CorpusWarning[];
  failures: number;
  /** Index in `articles` and analysis hash of each one analysed after claiming its hash (a deferred copy takes its annotations). */
  owned: [number, string][];
  /** Index in `articles` and analysis hash of each copy left unanalysed: an article with the same hash was claimed first. */
  deferred: [number, string][];
  /** Files read since the previous batch (progress). */
  files: number;
  done: boolean;
}

async function run(job: IngestJob): Promise<void> {
  let articles: Article[] = [];
  let warnings: CorpusWarning[] = [];
  let failures = 0;
  let files = 0;
  let owned: [number, string][] = [];
  let deferred: [number, string][] = [];
  const claims = job.analyse && job.claims ? new AnalysisClaims(job.claims) : null;
  const flush = (done: boolean) => {
    parentPort!.postMessage({ articles, warnings, failures, owned, deferred, files, done } satisfies IngestBatch);
    articles = [];
    warnings = [];
    failures = 0;
    owned = [];
    deferred = [];
    files = 0;
  };
  for (const rel of job.files) {
    files++;
    const result = await ingestFile(path.join(job.root, rel), job.root, { followSymlinks: job.followSymlinks, realRoot: job.realRoot, listed: true });
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
    if (articles.length >= job.batch) flush(false);
  }
  flush(true);
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
  else void run(job);
}
