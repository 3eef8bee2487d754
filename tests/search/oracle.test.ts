/**
 * The reference oracle (issue 18): the compact engine's top articles must agree with
 * MiniSearch's over the same passages, fields and words. Floors are the measured agreement
 * (npm run eval:search) minus a small margin, so a ranking regression in rank.ts, plan.ts or the
 * engine drops below them.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareEngines, meanOverlapAt, overlapAt, REUTERS_DIR, REUTERS_QUERIES, reutersArticles, SAMPLE_QUERIES, sampleArticles } from '../../bench/search-oracle.js';

describe('overlapAt', () => {
  it('is the shared share of the longer list, 1 for two empty lists', () => {
    expect(overlapAt(['a', 'b', 'c', 'd'], ['b', 'a'])).toBe(0.5);
    expect(overlapAt([], [])).toBe(1);
    expect(overlapAt(['a'], [])).toBe(0);
  });
});

describe('compact engine against MiniSearch on the sample corpus', () => {
  let result: ReturnType<typeof compareEngines>;
  beforeAll(async () => {
    result = compareEngines(await sampleArticles(), SAMPLE_QUERIES, 10);
  });

  it('finds the same articles for every query (overlap@10 = 1)', () => {
    expect(result.perQuery.filter((q) => q.overlap < 1).map((q) => q.query)).toEqual([]);
    // Every query finds something, so agreement is not two empty lists.
    expect(result.perQuery.filter((q) => q.compact.length === 0).map((q) => q.query)).toEqual([]);
  });

  it('agrees at the head as measured (overlap@3 0.881, overlap@1 0.643)', () => {
    expect(meanOverlapAt(result.perQuery, 3)).toBeGreaterThanOrEqual(0.87);
    expect(meanOverlapAt(result.perQuery, 1)).toBeGreaterThanOrEqual(0.63);
  });
});

// The data and both engines are deterministic, so the margins below are a slot or two of one
// query; each of idf, field boosts, the tf weight and the per-word sum of rank.ts, replaced by a
// constant (or a max), dropped some measure by 0.02 to 0.12 (see the report of issue 18).
describe.skipIf(!existsSync(REUTERS_DIR))('compact engine against MiniSearch on 2,000 Reuters stories', () => {
  let result: ReturnType<typeof compareEngines>;
  beforeAll(() => {
    result = compareEngines(reutersArticles(2000), REUTERS_QUERIES, 10);
  }, 180_000);

  it('keeps mean overlap@10 at the measured level (0.769)', () => {
    expect(result.mean).toBeGreaterThanOrEqual(0.76);
  });

  it('keeps agreement at the head at the measured level (overlap@3 0.603, overlap@1 0.577)', () => {
    expect(meanOverlapAt(result.perQuery, 3)).toBeGreaterThanOrEqual(0.595);
    expect(meanOverlapAt(result.perQuery, 1)).toBeGreaterThanOrEqual(0.57);
  });

  it("agrees more closely with MiniSearch's passage scores ranked the compact way (measured 0.900)", () => {
    // Same unit (best passage per word) on both sides: what is left is BM25 per field and prefix/typo
    // weighting, so idf or tf-weight breakage shows here first (0.865 and 0.762 when replaced by 1).
    const mean = result.perQuery.reduce((s, q) => s + q.overlapByPassage, 0) / result.perQuery.length;
    expect(mean).toBeGreaterThanOrEqual(0.89);
  });

  it('agrees fully on rare words and names, where both rank every match', () => {
    const rare = ['cocoa', 'zinc', 'volcker', 'texaco', 'bundesbank', 'ecuador', 'wheat exports'];
    const disagree = result.perQuery.filter((q) => rare.includes(q.query) && q.overlap < 1).map((q) => q.query);
    expect(disagree).toEqual([]);
  });
});
