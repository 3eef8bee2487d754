import { mkdirSync, mkdtempSync, openSync, closeSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports.js';
import { ingestFile } from '../../src/ingest/index.js';
import { buildLibrary, type IndexedLibrary } from '../../src/library/build.js';
import { silentLogger } from '../../src/app/log.js';
import { watchCorpus, type CorpusWatcher, type WatchSummary } from '../../src/watch/index.js';
import { isCorpusFile, isIgnoredPath } from '../../src/watch/ignore.js';

const DEBOUNCE = 100;

let root: string;
let corpus: string;
let library: IndexedLibrary;
let watcher: CorpusWatcher | undefined;
let changes: WatchSummary[];
let ingested: string[];

const story = (title: string, body: string) =>
  `---\ntitle: "${title}"\noutlet: "Test Wire"\npublished: 2026-11-23\n---\n${title}\n\n${body}\n`;

/** Polls until `cond` holds; fails after `ms`. Returns how long it took. */
async function until(cond: () => boolean, ms = 5000): Promise<number> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - start;
}

const found = (query: string) => library.search(query, { limit: 10 }).map((h) => h.articleId);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'nd-watch-'));
  corpus = path.join(root, 'corpus');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'first.md'), story('Harbour reopens', 'The harbour of Marseille reopened on Monday after a strike.'));
  ({ library } = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'data'), logger: silentLogger, snapshot: false }));
  changes = [];
  ingested = [];
  watcher = watchCorpus({
    corpusDir: corpus,
    library,
    logger: silentLogger,
    debounceMs: DEBOUNCE,
    onChange: (s) => changes.push(s),
    // The real ingest, counted: a file must be read once, whole.
    ingest: (abs, dir) => {
      ingested.push(path.relative(dir, abs));
      return ingestFile(abs, dir);
    },
  });
  await sleep(50); // let the watch settle before the test writes
});

