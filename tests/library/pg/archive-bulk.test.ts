/**
 * The archive writer's two paths against a real PostgreSQL (tests/helpers/postgres.ts): an
 * empty archive bulk-loaded holds what the same articles written one at a time hold (vocabulary,
 * totals, search answers), heads of frequent terms included; a frequent word's answer read from
 * its head is the reference's (the compact engine's, which scores every passage of the word by
 * rank.ts); and a load that stopped half-way is undone by the next sync.
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REUTERS_DIR, REUTERS_QUERIES, reutersArticles } from '../../../bench/search-oracle.js';
import type { Article } from '../../../src/core/types.js';
import { ANALYSERS } from '../../../src/library/analysers.js';
import { analyseArticle, SegmentedLibrary } from '../../../src/library/indexed-library.js';
import { archiveSalt, PgArchiveWriter, type WriterOptions } from '../../../src/library/pg/archive-writer.js';
import { PgSearchIndex } from '../../../src/library/pg/pg-search-index.js';
import { enableTrigrams, migrateSearch } from '../../../src/library/pg/search-schema.js';
import { headImpactSql, headParams } from '../../../src/search/pg-rank.js';
import { postgresDatabase } from '../../helpers/postgres.js';

/** Small heads, so a few hundred stories have frequent terms with heads shorter than their lists. */
const HEADS = { headMin: 60, headSize: 80 };
const FREQUENT = ['said', 'the', 'pct', 'year', 'oil', 'company', 'mln', 'dlrs'];
const QUERIES = [...REUTERS_QUERIES, ...FREQUENT];
/** Every word frequent: candidates are the rarest word's head, which an incremental writer fills past `headSize`. */
const FREQUENT_PAIRS = ['the dollar', 'said it', 'oil company', 'mln dlrs'];

async function open(): Promise<{ pool: pg.Pool; index: PgSearchIndex }> {
  const pool = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
  await migrateSearch(pool);
  await enableTrigrams(pool);
  return { pool, index: new PgSearchIndex(pool) };
}

const writer = (pool: pg.Pool, options: Partial<WriterOptions>) => new PgArchiveWriter(pool, archiveSalt(ANALYSERS), { ...HEADS, ...options });

/**
 * The passages a search answers, comparable across archives (passage ids differ, article ids and
 * spans do not). Article searches are not compared: they rank articles by the candidate passages
 * read, and a head written incrementally holds more than its best `headSize` and orders them by
 * the average passage length of the day its first head was made (a bulk load: of its first batch).
 */
async function answers(index: PgSearchIndex): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const q of QUERIES) {
    const { hits } = await index.search(q, { limit: 10, perArticle: 2 });
    out.push({ q, hits: hits.map((h) => `${h.articleId}@${h.span.start}-${h.span.end} ${h.score.toFixed(6)}`) });
  }
  return out;
}

async function vocabulary(pool: pg.Pool, heads = true): Promise<unknown> {
  const terms = await pool.query<{ term: string; df: number; head: boolean }>(`SELECT term, df ${heads ? ', head_floor IS NOT NULL AS head' : ''} FROM search_terms ORDER BY term`);
  const totals = await pool.query(`SELECT passages, words, loading FROM search_totals`);
  return { terms: terms.rows, totals: totals.rows };
}

/** Passages holding a headed term with a head impact above its floor that its head lacks (none when heads are true). */
async function missingFromHeads(pool: pg.Pool): Promise<unknown[]> {
  const { rows: totals } = await pool.query<{ head_avg: number }>(`SELECT head_avg FROM search_totals`);
  const p = headParams(totals[0]!.head_avg);
  const tf = `(SELECT cardinality(u.positions) FROM unnest(p.tsv) u WHERE u.lexeme = t.term)`;
  const { rows } = await pool.query(
    `SELECT t.term, p.id FROM search_terms t JOIN search_passages p ON p.tsv @@ quote_literal(t.term)::tsquery
     WHERE t.head_floor IS NOT NULL AND ${headImpactSql(tf, 'p.words', 'p.boost', { d: '$1::float8', k: '$2::float8', a: '$3::float8', b: '$4::float8' })} > t.head_floor
       AND NOT EXISTS (SELECT 1 FROM search_heads h WHERE h.term = t.term AND h.passage_id = p.id)`,
    [p.delta, p.k1plus1, p.normA, p.normB],
  );
  return rows;
}

