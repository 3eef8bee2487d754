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
import { readReuters } from '../../../bench/reuters.js';
import { REUTERS_DIR, REUTERS_QUERIES, reutersArticles } from '../../../bench/search-oracle.js';
import type { Article } from '../../../src/core/types.js';
import { ANALYSERS } from '../../../src/library/analysers.js';
import { ingestText } from '../../../src/ingest/index.js';
import { markCopies } from '../../../src/library/fingerprints.js';
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

/**
 * Passages holding a headed term with a head impact above its floor that its head lacks (none when
 * heads are true). Passages of exact copies (`same_text`) are in no head: their originals' are.
 */
async function missingFromHeads(pool: pg.Pool): Promise<unknown[]> {
  const { rows: totals } = await pool.query<{ head_avg: number }>(`SELECT head_avg FROM search_totals`);
  const p = headParams(totals[0]!.head_avg);
  const tf = `(SELECT cardinality(u.positions) FROM unnest(p.tsv) u WHERE u.lexeme = t.term)`;
  const { rows } = await pool.query(
    `SELECT t.term, p.id FROM search_terms t JOIN search_passages p ON p.tsv @@ quote_literal(t.term)::tsquery AND NOT p.same_text
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

/** Passages whose `same_text` mark is wrong: set exactly on the passages of a copy with its original's content hash. */
async function wrongSameText(pool: pg.Pool): Promise<unknown[]> {
  const { rows } = await pool.query(
    `SELECT p.article_id, p.same_text FROM search_passages p JOIN search_articles c ON c.id = p.article_id LEFT JOIN search_articles o ON o.id = c.duplicate_of
     WHERE p.same_text <> coalesce(o.content_hash = c.content_hash, false)`,
  );
  return rows;
}

describe.skipIf(!existsSync(REUTERS_DIR))('the archive writer: exact copies', () => {
  /** 150 stories, 4 copies each (the original included, ids differ): frequent terms have heads. */
  function copied(): Article[] {
    const stories = readReuters(REUTERS_DIR).slice(0, 150);
    const out: Article[] = [];
    for (let c = 0; c < 4; c++) {
      for (const s of stories) out.push(ingestText(s.text, { id: `copy${c}-reuters-${s.newId}`, meta: { title: s.title, outlet: 'Reuters', published: s.published } }));
    }
    markCopies(out);
    for (const a of out) analyseArticle(a, ANALYSERS);
    return out;
  }

  it("leaves exact copies' passages out of heads and the GIN index, answers as the compact engine, and lets them back when their original's text changes", async () => {
    const articles = copied();
    const copies = articles.filter((a) => a.duplicateOf !== undefined);
    expect(copies.length).toBeGreaterThan(400);
    const bulk = await open();
    const single = await open();
    try {
      await writer(bulk.pool, { bulkMin: 1 }).sync(articles);
      const one = writer(single.pool, { bulkMin: Infinity });
      for (let i = 0; i < articles.length; i += 50) await one.write(articles.slice(i, i + 50));
      const compact = SegmentedLibrary.fromArticles(articles);
      for (const { pool, index } of [bulk, single]) {
        const same = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_passages WHERE same_text`);
        expect(Number(same.rows[0]!.n)).toBeGreaterThan(1000);
        expect(await wrongSameText(pool)).toEqual([]);
        const inHeads = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_heads h JOIN search_passages p ON p.id = h.passage_id WHERE p.same_text`);
        expect(inHeads.rows[0]!.n).toBe('0');
        const headed = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_terms WHERE head_floor IS NOT NULL`);
        expect(Number(headed.rows[0]!.n)).toBeGreaterThan(10);
        expect(await missingFromHeads(pool)).toEqual([]);
        for (const word of [...FREQUENT, 'oil prices']) {
          const ours = (await index.search(word, { limit: 10, perArticle: 2 })).hits;
          const theirs = compact.search(word, { limit: 10, perArticle: 2 });
          // The same passages with the same scores rank by rank (two passages of equal score may swap).
          const key = (h: { articleId: string; span: { start: number } }) => `${h.articleId}@${h.span.start}`;
          expect(ours.map(key).sort(), word).toEqual(theirs.map(key).sort());
          ours.forEach((h, i) => expect(h.score, `${word} ${i}`).toBeCloseTo(theirs[i]!.score, 4));
        }
        // Filtered to copies only, their passages are found (through the article index).
        const copy = copies.find((a) => /\boil\b/i.test(a.text))!;
        const filtered = (await index.search('oil', { limit: 3, articleIds: new Set([copy.id]) })).hits;
        expect(filtered.length).toBeGreaterThan(0);
        expect(filtered.every((h) => h.articleId === copy.id)).toBe(true);
      }
      // An original's text changes while its copies stay marked as its copies (as a near copy would):
      // their passages are no longer the same text, so they join the index and the heads.
      const original = articles.find((a) => a.duplicateOf === undefined && copies.some((c) => c.duplicateOf === a.id && /\bsaid\b/.test(c.text)))!;
      const edited = ingestText(`${original.text}\n\nThe company said nothing more.`, { id: original.id, meta: original.meta });
      analyseArticle(edited, ANALYSERS);
      const next = articles.map((a) => (a.id === original.id ? edited : a));
      const stats = await writer(single.pool, { bulkMin: Infinity }).sync(next);
      const itsCopies = copies.filter((c) => c.duplicateOf === original.id);
      expect(stats.written).toBe(1 + itsCopies.length);
      expect(await wrongSameText(single.pool)).toEqual([]);
      expect(await missingFromHeads(single.pool)).toEqual([]);
      const back = await single.pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_passages WHERE article_id = ANY($1::text[]) AND same_text`, [itsCopies.map((c) => c.id)]);
      expect(back.rows[0]!.n).toBe('0');
    } finally {
      await bulk.pool.end();
      await single.pool.end();
    }
  }, 240_000);
});

describe.skipIf(!existsSync(REUTERS_DIR))('the archive writer: heads drained by removals', () => {
  it('makes again a head that removals left holding fewer than half its size, so its word still gets its best passages', async () => {
    const articles = reutersArticles(400);
    for (const a of articles) analyseArticle(a, ANALYSERS);
    const { pool, index } = await open();
    try {
      await writer(pool, { bulkMin: 1 }).sync(articles);
      // Every article quoted by the head of "said" goes: its head lists none of what is left.
      const { rows } = await pool.query<{ article_id: string }>(
        `SELECT DISTINCT p.article_id FROM search_heads h JOIN search_passages p ON p.id = h.passage_id WHERE h.term = 'said'`,
      );
      const gone = new Set(rows.map((r) => r.article_id));
      expect(gone.size).toBeGreaterThan(0);
      const kept = articles.filter((a) => !gone.has(a.id));
      await writer(pool, { bulkMin: Infinity }).sync(kept);
      const head = await pool.query<{ n: string; floor: number | null }>(
        `SELECT (SELECT count(*) FROM search_heads WHERE term = 'said') AS n, (SELECT head_floor FROM search_terms WHERE term = 'said') AS floor`,
      );
      expect(head.rows[0]!.floor).not.toBeNull();
      expect(Number(head.rows[0]!.n) * 2).toBeGreaterThanOrEqual(HEADS.headSize);
      expect(await missingFromHeads(pool)).toEqual([]);
      const compact = SegmentedLibrary.fromArticles(kept);
      const ours = (await index.search('said', { limit: 10, perArticle: 2 })).hits;
      const theirs = compact.search('said', { limit: 10, perArticle: 2 });
      expect(ours.map((h) => `${h.articleId}@${h.span.start}`)).toEqual(theirs.map((h) => `${h.articleId}@${h.span.start}`));
    } finally {
      await pool.end();
    }
  }, 240_000);
});
