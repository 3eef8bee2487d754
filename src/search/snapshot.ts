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
import type { Article, Block, BlockKind, Sentence } from '../types.js';
import { Segment, type SegmentData } from './segment.js';

/** Bump when the snapshot layout or the index format changes; older snapshots are then rebuilt. */
export const SNAPSHOT_FORMAT = 'newsdesk-index-4';

const MAGIC = Buffer.from('NDSNAP\u0000\u0001', 'latin1');
const KINDS: readonly BlockKind[] = ['title', 'standfirst', 'dateline', 'body', 'caption', 'chrome'];

type ArrayKind = 'u8' | 'u16' | 'u32' | 'f64' | 'bytes';

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

type Writable = Uint8Array | Uint16Array | Uint32Array | Float64Array;

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
  const articles = unpackArticles(get);
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

/** Per-article fields kept as one JSON array (small); text, structure and annotations go into binary sections. */
interface ArticleRecord {
  id: string;
  meta: Article['meta'];
  contentHash: string;
  duplicateOf?: string;
}

function packArticles(articles: readonly Article[], add: (name: string, type: ArrayKind, data: Writable) => void): void {
  const n = articles.length;
  const records: ArticleRecord[] = articles.map((a) => ({
    id: a.id,
    meta: a.meta,
    contentHash: a.contentHash,
    ...(a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}),
  }));
  add('articles', 'bytes', Buffer.from(JSON.stringify(records), 'utf8'));
  const textOffsets = new Uint32Array(n + 1);
  const annOffsets = new Uint32Array(n + 1);
  const texts: Buffer[] = [];
  const annotations: Buffer[] = [];
  let textBytes = 0;
  let annBytes = 0;
  const sentOffsets = new Uint32Array(n + 1);
  const blockOffsets = new Uint32Array(n + 1);
  let sentences = 0;
  let blocks = 0;
  articles.forEach((a, i) => {
    const t = Buffer.from(a.text, 'utf8');
    texts.push(t);
    textOffsets[i] = textBytes;
    textBytes += t.length;
    const ann = Buffer.from(JSON.stringify(a.annotations ?? {}), 'utf8');
    annotations.push(ann);
    annOffsets[i] = annBytes;
    annBytes += ann.length;
    sentOffsets[i] = sentences;
    sentences += a.sentences.length;
    blockOffsets[i] = blocks;
    blocks += a.blocks.length;
  });
  textOffsets[n] = textBytes;
  annOffsets[n] = annBytes;
  sentOffsets[n] = sentences;
  blockOffsets[n] = blocks;
  const sStart = new Uint32Array(sentences);
  const sEnd = new Uint32Array(sentences);
  const sBlock = new Uint32Array(sentences);
  const sKind = new Uint8Array(sentences);
  const bStart = new Uint32Array(blocks);
  const bEnd = new Uint32Array(blocks);
  const bKind = new Uint8Array(blocks);
  const bReason = new Uint32Array(blocks);
  const reasons = new Map<string, number>();
  let si = 0;
  let bi = 0;
  for (const a of articles) {
    for (const s of a.sentences) {
      sStart[si] = s.start;
      sEnd[si] = s.end;
      sBlock[si] = s.block;
      sKind[si++] = KINDS.indexOf(s.kind);
    }
    for (const b of a.blocks) {
      bStart[bi] = b.start;
      bEnd[bi] = b.end;
      bKind[bi] = KINDS.indexOf(b.kind);
      let r = 0;
      if (b.reason !== undefined) {
        r = reasons.get(b.reason) ?? reasons.size + 1;
        reasons.set(b.reason, r);
      }
      bReason[bi++] = r;
    }
  }
  add('texts', 'bytes', Buffer.concat(texts));
  add('textOffsets', 'u32', textOffsets);
  add('annotations', 'bytes', Buffer.concat(annotations));
  add('annOffsets', 'u32', annOffsets);
  add('sentOffsets', 'u32', sentOffsets);
  add('sStart', 'u32', sStart);
  add('sEnd', 'u32', sEnd);
  add('sBlock', 'u32', sBlock);
  add('sKind', 'u8', sKind);
  add('blockOffsets', 'u32', blockOffsets);
  add('bStart', 'u32', bStart);
  add('bEnd', 'u32', bEnd);
  add('bKind', 'u8', bKind);
  add('bReason', 'u32', bReason);
  add('reasons', 'bytes', Buffer.from(JSON.stringify([...reasons.keys()]), 'utf8'));
}

/** The packed article sections of a snapshot, decoded on demand. */
class ArticleStore {
  constructor(
    readonly texts: Buffer,
    readonly textOffsets: Uint32Array,
    readonly annotations: Buffer,
    readonly annOffsets: Uint32Array,
    readonly sentOffsets: Uint32Array,
    readonly sStart: Uint32Array,
    readonly sEnd: Uint32Array,
    readonly sBlock: Uint32Array,
    readonly sKind: Uint8Array,
    readonly blockOffsets: Uint32Array,
    readonly bStart: Uint32Array,
    readonly bEnd: Uint32Array,
    readonly bKind: Uint8Array,
    readonly bReason: Uint32Array,
    readonly reasons: string[],
  ) {}

