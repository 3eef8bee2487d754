/**
 * How many passages a postgres search reads (real PostgreSQL, tests/helpers/postgres.ts), on 400
 * Reuters stories with small heads so frequent terms have heads shorter than their lists. Each
 * passage read is fetched and scored, so the count is what a query costs; the answers must stay
 * the compact engine's.
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyArchive } from '../../../bench/pg-oracle.js';
import { REUTERS_DIR, reutersArticles } from '../../../bench/search-oracle.js';
import type { Article } from '../../../src/core/types.js';
import { ANALYSERS } from '../../../src/library/analysers.js';
import { analyseArticle, SegmentedLibrary } from '../../../src/library/indexed-library.js';
import { archiveSalt, PgArchiveWriter } from '../../../src/library/pg/archive-writer.js';
import { PgSearchIndex, rowBytes } from '../../../src/library/pg/pg-search-index.js';
import type { ArticleRow } from '../../../src/library/pg/article-rows.js';
import { enableTrigrams, migrateSearch } from '../../../src/library/pg/search-schema.js';
import { postgresDatabase } from '../../helpers/postgres.js';

const HEADS = { headMin: 40, headSize: 120 };

/** Passages each passage query of a search scores (from its plan, run with EXPLAIN ANALYZE), in order. */
const counted = new WeakMap<pg.Pool, { reads: number[] }>();
function counting(pool: pg.Pool): { reads: number[] } {
  const installed = counted.get(pool);
  if (installed) return installed;
  const seen = { reads: [] as number[] };
  counted.set(pool, seen);
  const query = pool.query.bind(pool) as (sql: string, values?: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: typeof query }).query = async (sql: string, values?: unknown[]) => {
    if (typeof sql === 'string' && sql.includes('WITH q AS')) {
      const { rows } = await query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, values);
      // The candidates: the rows the score (a lateral aggregate, always the inner side of a nested loop) runs on.
      let read = 0;
      const walk = (node: Record<string, unknown>) => {
        const plans = (node['Plans'] as Record<string, unknown>[] | undefined) ?? [];
        if (node['Node Type'] === 'Nested Loop' && plans[1]?.['Node Type'] === 'Aggregate') read += Number(plans[0]!['Actual Rows']) * Number(plans[0]!['Actual Loops']);
        for (const child of plans) walk(child);
      };
      walk((rows[0] as { 'QUERY PLAN': { Plan: Record<string, unknown> }[] })['QUERY PLAN'][0]!.Plan);
      seen.reads.push(read);
    }
    return query(sql, values);
  };
  return seen;
}

