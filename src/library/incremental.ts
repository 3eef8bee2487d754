/**
 * An incremental start: the snapshot of an earlier corpus plus the files that changed since.
 * Articles of unchanged files are taken from the snapshot as they are (text, structure and
 * annotations decoded lazily); added and changed files are ingested and analysed; articles of
 * removed files are dropped. The caller then marks copies and indexes the whole list exactly as
 * a cold start would, so the answers are the same as after a full re-ingest.
 */
import path from 'node:path';
import type { Analyser, Logger } from '../core/ports.js';
import type { Article } from '../core/types.js';
import * as ingest from '../ingest/index.js';
import type { CorpusKey } from './corpus-key.js';
import { ANALYSERS } from './analysers.js';
import { analyseArticle } from './indexed-library.js';
import { ingestInParallel, ingestWorkers } from './ingest-pool.js';

/** What an incremental start reused and redid. */
export interface IncrementalStats {
  /** Articles taken from the snapshot unchanged. */
  reused: number;
  /** Files read and ingested afresh (added or changed). */
  ingested: number;
  /** Files of the snapshot that are gone. */
  removed: number;
  /** True when the snapshot was rewritten for the new state (false: few changes, they are read again on the next start). */
  snapshotRewritten?: boolean;
}

/** The corpus as a cold start would have loaded it, and what it cost. */
export interface IncrementalCorpus {
  articles: Article[];
  warnings: ingest.CorpusWarning[];
  /** Analyser runs that threw on the ingested files. */
  failures: number;
  stats: IncrementalStats;
}

/** The file an article or warning id belongs to: the id itself, or a JSON export's path before `#n`. */
function fileOf(id: string, files: ReadonlySet<string>): string {
  if (files.has(id)) return id;
  const hash = id.lastIndexOf('#');
  return hash > 0 ? id.slice(0, hash) : id;
}

/** Groups items by the file they came from, keeping their order within each file. */
function byFile<T>(items: readonly T[], idOf: (item: T) => string, files: ReadonlySet<string>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const file = fileOf(idOf(item), files);
    let list = out.get(file);
    if (!list) out.set(file, (list = []));
    list.push(item);
  }
  return out;
}

/**
 * Loads the corpus from a snapshot of an earlier state plus the files that differ from it.
 * @param previous - per file of the snapshot, the key material it was built from (`CorpusKey.entries`)
 * @param stored - the snapshot's articles and warnings, in corpus order
 * @param current - the corpus as listed and hashed now
 */
export async function loadIncrementally(opts: {
  corpusDir: string;
  previous: ReadonlyMap<string, string>;
  stored: { articles: readonly Article[]; warnings: readonly ingest.CorpusWarning[] };
  current: CorpusKey;
  analysers: readonly Analyser[];
  logger: Logger;
  followSymlinks: boolean;
  workers?: number;
}): Promise<IncrementalCorpus> {
  const { corpusDir, previous, stored, current, analysers, logger } = opts;
  const files = current.files;
  const fileSet = new Set(files);
  const storedFiles = new Set(previous.keys());
  const changed = files.filter((f, i) => previous.get(f) !== current.entries[i]);
  const changedSet = new Set(changed);
  let removed = 0;
  for (const f of storedFiles) if (!fileSet.has(f)) removed++;

  // Fresh articles and warnings of the changed files, grouped by file.
  const fresh = new Map<string, Article[]>();
  const freshWarnings = new Map<string, ingest.CorpusWarning[]>();
  let failures = 0;
  const workers = ingestWorkers(changed.length, opts.workers);
  let analysed = false;
  let pooled: { articles: Article[]; warnings: ingest.CorpusWarning[] } | null = null;
  if (workers > 1) {
    const analyse = analysers === ANALYSERS;
    try {
      const read = { followSymlinks: opts.followSymlinks, realRoot: current.listing.realRoot };
      const result = await ingestInParallel(path.resolve(corpusDir), changed, workers, analyse, logger, read);
      pooled = result;
      failures += result.failures;
      analysed = analyse;
    } catch (err) {
      logger.warn({ reason: (err as Error).message }, 'parallel ingest failed; ingesting on one thread');
    }
  }
  if (pooled) {
    for (const [file, list] of byFile(pooled.articles, (a) => a.id, changedSet)) fresh.set(file, list);
    for (const [file, list] of byFile(pooled.warnings, (w) => w.file, changedSet)) freshWarnings.set(file, list);
  } else {
    const root = path.resolve(corpusDir);
    for (const rel of changed) {
      const result = await ingest.ingestFile(path.join(root, rel), root, {
        logger,
        followSymlinks: opts.followSymlinks,
        realRoot: current.listing.realRoot,
        listed: true,
      });
      fresh.set(rel, result.articles);
      const warnings = [...(result.warning ? [result.warning] : []), ...(result.warnings ?? [])];
      if (warnings.length) freshWarnings.set(rel, warnings);
    }
  }
  if (!analysed) for (const list of fresh.values()) for (const a of list) failures += analyseArticle(a, analysers).length;

  // Unchanged files keep what the snapshot holds for them; the list is rebuilt in corpus (path) order.
  const keptArticles = byFile(stored.articles, (a) => a.id, storedFiles);
  const keptWarnings = byFile(stored.warnings, (w) => w.file, storedFiles);
  const articles: Article[] = [];
  const warnings: ingest.CorpusWarning[] = current.listing.skipped.map((s) => {
    logger.warn({ file: s.file, reason: s.reason }, `Skipped corpus file ${s.file}: ${s.reason}`);
    return { file: s.file, reason: s.reason };
  });
  let reused = 0;
  for (const file of files) {
    const isChanged = changedSet.has(file);
    const list = (isChanged ? fresh.get(file) : keptArticles.get(file)) ?? [];
    for (const a of list) articles.push(a);
    if (!isChanged) reused += list.length;
    const w = (isChanged ? freshWarnings.get(file) : keptWarnings.get(file)) ?? [];
    for (const x of w) warnings.push({ file: x.file, reason: x.reason });
  }
  return { articles, warnings, failures, stats: { reused, ingested: changed.length, removed } };
}
