/**
 * The index snapshot: one binary file holding the articles and the main segment, so a restart
 * over an unchanged corpus is a file read rather than a re-ingest.
 *
 * Layout: 8-byte magic, 8-byte-aligned sections, JSON footer (key, format, section table,
 * checksums), u32 footer length, the magic again. The sections a start needs (the index, the ids,
 * hashes and copy marks, the fingerprints, the file list) come last, as one region with one CRC-32,
 * read whole at start; typed arrays are read back as views on it (no parsing, no copying). Before
 * them, the `lazy` region (metadata, texts, annotations, sentence and block structure: more than half
 * the file) is left on disk and read per article when first asked for, each 4 KiB block of it
 * checked against its own CRC-32 (listed in the footer) before a byte of it is used. Article
 * structure is packed into typed arrays and turned back into objects only when first read.
 */
import { crc32 } from 'node:zlib';
import { closeSync, fstatSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../core/ports.js';
import { Segment, type SegmentData } from '../search/segment.js';
import { ArticleSectionError, articleSections, unpackArticles, type ArrayKind, type SectionBytes, type SectionReader, type SectionSource, type Writable } from './stored-article.js';
import { makeDirectory } from '../core/make-dir.js';
import { runSteps, type Steps } from '../core/take-turns.js';
import { fingerprintSections, restoreFingerprints } from './fingerprints.js';

/** Bump when the snapshot layout or the index format changes; older snapshots are then rebuilt. */
export const SNAPSHOT_FORMAT = 'newsdesk-index-10';

const MAGIC = Buffer.from('NDSNAP\u0000\u0001', 'latin1');

interface SectionInfo {
  name: string;
  type: ArrayKind;
  offset: number;
  bytes: number;
}

interface Header {
  format: string;
  key: string;
  /** What besides the files decides the index (format, code, analysers): a snapshot of another salt is never reused. */
  salt?: string;
  version: string;
  /** CRC-32 of the region read at start (the sections not lazy) and its length. */
  checksum: string;
  /** Bytes of the region read at start; it follows the lazy region. */
  eager?: number;
  /** The lazy region at the start of the body: its bytes, block size and the CRC-32 of each block (u32 LE, base64). */
  lazy?: { bytes: number; block: number; crcs: string };
  sections: SectionInfo[];
  avgLen: number;
  extra: unknown;
}

/** What a snapshot holds besides the index: the key it was built for and free-form extras (warnings). */
export interface SnapshotContents {
  key: string;
  version: string;
  segment: Segment;
  extra: unknown;
  /** True when built for exactly the expected key; false for an earlier state of the same corpus (same salt). */
  exact: boolean;
  /** Per corpus file the snapshot was built from, its key material (`CorpusKey.entries`); empty when not recorded. */
  files: Map<string, string>;
  /** The salt recorded with the file list (see {@link SnapshotSource}), if any. */
  salt?: string;
  /**
   * The file list as stored: one `path TAB entry` line per file, in path order (`files` is parsed
   * from it); undefined when not recorded. Walking it alongside the corpus listing compares the two
   * without building the map.
   */
  fileLines?: () => string;
  /** The sections read per article when used: set `onDamage` to hear of a damaged one. */
  lazy?: LazyRegion;
}

/** The corpus files a snapshot was built from and the salt of its key, so a later start can reuse it in part. */
export interface SnapshotSource {
  salt: string;
  files: readonly string[];
  /** Aligned with `files`. */
  entries: readonly string[];
}

/** Thrown (as a plain Error) when a snapshot cannot be used; callers rebuild. */
export class SnapshotError extends Error {}


/** Size of a block of the lazy region, each with its own CRC-32. */
const LAZY_BLOCK = 4 << 10;

/**
 * Collects small chunks into large writes (200,000 articles would otherwise be 400,000 system calls),
 * and checksums them: per block while the lazy region is written, as one CRC-32 after it.
 */
class SnapshotWriter {
  private readonly buffer = Buffer.alloc(4 << 20);
  private used = 0;
  crc = 0;
  written = 0;
  /** True while the lazy region is written. */
  lazy = true;
  /** CRC-32 of each full block of the lazy region so far. */
  readonly blockCrcs: number[] = [];
  private blockCrc = 0;
  private blockFill = 0;

  constructor(private readonly fd: number) {}

  /** Appends bytes; `checked` ones count towards the checksums. */
  write(chunk: Uint8Array, checked = true): void {
    // zlib's crc32 of an empty array over an empty buffer (a null data pointer) starts over at 0 rather than
    // returning the running value; an empty corpus has such sections, and its snapshot then never matched.
    if (chunk.length === 0) return;
    if (checked && !this.lazy) this.crc = crc32(chunk, this.crc);
    else if (checked) {
      for (let at = 0; at < chunk.length; ) {
        const piece = chunk.subarray(at, at + LAZY_BLOCK - this.blockFill);
        this.blockCrc = crc32(piece, this.blockCrc);
        this.blockFill += piece.length;
        at += piece.length;
        if (this.blockFill === LAZY_BLOCK) this.endBlock();
      }
    }
    this.written += chunk.length;
    if (chunk.length > this.buffer.length / 2) {
      this.flush();
      writeSync(this.fd, chunk);
      return;
    }
    if (this.used + chunk.length > this.buffer.length) this.flush();
    this.buffer.set(chunk, this.used);
    this.used += chunk.length;
  }

  private endBlock(): void {
    this.blockCrcs.push(this.blockCrc);
    this.blockCrc = 0;
    this.blockFill = 0;
  }

  /** Ends the lazy region: what follows is checksummed as one. */
  endLazy(): void {
    if (this.blockFill) this.endBlock();
    this.lazy = false;
  }

  flush(): void {
    if (this.used) writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
  }
}

/** The index sections of a segment, in write order. */
function segmentSections(d: SegmentData): SectionSource[] {
  const array = (name: string, type: ArrayKind, data: Writable): SectionSource => ({
    name,
    type,
    chunks: () => [new Uint8Array(data.buffer, data.byteOffset, data.byteLength)],
  });
  return [
    { name: 'terms', type: 'bytes', chunks: () => [Buffer.from(d.terms.join('\n'), 'utf8')] },
    array('postOffsets', 'u32', d.postOffsets),
    array('postings', 'u32', d.postings),
    array('postTf', 'u8', d.postTf),
    array('fwdOffsets', 'u32', d.fwdOffsets),
    array('fwdTerms', 'u32', d.fwdTerms),
    array('fwdTf', 'u8', d.fwdTf),
    array('pArticle', 'u32', d.pArticle),
    array('pStart', 'u32', d.pStart),
    array('pEnd', 'u32', d.pEnd),
    array('pSentFirst', 'u32', d.pSentFirst),
    array('pSentCount', 'u8', d.pSentCount),
    array('pLen', 'u16', d.pLen),
    array('pFlags', 'u8', d.pFlags),
    array('aPassOffsets', 'u32', d.aPassOffsets),
  ];
}

const ZEROS = new Uint8Array(8);

/**
 * Writes the main segment and its articles to `file`, streaming section by section, atomically
 * (temp file + rename). The section table and checksum go into a footer, since they are only
 * known once everything is written.
 * @returns bytes written
 */
export function writeSnapshot(file: string, segment: Segment, key: string, version: string, extra: unknown, source?: SnapshotSource): number {
  return runSteps(writeSnapshotSteps(file, segment, key, version, extra, source));
}

/** Chunks written, and bytes, between two pauses of {@link writeSnapshotSteps}. */
const STEP_CHUNKS = 512;
const STEP_BYTES = 8 << 20;

/**
 * {@link writeSnapshot} as steps that pause every few hundred chunks or megabytes, so a connected
 * bot keeps answering while a large snapshot is written (run it with `runStepsInTurns`). The
 * segment and its articles must not change until it is done.
 */
export function* writeSnapshotSteps(file: string, segment: Segment, key: string, version: string, extra: unknown, source?: SnapshotSource): Steps<number> {
  makeDirectory(path.dirname(file));
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    const out = new SnapshotWriter(fd);
    out.write(MAGIC, false);
    const infos: SectionInfo[] = [];
    let offset = 0;
    const all = [...segmentSections(segment.data), ...articleSections(segment.articles), ...fingerprintSections(segment.articles)];
    if (source) all.push({ name: 'files', type: 'bytes', chunks: () => fileLines(source) });
    // The lazy region first: a table of offsets (read at start) is written after the blob it indexes.
    const sections = [...all.filter((x) => x.lazy), ...all.filter((x) => !x.lazy)];
    let lazyBytes = -1;
    let chunks = 0;
    let sinceStep = 0;
    for (const section of sections) {
      if (!section.lazy && lazyBytes < 0) {
        lazyBytes = offset;
        out.endLazy();
      }
      let bytes = 0;
      for (const whole of section.chunks()) {
        // A large array goes out in slices, each a step (its checksum runs on as over the whole).
        for (let at = 0; at < whole.length; at += STEP_BYTES) {
          const chunk = whole.subarray(at, at + STEP_BYTES);
          out.write(chunk);
          bytes += chunk.length;
          sinceStep += chunk.length;
          if (++chunks % STEP_CHUNKS === 0 || sinceStep >= STEP_BYTES) {
            sinceStep = 0;
            yield;
          }
        }
      }
      infos.push({ name: section.name, type: section.type, offset, bytes });
      const padded = align8(offset + bytes);
      if (padded > offset + bytes) out.write(ZEROS.subarray(0, padded - offset - bytes));
      offset = padded;
    }
    if (lazyBytes < 0) {
      lazyBytes = offset;
      out.endLazy();
    }
    const crcs = Buffer.from(Uint32Array.from(out.blockCrcs).buffer).toString('base64');
    const footer: Header = {
      format: SNAPSHOT_FORMAT,
      key,
      ...(source ? { salt: source.salt } : {}),
      version,
      avgLen: segment.data.avgLen,
      extra,
      checksum: `crc32:${out.crc.toString(16)}:${offset - lazyBytes}`,
      eager: offset - lazyBytes,
      lazy: { bytes: lazyBytes, block: LAZY_BLOCK, crcs },
      sections: infos,
    };
    const footerBytes = Buffer.from(JSON.stringify(footer), 'utf8');
    const tail = Buffer.alloc(4);
    tail.writeUInt32LE(footerBytes.length);
    out.write(footerBytes, false);
    out.write(tail, false);
    out.write(MAGIC, false);
    out.flush();
    closeSync(fd);
    renameSync(tmp, file);
    return out.written;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * A snapshot's, delta's or manifest's temp file: `library-<tag>.snap.<pid>.tmp`,
 * `library-<tag>.delta.snap.<pid>.tmp`, `library-<tag>.files.tsv.<pid>.tmp`.
 */
const TEMP_FILE = /^library-[0-9a-f]+\.(?:snap|delta\.snap|files\.tsv)\.(\d+)\.tmp$/;

/** True when a process with this id is running (one of another user counts). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files that writing a snapshot or manifest leaves when the process dies midway
 * (a crash, `kill -9`): those of a process that is no longer running, of this process's id (its own
 * writes are synchronous, so none is in progress now), and any older than this run (the id was reused).
 * Logs one info line when it removed any.
 * @returns the names removed
 */
export function removeStaleTempFiles(dataDir: string, logger: Logger): string[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return []; // No data folder yet: nothing left over.
  }
  const startedAt = Date.now() - process.uptime() * 1000;
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_FILE.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const file = path.join(dataDir, name);
    try {
      const stale = pid === process.pid || !processAlive(pid) || statSync(file).mtimeMs < startedAt;
      if (!stale) continue;
      rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: the next start tries again.
    }
  }
  if (removed.length) logger.info({ dataDir, files: removed }, `removed ${removed.length} temp file(s) left by an interrupted snapshot write`);
  return removed;
}

