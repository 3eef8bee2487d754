import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/core/ports.js';
import { SegmentedLibrary } from '../../src/library/indexed-library.js';
import type { Article } from '../../src/core/types.js';
import { makeArticle, story } from '../helpers/search.js';

const quake = story('quake.md', 'Earthquake devastates Gyumri', [
  'A powerful earthquake struck the city of Gyumri on Wednesday morning. Thousands of buildings collapsed.',
  'Rescue teams from Yerevan and Moscow arrived on Thursday. The government declared a day of mourning.',
]);
const oil = story('oil.md', 'Oil prices climb after OPEC meeting', [
  'Oil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.',
  'Brent crude gained two dollars a barrel in London trading.',
]);
const mixed = makeArticle('mixed.md', [
  { kind: 'title', text: 'Aid reaches the north' },
  'Aid convoys reached villages north of the capital. Officials praised the volunteers.',
  { kind: 'caption', text: 'Volunteers unload aid in Gyumri. Photo: Staff.' },
  { kind: 'chrome', text: 'Become a member today and support earthquake reporting in Gyumri.' },
]);

const textOf = (lib: SegmentedLibrary, hit: SearchHit) => lib.get(hit.articleId)!.text.slice(hit.span.start, hit.span.end);
const marked = (lib: SegmentedLibrary, hit: SearchHit) => hit.highlights.map((h) => lib.get(hit.articleId)!.text.slice(h.start, h.end));

