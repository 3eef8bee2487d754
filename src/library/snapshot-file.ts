/**
 * Reading a snapshot file at start: the region a start needs, on threads of their own and
 * checksummed there, and the open file its lazy region is read from later.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { MAGIC, SnapshotError, type Header } from './snapshot-format.js';

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
export function readFully(fd: number, buf: Uint8Array, at: number, end: number): number {
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
