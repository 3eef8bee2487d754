/**
 * Articles inside the snapshot: ids, content hashes and copy marks in compact sections read at
 * start (a restart masks and compares copies by them), and packed sections (metadata, texts,
 * sentences, blocks, annotations) decoded per article on first use. Those are `lazy`: the snapshot
 * reader leaves them on disk and reads an article's bytes when first asked (see snapshot.ts). Each
 * annotation (claims, dates, events) has its own section and is decoded on its own first read, so a
 * command reading one never parses the others.
 */
import type { Article, Block, BlockKind, Sentence } from '../core/types.js';

/** Block kinds by their stored number. */
const KINDS: readonly BlockKind[] = ['title', 'standfirst', 'dateline', 'body', 'caption', 'chrome'];

/** Raised when the stored articles do not add up; the caller rebuilds. */
export class ArticleSectionError extends Error {}

/** Element type of a stored section. */
export type ArrayKind = 'u8' | 'u16' | 'u32' | 'f64' | 'bytes';
/** Data a section can hold. */
export type Writable = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/**
 * A section to write: its chunks are produced when it is written, so big blobs never exist in one piece.
 * A `lazy` one is only read when first used (a start does not read it).
 */
export interface SectionSource {
  name: string;
  type: ArrayKind;
  chunks: () => Iterable<Uint8Array>;
  lazy?: boolean;
}

/** Bytes of a section, read (and checked) when asked for. */
export interface SectionBytes {
  readonly length: number;
  /** Bytes `[from, to)` of the section; the view may be reused by the next read: decode it at once. */
  read(from: number, to: number): Uint8Array;
}

/** The sections of a snapshot, as {@link unpackArticles} reads them. */
export interface SectionReader {
  /** A section as a typed array (a lazy one is read whole); throws when it is missing or truncated. */
  array(name: string): Uint8Array | Uint16Array | Uint32Array;
  /** A section read per range on demand. */
  bytes(name: string): SectionBytes;
}

/** Joins strings by NUL (which no path, id or hash holds) as one section, written in slices. */
function* joined(n: number, item: (i: number) => string): Iterable<Uint8Array> {
  const SLICE = 2000;
  for (let i = 0; i < n; i += SLICE) {
    let text = '';
    for (let j = i; j < Math.min(n, i + SLICE); j++) text += (j ? '\u0000' : '') + item(j);
    yield Buffer.from(text, 'utf8');
  }
}

const bytesOf = (a: Writable): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The article sections in write order (offset tables follow the blobs they index, so they are filled by then). */
export function articleSections(articles: readonly Article[]): SectionSource[] {
  const n = articles.length;
  const textOffsets = new Uint32Array(n + 1);
  // One section per annotation name, in the order names first appear.
  const annKeys = new Set<string>();
  for (const a of articles) for (const key of Object.keys(a.annotations ?? {})) annKeys.add(key);
  const sentOffsets = new Uint32Array(n + 1);
  const blockOffsets = new Uint32Array(n + 1);
  let sentences = 0;
  let blocks = 0;
  articles.forEach((a, i) => {
    sentOffsets[i] = sentences;
    sentences += a.sentences.length;
    blockOffsets[i] = blocks;
    blocks += a.blocks.length;
  });
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
  // Copy marks by the number of the article marked as the original; one outside these articles (a delta's article
  // marked as a copy of the snapshot's) by its id, in `copyIds`.
  const numberOf = new Map<string, number>();
  articles.forEach((a, i) => numberOf.set(a.id, i));
  const copyOf = new Uint32Array(n);
  const copyIds: Array<[number, string]> = [];
  articles.forEach((a, i) => {
    if (!a.duplicateOf) return;
    const j = numberOf.get(a.duplicateOf);
    if (j === undefined) copyIds.push([i, a.duplicateOf]);
    else copyOf[i] = j + 1;
  });
  const metaOffsets = new Uint32Array(n + 1);
  const blob = (offsets: Uint32Array, piece: (a: Article) => string | Buffer) =>
    function* (): Iterable<Uint8Array> {
      let bytes = 0;
      for (let i = 0; i < n; i++) {
        const p = piece(articles[i]!);
        const chunk = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
        offsets[i] = bytes;
        bytes += chunk.length;
        yield chunk;
      }
      offsets[n] = bytes;
    };
  const array = (name: string, type: ArrayKind, data: Writable): SectionSource => ({ name, type, chunks: () => [bytesOf(data)] });
  const lazyArray = (name: string, type: ArrayKind, data: Writable): SectionSource => ({ ...array(name, type, data), lazy: true });
  // Offset tables are written after the blobs they index (`blob` fills them): the lazy region is written first.
  return [
    { name: 'ids', type: 'bytes', chunks: () => joined(n, (i) => articles[i]!.id) },
    { name: 'contentHashes', type: 'bytes', chunks: () => joined(n, (i) => articles[i]!.contentHash) },
    array('copyOf', 'u32', copyOf),
    { name: 'copyIds', type: 'bytes', chunks: () => [Buffer.from(JSON.stringify(copyIds), 'utf8')] },
    // Read at start (a tenth of the size of the texts), parsed per article on first read: copy marking reads the dates of many.
    { name: 'meta', type: 'bytes', chunks: blob(metaOffsets, (a) => JSON.stringify(a.meta)) },
    array('metaOffsets', 'u32', metaOffsets),
    { name: 'texts', type: 'bytes', lazy: true, chunks: blob(textOffsets, (a) => a.text) },
    array('textOffsets', 'u32', textOffsets),
    { name: 'annotationNames', type: 'bytes', chunks: () => [Buffer.from(JSON.stringify([...annKeys]), 'utf8')] },
    ...[...annKeys].flatMap((key): SectionSource[] => {
      const offsets = new Uint32Array(n + 1);
      // An article without this annotation stores nothing (zero bytes), read back as absent.
      return [
        { name: `annotation:${key}`, type: 'bytes', lazy: true, chunks: () => blob(offsets, annotationJson(articles, key))() },
        array(`annotationOffsets:${key}`, 'u32', offsets),
      ];
    }),
    array('sentOffsets', 'u32', sentOffsets),
    lazyArray('sStart', 'u32', sStart),
    lazyArray('sEnd', 'u32', sEnd),
    lazyArray('sBlock', 'u32', sBlock),
    lazyArray('sKind', 'u8', sKind),
    array('blockOffsets', 'u32', blockOffsets),
    lazyArray('bStart', 'u32', bStart),
    lazyArray('bEnd', 'u32', bEnd),
    lazyArray('bKind', 'u8', bKind),
    lazyArray('bReason', 'u32', bReason),
    { name: 'reasons', type: 'bytes', chunks: () => [Buffer.from(JSON.stringify([...reasons.keys()]), 'utf8')] },
  ];
}

