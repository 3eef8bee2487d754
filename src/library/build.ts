/**
 * The library: the corpus loaded, analysed and indexed, cached as a snapshot under `DATA_DIR`
 * so a restart over an unchanged corpus does not re-ingest.
 *
 * @example
 * const { library, warnings } = await buildLibrary({ corpusDir: './corpus', logger });
 * library.search('gyumri earthquake', { limit: 5 });
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analyser } from '../core/ports.js';
import { ANALYSERS } from './analysers.js';
import type { Logger } from '../core/ports.js';
import { NewsdeskError } from '../core/errors.js';
import * as ingest from '../ingest/index.js';
import { corpusKey, manifestEntries, type CorpusKey } from './corpus-key.js';
import { readManifest, writeManifest, type FileManifest } from './corpus-manifest.js';
import { decodeDelta, deltaPath, ingestFiles, startIncrementally, type IncrementalStats, type IngestedFiles, type StoredDelta } from './incremental.js';
import { finishIncrementalStart } from './after-start.js';
import { markCopies, markCopiesSteps } from './fingerprints.js';
import { buildSegmentSteps } from '../search/segment.js';
import { ingestInParallel, ingestWorkers, type PooledIngest } from './ingest-pool.js';
import { MiniSearchLibrary } from './minisearch-library.js';
import type { SearchBackend } from '../search/index-port.js';
import { analyseArticle, SegmentedLibrary, type IndexedLibrary, type LibraryChanges } from './indexed-library.js';
import { decodeSnapshot, decodeSnapshotOfSalt, type SnapshotContents } from './snapshot.js';
import { readSnapshotBytes, readSnapshotChecked, type SnapshotBytes } from './snapshot-file.js';
import { SNAPSHOT_FORMAT, SnapshotError } from './snapshot-format.js';
import { removeStaleTempFiles } from './snapshot-temp.js';
import { writeSnapshotSteps } from './snapshot-write.js';
import type { Article } from '../core/types.js';
import { runStepsInTurns, takeTurns } from '../core/take-turns.js';

export type { IndexedLibrary, LibraryChanges, IncrementalStats };

/** A corpus file that was skipped, and why. */
export type CorpusWarning = ingest.CorpusWarning;

/** Options of `buildLibrary`. */
export interface BuildLibraryOptions {
  /** The corpus folder (subfolders are read). */
  corpusDir: string;
  /** Where the snapshot is cached. @defaultValue "./data" */
  dataDir?: string;
  logger: Logger;
  /** Run on every article; results go to `article.annotations[name]`. @defaultValue ANALYSERS */
  analysers?: readonly Analyser[];
  /** Read and write the snapshot cache. @defaultValue true */
  snapshot?: boolean;
  /** DATA_DIR cannot be written (the caller said so once): read a snapshot, never try to write one. @defaultValue false */
  readOnly?: boolean;
  /** Worker threads for a cold ingest. @defaultValue one per core for 8,000 files or more, else none */
  workers?: number;
  /**
   * Follow symbolic links to targets outside the corpus folder too (`CORPUS_FOLLOW_SYMLINKS`).
   * Links inside it are always followed. @defaultValue false
   */
  followSymlinks?: boolean;
  /** Receives how long each step took in milliseconds (benchmarks, start-up logs). */
  onTiming?: (step: BuildStep, ms: number) => void;
  /** Receives progress as the library loads (often, per file while ingesting: throttle what you show). */
  onProgress?: (progress: BuildProgress) => void;
  /**
   * Longest stretch of work, in milliseconds, between two turns of the event loop while the
   * corpus is analysed, compared for copies, indexed and snapshotted, so a bot that is already
   * connected answers meanwhile (0: a turn at every step). @defaultValue 25
   */
  turnMs?: number;
  /** The engine that answers search (`SEARCH_BACKEND`): `minisearch` for small corpora, `postgres` for a replica. @defaultValue "compact" */
  searchBackend?: SearchBackend;
  /** The archive database (`DATABASE_URL`) when `searchBackend` is `postgres`. */
  databaseUrl?: string;
}

