import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.js';
import { buildLibrary, type IndexedLibrary } from '../../src/library/build.js';
import { segmentWork } from '../../src/search/segment.js';
import { watchCorpus, type CorpusWatcher, type WatchSummary } from '../../src/watch/index.js';

const DEBOUNCE = 100;
const WORDS = ['harbour', 'strike', 'grain', 'tariff', 'election', 'pipeline', 'drought', 'bond', 'rail', 'mine'];

const story = (i: number) =>
  `---\ntitle: "Report ${i}"\noutlet: "Test Wire"\npublished: 2026-11-23\n---\nReport ${i}\n\n` +
  `The ${WORDS[i % WORDS.length]} talks went on for ${i + 2} days, officials said on Monday.\n\nA second paragraph about the ${WORDS[(i * 7) % WORDS.length]} follows here.\n`;

async function until(cond: () => boolean, ms = 60_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

let root: string;
let corpus: string;
let library: IndexedLibrary;
let watcher: CorpusWatcher | undefined;
let changes: WatchSummary[];

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'nd-watch-batch-'));
  corpus = path.join(root, 'corpus');
  mkdirSync(path.join(corpus, 'feeds'), { recursive: true });
  writeFileSync(path.join(corpus, 'first.md'), story(0));
  ({ library } = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'data'), logger: silentLogger, snapshot: false }));
  changes = [];
  watcher = watchCorpus({ corpusDir: corpus, library, logger: silentLogger, debounceMs: DEBOUNCE, onChange: (s) => changes.push(s) });
  await watcher.ready();
});

afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe('corpus watcher: a burst of files', () => {
  it('indexes 200 files that arrive together with work linear in their number, answering as a fresh build', async () => {
    const n = 200;
    const work0 = segmentWork.articlesIndexed;
    for (let i = 1; i <= n; i++) writeFileSync(path.join(corpus, 'feeds', `r${i}.md`), story(i));
    await until(() => library.articles.length === n + 1);
    // Applied one file at a time, the delta segment is rebuilt at every file: 1 + 2 + … + 200 = 20,100 articles.
    // Together, each article is indexed a bounded number of times.
    const work = segmentWork.articlesIndexed - work0;
    expect(work).toBeLessThanOrEqual(3 * n);
    // Every file is reported once.
    expect(changes.map((c) => c.file).sort()).toEqual(Array.from({ length: n }, (_, i) => `feeds/r${i + 1}.md`).sort());

    const fresh = (await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'fresh'), logger: silentLogger, snapshot: false })).library;
    for (const q of ['harbour talks', 'grain', 'officials said Monday', 'second paragraph drought', 'report 17']) {
      const live = library.search(q, { limit: 10 }).map((h) => `${h.articleId}@${h.span.start}-${h.span.end}`);
      const scratch = fresh.search(q, { limit: 10 }).map((h) => `${h.articleId}@${h.span.start}-${h.span.end}`);
      expect(new Set(live)).toEqual(new Set(scratch));
    }
  }, 120_000);
});
