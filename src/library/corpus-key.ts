/**
 * The content key of a corpus folder, computed without ingesting it: every file's relative
 * path and content hash, plus whatever else decides the index (format, analysers, ingest rules).
 * A restart over an unchanged folder gets the same key and loads the snapshot.
 *
 * Hashing 100,000 files on every start would cost seconds, so the hashes are remembered in a
 * manifest (path → size, mtime, hash), as git's index does: a file whose size and mtime are
 * unchanged, and was not modified in the moments before it was hashed, keeps its hash.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { walkCorpus, type CorpusListing, type SymlinkPolicy } from '../ingest/corpus-walk.js';
import { takeTurns } from '../core/take-turns.js';
import { makeDirectory } from '../core/make-dir.js';
import type { Logger } from '../core/ports.js';

/** How many files are read at once; enough to hide disk latency without exhausting descriptors. */
const CONCURRENCY = 32;
/** A file modified this close to when it was hashed may have changed again within the same mtime tick. */
const RACY_MS = 2000;

/** From this many files on, they are stat'ed on a thread of their own (starting one costs tens of milliseconds). */
const STAT_THREAD_FILES = 4000;

/**
 * The stat thread: plain JavaScript on Node's built-ins (no loader needed). Paths come joined by NUL
 * (which no file name holds); sizes and mtimes go back in one transferred array, -1 for a file that
 * cannot be stat'ed.
 */
