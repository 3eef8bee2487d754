/**
 * The index snapshot: one binary file holding the articles and the main segment, so a restart
 * over an unchanged corpus is a file read rather than a re-ingest.
 *
 * Layout: 8-byte magic, u32 header length, JSON header (key, format, section table, checksum),
 * then 8-byte-aligned sections. Typed arrays are stored as raw bytes and read back as views on
 * the file buffer (no parsing, no copying); article structure (sentences, blocks) is packed into
 * typed arrays too and turned back into objects only when an article's sentences are first read.
 */
import { crc32 } from 'node:zlib';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Segment, type SegmentData } from './segment.js';
import { ArticleSectionError, packArticles, unpackArticles, type ArrayKind, type Writable } from './stored-article.js';

/** Bump when the snapshot layout or the index format changes; older snapshots are then rebuilt. */
export const SNAPSHOT_FORMAT = 'newsdesk-index-4';

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
}

/** Thrown (as a plain Error) when a snapshot cannot be used; callers rebuild. */
export class SnapshotError extends Error {}


/**
 * Writes the main segment and its articles to `file`, atomically (temp file + rename).
 * @returns bytes written
 */
export function writeSnapshot(file: string, segment: Segment, key: string, version: string, extra: unknown): number {
  const sections: { name: string; type: ArrayKind; data: Writable }[] = [];
  const add = (name: string, type: ArrayKind, data: Writable) => sections.push({ name, type, data });
  const d = segment.data;
  add('terms', 'bytes', Buffer.from(d.terms.join('\n'), 'utf8'));
  add('postOffsets', 'u32', d.postOffsets);
  add('postings', 'u32', d.postings);
  add('fwdOffsets', 'u32', d.fwdOffsets);
  add('fwdTerms', 'u32', d.fwdTerms);
  add('fwdTf', 'u8', d.fwdTf);
  add('pArticle', 'u32', d.pArticle);
  add('pStart', 'u32', d.pStart);
  add('pEnd', 'u32', d.pEnd);
  add('pSentFirst', 'u32', d.pSentFirst);
  add('pSentCount', 'u8', d.pSentCount);
  add('pLen', 'u16', d.pLen);
  add('pFlags', 'u8', d.pFlags);
  add('aPassOffsets', 'u32', d.aPassOffsets);
  packArticles(segment.articles, add);

  const headerBase = { format: SNAPSHOT_FORMAT, key, version, avgLen: d.avgLen, extra };
  const infos: SectionInfo[] = [];
  let offset = 0;
  for (const s of sections) {
    infos.push({ name: s.name, type: s.type, offset, bytes: s.data.byteLength });
    offset = align8(offset + s.data.byteLength);
  }
  const body = Buffer.alloc(offset);
  sections.forEach((s, i) => {
    body.set(new Uint8Array(s.data.buffer, s.data.byteOffset, s.data.byteLength), infos[i]!.offset);
  });
  const checksum = checksumOf(body);
  const header: Header = { ...headerBase, checksum, sections: infos };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(align8(MAGIC.length + 4 + headerBytes.length));
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(prefix, MAGIC.length + 4);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([prefix, body]));
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return prefix.length + body.length;
}

/** Reads only the key of a snapshot, or null when the file is missing or not a snapshot. */
export function readSnapshotKey(file: string): string | null {
  try {
    const buf = readFileSync(file);
    return parseHeader(buf).header.key;
  } catch {
    return null;
  }
}

/**
 * Loads a snapshot if it exists and was built for `expectedKey`.
 * @returns null when the file is missing or stale
 * @throws SnapshotError when the file exists but is damaged
 */
export function readSnapshot(file: string, expectedKey: string | null): SnapshotContents | null {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SnapshotError(`cannot read: ${(err as Error).message}`);
  }
  const { header, bodyStart } = parseHeader(buf);
  if (header.format !== SNAPSHOT_FORMAT) return null;
  if (expectedKey !== null && header.key !== expectedKey) return null;
  const body = buf.subarray(bodyStart);
  if (checksumOf(body) !== header.checksum) throw new SnapshotError('checksum mismatch');
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
  let articles;
  try {
    articles = unpackArticles(get);
  } catch (err) {
    if (err instanceof ArticleSectionError) throw new SnapshotError(err.message);
    throw err;
  }
  if (data.aPassOffsets.length !== articles.length + 1) throw new SnapshotError('article table does not match index');
  return { key: header.key, version: header.version, segment: new Segment(data, articles), extra: header.extra };
}

/** CRC-32 of the body (hardware-assisted in zlib: a 300 MB snapshot checks in a fraction of a second). */
function checksumOf(body: Uint8Array): string {
  return `crc32:${crc32(body).toString(16)}:${body.length}`;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

function parseHeader(buf: Buffer): { header: Header; bodyStart: number } {
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotError('not a snapshot file');
  const len = buf.readUInt32LE(MAGIC.length);
  if (MAGIC.length + 4 + len > buf.length) throw new SnapshotError('header truncated');
  let header: Header;
  try {
    header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + len)) as Header;
  } catch {
    throw new SnapshotError('header is not JSON');
  }
  if (typeof header?.key !== 'string' || !Array.isArray(header.sections)) throw new SnapshotError('header malformed');
  return { header, bodyStart: align8(MAGIC.length + 4 + len) };
}
