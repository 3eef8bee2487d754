/** The live corpus: re-ingest and re-index on file changes. */
export { watchCorpus, defaultWatchOptions } from './corpus-watcher.js';
export type { CorpusWatcher, FileIngest, IngestOne, LiveLibrary, WatchOptions, WatchSummary } from './corpus-watcher.js';
export { CORPUS_EXTENSIONS, isCorpusFile, isIgnoredPath } from './ignore.js';
