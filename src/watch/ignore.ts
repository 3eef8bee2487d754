/**
 * Which paths under the corpus folder the watcher reacts to. Editors and downloaders write
 * through temporary files (`.foo.swp`, `foo~`, `foo.tmp`, `foo.partial`) and rename them into
 * place; reacting to those would ingest half-written text.
 */

import { CORPUS_EXTENSIONS } from '../ingest/corpus.js';

export { CORPUS_EXTENSIONS };

const TEMP_SUFFIXES = ['~', '.swp', '.swo', '.swx', '.tmp', '.temp', '.partial', '.part', '.crdownload', '.download', '.bak'];

/** True when a path (relative to the corpus, `/`-separated) is a temporary or hidden file or folder. */
export function isIgnoredPath(rel: string): boolean {
  return rel.split('/').some((segment) => {
    const lower = segment.toLowerCase();
    return (
      segment.startsWith('.') || // hidden files and folders, vim swap files, .git
      segment.startsWith('#') || // emacs auto-save
      TEMP_SUFFIXES.some((s) => lower.endsWith(s)) ||
      lower === 'node_modules'
    );
  });
}

/** True when a file (relative path) is one the corpus would ingest. */
export function isCorpusFile(rel: string): boolean {
  const lower = rel.toLowerCase();
  return !isIgnoredPath(rel) && CORPUS_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
