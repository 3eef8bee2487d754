/**
 * The corpus file manifest: the file hashes a start remembers (path, size, mtime, sha1), as git's
 * index does, so a restart over an unchanged folder reads no file. Its binary format, the older
 * text one, and reading and saving it.
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import path from 'node:path';
import { makeDirectory } from '../core/make-dir.js';
import type { Logger } from '../core/ports.js';

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
  /** Aligned with `entries`; an empty string for a hash not kept. */
  hashes: readonly string[];
  /** The file it is read from, when {@link readManifest} gave it (the stat thread then reads and compares it itself). */
  readonly source?: string;
}

const NO_MANIFEST: FileManifest = { hashedAt: 0, entries: [], stats: [], hashes: [] };

/** A manifest file, read and parsed on this thread only when its entries are asked for. */
class StoredManifest implements FileManifest {
  private parsed: FileManifest | undefined;
  constructor(readonly source: string) {}
  private get m(): FileManifest {
    if (this.parsed === undefined) {
      try {
        this.parsed = parseManifest(readFileSync(this.source)) ?? NO_MANIFEST;
      } catch {
        this.parsed = NO_MANIFEST;
      }
    }
    return this.parsed;
  }
  get hashedAt(): number {
    return this.m.hashedAt;
  }
  get entries(): readonly string[] {
    return this.m.entries;
  }
  get stats(): ArrayLike<number> {
    return this.m.stats;
  }
  get hashes(): readonly string[] {
    return this.m.hashes;
  }
}

/** A file's size in bytes, or -1. */
export function manifestBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return -1;
  }
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
export class ManifestCursor {
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

const MANIFEST_MAGIC = 'NDFILES2';
const SHA1_HEX = /^[0-9a-f]{40}$/;

/**
 * The manifest as bytes: magic, hashedAt (f64), count and entry bytes (u32), whether any entry is a
 * link (u32), 4 reserved; then the sizes and mtimes (f64 pairs), each entry's end in the entry bytes
 * (u32), a kind per hash (0 sha1, 1 `unreadable`, 2 not kept), the sha1s (20 bytes each), the entries
 * (UTF-8, joined by NUL) and a CRC-32 of all that. The stat thread compares it with the files without
 * making a string per file when the list of files is unchanged; the checksum keeps a damaged one from
 * lending a file another's hash (it is then not used, and every file is read).
 */
export function formatManifest(m: FileManifest): Buffer {
  const n = m.entries.length;
  const blob = Buffer.from(m.entries.join('\u0000'), 'utf8');
  const statsEnd = 32 + 16 * n;
  const endsEnd = statsEnd + 4 * n;
  const flagsEnd = endsEnd + n;
  const hashesEnd = flagsEnd + 20 * n;
  const out = Buffer.alloc(hashesEnd + blob.length + 4);
  out.write(MANIFEST_MAGIC, 0, 'latin1');
  out.writeDoubleLE(m.hashedAt, 8);
  out.writeUInt32LE(n, 16);
  out.writeUInt32LE(blob.length, 20);
  out.writeUInt32LE(m.entries.some((e) => e.includes('\u0000')) ? 1 : 0, 24);
  const stats = m.stats instanceof Float64Array ? m.stats : Float64Array.from(m.stats);
  if (stats.length !== 2 * n) throw new Error('manifest sizes and times do not match its entries');
  out.set(new Uint8Array(stats.buffer, stats.byteOffset, stats.byteLength), 32);
  const ends = new Uint32Array(out.buffer, out.byteOffset + statsEnd, n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    at += Buffer.byteLength(m.entries[i]!, 'utf8');
    ends[i] = at;
    at++;
  }
  for (let i = 0; i < n; i++) {
    const h = m.hashes[i]!;
    if (SHA1_HEX.test(h)) out.write(h, flagsEnd + 20 * i, 20, 'hex');
    else out[endsEnd + i] = h === 'unreadable' ? 1 : 2;
  }
  blob.copy(out, hashesEnd);
  out.writeUInt32LE(crc32(out.subarray(0, out.length - 4)), out.length - 4);
  return out;
}

/** Reads {@link formatManifest} bytes (or an older text manifest); null when it is not one, or damaged. */
export function parseManifest(data: Buffer | string): FileManifest | null {
  if (typeof data === 'string' || data.toString('latin1', 0, 8) !== MANIFEST_MAGIC) return parseTextManifest(typeof data === 'string' ? data : data.toString('utf8'));
  const buf = data;
  if (buf.length < 36) return null;
  const body = buf.length - 4;
  if (crc32(buf.subarray(0, body)) !== buf.readUInt32LE(body)) return null;
  const hashedAt = buf.readDoubleLE(8);
  const n = buf.readUInt32LE(16);
  const blobBytes = buf.readUInt32LE(20);
  const statsEnd = 32 + 16 * n;
  const endsEnd = statsEnd + 4 * n;
  const flagsEnd = endsEnd + n;
  const hashesEnd = flagsEnd + 20 * n;
  if (hashesEnd + blobBytes !== body) return null;
  const stats = new Float64Array(2 * n);
  Buffer.from(stats.buffer).set(buf.subarray(32, statsEnd));
  const entries = new Array<string>(n);
  const hashes = new Array<string>(n);
  for (let i = 0, start = hashesEnd; i < n; i++) {
    const end = hashesEnd + buf.readUInt32LE(statsEnd + 4 * i);
    if (end < start || end > body) return null;
    entries[i] = buf.toString('utf8', start, end);
    start = end + 1;
    const kind = buf[endsEnd + i];
    hashes[i] = kind === 0 ? buf.toString('hex', flagsEnd + 20 * i, flagsEnd + 20 * i + 20) : kind === 1 ? 'unreadable' : '';
  }
  return { hashedAt, entries, stats, hashes };
}

/** The first manifest format (text: a first line with the time, then one tab-separated line per file); still read, so an upgrade re-reads no file. */
function parseTextManifest(text: string): FileManifest | null {
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

/**
 * The remembered file hashes, or null on a first run. The file is read when they are first asked
 * for, or by the stat thread, which compares it with the files there (see {@link corpusKey}); a
 * damaged one counts as none.
 */
export function readManifest(file: string): FileManifest | null {
  return existsSync(file) ? new StoredManifest(file) : null;
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
