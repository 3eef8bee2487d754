/**
 * The searchable fields of an article, one row each: where the field's words come from, the
 * passage flag that marks them in the index, and the boost a match in it earns. Passages
 * (which text is indexed under which flag), the segment builder (fields outside the text) and
 * ranking (the boost) all read this table, so a field is added or re-weighted in one place.
 */
import type { Article, BlockKind } from '../core/types.js';
import { forEachWord } from './tokenize.js';

/** Bit flags describing a passage; they decide its boost and whether it is shown as a caption. */
export const PassageFlag = { title: 1, lead: 2, caption: 4, dateline: 8, metaTitle: 16 } as const;

/**
 * Where a field's words come from: sentences of a block kind of the text, the opening body
 * passages (`lead`), or a metadata field that need not appear in the text (`meta.title`).
 */
export type FieldSource = BlockKind | 'lead' | 'meta.title';

/** One searchable field. */
export interface SearchField {
  /** Name in the newsroom's words. */
  name: string;
  source: FieldSource;
  /** The passage flag its passages carry (0 for plain body text). */
  flag: number;
  /** Multiplies the score of a match in this field. */
  boost: number;
}

/**
 * The searchable fields, strongest first: a passage takes the boost of the first row whose flag
 * it carries, and plain body text (flag 0) the last row's.
 */
export const SEARCH_FIELDS: readonly SearchField[] = [
  { name: 'headline', source: 'title', flag: PassageFlag.title, boost: 2 },
  { name: 'metadata title', source: 'meta.title', flag: PassageFlag.metaTitle, boost: 2 },
  { name: 'standfirst', source: 'standfirst', flag: PassageFlag.lead, boost: 1.5 },
  { name: 'lead', source: 'lead', flag: PassageFlag.lead, boost: 1.5 },
  { name: 'caption', source: 'caption', flag: PassageFlag.caption, boost: 0.5 },
  { name: 'dateline', source: 'dateline', flag: PassageFlag.dateline, boost: 0.7 },
  { name: 'body', source: 'body', flag: 0, boost: 1 },
];

/** The passage flag of sentences of a block kind, or null when the kind is not searchable (chrome). */
export function blockFlag(kind: BlockKind): number | null {
  for (const f of SEARCH_FIELDS) if (f.source === kind) return f.flag;
  return null;
}

/** The flag of the opening body passages. */
export const LEAD_FLAG = SEARCH_FIELDS.find((f) => f.source === 'lead')!.flag;

/** Boost by passage flags (see `SEARCH_FIELDS`). */
export function fieldBoost(flags: number): number {
  for (const f of SEARCH_FIELDS) if (f.flag === 0 || flags & f.flag) return f.boost;
  return 1;
}

/** A field indexed from outside the text: its words, and the flag its passage carries. */
export interface MetaField {
  text: string;
  flag: number;
}

const termsOf = (text: string, start = 0, end = text.length): string[] => {
  const out: string[] = [];
  forEachWord(text, start, end, (t) => void out.push(t));
  return out;
};

const startsWith = (terms: string[], prefix: string[]): boolean => prefix.length <= terms.length && prefix.every((t, i) => terms[i] === t);

/**
 * True when the metadata title adds no words to the text: it is the file name (what ingest falls
 * back to for an empty file), a headline line of the text, or the opening of the first sentence
 * (ingest's fallback title). Indexing it again would count the headline twice in every idf.
 */
function titleInText(article: Article, title: string): boolean {
  if (title === article.id) return true;
  const words = termsOf(title.replace(/…$/, ''));
  if (!words.length) return true;
  for (const b of article.blocks) {
    if (b.kind !== 'title') continue;
    const line = termsOf(article.text, b.start, b.end);
    if (line.length === words.length && startsWith(line, words)) return true;
  }
  const first = article.sentences.find((s) => s.kind === 'body' || s.kind === 'standfirst');
  return first !== undefined && startsWith(termsOf(article.text, first.start, first.end), words);
}

/**
 * The fields of an article indexed from its metadata rather than its text (today the title,
 * when the text does not carry it). Their matches are shown with the article's opening passage,
 * since a snippet is always text of the article.
 */
export function metaFields(article: Article): MetaField[] {
  const out: MetaField[] = [];
  for (const f of SEARCH_FIELDS) {
    if (f.source !== 'meta.title') continue;
    const title = article.meta.title;
    if (typeof title === 'string' && !titleInText(article, title)) out.push({ text: title, flag: f.flag });
  }
  return out;
}
