/**
 * The library every command reads: articles plus their index, with incremental updates for a
 * live corpus (a small delta segment beside the main one, merged when it grows).
 */
import { createHash } from 'node:crypto';
import type { Analyser } from '../core/ports.js';
import type { ArticleSearchOptions, Library, SearchHit, SearchOptions } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { SearchEngine, type ArticleLocation, type EngineOptions } from '../search/engine.js';
import { buildSegment, Segment } from '../search/segment.js';

/** Changes from the live corpus watcher: ids to drop and articles to add or replace. */
export interface LibraryChanges {
  upsert: Article[];
  remove: string[];
  /**
   * The analysers already run on `upsert` (off the main thread, by the live watcher). When they
   * are the library's own, the articles are not analysed again.
   */
  analysedWith?: readonly Analyser[];
}

/** A `Library` that can take live corpus changes. */
export interface IndexedLibrary extends Library {
  /** Removes `remove` ids, adds or replaces `upsert` articles (analysing them), and re-indexes incrementally. */
  applyChanges(changes: LibraryChanges): void;
}

/** Runs each analyser on an article, storing its result under `annotations[name]`; returns the names that threw. */
export function analyseArticle(article: Article, analysers: readonly Analyser[]): string[] {
  const failed: string[] = [];
  article.annotations ??= {};
  for (const analyser of analysers) {
    try {
      article.annotations[analyser.name] = analyser.analyse(article);
    } catch {
      // One odd article must not stop the corpus from loading; the caller reports the count.
      failed.push(analyser.name);
    }
  }
  return failed;
}

/** Content key of a set of articles: ids, text hashes and duplicate links, order-independent. */
export function articlesKey(articles: readonly Article[], salt = ''): string {
  const lines = articles.map((a) => `${a.id}\u0000${a.contentHash}\u0000${a.duplicateOf ?? ''}`).sort();
  const hash = createHash('sha256').update(salt);
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex').slice(0, 32);
}

/** When the delta segment holds more than this share of the corpus (and at least `MIN_MERGE` articles), everything is re-indexed into one segment. */
const MERGE_SHARE = 0.1;
const MIN_MERGE = 2000;

/** Options for building a library over articles. */
export interface LibraryIndexOptions {
  /** Runs on new articles (`applyChanges`); articles handed to the constructor are expected analysed already. */
  analysers?: readonly Analyser[];
  /** Marks syndicated copies (`duplicateOf`) over the whole corpus after changes. */
  markDuplicates?: (articles: Article[]) => void;
  /** Library version; computed from the articles when absent. */
  version?: string;
  /** Engine tuning. */
  engine?: Partial<EngineOptions>;
}

/** `IndexedLibrary` over a main segment and an optional delta segment. */
export class SegmentedLibrary implements IndexedLibrary {
  private main: Segment;
  private delta: Segment | null = null;
  private deltaArticles: Article[] = [];
  private byId = new Map<string, number>();
  private engine!: SearchEngine;
  private ordered: Article[] = [];
  private currentVersion: string;
  private changeCount = 0;

  /**
   * @param delta - a segment of articles that replace or add to `main`'s (a restart's changed
   *   files); `main`'s articles they replace must already be marked in `main.deleted`
   */
  constructor(
    main: Segment,
    private readonly options: LibraryIndexOptions = {},
    delta?: Segment,
  ) {
    this.main = main;
    if (delta?.articles.length) {
      this.delta = delta;
      this.deltaArticles = [...delta.articles];
    }
    this.currentVersion = options.version ?? articlesKey(this.delta ? [...main.articles, ...delta!.articles] : main.articles);
    this.refresh();
  }

  /** How many times `applyChanges` has run: work prepared from the library earlier is stale once it moved on. */
  get changes(): number {
    return this.changeCount;
  }

  /** The delta segment beside the main one, if any. */
  get deltaSegment(): Segment | null {
    return this.delta;
  }

