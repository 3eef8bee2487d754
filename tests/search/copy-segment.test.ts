import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/types.js';
import { buildSegment, segmentWork, type SegmentData } from '../../src/search/segment.js';
import { makeArticle } from '../helpers/search.js';

const WORDS = ['base', 'bases', 'border', 'troops', 'gyumri', 'said', 'the', 'oil', 'Zürich', 'ceasefire'];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 12 }).map((w) => (w.length ? w.join(' ') + '.' : '—'));
const doc = fc.tuple(fc.array(sentence, { minLength: 1, maxLength: 5 }), fc.constantFrom('', 'Basel borders', 'Troop basin report', 'the oil'));

/** Every array of the segment, as plain numbers, so two segments compare value by value. */
function plain(data: SegmentData): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v]));
}

/** The same articles, each a distinct object whose content hash no other article shares (so each is tokenised on its own). */
function unshared(articles: Article[]): Article[] {
  return articles.map((a, i) => ({ ...a, contentHash: `${a.contentHash}#${i}` }));
}

describe('a segment over syndicated copies', () => {
  it('is the segment that tokenising every copy gives, whatever the copies\' titles and order', () => {
    // Each article is a copy of an earlier one (same paragraphs, its own title) or a story of its own.
    const plan = fc.array(fc.tuple(doc, fc.option(fc.nat(20), { nil: undefined }), fc.constantFrom('', 'Basel borders', 'Other title')), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(plan, (items) => {
        const articles: Article[] = [];
        const paras: string[][] = [];
        items.forEach(([[sentences, title], copyOf, copyTitle], i) => {
          const source = copyOf === undefined || paras.length === 0 ? undefined : paras[copyOf % paras.length]!;
          const body = source ?? sentences;
          paras.push(body);
          const name = source ? copyTitle : title;
          articles.push(makeArticle(`a${i}.md`, body, name ? { title: name } : {}));
        });
        expect(plain(buildSegment(articles).data)).toEqual(plain(buildSegment(unshared(articles)).data));
      }),
      { numRuns: 300 },
    );
  });

  it('tokenises a copy once, and an article whose hash matches but whose text differs on its own', () => {
    const one = makeArticle('one.md', ['Dock workers walked out on Monday.', 'The harbour closed.'], { title: 'Port strike' });
    const copy = makeArticle('copy.md', ['Dock workers walked out on Monday.', 'The harbour closed.'], { title: 'Strike at the port' });
    const other = { ...makeArticle('other.md', ['Dock workers returned on Friday.', 'The harbour reopened.']), contentHash: one.contentHash };
    const before = segmentWork.articlesTokenised;
    const built = buildSegment([one, copy, other]);
    expect(segmentWork.articlesTokenised - before).toBe(2);
    expect(plain(built.data)).toEqual(plain(buildSegment(unshared([one, copy, other])).data));
    expect(built.data.terms).toContain('returned');
  });
});
