import { describe, expect, it } from 'vitest';
import { MiniSearchIndex } from '../../src/search/minisearch-index.js';
import { makeArticle } from '../helpers/search.js';

const harbour = makeArticle('harbour.md', [
  { kind: 'title', text: 'Dock strike closes Mombasa harbour' },
  'Dock workers in Mombasa walked out on Monday over unpaid wages, the union said.',
  'Shipping lines diverted three vessels to Dar es Salaam.',
]);
const rains = makeArticle('rains.md', ['The long rains began a week early across the coast, the weather office said.']);
const copy = makeArticle('copy.md', ['Dock workers in Mombasa walked out on Monday over unpaid wages, the union said.'], {}, { duplicateOf: 'harbour.md' });

describe('MiniSearchIndex', () => {
  it('returns verbatim passages with the matched words highlighted', () => {
    const index = new MiniSearchIndex([harbour, rains]);
    const hits = index.search('mombasa wages');
    expect(hits.length).toBeGreaterThan(0);
    const hit = hits[0]!;
    expect(hit.articleId).toBe('harbour.md');
    expect(harbour.text.slice(hit.span.start, hit.span.end)).toBe('Dock workers in Mombasa walked out on Monday over unpaid wages, the union said.');
    expect(hit.terms).toEqual(['mombasa', 'wages']);
    expect(hit.highlights.map((h) => harbour.text.slice(h.start, h.end))).toEqual(['Mombasa', 'wages']);
  });

  it('boosts the headline: a word in the headline beats the same word in the body', () => {
    // Past the lead (the first two body passages are boosted as a summary).
    const body = makeArticle('body.md', ['Ferries ran late on Tuesday.', 'Passengers waited for hours at the terminal.', 'A strike at the harbour was called off.']);
    expect(new MiniSearchIndex([body, harbour]).searchArticles('strike')).toEqual(['harbour.md', 'body.md']);
  });

  it('expands prefixes, and typos only for words the corpus lacks', () => {
    const index = new MiniSearchIndex([harbour, rains]);
    expect(index.searchArticles('shipp')).toEqual(['harbour.md']);
    expect(index.searchArticles('wether')).toEqual(['rains.md']);
    // "coast" is in the corpus, so "boast" (one edit away) is not tried for it.
    const boast = makeArticle('boast.md', ['Fishermen boast of the catch.']);
    expect(new MiniSearchIndex([rains, boast]).searchArticles('coast')).toEqual(['rains.md']);
  });

  it('answers AND first, then any word', () => {
    const index = new MiniSearchIndex([harbour, rains]);
    expect(index.searchArticles('mombasa rains')).toEqual(expect.arrayContaining(['harbour.md', 'rains.md']));
    expect(index.searchArticles('mombasa dock')).toEqual(['harbour.md']);
  });

  it('drops a syndicated copy when its original is listed, and limits passages per story', () => {
    const index = new MiniSearchIndex([harbour, copy]);
    expect(index.searchArticles('unpaid wages')).toEqual(['harbour.md']);
    expect(index.search('unpaid wages', { perArticle: 1 }).map((h) => h.articleId)).toEqual(['harbour.md']);
  });

  it('removes and replaces articles', () => {
    const index = new MiniSearchIndex([harbour, rains]);
    index.remove(['harbour.md']);
    expect(index.searchArticles('mombasa')).toEqual([]);
    index.add([makeArticle('rains.md', ['Floods in Mombasa after the rains.'])]);
    expect(index.searchArticles('mombasa')).toEqual(['rains.md']);
    expect(index.searchArticles('weather')).toEqual([]);
  });

  it('filters passages by article and never throws on odd input', () => {
    const index = new MiniSearchIndex([harbour, rains]);
    expect(index.search('said', { articleIds: new Set(['rains.md']) }).map((h) => h.articleId)).toEqual(['rains.md']);
    expect(index.search('')).toEqual([]);
    expect(index.search('!!! ???')).toEqual([]);
    expect(index.search(undefined as unknown as string)).toEqual([]);
    expect(index.searchArticles('said', 0)).toEqual([]);
  });
});
