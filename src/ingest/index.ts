/**
 * Corpus ingest: reading a newsroom's archive and turning raw page text into quotable articles.
 *
 * Entry points: `loadCorpus` (a folder), `ingestFile` (one file, for the live-corpus watcher),
 * `ingestText` (one text), `markDuplicates` (syndicated copies across the corpus).
 */
export { ingestText, sha256, clearIngestCache, type IngestTextOptions } from './ingest-text.js';
export {
  loadCorpus,
  ingestFile,
  articleId,
  CORPUS_EXTENSIONS,
  defaultLoadCorpusOptions,
  type CorpusWarning,
  type LoadCorpusOptions,
  type IngestedFile,
  type IngestFileOptions,
} from './corpus.js';
export { walkCorpus, realCorpusRoot, isInside, OUTSIDE_LINK_REASON, type CorpusListing, type SkippedPath, type SymlinkPolicy } from './corpus-walk.js';
export { markDuplicates, markDuplicatesSteps, markDuplicatesDelta, markDuplicatesDeltaSteps, articleFingerprint, type Fingerprint } from './duplicates.js';
export { splitFrontMatter, FrontMatterError } from './front-matter.js';
export type { Dateline } from './dateline.js';
