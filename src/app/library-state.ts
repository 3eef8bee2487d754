/**
 * The library as the running process holds it: loading (with how far it has come) until the corpus
 * is read, then ready. The bot connects to its chat platforms before the library is ready, so every
 * front end asks this one place whether there is a library yet, and what to tell people meanwhile.
 */
import type { Library } from '../core/ports.js';
import type { BuildProgress, IndexedLibrary } from '../library/build.js';

export type { BuildProgress };

/** Where the library stands: still loading (progress once the loader has reported any) or ready. */
export type LibraryStatus = { state: 'loading'; progress: BuildProgress | null } | { state: 'ready'; articles: number };

/**
 * Stands in for the library while it loads: it has no articles, so autocomplete offers nothing
 * instead of failing. Commands never see it: `execute` answers with `loadingMessage` first.
 */
const LOADING_LIBRARY: Library = {
  articles: [],
  get: () => undefined,
  search: () => [],
  searchArticles: () => [],
  suggest: () => [],
  version: 'loading',
};

/** The one holder of the process's library: loading, then the loaded one (a live corpus changes it in place). */
export class LibraryState {
  #library: IndexedLibrary | undefined;
  #progress: BuildProgress | null = null;

  /** The library once loaded; an empty stand-in while loading (see `status`). */
  library(): Library {
    return this.#library ?? LOADING_LIBRARY;
  }

  /** Loading (with the latest progress) or ready (with its article count). */
  status(): LibraryStatus {
    return this.#library ? { state: 'ready', articles: this.#library.articles.length } : { state: 'loading', progress: this.#progress };
  }

  /** Records how far loading has come (pass it as `buildLibrary`'s `onProgress`). */
  readonly progress = (progress: BuildProgress): void => {
    this.#progress = progress;
  };

  /** Publishes the loaded library: from now on every request is answered from it. */
  ready(library: IndexedLibrary): void {
    this.#library = library;
  }
}

/** "19,043": made on first use — an `Intl` formatter at import costs every CLI call (`help` too) ~20 ms of ICU start-up. */
let numberFormat: Intl.NumberFormat | undefined;
const number = { format: (n: number) => (numberFormat ??= new Intl.NumberFormat('en-US')).format(n) };

/** How far loading has come, in words: "reading the archive (8,000 of 19,043 files)". */
export function describeProgress(progress: BuildProgress | null): string {
  if (progress?.phase === 'ingest' && progress.total > 0) {
    return `reading the archive (${number.format(progress.done)} of ${number.format(progress.total)} files)`;
  }
  if (progress?.phase === 'index') return `indexing the archive (${number.format(progress.total)} articles)`;
  return 'opening the archive';
}

/**
 * What every command answers while the library loads, e.g. "newsdesk is reading the archive
 * (8,000 of 19,043 files); ask again in a minute."
 */
export function loadingMessage(progress: BuildProgress | null): string {
  const soon = progress?.phase === 'ingest' || progress?.phase === 'index' ? 'in a minute' : 'in a moment';
  return `newsdesk is ${describeProgress(progress)}; ask again ${soon}.`;
}
