/**
 * Worker thread for `ingestInParallel`: ingests (and, with the default analysers, analyses) a
 * contiguous slice of the corpus files and posts the articles back in batches.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ANALYSERS } from '../analysers.js';
import { ingestFile, type CorpusWarning } from '../ingest/index.js';
import type { Article } from '../types.js';
import { analyseArticle } from './indexed-library.js';

/** What the parent hands each worker. */
export interface IngestJob {
  root: string;
  files: string[];
  analyse: boolean;
  batch: number;
  /** The symlink rule the files were listed by; each read checks it again. */
  followSymlinks: boolean;
  realRoot: string;
}

/** One message back to the parent. */
export interface IngestBatch {
  articles: Article[];
  warnings: CorpusWarning[];
  failures: number;
  done: boolean;
}

async function run(job: IngestJob): Promise<void> {
  let articles: Article[] = [];
  let warnings: CorpusWarning[] = [];
  let failures = 0;
  const flush = (done: boolean) => {
    parentPort!.postMessage({ articles, warnings, failures, done } satisfies IngestBatch);
    articles = [];
    warnings = [];
    failures = 0;
  };
  for (const rel of job.files) {
    const result = await ingestFile(path.join(job.root, rel), job.root, { followSymlinks: job.followSymlinks, realRoot: job.realRoot, listed: true });
    for (const article of result.articles) {
      if (job.analyse) failures += analyseArticle(article, ANALYSERS).length;
      articles.push(article);
    }
    if (result.warning) warnings.push(result.warning);
    if (result.warnings) warnings.push(...result.warnings);
    if (articles.length >= job.batch) flush(false);
  }
  flush(true);
}

if (parentPort) void run(workerData as IngestJob);
