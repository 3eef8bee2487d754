/**
 * The index snapshot: one binary file holding the articles and the main segment, so a restart
 * over an unchanged corpus is a file read rather than a re-ingest.
 *
 * Layout: 8-byte magic, 8-byte-aligned sections, JSON footer (key, format, section table, CRC-32
 * of the sections), u32 footer length, the magic again. Typed arrays are stored as raw bytes and read back as views on
 * the file buffer (no parsing, no copying); article structure (sentences, blocks) is packed into
 * typed arrays too and turned back into objects only when an article's sentences are first read.
 */
import { crc32 } from 'node:zlib';
import { closeSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../core/ports.js';
import { Segment, type SegmentData } from '../search/segment.js';
import { ArticleSectionError, articleSections, unpackArticles, type ArrayKind, type SectionSource, type Writable } from './stored-article.js';
import { makeDirectory } from '../core/make-dir.js';
import { runSteps, type Steps } from '../core/take-turns.js';
import { fingerprintSections, restoreFingerprints } from './fingerprints.js';

/** Bump when the snapshot layout or the index format changes; older snapshots are then rebuilt. */
export const SNAPSHOT_FORMAT = 'newsdesk-index-9';

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
  checksum: string;
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


/** Collects small chunks into large writes (200,000 articles would otherwise be 400,000 system calls). */
class SnapshotWriter {
  private readonly buffer = Buffer.alloc(4 << 20);
  private used = 0;
  crc = 0;
  written = 0;

  constructor(private readonly fd: number) {}

  /** Appends bytes; `checked` ones count towards the checksum. */
  write(chunk: Uint8Array, checked = true): void {
    // zlib's crc32 of an empty array over an empty buffer (a null data pointer) starts over at 0 rather than
    // returning the running value; an empty corpus has such sections, and its snapshot then never matched.
    if (chunk.length === 0) return;
    if (checked) this.crc = crc32(chunk, this.crc);
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
    const sections = [...segmentSections(segment.data), ...articleSections(segment.articles), ...fingerprintSections(segment.articles)];
    if (source) sections.push({ name: 'files', type: 'bytes', chunks: () => fileLines(source) });
    let chunks = 0;
    let sinceStep = 0;
    for (const section of sections) {
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
    const footer: Header = {
      format: SNAPSHOT_FORMAT,
      key,
      ...(source ? { salt: source.salt } : {}),
      version,
      avgLen: segment.data.avgLen,
      extra,
      checksum: `crc32:${out.crc.toString(16)}:${offset}`,
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

/** A snapshot file's bytes, with the checksum of its body when it was computed while reading. */
export interface SnapshotBytes {
  buf: Buffer;
  /** CRC-32 of the body as the footer places it; undefined when not computed (then {@link decodeSnapshot} computes it). */
  bodyCrc?: number;
}

/**
 * The reader thread: plain JavaScript on Node's built-ins only (it needs no loader, so it starts in
 * milliseconds under tsx too). It checksums the body between the magic and the footer, then reads the
 * whole file with as few system calls as the kernel allows into a buffer of its own and hands it over
 * (transferred, not copied).
 *
 * The checksum pass reads the body through a small buffer that stays in the processor's cache, and
 * the checksum runs on those bytes while they are there: over the large buffer, after the bulk read,
 * it would read half a gigabyte back from memory (most of a second on the bench machine, for what the
 * small-buffer pass does in a tenth). It is as safe: both passes read the same open file (its inode:
 * a snapshot is only ever replaced by renaming a new file over it, never written in place, so what the
 * descriptor reads cannot change between them), at the same offsets, through the same page cache.
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const { openSync, fstatSync, readSync, closeSync } = require('node:fs');
const { crc32 } = require('node:zlib');
const { file, magic, shared, parts, checksum } = workerData;
const readAt = (fd, buf, at, end) => {
  let done = 0;
  while (at + done < end) {
    const n = readSync(fd, buf, done, Math.min(buf.length - done, end - at - done), at + done);
    if (n === 0) break;
    done += n;
  }
  return done;
};
let fd;
try {
  fd = openSync(file, 'r');
  const st = fstatSync(fd);
  const size = st.size;
  // Which file this thread read: two threads reading parts of one snapshot must have read the same one.
  const id = [st.dev, st.ino, st.size, st.mtimeMs].join(':');
  let crc;
  if (checksum && size >= 2 * magic + 4) {
    const tail = Buffer.alloc(4);
    if (readAt(fd, tail, size - magic - 4, size - magic) === 4) {
      const end = size - magic - 4 - tail.readUInt32LE(0);
      if (end >= magic) {
        const chunk = Buffer.allocUnsafeSlow(256 * 1024);
        crc = 0;
        for (let at = magic; at < end; ) {
          const n = readAt(fd, chunk, at, Math.min(end, at + chunk.length));
          if (n === 0) {
            crc = undefined;
            break;
          }
          // zlib's crc32 over an empty array starts over at 0: never called with one.
          crc = crc32(n === chunk.length ? chunk : chunk.subarray(0, n), crc);
          at += n;
        }
      }
    }
  }
  if (shared) {
    // Its parts of the file into the buffer all the threads share.
    let read = 0;
    if (shared.byteLength !== size) read = -1;
    else for (const [from, to] of parts) read += readAt(fd, Buffer.from(shared, from, to - from), from, to);
    parentPort.postMessage({ id, length: read, crc });
  } else {
    const bytes = new ArrayBuffer(size);
    const buf = Buffer.from(bytes);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, buf, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    parentPort.postMessage(at === size ? { bytes, length: at, crc } : { bytes, length: at }, [bytes]);
  }
} catch (err) {
  parentPort.postMessage({ code: err.code ?? null, message: String(err.message) });
} finally {
  if (fd !== undefined) closeSync(fd);
}
`;

interface ReaderReply {
  /** The file read (device, inode, size, mtime), by a thread reading part of it. */
  id?: string;
  bytes?: ArrayBuffer;
  length?: number;
  crc?: number;
  code?: string | null;
  message?: string;
}

/** From this size on, a snapshot is read by two threads, each a part (see {@link readSnapshotChecked}). */
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

/**
 * Reads a snapshot file on threads of their own and checksums its body there too, so the calling
 * thread is free meanwhile (a restart hashes the corpus then) and does not spend a CPU-bound half
 * second per 500 MB on the checksum. Most of a large snapshot's read is the kernel filling fresh
 * memory, one page at a time: from `splitBytes` on, two threads each read a part into one shared
 * buffer (the second core is otherwise idle for much of a restart). They must have read the same
 * file (device, inode, size, mtime: a snapshot is replaced by renaming a new file over it, never
 * written in place), else it is read again here. Falls back to {@link readSnapshotBytes} (checksum
 * left to {@link decodeSnapshot}) when a thread cannot run. Resolves to null when there is no snapshot.
 * @throws SnapshotError when the file cannot be read
 */
export async function readSnapshotChecked(file: string, splitBytes = SPLIT_BYTES): Promise<SnapshotBytes | null> {
  const plain = async (): Promise<SnapshotBytes | null> => {
    const buf = await readSnapshotBytes(file);
    return buf ? { buf } : null;
  };
  const failed = (reply: ReaderReply): null => {
    if (reply.code === 'ENOENT') return null;
    throw new SnapshotError(`cannot read: ${reply.message ?? 'unknown error'}`);
  };
  let size = -1;
  try {
    size = statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
  }
  if (size < splitBytes || size < 2 * MAGIC.length + 4) {
    const reply = await runReader({ file, magic: MAGIC.length, checksum: true });
    if (!reply) return plain();
    if (!reply.bytes) return failed(reply);
    const buf = Buffer.from(reply.bytes, 0, reply.length);
    return reply.crc === undefined ? { buf } : { buf, bodyCrc: reply.crc };
  }
  const shared = new SharedArrayBuffer(size);
  // The first thread also runs the checksum pass (a tenth of its read), so it reads the smaller part.
  const split = Math.floor(size * 0.45);
  const [first, second] = await Promise.all([
    runReader({ file, magic: MAGIC.length, shared, parts: [[0, split]], checksum: true }),
    runReader({ file, magic: MAGIC.length, shared, parts: [[split, size]], checksum: false }),
  ]);
  if (!first || !second) return plain();
  if (first.id === undefined) return failed(first);
  if (second.id === undefined) return failed(second);
  if (first.id !== second.id || first.length !== split || second.length !== size - split || first.crc === undefined) return plain();
  return { buf: Buffer.from(shared), bodyCrc: first.crc };
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
  const { buf, bodyCrc } = Buffer.isBuffer(bytes) ? { buf: bytes, bodyCrc: undefined } : bytes;
  const { header, bodyStart, bodyEnd } = parseHeader(buf);
  if (header.format !== SNAPSHOT_FORMAT) return null;
  const exact = expectedKey === null || header.key === expectedKey;
  const earlier = !exact && salt !== undefined && header.salt === salt && header.sections.some((x) => x.name === 'files');
  if (!exact && !earlier) return null;
  // Only a partial reuse needs the file list; an exact start does not pay for parsing it.
  return decodeBody(buf, bodyCrc, header, bodyStart, bodyEnd, exact, !exact || withFiles);
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
  return decodeBody(bytes.buf, bytes.bodyCrc, header, bodyStart, bodyEnd, false, false);
}

/** Checks and decodes the body; the file list is parsed now (`files` true) or on its first read. */
function decodeBody(buf: Buffer, bodyCrc: number | undefined, header: Header, bodyStart: number, bodyEnd: number, exact: boolean, files: boolean): SnapshotContents {
  const body = buf.subarray(bodyStart, bodyEnd);
  if (`crc32:${(bodyCrc ?? crc32(body)).toString(16)}:${body.length}` !== header.checksum) throw new SnapshotError('checksum mismatch');
  // Typed-array views need aligned offsets; a Buffer from the pool may not start on 8 bytes.
  const aligned = body.byteOffset % 8 === 0 ? body : Buffer.from(body);
  const get = (name: string): Uint8Array | Uint16Array | Uint32Array => {
    const s = header.sections.find((x) => x.name === name);
    if (!s || s.offset + s.bytes > aligned.length) throw new SnapshotError(`section ${name} missing or truncated`);
    const at = aligned.byteOffset + s.offset;
    if (s.type === 'u32') return new Uint32Array(aligned.buffer, at, s.bytes / 4);
    if (s.type === 'u16') return new Uint16Array(aligned.buffer, at, s.bytes / 2);
    return new Uint8Array(aligned.buffer, at, s.bytes);
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
    articles = unpackArticles(get);
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
