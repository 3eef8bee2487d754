/**
 * The PostgreSQL search backend against a real PostgreSQL (tests/helpers/postgres.ts): articles
 * written by the ingest writer read back unchanged, hits quote the verbatim text, scores follow
 * rank.ts, and the top articles agree with the compact engine's (overlap@10).
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePg } from '../../../bench/pg-oracle.js';
import { REUTERS_DIR, REUTERS_QUERIES, reutersArticles, SAMPLE_QUERIES, sampleArticles } from '../../../bench/search-oracle.js';
import type { Article } from '../../../src/core/types.js';
import { ANALYSERS } from '../../../src/library/analysers.js';
import { analyseArticle } from '../../../src/library/indexed-library.js';
import { SegmentedLibrary } from '../../../src/library/indexed-library.js';
import { articleFromRow, type ArticleRow } from '../../../src/library/pg/article-rows.js';
import { archiveSalt, PgArchiveWriter } from '../../../src/library/pg/archive-writer.js';
import { ARTICLE_CACHE_BYTES, PgSearchIndex, rowBytes } from '../../../src/library/pg/pg-search-index.js';
import { enableTrigrams, migrateSearch } from '../../../src/library/pg/search-schema.js';
import { postgresDatabase } from '../../helpers/postgres.js';

async function archive(articles: Article[]): Promise<{ pool: pg.Pool; index: PgSearchIndex; writer: PgArchiveWriter }> {
  const pool = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
  expect(await migrateSearch(pool)).toBe(3);
  expect(await migrateSearch(pool)).toBe(0);
  await enableTrigrams(pool);
  const writer = new PgArchiveWriter(pool, archiveSalt(ANALYSERS));
  await writer.sync(articles);
  return { pool, index: new PgSearchIndex(pool), writer };
}

describe('the archive in PostgreSQL, on the sample corpus', () => {
  let articles: Article[];
  let pool: pg.Pool;
  let index: PgSearchIndex;
  let writer: PgArchiveWriter;
  beforeAll(async () => {
    articles = await sampleArticles();
    for (const a of articles) analyseArticle(a, ANALYSERS);
    ({ pool, index, writer } = await archive(articles));
  }, 60_000);
  afterAll(() => pool?.end());

  it('reads every article back as written: text, blocks, sentences, copy mark, annotations', async () => {
    const { rows } = await pool.query<ArticleRow>(`SELECT id, content_hash, duplicate_of, meta, body, layout, annotations FROM search_articles`);
    expect(rows.length).toBe(articles.length);
    const byId = new Map(rows.map((r) => [r.id, articleFromRow(r)]));
    for (const a of articles) {
      const back = byId.get(a.id)!;
      expect(back.text).toBe(a.text);
      expect(back.blocks).toEqual(a.blocks);
      expect(back.sentences).toEqual(a.sentences);
      expect(back.duplicateOf).toBe(a.duplicateOf);
      expect(back.meta).toEqual(a.meta);
      expect(back.annotations).toEqual(JSON.parse(JSON.stringify(a.annotations)));
    }
  });

  it('quotes verbatim passages and highlights the matched words inside them', async () => {
    for (const query of SAMPLE_QUERIES) {
      const { hits, articles: quoted } = await index.search(query, { limit: 10, perArticle: 2 });
      for (const hit of hits) {
        const text = quoted.get(hit.articleId)!.text;
        const original = articles.find((a) => a.id === hit.articleId)!;
        expect(text.slice(hit.span.start, hit.span.end)).toBe(original.text.slice(hit.span.start, hit.span.end));
        for (const h of hit.highlights) {
          expect(h.start).toBeGreaterThanOrEqual(hit.span.start);
          expect(h.end).toBeLessThanOrEqual(hit.span.end);
          expect(hit.terms.length).toBeGreaterThan(0);
        }
      }
    }
    const { hits } = await index.search('gyumri', { limit: 3 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.highlights.length).toBeGreaterThan(0);
  });

  it('scores a passage as rank.ts does: the same score as the compact engine for a one-word query', async () => {
    const compact = SegmentedLibrary.fromArticles(articles);
    for (const word of ['troops', 'gyumri', 'border']) {
      const ours = (await index.search(word, { limit: 1 })).hits[0]!;
      const theirs = compact.search(word, { limit: 1 })[0]!;
      expect(ours.span).toEqual(theirs.span);
      expect(ours.score).toBeCloseTo(theirs.score, 4);
    }
  });

  it('agrees with the compact engine on the top 10 articles (overlap@10)', async () => {
    const result = await comparePg(articles, index, SAMPLE_QUERIES, 10);
    console.log('sample overlap@10', result.mean.toFixed(3), result.perQuery.filter((q) => q.overlap < 1).map((q) => `${q.query}: ${q.overlap.toFixed(2)}`));
    // Measured 1.000: prefix ('milit', 'armen') and typo ('azerbaijn') queries expand as plan.ts does.
    expect(result.perQuery.filter((q) => q.overlap < 1).map((q) => q.query)).toEqual([]);
    expect(result.perQuery.filter((q) => q.compact.length === 0).map((q) => q.query)).toEqual([]);
  });

  it('keeps parsed articles between requests up to a bound in bytes, not a count', async () => {
    const ids = articles.map((a) => a.id);
    const sizes = (await pool.query<ArticleRow>(`SELECT id, content_hash, duplicate_of, meta, body, layout, annotations FROM search_articles`)).rows.map(rowBytes);
    const largest = Math.max(...sizes);
    // Room for about three articles: reading them all keeps the last ones within the bound.
    const small = new PgSearchIndex(pool, Math.ceil(largest * 3));
    const read = await small.articles(ids);
    expect(read.size).toBe(ids.length);
    expect(small.cachedBytes).toBeGreaterThan(0);
    expect(small.cachedBytes).toBeLessThanOrEqual(largest * 3);
    // The default bound holds the whole sample (a few hundred kilobytes).
    const roomy = new PgSearchIndex(pool);
    await roomy.articles(ids);
    expect(roomy.cachedBytes).toBe(sizes.reduce((a, b) => a + b, 0));
    expect(roomy.cachedBytes).toBeLessThanOrEqual(ARTICLE_CACHE_BYTES);
    // Cached articles are the ones read: the same text.
    const again = await roomy.articles([ids[0]!]);
    expect(again.get(ids[0]!)!.text).toBe(articles[0]!.text);
    roomy.forget();
    expect(roomy.cachedBytes).toBe(0);
  });

  it('suggests close terms for a typo', async () => {
    expect(await index.suggest('gyumry')).toContain('gyumri');
  });

  it('asks article search for the words as written when typos are off, as the compact engine does', async () => {
    const corrected = await index.searchArticles('gyumry', 10);
    expect(corrected).toEqual(await index.searchArticles('gyumri', 10));
    expect(await index.searchArticles('gyumry', 10, { typos: false })).toEqual([]);
    expect(await index.searchArticles('gyumri', 10, { typos: false })).toEqual(corrected);
  });

  it('takes an article out with its passages and vocabulary counts', async () => {
    const victim = articles.find((a) => !a.duplicateOf && a.text.toLowerCase().includes('gyumri'))!;
    const before = await pool.query<{ df: number }>(`SELECT df FROM search_terms WHERE term = 'gyumri'`);
    await writer.remove([victim.id]);
    const after = await pool.query<{ df: number }>(`SELECT df FROM search_terms WHERE term = 'gyumri'`);
    expect(after.rows[0]?.df ?? 0).toBeLessThan(before.rows[0]!.df);
    expect(await index.searchArticles('gyumri', 50)).not.toContain(victim.id);
    const stats = await writer.sync(articles);
    expect(stats).toMatchObject({ written: 1, removed: 0, unchanged: articles.length - 1 });
    expect(await index.searchArticles('gyumri', 50)).toContain(victim.id);
  });
  it('empties the vocabulary and totals when every article is removed, and fills them again', async () => {
    const before = await pool.query<{ terms: string; passages: string }>(`SELECT (SELECT count(*) FROM search_terms) AS terms, passages FROM search_totals`);
    await writer.remove(articles.map((a) => a.id));
    const empty = await pool.query<{ terms: string; passages: string; words: string }>(`SELECT (SELECT count(*) FROM search_terms) AS terms, passages, words FROM search_totals`);
    expect(empty.rows[0]).toEqual({ terms: '0', passages: '0', words: '0' });
    await writer.sync(articles);
    const again = await pool.query<{ terms: string; passages: string }>(`SELECT (SELECT count(*) FROM search_terms) AS terms, passages FROM search_totals`);
    expect(again.rows[0]).toEqual(before.rows[0]);
  });
});

describe.skipIf(!existsSync(REUTERS_DIR))('the archive in PostgreSQL, on 2,000 Reuters stories', () => {
  it('agrees with the compact engine on the top 10 articles (overlap@10)', async () => {
    const articles = reutersArticles(2000);
    const { pool, index } = await archive(articles);
    try {
      const result = await comparePg(articles, index, REUTERS_QUERIES, 10);
      console.log('reuters overlap@10', result.mean.toFixed(3), result.perQuery.filter((q) => q.overlap < 1).map((q) => `${q.query}: ${q.overlap.toFixed(2)}`));
      // Measured 0.931 (0.742 before prefix and typo expansion); the compact engine against MiniSearch: 0.769.
      expect(result.mean).toBeGreaterThanOrEqual(0.92);
    } finally {
      await pool.end();
    }
  }, 180_000);
});
