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
import { Segment, type SegmentData } from '../search/segment.js';
import { ArticleSectionError, unpackArticles, type SectionBytes, type SectionReader } from './stored-article.js';
import { restoreFingerprints } from './fingerprints.js';
import { MAGIC, parseHeader, SNAPSHOT_FORMAT, SnapshotError, type Header, type SectionInfo } from './snapshot-format.js';
import { readFully, type SnapshotBytes, type SnapshotFile } from './snapshot-file.js';

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
