/**
 * `buildLibrary` reports how far it has come: per file while ingesting (on one thread and on the
 * worker pool alike), then indexing, or the snapshot when the corpus is unchanged.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.js';
import { buildLibrary, type BuildProgress } from '../../src/library/build.js';
import { repoRoot } from '../helpers/cli.js';

const corpusDir = path.join(repoRoot, 'corpus');

describe('buildLibrary onProgress', () => {
  it('counts the files read, then indexes; a restart over the unchanged corpus reports the snapshot', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'nd-progress-'));
    const cold: BuildProgress[] = [];
    const built = await buildLibrary({ corpusDir, dataDir, logger: silentLogger, onProgress: (p) => cold.push(p) });
    expect(built.fromSnapshot).toBe(false);
    expect(cold).toEqual([
      { phase: 'ingest', done: 0, total: 5 },
      { phase: 'ingest', done: 1, total: 5 },
      { phase: 'ingest', done: 2, total: 5 },
      { phase: 'ingest', done: 3, total: 5 },
      { phase: 'ingest', done: 4, total: 5 },
      { phase: 'ingest', done: 5, total: 5 },
      { phase: 'index', done: 0, total: built.library.articles.length },
      { phase: 'index', done: built.library.articles.length, total: built.library.articles.length },
    ]);
    const warm: BuildProgress[] = [];
    const again = await buildLibrary({ corpusDir, dataDir, logger: silentLogger, onProgress: (p) => warm.push(p) });
    expect(again.fromSnapshot).toBe(true);
    expect(warm).toEqual([
      { phase: 'snapshot', done: 0, total: 1 },
      { phase: 'snapshot', done: 1, total: 1 },
    ]);
  });

  it('counts the files the worker threads read', async () => {
    const progress: BuildProgress[] = [];
    await buildLibrary({ corpusDir, logger: silentLogger, snapshot: false, workers: 2, onProgress: (p) => progress.push(p) });
    const ingest = progress.filter((p) => p.phase === 'ingest');
    expect(ingest[0]).toEqual({ phase: 'ingest', done: 0, total: 5 });
    expect(ingest.at(-1)).toEqual({ phase: 'ingest', done: 5, total: 5 });
    // Batches arrive as each worker reports: the count only grows.
    expect(ingest.map((p) => p.done)).toEqual([...ingest.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)!.phase).toBe('index');
  });
});