/**
 * How far `buildLibrary` has come: `snapshot` (0 then 1 of 1) when reading the cached index,
 * `ingest` (files read of files listed), `index` (0 then all of the articles) while analysing and indexing.
 */
export interface BuildProgress {
  phase: 'snapshot' | 'ingest' | 'index';
  done: number;
  total: number;
}

/**
 * The steps of `buildLibrary` that `onTiming` reports (an incremental start may report `ingest` twice: before and after reading the snapshot).
 * `snapshotDecode` runs during `key` or `ingest` (while the corpus files are stat'ed) and is part of their time.
 */
export type BuildStep = 'key' | 'snapshotDecode' | 'snapshotRead' | 'ingest' | 'duplicates' | 'analysers' | 'index' | 'snapshotWrite';

/**
 * Reads and ingests the corpus, on worker threads when it is large; says whether the workers also
 * ran the analysers. Both paths read the same files by the same symlink rule and give the same
 * warnings: the links and folders the listing skipped, then the files, in path order.
 */
async function ingestCorpus(
  corpusDir: string,
  listing: ingest.CorpusListing | null,
  analysers: readonly Analyser[],
  logger: Logger,
  requestedWorkers: number | undefined,
  followSymlinks: boolean,
  onProgress: BuildLibraryOptions['onProgress'],
  fileInfo = false,
): Promise<{ articles: Article[]; warnings: CorpusWarning[]; analysed: boolean; failures: number; files?: PooledIngest['files'] }> {
  const list = listing ?? ingest.walkCorpus(corpusDir, ingest.CORPUS_EXTENSIONS, { followSymlinks });
  const workers = ingestWorkers(list.files.length, requestedWorkers);
  let read = 0;
  const onFiles = onProgress && ((files: number) => onProgress({ phase: 'ingest', done: (read += files), total: list.files.length }));
  onFiles?.(0);
  if (workers > 1) {
    // Workers can only run the built-in analysers (functions do not cross threads); others run here afterwards.
    const analyse = analysers === ANALYSERS;
    try {
      const pooled = await ingestInParallel(path.resolve(corpusDir), list.files, workers, analyse, logger, { followSymlinks, realRoot: list.realRoot }, onFiles, fileInfo);
      const skipped = list.skipped.map((w) => {
        logger.warn({ file: w.file, reason: w.reason }, `Skipped corpus file ${w.file}: ${w.reason}`);
        return { file: w.file, reason: w.reason };
      });
      return { ...pooled, warnings: [...skipped, ...pooled.warnings], analysed: analyse };
    } catch (err) {
      logger.warn({ reason: (err as Error).message }, 'parallel ingest failed; ingesting on one thread');
      read = 0;
    }
  }
  const { articles, warnings } = await ingest.loadCorpus(corpusDir, { logger, followSymlinks, ...(onFiles ? { onFile: () => onFiles(1) } : {}) });
  return { articles, warnings, analysed: false, failures: 0 };
}

/**
 * The hashes the ingest workers took of the files they read, as a manifest for `corpusKey`: it
 * then reads again only a file whose size or mtime differs now, one not read (NaN), or one
 * modified within moments of `hashedAt` (taken before the first read), as for any manifest.
 */
function workerManifest(listing: ingest.CorpusListing, files: NonNullable<PooledIngest['files']>, hashedAt: number): FileManifest {
  return { hashedAt, entries: manifestEntries(listing), stats: files.sizeMtime, hashes: files.sha1 };
}

/** What `buildLibrary` returns. */
export interface BuiltLibrary {
  library: IndexedLibrary;
  /** Files that were skipped (also when loaded from the snapshot, so they are reported on every start). */
  warnings: CorpusWarning[];
  /** True when the index came from the snapshot rather than a fresh ingest. */
  fromSnapshot: boolean;
  /** Set when a changed corpus was loaded from the snapshot plus the changed files only. */
  incremental?: IncrementalStats;
  /**
   * Settles when the work an incremental start does after answering is done (keeping the delta
   * beside the snapshot, or building the exact index and rewriting the snapshot); never rejects.
   */
  settled?: Promise<void>;
}

