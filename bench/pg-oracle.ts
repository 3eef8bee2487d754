/**
 * The PostgreSQL backend against the compact engine: the same articles written to the archive
 * tables and indexed by the compact engine, top articles compared per query as overlap@k (as
 * search-oracle.ts does for MiniSearch). Used by tests/library/pg/pg-search-index.test.ts and
 * the postgres bench.
 */
import type pg from 'pg';
import type { Article } from '../src/core/types.js';
import { SegmentedLibrary } from '../src/library/indexed-library.js';
import type { PgSearchIndex } from '../src/library/pg/pg-search-index.js';
import { overlapAt } from './search-oracle.js';

/** One query's comparison. */
export interface PgQueryOverlap {
  query: string;
  compact: string[];
  postgres: string[];
  overlap: number;
}

/** Compares the compact engine over `articles` with `index` (the same articles written to PostgreSQL). */
export async function comparePg(articles: Article[], index: PgSearchIndex, queries: readonly string[], k = 10): Promise<{ perQuery: PgQueryOverlap[]; mean: number }> {
  const compact = SegmentedLibrary.fromArticles(articles);
  const perQuery: PgQueryOverlap[] = [];
  for (const query of queries) {
    const a = compact.searchArticles(query, k);
    const b = await index.searchArticles(query, k);
    perQuery.push({ query, compact: a, postgres: b, overlap: overlapAt(a, b) });
  }
  return { perQuery, mean: perQuery.reduce((s, q) => s + q.overlap, 0) / Math.max(1, perQuery.length) };
}

/** Empties the archive tables, heads of frequent terms included (tests and the bench start from nothing). */
export async function emptyArchive(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE search_heads, search_passages, search_articles, search_terms; UPDATE search_totals SET passages = 0, words = 0`);
}
