/**
 * The work one timeline does on a large corpus is bounded: it reads at most `articleLimit`
 * candidate articles, the best of each alias in turn, and asks the index once when every subject
 * has one name. (`fullScanLimit: 0` makes a small corpus take the large-corpus path.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../src/core/ports.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { libraryOf } from '../helpers/timeline.js';

const meta = (day: number) => ({ title: `Wire ${day}`, outlet: 'Test Wire', url: null, published: `1987-03-${String(day).padStart(2, '0')}` });

/** Twelve stories: six name only Japan, six only Tokyo; two also name interest rates. */
let library: Library;

beforeAll(async () => {
  const texts = [];
  for (let i = 1; i <= 6; i++) {
    texts.push({ id: `japan-${i}.md`, meta: meta(10 + i), text: `Japan raised its rice tariff ${i} points on ${i} March 1987, the farm ministry said in a statement.` });
    texts.push({ id: `tokyo-${i}.md`, meta: meta(20 + i), text: `Tokyo cut its fuel levy by ${i} points on ${i + 10} March 1987, officials said in a statement.` });
  }
  texts.push({ id: 'rates-1.md', meta: meta(28), text: 'The central bank raised interest rates by half a point on 27 March 1987, dealers said.' });
  texts.push({ id: 'rates-2.md', meta: meta(29), text: 'Banks cut their interest rates again on 28 March 1987, the bankers association said.' });
  library = await libraryOf(texts);
});

describe('timeline work budget', () => {
  it('reads at most articleLimit candidate articles, taking each alias’s best in turn', () => {
    const all = buildTimeline(library, 'japan', { fullScanLimit: 0 });
    expect(new Set(all.entries.map((e) => e.event.articleId)).size).toBe(12);
    const bounded = buildTimeline(library, 'japan', { fullScanLimit: 0, articleLimit: 4 });
    expect(bounded.work.articles).toBe(4);
    const read = bounded.entries.map((e) => e.event.articleId);
    // Japan's list and Tokyo's list both contribute: neither alias is starved by the other.
    expect(read.filter((id) => id.startsWith('japan-'))).toHaveLength(2);
    expect(read.filter((id) => id.startsWith('tokyo-'))).toHaveLength(2);
  });

  it('asks the index once when every subject has one name, and finds the same events', () => {
    const built = buildTimeline(library, 'interest rates', { fullScanLimit: 0 });
    expect(built.work.searches).toBe(1);
    expect(built.entries.map((e) => [e.event.articleId, e.event.mention.date])).toEqual([
      ['rates-1.md', '1987-03-27'],
      ['rates-2.md', '1987-03-28'],
    ]);
  });

  it('still asks each alias of a subject with several names (a place) for a pair', () => {
    const built = buildTimeline(library, 'japan-tariff', { fullScanLimit: 0 });
    expect(built.work.searches).toBeGreaterThan(1);
    expect(built.entries.map((e) => e.event.articleId).sort()).toEqual(['japan-1.md', 'japan-2.md', 'japan-3.md', 'japan-4.md', 'japan-5.md', 'japan-6.md']);
  });
});