/**
 * Reads the snapshot file's bytes without blocking, so a caller can overlap the read with other
 * start-up work (hashing the corpus). Resolves to null when there is no snapshot.
 */
export async function readSnapshotBytes(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SnapshotError(`cannot read: ${(err as Error).message}`);
  }
}

/** An open snapshot file, read from while its lazy sections are in use; closed once nothing refers to it. */
export class SnapshotFile {
  private static readonly closer = new FinalizationRegistry<number>((fd) => {
    try {
      closeSync(fd);
    } catch {
      // Closed already.
    }
  });
  private open = true;

  /** @param id - device, inode, size and mtime of what `fd` reads: the file at `file` is that one as long as its id is */
  constructor(
    readonly fd: number,
    readonly file: string,
    readonly id: string,
  ) {
    SnapshotFile.closer.register(this, fd, this);
  }

  /** True while the file at its path is still the one open (not replaced or removed since). */
  stillAtPath(): boolean {
    try {
      return fileId(statSync(this.file)) === this.id;
    } catch {
      return false;
    }
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    SnapshotFile.closer.unregister(this);
    try {
      closeSync(this.fd);
    } catch {
      // Closed already.
    }
  }
}

function fileId(st: { dev: number; ino: number; size: number; mtimeMs: number }): string {
  return [st.dev, st.ino, st.size, st.mtimeMs].join(':');
}