describe('search', () => {
  const lib = SegmentedLibrary.fromArticles([quake, oil, mixed]);

  it('finds passages with the query words and marks exactly those words', () => {
    const hits = lib.search('gyumri earthquake');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.articleId).toBe('quake.md');
    expect(textOf(lib, hits[0]!)).toBe('Earthquake devastates Gyumri');
    expect(marked(lib, hits[0]!)).toEqual(['Earthquake', 'Gyumri']);
    expect(hits[0]!.terms).toEqual(['gyumri', 'earthquake']);
    const body = hits.find((h) => textOf(lib, h).startsWith('A powerful earthquake'))!;
    expect(marked(lib, body)).toEqual(['earthquake', 'Gyumri']);
  });

  it('ranks the headline above a body sentence with the same word', () => {
    const hits = lib.search('opec');
    expect(hits.map((h) => textOf(lib, h))).toEqual([
      'Oil prices climb after OPEC meeting',
      'Oil prices rose on Monday after OPEC agreed to cut output. Traders said supply would tighten.',
    ]);
  });

  it('puts passages with every word before passages with some (AND first, OR fallback)', () => {
    const hits = lib.search('brent volunteers', { limit: 5, perArticle: 3 });
    const texts = hits.map((h) => textOf(lib, h));
    expect(texts).toContain('Brent crude gained two dollars a barrel in London trading.');
    expect(texts.some((t) => t.includes('volunteers'))).toBe(true);
    const both = lib.search('oil opec');
    expect(both.every((h) => h.terms.length === 2)).toBe(true);
  });

  it('answers a query with an unknown word from the known ones', () => {
    const hits = lib.search('brent xqzzv');
    expect(hits.map((h) => textOf(lib, h))).toEqual(['Brent crude gained two dollars a barrel in London trading.']);
    expect(hits[0]!.terms).toEqual(['brent']);
  });

  it('never returns chrome and flags captions through their sentences', () => {
    const hits = lib.search('gyumri', { limit: 10, perArticle: 5 });
    const texts = hits.map((h) => textOf(lib, h));
    expect(texts.some((t) => t.includes('Become a member'))).toBe(false);
    const caption = hits.find((h) => h.articleId === 'mixed.md')!;
    expect(textOf(lib, caption)).toBe('Volunteers unload aid in Gyumri. Photo: Staff.');
    expect(caption.sentences.map((i) => mixed.sentences[i]!.kind)).toEqual(['caption', 'caption']);
    expect(lib.search('member support')).toEqual([]);
  });

  it('matches prefixes of four letters or more, not shorter ones', () => {
    expect(lib.search('gyum').map((h) => h.articleId)).toContain('quake.md');
    expect(marked(lib, lib.search('gyum')[0]!)).toEqual(['Gyumri']);
    expect(lib.search('gy')).toEqual([]);
  });

  it('tolerates a typo in a longer unknown word and suggests the right one', () => {
    expect(lib.search('earthqauke').length).toBeGreaterThan(0);
    expect(lib.suggest('earthqauke')).toContain('earthquake');
    expect(lib.suggest('gyumry')[0]).toBe('gyumri');
    expect(lib.suggest('gyumry earthquake')[0]).toBe('gyumri earthquake');
    expect(lib.suggest('earthquake')).toEqual([]);
  });

  it('asks article search for the words as written when typos are off, prefixes still expanded', () => {
    const quake = lib.searchArticles('earthquake');
    expect(lib.searchArticles('earthqauke')).toEqual(quake);
    expect(lib.searchArticles('earthqauke', 20, { typos: false })).toEqual([]);
    // A known word finds the same with or without correction, and a prefix still stands for its words.
    expect(lib.searchArticles('earthquake', 20, { typos: false })).toEqual(quake);
    expect(lib.searchArticles('earthq', 20, { typos: false })).toEqual(lib.searchArticles('earthq'));
    expect(lib.searchArticles('earthq', 20, { typos: false })).toContain('quake.md');
    // The typo-free answer is not served from the corrected one's memo, nor the other way round.
    expect(lib.searchArticles('earthqauke')).toEqual(quake);
  });

  it('restricts to given articles when asked', () => {
    const hits = lib.search('gyumri', { articleIds: new Set(['mixed.md']) });
    expect(hits.map((h) => h.articleId)).toEqual(['mixed.md']);
  });

  it('folds accents and case', () => {
    const l = SegmentedLibrary.fromArticles([story('z.md', 'Zürich bank', ['The ZÜRICH exchange closed early.'])]);
    expect(l.search('zurich').length).toBe(2);
    expect(marked(l, l.search('ZURICH')[0]!)).toEqual(['Zürich']);
  });

  it('does not crash or match anything on odd queries', () => {
    const odd = ['', '   ', '""', '"', "'", 'AND OR NOT', '-', '*', '?', '()', '[]{}', '\\', '🦄🔥', '...', '😀 earthquake 😀', 'a'.repeat(500),
      'x '.repeat(250), '\u0000\u0001', '\u200b', 'ё', '地震', 'زلزال', 'title:oil', 'oil~2', 'oil^3', '+oil -gas', '%s%d', '<script>', '@everyone'];
    const ids = ['quake.md', 'oil.md', 'mixed.md'];
    for (const q of odd) {
      // Whatever the query, the answer is well-formed: hits inside known articles with marks inside the passage.
      const hits = lib.search(q);
      for (const hit of hits) {
        expect(ids).toContain(hit.articleId);
        const text = textOf(lib, hit);
        expect(text.length, q).toBeGreaterThan(0);
        for (const h of hit.highlights) expect(h.start >= hit.span.start && h.end <= hit.span.end && h.start < h.end, q).toBe(true);
      }
      const articles = lib.searchArticles(q);
      for (const id of articles) expect(ids).toContain(id);
      const suggestions = lib.suggest(q);
      expect(suggestions.every((x) => typeof x === 'string' && x.length > 0), q).toBe(true);
      // A query with no letter or digit finds nothing and suggests nothing.
      if (!/[\p{L}\p{N}]/u.test(q)) expect([q, hits, articles, suggestions]).toEqual([q, [], [], []]);
    }
    expect(lib.search('title:oil')[0]!.articleId).toBe('oil.md');
    expect(lib.search('+oil -gas')[0]!.articleId).toBe('oil.md');
    expect(lib.search('地震')).toEqual([]);
    expect(lib.search('...')).toEqual([]);
    expect(lib.search('🦄🔥')).toEqual([]);
    expect(lib.search('😀 earthquake 😀')[0]!.articleId).toBe('quake.md');
    expect(lib.search('"oil" AND "opec"')[0]!.articleId).toBe('oil.md');
    expect(lib.search(undefined as unknown as string)).toEqual([]);
  });

  it('respects limit and perArticle', () => {
    expect(lib.search('the', { limit: 1 })).toHaveLength(1);
    expect(lib.search('the', { limit: 0 })).toEqual([]);
    expect(lib.search('the', { limit: NaN })).toEqual(lib.search('the'));
    expect(lib.search('the', { limit: -3 })).toEqual([]);
    expect(lib.searchArticles('the', NaN).length).toBeGreaterThan(0);
    const hits = lib.search('the', { limit: 10, perArticle: 1 });
    expect(new Set(hits.map((h) => h.articleId)).size).toBe(hits.length);
  });
});