/**
 * An annotation's JSON per article. Copies of a story share their annotation values (the
 * analysers' memos and the ingest pool hand them the same objects), so a value held by several
 * articles is encoded once and kept only until its last holder is written.
 */
function annotationJson(articles: readonly Article[], key: string): (a: Article) => string | Buffer {
  const holders = new Map<object, number>();
  for (const a of articles) {
    const value = a.annotations?.[key];
    if (typeof value === 'object' && value !== null) holders.set(value, (holders.get(value) ?? 0) + 1);
  }
  const encoded = new Map<object, Buffer>();
  return (a) => {
    const value = a.annotations?.[key];
    if (value === undefined) return '';
    const left = typeof value === 'object' && value !== null ? holders.get(value)! : 1;
    if (left === 1) {
      const json = encoded.get(value as object);
      if (json) encoded.delete(value as object);
      return json ?? JSON.stringify(value);
    }
    holders.set(value as object, left - 1);
    let json = encoded.get(value as object);
    if (!json) encoded.set(value as object, (json = Buffer.from(JSON.stringify(value), 'utf8')));
    return json;
  };
}

/** One annotation's packed section: the JSON of every article, one after another. */
interface AnnotationSection {
  name: string;
  json: SectionBytes;
  offsets: Uint32Array;
}

