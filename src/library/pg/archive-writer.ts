/**
 * The ingest role's writer: articles (already ingested, marked for copies and analysed by the
 * same code the compact build runs) into the archive tables, in batches, one transaction per
 * batch under the writer's advisory lock, so two ingest processes never interleave their
 * vocabulary counts. Replicas read what is committed.
 */
import type pg from 'pg';
import type { Analyser } from '../../core/ports.js';
import type { Article } from '../../core/types.js';
import { LOCK_NAMESPACE, SEARCH_LOCKS } from './search-schema.js';
import { packLayout, passageRows } from './article-rows.js';

/** Articles per transaction: large enough for multi-row inserts to pay, small enough to bound memory and lock time. */
const BATCH = 400;
/** Version of what a passage row holds (passages, fields, tokenizer); bump to rewrite every row. */
const ROWS_VERSION = 'rows@1';

/** What a row was written with: a different salt rewrites the article (see `PgArchiveWriter.sync`). */
export function archiveSalt(analysers: readonly Analyser[]): string {
  return [ROWS_VERSION, ...analysers.map((a) => `${a.name}@${a.version}`)].join('|');
}

/** What `sync` did. */
export interface SyncStats {
  written: number;
  removed: number;
  unchanged: number;
  passages: number;
}

/** Writes articles to the archive tables (see the module comment). */
export class PgArchiveWriter {
  /** @param salt - `archiveSalt` of the analysers that ran on the articles */
  constructor(
    private readonly pool: pg.Pool,
    private readonly salt: string,
  ) {}

  /**
   * Makes the archive hold exactly `articles`: writes those new or changed (text, copy mark or
   * salt), removes ids no longer there, leaves the rest.
   */
  async sync(articles: readonly Article[], onBatch?: (done: number, total: number) => void): Promise<SyncStats> {
    const { rows } = await this.pool.query<{ id: string; k: string }>(`SELECT id, content_hash || '|' || coalesce(duplicate_of, '') || '|' || salt AS k FROM search_articles`);
    const stored = new Map(rows.map((r) => [r.id, r.k]));
    const changed: Article[] = [];
    for (const a of articles) {
      if (stored.get(a.id) !== `${a.contentHash}|${a.duplicateOf ?? ''}|${this.salt}`) changed.push(a);
      stored.delete(a.id);
    }
    const gone = [...stored.keys()];
    if (gone.length) await this.remove(gone);
    const passages = await this.write(changed, onBatch);
    return { written: changed.length, removed: gone.length, unchanged: articles.length - changed.length, passages };
  }

  /** Writes (adds or replaces) articles; returns the passages written. */
  async write(articles: readonly Article[], onBatch?: (done: number, total: number) => void): Promise<number> {
    let passages = 0;
    for (let i = 0; i < articles.length; i += BATCH) {
      const batch = articles.slice(i, i + BATCH);
      passages += await this.transaction((client) => this.writeBatch(client, batch));
      onBatch?.(Math.min(articles.length, i + BATCH), articles.length);
    }
    return passages;
  }

