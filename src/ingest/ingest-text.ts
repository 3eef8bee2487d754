/**
 * Turns raw page text into an `Article`: blocks, sentences with exact offsets, and metadata
 * read from the text where the given metadata is silent.
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleMeta, Block, BlockKind, Sentence } from '../core/types.js';
import { classify, type Classification } from './classify.js';
import { blockSentences } from './sentences.js';
import { fallbackTitle } from './title.js';

/** Options for `ingestText`. */
export interface IngestTextOptions {
  /** Stable article id (the file path relative to the corpus folder). */
  id: string;
  /** What is already known; every field given here wins over what the text suggests. */
  meta?: Partial<ArticleMeta>;
}

/** Block kinds whose text is split into sentences; chrome and datelines get none. */
const SENTENCE_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(['title', 'standfirst', 'body', 'caption']);

/** sha256 of a text, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What ingest works out from the text alone; identical texts give identical structure. */
interface Structure extends Classification {
  sentences: Sentence[];
}

/**
 * Structures already computed, keyed by content hash and known title. Archives carry many exact
 * copies (wire stories, syndication, re-imports), and re-splitting them costs the most. Entries
 * are frozen and shared between articles with the same text. Bounded: oldest entries go first.
 */
const cache = new Map<string, Structure>();
/** Most cached structures. @defaultValue 200,000 */
const CACHE_LIMIT = 200_000;

/** Empties the structure cache (tests; long-running processes after a corpus is replaced). */
export function clearIngestCache(): void {
  cache.clear();
}

function structure(raw: string, contentHash: string, knownTitle: string | undefined): Structure {
  const key = knownTitle === undefined ? contentHash : `${contentHash}\u0000${knownTitle}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { blocks, dateline, headline } = classify(raw, knownTitle);
  const sentences: Sentence[] = [];
  blocks.forEach((b, i) => {
    if (!SENTENCE_KINDS.has(b.kind)) return;
    for (const span of blockSentences(raw, b)) sentences.push(Object.freeze({ start: span.start, end: span.end, index: sentences.length, block: i, kind: b.kind }));
  });
  for (const b of blocks) Object.freeze(b);
  const result: Structure = { blocks: Object.freeze(blocks) as Block[], sentences: Object.freeze(sentences) as Sentence[] };
  if (dateline) result.dateline = Object.freeze(dateline);
  if (headline !== undefined) result.headline = headline;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/**
 * Ingests one article's raw text. Synchronous and pure: the same input gives the same article.
 * `blocks` and `sentences` are frozen and may be shared with other articles of identical text.
 * @param raw - the article text exactly as received (front matter already removed); kept as `text`
 * @param opts - id and known metadata
 * @example
 * const a = ingestText('YEREVAN, June 4. /TASS/. Moscow said ...', { id: 'tass.txt' });
 * a.meta.outlet; // "TASS"
 */
export function ingestText(raw: string, opts: IngestTextOptions): Article {
  const known = opts.meta ?? {};
  const knownTitle = given(known.title) ? known.title : undefined;
  const contentHash = sha256(raw);
  const { blocks, sentences, dateline, headline } = structure(raw, contentHash, knownTitle);

  const meta: ArticleMeta = {
    title: '',
    outlet: given(known.outlet) ? known.outlet : (dateline?.outlet ?? null),
    url: given(known.url) ? known.url : null,
    published: null,
    publishedInferred: false,
  };
  if (given(known.published)) {
    meta.published = known.published;
    meta.publishedInferred = known.publishedInferred ?? false;
  } else if (dateline?.date) {
    meta.published = dateline.date;
    meta.publishedInferred = false;
  }
  if (given(known.title)) meta.title = known.title;
  else if (headline !== undefined) meta.title = headline.replace(/\s+/g, ' ');
  else {
    const first = sentences.find((s) => s.kind === 'body' || s.kind === 'standfirst');
    meta.title = fallbackTitle(first ? raw.slice(first.start, first.end) : undefined, opts.id);
  }
  if (known.author !== undefined) meta.author = known.author;
  if (known.language !== undefined) meta.language = known.language;
  if (known.tags !== undefined) meta.tags = [...known.tags];

  const annotations: Record<string, unknown> = {};
  if (dateline) annotations.dateline = { ...dateline };
  return { id: opts.id, meta, text: raw, blocks, sentences, contentHash, annotations };
}
