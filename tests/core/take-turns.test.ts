/**
 * Long start-up loops take turns with the event loop, so a bot that is already connected can
 * acknowledge a question while the corpus is analysed.
 */
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { takeTurns } from '../../src/core/take-turns.js';
import { silentLogger } from '../../src/app/log.js';
import { buildLibrary } from '../../src/library/build.js';
import type { Analyser } from '../../src/core/ports.js';
import { repoRoot } from '../helpers/cli.js';

/** Works for `ms` milliseconds without giving the event loop a turn. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('takeTurns', () => {
  it('lets pending callbacks run once a slice of work has passed, and not before', async () => {
    const turn = takeTurns(20);
    expect(turn()).toBeUndefined(); // no work yet
    let ran = false;
    setImmediate(() => (ran = true));
    busy(25);
    const pending = turn();
    expect(pending).toBeInstanceOf(Promise);
    expect(ran).toBe(false);
    await pending;
    expect(ran).toBe(true);
    expect(turn()).toBeUndefined(); // a new slice starts after the turn
  });

  it('gives the event loop turns while buildLibrary runs the analysers', async () => {
    let seen = 0;
    let ranDuringAnalysis = false;
    let flag = false;
    const slow: Analyser = {
      name: 'slow-test',
      version: '1',
      analyse() {
        seen++;
        if (seen === 1) setImmediate(() => (flag = true));
        busy(30); // more than a slice per article
        if (flag) ranDuringAnalysis = true;
        return null;
      },
    };
    const dataDir = mkdtempSync(path.join(tmpdir(), 'nd-turns-'));
    await buildLibrary({ corpusDir: path.join(repoRoot, 'corpus'), dataDir, logger: silentLogger, analysers: [slow], snapshot: false });
    expect(seen).toBe(5);
    expect(ranDuringAnalysis).toBe(true);
  });
});
