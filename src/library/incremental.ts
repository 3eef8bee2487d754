/**
 * An incremental start: the snapshot of an earlier corpus, the delta the previous start wrote
 * beside it, and the files that changed since. The library answers at once from the snapshot's
 * segment, with the articles of changed and removed files masked out, plus a small delta segment
 * of the changed files' new versions: the live watcher's shape, with its guarantees (every
 * snippet verbatim, every article found). Building the one exact segment a cold start would
 * build is left to the caller, in the background (see build.ts), and only when the delta is large.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Analyser, Logger } from '../core/ports.js';
import type { Article } from '../core/types.js';
import * as ingest from '../ingest/index.js';
import type { CorpusKey } from './corpus-key.js';
import { ANALYSERS } from './analysers.js';
import { markCopies, markCopiesDeltaSteps } from './fingerprints.js';
import { analyseArticle, SegmentedLibrary } from './indexed-library.js';
import { ingestInParallel, ingestWorkers } from './ingest-pool.js';
import { buildSegmentSteps, type Segment } from '../search/segment.js';
import { decodeSnapshot, type SnapshotContents } from './snapshot.js';
import { writeSnapshotSteps } from './snapshot-write.js';
import { runStepsInTurns, takeTurns, type Steps } from '../core/take-turns.js';

/** What an incremental start reused and redid. */
export interface IncrementalStats {
  /** Articles taken from the snapshot (or the delta beside it) unchanged. */
  reused: number;
  /** Files read and ingested afresh (added or changed). */
  ingested: number;
  /** Files of the snapshot that are gone. */
  removed: number;
  /**
   * True when the whole snapshot is rebuilt and rewritten for the new state, in the background;
   * false when the changes are kept in a small delta file beside it instead.
   */
  snapshotRewritten?: boolean;
}

/** A delta file's `extra` (in its footer): what it holds besides its articles and their files. */
interface DeltaExtra {
  delta: 1;
  /** Key of the snapshot it applies to. */
  base: string;
  /** Files of that snapshot that are gone. */
  removed: string[];
  /** Every warning of the corpus state the delta completes. */
  warnings: ingest.CorpusWarning[];
  /** Snapshot articles (by their number there) whose copy mark the changes altered: the mark now (null: none). */
  copies: Array<[number, string | null]>;
}

/** The delta beside a snapshot: the articles of the files changed since it, and what else differs. */
export interface StoredDelta {
  /** Corpus key of the state snapshot plus delta stand for. */
  key: string;
  segment: Segment;
  /** Per changed or added file, its key material (`CorpusKey.entries`). */
  files: Map<string, string>;
  removed: Set<string>;
  warnings: ingest.CorpusWarning[];
  copies: Array<[number, string | null]>;
}

/** The delta file beside a snapshot file. */
export function deltaPath(snapshotFile: string): string {
  return snapshotFile.replace(/\.snap$/, '.delta.snap');
}

/**
 * Decodes a delta file if it completes the snapshot of key `base` under `salt`.
 * @returns null when it belongs to another snapshot or salt (it is then stale)
 * @throws SnapshotError when damaged
 */
export function decodeDelta(buf: Buffer, base: string, salt: string): StoredDelta | null {
  const snap = decodeSnapshot(buf, null, undefined, true);
  const extra = snap?.extra as Partial<DeltaExtra> | undefined;
  if (!snap || snap.salt !== salt || extra?.delta !== 1 || extra.base !== base) return null;
  if (!Array.isArray(extra.removed) || !Array.isArray(extra.warnings) || !Array.isArray(extra.copies)) return null;
  return { key: snap.key, segment: snap.segment, files: snap.files, removed: new Set(extra.removed), warnings: extra.warnings, copies: extra.copies };
}

/** What {@link writeDeltaSteps} writes: the state's key, its delta articles' segment and the files it differs from the snapshot in. */
export interface DeltaToWrite {
  base: string;
  segment: Segment;
  files: string[];
  /** Aligned with `files`. */
  entries: string[];
  removed: string[];
  warnings: ingest.CorpusWarning[];
  copies: Array<[number, string | null]>;
}

/** Writes a delta file (the snapshot format, over the delta segment) as steps; see `writeSnapshotSteps`. */
export function writeDeltaSteps(file: string, delta: DeltaToWrite, key: string, version: string, salt: string): Steps<number> {
  const extra: DeltaExtra = { delta: 1, base: delta.base, removed: delta.removed, warnings: delta.warnings, copies: delta.copies };
  return writeSnapshotSteps(file, delta.segment, key, version, extra, { salt, files: delta.files, entries: delta.entries });
}

/** The file an article or warning id belongs to: the id itself, or a JSON export's path before `#n`. */
function fileOf(id: string, files: ReadonlySet<string> | ReadonlyMap<string, unknown>): string {
  if (files.has(id)) return id;
  const hash = id.lastIndexOf('#');
  return hash > 0 ? id.slice(0, hash) : id;
}