/** Source files whose changes alter what a snapshot holds: all of ingest (with the wink pipeline it splits sentences with), and the index builder. */
const FINGERPRINTED = [
  '../ingest/',
  '../core/wink',
  '../search/tokenize',
  '../search/fields',
  '../search/passages',
  '../search/rank',
  '../search/segment',
  '../search/invert',
  './fingerprints',
  './snapshot',
  './stored-article',
];

let codeFingerprint: string | null = null;

/**
 * A hash of the ingest and index-building code, so upgrading newsdesk rebuilds the snapshot
 * even when nobody remembered to bump a version (analysers have their own versions).
 */
function fingerprintCode(): string {
  if (codeFingerprint) return codeFingerprint;
  const hash = createHash('sha1');
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const entry of FINGERPRINTED) {
    const target = path.join(here, entry);
    const files = entry.endsWith('/')
      ? readdirSync(target).filter((f) => /\.(ts|js)$/.test(f)).sort().map((f) => path.join(target, f))
      : ['.ts', '.js'].map((ext) => target + ext).filter((f) => existsSync(f));
    // A moved module must not drop out of the fingerprint unnoticed (snapshots would then never rebuild).
    if (!files.length) throw new Error(`snapshot fingerprint: ${entry} is not there (was it moved?)`);
    for (const f of files) hash.update(path.basename(f)).update(readFileSync(f));
  }
  codeFingerprint = hash.digest('hex').slice(0, 16);
  return codeFingerprint;
}

/** Snapshot format, code fingerprint, symlink rule and analyser names and versions: a change in any rebuilds the snapshot. */
function analyserSalt(analysers: readonly Analyser[], followSymlinks: boolean): string {
  const links = followSymlinks ? ['symlinks=all'] : [];
  return [SNAPSHOT_FORMAT, `code@${fingerprintCode()}`, ...links, ...analysers.map((a) => `${a.name}@${a.version}`)].join('|');
}

/**
 * Below this share of changed files, an incremental start keeps serving the snapshot's segment
 * plus a delta segment, and keeps the delta in a small file beside the snapshot: rebuilding and
 * writing the whole snapshot costs about as much per article as ingesting costs per changed file,
 * two hundred times over (measured on the bench corpus). Past this share the exact index is
 * built and the snapshot rewritten, in the background.
 */
const REWRITE_SHARE = 0.005;

/** True when files superseding that many of the snapshot's are worth a rebuilt snapshot (see `REWRITE_SHARE`). */
function worthRewriting(superseded: number, articles: number): boolean {
  return superseded > Math.max(1, REWRITE_SHARE * articles);
}

/** Reads the delta beside a snapshot; null when there is none, it is stale, or damaged (said once). */
async function readDelta(bytes: Promise<Buffer | null>, base: string, salt: string, file: string, logger: Logger): Promise<StoredDelta | null> {
  try {
    const buf = await bytes;
    return buf ? decodeDelta(buf, base, salt) : null;
  } catch (err) {
    logger.warn({ file, reason: (err as Error).message }, 'index delta unusable; the changed files are read again');
    return null;
  }
}

/**
 * Has a damaged block of the snapshot's lazily read sections (found when first read) reported, and
 * the snapshot removed if it is still the file at its path, so the next start rebuilds it: its bytes
 * are never used (the read throws).
 */
function onDamage(snap: SnapshotContents, file: string, logger: Logger, readOnly: boolean): void {
  const region = snap.lazy;
  if (!region) return;
  region.onDamage = () => {
    const remove = !readOnly && region.file?.stillAtPath() === true;
    logger.warn({ file }, `index snapshot damaged (a section read on demand does not match its checksum)${remove ? '; removed, the next start rebuilds it' : ''}`);
    if (remove) rmSync(file, { force: true });
  };
}

