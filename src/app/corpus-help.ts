/** What to tell someone whose corpus folder holds no articles: where it is and what to put there. */
import path from 'node:path';

/**
 * One paragraph for an empty corpus: the folder, the accepted formats, how to point elsewhere.
 * @param corpusDir - `CORPUS_DIR` as configured (shown as an absolute path, so a relative one is not a puzzle)
 */
export function emptyCorpusHelp(corpusDir: string): string {
  return (
    `The corpus folder ${path.resolve(corpusDir)} holds no articles. Put your newsroom's articles there — ` +
    '.md or .txt files (YAML front matter with title, outlet, url and published is optional) or .json CMS exports; ' +
    'subfolders are read — or set CORPUS_DIR (in the environment or in .env) to the folder that holds them. ' +
    'README.md, section "The corpus", shows the formats.'
  );
}