  /**
   * Answers from `main` alone from now on: a segment built (in the background) over exactly the
   * library's live articles, which replaces the main and delta segments at once.
   */
  replaceIndex(main: Segment, version: string): void {
    this.main = main;
    this.delta = null;
    this.deltaArticles = [];
    this.refresh();
    this.currentVersion = version;
  }

  /**
   * Builds a library from analysed articles (duplicates already marked).
   * @param reuse - an earlier segment sharing article objects with `articles`, whose passages are copied rather than re-tokenised
   */
  static fromArticles(articles: Article[], options: LibraryIndexOptions = {}, reuse?: Segment): SegmentedLibrary {
    return new SegmentedLibrary(buildSegment(articles, reuse), options);
  }

  get articles(): readonly Article[] {
    return this.ordered;
  }

  get version(): string {
    return this.currentVersion;
  }

  /** The main segment (snapshots write it). */
  get mainSegment(): Segment {
    return this.main;
  }

  get(id: string): Article | undefined {
    const loc = this.locate(id);
    return loc ? loc.seg.articles[loc.local] : undefined;
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.engine.search(query, options);
  }

  searchArticles(query: string, limit?: number, options?: ArticleSearchOptions): string[] {
    return this.engine.searchArticles(query, limit, options);
  }

  suggest(query: string, limit?: number): string[] {
    return this.engine.suggest(query, limit);
  }

  applyChanges(changes: LibraryChanges): void {
    this.changeCount++;
    const gone = new Set([...changes.remove, ...changes.upsert.map((a) => a.id)]);
    for (const id of gone) {
      const loc = this.locate(id);
      if (loc && loc.seg === this.main) this.main.deleted[loc.local] = 1;
    }
    this.deltaArticles = this.deltaArticles.filter((a) => !gone.has(a.id));
    if (changes.analysedWith === undefined || changes.analysedWith !== this.options.analysers) {
      for (const article of changes.upsert) analyseArticle(article, this.options.analysers ?? []);
    }
    // Last upsert of an id wins when a batch repeats it.
    const latest = new Map(changes.upsert.map((a) => [a.id, a]));
    this.deltaArticles.push(...latest.values());
    const live = this.liveMainArticles();
    this.options.markDuplicates?.([...live, ...this.deltaArticles]);
    if (this.deltaArticles.length > Math.max(MIN_MERGE, live.length * MERGE_SHARE)) {
      this.main = buildSegment([...live, ...this.deltaArticles]);
      this.deltaArticles = [];
      this.delta = null;
    } else {
      // The previous delta's articles keep their passages (copied, not tokenised again): a corpus
      // growing one file at a time (feeds, the watcher) would otherwise re-tokenise the whole delta at every file.
      this.delta = this.deltaArticles.length ? buildSegment(this.deltaArticles, this.delta ?? undefined) : null;
    }
    this.refresh();
    this.currentVersion = articlesKey(this.ordered, this.options.version ?? '');
  }

  private liveMainArticles(): Article[] {
    return this.main.articles.filter((_, i) => !this.main.deleted[i]);
  }

  private refresh(): void {
    const segments = this.delta ? [this.main, this.delta] : [this.main];
    // Per live id, its article's number in the main segment, or in the delta as -1 - number: no object per article.
    const byId = new Map<string, number>();
    const ordered: Article[] = [];
    for (const seg of segments) {
      const articles = seg.articles;
      const deleted = seg.deleted;
      const inDelta = seg !== this.main;
      for (let local = 0; local < articles.length; local++) {
        if (deleted[local]) continue;
        const article = articles[local]!;
        byId.set(article.id, inDelta ? -1 - local : local);
        ordered.push(article);
      }
    }
    this.byId = byId;
    this.ordered = ordered;
    this.engine = new SearchEngine(segments, (id) => this.locate(id), this.options.engine);
  }

  /** Where a live article is: its segment and number there. */
  private locate(id: string): ArticleLocation | undefined {
    const at = this.byId.get(id);
    if (at === undefined) return undefined;
    return at >= 0 ? { seg: this.main, local: at } : { seg: this.delta!, local: -1 - at };
  }
}