/**
 * A snapshot file's bytes, with the checksum of its body when it was computed while reading. Read by
 * {@link readSnapshotChecked}, the bytes leave out the lazy region (magic, the region read at start,
 * footer), which is read from `file` when used.
 */
export interface SnapshotBytes {
  buf: Buffer;
  /** CRC-32 of the region read at start; undefined when not computed (then {@link decodeSnapshot} computes it). */
  bodyCrc?: number;
  /** The open file the lazy region is read from, when `buf` leaves it out. */
  file?: SnapshotFile;
}

/**
 * The reader thread: plain JavaScript on Node's built-ins only (it needs no loader, so it starts in
 * milliseconds under tsx too). It reads parts of the open snapshot file (`fd`, opened by the calling
 * thread, so every thread reads the same file) into the buffer the threads share, with as few system
 * calls as the kernel allows; given `check`, it first checksums that range of the file.
 *
 * The checksum pass reads through a small buffer that stays in the processor's cache, and the
 * checksum runs on those bytes while they are there: over the large buffer, after the bulk read, it
 * would read the bytes back from memory (most of a second per 500 MB on the bench machine, for what
 * the small-buffer pass does in a tenth). It is as safe: both passes read the same open file (its
 * inode: a snapshot is only ever replaced by renaming a new file over it, never written in place),
 * at the same offsets, through the same page cache.
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readSync } = require('node:fs');
const { crc32 } = require('node:zlib');
const { fd, shared, parts, check } = workerData;
const readAt = (buf, at, end) => {
  let done = 0;
  while (at + done < end) {
    const n = readSync(fd, buf, done, Math.min(buf.length - done, end - at - done), at + done);
    if (n === 0) break;
    done += n;
  }
  return done;
};
try {
  let crc;
  if (check) {
    const [from, end] = check;
    const chunk = Buffer.allocUnsafeSlow(256 * 1024);
    crc = 0;
    for (let at = from; at < end; ) {
      const n = readAt(chunk, at, Math.min(end, at + chunk.length));
      if (n === 0) {
        crc = undefined;
        break;
      }
      // zlib's crc32 over an empty array starts over at 0: never called with one.
      crc = crc32(n === chunk.length ? chunk : chunk.subarray(0, n), crc);
      at += n;
    }
  }
  let length = 0;
  for (const [from, to, at] of parts) length += readAt(Buffer.from(shared, at, to - from), from, to);
  parentPort.postMessage({ length, crc });
} catch (err) {
  parentPort.postMessage({ code: err.code ?? null, message: String(err.message) });
}
`;

interface ReaderReply {
  length?: number;
  crc?: number;
  code?: string | null;
  message?: string;
}

/** From this many bytes read at start on, a snapshot is read by two threads, each a part (see {@link readSnapshotChecked}). */
const SPLIT_BYTES = 64 << 20;