const STATTER = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const { base, list } = workerData;
const files = list.split('\\u0000');
const out = new Float64Array(files.length * 2);
for (let i = 0; i < files.length; i++) {
  let size = -1;
  let mtime = -1;
  try {
    const st = statSync(base + files[i]);
    size = st.size;
    mtime = st.mtimeMs;
  } catch {}
  out[2 * i] = size;
  out[2 * i + 1] = mtime;
}
parentPort.postMessage(out, [out.buffer]);
`;

/** Size and mtime of each file on this thread, `[size0, mtime0, size1, …]` (-1 when it cannot be stat'ed), handing the event loop back now and then. */
async function statHere(base: string, files: readonly string[]): Promise<Float64Array> {
  const out = new Float64Array(files.length * 2);
  // 100,000 stats take most of a second: the loop hands the event loop back now and then (a bot may be connected).
  const turn = takeTurns();
  for (let i = 0; i < files.length; i++) {
    if (i % 256 === 255) await turn();
    let size = -1;
    let mtime = -1;
    try {
      const st = statSync(base + files[i]!);
      size = st.size;
      mtime = st.mtimeMs;
    } catch {
      // Vanished or unreadable: hashed as such.
    }
    out[2 * i] = size;
    out[2 * i + 1] = mtime;
  }
  return out;
}

/**
 * {@link statHere} on a thread of its own, so this thread is free meanwhile (a restart decodes the
 * snapshot then); here when the thread cannot run.
 */
export function statFiles(base: string, files: readonly string[], thread = files.length >= STAT_THREAD_FILES): Promise<Float64Array> {
  if (!thread || files.length === 0) return statHere(base, files);
  return new Promise<Float64Array>((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(STATTER, { eval: true, workerData: { base, list: files.join('\u0000') }, stdout: true, stderr: true });
    } catch {
      statHere(base, files).then(resolve, reject);
      return;
    }
    let settled = false;
    const settle = (outcome: () => Promise<Float64Array> | Float64Array): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      Promise.resolve().then(outcome).then(resolve, reject);
    };
    worker.once('message', (out: Float64Array) => settle(() => (out.length === files.length * 2 ? out : statHere(base, files))));
    worker.once('error', () => settle(() => statHere(base, files)));
    worker.once('exit', () => settle(() => statHere(base, files)));
  });
}

/**
 * Remembered file hashes: per corpus file, in path order (as `walkCorpus` sorts), its entry (the
 * relative path, or path NUL link target for a followed link), size, mtime and sha1. Kept as
 * parallel arrays: a start of 100,000 files then builds no map and no object per file.
 */
export interface FileManifest {
  hashedAt: number;
  entries: readonly string[];
  /** `[size0, mtime0, size1, mtime1, …]`, aligned with `entries`. */
  stats: ArrayLike<number>;
  hashes: readonly string[];
}

/** The path part of a manifest entry (before a link target). */
function entryPath(entry: string): string {
  const nul = entry.indexOf('\u0000');
  return nul < 0 ? entry : entry.slice(0, nul);
}

/**
 * Finds remembered files in path order: asked for entries in ascending path order, it walks the
 * manifest alongside (a manifest out of order only costs re-hashing the files it then misses).
 */
class ManifestCursor {
  private at = 0;
  constructor(private readonly m: FileManifest) {}

  /** Index of `entry` in the manifest, or -1. */
  find(entry: string): number {
    const entries = this.m.entries;
    if (this.at < entries.length && entries[this.at] === entry) return this.at++;
    const path = entryPath(entry);
    while (this.at < entries.length && entryPath(entries[this.at]!) < path) this.at++;
    // The same path may be there with another link target (re-pointed link): not a match, and not passed.
    for (let j = this.at; j < entries.length && entryPath(entries[j]!) === path; j++) if (entries[j] === entry) return j;
    return -1;
  }
}

/** The manifest as text: a first line with the time, then one tab-separated line per file (parses far faster than JSON). */
export function formatManifest(m: FileManifest): string {
  const lines = [`newsdesk-files\t1\t${m.hashedAt}`];
  for (let i = 0; i < m.entries.length; i++) lines.push(`${m.entries[i]}\t${m.stats[2 * i]}\t${m.stats[2 * i + 1]}\t${m.hashes[i]}`);
  return lines.join('\n');
}

/** Reads `formatManifest` output; null when it is not one. */
export function parseManifest(text: string): FileManifest | null {
  const firstEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  const head = text.slice(0, firstEnd).split('\t');
  if (head[0] !== 'newsdesk-files' || head[1] !== '1') return null;
  const hashedAt = Number(head[2]);
  if (!Number.isFinite(hashedAt)) return null;
  const entries: string[] = [];
  const stats: number[] = [];
  const hashes: string[] = [];
  // Read by offsets rather than split into arrays: a start reads 100,000 lines of it.
  for (let at = firstEnd + 1; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const t1 = text.indexOf('\t', at);
    const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
    const t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
    if (t1 > at && t3 >= 0 && t3 + 1 < end) {
      entries.push(text.slice(at, t1));
      stats.push(Number(text.slice(t1 + 1, t2)), Number(text.slice(t2 + 1, t3)));
      hashes.push(text.slice(t3 + 1, end));
    }
    at = end + 1;
  }
  return { hashedAt, entries, stats, hashes };
}

/** Reads the remembered file hashes, or null on a first run or a damaged file. */
export function readManifest(file: string): FileManifest | null {
  try {
    return parseManifest(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Saves the file hashes atomically; losing them only costs re-hashing on the next start. */
export function writeManifest(file: string, manifest: FileManifest, logger: Logger): void {
  try {
    makeDirectory(path.dirname(file));
    writeFileSync(`${file}.${process.pid}.tmp`, formatManifest(manifest));
    renameSync(`${file}.${process.pid}.tmp`, file);
  } catch (err) {
    logger.debug({ file, reason: (err as Error).message }, 'could not save the corpus file manifest');
  }
}

/**
 * The files under `dir` that ingest reads (hidden files and folders skipped, symbolic links by
 * the corpus rule), as paths relative to `dir`, sorted.
 * @param extensions - lower-case name endings to keep, e.g. ".md"
 */
export function listCorpusFiles(dir: string, extensions: readonly string[], policy: SymlinkPolicy = {}): string[] {
  return walkCorpus(dir, extensions, policy).files;
}

/** What {@link corpusKey} gives. */
export interface CorpusKey {
  key: string;
  /** The manifest to keep for next time. */
  manifest: FileManifest;
  /** How many files had to be read. */
  hashed: number;
  /** The files ingest reads (relative, sorted). */
  files: string[];
  /**
   * Per file (aligned with `files`), what it adds to the key besides its path: its content hash
   * and the target of a followed link. Equal entries mean ingest would read the same thing.
   */
  entries: string[];
  /** The whole listing: files, the real paths of linked ones, and what was skipped. */
  listing: CorpusListing;
  /** Files (in `files` order) whose content the previous manifest did not know: new, or changed since it was saved. */
  newContent: string[];
}

/**
 * Hashes a corpus folder's files and `salt` into one key. The key is of what ingest reads: the
 * content reached through a followed symbolic link, with the link's real target (so re-pointing
 * a link changes it), and every skipped link or unreadable folder (so adding or removing one does).
 * @param extensions - the file endings ingest reads
 * @param salt - format and analyser versions; a change in them changes the key
 * @param previousManifest - the manifest from the last run, to skip re-reading unchanged files (or a function reading it)
 * @param policy - how symbolic links are treated (as ingest treats them)
 * @param statThread - stat the files on a thread of their own. @defaultValue from 4,000 files on
 * @throws NewsdeskError with code `corpus` when the folder is missing or cannot be read
 */
export async function corpusKey(
  dir: string,
  extensions: readonly string[],
  salt: string,
  previousManifest?: FileManifest | null | (() => FileManifest | null),
  policy: SymlinkPolicy = {},
  statThread?: boolean,
): Promise<CorpusKey> {
  const hashedAt = Date.now();
  const listing = walkCorpus(dir, extensions, policy);
  // Paths joined by hand: path.join normalises each of 100,000 paths, which costs more than the stat.
  const base = dir.endsWith(path.sep) || dir.endsWith('/') ? dir : dir + path.sep;
  const files = listing.files;
  const digests = new Array<string>(files.length);
  const toRead: number[] = [];
  // A linked file is remembered under its path and its target, so a re-pointed link is hashed afresh.
  const entry = (file: string): string => {
    const target = listing.linked.get(file);
    return target === undefined ? file : `${file}\u0000${target}`;
  };
  const statting = statFiles(base, files, statThread);
  // Given as a function, the manifest is read and parsed while the files are stat'ed on their thread.
  const previous = typeof previousManifest === 'function' ? previousManifest() : previousManifest;
  const stats = await statting;
  const names = listing.linked.size ? files.map(entry) : files;
  /** Per file, the hash the previous manifest remembered for it (also when it changed since). */
  const remembered = new Array<string | undefined>(files.length);
  const cursor = previous ? new ManifestCursor(previous) : null;
  for (let i = 0; i < files.length; i++) {
    const size = stats[2 * i]!;
    const mtime = stats[2 * i + 1]!;
    const j = cursor ? cursor.find(names[i]!) : -1;
    if (j >= 0) remembered[i] = previous!.hashes[j];
    if (j >= 0 && previous!.stats[2 * j] === size && previous!.stats[2 * j + 1] === mtime && mtime < previous!.hashedAt - RACY_MS) digests[i] = previous!.hashes[j]!;
    else toRead.push(i);
  }
  let next = 0;
  const worker = async () => {
    while (next < toRead.length) {
      const i = toRead[next++]!;
      try {
        const content = await readFile(path.join(dir, files[i]!));
        digests[i] = createHash('sha1').update(content).digest('hex');
      } catch {
        // Unreadable now; ingest will report it. Key it as such so it is retried when it becomes readable.
        digests[i] = 'unreadable';
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, toRead.length) }, worker));
  const manifest: FileManifest = { hashedAt, entries: names, stats, hashes: digests };
  const newContent = toRead.filter((i) => remembered[i] !== digests[i]).map((i) => files[i]!);
  const hash = createHash('sha256').update(salt).update('\n');
  const entries = files.map((f, i) => {
    const target = listing.linked.get(f);
    const material = target === undefined ? digests[i]! : `${digests[i]!}\u0000link\u0000${target}`;
    hash.update(`${f}\u0000${material}\n`);
    return material;
  });
  for (const s of listing.skipped) hash.update(s.file).update('\u0000skipped\u0000').update(s.reason).update('\n');
  return { key: hash.digest('hex').slice(0, 32), manifest, hashed: toRead.length, files, entries, listing, newContent };
}