  /** Removes articles by id (their passages and vocabulary counts with them); unknown ids are ignored. */
  async remove(ids: readonly string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH);
      await this.transaction(async (client) => {
        await this.dropPassages(client, batch);
        await client.query(`DELETE FROM search_articles WHERE id = ANY($1::text[])`, [batch]);
      });
    }
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, SEARCH_LOCKS.writer]);
      const out = await work(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Deletes the passages of `ids`, taking their terms out of the vocabulary counts and totals. */
  private async dropPassages(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
    const { rows } = await client.query<{ term: string; df: number }>(
      `WITH gone AS (DELETE FROM search_passages WHERE article_id = ANY($1::text[]) RETURNING tsv, words),
            totals AS (UPDATE search_totals SET passages = passages - (SELECT count(*) FROM gone), words = words - (SELECT coalesce(sum(words), 0) FROM gone)),
            counts AS (SELECT t AS term, count(*) AS n FROM gone, unnest(tsvector_to_array(tsv)) AS t GROUP BY t)
       UPDATE search_terms s SET df = s.df - counts.n FROM counts WHERE s.term = counts.term RETURNING s.term, s.df`,
      [ids],
    );
    // Only the terms this batch emptied are looked at: the vocabulary is not scanned per batch.
    const emptied = rows.filter((r) => r.df <= 0).map((r) => r.term);
    if (emptied.length) await client.query(`DELETE FROM search_terms WHERE term = ANY($1::text[]) AND df <= 0`, [emptied]);
  }

  private async writeBatch(client: pg.PoolClient, batch: readonly Article[]): Promise<number> {
    // The last copy of an id in a batch wins, as in the compact library.
    const byId = new Map(batch.map((a) => [a.id, a]));
    const articles = [...byId.values()];
    const ids = articles.map((a) => a.id);
    await this.dropPassages(client, ids);
    await client.query(
      `INSERT INTO search_articles (id, content_hash, duplicate_of, published, salt, meta, body, layout, annotations)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::jsonb[], $9::jsonb[])
       ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, duplicate_of = excluded.duplicate_of,
         published = excluded.published, salt = excluded.salt, meta = excluded.meta, body = excluded.body,
         layout = excluded.layout, annotations = excluded.annotations`,
      [
        ids,
        articles.map((a) => a.contentHash),
        articles.map((a) => a.duplicateOf ?? null),
        articles.map((a) => a.meta.published),
        articles.map(() => this.salt),
        articles.map((a) => JSON.stringify(a.meta)),
        // PostgreSQL text cannot hold NUL; ingest never keeps one, but a stray one must not fail the batch.
        articles.map((a) => a.text.replace(/\u0000/g, ' ')),
        articles.map((a) => JSON.stringify(packLayout(a))),
        articles.map((a) => JSON.stringify(a.annotations ?? {}).replace(/\\u0000/g, ' ')),
      ],
    );
    const cols = { article: [] as string[], start: [] as number[], end: [] as number[], first: [] as number[], count: [] as number[], flags: [] as number[], boost: [] as number[], words: [] as number[], copy: [] as boolean[], tsv: [] as string[] };
    const df = new Map<string, number>();
    let words = 0;
    for (const a of articles) {
      for (const p of passageRows(a)) {
        cols.article.push(a.id);
        cols.start.push(p.start);
        cols.end.push(p.end);
        cols.first.push(p.firstSentence);
        cols.count.push(p.sentenceCount);
        cols.flags.push(p.flags);
        cols.boost.push(p.boost);
        cols.words.push(p.words);
        cols.copy.push(a.duplicateOf !== undefined);
        cols.tsv.push(p.tsv);
        words += p.words;
        for (const t of p.terms) df.set(t, (df.get(t) ?? 0) + 1);
      }
    }
    if (cols.article.length) {
      await client.query(
        `INSERT INTO search_passages (article_id, span_start, span_end, first_sentence, sentence_count, flags, boost, words, is_copy, tsv)
         SELECT a, s, e, f, c, fl, b, w, k, t::tsvector
         FROM unnest($1::text[], $2::int[], $3::int[], $4::int[], $5::int[], $6::int[], $7::real[], $8::int[], $9::boolean[], $10::text[]) AS u(a, s, e, f, c, fl, b, w, k, t)`,
        [cols.article, cols.start, cols.end, cols.first, cols.count, cols.flags, cols.boost, cols.words, cols.copy, cols.tsv],
      );
      // Sorted, so two writers (were the lock ever skipped) would take row locks in one order.
      const terms = [...df.keys()].sort();
      await client.query(
        `INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int[])
         ON CONFLICT (term) DO UPDATE SET df = search_terms.df + excluded.df`,
        [terms, terms.map((t) => df.get(t)!)],
      );
      await client.query(`UPDATE search_totals SET passages = passages + $1, words = words + $2`, [cols.article.length, words]);
    }
    return cols.article.length;
  }
}
