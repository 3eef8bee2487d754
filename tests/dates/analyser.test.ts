/** The dates analyser at ingest: copies of one story share a result only when everything it depends on is the same. */
import { describe, expect, it } from 'vitest';
import { datesAnalyser } from '../../src/dates/analyser.js';
import { resolveDates } from '../../src/dates/resolve.js';
import { bodyArticle } from '../helpers/articles.js';

const TEXT = 'The plant closed on Tuesday. It reopens next month, the company said.';

describe('datesAnalyser', () => {
  it('resolves a copy of a story against its own publication date', () => {
    const first = bodyArticle('wire/a.md', { title: 'Plant', published: '2024-03-07' }, TEXT);
    const copy = bodyArticle('paper/a.md', { title: 'Plant', published: '2024-03-07' }, TEXT);
    const later = bodyArticle('paper/b.md', { title: 'Plant', published: '2025-11-20' }, TEXT);
    const inferred = bodyArticle('paper/c.md', { title: 'Plant', published: '2025-11-20', publishedInferred: true }, TEXT);
    const undated = bodyArticle('paper/d.md', { title: 'Plant' }, TEXT);
    const found = [first, copy, later, inferred, undated].map((a) => datesAnalyser.analyse(a));
    expect(found[0]!.map((m) => m.date)).toEqual(['2024-03-05', '2024-04']);
    expect(found[1]).toEqual(found[0]);
    expect(found[2]!.map((m) => m.date)).toEqual(['2025-11-18', '2025-12']);
    expect(found[3]!.map((m) => [m.date, m.inferred])).toEqual([['2025-11-18', true], ['2025-12', true]]);
    expect(found[4]!.map((m) => m.date)).not.toEqual(found[0]!.map((m) => m.date));
    // Each is what resolving that article alone gives.
    [first, copy, later, inferred, undated].forEach((a, i) => {
      const reference = a.meta.published ? { date: a.meta.published, inferred: a.meta.publishedInferred } : null;
      expect(found[i]).toEqual(resolveDates(a.text, a.sentences, reference));
    });
  });

  it('looks for dates in the copy’s own sentences', () => {
    const whole = bodyArticle('a.md', { title: 'Plant', published: '2024-03-07' }, TEXT);
    const firstOnly = { ...bodyArticle('b.md', { title: 'Plant', published: '2024-03-07' }, TEXT), id: 'b.md' };
    firstOnly.sentences = firstOnly.sentences.slice(0, 1);
    expect(datesAnalyser.analyse(whole)).toHaveLength(2);
    expect(datesAnalyser.analyse(firstOnly).map((m) => m.text)).toEqual(['Tuesday']);
  });
});
