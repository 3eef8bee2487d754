/**
 * A serving replica's library over the archive in PostgreSQL: it holds no copy of the archive.
 * Commands are synchronous over `Library`, so each command is answered through `answer`, which
 * runs it against a small in-memory view of the archive and fills the view with what the
 * command asked for and the view lacked:
 *
 * - commands that only read by search (search, claim, timeline, ask, help, and a digest reading
 *   its arrivals by id: `DIGEST_ARTICLES`) or by page (sources) run, and every search, article
 *   search, suggestion, article (`get`), list of copies (`copiesOf`) and page of articles
 *   (`articlePage`: its articles' leads and the archive's total) the view could not answer is recorded; those
 *   are fetched from PostgreSQL and the command runs again over the fuller view, until it asks
 *   for nothing new (a topic's aliases are searched once the first results named them; at most
 *   `MAX_ROUNDS` runs). Only what the command reads is fetched: the articles a search quotes, the
 *   articles it asks for by id (in the order asked, at most `GET_BATCH` a round, so a command
 *   that stops after its first N found reads about N), and the syndicated copies of an article
 *   only when it asks for them (claims list a story's copies as appearances). A search the run
 *   asked after it read a stand-in answer (an empty list for a search not fetched yet, a missing
 *   article) is a guess and waits a round, so a claim whose topic fills its list never asks the
 *   topic's aliases (see `fill`);
 * - other commands (which may write state, like a subscription) run first over an empty view;
 *   one that reads `articles` (`topics` and a digest shown without the digest service: the
 *   newest `MAX_RECENT` articles of the last `RECENT_DAYS` days) is stopped there and runs again
 *   over those. Such a command must not write state before it reads
 *   `articles` (none does: the ones that write never read the archive).
 *
 * A view is made per command and dropped with its reply: nothing fetched outlives the request.
 * A view says it is `partial`, so scans of "every article" ask the index instead.
 */
import type pg from 'pg';
import { DIGEST_ARTICLES, type AnsweringLibrary, type ArticleSearchOptions, type ArticlePage, type Library, type Logger, type SearchHit, type SearchOptions } from '../../core/ports.js';
import type { Article } from '../../core/types.js';
import { articleFromRow, type ArticleRow } from './article-rows.js';
import type { PgSearchIndex } from './pg-search-index.js';

/** Most runs of a command while its view fills. */
const MAX_ROUNDS = 10;
/** Commands that only read the library, so running them again is harmless. */
const READERS = new Set(['search', 'claim', 'timeline', 'ask', 'help', 'sources', DIGEST_ARTICLES]);
/** What commands that may write state see: the articles of the last days (digest windows are a day). */
const RECENT_DAYS = 8;
/**
 * Most articles a view takes for a recent-articles command, newest kept: the topic table reads the
 * newest 5,000 stories (corpus-topics.ts) and a digest at most 2,000 arrivals, so a busy week of a
 * large archive is not read whole into one process.
 */
export const MAX_RECENT = 5_000;
/** Most articles one `articlePage` reads (a listing's page is far smaller). */
const MAX_PAGE_ROWS = 500;
/** Most articles fetched by id in one round (commands read their candidates in order and stop after a few hundred). */
const GET_BATCH = 400;
/** Most syndicated copies of one article a view is given (corpus order). */
const MAX_COPIES = 100;
/** Commands whose reads by id are all fetched in one round: a digest reads every arrival it lists (at most `MAX_FETCHED_ARRIVALS`). */
const READS_ALL = new Set([DIGEST_ARTICLES]);

/** Thrown by a view's `articles` when the command was started without them (see the module comment). */
class ScanNeeded extends Error {}

/** What a run asked for and its view lacked; a search asked after the run read a stand-in answer is a `guess`. */
type Miss = (
  | { kind: 'search'; key: string; query: string; options: SearchOptions }
  | { kind: 'articles'; key: string; query: string; limit: number; options: ArticleSearchOptions }
  | { kind: 'suggest'; key: string; query: string; limit: number }
  | { kind: 'get'; key: string; id: string }
  | { kind: 'copies'; key: string; id: string }
  | { kind: 'page'; key: string; start: number; count: number }
) & { guess?: boolean };

