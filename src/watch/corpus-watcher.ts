/**
 * The live corpus: watches CORPUS_DIR and re-ingests a file that is added, changed or removed,
 * then updates the running library in place, so new reporting is searchable within seconds and
 * without a restart.
 *
 * A file is read only once it is stable: after the last event for it, its size and mtime must
 * stay the same across one more debounce interval, and they are checked again after reading, so
 * a file still being written is neither read half nor read twice.
 *
 * Files that are ready together (a feed poll writes dozens a second) go to the library in one
 * batch of bounded size: each `applyChanges` re-indexes the library's delta segment, so a burst of
 * N files applied one at a time would cost N times the delta.
 *
 * Files are read, ingested and analysed on a worker thread, so a large or pathological file
 * does not stall the bot while it answers questions. Symbolic links follow the corpus rule
 * (`walkCorpus`): only to targets inside the corpus folder unless `followSymlinks`.
 */
import { realpathSync, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Analyser } from '../core/ports.js';
import { ANALYSERS } from '../library/analysers.js';
import type { Logger } from '../core/ports.js';
import { CORPUS_EXTENSIONS, ingestFile, isInside, OUTSIDE_LINK_REASON, walkCorpus } from '../ingest/index.js';
import { startIngestThread, type IngestThread } from '../library/ingest-pool.js';
import type { Article } from '../core/types.js';
import { isCorpusFile, isIgnoredPath } from './ignore.js';
import { changedMaterially } from './material-change.js';

/** What an ingest of one file gives (the shape of `ingestFile` in src/ingest). */
export interface FileIngest {
  articles: Article[];
  /** Why the file was skipped. */
  warning?: { file: string; reason: string };
  /** Entries of a JSON export that were skipped. */
  warnings?: Array<{ file: string; reason: string }>;
  /** The analysers already run on the articles (the library then does not run them again). */
  analysedWith?: readonly Analyser[];
}

/** Ingests one file; by default `src/ingest`'s `ingestFile` on a worker thread. */
export type IngestOne = (absPath: string, corpusDir: string) => Promise<FileIngest> | FileIngest;

/** The part of the indexed library the watcher updates. */
export interface LiveLibrary {
  readonly articles: readonly Article[];
  get(id: string): Article | undefined;
  applyChanges(changes: { upsert: Article[]; remove: string[]; analysedWith?: readonly Analyser[] }): unknown;
}

/** What one change to the corpus did to the library. */
export interface WatchSummary {
  /** The file (relative to the corpus, `/`-separated) or folder the change was about. */
  file: string;
  /** Articles added or whose text changed. */
  upserted: Article[];
  /** Ids of articles that are gone. */
  removed: string[];
  /** Ids among `upserted` that replaced an earlier version and changed materially (see material-change.ts): news again. */
  revised: string[];
}

/** Options for {@link watchCorpus}. */
export interface WatchOptions {
  corpusDir: string;
  library: LiveLibrary;
  logger: Logger;
  /** Quiet time after the last event before a file is looked at, and between stability checks. @defaultValue 300 */
  debounceMs?: number;
  /** Called after each change has been applied to the library (e.g. to record arrivals). */
  onChange?: (summary: WatchSummary) => void;
  /** Ingests one file. @defaultValue `ingestFile` from src/ingest, on a worker thread (on this one if the thread cannot start) */
  ingest?: IngestOne;
  /**
   * Follow symbolic links to targets outside the corpus folder too (`CORPUS_FOLLOW_SYMLINKS`), as
   * the initial load did. @defaultValue false
   */
  followSymlinks?: boolean;
  /**
   * Files the initial load skipped (their warnings were given then), e.g. `built.warnings`'
   * files. At start the watcher compares the folder with the library and reads files that
   * appeared while the corpus was loading; these are left alone until they change.
   */
  skipped?: readonly string[];
}

/** A running watcher. */
export interface CorpusWatcher {
  /**
   * Resolves once the watcher has caught up with the folder and its ingest thread has started
   * (seconds after a start), so a change made from then on is read without that wait.
   */
  ready(): Promise<void>;
  /** Stops watching and waits for work in progress. */
  close(): Promise<void>;
}

