import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClusters, wordClass } from '../../src/claims/model/clusters.js';
import { newCue, tokenFeatures, unitMarks } from '../../src/claims/model/tagger.js';
import { candidateFeatures } from '../../src/claims/model/features.js';
import { sourceCandidates, unitTokens } from '../../src/claims/model/candidates.js';

const file = new URL('../../src/claims/model/word-clusters.txt', import.meta.url);

describe('word clusters', () => {
  it('parses the header (fine class → mid.coarse) and the word lines', () => {
    const m = parseClusters('#word-clusters 3 2 1\t0.0 1.0 1.0\nbacked\t1\nbacking\t2\nsaid\t0\n');
    expect(m.get('backed')).toEqual(['1', '1', '0']);
    expect(m.get('backing')).toEqual(['2', '1', '0']);
    expect(m.get('said')).toEqual(['0', '0', '0']);
    expect(m.get('nope')).toBeUndefined();
  });

  it('ships a compact, sorted, nested file (as scripts/build-word-clusters.ts writes it)', () => {
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const [head, parents] = lines[0]!.split('\t');
    expect(head).toBe('#word-clusters 1024 256 64');
    const map = parents!.split(' ');
    expect(map).toHaveLength(1024);
    for (const p of map) {
      const [mid, coarse] = p.split('.').map(Number);
      expect(mid).toBeLessThan(256);
      expect(coarse).toBeLessThan(64);
    }
    const words = lines.slice(1).map((l) => l.split('\t')[0]!);
    expect(words.length).toBeGreaterThan(30000);
    let unsorted = 0;
    let outside = 0;
    lines.slice(1).forEach((l, i) => {
      if (i > 0 && !(words[i - 1]! < words[i]!)) unsorted++;
      if (!(Number(l.split('\t')[1]) < 1024)) outside++;
    });
    expect({ unsorted, outside }).toEqual({ unsorted: 0, outside: 0 });
  });

  it('puts rare cue words with common ones ("seemed" with "appears")', () => {
    expect(wordClass('seemed')).toBeDefined();
    expect(wordClass('seemed')).toEqual(wordClass('appears'));
    expect(wordClass('Seemed')).toBeUndefined();
  });

  it('gives the tagger and the source ranker class features', () => {
    const text = 'The senator seemed to back the plan.';
    const toks = unitTokens(text, { start: 0, end: text.length });
    const f = tokenFeatures(toks, 2, unitMarks(toks, []));
    expect(f).toContain(`c1=${wordClass('seemed')![0]}`);
    expect(f).toContain(`c2=${wordClass('seemed')![1]}`);
    expect(f).toContain(`c3=${wordClass('seemed')![2]}`);
    const cue = newCue(toks, [2, 2], 0);
    const feats = candidateFeatures(toks, cue, sourceCandidates(toks, cue));
    expect(feats[0]).toContain(`N:c=${wordClass('seemed')![0]}`);
  });
});
