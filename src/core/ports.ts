/**
 * The ports: what the core needs from the outside, as small interfaces every layer codes
 * against and the process fills in — the indexed corpus (`Library`, built in src/library over
 * src/search), time (`Clock`), logging (`Logger`, pino in src/app/log.ts) and the ingest-time
 * analysers (`Analyser`: claims, dates). Tests hand in real fakes of the same shapes.
 */
import type { Article, Span } from './types.js';

/** One passage found by `Library.search`. */
export interface SearchHit {
  articleId: string;
  /** The passage: one sentence or a short run of sentences of the article. */
  span: Span;
  /** Indexes into `Article.sentences` covered by the passage. */
  sentences: number[];
  score: number;
  /** Query terms that matched (normalised). */
  terms: string[];
  /** Absolute offsets (into `Article.text`) of the matched words inside `span`. */
  highlights: Span[];
}

/** Options for `Library.search`. */
export interface SearchOptions {
  /** Most passages to return. @defaultValue 5 */
  limit?: number;
  /** Most passages from one article (diversity). @defaultValue 2 */
  perArticle?: number;
  /** Only passages of these articles. */
  articleIds?: ReadonlySet<string>;
}

/** Options for `Library.searchArticles`. */
export interface ArticleSearchOptions {
  /**
   * Words the index lacks are matched to close index terms (typo tolerance), as in `search`.
   * False for names a program made rather than a user typed (a topic's aliases: "Argentinian" is
   * not a typo of "Argentine"): the words as given and their prefixes only. @defaultValue true
   */
  typos?: boolean;
}

/** The loaded, indexed corpus every command reads. */
export interface Library {
  /** All articles, in corpus order (syndicated copies included, flagged by `duplicateOf`). */
  readonly articles: readonly Article[];
  /** The article with that id. */
  get(id: string): Article | undefined;
  /** Best passages for a free-text query; never throws on odd input. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Ids of articles that match a query at the article level (title, lead, body), best first. */
  searchArticles(query: string, limit?: number, options?: ArticleSearchOptions): string[];
  /** Close index terms for a word that found nothing ("did you mean"). */
  suggest(query: string, limit?: number): string[];
  /** Key of the corpus content this library was built from. */
  readonly version: string;
  /**
   * True when `articles` holds only what was fetched for the command being answered (a replica
   * serving an archive in PostgreSQL), not the whole archive: shortcuts that scan every article
   * (a small corpus's full scan, a word's share of the articles) must ask the index instead.
   */
  readonly partial?: boolean;
  /**
   * Ids of an article's syndicated copies, in corpus order. Optional: a library that holds only
   * part of the archive (`partial`) answers it so a command need not scan `articles` for copies;
   * without it, copies are found by scanning `articles`.
   */
  copiesOf?(id: string): readonly string[];
  /**
   * One page of `articles` (corpus order, from index `start`, at most `count`) and how many there
   * are in all, for a listing that pages through the archive (`/sources`). Optional: without it a
   * command slices `articles`. A library that holds only part of the archive (`partial`) answers it
   * from its store, reading only the page; its articles may then carry only their lead (the first
   * standfirst or body sentence, with the text up to its end, offsets unchanged).
   */
  articlePage?(start: number, count: number): ArticlePage;
}

/** A page of the archive's articles in corpus order (`Library.articlePage`). */
export interface ArticlePage {
  /** Articles in the whole archive. */
  total: number;
  articles: readonly Article[];
}

/**
 * A library that holds no copy of the archive (`SEARCH_BACKEND=postgres`): each command is
 * answered through `answer`, which runs it against views of the archive holding what it reads.
 */
export interface AnsweringLibrary extends Library {
  /** Runs `run` over a view holding what the command `command` reads, fetched before (or between runs of) it. */
  answer<T>(command: string, run: (library: Library) => Promise<T>): Promise<T>;
}

/** True when commands must go through the library's `answer` (see `AnsweringLibrary`). */
export function isAnsweringLibrary(library: Library): library is AnsweringLibrary {
  return typeof (library as Partial<AnsweringLibrary>).answer === 'function';
}

/** The name a digest reads its articles under: a reader, so a view fetches the arrivals it asks for by id. */
export const DIGEST_ARTICLES = 'digest:articles';

/** Time, injectable so tests can fake it. */
export interface Clock {
  now(): Date;
}

/** The structured logger (pino's interface, the subset we use). */
export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

/**
 * One ingest-time analysis step (claims, dates …). Each article is analysed once at ingest; the
 * result is stored in `Article.annotations[name]`, cached in the snapshot, and read by the
 * commands. Results must be JSON-serialisable.
 */
export interface Analyser<T = unknown> {
  /** Key in `Article.annotations`. */
  name: string;
  /** Bump when the output changes, so cached snapshots are rebuilt. */
  version: string;
  analyse(article: Article): T;
}