/** What a view has been given so far. */
class Fetched {
  readonly articles = new Map<string, Article>();
  /** Corpus order of the articles read from their rows (those a search quoted come without it, and sort last). */
  readonly seqs = new Map<string, number>();
  readonly searches = new Map<string, SearchHit[]>();
  readonly articleSearches = new Map<string, string[]>();
  readonly suggestions = new Map<string, string[]>();
  readonly absent = new Set<string>();
  /** Ids of each article's syndicated copies, for those asked. */
  readonly copies = new Map<string, string[]>();
  /** Pages of articles (`articlePage`), by start and count. */
  readonly pages = new Map<string, ArticlePage>();
  ordered: Article[] | null = null;
  /** Whether `articles` holds what the command may scan; when not, reading it stops the command (`ScanNeeded`). */
  scannable = true;
  /** Set when a command read `articles` while it was not scannable. */
  scanned = false;
  /** Set once a search or article search was fetched for the command. */
  searched = false;

  add(article: Article, seq?: number): void {
    if (!this.articles.has(article.id)) this.ordered = null;
    this.articles.set(article.id, article);
    if (seq !== undefined) this.seqs.set(article.id, seq);
  }
}

const searchKey = (query: string, o: SearchOptions = {}): string =>
  JSON.stringify([query, o.limit ?? null, o.perArticle ?? null, o.articleIds ? [...o.articleIds].sort() : null]);

/** The `Library` a command runs against: what was fetched, and a record of what it asked for beyond that. */
class ArchiveView implements Library {
  readonly partial = true;
  readonly misses = new Map<string, Miss>();
  /** Set once the run read a stand-in answer (an empty list or a missing article): what it asks after may depend on it. */
  private guessed = false;

  constructor(
    private readonly fetched: Fetched,
    readonly version: string,
  ) {}

  get articles(): readonly Article[] {
    const f = this.fetched;
    if (!f.scannable) {
      f.scanned = true;
      throw new ScanNeeded('this command reads the articles: it runs again over them');
    }
    const at = (a: Article) => f.seqs.get(a.id) ?? Number.MAX_SAFE_INTEGER;
    f.ordered ??= [...f.articles.values()].sort((a, b) => at(a) - at(b));
    return f.ordered;
  }

  get(id: string): Article | undefined {
    const a = this.fetched.articles.get(id);
    if (!a && typeof id === 'string' && !this.fetched.absent.has(id)) {
      this.misses.set(`g${id}`, { kind: 'get', key: id, id });
      this.guessed = true;
    }
    return a;
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    const key = searchKey(query, options);
    const hits = this.fetched.searches.get(key);
    if (hits) return hits;
    this.misses.set(`s${key}`, { kind: 'search', key, query, options: options ?? {}, guess: this.guessed });
    return this.standIn();
  }

  copiesOf(id: string): readonly string[] {
    const ids = this.fetched.copies.get(id);
    if (ids) return ids;
    if (typeof id === 'string') this.misses.set(`c${id}`, { kind: 'copies', key: id, id });
    return this.standIn();
  }

  articlePage(start: number, count: number): ArticlePage {
    const key = `${start}:${count}`;
    const page = this.fetched.pages.get(key);
    if (page) return page;
    this.misses.set(`p${key}`, { kind: 'page', key, start, count });
    this.guessed = true;
    return { total: 0, articles: [] };
  }

  searchArticles(query: string, limit = 20, options: ArticleSearchOptions = {}): string[] {
    const key = JSON.stringify([query, limit, options.typos !== false]);
    const ids = this.fetched.articleSearches.get(key);
    if (ids) return ids;
    this.misses.set(`a${key}`, { kind: 'articles', key, query, limit, options, guess: this.guessed });
    return this.standIn();
  }

  suggest(query: string, limit = 5): string[] {
    const key = JSON.stringify([query, limit]);
    const terms = this.fetched.suggestions.get(key);
    if (terms) return terms;
    this.misses.set(`u${key}`, { kind: 'suggest', key, query, limit, guess: this.guessed });
    return this.standIn();
  }

