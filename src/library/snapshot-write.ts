/**
 * Writing the index snapshot (layout in `snapshot.ts`): sections streamed in steps, checksummed as
 * they go, into a temp file renamed over the old one.
 */
import { crc32 } from 'node:zlib';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Segment, SegmentData } from '../search/segment.js';
import { articleSections, type ArrayKind, type SectionSource, type Writable } from './stored-article.js';
import { makeDirectory } from '../core/make-dir.js';
import { runSteps, type Steps } from '../core/take-turns.js';
import { fingerprintSections } from './fingerprints.js';
import { align8, LAZY_BLOCK, MAGIC, SNAPSHOT_FORMAT, type Header, type SectionInfo, type SnapshotSource } from './snapshot-format.js';

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

/** The `files` section: one `path TAB entry` line per corpus file, written in slices. */
function* fileLines(source: SnapshotSource): Iterable<Uint8Array> {
  const SLICE = 1000;
  for (let i = 0; i < source.files.length; i += SLICE) {
    let text = '';
    for (let j = i; j < Math.min(source.files.length, i + SLICE); j++) text += `${source.files[j]}\t${source.entries[j]}\n`;
    yield Buffer.from(text, 'utf8');
  }
}
