/**
 * The search oracle: the compact engine's top articles compared with MiniSearch's over the
 * same articles, passages, fields and words, as overlap@k per query. Used by
 * `npm run eval:search` (report) and tests/search/oracle.test.ts (floor).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/types.js';
import { ingestText, loadCorpus } from '../src/ingest/index.js';
import { markCopies } from '../src/library/fingerprints.js';
import { SegmentedLibrary } from '../src/library/indexed-library.js';
import { MiniSearchIndex } from '../src/search/minisearch-index.js';
import { readReuters } from './reuters.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The sample corpus shipped with newsdesk. */
export const SAMPLE_DIR = path.join(ROOT, 'corpus');
/** Reuters-21578 (development data beside the worktree, see ../shared/data/README.md). */
export const REUTERS_DIR = path.resolve(ROOT, '../shared/data/reuters21578');

/** Queries over the sample corpus: single words, several words, names, prefixes, a typo. */
export const SAMPLE_QUERIES: readonly string[] = [
  'armenia', 'gyumri', 'troops', 'russian troops', 'border guards', 'military base', 'ukraine intelligence',
  'HUR', 'Pashinyan', 'Azerbaijan', 'milit', 'armen', 'azerbaijn', 'recruitment of soldiers',
];

/** Queries over the Reuters slice (1987 wire vocabulary): the same kinds. */
export const REUTERS_QUERIES: readonly string[] = [
  'oil', 'cocoa', 'zinc', 'rubber', 'dollar', 'coffee',
  'oil prices', 'interest rates', 'trade deficit', 'bank of japan', 'money supply', 'wheat exports', 'stock split', 'crude output',
  'reagan', 'volcker', 'texaco', 'james baker', 'bundesbank', 'ecuador',
  'petro', 'expor', 'acqui', 'subsid',
  'petroleun', 'agricultre',
];

/** The sample corpus, copies marked. */
export async function sampleArticles(): Promise<Article[]> {
  const { articles } = await loadCorpus(SAMPLE_DIR);
  markCopies(articles);
  return articles;
}

/** The first `n` Reuters stories with a body, ingested as articles (copies marked). */
export function reutersArticles(n: number, dir = REUTERS_DIR): Article[] {
  const articles = readReuters(dir)
    .slice(0, n)
    .map((s) => ingestText(s.text, { id: `reuters-${s.newId}`, meta: { title: s.title, outlet: 'Reuters', published: s.published } }));
  markCopies(articles);
  return articles;
}

/** One query's comparison. */
export interface QueryOverlap {
  query: string;
  compact: string[];
  minisearch: string[];
  /** |compact ∩ minisearch| / max(|compact|, |minisearch|); 1 when both are empty. */
  overlap: number;
  /** MiniSearch's passage scores ranked the compact engine's way (best passage per word): isolates passage-against-document differences. */
  byPassage: string[];
  /** Overlap of `compact` with `byPassage`. */
  overlapByPassage: number;
}

/** Overlap of two top-k lists as a share of the longer one (1 when both are empty). */
export function overlapAt(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length);
  if (!longer) return 1;
  const inB = new Set(b);
  return a.filter((id) => inB.has(id)).length / longer;
}

/** Builds both indexes over `articles` and compares their top `k` articles for every query. */
export function compareEngines(articles: Article[], queries: readonly string[], k = 10): { perQuery: QueryOverlap[]; mean: number } {
  const compact = SegmentedLibrary.fromArticles(articles);
  const mini = new MiniSearchIndex(articles);
  const perQuery = queries.map((query) => {
    const a = compact.searchArticles(query, k);
    const b = mini.searchArticles(query, k);
    const c = mini.searchArticlesByPassage(query, k);
    return { query, compact: a, minisearch: b, overlap: overlapAt(a, b), byPassage: c, overlapByPassage: overlapAt(a, c) };
  });
  return { perQuery, mean: meanOverlapAt(perQuery, k) };
}

/**
 * Mean overlap@j over the queries for a `j` up to the `k` they were compared at, from the
 * lists' first `j` ids (both engines' top j is the head of their top k).
 */
export function meanOverlapAt(perQuery: readonly QueryOverlap[], j: number): number {
  let sum = 0;
  for (const q of perQuery) sum += overlapAt(q.compact.slice(0, j), q.minisearch.slice(0, j));
  return sum / Math.max(1, perQuery.length);
}