/** Makes `name` an ordinary property of `out` holding `value`; returns the value. */
function settle(out: Record<string, unknown>, name: string, value: unknown): unknown {
  Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

const utf8 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/** Elements `[from, to)` of a u32 or u8 section, copied (a lazy section's bytes are a shared view). */
function u32s(section: SectionBytes, from: number, to: number): Uint32Array {
  const out = new Uint32Array(to - from);
  new Uint8Array(out.buffer).set(section.read(4 * from, 4 * to));
  return out;
}

/** The sentence and block sections (lazy), read per article. */
interface Structure {
  sStart: SectionBytes;
  sEnd: SectionBytes;
  sBlock: SectionBytes;
  sKind: SectionBytes;
  bStart: SectionBytes;
  bEnd: SectionBytes;
  bKind: SectionBytes;
  bReason: SectionBytes;
}

/** The packed article sections of a snapshot, decoded on demand. */
class ArticleStore {
  constructor(
    private readonly structure: Structure,
    readonly texts: SectionBytes,
    readonly textOffsets: Uint32Array,
    readonly metas: SectionBytes,
    readonly metaOffsets: Uint32Array,
    readonly annotations: AnnotationSection[],
    readonly sentOffsets: Uint32Array,
    readonly blockOffsets: Uint32Array,
    readonly reasons: string[],
  ) {}

  text(i: number): string {
    return utf8(this.texts.read(this.textOffsets[i]!, this.textOffsets[i + 1]!));
  }

  meta(i: number): Article['meta'] {
    try {
      return JSON.parse(utf8(this.metas.read(this.metaOffsets[i]!, this.metaOffsets[i + 1]!))) as Article['meta'];
    } catch (err) {
      if (err instanceof SyntaxError) throw new ArticleSectionError(`metadata of article ${i} is not JSON`);
      throw err;
    }
  }

  /** Annotation sections by name. */
  private readonly byName = new Map<string, AnnotationSection>();

  /** One annotation of article `i`, decoded now (undefined when the article has none or it is damaged). */
  annotation(i: number, name: string): unknown {
    if (!this.byName.size) for (const a of this.annotations) this.byName.set(a.name, a);
    const section = this.byName.get(name);
    if (!section) return undefined;
    const start = section.offsets[i]!;
    const end = section.offsets[i + 1]!;
    if (end <= start) return undefined;
    const bytes = section.json.read(start, end);
    try {
      return JSON.parse(utf8(bytes)) as unknown;
    } catch {
      return undefined;
    }
  }

  /** The annotations of article `i`: each a property decoded on its first read (then an ordinary, assignable value). */
  annotationsOf(i: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { name, offsets } of this.annotations) {
      if (offsets[i + 1]! <= offsets[i]!) continue;
      Object.defineProperty(out, name, {
        enumerable: true,
        configurable: true,
        get: () => settle(out, name, this.annotation(i, name)),
        set: (value: unknown) => settle(out, name, value),
      });
    }
    return out;
  }

  sentences(i: number): Sentence[] {
    const from = this.sentOffsets[i]!;
    const to = this.sentOffsets[i + 1]!;
    const { sStart, sEnd, sBlock, sKind } = this.structure;
    const start = u32s(sStart, from, to);
    const end = u32s(sEnd, from, to);
    const block = u32s(sBlock, from, to);
    const kind = sKind.read(from, to).slice();
    const out: Sentence[] = [];
    for (let k = 0; k < to - from; k++) out.push({ start: start[k]!, end: end[k]!, index: k, block: block[k]!, kind: KINDS[kind[k]!] ?? 'body' });
    return out;
  }

  blocks(i: number): Block[] {
    const from = this.blockOffsets[i]!;
    const to = this.blockOffsets[i + 1]!;
    const { bStart, bEnd, bKind, bReason } = this.structure;
    const start = u32s(bStart, from, to);
    const end = u32s(bEnd, from, to);
    const kind = bKind.read(from, to).slice();
    const why = u32s(bReason, from, to);
    const out: Block[] = [];
    for (let k = 0; k < to - from; k++) {
      const block: Block = { start: start[k]!, end: end[k]!, kind: KINDS[kind[k]!] ?? 'body' };
      const reason = why[k]! ? this.reasons[why[k]! - 1] : undefined;
      if (reason !== undefined) block.reason = reason;
      out.push(block);
    }
    return out;
  }
}

/**
 * An article read from a snapshot. Metadata, text, sentences, blocks and annotations are decoded
 * on first read (start-up touches none of them; a query touches a few articles), then kept. They
 * are accessors on the prototype, so `toJSON` lists them for serialisation; they are assignable.
 */
export class StoredArticle implements Article {
  duplicateOf?: string;
  private metaRead: Article['meta'] | undefined = undefined;
  private textRead: string | undefined = undefined;
  private sentencesRead: Sentence[] | undefined = undefined;
  private blocksRead: Block[] | undefined = undefined;
  private annotationsRead: Record<string, unknown> | undefined = undefined;

  /**
   * @param store - the snapshot's article sections (fingerprints.ts keys the snapshot's fingerprints by it)
   * @param index - the article's number in the snapshot
   */
  constructor(
    readonly id: string,
    readonly contentHash: string,
    readonly store: object,
    readonly index: number,
  ) {}

  private get sections(): ArticleStore {
    return this.store as ArticleStore;
  }

  get meta(): Article['meta'] {
    return (this.metaRead ??= this.sections.meta(this.index));
  }
  set meta(value: Article['meta']) {
    this.metaRead = value;
  }
  get text(): string {
    return (this.textRead ??= this.sections.text(this.index));
  }
  set text(value: string) {
    this.textRead = value;
  }
  get sentences(): Sentence[] {
    return (this.sentencesRead ??= this.sections.sentences(this.index));
  }
  set sentences(value: Sentence[]) {
    this.sentencesRead = value;
  }
  get blocks(): Block[] {
    return (this.blocksRead ??= this.sections.blocks(this.index));
  }
  set blocks(value: Block[]) {
    this.blocksRead = value;
  }
  get annotations(): Record<string, unknown> {
    return (this.annotationsRead ??= this.sections.annotationsOf(this.index));
  }
  set annotations(value: Record<string, unknown>) {
    this.annotationsRead = value;
  }

