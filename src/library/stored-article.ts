/**
 * Articles inside the snapshot: a small JSON record per article plus packed sections (texts,
 * sentences, blocks, annotations) that are decoded per article on first use. Each annotation
 * (claims, dates, events) has its own section and is decoded on its own first read, so a command
 * reading one never parses the others.
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

/** Per-article fields kept as one JSON array (small); text, structure and annotations go into binary sections. */
interface ArticleRecord {
  id: string;
  meta: Article['meta'];
  contentHash: string;
  duplicateOf?: string;
}

/** A section to write: its chunks are produced when it is written, so big blobs never exist in one piece. */
export interface SectionSource {
  name: string;
  type: ArrayKind;
  chunks: () => Iterable<Uint8Array>;
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
  const records = function* (): Iterable<Uint8Array> {
    // One JSON array, written in slices so the whole string never exists at once.
    yield Buffer.from('[');
    for (let i = 0; i < n; i++) {
      const a = articles[i]!;
      const record: ArticleRecord = { id: a.id, meta: a.meta, contentHash: a.contentHash, ...(a.duplicateOf ? { duplicateOf: a.duplicateOf } : {}) };
      yield Buffer.from((i ? ',' : '') + JSON.stringify(record), 'utf8');
    }
    yield Buffer.from(']');
  };
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
  return [
    { name: 'articles', type: 'bytes', chunks: records },
    { name: 'texts', type: 'bytes', chunks: blob(textOffsets, (a) => a.text) },
    array('textOffsets', 'u32', textOffsets),
    { name: 'annotationNames', type: 'bytes', chunks: () => [Buffer.from(JSON.stringify([...annKeys]), 'utf8')] },
    ...[...annKeys].flatMap((key): SectionSource[] => {
      const offsets = new Uint32Array(n + 1);
      // An article without this annotation stores nothing (zero bytes), read back as absent.
      return [
        { name: `annotation:${key}`, type: 'bytes', chunks: () => blob(offsets, annotationJson(articles, key))() },
        array(`annotationOffsets:${key}`, 'u32', offsets),
      ];
    }),
    array('sentOffsets', 'u32', sentOffsets),
    array('sStart', 'u32', sStart),
    array('sEnd', 'u32', sEnd),
    array('sBlock', 'u32', sBlock),
    array('sKind', 'u8', sKind),
    array('blockOffsets', 'u32', blockOffsets),
    array('bStart', 'u32', bStart),
    array('bEnd', 'u32', bEnd),
    array('bKind', 'u8', bKind),
    array('bReason', 'u32', bReason),
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
  json: Buffer;
  offsets: Uint32Array;
}

/** Makes `name` an ordinary property of `out` holding `value`; returns the value. */
function settle(out: Record<string, unknown>, name: string, value: unknown): unknown {
  Object.defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** The packed article sections of a snapshot, decoded on demand. */
class ArticleStore {
  constructor(
    readonly texts: Buffer,
    readonly textOffsets: Uint32Array,
    readonly annotations: AnnotationSection[],
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
    try {
      return JSON.parse(section.json.toString('utf8', start, end)) as unknown;
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

  /**
   * One annotation, decoded on its own without building `annotations` (for a command that reads
   * one annotation of many articles once each; it keeps what it needs). Same value as `annotations[name]`.
   */
  annotation(name: string): unknown {
    return this.cache.annotations ? this.cache.annotations[name] : this.store.annotation(this.index, name);
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

/** Reads the article sections back through `get` (views on the snapshot buffer). */
export function unpackArticles(get: (name: string) => Uint8Array | Uint16Array | Uint32Array): Article[] {
  const bytes = (name: string): Buffer => {
    const b = get(name) as Uint8Array;
    return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  };
  let records: ArticleRecord[];
  let reasons: string[];
  let annotationNames: string[];
  try {
    records = JSON.parse(bytes('articles').toString('utf8')) as ArticleRecord[];
    reasons = JSON.parse(bytes('reasons').toString('utf8')) as string[];
    annotationNames = JSON.parse(bytes('annotationNames').toString('utf8')) as string[];
  } catch {
    throw new ArticleSectionError('article records are not JSON');
  }
  if (!Array.isArray(annotationNames) || !annotationNames.every((x) => typeof x === 'string')) throw new ArticleSectionError('annotation names malformed');
  const annotations = annotationNames.map((name) => ({ name, json: bytes(`annotation:${name}`), offsets: get(`annotationOffsets:${name}`) as Uint32Array }));
  const store = new ArticleStore(
    bytes('texts'),
    get('textOffsets') as Uint32Array,
    annotations,
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
  const { textOffsets, sentOffsets, blockOffsets } = store;
  if (textOffsets.length !== n + 1 || sentOffsets.length !== n + 1 || blockOffsets.length !== n + 1 || annotations.some((a) => a.offsets.length !== n + 1)) {
    throw new ArticleSectionError('article sections do not match');
  }
  if (
    sentOffsets[n] !== store.sStart.length ||
    blockOffsets[n] !== store.bStart.length ||
    textOffsets[n] !== store.texts.length ||
    annotations.some((a) => a.offsets[n] !== a.json.length)
  ) {
    throw new ArticleSectionError('article sections truncated');
  }
  return records.map((r, i) => new StoredArticle(r, store, i));
}
