/** markDuplicates: syndicated copies with small edits, exact copies, and look-alikes that are not copies. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestText, markDuplicates, splitFrontMatter } from '../../src/ingest/index.js';
import type { Article } from '../../src/core/types.js';
import { expectLinearGrowth } from '../helpers/scaling.js';

const corpusDir = path.resolve(import.meta.dirname, '..', '..', 'corpus');
const seeds = readdirSync(corpusDir).map((f) => {
  const { meta, body } = splitFrontMatter(readFileSync(path.join(corpusDir, f), 'utf8'));
  return ingestText(body, { id: f, meta });
});
const oc = seeds.find((a) => a.meta.outlet === 'OC Media')!;

function reporting(a: Article): string[] {
  return a.blocks.filter((b) => b.kind === 'body').map((b) => a.text.slice(b.start, b.end));
}

/** A syndicated copy: other site's chrome, a new headline, a few words edited, the last paragraph cut. */
function syndicatedCopy(source: Article): string {
  const paras = reporting(source).slice(0, -1);
  paras[0] = paras[0]!.replace('has claimed', 'claims');
  paras[2] = paras[2]!.replace('On Monday', 'Later on Monday');
  paras[5] = paras[5]!.replace('hostile', 'aggressive');
  return ['Caucasus Wire logo', 'HUR: Russia adds troops at Gyumri base', ...paras, 'This story first appeared on another site and is republished with permission.', 'Share on Facebook', 'Follow us on Telegram', 'Most Read'].join('\n\n');
}

describe('markDuplicates', () => {
  it('marks a syndicated copy with small edits as a duplicate of the earlier original', () => {
    const copy = ingestText(syndicatedCopy(oc), { id: 'zz-wire/copy.txt', meta: { published: '2025-07-08' } });
    const articles = [copy, ...seeds];
    markDuplicates(articles);
    expect(copy.duplicateOf).toBe(oc.id);
    expect(articles.filter((a) => a.duplicateOf !== undefined)).toEqual([copy]);
  });

  it('points at the earliest copy by published date, whatever the order or ids', () => {
    const original = ingestText(syndicatedCopy(oc), { id: 'z-late-id.txt', meta: { published: '2025-07-01' } });
    const later = ingestText(oc.text, { id: 'a-early-id.txt', meta: { published: '2025-07-09' } });
    const articles = [later, original];
    markDuplicates(articles);
    expect(original.duplicateOf).toBeUndefined();
    expect(later.duplicateOf).toBe('z-late-id.txt');
  });

  it('marks exact copies, ordering undated ones after dated ones and then by id', () => {
    const a = ingestText(oc.text, { id: 'b.txt' });
    const b = ingestText(oc.text, { id: 'a.txt' });
    const c = ingestText(oc.text, { id: 'c.txt', meta: { published: '2025-07-10' } });
    markDuplicates([a, b, c]);
    expect([a.duplicateOf, b.duplicateOf, c.duplicateOf]).toEqual(['c.txt', 'c.txt', undefined]);
  });

  it('leaves different reports of the same events apart', () => {
    markDuplicates(seeds);
    expect(seeds.map((a) => a.duplicateOf)).toEqual(seeds.map(() => undefined));
  });

  it('does not merge template stories whose figures differ', () => {
    const week = (tons: string, prior: string, date: string) =>
      `Sugar imports subject to the U.S. sugar import quota during the week ended ${date} totaled ${tons} short tons versus ${prior} tons the previous week, the Agriculture Department said. Cumulative imports for the quota year stood at ${tons} tons, the department said in its weekly report on quota imports.`;
    const one = ingestText(week('25,192', '29,043', 'March 6'), { id: 'w1.txt' });
    const two = ingestText(week('18,710', '25,192', 'March 13'), { id: 'w2.txt' });
    markDuplicates([one, two]);
    expect(two.duplicateOf).toBeUndefined();
  });

  it('finds planted copies among 30,000 articles, and nothing else, in work linear in the corpus', () => {
    // Deterministic pseudo-random prose: distinct stories from a 5,000-word vocabulary.
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const story = () => Array.from({ length: 120 }, () => vocabulary[next() % vocabulary.length]).join(' ') + '.';
    const article = (id: string, text: string, published: string): Article => ({
      id,
      text,
      meta: { title: id, outlet: null, url: null, published, publishedInferred: false },
      blocks: [{ start: 0, end: text.length, kind: 'body' }],
      sentences: [],
      contentHash: `${id}-hash`,
      annotations: {},
    });
    const articles: Article[] = [];
    for (let i = 0; i < 30_000; i++) articles.push(article(`s${i}`, story(), '2024-01-01'));
    const planted = new Map<string, string>();
    for (let i = 0; i < 300; i++) {
      const source = articles[i * 97]!;
      const words = source.text.split(' ');
      for (let k = 0; k < 4; k++) words[next() % words.length] = 'edited';
      const id = `copy${i}`;
      articles.push(article(id, words.join(' '), '2024-01-02'));
      planted.set(id, source.id);
    }
    // Linear: 1,000 vs 8,000 fresh stories (markDuplicates writes duplicateOf, so each run gets new objects).
    const fresh = (n: number) => Array.from({ length: n }, (_, i) => article(`t${i}`, story(), '2024-01-01'));
    const inputs = new Map([1_000, 8_000].map((n) => [n, Array.from({ length: 5 }, () => fresh(n))]));
    expectLinearGrowth('markDuplicates', (n) => markDuplicates(inputs.get(n)!.pop()!.map((a) => ({ ...a }))), 1_000);
    markDuplicates(articles);
    const marked = articles.filter((a) => a.duplicateOf !== undefined);
    expect(Object.fromEntries(marked.map((a) => [a.id, a.duplicateOf]))).toEqual(Object.fromEntries(planted));
  });

  it('clears a stale mark when run again', () => {
    const copy = ingestText(oc.text, { id: 'copy.txt' });
    copy.duplicateOf = 'something-else.txt';
    const alone = [copy];
    markDuplicates(alone);
    expect(copy.duplicateOf).toBeUndefined();
  });
});
