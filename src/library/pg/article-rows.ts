/**
 * An article as rows of the archive tables, and back: the article row (text verbatim, blocks
 * and sentences packed as numbers, annotations as JSON) and one row per passage, whose
 * tsvector is written from our own tokenizer (`forEachWord`) rather than PostgreSQL's parser,
 * so the database matches exactly the words the compact engine indexes and highlights
 * (accents folded, any script), whatever the server's locale.
 */
import type { Article, Block, BlockKind, Sentence } from '../../core/types.js';
import { fieldBoost, metaFields, PassageFlag } from '../../search/fields.js';
import { passagesOf, type PassageSpec } from '../../search/passages.js';
import { forEachWord } from '../../search/tokenize.js';

/** Block kinds by their stored number. */
const KINDS: readonly BlockKind[] = ['title', 'standfirst', 'dateline', 'body', 'caption', 'chrome'];
const KIND_NUMBER = new Map(KINDS.map((k, i) => [k, i]));

/** Blocks and sentences as flat number arrays (a quarter of the JSON of the objects). */
export interface Layout {
  /** start, end, kind per block; `reasons` holds the optional reasons by block index. */
  b: number[];
  r?: Record<string, string>;
  /** start, end, block per sentence (index and kind follow). */
  s: number[];
}

/** Packs an article's blocks and sentences. */
export function packLayout(article: Article): Layout {
  const b: number[] = [];
  const r: Record<string, string> = {};
  article.blocks.forEach((block, i) => {
    b.push(block.start, block.end, KIND_NUMBER.get(block.kind) ?? 3);
    if (block.reason) r[i] = block.reason;
  });
  const s: number[] = [];
  for (const sentence of article.sentences) s.push(sentence.start, sentence.end, sentence.block);
  return Object.keys(r).length ? { b, r, s } : { b, s };
}

/** One row of `search_articles` as read back. */
export interface ArticleRow {
  id: string;
  content_hash: string;
  duplicate_of: string | null;
  /** JSON text (or, from a database not yet migrated to text columns, parsed JSON). */
  meta: Article['meta'] | string;
  body: string;
  layout: Layout | string;
  annotations: Record<string, unknown> | string | null;
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

/** The article a row holds. */
export function articleFromRow(row: ArticleRow): Article {
  const blocks: Block[] = [];
  const { b, r, s } = parsed(row.layout);
  for (let i = 0; i + 2 < b.length; i += 3) {
    const block: Block = { start: b[i]!, end: b[i + 1]!, kind: KINDS[b[i + 2]!] ?? 'body' };
    const reason = r?.[i / 3];
    if (reason !== undefined) block.reason = reason;
    blocks.push(block);
  }
  const sentences: Sentence[] = [];
  for (let i = 0; i + 2 < s.length; i += 3) {
    const block = s[i + 2]!;
    sentences.push({ index: i / 3, start: s[i]!, end: s[i + 1]!, block, kind: blocks[block]?.kind ?? 'body' });
  }
  const annotations = row.annotations === null ? {} : parsed(row.annotations);
  const article: Article = { id: row.id, meta: parsed(row.meta), text: row.body, blocks, sentences, contentHash: row.content_hash, annotations };
  if (row.duplicate_of) article.duplicateOf = row.duplicate_of;
  return article;
}

/** One passage row to insert. */
export interface PassageRow {
  start: number;
  end: number;
  firstSentence: number;
  sentenceCount: number;
  flags: number;
  boost: number;
  words: number;
  /** tsvector in PostgreSQL's literal form: `'term':1,4 'other':2`. */
  tsv: string;
  /** Distinct terms (for the vocabulary's passage counts). */
  terms: string[];
  /** Occurrences of each of `terms`, in its order (head impacts). */
  tfs: number[];
}

/** Positions above this are stored as this (PostgreSQL's limit); passages are far shorter. */
const MAX_POSITION = 16383;
/** Most characters of a metadata field indexed (as the compact segment builder). */
const MAX_FIELD_CHARS = 1000;
/** A caption or dateline is not what a match in the metadata title quotes when reporting follows. */
const ASIDE = PassageFlag.caption | PassageFlag.dateline;

/** The tsvector literal, distinct terms and word count of `text[start, end)` by our tokenizer. */
function vectorOf(text: string, start: number, end: number): { tsv: string; terms: string[]; tfs: number[]; words: number } {
  const positions = new Map<string, number[]>();
  let words = 0;
  forEachWord(text, start, end, (term) => {
    words++;
    const list = positions.get(term);
    const pos = Math.min(words, MAX_POSITION);
    if (list) list.push(pos);
    else positions.set(term, [pos]);
  });
  // Terms are letters, marks and digits only (`forEachWord`), so quoting needs no escapes.
  const parts: string[] = [];
  const tfs: number[] = [];
  for (const [term, list] of positions) {
    parts.push(`'${term}':${list.join(',')}`);
    // PostgreSQL keeps at most 256 positions of a lexeme: tf as the scoring SQL reads it.
    tfs.push(Math.min(list.length, 256));
  }
  return { tsv: parts.join(' '), terms: [...positions.keys()], tfs, words };
}

/**
 * The passage rows of an article: its passages (`passagesOf`) with the boost of their field, and
 * a match in the metadata title quoted by the opening passage (a snippet is always article text),
 * as the compact and MiniSearch engines do.
 */
export function passageRows(article: Article): PassageRow[] {
  const out: PassageRow[] = [];
  let opening: PassageSpec | null = null;
  const add = (p: PassageSpec, flags: number, text: string, start: number, end: number) => {
    const v = vectorOf(text, start, end);
    if (!v.words) return false;
    out.push({ start: p.start, end: p.end, firstSentence: p.firstSentence, sentenceCount: p.sentenceCount, flags, boost: fieldBoost(flags), ...v });
    return true;
  };
  for (const p of passagesOf(article)) {
    if (!add(p, p.flags, article.text, p.start, p.end)) continue;
    if (opening === null || (opening.flags & ASIDE && !(p.flags & ASIDE))) opening = p;
  }
  if (opening) {
    for (const meta of metaFields(article)) {
      const text = meta.text.slice(0, MAX_FIELD_CHARS);
      add(opening, meta.flag, text, 0, text.length);
    }
  }
  return out;
}
