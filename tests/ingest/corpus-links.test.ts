/**
 * Symbolic links and unreadable folders in a corpus (issue #11 items 3 and 6): one rule on every
 * load path — `loadCorpus`, `buildLibrary` on one thread and on the worker-thread pool (which
 * large corpora use: 8,000 files or more, or `workers` given). Real links and folders on disk.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports.js';
import { loadCorpus } from '../../src/ingest/index.js';
import { buildLibrary } from '../../src/library/build.js';

const story = (title: string, body: string) => `---\ntitle: "${title}"\noutlet: Test Wire\npublished: 2026-11-20\n---\n${title}\n\n${body}\n`;

function recordingLogger(): Logger & { warnings: { file?: string; reason?: string }[] } {
  const warnings: { file?: string; reason?: string }[] = [];
  return { warnings, info() {}, error() {}, debug() {}, warn: (obj) => void warnings.push(obj as { file?: string; reason?: string }) };
}

const OUTSIDE = /symbolic link to a target outside the corpus folder/;

let root: string;
let corpus: string;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'newsdesk-links-'));
  corpus = path.join(root, 'corpus');
  outside = path.join(root, 'outside');
  mkdirSync(path.join(corpus, 'desk', 'archive'), { recursive: true });
  mkdirSync(path.join(outside, 'private'), { recursive: true });
  writeFileSync(path.join(corpus, 'desk', 'harbour.md'), story('Harbour reopens', 'The harbour of Marseille reopened on Monday after a strike.'));
  writeFileSync(path.join(corpus, 'desk', 'archive', 'quake.md'), story('Quake in Gyumri', 'A strong earthquake struck Gyumri on Friday, officials said.'));
  writeFileSync(path.join(outside, 'passwd.txt'), 'root:x:0:0:root:/root:/bin/bash\n\nSecret payroll notes for the finance desk only.\n');
  writeFileSync(path.join(outside, 'private', 'memo.md'), story('Private memo', 'The confidential memo named the source of the leak.'));
  // Inside: a file and a folder linked from elsewhere in the corpus.
  symlinkSync(path.join(corpus, 'desk', 'harbour.md'), path.join(corpus, 'latest.md'));
  symlinkSync(path.join('desk', 'archive'), path.join(corpus, 'old'));
  // Outside: a file and a folder.
  symlinkSync(path.join(outside, 'passwd.txt'), path.join(corpus, 'passwd.txt'));
  symlinkSync(path.join(outside, 'private'), path.join(corpus, 'private'));
  // Loops: a folder linking back to the corpus, and two file links pointing at each other.
  symlinkSync(corpus, path.join(corpus, 'desk', 'loop'));
  symlinkSync(path.join(corpus, 'b.md'), path.join(corpus, 'a.md'));
  symlinkSync(path.join(corpus, 'a.md'), path.join(corpus, 'b.md'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const INSIDE_IDS = ['desk/archive/quake.md', 'desk/harbour.md', 'latest.md', 'old/quake.md'];

type Load = (follow: boolean, logger: Logger) => Promise<{ ids: string[]; warnings: { file: string; reason: string }[] }>;

/** The three load paths, each giving article ids and warnings. */
const paths: Array<[string, Load]> = [
  [
    'loadCorpus',
    async (follow, logger) => {
      const { articles, warnings } = await loadCorpus(corpus, { logger, followSymlinks: follow });
      return { ids: articles.map((a) => a.id), warnings };
    },
  ],
  ...[0, 2].map((workers): [string, Load] => [
    `buildLibrary with ${workers ? `${workers} worker threads` : 'no worker threads'}`,
    async (follow, logger) => {
      const built = await buildLibrary({ corpusDir: corpus, dataDir: path.join(root, `data-${workers}`), logger, workers, snapshot: false, followSymlinks: follow });
      return { ids: built.library.articles.map((a) => a.id), warnings: built.warnings };
    },
  ]),
];