describe('diversity', () => {
  const long = story(
    'long.md',
    'Drought hits farms',
    Array.from({ length: 12 }, (_, i) => `The drought has lasted ${i + 2} months in the valley, farmers say the drought is the worst in memory.`),
  );
  const others = [1, 2, 3].map((n) => story(`short-${n}.md`, `Report ${n}`, [`A drought warning was issued for district ${n}.`]));

  it('spreads results across articles instead of one story', () => {
    const lib = SegmentedLibrary.fromArticles([long, ...others]);
    const hits = lib.search('drought', { limit: 5, perArticle: 2 });
    expect(hits).toHaveLength(5);
    expect(hits.filter((h) => h.articleId === 'long.md')).toHaveLength(2);
    expect(new Set(hits.map((h) => h.articleId)).size).toBe(4);
  });

  it('keeps syndicated copies from crowding out other stories', () => {
    const copies: Article[] = [1, 2, 3, 4].map((n) => ({ ...story(`copy-${n}.md`, 'Drought hits farms', long.text.split('\n\n').slice(1)), duplicateOf: 'long.md' }));
    const lib = SegmentedLibrary.fromArticles([long, ...copies, ...others]);
    const hits = lib.search('drought', { limit: 6, perArticle: 2 });
    const fromStory = hits.filter((h) => h.articleId === 'long.md' || h.articleId.startsWith('copy-'));
    expect(fromStory).toHaveLength(2);
    expect(fromStory.every((h) => h.articleId === 'long.md')).toBe(true);
    const texts = hits.map((h) => lib.get(h.articleId)!.text.slice(h.span.start, h.span.end));
    expect(new Set(texts).size).toBe(texts.length);
    expect(lib.searchArticles('drought farms')).toEqual(['long.md']);
  });

  it('ranks a copy whose original does not match: a near copy holding a word its original lacks is found', () => {
    // "harbour" (rarer) drives the search, so both the original and its near copy are candidates; only the copy has "dockers".
    const original = story('o.md', 'Harbour', ['The harbour strike ended at noon.']);
    const near: Article = { ...story('n.md', 'Harbour', ['The harbour strike ended at noon.', 'Dockers cheered.']), duplicateOf: 'o.md' };
    const dockers = ['voted', 'marched', 'rested'].map((w, n) => story(`d-${n}.md`, `Union ${n}`, [`Dockers ${w}.`]));
    const lib = SegmentedLibrary.fromArticles([original, near, ...dockers]);
    expect(lib.searchArticles('harbour dockers')).toEqual(['n.md']);
    expect(lib.searchArticles('harbour strike')).toEqual(['o.md']);
  });
});

