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
import { walkCorpus, type CorpusListing, type SymlinkPolicy } from '../ingest/corpus-walk.js';
import { takeTurns } from '../core/take-turns.js';
import { makeDirectory } from '../core/make-dir.js';
import type { Logger } from '../core/ports.js';

/** How many files are read at once; enough to hide disk latency without exhausting descriptors. */
const CONCURRENCY = 32;
/** A file modified this close to when it was hashed may have changed again within the same mtime tick. */
const RACY_MS = 2000;

/** Remembered file hashes: relative path → [size, mtimeMs, sha1]. */
export interface FileManifest {
  hashedAt: number;
  files: Map<string, [number, number, string]>;
}

/** The manifest as text: a first line with the time, then one tab-separated line per file (parses far faster than JSON). */
export function formatManifest(m: FileManifest): string {
  const lines = [`newsdesk-files\t1\t${m.hashedAt}`];
  for (const [file, [size, mtime, hash]] of m.files) lines.push(`${file}\t${size}\t${mtime}\t${hash}`);
  return lines.join('\n');
}

/** Reads `formatManifest` output; null when it is not one. */
export function parseManifest(text: string): FileManifest | null {
  const firstEnd = text.indexOf('\n') < 0 ? text.length : text.indexOf('\n');
  const head = text.slice(0, firstEnd).split('\t');
  if (head[0] !== 'newsdesk-files' || head[1] !== '1') return null;
  const hashedAt = Number(head[2]);
  if (!Number.isFinite(hashedAt)) return null;
  const files = new Map<string, [number, number, string]>();
  // Read by offsets rather than split into arrays: a start reads 100,000 lines of it.
  for (let at = firstEnd + 1; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const t1 = text.indexOf('\t', at);
    const t2 = t1 < 0 ? -1 : text.indexOf('\t', t1 + 1);
    const t3 = t2 < 0 ? -1 : text.indexOf('\t', t2 + 1);
    if (t1 > at && t3 >= 0 && t3 + 1 < end) files.set(text.slice(at, t1), [Number(text.slice(t1 + 1, t2)), Number(text.slice(t2 + 1, t3)), text.slice(t3 + 1, end)]);
    at = end + 1;
  }
  return { hashedAt, files };
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
 * @param previous - the manifest from the last run, to skip re-reading unchanged files
 * @param policy - how symbolic links are treated (as ingest treats them)
 * @throws NewsdeskError with code `corpus` when the folder is missing or cannot be read
 */
export async function corpusKey(
  dir: string,
  extensions: readonly string[],
  salt: string,
  previous?: FileManifest | null,
  policy: SymlinkPolicy = {},
): Promise<CorpusKey> {
  const hashedAt = Date.now();
  const listing = walkCorpus(dir, extensions, policy);
  // Paths joined by hand: path.join normalises each of 100,000 paths, which costs more than the stat.
  const base = dir.endsWith(path.sep) || dir.endsWith('/') ? dir : dir + path.sep;
  const files = listing.files;
  const digests = new Array<string>(files.length);
  const manifest: FileManifest = { hashedAt, files: new Map() };
  const toRead: number[] = [];
  // A linked file is remembered under its path and its target, so a re-pointed link is hashed afresh.
  const entry = (file: string): string => {
    const target = listing.linked.get(file);
    return target === undefined ? file : `${file}\u0000${target}`;
  };
  // 100,000 stats take most of a second: the loop hands the event loop back now and then (a bot may be connected).
  const turn = takeTurns();
  for (let i = 0; i < files.length; i++) {
    if (i % 256 === 255) await turn();
    const rel = files[i]!;
    const file = entry(rel);
    let size = -1;
    let mtime = -1;
    try {
      const st = statSync(base + rel);
      size = st.size;
      mtime = st.mtimeMs;
    } catch {
      // Vanished or unreadable: hashed below as such.
    }
    const known = previous?.files.get(file);
    if (known && known[0] === size && known[1] === mtime && mtime < previous!.hashedAt - RACY_MS) {
      digests[i] = known[2];
      manifest.files.set(file, known);
    } else {
      toRead.push(i);
      manifest.files.set(file, [size, mtime, '']);
    }
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
      manifest.files.get(entry(files[i]!))![2] = digests[i]!;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, toRead.length) }, worker));
  const newContent = toRead.filter((i) => previous?.files.get(entry(files[i]!))?.[2] !== digests[i]).map((i) => files[i]!);
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
