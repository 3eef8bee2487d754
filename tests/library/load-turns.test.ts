/**
 * The tail of a load (marking syndicated copies, building the index, writing the snapshot) hands
 * the event loop back between steps, as reading and analysing do, so a bot that connected at
 * once still acknowledges commands while a large corpus is indexed. Counted in event-loop turns,
 * not in milliseconds: with `turnMs: 0` every step is a turn, so the count depends on the corpus only.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/app/log.js';
import { buildLibrary, type BuildStep } from '../../src/library/build.js';

const WORDS = ['harbour', 'ferry', 'council', 'budget', 'storm', 'minister', 'border', 'troops', 'election', 'court', 'strike', 'river', 'bridge', 'school', 'hospital', 'police'];

/** A generated corpus: `n` articles of varied words, every tenth a syndicated copy of the one before. */
function writeCorpus(dir: string, n: number): void {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  let previous = '';
  for (let i = 0; i < n; i++) {
    const sentences = Array.from({ length: 8 }, () => {
      const words = Array.from({ length: 12 }, () => WORDS[next() % WORDS.length]!);
      return `The ${words.join(' ')} said ${next() % 1000}.`;
    });
    const body = i % 10 === 9 ? previous : sentences.join(' ');
    previous = body;
    const sub = path.join(dir, `part-${Math.floor(i / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `story-${i}.md`), `---\ntitle: Story ${i}\npublished: 2024-01-${String((i % 28) + 1).padStart(2, '0')}\n---\n\n${body}\n`);
  }
}

/**
 * Builds the library while a setImmediate chain counts event-loop turns; returns the turns seen
 * during each step, and (as `settled`) during the work an incremental start does after it answers.
 */
async function turnsPerStep(corpusDir: string, dataDir: string): Promise<Partial<Record<BuildStep | 'settled', number>>> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const perStep: Partial<Record<BuildStep | 'settled', number>> = {};
  let atLastStep = 0;
  try {
    const built = await buildLibrary({
      corpusDir,
      dataDir,
      logger: silentLogger,
      analysers: [],
      workers: 1,
      turnMs: 0,
      onTiming: (step) => {
        perStep[step] = turns - atLastStep;
        atLastStep = turns;
      },
    });
    const before = turns;
    await built.settled;
    perStep.settled = turns - before;
  } finally {
    running = false;
  }
  return perStep;
}

describe('the end of a load', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'newsdesk-turns-'));
    writeCorpus(path.join(root, 'corpus'), 1500);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lets the event loop turn while copies are marked, the index is built and the snapshot is written', async () => {
    const cold = await turnsPerStep(path.join(root, 'corpus'), path.join(root, 'data'));
    expect(cold.duplicates).toBeGreaterThan(2);
    expect(cold.index).toBeGreaterThan(2);
    expect(cold.snapshotWrite).toBeGreaterThan(2);
  }, 120_000);

  it('lets it turn while an incremental start marks copies, and while it rebuilds the index and the snapshot after answering', async () => {
    const corpus = path.join(root, 'corpus');
    await turnsPerStep(corpus, path.join(root, 'data'));
    // Enough changed files (1 %) for the exact index to be rebuilt and the snapshot rewritten after the start.
    for (let i = 300; i < 315; i++) appendFileSync(path.join(corpus, 'part-3', `story-${i}.md`), '\nCorrection: the bridge reopened on Tuesday.\n');
    const restart = await turnsPerStep(corpus, path.join(root, 'data'));
    expect(restart.duplicates).toBeGreaterThan(2);
    expect(restart.settled).toBeGreaterThan(4);
  }, 120_000);
});
