/** The export files of an answer: CSV cells, and the cut to a size limit (whole quotes, said so). */
import { describe, expect, it } from 'vitest';
import { exportFile, exportFormats, toCsv } from '../../src/render/export.js';
import type { Reply } from '../../src/core/types.js';

function reply(n: number, text = (i: number) => `Quote number ${i}, with "marks".`): Reply {
  return {
    command: 'search',
    query: 'budget',
    headline: `${n} passages`,
    items: Array.from({ length: n }, (_, i) => ({ text: text(i), source: i + 1, span: { start: 0, end: text(i).length } })),
    citations: Array.from({ length: n }, (_, i) => ({ id: i + 1, articleId: `a${i}.md`, title: `T${i}`, outlet: 'Wire', published: '2021-06-04', publishedInferred: i % 2 === 1, url: null })),
    notes: [],
  };
}

describe('export', () => {
  it('CSV quotes cells with commas and quotes, and defuses cells a spreadsheet would run as formulas', () => {
    const csv = toCsv(reply(2, (i) => (i === 0 ? 'Said "no", twice.' : '=HYPERLINK("http://x")')));
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[1]).toBe('1,"Said ""no"", twice.",,,1,Wire,T0,2021-06-04,,a0.md,0,17');
    expect(rows[2]).toBe(`2,"'=HYPERLINK(""http://x"")",,,2,Wire,T1,2021-06-04 (inferred),,a1.md,0,22`);
  });

  it('keeps within the limit by dropping whole quotes from the end, and says so', () => {
    const big = reply(200);
    const whole = exportFile(big, 'json', 10_000_000, 'the limit')!;
    expect(whole.note).toBe('JSON export of search "budget": 200 quotes.');
    const cut = exportFile(big, 'json', 20_000, "Discord's 10 MB file limit")!;
    expect(cut.data.length).toBeLessThanOrEqual(20_000);
    const doc = JSON.parse(new TextDecoder().decode(cut.data)) as { items: { text: string }[]; sources: unknown[] };
    expect(cut.note).toBe(`JSON export of search "budget": cut to the first ${doc.items.length} of 200 quotes to stay within Discord's 10 MB file limit.`);
    expect(doc.items.length).toBeGreaterThan(10);
    expect(doc.items.length).toBeLessThan(200);
    // One more quote would not have fitted; the sources are only those the kept quotes cite.
    expect(exportFile(big, 'json', cut.data.length, 'x')!.data.length).toBe(cut.data.length);
    expect(doc.sources).toHaveLength(doc.items.length);
    expect(exportFile(big, 'csv', 10, 'x')).toBeNull();
  });

  it('offers TimelineJS only for timelines, and nothing for errors or answers without quotes', () => {
    expect(exportFormats(reply(1))).toEqual(['csv', 'json']);
    expect(exportFormats({ ...reply(1), command: 'timeline' })).toEqual(['csv', 'json', 'timelinejs']);
    expect(exportFormats(reply(0))).toEqual([]);
    expect(exportFormats({ ...reply(1), error: true })).toEqual([]);
  });
});
