/**
 * The index port: what the library needs from a search engine, so the compact engine (the
 * default), MiniSearch (the reference, and a choice for small corpora) and later a database
 * engine answer the same questions over the same passages and fields (`SEARCH_FIELDS`).
 */
import type { ArticleSearchOptions, SearchHit, SearchOptions } from '../core/ports.js';
import type { Article } from '../core/types.js';

/** Names of the search backends. */
export type SearchBackend = 'compact' | 'minisearch' | 'postgres';

/** A search index over articles' passages; the search half of `Library`, same contract. */
export interface SearchIndex {
  /** Which engine answers. */
  readonly backend: SearchBackend;
  /** True when the index can be written to (and read back from) the library snapshot. */
  readonly snapshots: boolean;
  /** Adds articles (duplicates already marked); an article whose id is indexed replaces it. */
  add(articles: readonly Article[]): void;
  /** Removes articles by id; unknown ids are ignored. */
  remove(ids: Iterable<string>): void;
  /** Best passages for a free-text query (see `Library.search`); never throws on odd input. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Ids of matching articles, best first (see `Library.searchArticles`). */
  searchArticles(query: string, limit?: number, options?: ArticleSearchOptions): string[];
}