describe.skipIf(!existsSync(REUTERS_DIR))('the archive writer: bulk load and heads', () => {
  let articles: Article[];
  let bulk: { pool: pg.Pool; index: PgSearchIndex };
  let single: { pool: pg.Pool; index: PgSearchIndex };
  beforeAll(async () => {
    articles = reutersArticles(400);
    for (const a of articles) analyseArticle(a, ANALYSERS);
    bulk = await open();
    single = await open();
    const loaded = await writer(bulk.pool, { bulkMin: 1 }).sync(articles);
    expect(loaded).toMatchObject({ written: articles.length, removed: 0 });
    const one = writer(single.pool, { bulkMin: Infinity });
    for (const a of articles) await one.write([a]);
  }, 240_000);
  afterAll(async () => {
    await bulk?.pool.end();
    await single?.pool.end();
  });

  it('bulk-loads an empty archive to what writing one article at a time gives: vocabulary, totals, heads, passages answered', async () => {
    const heads = await bulk.pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_terms WHERE head_floor IS NOT NULL`);
    expect(Number(heads.rows[0]!.n)).toBeGreaterThan(20);
    expect(await vocabulary(bulk.pool)).toEqual(await vocabulary(single.pool));
    const indexes = await bulk.pool.query<{ n: string }>(`SELECT count(*) AS n FROM pg_indexes WHERE tablename LIKE 'search_%'`);
    const indexesSingle = await single.pool.query<{ n: string }>(`SELECT count(*) AS n FROM pg_indexes WHERE tablename LIKE 'search_%'`);
    expect(indexes.rows[0]!.n).toBe(indexesSingle.rows[0]!.n);
    expect(await answers(bulk.index)).toEqual(await answers(single.index));
    expect(await missingFromHeads(bulk.pool)).toEqual([]);
    expect(await missingFromHeads(single.pool)).toEqual([]);
    for (const q of FREQUENT_PAIRS) {
      const a = (await bulk.index.search(q, { limit: 10, perArticle: 2 })).hits;
      const b = (await single.index.search(q, { limit: 10, perArticle: 2 })).hits;
      expect(a.length).toBeGreaterThan(0);
      // The best passage holds both words in either archive.
      expect(`${a[0]!.articleId}@${a[0]!.span.start}`).toBe(`${b[0]!.articleId}@${b[0]!.span.start}`);
    }
  });

  it("answers a frequent word from its head with the reference's best passages and scores", async () => {
    const compact = SegmentedLibrary.fromArticles(articles);
    for (const { index } of [bulk, single]) {
      for (const word of FREQUENT) {
        const df = await bulk.pool.query<{ df: number; head: boolean }>(`SELECT df, head_floor IS NOT NULL AS head FROM search_terms WHERE term = $1`, [word]);
        expect(df.rows[0]).toMatchObject({ head: true });
        expect(df.rows[0]!.df).toBeGreaterThan(HEADS.headSize);
        const ours = (await index.search(word, { limit: 10, perArticle: 2 })).hits;
        const theirs = compact.search(word, { limit: 10, perArticle: 2 });
        expect(ours.map((h) => `${h.articleId}@${h.span.start}`)).toEqual(theirs.map((h) => `${h.articleId}@${h.span.start}`));
        ours.forEach((h, i) => expect(h.score).toBeCloseTo(theirs[i]!.score, 4));
      }
    }
  });

  it('keeps heads true through removals: the same passages answered as a fresh bulk load of what is left', async () => {
    const kept = articles.filter((_, i) => i % 3 !== 0);
    await writer(single.pool, { bulkMin: Infinity }).sync(kept);
    const fresh = await open();
    try {
      await writer(fresh.pool, { bulkMin: 1 }).sync(kept);
      // A term in fewer passages than headMin but more than half of it keeps the head it had.
      expect(await vocabulary(single.pool, false)).toEqual(await vocabulary(fresh.pool, false));
      expect(await missingFromHeads(single.pool)).toEqual([]);
      expect(await answers(single.index)).toEqual(await answers(fresh.index));
    } finally {
      await fresh.pool.end();
    }
  });

  it('undoes a bulk load that stopped half-way, and loads again', async () => {
    const { pool, index } = await open();
    try {
      // A load that died after its first batches: rows written, the mark set, the indexes dropped.
      await writer(pool, { bulkMin: Infinity }).write(articles.slice(0, 50));
      await pool.query(`UPDATE search_totals SET loading = true`);
      await pool.query(`DROP INDEX search_passages_tsv`);
      const stats = await writer(pool, { bulkMin: 1 }).sync(articles);
      expect(stats).toMatchObject({ written: articles.length, unchanged: 0 });
      expect(await vocabulary(pool)).toEqual(await vocabulary(bulk.pool));
      const gin = await pool.query(`SELECT 1 FROM pg_indexes WHERE indexname = 'search_passages_tsv'`);
      expect(gin.rows.length).toBe(1);
      expect(await answers(index)).toEqual(await answers(bulk.index));
    } finally {
      await pool.end();
    }
  });
});
