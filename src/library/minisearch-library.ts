/**
 * `SEARCH_BACKEND=minisearch`: the library with MiniSearch answering passage and article search
 * (`MiniSearchIndex`), for small corpora. Articles, "did you mean", the snapshot and live
 * changes stay the compact library's; every change is passed on to MiniSearch too. MiniSearch's
 * index is not snapshotted: it is rebuilt in memory on every start, beside the compact one.
 */
import type { ArticleSearchOptions, SearchHit, SearchOptions } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { MiniSearchIndex } from '../search/minisearch-index.js';
import type { IndexedLibrary, LibraryChanges } from './indexed-library.js';

/** An `IndexedLibrary` whose search goes to MiniSearch (see the module comment). */
export class MiniSearchLibrary implements IndexedLibrary {
  private readonly index: MiniSearchIndex;

  /** @param inner - the compact library: articles, suggestions, snapshot and live changes */
  constructor(private readonly inner: IndexedLibrary) {
    this.index = new MiniSearchIndex(inner.articles);
  }

  get articles(): readonly Article[] {
    return this.inner.articles;
  }

  get version(): string {
    return this.inner.version;
  }

  get(id: string): Article | undefined {
    return this.inner.get(id);
  }

  search(query: string, options?: SearchOptions): SearchHit[] {
    return this.index.search(query, options);
  }

  searchArticles(query: string, limit?: number, options?: ArticleSearchOptions): string[] {
    return this.index.searchArticles(query, limit, options);
  }

  suggest(query: string, limit?: number): string[] {
    return this.inner.suggest(query, limit);
  }

  applyChanges(changes: LibraryChanges): void {
    this.inner.applyChanges(changes);
    this.index.remove(changes.remove);
    // The compact library keeps the last upsert of an id; so does this. Copy marks changed on other
    // articles are seen as they are: MiniSearch's entries hold the same article objects.
    const latest = new Map(changes.upsert.map((a) => [a.id, a]));
    this.index.add([...latest.values()]);
  }
}
