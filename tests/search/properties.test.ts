import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SegmentedLibrary } from '../../src/library/indexed-library.js';
import { normaliseTerm } from '../../src/search/tokenize.js';
import type { BlockKind } from '../../src/core/types.js';
import { makeArticle, type Para } from '../helpers/search.js';

const WORDS = ['Gyumri', 'earthquake', 'Yerevan', 'troops', 'border', 'Zürich', 'said', 'the', 'oil', 'prices', 'naïve', 'КРЕМЛЬ', 'kremlin', '地震', 'base', 'bases', 'basement'];
const KINDS: BlockKind[] = ['title', 'standfirst', 'dateline', 'body', 'body', 'body', 'caption', 'chrome'];

const sentence = fc
  .array(fc.constantFrom(...WORDS, '—', '"quoted"', '(aside)', 'U.S.', '3.5%', '😀'), { minLength: 1, maxLength: 12 })
  .chain((words) => fc.constantFrom('.', '!', '?').map((end) => words.join(' ') + end));
const para: fc.Arbitrary<Para> = fc.record({
  kind: fc.constantFrom(...KINDS),
  text: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')),
});
const corpus = fc.array(fc.array(para, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
const query = fc.oneof(
  fc.array(fc.constantFrom(...WORDS, 'gyum', 'bas', 'earthqake', 'AND', '"', '-oil'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

describe('search invariants', () => {
  it('every hit is exact article text of reporting or caption sentences, with highlights inside it on whole words', () => {
    fc.assert(
      fc.property(corpus, query, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (docs, q, limit, perArticle) => {
        const articles = docs.map((paras, i) => makeArticle(`a${i}.md`, paras));
        const lib = SegmentedLibrary.fromArticles(articles);
        const hits = lib.search(q, { limit, perArticle });
        expect(hits.length).toBeLessThanOrEqual(limit);
        const perStory = new Map<string, number>();
        const seen = new Set<string>();
        for (const hit of hits) {
          const article = lib.get(hit.articleId)!;
          expect(article.id).toBe(hit.articleId);
          const { start, end } = hit.span;
          expect(0 <= start && start < end && end <= article.text.length).toBe(true);
          const first = article.sentences[hit.sentences[0]!]!;
          const last = article.sentences[hit.sentences[hit.sentences.length - 1]!]!;
          expect(first.start).toBe(start);
          expect(last.end).toBe(end);
          for (const i of hit.sentences) expect(article.sentences[i]!.kind).not.toBe('chrome');
          for (const h of hit.highlights) {
            expect(h.start >= start && h.end <= end && h.start < h.end).toBe(true);
            const word = article.text.slice(h.start, h.end);
            expect(normaliseTerm(word).length).toBeGreaterThan(0);
            expect(/[\p{L}\p{N}]/u.test(article.text[h.start - 1] ?? ' ')).toBe(false);
            expect(/[\p{L}\p{N}]/u.test(article.text[h.end] ?? ' ')).toBe(false);
          }
          const key = `${hit.articleId}@${start}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          perStory.set(hit.articleId, (perStory.get(hit.articleId) ?? 0) + 1);
        }
        for (const n of perStory.values()) expect(n).toBeLessThanOrEqual(perArticle);
        for (const id of lib.searchArticles(q)) expect(lib.get(id)?.id).toBe(id);
        expect(Array.isArray(lib.suggest(q))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a word that appears in reporting is always found and marked', () => {
    fc.assert(
      fc.property(corpus, fc.constantFrom(...WORDS), (docs, word) => {
        const articles = docs.map((paras, i) => makeArticle(`a${i}.md`, paras));
        const lib = SegmentedLibrary.fromArticles(articles);
        const term = normaliseTerm(word);
        const present = articles.some((a) =>
          a.sentences.some((s) => s.kind !== 'chrome' && a.text.slice(s.start, s.end).split(/[^\p{L}\p{M}\p{N}]+/u).some((w) => normaliseTerm(w) === term)),
        );
        const hits = lib.search(word, { limit: 3 });
        if (!present) return;
        expect(hits.length).toBeGreaterThan(0);
        for (const hit of hits) {
          const marked = hit.highlights.map((h) => normaliseTerm(lib.get(hit.articleId)!.text.slice(h.start, h.end)));
          expect(marked.some((m) => m === term || m.startsWith(term))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