/** Groups items by the file they came from, keeping their order within each file. */
function byFile<T>(items: readonly T[], idOf: (item: T) => string, files: ReadonlySet<string> | ReadonlyMap<string, unknown>): Map<string, T[]> {
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
 * A snapshot's file list (`path TAB entry` lines in path order) walked alongside the corpus listing
 * (in the same order): per listed file, whether the snapshot had it and with the same entry, with
 * no string made for a file whose line matches; its files passed over are those gone since. Should
 * the two orders disagree, a file is only counted gone and new at once, so read again: never kept
 * when it changed.
 */
export class FileLinesCursor {
  private at = 0;
  /** The snapshot's files not in the listing (once {@link finish}ed). */
  readonly gone: string[] = [];
  /** The snapshot's files seen so far (all, once finished). */
  lines = 0;

  constructor(private readonly text: string) {}

  /** 0 when the snapshot has no `file`, 1 when it has it with `entry`, 2 with another entry; call in path order. */
  find(file: string, entry: string): 0 | 1 | 2 {
    const t = this.text;
    while (this.at < t.length) {
      const at = this.at;
      let nl = t.indexOf('\n', at);
      if (nl < 0) nl = t.length;
      if (t.startsWith(file, at) && t.charCodeAt(at + file.length) === 9) {
        const e = at + file.length + 1;
        this.at = nl + 1;
        this.lines++;
        return nl - e === entry.length && t.startsWith(entry, e) ? 1 : 2;
      }
      const tab = t.indexOf('\t', at);
      // A line without a path (none is written so) is not a file.
      if (tab <= at || tab > nl) {
        this.at = nl + 1;
        continue;
      }
      const path = t.slice(at, tab);
      if (path > file) return 0;
      this.gone.push(path);
      this.lines++;
      this.at = nl + 1;
    }
    return 0;
  }

  /** Passes over the rest: the snapshot's files after the last listed one are gone. */
  finish(): void {
    const t = this.text;
    while (this.at < t.length) {
      const at = this.at;
      let nl = t.indexOf('\n', at);
      if (nl < 0) nl = t.length;
      const tab = t.indexOf('\t', at);
      if (tab > at && tab < nl) {
        this.gone.push(t.slice(at, tab));
        this.lines++;
      }
      this.at = nl + 1;
    }
  }
}

/** Files ingested and analysed: per file its articles (an entry for every file read) and warnings. */
export interface IngestedFiles {
  fresh: Map<string, Article[]>;
  warnings: Map<string, ingest.CorpusWarning[]>;
  /** Analyser runs that threw. */
  failures: number;
}

/**
 * Ingests and analyses some corpus files (on worker threads when there are many), handing the
 * event loop back between articles.
 * @param changed - paths relative to the corpus, as listed in `current`
 */
export async function ingestFiles(
  corpusDir: string,
  changed: string[],
  current: CorpusKey,
  analysers: readonly Analyser[],
  logger: Logger,
  followSymlinks: boolean,
  turnMs: number,
  requestedWorkers?: number,
): Promise<IngestedFiles> {
  const changedSet = new Set(changed);
  const fresh = new Map<string, Article[]>();
  const freshWarnings = new Map<string, ingest.CorpusWarning[]>();
  let failures = 0;
  const workers = ingestWorkers(changed.length, requestedWorkers);
  let analysed = false;
  let pooled: { articles: Article[]; warnings: ingest.CorpusWarning[] } | null = null;
  if (workers > 1) {
    const analyse = analysers === ANALYSERS;
    try {
      const read = { followSymlinks, realRoot: current.listing.realRoot };
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
    for (const f of changed) if (!fresh.has(f)) fresh.set(f, []);
  } else {
    const root = path.resolve(corpusDir);
    for (const rel of changed) {
      const result = await ingest.ingestFile(path.join(root, rel), root, { logger, followSymlinks, realRoot: current.listing.realRoot, listed: true });
      fresh.set(rel, result.articles);
      const warnings = [...(result.warning ? [result.warning] : []), ...(result.warnings ?? [])];
      if (warnings.length) freshWarnings.set(rel, warnings);
    }
  }
  if (!analysed) {
    // Analysing is the costly part of a changed file: the loop hands the event loop back between articles.
    const turn = takeTurns(turnMs);
    for (const list of fresh.values()) {
      for (const a of list) {
        failures += analyseArticle(a, analysers).length;
        await turn();
      }
    }
  }
  return { fresh, warnings: freshWarnings, failures };
}

/** What {@link startIncrementally} gives: a library that answers now, and what the caller may do later. */
export interface IncrementalStart {
  library: SegmentedLibrary;
  warnings: ingest.CorpusWarning[];
  /** Analyser runs that threw on the ingested files. */
  failures: number;
  stats: IncrementalStats;
  /** Files whose snapshot articles are replaced or gone: how far the state has moved from the snapshot. */
  superseded: number;
  /** Every live article in corpus (path) order: what a cold start indexes, for a merge. */
  corpusOrder: () => Article[];
  /** The delta to write beside the snapshot; null when the one there already says it all. */
  delta: DeltaToWrite | null;
}

/**
 * Loads the corpus from a snapshot of an earlier state (plus the delta beside it) and the files
 * that differ from that state: the articles of unchanged files are the snapshot's (its segment
 * answers for them as it is); those of changed and added files are ingested into a delta segment.
 * @param base - the snapshot, with its file list (`exact` false)
 * @param stored - the delta beside it, when it belongs to it
 * @param current - the corpus as listed and hashed now
 * @param version - the version of the library once its index is exact (the corpus key)
 * @param onStep - told when ingesting and marking copies are done (for `onTiming`)
 * @param early - files already ingested (those new to the manifest, read while the snapshot was); used for those that changed
 */
export async function startIncrementally(opts: {
  corpusDir: string;
  base: SnapshotContents;
  stored: StoredDelta | null;
  current: CorpusKey;
  version: string;
  analysers: readonly Analyser[];
  logger: Logger;
  followSymlinks: boolean;
  turnMs: number;
  workers?: number;
  onStep?: (step: 'ingest' | 'duplicates') => void;
  early?: IngestedFiles | null;
}): Promise<IncrementalStart> {
  const { base, stored, current, logger } = opts;
  const files = current.files;
  const baseWarnings = Array.isArray(base.extra) ? (base.extra as ingest.CorpusWarning[]) : [];
  // One pass over the corpus (100,000 files make every extra pass count): the files that differ from the state
  // the snapshot plus its delta stand for, the files of the delta that are still there, and how many of the snapshot's are.
  const changed: string[] = [];
  const inDelta = new Map<string, string>();
  let inBase = 0;
  let inPrevious = 0;
  // The snapshot's file list, walked alongside (no map of 100,000 paths), or looked up when only the map is there.
  const cursor = base.fileLines ? new FileLinesCursor(base.fileLines()) : null;
  /** Files of the delta that the snapshot has too (for those still listed). */
  const deltaInBase = new Set<string>();
  const deltaListed = new Set<string>();
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    const entry = current.entries[i]!;
    // 0: not in the snapshot; 1: there with this entry; 2: there with another.
    let then: 0 | 1 | 2;
    if (cursor) then = cursor.find(f, entry);
    else {
      const e = base.files.get(f);
      then = e === undefined ? 0 : e === entry ? 1 : 2;
    }
    if (then !== 0) inBase++;
    const delta = stored?.files.get(f);
    if (delta !== undefined) {
      deltaListed.add(f);
      if (then !== 0) deltaInBase.add(f);
    }
    // What the state of snapshot plus delta holds for the file: present or not, and the same entry or not.
    const present = delta !== undefined ? true : stored?.removed.has(f) ? false : then !== 0;
    const same = delta !== undefined ? delta === entry : present && then === 1;
    if (present) inPrevious++;
    if (!same) {
      changed.push(f);
      inDelta.set(f, entry);
    } else if (delta !== undefined) inDelta.set(f, entry);
  }
  cursor?.finish();
  const baseSize = cursor ? cursor.lines : base.files.size;
  const changedSet = new Set(changed);
  // Files of that state that are gone now.
  const previousSize = stored
    ? baseSize - stored.removed.size + [...stored.files.keys()].filter((f) => !(deltaListed.has(f) ? deltaInBase.has(f) : base.files.has(f))).length
    : baseSize;
  const removed = previousSize - inPrevious;
  // Files of the snapshot that are gone (their articles are masked, whether the delta said so already or not).
  let gone: string[] = [];
  if (cursor) gone = cursor.gone;
  else if (inBase < base.files.size) {
    const fileSet = new Set(files);
    for (const f of base.files.keys()) if (!fileSet.has(f)) gone.push(f);
  }

  const early = opts.early;
  const { fresh, warnings: freshWarnings, failures: lateFailures } = await ingestFiles(
    opts.corpusDir, early ? changed.filter((f) => !early.fresh.has(f)) : changed, current, opts.analysers, logger, opts.followSymlinks, opts.turnMs, opts.workers,
  );
  let failures = lateFailures;
  if (early) {
    for (const f of changed) {
      const list = early.fresh.get(f);
      if (!list) continue;
      fresh.set(f, list);
      const w = early.warnings.get(f);
      if (w) freshWarnings.set(f, w);
    }
    failures += early.failures;
  }
  opts.onStep?.('ingest');

  // The snapshot's articles of files in the delta (replaced by its or fresh ones) or gone are masked.
  const main = base.segment;
  const before = main.articles.map((a) => a.duplicateOf);
  let reused = 0;
  if (inDelta.size || gone.length) {
    const masked = new Set([...inDelta.keys(), ...gone]);
    const articles = main.articles;
    for (let i = 0; i < articles.length; i++) {
      const id = articles[i]!.id;
      // Most ids are their file's path; only an id with `#` can be an entry of a JSON export.
      if (masked.has(id) || (id.includes('#') && masked.has(fileOf(id, base.files)))) main.deleted[i] = 1;
      else reused++;
    }
  } else reused = main.articles.length;

  // The delta's articles, in corpus order: fresh for changed files, the stored delta's for the rest of its files.
  const storedByFile = stored ? byFile(stored.segment.articles, (a) => a.id, stored.files) : new Map<string, Article[]>();
  const deltaByFile = new Map<string, Article[]>();
  const deltaArticles: Article[] = [];
  // `inDelta` holds the files in corpus order: changed ones and the stored delta's were added in one pass over `files`.
  for (const f of inDelta.keys()) {
    const list = (changedSet.has(f) ? fresh.get(f) : storedByFile.get(f)) ?? [];
    if (!changedSet.has(f)) reused += list.length;
    deltaByFile.set(f, list);
    deltaArticles.push(...list);
  }

  const unchanged = stored !== null && changed.length === 0 && removed === 0;
  let copies: Array<[number, string | null]>;
  if (unchanged) {
    // The state the delta was written for: its copy marks are still right.
    for (const [i, mark] of stored.copies) {
      const a = main.articles[i];
      if (!a) continue;
      if (mark === null) delete a.duplicateOf;
      else a.duplicateOf = mark;
    }
    copies = stored.copies;
  } else {
    // The snapshot's articles carry the marks of a full pass over them: only the groups near the masked and the
    // delta's articles are compared again (the same marks as a full pass over the live ones, at a fraction of its cost).
    const live: Article[] = [];
    const masked: Article[] = [];
    main.articles.forEach((a, i) => (main.deleted[i] ? masked : live).push(a));
    await runStepsInTurns(markCopiesDeltaSteps([...live, ...deltaArticles], masked, new Set(deltaArticles)), opts.turnMs);
    copies = [];
    main.articles.forEach((a, i) => {
      if (!main.deleted[i] && a.duplicateOf !== before[i]) copies.push([i, a.duplicateOf ?? null]);
    });
  }
  opts.onStep?.('duplicates');

  const deltaSegment = unchanged ? stored.segment : await runStepsInTurns(buildSegmentSteps(deltaArticles, stored?.segment), opts.turnMs);
  // Snapshot plus delta answer a little differently from one exact index over the same articles (see module comment): another version.
  const version = inDelta.size || gone.length ? createHash('sha256').update(opts.version).update('\u0000delta').digest('hex').slice(0, 32) : opts.version;
  const library = new SegmentedLibrary(main, { analysers: opts.analysers, markDuplicates: markCopies, version }, deltaSegment);

  // Warnings: the listing's, then per file those it gave when it was last read, in corpus order.
  const storedWarnings = stored ? stored.warnings : baseWarnings;
  const warnings: ingest.CorpusWarning[] = current.listing.skipped.map((s) => {
    logger.warn({ file: s.file, reason: s.reason }, `Skipped corpus file ${s.file}: ${s.reason}`);
    return { file: s.file, reason: s.reason };
  });
  if (storedWarnings.length || freshWarnings.size) {
    const known = new Set(files);
    for (const f of stored?.files.keys() ?? []) known.add(f);
    for (const f of base.files.keys()) known.add(f);
    const kept = byFile(storedWarnings, (w) => w.file, known);
    for (const file of files) {
      for (const x of (changedSet.has(file) ? freshWarnings.get(file) : kept.get(file)) ?? []) warnings.push({ file: x.file, reason: x.reason });
    }
  }

  const corpusOrder = (): Article[] => {
    const live = byFile(main.articles.filter((_, i) => !main.deleted[i]), (a) => a.id, base.files);
    const out: Article[] = [];
    for (const f of files) for (const a of deltaByFile.get(f) ?? live.get(f) ?? []) out.push(a);
    return out;
  };
  const deltaFiles = [...inDelta.keys()];
  const deltaEntries = [...inDelta.values()];
  const delta: DeltaToWrite | null = unchanged
    ? null
    : {
        base: base.key,
        segment: deltaSegment,
        files: deltaFiles,
        entries: deltaEntries,
        removed: gone,
        warnings,
        copies,
      };
  return {
    library,
    warnings,
    failures,
    stats: { reused, ingested: changed.length, removed },
    superseded: inDelta.size + gone.length,
    corpusOrder,
    delta,
  };
}
