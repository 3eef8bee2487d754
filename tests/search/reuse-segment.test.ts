import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { SegmentedLibrary } from '../../src/library/indexed-library.js';
import { buildSegment } from '../../src/search/segment.js';
import { makeArticle } from '../helpers/search.js';

/** Words with shared prefixes and near spellings, so prefix and typo expansion have ties to break. */
const WORDS = ['base', 'bases', 'basel', 'basement', 'basin', 'border', 'borders', 'boarder', 'troops', 'troop', 'gyumri', 'gyumris', 'said', 'the', 'oil'];
const QUERIES = ['bas', 'base', 'bord', 'borderr', 'trop', 'gyum', 'gyumry', 'the base', 'oil troops', 'basements', 'zzz'];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 10 }).map((w) => w.join(' ') + '.');
const doc = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 4 }), fc.constantFrom('', 'Basel borders', 'Troop basin report'));

function article(id: string, [sentences, title]: [string[], string]): Article {
  return makeArticle(id, sentences, title ? { title } : {});
}

/** Everything a query returns, in order, with scores. */
function answers(lib: SegmentedLibrary): unknown {
  return QUERIES.map((q) => ({ q, hits: lib.search(q, { limit: 20, perArticle: 3 }), articles: lib.searchArticles(q, 50), suggest: lib.suggest(q) }));
}

/** Per word: its posting list and, aligned with it, the word's frequency in each passage. */
function postingsByTerm(lib: SegmentedLibrary): Record<string, [number[], number[]]> {
  const { terms, postOffsets, postings, postTf } = lib.mainSegment.data;
  const range = (t: number) => [postOffsets[t]!, postOffsets[t + 1]!] as const;
  return Object.fromEntries(terms.map((t, i) => [t, [Array.from(postings.subarray(...range(i))), Array.from(postTf.subarray(...range(i)))]]));
}

describe('a segment rebuilt from an earlier one', () => {
  it('answers every query exactly as a segment built from scratch, after articles are added, changed and removed', () => {
    const added = fc.array(fc.tuple(doc, fc.nat(8)), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 8 }), added, fc.array(fc.boolean(), { maxLength: 8 }), (before, fresh, keep) => {
        const old = before.map((d, i) => article(`a${i}.md`, d));
        const earlier = buildSegment(old);
        // Kept articles are the same objects (as the snapshot's are); dropped ones are gone or replaced by new text;
        // new ones land anywhere in the order, as new files do in path order.
        const now = old.filter((_, i) => keep[i] ?? true);
        fresh.forEach(([d, at], i) => now.splice(Math.min(at, now.length), 0, article(`n${i}.md`, d)));
        const rebuilt = SegmentedLibrary.fromArticles(now, {}, earlier);
        const scratch = SegmentedLibrary.fromArticles(now);
        expect(answers(rebuilt)).toEqual(answers(scratch));
        // The same vocabulary (none of the removed articles' own words left) and the same posting list per word.
        expect(postingsByTerm(rebuilt)).toEqual(postingsByTerm(scratch));
      }),
      { numRuns: 200 },
    );
  });
});