/** Runs the reader thread over `workerData`; its reply, or null when it could not start or died. */
function runReader(workerData: Record<string, unknown>): Promise<ReaderReply | null> {
  return new Promise<ReaderReply | null>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(READER, { eval: true, workerData, stdout: true, stderr: true });
    } catch {
      resolve(null);
      return;
    }
    let settled = false;
    const settle = (reply: ReaderReply | null): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(reply);
    };
    worker.once('message', (reply: ReaderReply) => settle(reply));
    // The thread could not start or died (no memory for a second heap).
    worker.once('error', () => settle(null));
    worker.once('exit', () => settle(null));
  });
}

/** Reads `[at, end)` of `fd` into `buf` from its start; the bytes read. */
function readFully(fd: number, buf: Uint8Array, at: number, end: number): number {
  let done = 0;
  while (at + done < end) {
    const n = readSync(fd, buf, done, end - at - done, at + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** Where the region read at start lies in a snapshot file, from its footer: `[from, to)`, and the footer from `to` on. */
function startRegion(fd: number, size: number): { from: number; to: number } | null {
  const m = MAGIC.length;
  if (size < 2 * m + 4) return null;
  const tail = Buffer.alloc(4);
  if (readFully(fd, tail, size - m - 4, size - m) !== 4) return null;
  const len = tail.readUInt32LE(0);
  const footerStart = size - m - 4 - len;
  if (footerStart < m) return null;
  const footer = Buffer.alloc(len);
  if (readFully(fd, footer, footerStart, footerStart + len) !== len) return null;
  let lazy = 0;
  try {
    const header = JSON.parse(footer.toString('utf8')) as Partial<Header>;
    const bytes = header.lazy?.bytes;
    if (typeof bytes === 'number' && Number.isInteger(bytes) && bytes >= 0 && m + bytes <= footerStart) lazy = bytes;
  } catch {
    // Not a footer: everything is read, and decoding says what is wrong.
  }
  return { from: m + lazy, to: footerStart };
}

/**
 * Reads a snapshot file on threads of their own and checksums what it reads there too, so the calling
 * thread is free meanwhile (a restart hashes the corpus then) and does not spend a CPU-bound half
 * second per 500 MB on the checksum. Only the region a start needs is read (its lazy region stays on
 * disk, read per article later from the file left open); most of that read is the kernel filling
 * fresh memory, one page at a time: from `splitBytes` on, two threads each read a part into one
 * shared buffer. Falls back to {@link readSnapshotBytes} (the whole file; checksum left to
 * {@link decodeSnapshot}) when a thread cannot run. Resolves to null when there is no snapshot.
 * @throws SnapshotError when the file cannot be read
 */
export async function readSnapshotChecked(file: string, splitBytes = SPLIT_BYTES): Promise<SnapshotBytes | null> {
  const plain = async (): Promise<SnapshotBytes | null> => {
    const buf = await readSnapshotBytes(file);
    return buf ? { buf } : null;
  };
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SnapshotError(`cannot read: ${(err as Error).message}`);
  }
  let open: SnapshotFile | null = null;
  try {
    const st = fstatSync(fd);
    open = new SnapshotFile(fd, file, fileId(st));
    const size = st.size;
    const region = startRegion(fd, size);
    if (!region) {
      open.close();
      return await plain();
    }
    const m = MAGIC.length;
    const { from, to } = region;
    // The bytes as decoding reads them: magic, the region read at start, footer and end.
    const shared = new SharedArrayBuffer(m + (to - from) + (size - to));
    const image = Buffer.from(shared);
    if (readFully(fd, image.subarray(0, m), 0, m) !== m || readFully(fd, image.subarray(m + (to - from)), to, size) !== size - to) {
      open.close();
      return await plain();
    }
    const check = [from, to];
    let replies: Array<ReaderReply | null>;
    if (to - from < splitBytes) replies = [await runReader({ fd, shared, parts: [[from, to, m]], check })];
    else {
      // The first thread also runs the checksum pass (a tenth of its read), so it reads the smaller part.
      const split = from + Math.floor((to - from) * 0.45);
      replies = await Promise.all([
        runReader({ fd, shared, parts: [[from, split, m]], check }),
        runReader({ fd, shared, parts: [[split, to, m + split - from]] }),
      ]);
    }
    const failed = replies.find((r) => r && r.length === undefined);
    if (failed) throw new SnapshotError(`cannot read: ${failed.message ?? 'unknown error'}`);
    const length = replies.reduce((sum, r) => sum + (r?.length ?? 0), 0);
    if (replies.some((r) => !r) || length !== to - from || replies[0]!.crc === undefined) {
      open.close();
      return await plain();
    }
    // Without a lazy region, nothing is read later: the file is closed now.
    if (from === m) open.close();
    return { buf: image, bodyCrc: replies[0]!.crc, ...(from > m ? { file: open } : {}) };
  } catch (err) {
    if (open) open.close();
    else closeSync(fd);
    if (err instanceof SnapshotError) throw err;
    throw new SnapshotError(`cannot read: ${(err as Error).message}`);
  }
}

/** The `files` section: one `path TAB entry` line per corpus file, written in slices. */
function* fileLines(source: SnapshotSource): Iterable<Uint8Array> {
  const SLICE = 1000;
  for (let i = 0; i < source.files.length; i += SLICE) {
    let text = '';
    for (let j = i; j < Math.min(source.files.length, i + SLICE); j++) text += `${source.files[j]}\t${source.entries[j]}\n`;
    yield Buffer.from(text, 'utf8');
  }
}

function fileLinesText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

function parseFileLines(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) out.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return out;
}

/**
 * Decodes snapshot bytes if they were built for `expectedKey` (any key when null), or, given
 * `salt`, for an earlier state of the corpus under the same salt (then `exact` is false).
 * @param bytes - the file's bytes, or those and the body's checksum as {@link readSnapshotChecked} computed it
 * @param withFiles - read the `files` section even for an exact match (a delta beside the snapshot needs it)
 * @returns null when stale or of another format
 * @throws SnapshotError when damaged
 */
export function decodeSnapshot(bytes: Buffer | SnapshotBytes, expectedKey: string | null, salt?: string, withFiles = false): SnapshotContents | null {
  const read: SnapshotBytes = Buffer.isBuffer(bytes) ? { buf: bytes } : bytes;
  const { header, bodyStart, bodyEnd } = parseHeader(read.buf);
  if (header.format !== SNAPSHOT_FORMAT) return null;
  const exact = expectedKey === null || header.key === expectedKey;
  const earlier = !exact && salt !== undefined && header.salt === salt && header.sections.some((x) => x.name === 'files');
  if (!exact && !earlier) return null;
  // Only a partial reuse needs the file list; an exact start does not pay for parsing it.
  return decodeBody(read, header, bodyStart, bodyEnd, exact, !exact || withFiles);
}

/**
 * Decodes snapshot bytes built under `salt` with their file list, before the corpus key is known
 * (a restart decodes while the corpus files are still being stat'ed); the caller then tells an exact
 * match (`key` equal to the corpus key) from an earlier state of the corpus. The file list is parsed
 * on its first read. `exact` is false in what it returns.
 * @returns null when of another format or salt, or without a file list (then {@link decodeSnapshot} decides once the key is known)
 * @throws SnapshotError when damaged
 */
export function decodeSnapshotOfSalt(bytes: SnapshotBytes, salt: string): SnapshotContents | null {
  const { header, bodyStart, bodyEnd } = parseHeader(bytes.buf);
  if (header.format !== SNAPSHOT_FORMAT || header.salt !== salt || !header.sections.some((x) => x.name === 'files')) return null;
  return decodeBody(bytes, header, bodyStart, bodyEnd, false, false);
}

/**
 * The lazy region of a snapshot, in memory (a whole file read) or in its open file: a range is handed
 * out only once every block it touches matched its CRC-32. A damaged block is read once more (a
 * read can fail in passing); still damaged, it is reported to `onDamage` and the read throws.
 */
export class LazyRegion {
  /** Blocks of the in-memory region checked so far. */
  private readonly checked: Uint8Array;
  /** The open file, when the region is read from it. */
  readonly file: SnapshotFile | undefined;
  /** Blocks read from the file lately, checked (the most recently used last): block number to slot in `slots`. */
  private readonly cache = new Map<number, number>();
  private slots: Buffer | undefined;
  /** For reads across a few blocks. */
  private scratch: Buffer | undefined;
  private static readonly SCRATCH = 1 << 20;
  private static readonly CACHED = 1024;
  damaged = false;
  /** Told once, when a damaged block is found. */
  onDamage: (() => void) | undefined;

  constructor(
    private readonly source: { memory: Buffer } | { file: SnapshotFile; at: number },
    readonly bytes: number,
    readonly block: number,
    private readonly crcs: Uint32Array,
  ) {
    this.checked = new Uint8Array(crcs.length);
    this.file = 'file' in source ? source.file : undefined;
  }

  /** Checks every block now (a region in memory is checked whole when decoded: it costs little, and a damaged file is then rebuilt at once). */
  checkAll(): void {
    this.read(0, this.bytes);
  }

  /** Bytes `[from, to)` of the region, checked; a view that may be shared with other reads. */
  read(from: number, to: number): Uint8Array {
    if (from < 0 || to > this.bytes || to < from) throw new SnapshotError('lazy section read out of range');
    if (to === from) return new Uint8Array(0);
    const B = this.block;
    const b0 = Math.floor(from / B);
    const b1 = Math.floor((to - 1) / B);
    if ('memory' in this.source) {
      const memory = this.source.memory;
      for (let b = b0; b <= b1; b++) {
        if (this.checked[b]) continue;
        if (!this.matches(b, memory.subarray(b * B, Math.min(this.bytes, (b + 1) * B)))) this.fail(b);
        this.checked[b] = 1;
      }
      return memory.subarray(from, to);
    }
    if (b0 === b1) {
      const got = this.cachedBlock(b0);
      return got.subarray(from - b0 * B, to - b0 * B);
    }
    const start = b0 * B;
    const end = Math.min(this.bytes, (b1 + 1) * B);
    // A few blocks (a text across a block boundary) into a buffer kept for that; a larger read into its own.
    let into: Buffer | undefined;
    if (end - start <= LazyRegion.SCRATCH) into = (this.scratch ??= Buffer.allocUnsafeSlow(LazyRegion.SCRATCH)).subarray(0, end - start);
    return this.readChecked(start, end, into).subarray(from - start, to - start);
  }

  private matches(b: number, bytes: Uint8Array): boolean {
    return b < this.crcs.length && crc32(bytes) === this.crcs[b];
  }

  private cachedBlock(b: number): Buffer {
    const B = this.block;
    let slot = this.cache.get(b);
    if (slot !== undefined) this.cache.delete(b);
    else {
      // Kept blocks live in one buffer allocated once: a fresh buffer per read (fresh memory, and the collector
      // for each) cost ten times the read itself.
      this.slots ??= Buffer.allocUnsafeSlow(LazyRegion.CACHED * B);
      if (this.cache.size < LazyRegion.CACHED) slot = this.cache.size;
      else {
        const [oldest, freed] = this.cache.entries().next().value!;
        this.cache.delete(oldest);
        slot = freed;
      }
      const end = Math.min(this.bytes, (b + 1) * B);
      this.readChecked(b * B, end, this.slots.subarray(slot * B, slot * B + end - b * B));
    }
    this.cache.set(b, slot);
    return this.slots!.subarray(slot * B, slot * B + Math.min(this.bytes, (b + 1) * B) - b * B);
  }

  /** Whole blocks `[start, end)` of the file, each checked, into `into` (a buffer of its own by default). */
  private readChecked(start: number, end: number, into: Buffer = Buffer.allocUnsafeSlow(end - start)): Buffer {
    const { file, at } = this.source as { file: SnapshotFile; at: number };
    const B = this.block;
    let bad = -1;
    for (let attempt = 0; attempt < 2; attempt++) {
      const n = readFully(file.fd, into, at + start, at + end);
      bad = -1;
      for (let b = start / B; b * B < end; b++) {
        if (n < Math.min(end, (b + 1) * B) - start || !this.matches(b, into.subarray(b * B - start, Math.min(end, (b + 1) * B) - start))) {
          bad = b;
          break;
        }
      }
      if (bad < 0) return into;
    }
    return this.fail(bad);
  }

  private fail(b: number): never {
    if (!this.damaged) {
      this.damaged = true;
      this.onDamage?.();
    }
    throw new SnapshotError(`snapshot damaged: block ${b} of its lazily read sections does not match its checksum`);
  }
}

/** Checks and decodes the body; the file list is parsed now (`files` true) or on its first read. */
function decodeBody(read: SnapshotBytes, header: Header, bodyStart: number, bodyEnd: number, exact: boolean, files: boolean): SnapshotContents {
  const buf = read.buf;
  const lazyInfo = header.lazy;
  const lazyBytes = lazyInfo?.bytes ?? 0;
  const eagerBytes = header.eager ?? bodyEnd - bodyStart;
  // The whole file, or (read by `readSnapshotChecked`) all but the lazy region, which is in `read.file`.
  const whole = bodyEnd - bodyStart === lazyBytes + eagerBytes;
  if (!whole && !(read.file && bodyEnd - bodyStart === eagerBytes)) throw new SnapshotError('body does not match its footer');
  const eager = buf.subarray(whole ? bodyStart + lazyBytes : bodyStart, bodyEnd);
  if (`crc32:${(read.bodyCrc ?? crc32(eager)).toString(16)}:${eager.length}` !== header.checksum) throw new SnapshotError('checksum mismatch');
  let region: LazyRegion | null = null;
  if (lazyBytes > 0) {
    const crcBytes = Buffer.from(typeof lazyInfo?.crcs === 'string' ? lazyInfo.crcs : '', 'base64');
    const block = lazyInfo?.block ?? 0;
    if (!Number.isInteger(block) || block <= 0 || block % 8 !== 0 || crcBytes.length !== 4 * Math.ceil(lazyBytes / block)) throw new SnapshotError('lazy region table malformed');
    const crcs = new Uint32Array(crcBytes.length / 4);
    Buffer.from(crcs.buffer).set(crcBytes);
    region = new LazyRegion(whole ? { memory: buf.subarray(bodyStart, bodyStart + lazyBytes) } : { file: read.file!, at: MAGIC.length }, lazyBytes, block, crcs);
    if (whole) {
      try {
        region.checkAll();
      } catch {
        throw new SnapshotError('checksum mismatch');
      }
    }
  }
  // Typed-array views need aligned offsets; a Buffer from the pool may not start on 8 bytes.
  const aligned = eager.byteOffset % 8 === 0 ? eager : Buffer.from(eager);
  const section = (name: string): SectionInfo => {
    const s = header.sections.find((x) => x.name === name);
    const inRegion = s && (s.offset < lazyBytes ? s.offset + s.bytes <= lazyBytes : s.offset - lazyBytes + s.bytes <= aligned.length);
    if (!s || !inRegion || s.offset % 8 !== 0) throw new SnapshotError(`section ${name} missing or truncated`);
    return s;
  };
  const view = (s: SectionInfo, bytes: Uint8Array): Uint8Array | Uint16Array | Uint32Array => {
    if (s.type === 'u32') return new Uint32Array(bytes.buffer, bytes.byteOffset, s.bytes / 4);
    if (s.type === 'u16') return new Uint16Array(bytes.buffer, bytes.byteOffset, s.bytes / 2);
    return bytes;
  };
  const get = (name: string): Uint8Array | Uint16Array | Uint32Array => {
    const s = section(name);
    if (s.offset >= lazyBytes) return view(s, new Uint8Array(aligned.buffer, aligned.byteOffset + s.offset - lazyBytes, s.bytes));
    // A lazy section asked for whole: read now, into memory of its own (aligned).
    const got = region!.read(s.offset, s.offset + s.bytes);
    const own = new Uint8Array(new ArrayBuffer(s.bytes));
    own.set(got);
    return view(s, own);
  };
  const reader: SectionReader = {
    array: get,
    bytes(name: string): SectionBytes {
      const s = section(name);
      if (s.offset >= lazyBytes) {
        const all = new Uint8Array(aligned.buffer, aligned.byteOffset + s.offset - lazyBytes, s.bytes);
        return { length: s.bytes, read: (from, to) => all.subarray(from, Math.max(from, Math.min(to, s.bytes))) };
      }
      const r = region!;
      return {
        length: s.bytes,
        read: (from, to) => {
          if (from < 0 || to > s.bytes || to < from) throw new SnapshotError(`section ${name} read out of range`);
          return r.read(s.offset + from, s.offset + to);
        },
      };
    },
  };
  const u32 = (name: string) => get(name) as Uint32Array;
  const u8 = (name: string) => get(name) as Uint8Array;
  const termsBytes = u8('terms');
  const termsText = Buffer.from(termsBytes.buffer, termsBytes.byteOffset, termsBytes.byteLength).toString('utf8');
  const data: SegmentData = {
    terms: termsText ? termsText.split('\n') : [],
    postOffsets: u32('postOffsets'),
    postings: u32('postings'),
    postTf: u8('postTf'),
    fwdOffsets: u32('fwdOffsets'),
    fwdTerms: u32('fwdTerms'),
    fwdTf: u8('fwdTf'),
    pArticle: u32('pArticle'),
    pStart: u32('pStart'),
    pEnd: u32('pEnd'),
    pSentFirst: u32('pSentFirst'),
    pSentCount: u8('pSentCount'),
    pLen: get('pLen') as Uint16Array,
    pFlags: u8('pFlags'),
    aPassOffsets: u32('aPassOffsets'),
    avgLen: header.avgLen,
  };
  if (data.postOffsets.length !== data.terms.length + 1) throw new SnapshotError('term table does not match postings');
  if (data.postTf.length !== data.postings.length) throw new SnapshotError('posting frequencies do not match postings');
  let articles;
  try {
    articles = unpackArticles(reader);
  } catch (err) {
    if (err instanceof ArticleSectionError) throw new SnapshotError(err.message);
    throw err;
  }
  if (data.aPassOffsets.length !== articles.length + 1) throw new SnapshotError('article table does not match index');
  restoreFingerprints(articles, (name) => (header.sections.some((x) => x.name === name) ? get(name) : null));
  const hasFiles = header.sections.some((x) => x.name === 'files');
  let lines: string | undefined;
  const linesText = (): string => (lines ??= fileLinesText(u8('files')));
  let fileMap: Map<string, string> | undefined = hasFiles && !files ? undefined : hasFiles ? parseFileLines(linesText()) : new Map<string, string>();
  return {
    key: header.key,
    version: header.version,
    segment: new Segment(data, articles),
    ...(region ? { lazy: region } : {}),
    extra: header.extra,
    exact,
    get files() {
      return (fileMap ??= parseFileLines(linesText()));
    },
    ...(hasFiles ? { fileLines: linesText } : {}),
    ...(header.salt ? { salt: header.salt } : {}),
  };
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Finds the footer (section table, key, checksum) and the body it describes. */
function parseHeader(buf: Buffer): { header: Header; bodyStart: number; bodyEnd: number } {
  const m = MAGIC.length;
  if (buf.length < 2 * m + 4 || !buf.subarray(0, m).equals(MAGIC) || !buf.subarray(buf.length - m).equals(MAGIC)) {
    throw new SnapshotError('not a snapshot file, or cut short');
  }
  const len = buf.readUInt32LE(buf.length - m - 4);
  const footerStart = buf.length - m - 4 - len;
  if (footerStart < m) throw new SnapshotError('footer truncated');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', footerStart, footerStart + len)) as Header;
  } catch {
    throw new SnapshotError('footer is not JSON');
  }
  if (typeof header?.key !== 'string' || !Array.isArray(header.sections)) throw new SnapshotError('footer malformed');
  return { header, bodyStart: m, bodyEnd: footerStart };
}
