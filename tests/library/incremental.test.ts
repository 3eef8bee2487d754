import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/app/commands-loader.js';
import { loadConfig } from '../../src/app/config.js';
import { createRuntime } from '../../src/app/runtime.js';
import type { Analyser, Logger } from '../../src/core/ports.js';
import { buildLibrary, snapshotPath, type BuiltLibrary } from '../../src/library/build.js';
import { toJson } from '../../src/render/json.js';
import { articleFingerprint } from '../../src/ingest/index.js';
import { knownFingerprint } from '../../src/library/fingerprints.js';
import { decodeSnapshot } from '../../src/library/snapshot.js';
import type { SegmentedLibrary } from '../../src/library/indexed-library.js';
import { repoRoot } from '../helpers/cli.js';

const warned: string[] = [];
const logger: Logger = { debug() {}, info() {}, error() {}, warn: (_o, msg) => void warned.push(String(msg)) };

const QUERIES = ['gyumri', 'russian troops', 'border', 'armenia', 'harbour', 'flamingos', 'the', 'azerbaijan ceasefire', 'gyum'];

/** Every answer a user can get about these queries, as the JSON the CLI prints, plus the library's own view. */
async function answers(built: BuiltLibrary): Promise<unknown> {
  const library = built.library;
  const commands = await loadCommands();
  const clock = { now: () => new Date('2026-12-01T09:00:00Z') };
  const runtime = createRuntime({ commands, library: () => library, logger, config: loadConfig({}), clock });
  const out: unknown[] = [];
  for (const [command, text] of [['topics', ''], ['sources', ''], ['digest', '--since 2000-01-01']] as const) {
    out.push(toJson(await runtime.execute(command, { text }, { platform: 'cli' })));
  }
  for (const q of QUERIES) {
    for (const command of ['search', 'claim', 'timeline']) out.push(toJson(await runtime.execute(command, { text: q }, { platform: 'cli' })));
    out.push({ q, hits: library.search(q, { limit: 20, perArticle: 3 }), articles: library.searchArticles(q, 50), suggest: library.suggest(q) });
  }
  const articles = library.articles.map((a) => JSON.parse(JSON.stringify(a)) as unknown);
  return { out, articles, warnings: built.warnings, version: library.version };
}

/** Sets a file's times an hour back, as files that were not touched since the last start. */
function age(file: string): void {
  const old = new Date(Date.now() - 3600_000);
  utimesSync(file, old, old);
}