describe.skipIf(!existsSync(REUTERS_DIR))('postgres search: passages read', () => {
  let articles: Article[];
  let pool: pg.Pool;
  let index: PgSearchIndex;
  let compact: SegmentedLibrary;
  beforeAll(async () => {
    articles = reutersArticles(400);
    for (const a of articles) analyseArticle(a, ANALYSERS);
    compact = SegmentedLibrary.fromArticles(articles);
    pool = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
    await migrateSearch(pool);
    await enableTrigrams(pool);
    await new PgArchiveWriter(pool, archiveSalt(ANALYSERS), HEADS).sync(articles);
    index = new PgSearchIndex(pool);
  }, 240_000);
  afterAll(async () => {
    await pool?.end();
  });

  it("reads a prefix's best passages once for all its headed completions, not a share per completion, and answers as the compact engine", async () => {
    // Prefixes of 4 letters (no typo variants) whose headed terms' heads together hold more than one
    // word's worth of candidates (two or more terms; the prefix itself may be one).
    const scan = (want: number) => 2 * want + 20;
    const { rows } = await pool.query<{ prefix: string; headed: number }>(
      `SELECT left(t.term, 4) AS prefix, count(*)::integer AS headed FROM search_terms t
         CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM search_heads h WHERE h.term = t.term) h
       WHERE t.head_floor IS NOT NULL AND length(t.term) >= 4 GROUP BY 1 HAVING sum(least(h.n, $1)) > $1 + 20 ORDER BY 2 DESC, 1 LIMIT 6`,
      [scan(1 * 1 + 40)],
    );
    expect(rows.length).toBeGreaterThan(0);
    const seen = counting(pool);
    for (const { prefix, headed } of rows) {
      for (const [limit, perArticle] of [
        [1, 1],
        [10, 2],
      ] as const) {
        seen.reads.length = 0;
        const ours = (await index.search(prefix, { limit, perArticle })).hits;
        const theirs = compact.search(prefix, { limit, perArticle });
        expect(ours.map((h) => `${h.articleId}@${h.span.start}`), prefix).toEqual(theirs.map((h) => `${h.articleId}@${h.span.start}`));
        // The passages of its terms without a head (read whole through the GIN index), plus its best
        // 2 × want + 20 headed ones (want: limit × perArticle + 40).
        const plain = await pool.query<{ n: string }>(
          `SELECT count(*) AS n FROM search_passages p WHERE NOT same_text AND EXISTS (
             SELECT 1 FROM unnest(tsvector_to_array(p.tsv)) l JOIN search_terms t ON t.term = l WHERE left(l, length($1)) = $1 AND t.head_floor IS NULL)`,
          [prefix],
        );
        const bound = scan(limit * perArticle + 40) + Number(plain.rows[0]!.n);
        expect(seen.reads.length, prefix).toBe(1);
        expect(seen.reads[0], `${prefix} (${headed} headed completions)`).toBeLessThanOrEqual(bound);
      }
    }
  });

  it('parses only the articles it quotes: the candidates are ranked on their text alone', async () => {
    for (const q of ['oil', 'the dollar', 'expor']) {
      const fresh = new PgSearchIndex(pool);
      const { hits, articles: quoted } = await fresh.search(q, { limit: 3, perArticle: 1 });
      expect(hits.length).toBe(3);
      const ids = [...new Set(hits.map((h) => h.articleId))];
      expect([...quoted.keys()].sort()).toEqual([...ids].sort());
      const { rows } = await pool.query<ArticleRow>(
        `SELECT id, content_hash, duplicate_of, meta, body, layout, annotations FROM search_articles WHERE id = ANY($1::text[])`,
        [ids],
      );
      // The article cache holds what was parsed: the quoted articles, not every candidate's.
      expect(fresh.cachedBytes, q).toBe(rows.reduce((n, r) => n + rowBytes(r), 0));
      // And the answer is the one a warm index (every article cached) gives.
      expect((await fresh.search(q, { limit: 3, perArticle: 1 })).hits).toEqual(hits);
    }
  });

  it("takes every passage holding all the words of a query when the GIN index finds few, not only those in the rarest word's head", async () => {
    // Heads of 20 passages: the rarest word's head misses most passages holding both words.
    const small = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
    try {
      await migrateSearch(small);
      await enableTrigrams(small);
      await new PgArchiveWriter(small, archiveSalt(ANALYSERS), { headMin: 30, headSize: 20 }).sync(articles);
      const shortHeads = new PgSearchIndex(small);
      const pairs = ['oil prices', 'trade deficit', 'crude output', 'money supply', 'interest rates', 'oil company', 'net profit'];
      const { rows } = await small.query<{ n: string }>(`SELECT count(*) AS n FROM search_terms WHERE term = ANY($1::text[]) AND head_floor IS NOT NULL`, [pairs.flatMap((q) => q.split(' '))]);
      expect(Number(rows[0]!.n)).toBeGreaterThan(8);
      for (const q of pairs) {
        const ours = (await shortHeads.search(q, { limit: 10, perArticle: 2 })).hits;
        const theirs = compact.search(q, { limit: 10, perArticle: 2 });
        expect(ours.map((h) => `${h.articleId}@${h.span.start}`), q).toEqual(theirs.map((h) => `${h.articleId}@${h.span.start}`));
        ours.forEach((h, i) => expect(h.score).toBeCloseTo(theirs[i]!.score, 4));
      }
    } finally {
      await small.end();
    }
  }, 120_000);

  it("fills a two-word query's list from each word's best passages once, not a share per headed term, and answers as the compact engine", async () => {
    const scan = (want: number) => 2 * want + 20;
    const want = 1 * 1 + 40;
    // Prefixes standing for two headed terms or more whose heads hold more than a word's share.
    const { rows: prefixes } = await pool.query<{ prefix: string }>(
      `SELECT left(t.term, 4) AS prefix FROM search_terms t CROSS JOIN LATERAL (SELECT count(*)::integer AS n FROM search_heads h WHERE h.term = t.term) h
       WHERE t.head_floor IS NOT NULL AND length(t.term) >= 4 GROUP BY 1 HAVING count(*) >= 2 AND sum(least(h.n, $1)) > $1 + 20 ORDER BY 1`,
      [scan(want)],
    );
    const plain = async (prefix: string) =>
      Number(
        (
          await pool.query<{ n: string }>(
            `SELECT count(*) AS n FROM search_passages p WHERE NOT same_text AND EXISTS (
               SELECT 1 FROM unnest(tsvector_to_array(p.tsv)) l JOIN search_terms t ON t.term = l WHERE left(l, length($1)) = $1 AND t.head_floor IS NULL)`,
            [prefix],
          )
        ).rows[0]!.n,
      );
    const seen = counting(pool);
    let tried = 0;
    for (let i = 0; i < prefixes.length && tried < 3; i++) {
      for (let j = i + 1; j < prefixes.length && tried < 3; j++) {
        const [a, b] = [prefixes[i]!.prefix, prefixes[j]!.prefix];
        const both = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_passages WHERE NOT same_text AND tsv @@ to_tsquery('simple', $1)`, [`${a}:* & ${b}:*`]);
        if (Number(both.rows[0]!.n) >= 10) continue;
        tried++;
        const q = `${a} ${b}`;
        seen.reads.length = 0;
        const ours = (await index.search(q, { limit: 1, perArticle: 1 })).hits;
        const theirs = compact.search(q, { limit: 1, perArticle: 1 });
        expect(ours.map((h) => `${h.articleId}@${h.span.start}`), q).toEqual(theirs.map((h) => `${h.articleId}@${h.span.start}`));
        // The AND list, then the OR list: each word's best scan(want) + (AND rows) headed passages, and its unheaded terms'.
        expect(seen.reads.length, q).toBe(2);
        const bound = 2 * (scan(want) + seen.reads[0]!) + (await plain(a)) + (await plain(b));
        expect(seen.reads[1], q).toBeLessThanOrEqual(bound);
      }
    }
    expect(tried).toBeGreaterThan(0);
  });

  // Last: it empties the archive the other tests read.
  it('empties the heads with the archive (bench/pg-oracle.ts emptyArchive), so an emptied archive holds no head of a term it lost', async () => {
    const before = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_heads`);
    expect(Number(before.rows[0]!.n)).toBeGreaterThan(0);
    await emptyArchive(pool);
    const after = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_heads`);
    expect(Number(after.rows[0]!.n)).toBe(0);
    expect((await new PgSearchIndex(pool).search('said', { limit: 3 })).hits).toEqual([]);
  });
});

describe.skipIf(!existsSync(REUTERS_DIR))('postgres search: passages read, 1,200 stories', () => {
  let big: pg.Pool;
  let bigCompact: SegmentedLibrary;
  beforeAll(async () => {
    const articles = reutersArticles(1200);
    for (const a of articles) analyseArticle(a, ANALYSERS);
    bigCompact = SegmentedLibrary.fromArticles(articles);
    big = new pg.Pool({ connectionString: await postgresDatabase(), max: 4 });
    await migrateSearch(big);
    await enableTrigrams(big);
    await new PgArchiveWriter(big, archiveSalt(ANALYSERS)).sync(articles);
  }, 240_000);
  afterAll(async () => {
    await big?.end();
  });

  it('drops a passage lacking a very common word of the query before scoring it', async () => {
    // A word too common to ask the GIN index with (in more than 2,000 passages and a fifth of them), and frequent words with it.
    const { rows: common } = await big.query<{ term: string }>(
      `SELECT term FROM search_terms, search_totals WHERE df > greatest(2000, 0.2 * passages) ORDER BY df DESC LIMIT 1`,
    );
    expect(common.length).toBe(1);
    const the = common[0]!.term;
    const seen = counting(big);
    for (const word of ['dollar', 'oil', 'bank']) {
      const q = `${the} ${word}`;
      seen.reads.length = 0;
      const ours = (await new PgSearchIndex(big).search(q, { limit: 10, perArticle: 2 })).hits;
      // Hits hold both words, best first, as many as the compact engine gives (its order of ties between
      // multi-word scores differs: see the note on "the dollar").
      expect(ours.length, q).toBe(bigCompact.search(q, { limit: 10, perArticle: 2 }).length);
      for (const h of ours) expect(h.terms.length, q).toBe(2);
      expect(ours.map((h) => h.score), q).toEqual([...ours.map((h) => h.score)].sort((x, y) => y - x));
      // Scored: passages holding the common word and a term the other word stands for (itself or a completion), at most.
      const both = await big.query<{ n: string }>(
        `SELECT count(*) AS n FROM search_passages p WHERE NOT same_text AND p.tsv @@ quote_literal($1)::tsquery
           AND EXISTS (SELECT 1 FROM unnest(tsvector_to_array(p.tsv)) l WHERE left(l, length($2)) = $2)`,
        [the, word],
      );
      expect(seen.reads[0], q).toBeLessThanOrEqual(Number(both.rows[0]!.n));
    }
  });
});