afterEach(async () => {
  await watcher?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('live corpus', () => {
  it('an added, changed and removed article shows in search within seconds, without a restart', async () => {
    expect(found('zeppelin')).toEqual([]);
    writeFileSync(path.join(corpus, 'airship.md'), story('Airship lands', 'A zeppelin landed in Gyumri on Tuesday, witnesses said.'));
    const addedMs = await until(() => found('zeppelin').includes('airship.md'));
    expect(addedMs).toBeLessThan(3000);
    console.info(`live corpus: new article searchable after ${addedMs} ms (debounce ${DEBOUNCE} ms)`);
    expect(changes.map((c) => [c.file, c.upserted.map((a) => a.id), c.removed])).toEqual([['airship.md', ['airship.md'], []]]);

    writeFileSync(path.join(corpus, 'airship.md'), story('Airship lands', 'A dirigible landed in Gyumri on Tuesday, witnesses said.'));
    await until(() => found('dirigible').includes('airship.md'));
    expect(found('zeppelin')).toEqual([]);
    expect(library.articles.filter((a) => a.id === 'airship.md')).toHaveLength(1);

    rmSync(path.join(corpus, 'airship.md'));
    await until(() => library.get('airship.md') === undefined);
    expect(found('dirigible')).toEqual([]);
    expect(changes.at(-1)).toMatchObject({ file: 'airship.md', upserted: [], removed: ['airship.md'] });
    // The article that was there from the start is untouched.
    expect(found('harbour')).toContain('first.md');
  });

  it('a file written in two chunks is ingested once, whole', async () => {
    const file = path.join(corpus, 'slow.md');
    const text = story('Slow writer', 'The first half mentions Vanadzor. The second half mentions Dilijan.');
    const cut = text.indexOf('The second half');
    const fd = openSync(file, 'w');
    writeSync(fd, text.slice(0, cut));
    // A pause longer than the debounce: a plain debounce would read the first half here.
    await sleep(DEBOUNCE * 1.5);
    writeSync(fd, text.slice(cut));
    closeSync(fd);
    await until(() => library.get('slow.md') !== undefined);
    await sleep(DEBOUNCE * 4); // any late second read would show up here
    expect(ingested).toEqual(['slow.md']);
    expect(changes).toHaveLength(1);
    expect(library.get('slow.md')!.text).toContain('The second half mentions Dilijan.');
    expect(found('dilijan')).toEqual(['slow.md']);
  });

  it('editor and download temp files are never read; the renamed result is read once', async () => {
    writeFileSync(path.join(corpus, '.draft.md.swp'), 'swap file junk mentioning Sevan');
    writeFileSync(path.join(corpus, 'draft.md~'), story('Backup', 'An editor backup mentioning Sevan.'));
    writeFileSync(path.join(corpus, 'lake.md.partial'), story('Lake', 'Lake Sevan froze early this year.'));
    await sleep(DEBOUNCE * 4);
    expect(ingested).toEqual([]);
    renameSync(path.join(corpus, 'lake.md.partial'), path.join(corpus, 'lake.md'));
    await until(() => found('sevan').includes('lake.md'));
    await sleep(DEBOUNCE * 3);
    expect(ingested).toEqual(['lake.md']);
    expect(found('sevan')).toEqual(['lake.md']);
  });

  it('reads subfolders, including a folder moved in whole, and removes a deleted folder', async () => {
    const staging = path.join(root, 'staging');
    mkdirSync(path.join(staging, 'wire'), { recursive: true });
    writeFileSync(path.join(staging, 'wire', 'a.md'), story('Bridge opens', 'A new bridge over the Debed river opened.'));
    writeFileSync(path.join(staging, 'wire', 'b.md'), story('Bridge tolls', 'Tolls on the Debed bridge start in May.'));
    renameSync(path.join(staging, 'wire'), path.join(corpus, 'wire'));
    await until(() => found('debed').length === 2);
    expect(found('debed').sort()).toEqual(['wire/a.md', 'wire/b.md']);
    rmSync(path.join(corpus, 'wire'), { recursive: true });
    await until(() => found('debed').length === 0);
    expect(library.get('wire/a.md')).toBeUndefined();
  });
});

describe('starting to watch', () => {
  it('catches up with files added or removed while the corpus was loading, leaving known-bad files alone', async () => {
    await watcher!.close();
    writeFileSync(path.join(corpus, 'late.md'), story('Late arrival', 'A ferry to Batumi was added while the corpus loaded.'));
    writeFileSync(path.join(corpus, 'broken.md'), Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    rmSync(path.join(corpus, 'first.md'));
    ingested = [];
    watcher = watchCorpus({
      corpusDir: corpus,
      library,
      logger: silentLogger,
      debounceMs: DEBOUNCE,
      skipped: ['broken.md'],
      ingest: (abs, dir) => {
        ingested.push(path.relative(dir, abs));
        return ingestFile(abs, dir);
      },
    });
    await until(() => library.get('late.md') !== undefined && library.get('first.md') === undefined);
    expect(found('batumi')).toEqual(['late.md']);
    await sleep(DEBOUNCE * 3);
    expect(ingested).toEqual(['late.md']);
  });
});

describe('which paths are watched', () => {
  it('ignores hidden, backup and partial files', () => {
    for (const p of ['.foo.swp', 'a/.git/x.md', 'story.md~', 'story.md.tmp', 'story.md.partial', '#story.md#', 'x.crdownload']) {
      expect(isIgnoredPath(p)).toBe(true);
    }
    for (const p of ['story.md', 'wire/2021/story.txt', 'export.json']) expect(isCorpusFile(p)).toBe(true);
    expect(isCorpusFile('photo.jpg')).toBe(false);
  });
});

/** A logger that keeps warnings and debug lines (with the tick count when each was logged). */
function watchLogger(ticks: () => number = () => 0) {
  const warnings: { file?: string; reason?: string; msg?: string }[] = [];
  const debug: { msg?: string; file?: string; tick: number }[] = [];
  const logger: Logger = {
    ...silentLogger,
    warn: (obj, msg) => void warnings.push({ ...(obj as object), msg }),
    debug: (obj, msg) => void debug.push({ ...(obj as object), msg, tick: ticks() }),
  };
  return { logger, warnings, debug };
}

const OUTSIDE = /symbolic link to a target outside the corpus folder/;

describe('symbolic links in the live corpus', () => {
  it('reads a link inside the corpus and refuses a file or folder link outside it with one warning', async () => {
    await watcher!.close();
    const outside = path.join(root, 'outside');
    mkdirSync(path.join(outside, 'private'), { recursive: true });
    writeFileSync(path.join(outside, 'passwd.txt'), 'root:x:0:0:root:/root:/bin/bash\n\nSecret payroll notes mention Zvartnots.\n');
    writeFileSync(path.join(outside, 'private', 'memo.md'), story('Memo', 'The confidential memo mentions Zvartnots too.'));
    const { logger, warnings } = watchLogger();
    watcher = watchCorpus({ corpusDir: corpus, library, logger, debounceMs: DEBOUNCE, ingest: (abs, dir) => ingestFile(abs, dir) });
    await sleep(50);

    symlinkSync(path.join(outside, 'passwd.txt'), path.join(corpus, 'passwd.txt'));
    symlinkSync(path.join(outside, 'private'), path.join(corpus, 'private'));
    await until(() => warnings.some((w) => w.file === 'passwd.txt') && warnings.some((w) => w.file === 'private'));
    expect(warnings.filter((w) => w.file === 'passwd.txt')).toEqual([{ file: 'passwd.txt', reason: expect.stringMatching(OUTSIDE), msg: 'skipped' }]);
    expect(library.get('passwd.txt')).toBeUndefined();
    expect(library.get('private/memo.md')).toBeUndefined();
    expect(found('zvartnots')).toEqual([]);

    symlinkSync('first.md', path.join(corpus, 'latest.md'));
    await until(() => library.get('latest.md') !== undefined);
    expect(library.get('latest.md')!.text).toBe(library.get('first.md')!.text);

    // Removing or re-pointing a link is not seen live: Node's recursive watcher on Linux watches the link's target,
    // not the link (the next start's snapshot key sees it). Nothing outside is read either way: every read is checked.
  });

  it('with CORPUS_FOLLOW_SYMLINKS=true follows a link outside the corpus (read on the ingest thread)', async () => {
    await watcher!.close();
    const outside = path.join(root, 'outside');
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'wire.md'), story('Airport reopens', 'Zvartnots airport reopened on Friday, officials said.'));
    const { logger, warnings } = watchLogger();
    watcher = watchCorpus({ corpusDir: corpus, library, logger, debounceMs: DEBOUNCE, followSymlinks: true });
    await watcher.ready();
    await sleep(50);
    symlinkSync(path.join(outside, 'wire.md'), path.join(corpus, 'wire.md'));
    await until(() => found('zvartnots').includes('wire.md'));
    expect(warnings).toEqual([]);
  }, 90_000);
});

describe('live ingest off the main thread', () => {
  it('the event loop keeps ticking while a large changed file is read, ingested and analysed', async () => {
    await watcher!.close();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      const { logger, warnings, debug } = watchLogger(() => ticks);
      watcher = watchCorpus({ corpusDir: corpus, library, logger, debounceMs: DEBOUNCE });
      await watcher.ready();
      await sleep(50);
      // About 700 KB of paragraphs: seconds of ingest and analysis, all of it blocking when done on the main thread.
      const paras: string[] = [];
      for (let i = 0; paras.length < 5000; i++) paras.push(`Officials in Gyumri said on Tuesday that the rebuilding of district ${i} would go on. "We will rebuild," the mayor said.`);
      writeFileSync(path.join(corpus, 'big.md'), story('Rebuilding Gyumri', paras.join('\n\n')));
      await until(() => library.get('big.md') !== undefined, 90_000);
      const start = debug.find((d) => d.msg === 'corpus watcher: reading a changed file' && d.file === 'big.md');
      const end = debug.find((d) => d.msg === 'corpus watcher: changed file read' && d.file === 'big.md');
      expect(start).toBeDefined();
      expect(end).toBeDefined();
      // Timer ticks while the file was being read: none at all when ingest blocks the event loop.
      expect(end!.tick - start!.tick).toBeGreaterThanOrEqual(20);
      expect(warnings).toEqual([]);
      // Analysed on the thread, and searchable.
      expect(Object.keys(library.get('big.md')!.annotations).length).toBeGreaterThan(0);
      expect(found('rebuilding')).toContain('big.md');
    } finally {
      clearInterval(timer);
    }
  }, 120_000);
});