describe.each(paths)('symbolic links: %s', (_name, load) => {
  it('follows links inside the corpus, refuses links outside it with one warning each, and does not hang on loops', async () => {
    const logger = recordingLogger();
    const { ids, warnings } = await load(false, logger);
    expect(ids).toEqual(INSIDE_IDS);
    expect(warnings.map((w) => w.file)).toEqual(['a.md', 'b.md', 'passwd.txt', 'private']);
    expect(warnings.find((w) => w.file === 'passwd.txt')!.reason).toMatch(OUTSIDE);
    expect(warnings.find((w) => w.file === 'private')!.reason).toMatch(OUTSIDE);
    expect(warnings.find((w) => w.file === 'a.md')!.reason).toMatch(/symbolic link cannot be followed \(ELOOP\)/);
    // Each skipped link is logged once, as an unreadable file is.
    expect(logger.warnings.map((w) => w.file).sort()).toEqual(['a.md', 'b.md', 'passwd.txt', 'private']);
  });

  it('follows links outside the corpus too with CORPUS_FOLLOW_SYMLINKS=true', async () => {
    const { ids, warnings } = await load(true, recordingLogger());
    expect(ids).toEqual([...INSIDE_IDS, 'passwd.txt', 'private/memo.md'].sort());
    expect(warnings.map((w) => w.file)).toEqual(['a.md', 'b.md']);
  });
});

describe('an unreadable folder', () => {
  // As root every folder is readable whatever its mode. So the folder belongs to another user (nobody)
  // and the load runs as root without the two capabilities that bypass file modes (setpriv), still
  // able to read the repository wherever it was cloned (a clone under a 0700 temp folder too).
  it.each([0, 2])('a folder without read permission (lost+found, mode 700) is skipped with one warning, with %i worker threads', (workers) => {
    const lost = path.join(corpus, 'lost+found');
    mkdirSync(lost);
    writeFileSync(path.join(lost, 'x.md'), story('Lost', 'A lost file nobody should read.'));
    for (const d of [root, corpus, path.join(corpus, 'desk'), path.join(corpus, 'desk', 'archive')]) chmodSync(d, 0o755);
    const root0 = process.getuid?.() === 0;
    if (root0) chownSync(lost, 65534, 65534);
    chmodSync(lost, root0 ? 0o700 : 0o000);
    const script = `
      const { buildLibrary } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../src/library/build.ts'))});
      const warned = [];
      const logger = { info() {}, debug() {}, error() {}, warn: (o) => warned.push(o) };
      try {
        const built = await buildLibrary({ corpusDir: ${JSON.stringify(corpus)}, dataDir: ${JSON.stringify(path.join(root, 'data'))}, logger, snapshot: false, workers: ${workers} });
        console.log(JSON.stringify({ ids: built.library.articles.map((a) => a.id), warnings: built.warnings, logged: warned.length }));
      } catch (err) {
        console.log(JSON.stringify({ error: err.message }));
      }`;
    const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script];
    const [command, ...args] = root0 ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', ...node] : node;
    const run = spawnSync(command!, args, { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') });
    chmodSync(lost, 0o700);
    if (root0) chownSync(lost, 0, 0);
    const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { ids?: string[]; warnings?: unknown[]; logged?: number; error?: string };
    expect(out.error).toBeUndefined();
    expect(out.ids).toEqual(['desk/archive/quake.md', 'desk/harbour.md', 'latest.md', 'old/quake.md']);
    expect(out.warnings).toEqual([
      { file: 'a.md', reason: 'symbolic link cannot be followed (ELOOP)' },
      { file: 'b.md', reason: 'symbolic link cannot be followed (ELOOP)' },
      { file: 'lost+found', reason: 'folder cannot be read (EACCES)' },
      { file: 'passwd.txt', reason: expect.stringMatching(OUTSIDE) },
      { file: 'private', reason: expect.stringMatching(OUTSIDE) },
    ]);
    expect(out.logged).toBe(5);
  });
});