  text(i: number): string {
    return this.texts.toString('utf8', this.textOffsets[i], this.textOffsets[i + 1]);
  }

  annotationsOf(i: number): Record<string, unknown> {
    try {
      return JSON.parse(this.annotations.toString('utf8', this.annOffsets[i], this.annOffsets[i + 1])) as Record<string, unknown>;
    } catch {
      return {};
    }
  }

  sentences(i: number): Sentence[] {
    const out: Sentence[] = [];
    for (let s = this.sentOffsets[i]!, k = 0; s < this.sentOffsets[i + 1]!; s++, k++) {
      out.push({ start: this.sStart[s]!, end: this.sEnd[s]!, index: k, block: this.sBlock[s]!, kind: KINDS[this.sKind[s]!] ?? 'body' });
    }
    return out;
  }

  blocks(i: number): Block[] {
    const out: Block[] = [];
    for (let b = this.blockOffsets[i]!; b < this.blockOffsets[i + 1]!; b++) {
      const block: Block = { start: this.bStart[b]!, end: this.bEnd[b]!, kind: KINDS[this.bKind[b]!] ?? 'body' };
      const reason = this.bReason[b]! ? this.reasons[this.bReason[b]! - 1] : undefined;
      if (reason !== undefined) block.reason = reason;
      out.push(block);
    }
    return out;
  }
}

/**
 * An article read from a snapshot. Text, sentences, blocks and annotations are decoded on first
 * read (start-up touches none of them; a query touches a few articles), then kept. They are
 * accessors on the prototype, so `toJSON` lists them for serialisation; they are assignable.
 */
export class StoredArticle implements Article {
  id: string;
  meta: Article['meta'];
  contentHash: string;
  duplicateOf?: string;
  private cache: { text?: string; sentences?: Sentence[]; blocks?: Block[]; annotations?: Record<string, unknown> } = {};

  constructor(
    record: ArticleRecord,
    private readonly store: ArticleStore,
    private readonly index: number,
  ) {
    this.id = record.id;
    this.meta = record.meta;
    this.contentHash = record.contentHash;
    if (record.duplicateOf) this.duplicateOf = record.duplicateOf;
  }

  get text(): string {
    return (this.cache.text ??= this.store.text(this.index));
  }
  set text(value: string) {
    this.cache.text = value;
  }
  get sentences(): Sentence[] {
    return (this.cache.sentences ??= this.store.sentences(this.index));
  }
  set sentences(value: Sentence[]) {
    this.cache.sentences = value;
  }
  get blocks(): Block[] {
    return (this.cache.blocks ??= this.store.blocks(this.index));
  }
  set blocks(value: Block[]) {
    this.cache.blocks = value;
  }
  get annotations(): Record<string, unknown> {
    return (this.cache.annotations ??= this.store.annotationsOf(this.index));
  }
  set annotations(value: Record<string, unknown>) {
    this.cache.annotations = value;
  }

  /** The plain article, as JSON and copies should see it. */
  toJSON(): Article {
    return {
      id: this.id,
      meta: this.meta,
      text: this.text,
      blocks: this.blocks,
      sentences: this.sentences,
      contentHash: this.contentHash,
      ...(this.duplicateOf ? { duplicateOf: this.duplicateOf } : {}),
      annotations: this.annotations,
    };
  }
}

function unpackArticles(get: (name: string) => Uint8Array | Uint16Array | Uint32Array): Article[] {
  const bytes = (name: string): Buffer => {
    const b = get(name) as Uint8Array;
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  };
  let records: ArticleRecord[];
  let reasons: string[];
  try {
    records = JSON.parse(bytes('articles').toString('utf8')) as ArticleRecord[];
    reasons = JSON.parse(bytes('reasons').toString('utf8')) as string[];
  } catch {
    throw new SnapshotError('article records are not JSON');
  }
  const store = new ArticleStore(
    bytes('texts'),
    get('textOffsets') as Uint32Array,
    bytes('annotations'),
    get('annOffsets') as Uint32Array,
    get('sentOffsets') as Uint32Array,
    get('sStart') as Uint32Array,
    get('sEnd') as Uint32Array,
    get('sBlock') as Uint32Array,
    get('sKind') as Uint8Array,
    get('blockOffsets') as Uint32Array,
    get('bStart') as Uint32Array,
    get('bEnd') as Uint32Array,
    get('bKind') as Uint8Array,
    get('bReason') as Uint32Array,
    reasons,
  );
  const n = records.length;
  const { textOffsets, annOffsets, sentOffsets, blockOffsets } = store;
  if (textOffsets.length !== n + 1 || annOffsets.length !== n + 1 || sentOffsets.length !== n + 1 || blockOffsets.length !== n + 1) {
    throw new SnapshotError('article sections do not match');
  }
  if (
    sentOffsets[n] !== store.sStart.length ||
    blockOffsets[n] !== store.bStart.length ||
    textOffsets[n] !== store.texts.length ||
    annOffsets[n] !== store.annotations.length
  ) {
    throw new SnapshotError('article sections truncated');
  }
  return records.map((r, i) => new StoredArticle(r, store, i));
}