/** The snapshot file for a corpus folder: one per folder, so two corpora never overwrite each other. */
export function snapshotPath(dataDir: string, corpusDir: string): string {
  const tag = createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(dataDir, `library-${tag}.snap`);
}

/**
 * Builds an indexed library from articles already ingested: marks syndicated copies, runs the
 * analysers, indexes passages.
 * @param analysers - @defaultValue ANALYSERS
 */
export function libraryFromArticles(articles: Article[], analysers: readonly Analyser[] = ANALYSERS): IndexedLibrary {
  markCopies(articles);
  for (const article of articles) analyseArticle(article, analysers);
  return SegmentedLibrary.fromArticles(articles, { analysers, markDuplicates: markCopies });
}

/**
 * Loads the corpus folder into an indexed library, from the snapshot when the folder is unchanged.
 * A damaged snapshot is reported and rebuilt; a read-only data folder only costs the cache.
 * @throws NewsdeskError (code `corpus`) when the corpus folder is missing
 */
export async function buildLibrary(opts: BuildLibraryOptions): Promise<BuiltLibrary> {
  if (opts.searchBackend === 'postgres') return (await import('./pg/pg-open.js')).replicaStart(opts.databaseUrl, opts.logger);
  if (opts.searchBackend === 'minisearch') {
    const built = await buildLibrary({ ...opts, searchBackend: 'compact' });
    return { ...built, library: new MiniSearchLibrary(built.library) };
  }
  const { corpusDir, logger } = opts;
  const analysers = opts.analysers ?? ANALYSERS;
  const useSnapshot = opts.snapshot ?? true;
  const followSymlinks = opts.followSymlinks === true;
  const info = await stat(corpusDir).catch(() => null);
  if (!info?.isDirectory()) throw new NewsdeskError(`Corpus folder not found: ${corpusDir}`, 'corpus');
  const dataDir = opts.dataDir ?? './data';
  const file = snapshotPath(dataDir, corpusDir);
  const manifestFile = file.replace(/\.snap$/, '.files.tsv');
  if (useSnapshot) removeStaleTempFiles(dataDir, logger);
  const salt = analyserSalt(analysers, followSymlinks);
  // A snapshot of an earlier state of the corpus is reused in part only under the same salt.
  const saltKey = createHash('sha256').update(salt).digest('hex').slice(0, 32);
  let key: string | null = null;
  let keyed: CorpusKey | null = null;
  let earlier: SnapshotContents | null = null;
  let stored: StoredDelta | null = null;
  let early: IngestedFiles | null = null;
  const turnMs = opts.turnMs ?? 25;
  const deltaFile = deltaPath(file);
  let listing: ingest.CorpusListing | null = null;
  let clock = performance.now();
  const lap = (step: BuildStep) => {
    const now = performance.now();
    opts.onTiming?.(step, now - clock);
    clock = now;
  };

  // With no snapshot yet there is nothing to compare a key with before ingesting: the key (which reads every
  // file once) is only needed to write the snapshot. Ingest worker threads, which read every file anyway, hash
  // what they read; the key then takes those hashes as a manifest and reads only files that changed meanwhile.
  // Without workers, it is computed alongside the ingest.
  let lateKey: Promise<Awaited<ReturnType<typeof corpusKey>>> | null = null;
  let keyFromWorkers = false;
  const ingestStarted = Date.now();
  if (useSnapshot && !existsSync(file)) {
    listing = ingest.walkCorpus(corpusDir, ingest.CORPUS_EXTENSIONS, { followSymlinks });
    keyFromWorkers = ingestWorkers(listing.files.length, opts.workers) > 1;
    if (!keyFromWorkers) {
      lateKey = corpusKey(corpusDir, ingest.CORPUS_EXTENSIONS, salt, readManifest(manifestFile), { followSymlinks });
      lateKey.catch(() => undefined);
    }
  } else if (useSnapshot) {
    opts.onProgress?.({ phase: 'snapshot', done: 0, total: 1 });
    // The snapshot is read and checksummed on a thread of its own while this thread stats the corpus files.
    const bytes = readSnapshotChecked(file);
    bytes.catch(() => undefined);
    const deltaBytes = readSnapshotBytes(deltaFile);
    deltaBytes.catch(() => undefined);
    const keying = corpusKey(corpusDir, ingest.CORPUS_EXTENSIONS, salt, () => readManifest(manifestFile), { followSymlinks });
    keying.catch(() => undefined);
    // Decoded as soon as it is read, while the corpus files are still being stat'ed on their thread: a snapshot of
    // this salt is of this corpus or of an earlier state of it, which the key tells once known. Another one waits for the key.
    const decoding = bytes.then((read): { decoded: SnapshotContents } | { read: SnapshotBytes } | null => {
      if (!read) return null;
      const t = performance.now();
      const decoded = decodeSnapshotOfSalt(read, saltKey);
      if (!decoded) return { read };
      opts.onTiming?.('snapshotDecode', performance.now() - t);
      return { decoded };
    });
    decoding.catch(() => undefined);
    const computed = await keying;
    key = computed.key;
    keyed = computed;
    listing = computed.listing;
    lap('key');
    // Files new to the manifest are most likely new to the snapshot too: when they are few, they are read
    // while the snapshot is (a cold disk makes that seconds); the incremental start uses those that differ.
    if (computed.newContent.length && computed.newContent.length <= Math.max(64, REWRITE_SHARE * computed.files.length)) {
      early = await ingestFiles(corpusDir, computed.newContent, computed, analysers, logger, followSymlinks, turnMs, opts.workers);
      lap('ingest');
    }
    try {
      const got = await decoding;
      let snap: SnapshotContents | null = null;
      if (got && 'read' in got) snap = decodeSnapshot(got.read, key, saltKey);
      else if (got) {
        snap = got.decoded;
        snap.exact = snap.key === key;
      }
      if (snap) onDamage(snap, file, logger, opts.readOnly === true);
      if (snap && !snap.exact) {
        earlier = snap;
        stored = await readDelta(deltaBytes, snap.key, saltKey, deltaFile, logger);
      }
      lap('snapshotRead');
      if (snap?.exact) {
        if (computed.hashed > 0) writeManifest(manifestFile, computed.manifest, logger);
        // A delta belongs to a state after the snapshot's; back at the snapshot's state, it is stale.
        if (!opts.readOnly) rmSync(deltaFile, { force: true });
        logger.debug({ files: computed.files.length, hashed: computed.hashed }, 'corpus key computed');
        const warnings = Array.isArray(snap.extra) ? (snap.extra as CorpusWarning[]) : [];
        const library = new SegmentedLibrary(snap.segment, { analysers, markDuplicates: markCopies, version: snap.version });
        logger.debug({ file, articles: library.articles.length }, 'library loaded from snapshot');
        opts.onProgress?.({ phase: 'snapshot', done: 1, total: 1 });
        return { library, warnings, fromSnapshot: true };
      }
    } catch (err) {
      const reason = err instanceof SnapshotError ? err.message : (err as Error).message;
      logger.warn({ file, reason }, 'index snapshot unusable; rebuilding');
    }
    // The incremental start saves it after answering; a full rebuild does now.
    if (!earlier) writeManifest(manifestFile, computed.manifest, logger);
  }

  clock = performance.now();
  if (earlier && keyed) {
    // The corpus changed since the snapshot: answer from it plus a delta of the changed files, ingested alone.
    const current = keyed;
    opts.onProgress?.({ phase: 'index', done: 0, total: earlier.segment.articles.length });
    const start = await startIncrementally({
      corpusDir, base: earlier, stored, current, analysers, logger, followSymlinks, turnMs,
      version: current.key,
      early,
      ...(opts.workers === undefined ? {} : { workers: opts.workers }),
      onStep: lap,
    });
    lap('index');
    if (start.failures) logger.warn({ failures: start.failures }, 'some analysers failed on some articles; those annotations are missing');
    const library = start.library;
    const merge = worthRewriting(start.superseded, library.articles.length);
    const write = useSnapshot && !opts.readOnly;
    start.stats.snapshotRewritten = merge && write;
    logger.debug({ file, ...start.stats }, 'library loaded from snapshot plus changed files');
    opts.onProgress?.({ phase: 'index', done: library.articles.length, total: library.articles.length });
    const settled = finishIncrementalStart({
      start, merge, write, current, salt: saltKey, snapshotFile: file, turnMs, logger,
      saveManifest: () => writeManifest(manifestFile, current.manifest, logger),
    }).then(() => undefined);
    return { library, warnings: start.warnings, fromSnapshot: false, incremental: start.stats, settled };
  }
  const ingested = await ingestCorpus(corpusDir, listing, analysers, logger, opts.workers, followSymlinks, opts.onProgress, keyFromWorkers);
  const { articles, warnings, analysed, failures: workerFailures } = ingested;
  lap('ingest');
  if (keyFromWorkers && listing) {
    // Started now, it stats the files on its own thread while this one marks copies and indexes; awaited before the snapshot is written.
    const read = ingested.files ? workerManifest(listing, ingested.files, ingestStarted) : readManifest(manifestFile);
    lateKey = corpusKey(corpusDir, ingest.CORPUS_EXTENSIONS, salt, read, { followSymlinks });
    lateKey.catch(() => undefined);
  }
  const keying = async () => {
    if (!lateKey) return;
    try {
      const computed = await lateKey;
      key = computed.key;
      keyed = computed;
      writeManifest(manifestFile, computed.manifest, logger);
      logger.debug({ files: computed.files.length, hashed: computed.hashed }, 'corpus key computed');
    } catch (err) {
      // Without a key there is no snapshot this time; the library itself is fine.
      logger.warn({ reason: (err as Error).message }, 'could not hash the corpus; no index snapshot written');
    }
    lap('key');
  };
  if (!keyFromWorkers) await keying();
  opts.onProgress?.({ phase: 'index', done: 0, total: articles.length });
  // From here to the snapshot written, every long step hands the event loop back now and then, so a
  // bot that is already connected keeps acknowledging commands in time while a large corpus is indexed.
  await runStepsInTurns(markCopiesSteps(articles), turnMs);
  lap('duplicates');
  let failures = workerFailures;
  if (!analysed) {
    const turn = takeTurns(turnMs);
    for (const article of articles) {
      failures += analyseArticle(article, analysers).length;
      await turn();
    }
  }
  if (failures) logger.warn({ failures }, 'some analysers failed on some articles; those annotations are missing');
  lap('analysers');
  const segment = await runStepsInTurns(buildSegmentSteps(articles), turnMs);
  lap('index');
  if (keyFromWorkers) await keying();
  const version = key ?? createHash('sha256').update(salt).update(articles.map((a) => a.contentHash).join()).digest('hex').slice(0, 32);
  const library = new SegmentedLibrary(segment, { analysers, markDuplicates: markCopies, version });
  opts.onProgress?.({ phase: 'index', done: articles.length, total: articles.length });
  const plainWarnings = warnings.map((w) => ({ file: w.file, reason: w.reason }));
  if (useSnapshot && key && !opts.readOnly) {
    try {
      const source = keyed ? { salt: saltKey, files: keyed.files, entries: keyed.entries } : undefined;
      await runStepsInTurns(writeSnapshotSteps(file, library.mainSegment, key, version, plainWarnings, source), turnMs);
      // A delta beside the snapshot it replaced completes that one only.
      rmSync(deltaFile, { force: true });
      lap('snapshotWrite');
    } catch (err) {
      logger.warn({ file, reason: (err as Error).message }, 'could not write the index snapshot; the next start re-ingests');
    }
  }
  return { library, warnings: plainWarnings, fromSnapshot: false };
}