describe('searchArticles', () => {
  const a = story('a.md', 'Iran and Iraq talks', ['Iran sent a delegation. Baghdad welcomed it.']);
  const b = story('b.md', 'Tehran statement', ['Iran said it would respond.', 'Separately, Iraq raised oil output.']);
  const c = story('c.md', 'Iraq oil', ['Iraq exported more oil.']);
  const lib = SegmentedLibrary.fromArticles([a, b, c]);

  it('requires every word somewhere in the article first, best first', () => {
    expect(lib.searchArticles('iran iraq')).toEqual(['a.md', 'b.md']);
    expect(lib.searchArticles('iran iraq', 1)).toEqual(['a.md']);
    expect(lib.searchArticles('iraq')).toEqual(['c.md', 'a.md', 'b.md']);
  });

  it('falls back to articles with some of the words when none has all', () => {
    expect(lib.searchArticles('baghdad output')).toEqual(expect.arrayContaining(['a.md', 'b.md']));
    expect(lib.searchArticles('baghdad output')).toHaveLength(2);
  });

  it('returns nothing for words that are nowhere', () => {
    expect(lib.searchArticles('qqqxz')).toEqual([]);
  });

  it('answers a repeated query the same at every limit, and a caller changing the answer changes nothing', () => {
    const first = lib.searchArticles('Iran Iraq', 5);
    first.push('not-an-article');
    first.length = 0;
    expect(lib.searchArticles('iran iraq', 1)).toEqual(['a.md']);
    expect(lib.searchArticles('IRAN, iraq', 5)).toEqual(['a.md', 'b.md']);
    expect(lib.searchArticles('iraq', 2)).toEqual(['c.md', 'a.md']);
    expect(lib.searchArticles('iraq', 3)).toEqual(['c.md', 'a.md', 'b.md']);
  });

  it('answers from the current articles after the library changes, not from an earlier answer', () => {
    const live = SegmentedLibrary.fromArticles([a, b, c]);
    expect(live.searchArticles('iraq')).toEqual(['c.md', 'a.md', 'b.md']);
    expect(live.searchArticles('iran iraq')).toEqual(['a.md', 'b.md']);
    live.applyChanges({ upsert: [story('d.md', 'Iraq and Iran sign pact', ['Iraq and Iran signed a pact on oil.'])], remove: ['a.md'] });
    expect(live.searchArticles('iraq')).not.toContain('a.md');
    expect(live.searchArticles('iraq')).toContain('d.md');
    expect(live.searchArticles('iran iraq')).toEqual(expect.arrayContaining(['d.md', 'b.md']));
    expect(live.searchArticles('iran iraq')).not.toContain('a.md');
  });
});

describe('searchArticles memo across candidate budgets', () => {
  // 120 stories name the harbour: more than the 100 candidates a one-word query reads for a limit of 1.
  const harbour = Array.from({ length: 120 }, (_, n) => story(`h-${n}.md`, `Port ${n}`, [`The harbour ${'quiet '.repeat(n % 7)}reopened on day ${n}.`]));
  const rare = [story('t-1.md', 'Tin', ['Tin prices rose.']), story('t-2.md', 'Tin again', ['Tin prices fell, and tin stocks grew.'])];

  it('answers a larger limit from a list read under a smaller budget only when that read ran out of postings first', () => {
    const lib = SegmentedLibrary.fromArticles([...harbour, ...rare]);
    const fresh = SegmentedLibrary.fromArticles([...harbour, ...rare]);
    // "harbour" under a limit of 1 reads 100 of its 120 articles: a limit of 120 must read them all.
    expect(lib.searchArticles('harbour', 1)).toHaveLength(1);
    expect(lib.searchArticles('harbour', 120)).toEqual(fresh.searchArticles('harbour', 120));
    expect(lib.searchArticles('harbour', 120)).toHaveLength(120);
    // "tin" has two articles: read whole under any budget, so one list serves every limit.
    expect(lib.searchArticles('tin', 1)).toEqual(fresh.searchArticles('tin', 1));
    expect(lib.searchArticles('tin', 300)).toEqual(fresh.searchArticles('tin', 300));
  });
});