/** Defaults for {@link WatchOptions}. */
export const defaultWatchOptions = { debounceMs: 300 } as const;

interface FileState {
  timer?: NodeJS.Timeout;
  /** `size:mtime` seen at the previous check; equal twice in a row means the writer is done. */
  seen?: string;
}

/** Most files, and most changed articles, the library takes in one `applyChanges`. */
const MAX_BATCH_FILES = 256;
const MAX_BATCH_ARTICLES = 2000;

/** One file's change, read and waiting to go to the library with the rest of its batch. */
interface PendingChange {
  rel: string;
  upsert: Article[];
  remove: string[];
  revised: string[];
  analysedWith?: readonly Analyser[];
}

const toPosix = (p: string): string => p.split(path.sep).join('/');
const fileOfArticle = (id: string): string => id.split('#')[0]!;

/**
 * Starts watching the corpus folder (subfolders included).
 * @example
 * const watcher = watchCorpus({ corpusDir: './corpus', library, logger, onChange: (s) => digest.noteChanges(s) });
 * // … later
 * await watcher.close();
 */
export function watchCorpus(options: WatchOptions): CorpusWatcher {
  const corpusDir = path.resolve(options.corpusDir);
  const debounceMs = options.debounceMs ?? defaultWatchOptions.debounceMs;
  const { library, logger } = options;
  const files = new Map<string, FileState>();
  let queue: Promise<void> = Promise.resolve();
  let closed = false;

  // Which articles each file gave, so a change or removal replaces exactly those.
  const idsByFile = new Map<string, Set<string>>();
  for (const a of library.articles) {
    const f = fileOfArticle(a.id);
    (idsByFile.get(f) ?? idsByFile.set(f, new Set()).get(f)!).add(a.id);
  }

  const followSymlinks = options.followSymlinks === true;
  let realRoot = corpusDir;
  try {
    realRoot = realpathSync.native(corpusDir);
  } catch {
    // Checked again when files are read.
  }

  // The worker thread (started with the watch, below). If it cannot start at all, files are read on this thread;
  // if it fails on a file after working, that file is reported and the next one gets a fresh thread.
  let thread: IngestThread | null = null;
  let threadWorked = false;
  let threadUnavailable = false;
  const ingestOffThread: IngestOne = async (abs, dir) => {
    if (!threadUnavailable) {
      const current = (thread ??= startIngestThread(true));
      try {
        const { failures, ...result } = await current.ingest(abs, dir, followSymlinks);
        threadWorked = true;
        if (failures) logger.warn({ file: toPosix(path.relative(dir, abs)), failures }, 'some analysers failed on a changed file; those annotations are missing');
        return { ...result, analysedWith: ANALYSERS };
      } catch (err) {
        if (thread === current) thread = null;
        void current.close();
        if (threadWorked || closed) throw err;
        threadUnavailable = true;
        logger.warn({ reason: (err as Error).message }, 'corpus watcher: no ingest thread; changed files are read on the main thread');
      }
    }
    return ingestFile(abs, dir, { followSymlinks });
  };
  const ingestOne: IngestOne = options.ingest ?? ingestOffThread;

  const enqueue = (work: () => Promise<void>): void => {
    queue = queue.then(work).catch((err: unknown) => logger.error({ err: (err as Error).message }, 'corpus watcher: change not applied'));
  };

  const schedule = (rel: string, delay = debounceMs): void => {
    if (closed) return;
    const state = files.get(rel) ?? {};
    files.set(rel, state);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      queuedChecks++;
      enqueue(() => {
        queuedChecks--;
        return check(rel);
      });
    }, delay);
  };

  // The batch being gathered: per file, and the latest version of each article id across it (null: removed).
  let batch: PendingChange[] = [];
  let batchState = new Map<string, Article | null>();
  let batchArticles = 0;
  let flushTimer: NodeJS.Timeout | undefined;
  /** Checks waiting in the queue (not counting the one running). */
  let queuedChecks = 0;
  /** The version of an article the library will hold once the batch is applied. */
  const current = (id: string): Article | undefined => (batchState.has(id) ? (batchState.get(id) ?? undefined) : library.get(id));
  /** True while another file is waiting for its quiet interval or to be read: worth waiting for before applying. */
  const moreComing = (): boolean => queuedChecks > 0 || [...files.values()].some((s) => s.timer !== undefined);

  const flush = async (): Promise<void> => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (!batch.length) return;
    const done = batch;
    const state = batchState;
    batch = [];
    batchState = new Map();
    batchArticles = 0;
    const upsert: Article[] = [];
    const remove: string[] = [];
    for (const [id, article] of state) {
      if (article) upsert.push(article);
      else remove.push(id);
    }
    const analysedWith = done[0]!.analysedWith;
    await library.applyChanges(analysedWith ? { upsert, remove, analysedWith } : { upsert, remove });
    logger.info({ files: done.length, file: done[0]!.rel, upserted: upsert.length, removed: remove.length }, 'corpus changed; library updated');
    for (const c of done) {
      try {
        options.onChange?.({ file: c.rel, upserted: c.upsert, removed: c.remove, revised: c.revised });
      } catch (err) {
        logger.error({ err: (err as Error).message }, 'corpus watcher: onChange failed');
      }
    }
  };

  /** Adds one file's change to the batch; applies the batch when it is full or nothing else is on its way. */
  const apply = async (rel: string, upsert: Article[], remove: string[], analysedWith?: readonly Analyser[]): Promise<void> => {
    if (!upsert.length && !remove.length) return;
    // One batch, one claim about who analysed its articles.
    if (batch.length && batch[0]!.analysedWith !== analysedWith) await flush();
    // Judged against the version readers have (or will have once the batch lands), before it is replaced.
    const revised = upsert.filter((a) => {
      const previous = current(a.id);
      return previous !== undefined && changedMaterially(previous, a);
    });
    for (const id of remove) batchState.set(id, null);
    for (const a of upsert) batchState.set(a.id, a);
    batch.push({ rel, upsert, remove, revised: revised.map((a) => a.id), ...(analysedWith ? { analysedWith } : {}) });
    batchArticles += upsert.length + remove.length;
    if (batch.length >= MAX_BATCH_FILES || batchArticles >= MAX_BATCH_ARTICLES || !moreComing()) return flush();
    // More files are on their way: wait for them, but no longer than one quiet interval.
    flushTimer ??= setTimeout(() => {
      flushTimer = undefined;
      enqueue(flush);
    }, debounceMs);
  };

  /** Everything under `rel` (a file, or a folder that vanished) is gone. */
  const removeUnder = async (rel: string): Promise<void> => {
    const remove: string[] = [];
    for (const [file, ids] of idsByFile) {
      if (file === rel || file.startsWith(rel + '/')) {
        remove.push(...ids);
        idsByFile.delete(file);
      }
    }
    files.delete(rel);
    await apply(rel, [], remove);
  };

  /** Corpus files under `relDir` (relative, `/`-separated), by the same rule as the initial load. */
  const listFiles = async (relDir: string): Promise<string[]> => {
    try {
      return walkCorpus(corpusDir, CORPUS_EXTENSIONS, { followSymlinks, under: relDir }).files.filter(isCorpusFile);
    } catch {
      return []; // The corpus folder itself is gone or unreadable: nothing to list.
    }
  };

  /** Why `abs` must not be read under the symlink rule (a link, or a folder above it, leads outside), or undefined. */
  const refused = (abs: string): string | undefined => {
    if (followSymlinks) return undefined;
    try {
      return isInside(realpathSync.native(abs), realRoot) ? undefined : OUTSIDE_LINK_REASON;
    } catch {
      return undefined; // Gone: stat says so.
    }
  };

  const scanFolder = async (relDir: string): Promise<void> => {
    for (const rel of await listFiles(relDir)) schedule(rel);
  };

  /** Reads what the library is missing and drops what the folder no longer has. */
  const reconcile = async (): Promise<void> => {
    const skipped = new Set((options.skipped ?? []).map(fileOfArticle));
    const onDisk = new Set(await listFiles(''));
    for (const rel of onDisk) if (!idsByFile.has(rel) && !skipped.has(rel)) schedule(rel);
    for (const rel of idsByFile.keys()) if (!onDisk.has(rel)) schedule(rel);
  };

  const check = async (rel: string): Promise<void> => {
    if (closed) return;
    const abs = path.join(corpusDir, rel);
    const before = await stat(abs).catch(() => null);
    if (!before) return removeUnder(rel);
    const reason = refused(abs);
    if (reason) {
      // A link (or a folder above the file) now leads outside the corpus: what it gave is dropped.
      if (isCorpusFile(rel) || before.isDirectory()) logger.warn({ file: rel, reason }, 'skipped');
      return removeUnder(rel);
    }
    if (before.isDirectory()) return scanFolder(rel);
    if (!before.isFile() || !isCorpusFile(rel)) return;
    const state = files.get(rel) ?? {};
    files.set(rel, state);
    const sig = `${before.size}:${before.mtimeMs}`;
    if (state.seen !== sig) {
      // Still changing (or first look): look again after another quiet interval.
      state.seen = sig;
      schedule(rel);
      return;
    }
    logger.debug({ file: rel }, 'corpus watcher: reading a changed file');
    const result = await ingestOne(abs, corpusDir);
    logger.debug({ file: rel, articles: result.articles.length }, 'corpus watcher: changed file read');
    const after = await stat(abs).catch(() => null);
    if (!after || `${after.size}:${after.mtimeMs}` !== sig) {
      // Written to while we read it: discard this read and wait for the writer to finish.
      state.seen = undefined;
      schedule(rel);
      return;
    }
    files.delete(rel);
    for (const w of [...(result.warning ? [result.warning] : []), ...(result.warnings ?? [])]) {
      logger.warn({ file: w.file, reason: w.reason }, 'skipped');
    }
    const previous = idsByFile.get(rel) ?? new Set<string>();
    const now = new Set(result.articles.map((a) => a.id));
    const upsert = result.articles.filter((a) => current(a.id)?.contentHash !== a.contentHash);
    const remove = [...previous].filter((id) => !now.has(id));
    if (now.size) idsByFile.set(rel, now);
    else idsByFile.delete(rel);
    await apply(rel, upsert, remove, result.analysedWith);
  };

  // Events can be lost (a null file name, an overflowing queue): look at everything again.
  const rescan = (): void => {
    enqueue(async () => {
      for (const file of idsByFile.keys()) schedule(file);
      await scanFolder('');
    });
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(corpusDir, { recursive: true, persistent: false }, (_event, filename) => {
      if (closed) return;
      if (filename === null || filename === undefined) return rescan();
      const rel = toPosix(String(filename));
      if (isIgnoredPath(rel)) return;
      schedule(rel);
    });
  } catch (err) {
    logger.error({ err: (err as Error).message, corpusDir }, 'cannot watch the corpus folder; new articles need a restart');
    return { ready: async () => undefined, close: async () => undefined };
  }
  watcher.on('error', (err) => logger.error({ err: err.message, corpusDir }, 'corpus watcher error'));
  logger.info({ corpusDir }, 'watching the corpus for changes');
  // Started now rather than on the first change: loading the ingest code on a thread takes seconds, and the first
  // article dropped in should not wait for it.
  if (!options.ingest) thread = startIngestThread(true);
  // Files added or removed between loading the corpus and starting to watch it.
  enqueue(reconcile);

  const caughtUp = queue;
  return {
    async ready() {
      await caughtUp;
      await thread?.ready.catch(() => undefined);
    },
    async close() {
      closed = true;
      watcher.close();
      for (const s of files.values()) if (s.timer) clearTimeout(s.timer);
      files.clear();
      await queue;
      // What was read before the close still reaches the library.
      await flush().catch((err: unknown) => logger.error({ err: (err as Error).message }, 'corpus watcher: change not applied'));
      await thread?.close();
      thread = null;
    },
  };
}