  /** An empty answer standing in for one not fetched yet, which notes when the run reads it. */
  private standIn<T>(): T[] {
    return new Proxy([] as T[], {
      get: (target, property, receiver) => {
        this.guessed = true;
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
  }
}

const ROW_COLUMNS = 'id, seq, content_hash, duplicate_of, meta, body, layout, annotations';

/** The replica's library (see the module comment). */
export class PgLibrary implements AnsweringLibrary {
  readonly articles: readonly Article[] = [];
  readonly partial = true;
  private currentVersion = 'postgres';
  private trigrams = true;
  /** Most articles a recent-articles command reads (`MAX_RECENT`; tests set fewer). */
  private readonly maxRecent: number;

  constructor(
    private readonly pool: pg.Pool,
    private readonly index: PgSearchIndex,
    private readonly logger: Logger,
    limits: { maxRecent?: number } = {},
  ) {
    this.maxRecent = limits.maxRecent ?? MAX_RECENT;
  }

  get version(): string {
    return this.currentVersion;
  }

  /** Outside a command nothing is held: these answer empty (autocomplete offers nothing). */
  get(): Article | undefined {
    return undefined;
  }
  search(): SearchHit[] {
    return [];
  }
  searchArticles(): string[] {
    return [];
  }
  suggest(): string[] {
    return [];
  }

  /** Reads the archive's version (passages and words written), so memos keyed on it see a rewrite. One small query per command. */
  async refresh(): Promise<void> {
    const { rows } = await this.pool.query<{ v: string; trgm: boolean }>(
      `SELECT passages || ':' || words AS v, EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm FROM search_totals`,
    );
    const next = `postgres:${rows[0]?.v ?? '0'}`;
    if (next !== this.currentVersion) this.index.forget();
    this.currentVersion = next;
    this.trigrams = rows[0]?.trgm ?? false;
    this.index.trigrams = this.trigrams;
  }

  async answer<T>(command: string, run: (library: Library) => Promise<T>): Promise<T> {
    await this.refresh();
    if (!READERS.has(command)) return this.answerWriter(command, run);
    const fetched = new Fetched();
    const maxGets = READS_ALL.has(command) ? Infinity : GET_BATCH;
    for (let round = 1; ; round++) {
      const view = new ArchiveView(fetched, this.currentVersion);
      let result: T;
      try {
        result = await run(view);
      } catch (err) {
        // A command may trip over what its view lacked; it runs again once that is fetched.
        if (!view.misses.size || round >= MAX_ROUNDS) throw err;
        await this.fill(view.misses, fetched, maxGets);
        continue;
      }
      if (!view.misses.size) return result;
      if (round >= MAX_ROUNDS) {
        this.logger.warn({ command, misses: view.misses.size }, 'postgres: the command still asked for more after the last round');
        return result;
      }
      await this.fill(view.misses, fetched, maxGets);
    }
  }

  /** A command that may write state: run once over an empty view, and once more over the articles it scans if it reads them. */
  private async answerWriter<T>(command: string, run: (library: Library) => Promise<T>): Promise<T> {
    const empty = new Fetched();
    empty.scannable = false;
    try {
      const result = await run(new ArchiveView(empty, this.currentVersion));
      if (!empty.scanned) return result;
    } catch (err) {
      if (!empty.scanned) throw err;
    }
    const fetched = new Fetched();
    const since = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
    await this.fetchRows(`SELECT ${ROW_COLUMNS} FROM search_articles WHERE published >= $2 ORDER BY seq DESC LIMIT $1`, [this.maxRecent, since], fetched);
    return run(new ArchiveView(fetched, this.currentVersion));
  }

  /**
   * A page of articles in corpus order (`articlePage`) and the archive's total. Of each article only
   * what a listing reads: its id, metadata, copy mark and lead (its first standfirst or body
   * sentence), not its body, layout or annotations: the layout to find the lead, then the body up
   * to the lead's end only. The article has that one sentence and the text up to its end (offsets
   * unchanged, so quotes stay verbatim). The page starts at the `start`-th seq, found through the
   * seq index alone (an index-only scan: no row is read before the page).
   */
  private async fetchPage(start: number, count: number): Promise<ArticlePage> {
    const limit = Math.max(0, Math.min(MAX_PAGE_ROWS, Math.floor(count)));
    const offset = Math.max(0, Math.floor(start));
    const [total, page] = await Promise.all([
      this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_articles`),
      limit
        ? this.pool.query<ArticleRow & { seq: string }>(
            `SELECT id, seq, content_hash, duplicate_of, meta, '' AS body, layout, NULL AS annotations FROM search_articles
             WHERE seq >= (SELECT seq FROM search_articles ORDER BY seq OFFSET $1 LIMIT 1) ORDER BY seq LIMIT $2`,
            [offset, limit],
          )
        : Promise.resolve({ rows: [] as (ArticleRow & { seq: string })[] }),
    ]);
    const slim = page.rows.map((row) => {
      const article = articleFromRow(row);
      const lead = article.sentences.find((x) => x.kind === 'body' || x.kind === 'standfirst');
      article.sentences = lead ? [lead] : [];
      article.blocks = lead ? [article.blocks[lead.block]!] : [];
      return { article, end: lead?.end ?? 0 };
    });
    if (slim.length) {
      // left() counts characters, offsets UTF-16 units: `end` characters hold at least `end` units.
      const { rows: texts } = await this.pool.query<{ id: string; text: string }>(
        `SELECT a.id, left(a.body, u.e) AS text FROM unnest($1::text[], $2::int[]) u(id, e) JOIN search_articles a ON a.id = u.id`,
        [slim.map((x) => x.article.id), slim.map((x) => x.end)],
      );
      const text = new Map(texts.map((t) => [t.id, t.text]));
      for (const x of slim) x.article.text = (text.get(x.article.id) ?? '').slice(0, x.end);
    }
    return { total: Number(total.rows[0]!.n), articles: slim.map((x) => x.article) };
  }

  /**
   * Fetches what a run asked for and the view lacked: at most `maxGets` articles asked for by id, in
   * the order asked. Searches asked after the run read a stand-in answer are guesses (the run might
   * not ask them once it has the real one: a claim asks a topic's aliases only when the topic itself
   * and the articles it found fall short), so they wait for the next run while the command's first
   * searches or the articles it reads are fetched.
   */
  private async fill(misses: Map<string, Miss>, fetched: Fetched, maxGets: number): Promise<void> {
    const quoted = new Set<string>();
    const asked: string[] = [];
    const copiesOf: string[] = [];
    const all = [...misses.values()];
    const sure = all.filter((m) => !m.guess);
    // Guesses wait while what decides them is being fetched: the command's first searches, or articles it
    // reads. Past those, searches asked one after another (a subject's aliases) are fetched together.
    const wait = sure.length > 0 && (!fetched.searched || sure.some((m) => m.kind === 'get' || m.kind === 'copies'));
    const now = wait ? sure : all;
    if (now.some((m) => m.kind === 'search' || m.kind === 'articles')) fetched.searched = true;
    await Promise.all(
      now.map(async (miss) => {
        if (miss.kind === 'get') asked.push(miss.id);
        else if (miss.kind === 'copies') copiesOf.push(miss.id);
        else if (miss.kind === 'page') fetched.pages.set(miss.key, await this.fetchPage(miss.start, miss.count));
        else if (miss.kind === 'suggest') fetched.suggestions.set(miss.key, await this.index.suggest(miss.query, miss.limit, this.trigrams));
        else if (miss.kind === 'articles') fetched.articleSearches.set(miss.key, await this.index.searchArticles(miss.query, miss.limit, miss.options));
        else {
          // The index read the articles its hits quote: they join the view without another query.
          const { hits, articles } = await this.index.search(miss.query, miss.options);
          fetched.searches.set(miss.key, hits);
          for (const [id, article] of articles) if (!fetched.articles.has(id)) fetched.add(article);
          for (const hit of hits) quoted.add(hit.articleId);
        }
      }),
    );
    // The articles search hits quote (all of them: a reply renders every hit), then those asked for by id.
    const ids = [...quoted].filter((id) => !fetched.articles.has(id));
    let gets = 0;
    for (const id of asked) {
      if (gets >= maxGets) break;
      if (!fetched.articles.has(id) && !quoted.has(id)) (ids.push(id), gets++);
    }
    const jobs: Promise<void>[] = [];
    if (ids.length) {
      jobs.push(
        this.fetchRows(`SELECT ${ROW_COLUMNS} FROM search_articles WHERE id = ANY($1::text[])`, [ids], fetched).then(() => {
          for (const id of ids) if (!fetched.articles.has(id)) fetched.absent.add(id);
        }),
      );
    }
    if (copiesOf.length) jobs.push(this.fetchCopies(copiesOf, fetched));
    await Promise.all(jobs);
  }

  /**
   * The ids of the syndicated copies of `originals` (at most `MAX_COPIES` each, corpus order), as
   * lists per original. Only ids: a command reads the copies it uses by id (`get`), in the order
   * it asks, `GET_BATCH` a round, so a claim that stops after its first 50 articles does not read
   * every copy of every candidate (on a heavily syndicated archive, ten times what it uses).
   */
  private async fetchCopies(originals: string[], fetched: Fetched): Promise<void> {
    for (const id of originals) fetched.copies.set(id, []);
    const { rows } = await this.pool.query<{ id: string; duplicate_of: string }>(
      `SELECT id, duplicate_of FROM (SELECT id, duplicate_of, seq, row_number() OVER (PARTITION BY duplicate_of ORDER BY seq) AS nth FROM search_articles WHERE duplicate_of = ANY($1::text[])) c
       WHERE nth <= $2 ORDER BY seq`,
      [originals, MAX_COPIES],
    );
    for (const row of rows) fetched.copies.get(row.duplicate_of)?.push(row.id);
  }

  private async fetchRows(sql: string, values: unknown[], fetched: Fetched): Promise<void> {
    const { rows } = await this.pool.query<ArticleRow & { seq: string }>(sql, values);
    for (const row of rows) fetched.add(articleFromRow(row), Number(row.seq));
  }
}