describe('incremental start', () => {
  let root: string;
  let corpus: string;
  let data: string;

  beforeEach(() => {
    warned.length = 0;
    root = mkdtempSync(path.join(tmpdir(), 'newsdesk-inc-'));
    corpus = path.join(root, 'corpus');
    data = path.join(root, 'data');
    cpSync(path.join(repoRoot, 'corpus'), corpus, { recursive: true });
    writeFileSync(
      path.join(corpus, 'wire.json'),
      JSON.stringify([
        { title: 'Harbour reopens', body: 'The harbour at Poti reopened on Monday, port officials said.' },
        { title: 'Ferry resumes', body: 'The ferry to Batumi resumed service after the storm.' },
        { title: 'Broken entry' },
      ]),
    );
    writeFileSync(path.join(corpus, 'empty.txt'), '');
    for (const f of readdirSync(corpus)) age(path.join(corpus, f));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** Adds, changes and removes files as a newsroom would between two starts. */
  function changeCorpus(): string {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
    // A changed story, a removed one, a new one and a syndicated copy of an unchanged one.
    const first = path.join(corpus, files[0]!);
    writeFileSync(first, readFileSync(first, 'utf8').replace(/\n*$/, '\n\nUpdate: the ministry said on Friday that Zanzibarian observers would visit Gyumri.\n'));
    unlinkSync(path.join(corpus, files[1]!));
    writeFileSync(
      path.join(corpus, 'flamingos.md'),
      '---\ntitle: "Flamingos return to the salt flats"\noutlet: Coast Wire\npublished: 2025-07-08\n---\nThe birds came back on Tuesday, rangers said. Russian troops were not involved, the ministry said.\n',
    );
    cpSync(path.join(corpus, files[2]!), path.join(corpus, 'copy-of-' + files[2]!));
    // A JSON export that lost an entry, and the empty file now has text.
    writeFileSync(path.join(corpus, 'wire.json'), JSON.stringify([{ title: 'Harbour reopens', body: 'The harbour at Poti reopened on Monday, port officials said.' }]));
    writeFileSync(path.join(corpus, 'empty.txt'), 'Armenia and Azerbaijan agreed a ceasefire on the border, officials said.\n');
    return 'copy-of-' + files[2]!;
  }

  it('reuses the snapshot for unchanged files, answers at once from it plus the changes, then exactly as a full re-ingest does', async () => {
    const cold = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(cold.fromSnapshot).toBe(false);
    expect(cold.incremental).toBeUndefined();
    const copy = changeCorpus();

    const restarted = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(restarted.fromSnapshot).toBe(false);
    // Changed, added and copied .md files, the JSON export and the formerly empty file; one removed.
    expect(restarted.incremental).toEqual({ reused: cold.library.articles.length - 2 - 2, ingested: 5, removed: 1, snapshotRewritten: true });
    // Ready before any index is rebuilt: the snapshot's segment answers, beside a delta of the changed files' articles.
    const live = restarted.library as SegmentedLibrary;
    expect(live.deltaSegment?.articles.map((a) => a.id).sort()).toEqual([copy, 'empty.txt', 'flamingos.md', 'wire.json#0', readdirSync(corpus).filter((f) => f.endsWith('.md')).sort()[0]].sort());
    expect(restarted.library.get(copy)?.duplicateOf).toBeDefined();

    // The exact index is built in the background, and the snapshot rewritten.
    await restarted.settled;
    expect(live.deltaSegment).toBeNull();
    const scratch = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'fresh-data'), logger });
    expect(scratch.incremental).toBeUndefined();
    expect(restarted.library.get(copy)?.duplicateOf).toBeDefined();
    expect(await answers(restarted)).toEqual(await answers(scratch));

    // The snapshot written by the incremental start is a whole one: the next start loads it as it is.
    const again = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(again.fromSnapshot).toBe(true);
    expect(await answers(again)).toEqual(await answers(scratch));
  });

  it('marks syndicated copies on the restart path as a cold build does, when copies come, go and change', async () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
    const text = (f: string) => readFileSync(path.join(corpus, f), 'utf8');
    const redate = (f: string, date: string) => text(f).replace(/^published: .*$/m, `published: ${date}`);
    // Exact and dated copies of two stories.
    writeFileSync(path.join(corpus, 'wire-a1.md'), redate(files[0]!, '2026-01-02'));
    writeFileSync(path.join(corpus, 'wire-a2.md'), redate(files[0]!, '2026-01-03'));
    writeFileSync(path.join(corpus, 'wire-b1.md'), redate(files[1]!, '2026-01-02'));
    for (const f of readdirSync(corpus)) age(path.join(corpus, f));
    const cold = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(cold.library.get('wire-a2.md')?.duplicateOf).toBe(files[0]);

    // The original of one is edited past copying (its copies now point at the earliest one left), a copy of it
    // goes, and a copy of the other dated before its original arrives (the group's earliest article now).
    writeFileSync(path.join(corpus, files[0]!), text(files[0]!).replace(/\n---\n[\s\S]*$/, '\n---\nThe ministry said on Friday that Zanzibarian observers would visit the salt flats.\n'));
    unlinkSync(path.join(corpus, 'wire-a1.md'));
    writeFileSync(path.join(corpus, 'early-b.md'), redate(files[1]!, '2001-01-01'));
    const restarted = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(restarted.incremental).toMatchObject({ ingested: 2, removed: 1 });
    const marks = (built: BuiltLibrary) => Object.fromEntries(built.library.articles.map((a) => [a.id, a.duplicateOf ?? null]));
    const scratch = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'fresh-data'), logger });
    // Answering from the snapshot plus the delta, before anything is rebuilt.
    expect(marks(restarted)).toEqual(marks(scratch));
    expect(marks(restarted)).toMatchObject({ 'wire-a2.md': null, [files[0]!]: null, [files[1]!]: 'early-b.md', 'wire-b1.md': 'early-b.md', 'early-b.md': null });
    await restarted.settled;
    expect(await answers(restarted)).toEqual(await answers(scratch));
  });

  it('after a small change, answers from the snapshot plus a delta exactly as the live watcher update of the same change does', async () => {
    const before = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    const coldVersion = before.library.version;
    const changed = path.join(corpus, readdirSync(corpus).filter((f) => f.endsWith('.md')).sort()[0]!);
    writeFileSync(changed, readFileSync(changed, 'utf8').replace(/\n*$/, '\n\nUpdate: Zanzibarian observers said the flamingos were back at the border.\n'));
    const restarted = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(restarted.incremental).toMatchObject({ ingested: 1, removed: 0, snapshotRewritten: false });
    expect((restarted.library as SegmentedLibrary).deltaSegment?.articles.map((a) => a.id)).toEqual([path.basename(changed)]);

    // The running bot's path: the old library, updated in place by the watcher with the re-ingested files.
    const donor = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'donor-data'), logger });
    const upsert = donor.library.articles.filter((a) => before.library.get(a.id)?.contentHash !== a.contentHash);
    expect(upsert.map((a) => a.id)).toEqual([path.basename(changed)]);
    before.library.applyChanges({ upsert, remove: [] });
    const { version: restartedVersion, ...fromRestart } = (await answers(restarted)) as Record<string, unknown>;
    const { version: _watched, ...fromWatcher } = (await answers({ ...before, fromSnapshot: false })) as Record<string, unknown>;
    expect(fromRestart).toEqual(fromWatcher);
    // Another state of the library than the snapshot's, and than the exact index of this corpus (a cold start's).
    expect(restartedVersion).not.toBe(coldVersion);
    expect(restartedVersion).not.toBe(donor.library.version);

    // Every snippet is the article's own text.
    for (const q of ['zanzibarian', 'flamingos', 'armenia', 'border']) {
      const hits = restarted.library.search(q, { limit: 10 });
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        const text = restarted.library.get(h.articleId)!.text;
        expect(h.span.end).toBeLessThanOrEqual(text.length);
        for (const hl of h.highlights) expect(text.slice(hl.start, hl.end).toLowerCase()).toContain(q.slice(0, 4));
      }
    }
  });

  it('keeps a small change in a delta beside the snapshot, so the next start reads no file again', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    const snap = snapshotPath(data, corpus);
    const before = readFileSync(snap);
    writeFileSync(path.join(corpus, 'flamingos.md'), '---\ntitle: "Flamingos return"\n---\nThe birds came back on Tuesday, rangers said.\n');
    const first = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(first.incremental).toMatchObject({ ingested: 1, removed: 0, snapshotRewritten: false });
    await first.settled;
    expect(readFileSync(snap).equals(before)).toBe(true);

    const second = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(second.incremental).toMatchObject({ ingested: 0, removed: 0, snapshotRewritten: false });
    expect(second.library.get('flamingos.md')?.text).toBe('The birds came back on Tuesday, rangers said.\n');
    expect(await answers(second)).toEqual(await answers(first));
    await second.settled;

    // One more change: the delta grows by that file alone; what it held already is not read again.
    writeFileSync(path.join(corpus, 'empty.txt'), 'Armenia and Azerbaijan agreed a ceasefire on the border, officials said.\n');
    const third = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(third.incremental).toMatchObject({ ingested: 1, removed: 0 });
    expect(third.library.get('flamingos.md')?.text).toBe('The birds came back on Tuesday, rangers said.\n');
    await third.settled;
    const scratch = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'fresh-data'), logger });
    expect(third.library.articles.map((a) => a.id).sort()).toEqual(scratch.library.articles.map((a) => a.id).sort());
  });

  it('after a delta, removals and more changes: the exact index built after answering equals a full re-ingest', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    writeFileSync(path.join(corpus, 'flamingos.md'), '---\ntitle: "Flamingos return"\n---\nThe birds came back on Tuesday, rangers said.\n');
    await (await buildLibrary({ corpusDir: corpus, dataDir: data, logger })).settled;
    // The file kept in the delta is removed, and so is one of the snapshot's; another changes.
    const md = readdirSync(corpus).filter((f) => f.endsWith('.md') && f !== 'flamingos.md').sort();
    unlinkSync(path.join(corpus, 'flamingos.md'));
    unlinkSync(path.join(corpus, md[0]!));
    writeFileSync(path.join(corpus, md[1]!), readFileSync(path.join(corpus, md[1]!), 'utf8') + '\nCorrection: the harbour reopened on Monday.\n');
    const next = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(next.incremental).toMatchObject({ ingested: 1, removed: 2, snapshotRewritten: true });
    expect(next.library.get('flamingos.md')).toBeUndefined();
    expect(next.library.get(md[0]!)).toBeUndefined();
    await next.settled;
    const scratch = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'fresh-data'), logger });
    expect(await answers(next)).toEqual(await answers(scratch));
    const again = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(again.fromSnapshot).toBe(true);
  });

  it('ingests the changed files on worker threads too, with the same answers', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    changeCorpus();
    const pooled = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, workers: 2 });
    expect(pooled.incremental).toMatchObject({ ingested: 5, removed: 1 });
    await pooled.settled;
    const scratch = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'fresh-data'), logger, workers: 0 });
    expect(await answers(pooled)).toEqual(await answers(scratch));
  });

  it('keeps near-duplicate fingerprints in the snapshot, exactly as computed from the text', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    const loaded = decodeSnapshot(readFileSync(snapshotPath(data, corpus)), null)!;
    const articles = loaded.segment.articles;
    expect(articles.length).toBeGreaterThan(3);
    for (const a of articles) {
      const fresh = articleFingerprint(a);
      // Read back from the snapshot, not computed again (every article here is the first of its text).
      const stored = knownFingerprint(a);
      expect(stored).not.toBeUndefined();
      const plain = (p: typeof fresh | null | undefined) => (p ? { sig: Array.from(p.sig), figures: Array.from(p.figures) } : null);
      expect(plain(stored)).toEqual(plain(fresh));
    }
  });

  it('re-ingests everything when the snapshot was built with other analysers', async () => {
    const words: Analyser<number> = { name: 'words', version: '1', analyse: (a) => a.text.length };
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger, analysers: [words] });
    changeCorpus();
    const next = await buildLibrary({ corpusDir: corpus, dataDir: data, logger, analysers: [{ ...words, version: '2' }] });
    expect(next.incremental).toBeUndefined();
    expect(next.library.articles.every((a) => typeof a.annotations['words'] === 'number')).toBe(true);
  });

  it('treats a torn snapshot as no snapshot: warns, re-ingests, and answers as a full re-ingest does', async () => {
    await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    changeCorpus();
    const snap = snapshotPath(data, corpus);
    truncateSync(snap, Math.floor(readFileSync(snap).length * 0.7));
    const next = await buildLibrary({ corpusDir: corpus, dataDir: data, logger });
    expect(next.incremental).toBeUndefined();
    expect(warned).toContain('index snapshot unusable; rebuilding');
    const scratch = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, 'fresh-data'), logger });
    expect(await answers(next)).toEqual(await answers(scratch));
  });
});
