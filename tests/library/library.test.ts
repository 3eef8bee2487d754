import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analyser } from '../../src/core/ports.js';
import type { Logger } from '../../src/core/ports.js';
import { isNewsdeskError } from '../../src/core/errors.js';
import { buildLibrary, libraryFromArticles, snapshotPath, type IndexedLibrary } from '../../src/library/build.js';
import { readManifest } from '../../src/library/corpus-manifest.js';
import { story } from '../helpers/search.js';

/** A logger that keeps what was warned (and said), so tests can assert on it. */
function recordingLogger(): Logger & { warnings: { obj: unknown; msg?: string }[]; infos: { obj: unknown; msg?: string }[] } {
  const warnings: { obj: unknown; msg?: string }[] = [];
  const infos: { obj: unknown; msg?: string }[] = [];
  return { warnings, infos, info: (obj, msg) => void infos.push({ obj, msg }), debug() {}, error() {}, warn: (obj, msg) => void warnings.push({ obj, msg }) };
}

const wordCount: Analyser<number> = { name: 'words', version: '1', analyse: (a) => a.text.split(/\s+/).filter(Boolean).length };

function file(title: string, date: string, body: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\noutlet: Test Wire\npublished: ${date}\n---\n${title}\n\n${body}\n`;
}

const QUERIES = ['gyumri', 'earthquake', 'rescue teams', 'opec', 'oil prices', 'gyum', 'earthqauke', 'zzzz', 'the'];

function snapshotOfResults(lib: IndexedLibrary) {
  return QUERIES.map((q) => ({
    q,
    hits: lib.search(q, { limit: 10, perArticle: 3 }),
    articles: lib.searchArticles(q),
    suggest: lib.suggest(q),
  }));
}

describe('buildLibrary', () => {
  let root: string;
  let corpus: string;
  let data: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsdesk-lib-'));
    corpus = path.join(root, 'corpus');
    data = path.join(root, 'data');
    mkdirSync(path.join(corpus, 'wire'), { recursive: true });
    writeFileSync(
      path.join(corpus, 'quake.md'),
      file('Earthquake strikes Gyumri', '2024-03-01', 'A strong earthquake struck Gyumri on Friday. Rescue teams arrived from Yerevan within hours.\n\nOfficials said the damage was severe.'),
    );
    writeFileSync(
      path.join(corpus, 'wire', 'oil.md'),
      file('Oil prices rise after OPEC deal', '2024-03-02', 'Oil prices rose on Monday after OPEC agreed to cut output.\n\nAnalysts said the deal would hold.'),
    );
    writeFileSync(path.join(corpus, 'empty.txt'), '');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('loads from the snapshot on the second start with identical answers', async () => {
    const logger = recordingLogger();
    // Old file times, so the file hashes remembered by the first (cold) start are trusted by the next one.
    const old = new Date(Date.now() - 3600_000);
    for (const f of ['quake.md', 'wire/oil.md', 'empty.txt']) utimesSync(path.join(corpus, f), old, old);
    const first = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, analysers: [wordCount] });
    expect(first.fromSnapshot).toBe(false);
    expect(first.warnings).toEqual([{ file: 'empty.txt', reason: expect.stringMatching(/empty/) }]);
    expect(readdirSync(data).some((f) => f.endsWith('.snap'))).toBe(true);
    expect(first.library.articles.map((a) => a.id).sort()).toEqual(['quake.md', 'wire/oil.md']);
    expect(first.library.get('quake.md')!.annotations['words']).toBeGreaterThan(10);

    const debug: unknown[] = [];
    const second = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: { ...logger, debug: (o) => void debug.push(o) }, analysers: [wordCount] });
    expect(second.fromSnapshot).toBe(true);
    expect(debug).toContainEqual({ files: 3, hashed: 0 });
    expect(second.warnings).toEqual(first.warnings);
    expect(second.library.version).toBe(first.library.version);
    expect(snapshotOfResults(second.library)).toEqual(snapshotOfResults(first.library));
    for (const a of first.library.articles) {
      const b = second.library.get(a.id)!;
      expect(JSON.parse(JSON.stringify(b))).toEqual(JSON.parse(JSON.stringify(a)));
      expect(b.text).toBe(a.text);
      expect(b.sentences).toEqual(a.sentences);
      expect(b.blocks).toEqual(a.blocks);
      expect(b.annotations).toEqual(a.annotations);
      expect(b.meta).toEqual(a.meta);
    }
    expect(snapshotOfResults(first.library)[0]!.hits.length).toBeGreaterThan(0);
  });

  it('rebuilds when a corpus file changes, and the change is searchable', async () => {
    const logger = recordingLogger();
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(await buildLibrary({ corpusDir: corpus, dataDir: data, logger }).then((b) => b.fromSnapshot)).toBe(true);
    writeFileSync(path.join(corpus, 'wire', 'oil.md'), file('Wheat harvest breaks record', '2024-03-05', 'Farmers reported a record wheat harvest.'));
    const changed = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(changed.fromSnapshot).toBe(false);
    expect(changed.library.search('wheat')[0]!.articleId).toBe('wire/oil.md');
    expect(changed.library.search('opec')).toEqual([]);
    // Same size, new content.
    const wheat = path.join(corpus, 'wire', 'oil.md');
    writeFileSync(wheat, readFileSync(wheat, 'utf8').replace('wheat', 'maize'));
    const sameSize = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(sameSize.fromSnapshot).toBe(false);
    expect(sameSize.library.search('maize')[0]!.articleId).toBe('wire/oil.md');
    writeFileSync(path.join(corpus, 'new.md'), file('New story', '2024-03-06', 'Something about a harbour.'));
    const added = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(added.fromSnapshot).toBe(false);
    expect(added.library.articles).toHaveLength(3);
    expect((await buildLibrary({ corpusDir: corpus, dataDir: data, logger })).fromSnapshot).toBe(true);
  });

  it('rebuilds when an analyser version changes', async () => {
    const logger = recordingLogger();
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger, analysers: [wordCount] });
    const v2: Analyser<string> = { name: 'words', version: '2', analyse: () => 'v2' };
    const next = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, analysers: [v2] });
    expect(next.fromSnapshot).toBe(false);
    expect(next.library.get('quake.md')!.annotations['words']).toBe('v2');
  });

  it.each([
    ['garbage in the middle', (buf: Buffer) => buf.fill(0x5a, Math.floor(buf.length / 2), Math.floor(buf.length / 2) + 64)],
    ['truncated', (buf: Buffer) => buf.subarray(0, Math.floor(buf.length * 0.6))],
    ['not a snapshot', () => Buffer.from('hello')],
    ['empty', () => Buffer.alloc(0)],
  ])('warns and rebuilds when the snapshot is damaged (%s)', async (_, damage) => {
    const logger = recordingLogger();
    const first = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    const snap = snapshotPath(data, corpus);
    writeFileSync(snap, damage(readFileSync(snap)) ?? readFileSync(snap));
    const again = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(again.fromSnapshot).toBe(false);
    expect(logger.warnings.map((w) => w.msg)).toContain('index snapshot unusable; rebuilding');
    expect(snapshotOfResults(again.library)).toEqual(snapshotOfResults(first.library));
    expect((await buildLibrary({ corpusDir: corpus, dataDir: data, logger })).fromSnapshot).toBe(true);
  });

  it('works without a snapshot and without a writable data folder', async () => {
    const logger = recordingLogger();
    const plain = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, snapshot: false });
    expect(plain.fromSnapshot).toBe(false);
    expect(() => readdirSync(data)).toThrow();
    writeFileSync(path.join(root, 'blocker'), 'a file where the data folder should be');
    const blocked = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'blocker', 'data'), logger });
    expect(blocked.fromSnapshot).toBe(false);
    expect(blocked.library.search('gyumri').length).toBeGreaterThan(0);
    expect(logger.warnings.some((w) => /could not write the index snapshot/.test(w.msg ?? ''))).toBe(true);
  });

  it('ingests on worker threads with the same result as on one thread', async () => {
    for (let i = 0; i < 6; i++) {
      writeFileSync(path.join(corpus, 'wire', `extra-${i}.md`), file(`Extra story ${i}`, '2024-04-0' + (i + 1), `Report number ${i} said oil prices moved. Gyumri was calm.`));
    }
    writeFileSync(path.join(corpus, 'wire', 'broken.md'), '---\ntitle: [unclosed\n---\nBody text.');
    const one = await buildLibrary({ corpusDir: corpus, dataDir: data, logger: recordingLogger(), snapshot: false, workers: 0 });
    const logger = recordingLogger();
    const two = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, snapshot: false, workers: 2 });
    expect(logger.warnings.map((w) => w.msg)).not.toContain('parallel ingest failed; ingesting on one thread');
    expect(two.library.articles.map((a) => a.id)).toEqual(one.library.articles.map((a) => a.id));
    expect(two.warnings).toEqual(one.warnings);
    expect(two.warnings.map((w) => w.file).sort()).toEqual(['empty.txt', 'wire/broken.md']);
    expect(JSON.parse(JSON.stringify(two.library.articles))).toEqual(JSON.parse(JSON.stringify(one.library.articles)));
    expect(snapshotOfResults(two.library)).toEqual(snapshotOfResults(one.library));
  });

  it('keys a cold build on worker threads by the bytes the workers read, reading no file again', async () => {
    for (let i = 0; i < 6; i++) writeFileSync(path.join(corpus, 'wire', `extra-${i}.md`), file(`Extra story ${i}`, '2024-04-0' + (i + 1), `Report number ${i} said oil prices moved.`));
    // Written an hour ago: a file modified moments before it is hashed is read again by any key (see corpus-key.ts).
    const past = new Date(Date.now() - 3_600_000);
    for (const f of readdirSync(corpus, { recursive: true, encoding: 'utf8' })) utimesSync(path.join(corpus, f), past, past);
    const keyed: { files: number; hashed: number }[] = [];
    const logger: Logger = { info() {}, warn() {}, error() {}, debug: (o, msg) => void (msg === 'corpus key computed' && keyed.push(o as { files: number; hashed: number })) };
    const pooled = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, workers: 2 });
    expect(pooled.fromSnapshot).toBe(false);
    expect(keyed).toEqual([{ files: expect.any(Number), hashed: 0 }]);
    // The manifest and key are those of a build that read every file for the key (one thread).
    const otherData = path.join(root, 'data-one-thread');
    await buildLibrary({ corpusDir: corpus, dataDir: otherData, logger: recordingLogger(), workers: 0 });
    // Everything but the time each was taken: entries, sizes and mtimes, hashes.
    const manifest = (dir: string) => {
      const m = readManifest(snapshotPath(dir, corpus).replace(/\.snap$/, '.files.tsv'));
      return m && { entries: m.entries, stats: Array.from(m.stats), hashes: m.hashes };
    };
    expect(manifest(data)).not.toBeNull();
    expect(manifest(data)).toEqual(manifest(otherData));
    expect(manifest(data)!.entries.length).toBe(keyed[0]!.files);
    expect(manifest(data)!.hashes.every((h) => /^[0-9a-f]{40}$/.test(h) || h === 'unreadable')).toBe(true);
    const again = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, workers: 2 });
    expect(again.fromSnapshot).toBe(true);
    expect(keyed.at(-1)).toEqual({ files: keyed[0]!.files, hashed: 0 });
  });

  it('fails clearly when the corpus folder is missing', async () => {
    const err = await buildLibrary({ corpusDir: path.join(root, 'nope'), dataDir: data, logger: recordingLogger() }).catch((e: unknown) => e);
    expect(isNewsdeskError(err, 'corpus')).toBe(true);
    expect((err as Error).message).toContain('nope');
  });

  it('an empty corpus loads from its snapshot on the second start (its checksum matches)', async () => {
    const empty = path.join(root, 'empty-corpus');
    mkdirSync(empty);
    const logger = recordingLogger();
    const first = await buildLibrary({ corpusDir: empty, dataDir: data, logger });
    expect(first.fromSnapshot).toBe(false);
    expect(first.library.articles).toEqual([]);
    const second = await buildLibrary({ corpusDir: empty, dataDir: data, logger });
    expect(logger.warnings.map((w) => w.msg)).toEqual([]);
    expect(second.fromSnapshot).toBe(true);
    expect(second.library.articles).toEqual([]);
    expect(second.library.search('gyumri')).toEqual([]);
  });

  it('removes temp files left by a snapshot write that died, with one info line, and keeps a running writer\'s', async () => {
    mkdirSync(data, { recursive: true });
    // A process that has exited: its id names no running process now.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout);
    const tag = path.basename(snapshotPath(data, corpus)).replace(/\.snap$/, '');
    const orphans = [`${tag}.snap.${deadPid}.tmp`, `${tag}.files.tsv.${deadPid}.tmp`, `library-0123456789ab.snap.${process.pid}.tmp`];
    // A temp file of a process that is running (this one's parent) and was written during this run: in use, kept.
    const live = `${tag}.snap.${process.ppid}.tmp`;
    const unrelated = 'notes.snap.1.tmp';
    for (const f of [...orphans, live, unrelated]) writeFileSync(path.join(data, f), 'partial snapshot bytes');
    const logger = recordingLogger();
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    const left = readdirSync(data);
    for (const f of orphans) expect(left).not.toContain(f);
    expect(left).toContain(live);
    expect(left).toContain(unrelated);
    const lines = logger.infos.filter((i) => /temp file/.test(i.msg ?? ''));
    expect(lines).toHaveLength(1);
    expect(lines[0]!.msg).toBe('removed 3 temp file(s) left by an interrupted snapshot write');
    expect((lines[0]!.obj as { files: string[] }).files.sort()).toEqual([...orphans].sort());
    // The same live process's file, but older than this run: its id was reused, so it is an orphan too.
    utimesSync(path.join(data, live), new Date(Date.now() - 86_400_000 * 365), new Date(Date.now() - 86_400_000 * 365));
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(readdirSync(data)).not.toContain(live);
  });

  it('keys the snapshot on what links read: a removed link is no longer served, a re-pointed one is re-read', async () => {
    const logger = recordingLogger();
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, 'memo.md'), file('Payroll memo', '2024-03-03', 'The payroll memo listed every salary in the zeppelin division.'));
    writeFileSync(path.join(elsewhere, 'other.md'), file('Harbour memo', '2024-03-03', 'The harbour memo listed every berth in the dirigible division.'));
    const old = new Date(Date.now() - 3600_000);
    for (const f of ['quake.md', 'wire/oil.md', 'empty.txt']) utimesSync(path.join(corpus, f), old, old);
    for (const f of ['memo.md', 'other.md']) utimesSync(path.join(elsewhere, f), old, old);
    const link = path.join(corpus, 'memo.md');
    symlinkSync(path.join(elsewhere, 'memo.md'), link);
    const follow = { corpusDir: corpus, dataDir: data, logger, followSymlinks: true } as const;
    const first = await buildLibrary(follow);
    expect(first.library.searchArticles('zeppelin')).toEqual(['memo.md']);
    expect((await buildLibrary(follow)).fromSnapshot).toBe(true);

    // Re-pointed to another file (same size and times): the key changes and the new target is read.
    unlinkSync(link);
    symlinkSync(path.join(elsewhere, 'other.md'), link);
    const repointed = await buildLibrary(follow);
    expect(repointed.fromSnapshot).toBe(false);
    expect(repointed.library.searchArticles('zeppelin')).toEqual([]);
    expect(repointed.library.searchArticles('dirigible')).toEqual(['memo.md']);

    // The link removed: no longer served after a restart.
    unlinkSync(link);
    const removed = await buildLibrary(follow);
    expect(removed.fromSnapshot).toBe(false);
    expect(removed.library.get('memo.md')).toBeUndefined();
    expect(removed.library.searchArticles('dirigible')).toEqual([]);

    // An outside link without CORPUS_FOLLOW_SYMLINKS: refused (also on a restart over the snapshot), with its warning kept.
    symlinkSync(path.join(elsewhere, 'memo.md'), link);
    const refused = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(refused.fromSnapshot).toBe(false);
    expect(refused.library.get('memo.md')).toBeUndefined();
    expect(refused.warnings).toContainEqual({ file: 'memo.md', reason: expect.stringMatching(/outside the corpus folder/) });
    const again = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(again.fromSnapshot).toBe(true);
    expect(again.library.get('memo.md')).toBeUndefined();
    expect(again.warnings).toEqual(refused.warnings);
    // Allowing links is a different library: it is rebuilt, not served from the refusing snapshot.
    const allowed = await buildLibrary(follow);
    expect(allowed.fromSnapshot).toBe(false);
    expect(allowed.library.searchArticles('zeppelin')).toEqual(['memo.md']);
  });

  it('takes live changes on a library loaded from the snapshot', async () => {
    const logger = recordingLogger();
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger, analysers: [wordCount] });
    const { library, fromSnapshot } = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, analysers: [wordCount] });
    expect(fromSnapshot).toBe(true);
    library.applyChanges({ upsert: [story('late.md', 'Harbour fire in Gyumri', ['A fire broke out at the harbour.'])], remove: ['wire/oil.md'] });
    expect(library.articles.map((a) => a.id).sort()).toEqual(['late.md', 'quake.md']);
    expect(library.get('late.md')!.annotations['words']).toBe(11);
    expect(library.search('opec')).toEqual([]);
    expect(library.search('harbour')[0]!.articleId).toBe('late.md');
    expect(library.searchArticles('gyumri').sort()).toEqual(['late.md', 'quake.md']);
  });
});

describe('libraryFromArticles', () => {
  it('runs the analysers and marks syndicated copies', () => {
    const original = story('a.md', 'Storm hits coast', ['A storm hit the coast on Sunday, cutting power to thousands of homes across the region.'], { published: '2024-01-01' });
    const copy = story('b.md', 'Storm hits coast', ['A storm hit the coast on Sunday, cutting power to thousands of homes across the region.'], { published: '2024-01-02' });
    const lib = libraryFromArticles([original, copy], [wordCount]);
    expect(lib.get('b.md')!.duplicateOf).toBe('a.md');
    expect(lib.get('a.md')!.duplicateOf).toBeUndefined();
    expect(lib.get('a.md')!.annotations['words']).toBe(19);
    const hits = lib.search('storm', { limit: 5, perArticle: 2 });
    expect(hits.map((h) => h.articleId)).toEqual(['a.md', 'a.md']);
    expect(lib.searchArticles('storm')).toEqual(['a.md']);
  });
});

describe('applyChanges', () => {
  const base = () =>
    libraryFromArticles(
      [
        story('one.md', 'Bridge opens in Tbilisi', ['The new bridge opened to traffic on Monday.']),
        story('two.md', 'Port strike ends', ['Dock workers returned after a two-week strike.']),
      ],
      [wordCount],
    );

  it('adds, replaces and removes articles', () => {
    const lib = base();
    const v0 = lib.version;
    lib.applyChanges({ upsert: [story('three.md', 'Tram line extended', ['The tram now reaches the airport.'])], remove: [] });
    expect(lib.search('tram')[0]!.articleId).toBe('three.md');
    expect(lib.get('three.md')!.annotations['words']).toBe(9);
    expect(lib.articles).toHaveLength(3);
    expect(lib.version).not.toBe(v0);

    lib.applyChanges({ upsert: [story('one.md', 'Bridge closed for repairs', ['Engineers closed the bridge after cracks appeared.'])], remove: [] });
    expect(lib.articles).toHaveLength(3);
    expect(lib.get('one.md')!.meta.title).toBe('Bridge closed for repairs');
    expect(lib.search('traffic')).toEqual([]);
    expect(lib.search('cracks')[0]!.articleId).toBe('one.md');
    expect(lib.search('bridge').every((h) => lib.get(h.articleId)!.text.slice(h.span.start, h.span.end).length > 0)).toBe(true);

    lib.applyChanges({ upsert: [], remove: ['two.md', 'three.md', 'not-there.md'] });
    expect(lib.articles.map((a) => a.id)).toEqual(['one.md']);
    expect(lib.get('two.md')).toBeUndefined();
    expect(lib.search('strike')).toEqual([]);
    expect(lib.searchArticles('tram')).toEqual([]);
    expect(lib.search('strike', { articleIds: new Set(['two.md']) })).toEqual([]);

    lib.applyChanges({ upsert: [story('two.md', 'Port strike resumes', ['Dock workers walked out again.'])], remove: [] });
    expect(lib.search('strike')[0]!.articleId).toBe('two.md');
  });

  it('merges a large delta into one index and keeps every answer', () => {
    const lib = base();
    const many = Array.from({ length: 2100 }, (_, i) => story(`bulk/${i}.md`, `Market report ${i}`, [`Shares of company${i} rose on quarterly results.`]));
    lib.applyChanges({ upsert: many, remove: ['two.md'] });
    expect(lib.articles).toHaveLength(2101);
    expect(lib.search('company1234')[0]!.articleId).toBe('bulk/1234.md');
    expect(lib.search('strike')).toEqual([]);
    expect(lib.search('bridge')[0]!.articleId).toBe('one.md');
    lib.applyChanges({ upsert: [], remove: ['bulk/1234.md'] });
    expect(lib.search('company1234')).toEqual([]);
  });
});
