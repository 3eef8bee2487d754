import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BlockKind } from '../../src/core/types.js';
import { SegmentedLibrary } from '../../src/library/indexed-library.js';
import { planWords } from '../../src/search/plan.js';
import { defaultExpansion } from '../../src/search/plan.js';
import {
  EXACT_WEIGHT,
  impact,
  keyPassage,
  passageBoost,
  passageScore,
  postingKey,
  termFactor,
  wordScore,
} from '../../src/search/rank.js';
import { buildSegment } from '../../src/search/segment.js';
import { makeArticle, type Para } from '../helpers/search.js';

const WORDS = ['Gyumri', 'earthquake', 'Yerevan', 'troops', 'border', 'said', 'the', 'oil', 'prices', 'base', 'bases', 'basement'];
const KINDS: BlockKind[] = ['title', 'standfirst', 'dateline', 'body', 'body', 'body', 'caption'];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 })
  .map((words) => words.join(' ') + '.');
const para: fc.Arbitrary<Para> = fc.record({
  kind: fc.constantFrom(...KINDS),
  text: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')),
});
/** Articles as paragraph lists; some are syndicated copies of an earlier one. */
const corpus = fc.array(fc.tuple(fc.array(para, { minLength: 1, maxLength: 5 }), fc.boolean()), { minLength: 1, maxLength: 10 });
const articlesOf = (docs: [Para[], boolean][]) =>
  docs.map(([paras, copy], i) => makeArticle(`a${i}.md`, paras, {}, copy && i > 0 ? { duplicateOf: 'a0.md' } : {}));

describe('ranking in one place (rank.ts)', () => {
  it("orders every posting list by the query-time score of the term's one-word query, which is the index-time impact", () => {
    fc.assert(
      fc.property(corpus, (docs) => {
        const articles = articlesOf(docs);
        const seg = buildSegment(articles);
        const { postOffsets, postings, pLen, pFlags, pArticle, avgLen } = seg.data;
        seg.data.terms.forEach((term, t) => {
          // The query side: the word's plan (exact form first) and the engine's scoring functions.
          const exact = planWords(seg, [term], [false], defaultExpansion)[0]!.variants.slice(0, 1);
          expect(exact[0]!.id).toBe(t);
          let previous: { bucket: number; copy: number; p: number } | null = null;
          for (let j = postOffsets[t]!; j < postOffsets[t + 1]!; j++) {
            const p = postings[j]!;
            const boost = passageBoost(pFlags[p]!);
            const score = passageScore(wordScore(seg, exact, p, pLen[p]!, avgLen), boost);
            const factor = termFactor(EXACT_WEIGHT, seg.df(t), seg.passageCount);
            expect(score).toBe(impact(factor, seg.tf(p, t), pLen[p]!, avgLen, boost));
            const here = { bucket: Math.floor(score * 4096), copy: articles[pArticle[p]!]!.duplicateOf ? 1 : 0, p };
            if (previous) {
              // Higher score first; within one quantum originals before copies, then passage order.
              expect(previous.bucket).toBeGreaterThanOrEqual(here.bucket);
              if (previous.bucket === here.bucket) {
                expect(previous.copy <= here.copy).toBe(true);
                if (previous.copy === here.copy) expect(previous.p).toBeLessThan(here.p);
              }
            }
            previous = here;
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('a one-word search reading one posting per list finds the best passage an exhaustive scan finds', () => {
    fc.assert(
      fc.property(corpus, fc.constantFrom(...WORDS, 'bas', 'earth'), (docs, word) => {
        const articles = articlesOf(docs);
        const lib = SegmentedLibrary.fromArticles(articles, { engine: { singleWordScan: 1 } });
        const everything = new Set(articles.map((a) => a.id));
        const [head] = lib.search(word, { limit: 1 });
        const [best] = lib.search(word, { limit: 1, articleIds: everything });
        expect(head === undefined).toBe(best === undefined);
        if (!head || !best) return;
        // Postings are ordered by impact quantised to 1/4096, so the head may trail the best by less than one step.
        expect(head.score).toBeLessThanOrEqual(best.score);
        expect(head.score).toBeGreaterThan(best.score - 1 / 4096);
      }),
      { numRuns: 150 },
    );
  });

  it('packs impact, copy and passage into one sort key that orders best first and gives the passage back', () => {
    const keys = [
      postingKey(1.5, true, 3),
      postingKey(1.5, false, 9),
      postingKey(7.25, false, 12),
      postingKey(1.5, false, 2),
      postingKey(1e9, false, 4294967295),
      postingKey(0, false, 0),
    ];
    const sorted = Float64Array.from(keys).sort();
    expect(Array.from(sorted, keyPassage)).toEqual([4294967295, 12, 2, 9, 3, 0]);
  });
});