  /**
   * One annotation, decoded on its own without building `annotations` (for a command that reads
   * one annotation of many articles once each; it keeps what it needs). Same value as `annotations[name]`.
   */
  annotation(name: string): unknown {
    return this.annotationsRead ? this.annotationsRead[name] : this.sections.annotation(this.index, name);
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

/** Strings joined by NUL, split back; `n` of them. */
function splitJoined(bytes: Uint8Array, n: number, what: string): string[] {
  const out = n === 0 ? [] : utf8(bytes).split('\u0000');
  if (out.length !== n) throw new ArticleSectionError(`${what} do not match the articles`);
  return out;
}

/** Reads the article sections back: ids, hashes and copy marks now, the rest per article when first read. */
export function unpackArticles(reader: SectionReader): Article[] {
  const { array, bytes } = { array: (name: string) => reader.array(name), bytes: (name: string) => reader.bytes(name) };
  const json = (name: string): unknown => JSON.parse(utf8(array(name) as Uint8Array)) as unknown;
  let reasons: string[];
  let annotationNames: string[];
  let copyIds: Array<[number, string]>;
  try {
    reasons = json('reasons') as string[];
    annotationNames = json('annotationNames') as string[];
    copyIds = json('copyIds') as Array<[number, string]>;
  } catch {
    throw new ArticleSectionError('article sections are not JSON');
  }
  if (!Array.isArray(annotationNames) || !annotationNames.every((x) => typeof x === 'string')) throw new ArticleSectionError('annotation names malformed');
  if (!Array.isArray(reasons) || !Array.isArray(copyIds)) throw new ArticleSectionError('article sections malformed');
  const copyOf = array('copyOf') as Uint32Array;
  const n = copyOf.length;
  const ids = splitJoined(array('ids') as Uint8Array, n, 'ids');
  const hashes = splitJoined(array('contentHashes') as Uint8Array, n, 'content hashes');
  const annotations = annotationNames.map((name) => ({ name, json: bytes(`annotation:${name}`), offsets: array(`annotationOffsets:${name}`) as Uint32Array }));
  const structure: Structure = {
    sStart: bytes('sStart'),
    sEnd: bytes('sEnd'),
    sBlock: bytes('sBlock'),
    sKind: bytes('sKind'),
    bStart: bytes('bStart'),
    bEnd: bytes('bEnd'),
    bKind: bytes('bKind'),
    bReason: bytes('bReason'),
  };
  const store = new ArticleStore(
    structure,
    bytes('texts'),
    array('textOffsets') as Uint32Array,
    bytes('meta'),
    array('metaOffsets') as Uint32Array,
    annotations,
    array('sentOffsets') as Uint32Array,
    array('blockOffsets') as Uint32Array,
    reasons,
  );
  const { textOffsets, metaOffsets, sentOffsets, blockOffsets } = store;
  if ([textOffsets, metaOffsets, sentOffsets, blockOffsets].some((o) => o.length !== n + 1) || annotations.some((a) => a.offsets.length !== n + 1)) {
    throw new ArticleSectionError('article sections do not match');
  }
  // The lazily read sections are not read now: their sizes are checked against the tables.
  const sentences = sentOffsets[n]!;
  const blocks = blockOffsets[n]!;
  const { sStart, sEnd, sBlock, sKind, bStart, bEnd, bKind, bReason } = structure;
  if (
    [sStart, sEnd, sBlock].some((x) => x.length !== 4 * sentences) ||
    sKind.length !== sentences ||
    [bStart, bEnd, bReason].some((x) => x.length !== 4 * blocks) ||
    bKind.length !== blocks ||
    textOffsets[n] !== store.texts.length ||
    metaOffsets[n] !== store.metas.length ||
    annotations.some((a) => a.offsets[n] !== a.json.length)
  ) {
    throw new ArticleSectionError('article sections truncated');
  }
  const articles = new Array<StoredArticle>(n);
  for (let i = 0; i < n; i++) articles[i] = new StoredArticle(ids[i]!, hashes[i]!, store, i);
  for (let i = 0; i < n; i++) {
    const j = copyOf[i]!;
    if (j === 0) continue;
    if (j > n) throw new ArticleSectionError('copy marks malformed');
    articles[i]!.duplicateOf = ids[j - 1];
  }
  for (const [i, id] of copyIds) {
    const a = articles[i];
    if (!a || typeof id !== 'string') throw new ArticleSectionError('copy marks malformed');
    a.duplicateOf = id;
  }
  return articles;
}
