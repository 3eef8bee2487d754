/**
 * The ingest role's writer: articles (already ingested, marked for copies and analysed by the
 * same code the compact build runs) into the archive tables, in batches, one transaction per
 * batch under the writer's advisory lock, so two ingest processes never interleave their
 * vocabulary counts. Replicas read what is committed.
 */
import type pg from 'pg';
import type { Analyser } from '../../core/ports.js';
import type { Article } from '../../core/types.js';
import { headImpact, headImpactSql, headParams } from '../../search/pg-rank.js';
import { createMissingIndexes, dropBulkIndexes, LOCK_NAMESPACE, SEARCH_LOCKS } from './search-schema.js';
import { packLayout, passageRows, type PassageRow } from './article-rows.js';
import { copyField as f, copyRows } from './copy-in.js';

/** Articles per transaction: large enough for multi-row inserts to pay, small enough to bound memory and lock time. */
const BATCH = 400;
/** Articles per statement of a bulk load. */
const BULK_BATCH = 1000;
/** Rows per statement when a bulk load writes the vocabulary and the heads. */
const ROWS_PER_STATEMENT = 50_000;
/** Sort weight of a copy in a head's order (after every original of the same impact; passage ids stay below it). */
const COPY_KEY = 2 ** 50;

/** Tuning of the writer (tests make heads and bulk loads small). */
export interface WriterOptions {
  /** A term in more passages than this has a head (search_heads); one in fewer than half of it loses it. @defaultValue 2000 */
  headMin: number;
  /** Passages a head holds when it is made. @defaultValue 2000 */
  headSize: number;
  /** An empty archive receiving at least this many articles is bulk-loaded. @defaultValue 2000 */
  bulkMin: number;
}

export const defaultWriterOptions: WriterOptions = { headMin: 2000, headSize: 2000, bulkMin: 2000 };
/** Version of what a passage row holds (passages, fields, tokenizer); bump to rewrite every row (2: a plain text file's first line is its headline, no longer a body passage). */
const ROWS_VERSION = 'rows@2';

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

/** A passage's columns, gathered for one multi-row insert. */
class PassageColumns {
  readonly id: number[] = [];
  readonly article: string[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  readonly first: number[] = [];
  readonly count: number[] = [];
  readonly flags: number[] = [];
  readonly boost: number[] = [];
  readonly words: number[] = [];
  readonly copy: boolean[] = [];
  readonly same: boolean[] = [];
  readonly tsv: string[] = [];

  /** @param sameText - the article is a copy with its original's text (`same_text`, migration 3) */
  add(id: number, article: Article, p: PassageRow, sameText: boolean): void {
    this.id.push(id);
    this.article.push(article.id);
    this.start.push(p.start);
    this.end.push(p.end);
    this.first.push(p.firstSentence);
    this.count.push(p.sentenceCount);
    this.flags.push(p.flags);
    this.boost.push(p.boost);
    this.words.push(p.words);
    this.copy.push(article.duplicateOf !== undefined);
    this.same.push(sameText);
    this.tsv.push(p.tsv);
  }

  get length(): number {
    return this.id.length;
  }

  insert(client: pg.ClientBase): Promise<unknown> {
    return client.query(
      `INSERT INTO search_passages (id, article_id, span_start, span_end, first_sentence, sentence_count, flags, boost, words, is_copy, same_text, tsv)
       OVERRIDING SYSTEM VALUE
       SELECT i, a, s, e, f, c, fl, b, w, k, st, t::tsvector
       FROM unnest($1::bigint[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::real[], $9::int[], $10::boolean[], $11::boolean[], $12::text[]) AS u(i, a, s, e, f, c, fl, b, w, k, st, t)`,
      [this.id, this.article, this.start, this.end, this.first, this.count, this.flags, this.boost, this.words, this.copy, this.same, this.tsv],
    );
  }
}

const ARTICLE_COLUMNS = ['id', 'content_hash', 'duplicate_of', 'published', 'salt', 'meta', 'body', 'layout', 'annotations'];
const PASSAGE_COLUMNS = ['id', 'article_id', 'span_start', 'span_end', 'first_sentence', 'sentence_count', 'flags', 'boost', 'words', 'is_copy', 'same_text', 'tsv'];

/** An article row in COPY's text format (`ARTICLE_COLUMNS`), as `insertArticles` writes it. */
function articleFields(a: Article, salt: string): string[] {
  return [
    f(a.id),
    f(a.contentHash),
    f(a.duplicateOf ?? null),
    f(a.meta.published ?? null),
    f(salt),
    f(JSON.stringify(a.meta)),
    f(a.text.replace(/\u0000/g, ' ')),
    f(JSON.stringify(packLayout(a))),
    f(JSON.stringify(a.annotations ?? {}).replace(/\\u0000/g, ' ')),
  ];
}

/** The article rows of a batch: one multi-row statement (`upsert`: replacing rows of the same id). */
function insertArticles(client: pg.ClientBase, articles: readonly Article[], salt: string, upsert: boolean): Promise<unknown> {
  return client.query(
    `INSERT INTO search_articles (id, content_hash, duplicate_of, published, salt, meta, body, layout, annotations)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
     ${
       upsert
         ? `ON CONFLICT (id) DO UPDATE SET content_hash = excluded.content_hash, duplicate_of = excluded.duplicate_of,
       published = excluded.published, salt = excluded.salt, meta = excluded.meta, body = excluded.body,
       layout = excluded.layout, annotations = excluded.annotations`
         : ''
     }`,
    [
      articles.map((a) => a.id),
      articles.map((a) => a.contentHash),
      articles.map((a) => a.duplicateOf ?? null),
      articles.map((a) => a.meta.published),
      articles.map(() => salt),
      articles.map((a) => JSON.stringify(a.meta)),
      // PostgreSQL text cannot hold NUL; ingest never keeps one, but a stray one must not fail the batch.
      articles.map((a) => a.text.replace(/\u0000/g, ' ')),
      articles.map((a) => JSON.stringify(packLayout(a))),
      articles.map((a) => JSON.stringify(a.annotations ?? {}).replace(/\\u0000/g, ' ')),
    ],
  );
}

/**
 * A term's best passages by head impact (a bounded min-heap: the root is the worst kept), for a
 * bulk load; order: impact descending, originals before copies, passage id ascending.
 */
class TopPassages {
  private impacts = new Float64Array(4);
  private keys = new Float64Array(4);
  size = 0;
  df = 0;
  /** Passages offered (the term's passages but those of exact copies, which heads leave out). */
  offered = 0;

  /** `key`: passage id, plus COPY_KEY for a copy (lower is better on equal impact). */
  offer(impact: number, key: number, cap: number): void {
    this.offered++;
    if (this.size < cap) {
      if (this.size === this.impacts.length) this.grow(Math.min(cap, this.size * 2));
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(impact, key, this.impacts[parent]!, this.keys[parent]!)) break;
        this.impacts[i] = this.impacts[parent]!;
        this.keys[i] = this.keys[parent]!;
        i = parent;
      }
      this.impacts[i] = impact;
      this.keys[i] = key;
      return;
    }
    if (!this.worse(this.impacts[0]!, this.keys[0]!, impact, key)) return;
    // Replace the root and sift down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      const r = l + 1;
      const c = r < this.size && this.worse(this.impacts[r]!, this.keys[r]!, this.impacts[l]!, this.keys[l]!) ? r : l;
      if (!this.worse(this.impacts[c]!, this.keys[c]!, impact, key)) break;
      this.impacts[i] = this.impacts[c]!;
      this.keys[i] = this.keys[c]!;
      i = c;
    }
    this.impacts[i] = impact;
    this.keys[i] = key;
  }

  /** True when (ia, ka) ranks below (ib, kb). */
  private worse(ia: number, ka: number, ib: number, kb: number): boolean {
    return ia < ib || (ia === ib && ka > kb);
  }

  private grow(to: number): void {
    const impacts = new Float64Array(to);
    impacts.set(this.impacts);
    const keys = new Float64Array(to);
    keys.set(this.keys);
    this.impacts = impacts;
    this.keys = keys;
  }

  /** The kept passages and the head's floor: the lowest impact kept when some passages were left out, else 0. */
  entries(): { impacts: Float64Array; keys: Float64Array; floor: number } {
    const impacts = this.impacts.subarray(0, this.size);
    let floor = 0;
    if (this.offered > this.size) for (const x of impacts) floor = floor === 0 || x < floor ? x : floor;
    return { impacts, keys: this.keys.subarray(0, this.size), floor };
  }
}

/** Writes articles to the archive tables (see the module comment). */
export class PgArchiveWriter {
  private readonly options: WriterOptions;
  private prepared = false;

  /** @param salt - `archiveSalt` of the analysers that ran on the articles */
  constructor(
    private readonly pool: pg.Pool,
    private readonly salt: string,
    options: Partial<WriterOptions> = {},
  ) {
    this.options = { ...defaultWriterOptions, ...options };
  }

  /**
   * Makes the archive hold exactly `articles`: writes those new or changed (text, copy mark or
   * salt), removes ids no longer there, leaves the rest. An empty archive receiving many
   * articles is bulk-loaded (`bulkLoad`).
   */
  async sync(articles: readonly Article[], onBatch?: (done: number, total: number) => void): Promise<SyncStats> {
    await this.prepare();
    const { rows } = await this.pool.query<{ id: string; k: string }>(`SELECT id, content_hash || '|' || coalesce(duplicate_of, '') || '|' || salt AS k FROM search_articles`);
    const stored = new Map(rows.map((r) => [r.id, r.k]));
    const empty = stored.size === 0;
    const changed: Article[] = [];
    // An article whose text changed changes whether its copies have its text (their passages' `same_text`): they are written again too.
    const newText = new Set<string>();
    for (const a of articles) {
      const k = stored.get(a.id);
      if (k !== `${a.contentHash}|${a.duplicateOf ?? ''}|${this.salt}`) {
        changed.push(a);
        if (k === undefined || !k.startsWith(`${a.contentHash}|`)) newText.add(a.id);
      }
    }
    if (newText.size && !empty) {
      const again = new Set(changed);
      for (const a of articles) if (a.duplicateOf !== undefined && newText.has(a.duplicateOf) && !again.has(a)) changed.push(a);
    }
    for (const a of articles) stored.delete(a.id);
    // Originals before copies, so a copy's `same_text` is decided against its original's new text.
    changed.sort((a, b) => Number(a.duplicateOf !== undefined) - Number(b.duplicateOf !== undefined));
    const gone = [...stored.keys()];
    if (gone.length) await this.remove(gone);
    const bulk = empty && changed.length >= this.options.bulkMin ? await this.bulkLoad(changed, onBatch) : null;
    const passages = bulk ?? (await this.write(changed, onBatch));
    return { written: changed.length, removed: gone.length, unchanged: articles.length - changed.length, passages };
  }

  /**
   * Once per writer: a bulk load that stopped half-way (its mark still set) is undone, so the next
   * load starts from an empty archive; indexes it had dropped are made again.
   */
  private async prepare(): Promise<void> {
    if (this.prepared) return;
    await this.transaction(async (client) => {
      const { rows } = await client.query<{ loading: boolean }>(`SELECT loading FROM search_totals`);
      if (rows[0]?.loading) {
        await client.query(`TRUNCATE search_heads, search_passages, search_articles, search_terms`);
        await client.query(`UPDATE search_totals SET passages = 0, words = 0, loading = false`);
      }
      await createMissingIndexes(client);
    });
    this.prepared = true;
  }

  /**
   * Writes an empty archive's articles in bulk: the indexes dropped first and built once at the
   * end, the articles and passages in large multi-row statements (the next batch prepared while
   * the database writes the last), and the vocabulary counts, the heads and the totals kept in
   * memory and written once, in the transaction that builds the indexes. Replicas see the
   * archive as empty until then. Returns the passages written, or null when the archive was no
   * longer empty once the writer's lock was held (the caller writes incrementally then).
   */
  private async bulkLoad(input: readonly Article[], onBatch?: (done: number, total: number) => void): Promise<number | null> {
    const client = await this.pool.connect();
    let locked = false;
    try {
      await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, SEARCH_LOCKS.writer]);
      locked = true;
      const { rows: any } = await client.query(`SELECT 1 FROM search_articles LIMIT 1`);
      if (any.length) return null;
      await client.query(`UPDATE search_totals SET loading = true`);
      await dropBulkIndexes(client);
      // The last copy of an id wins, as in the compact library.
      const articles = [...new Map(input.map((a) => [a.id, a])).values()];
      const hashes = new Map(articles.map((a) => [a.id, a.contentHash]));
      const { rows: seq } = await client.query<{ next: string }>(`SELECT nextval(pg_get_serial_sequence('search_passages', 'id')) AS next`);
      let nextId = Number(seq[0]!.next);
      const terms = new Map<string, TopPassages>();
      const { headSize, headMin } = this.options;
      let params: ReturnType<typeof headParams> | null = null;
      let avgWords = 1;
      let passages = 0;
      let words = 0;
      let pending: Promise<unknown> = Promise.resolve();
      for (let i = 0; i < articles.length; i += BULK_BATCH) {
        const batch = articles.slice(i, i + BULK_BATCH);
        const rows = batch.map((a) => passageRows(a));
        if (!params) {
          // Head impacts use the first batch's average passage length (the archive's is close to it).
          let n = 0;
          let w = 0;
          for (const list of rows) for (const p of list) (n++, (w += p.words));
          avgWords = n ? w / n : 1;
          params = headParams(avgWords);
        }
        const articleLines: string[][] = [];
        const passageLines: string[][] = [];
        batch.forEach((a, j) => {
          const copy = a.duplicateOf !== undefined ? COPY_KEY : 0;
          const same = a.duplicateOf !== undefined && hashes.get(a.duplicateOf) === a.contentHash;
          articleLines.push(articleFields(a, this.salt));
          for (const p of rows[j]!) {
            const id = nextId++;
            passageLines.push([String(id), f(a.id), String(p.start), String(p.end), String(p.firstSentence), String(p.sentenceCount), String(p.flags), String(p.boost), String(p.words), copy ? 't' : 'f', same ? 't' : 'f', p.tsv]);
            words += p.words;
            for (let t = 0; t < p.terms.length; t++) {
              let top = terms.get(p.terms[t]!);
              if (!top) terms.set(p.terms[t]!, (top = new TopPassages()));
              top.df++;
              // An exact copy's passage is in no head (its original's is, ranked before it).
              if (!same) top.offer(headImpact(p.tfs[t]!, p.words, p.boost, params!), id + copy, headSize);
            }
          }
        });
        passages += passageLines.length;
        // The database writes this batch while the next one is tokenized.
        await pending;
        pending = copyRows(client, 'search_articles', ARTICLE_COLUMNS, articleLines).then(() => copyRows(client, 'search_passages', PASSAGE_COLUMNS, passageLines));
        onBatch?.(Math.min(articles.length, i + BULK_BATCH), articles.length);
      }
      await pending;
      await client.query('BEGIN');
      await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
      await client.query(`SELECT setval(pg_get_serial_sequence('search_passages', 'id'), $1)`, [nextId]);
      const vocabulary = [...terms.keys()].sort();
      for (let i = 0; i < vocabulary.length; i += ROWS_PER_STATEMENT) {
        const part = vocabulary.slice(i, i + ROWS_PER_STATEMENT);
        const top = part.map((t) => terms.get(t)!);
        await client.query(`INSERT INTO search_terms (term, df, head_floor) SELECT * FROM unnest($1::text[], $2::int[], $3::float8[])`, [
          part,
          top.map((x) => x.df),
          top.map((x) => (x.df > headMin ? x.entries().floor : null)),
        ]);
      }
      const heads = { term: [] as string[], impact: [] as number[], copy: [] as boolean[], id: [] as number[] };
      const flush = async () => {
        if (!heads.term.length) return;
        await client.query(`INSERT INTO search_heads (term, impact, is_copy, passage_id) SELECT * FROM unnest($1::text[], $2::float8[], $3::boolean[], $4::bigint[])`, [
          heads.term,
          heads.impact,
          heads.copy,
          heads.id,
        ]);
        heads.term = [];
        heads.impact = [];
        heads.copy = [];
        heads.id = [];
      };
      for (const term of vocabulary) {
        const top = terms.get(term)!;
        if (top.df <= headMin) continue;
        const { impacts, keys } = top.entries();
        for (let j = 0; j < impacts.length; j++) {
          const key = keys[j]!;
          heads.term.push(term);
          heads.impact.push(impacts[j]!);
          heads.copy.push(key >= COPY_KEY);
          heads.id.push(key >= COPY_KEY ? key - COPY_KEY : key);
        }
        if (heads.term.length >= ROWS_PER_STATEMENT) await flush();
      }
      await flush();
      terms.clear();
      await client.query(`UPDATE search_totals SET passages = $1, words = $2, head_avg = $3, loading = false`, [passages, words, avgWords]);
      await createMissingIndexes(client);
      await client.query('COMMIT');
      await client.query('ANALYZE search_articles, search_passages, search_terms, search_heads');
      return passages;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      if (locked) await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, SEARCH_LOCKS.writer]).catch(() => undefined);
      client.release();
    }
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

  /**
   * Deletes the passages of `ids`, taking their terms out of the vocabulary counts and totals and
   * them out of the heads; a term left in fewer than half `headMin` passages loses its head.
   */
  private async dropPassages(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
    const { rows } = await client.query<{ term: string; df: number; head: boolean }>(
      `WITH gone AS (DELETE FROM search_passages WHERE article_id = ANY($1::text[]) RETURNING id, tsv, words),
            heads AS (DELETE FROM search_heads WHERE passage_id IN (SELECT id FROM gone)),
            totals AS (UPDATE search_totals SET passages = passages - (SELECT count(*) FROM gone), words = words - (SELECT coalesce(sum(words), 0) FROM gone)),
            counts AS (SELECT t AS term, count(*) AS n FROM gone, unnest(tsvector_to_array(tsv)) AS t GROUP BY t)
       UPDATE search_terms s SET df = s.df - counts.n FROM counts WHERE s.term = counts.term RETURNING s.term, s.df, s.head_floor IS NOT NULL AS head`,
      [ids],
    );
    // Only the terms this batch emptied are looked at: the vocabulary is not scanned per batch.
    const emptied = rows.filter((r) => r.df <= 0).map((r) => r.term);
    if (emptied.length) await client.query(`DELETE FROM search_terms WHERE term = ANY($1::text[]) AND df <= 0`, [emptied]);
    const headless = rows.filter((r) => r.head && r.df > 0 && r.df * 2 < this.options.headMin).map((r) => r.term);
    if (headless.length) {
      await client.query(`DELETE FROM search_heads WHERE term = ANY($1::text[])`, [headless]);
      await client.query(`UPDATE search_terms SET head_floor = NULL WHERE term = ANY($1::text[])`, [headless]);
    }
    if (emptied.length) await client.query(`DELETE FROM search_heads WHERE term = ANY($1::text[])`, [emptied]);
    await this.refillHeads(client, rows.filter((r) => r.head && r.df > 0 && r.df * 2 >= this.options.headMin).map((r) => r.term));
  }

  /**
   * Makes again the heads of `terms` (terms of removed passages that keep a head) that removals left
   * holding fewer than half `headSize` passages while others were left out of them (a floor above
   * 0): a query reads a term's head for its best passages, and a drained head would give it too few
   * (none once every listed passage is gone). Reads the term's passages through the GIN index, as
   * making a head does; only after removals took most of its best passages.
   */
  private async refillHeads(client: pg.PoolClient, terms: readonly string[]): Promise<void> {
    if (!terms.length) return;
    const { rows } = await client.query<{ term: string }>(
      `SELECT t.term FROM search_terms t WHERE t.term = ANY($1::text[]) AND t.head_floor > 0
         AND (SELECT count(*) FROM search_heads h WHERE h.term = t.term) * 2 < $2`,
      [terms, this.options.headSize],
    );
    if (!rows.length) return;
    const { rows: avg } = await client.query<{ head_avg: number }>(`SELECT head_avg FROM search_totals`);
    for (const { term } of rows) {
      await client.query(`DELETE FROM search_heads WHERE term = $1`, [term]);
      await this.makeHead(client, term, avg[0]!.head_avg);
    }
  }

  /** Reserves `n` passage ids (under the writer's lock: no other writer takes any meanwhile); returns the first. */
  private async reserveIds(client: pg.PoolClient, n: number): Promise<number> {
    const { rows } = await client.query<{ last: string }>(
      `SELECT setval(pg_get_serial_sequence('search_passages', 'id'), nextval(pg_get_serial_sequence('search_passages', 'id')) + $1 - 1) AS last`,
      [n],
    );
    return Number(rows[0]!.last) - n + 1;
  }

  private async writeBatch(client: pg.PoolClient, batch: readonly Article[]): Promise<number> {
    // The last copy of an id in a batch wins, as in the compact library.
    const byId = new Map(batch.map((a) => [a.id, a]));
    const articles = [...byId.values()];
    const ids = articles.map((a) => a.id);
    await this.dropPassages(client, ids);
    await insertArticles(client, articles, this.salt, true);
    // Copies with their original's text (the original in this batch or already stored).
    const originals = [...new Set(articles.flatMap((a) => (a.duplicateOf !== undefined ? [a.duplicateOf] : [])))];
    const hashes = new Map<string, string>();
    if (originals.length) {
      const { rows: found } = await client.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM search_articles WHERE id = ANY($1::text[])`, [originals]);
      for (const r of found) hashes.set(r.id, r.content_hash);
    }
    const same = articles.map((a) => a.duplicateOf !== undefined && hashes.get(a.duplicateOf) === a.contentHash);
    const rows = articles.map((a) => passageRows(a));
    const total = rows.reduce((n, list) => n + list.length, 0);
    if (!total) return 0;
    let nextId = await this.reserveIds(client, total);
    const cols = new PassageColumns();
    const df = new Map<string, number>();
    let words = 0;
    articles.forEach((a, j) => {
      for (const p of rows[j]!) {
        cols.add(nextId++, a, p, same[j]!);
        words += p.words;
        for (const t of p.terms) df.set(t, (df.get(t) ?? 0) + 1);
      }
    });
    await cols.insert(client);
    // Sorted, so two writers (were the lock ever skipped) would take row locks in one order.
    const terms = [...df.keys()].sort();
    const { rows: counts } = await client.query<{ term: string; df: number; head_floor: number | null }>(
      `INSERT INTO search_terms (term, df) SELECT * FROM unnest($1::text[], $2::int[])
       ON CONFLICT (term) DO UPDATE SET df = search_terms.df + excluded.df RETURNING term, df, head_floor`,
      [terms, terms.map((t) => df.get(t)!)],
    );
    const { rows: totals } = await client.query<{ head_avg: number }>(`UPDATE search_totals SET passages = passages + $1, words = words + $2 RETURNING head_avg`, [cols.length, words]);
    await this.keepHeads(client, articles, rows, same, cols.id[0]!, counts, totals[0]!.head_avg);
    return cols.length;
  }

  /**
   * Keeps the heads of the batch's terms true: a new passage goes into the head of each of its
   * terms that has one when its impact reaches the head's floor, and a term that now passes
   * `headMin` gets its head from the GIN index (its passages are about `headMin`, so that read is bounded).
   */
  private async keepHeads(
    client: pg.PoolClient,
    articles: readonly Article[],
    rows: readonly PassageRow[][],
    same: readonly boolean[],
    firstId: number,
    counts: readonly { term: string; df: number; head_floor: number | null }[],
    avgWords: number,
  ): Promise<void> {
    const floors = new Map<string, number>();
    const make: string[] = [];
    for (const c of counts) {
      if (c.head_floor !== null) floors.set(c.term, c.head_floor);
      else if (c.df > this.options.headMin) make.push(c.term);
    }
    if (floors.size) {
      const params = headParams(avgWords);
      const heads = { term: [] as string[], impact: [] as number[], copy: [] as boolean[], id: [] as number[] };
      let id = firstId;
      articles.forEach((a, j) => {
        for (const p of rows[j]!) {
          // An exact copy's passages are in no head.
          for (let t = 0; t < (same[j] ? 0 : p.terms.length); t++) {
            const floor = floors.get(p.terms[t]!);
            if (floor === undefined) continue;
            const impact = headImpact(p.tfs[t]!, p.words, p.boost, params);
            if (impact < floor) continue;
            heads.term.push(p.terms[t]!);
            heads.impact.push(impact);
            heads.copy.push(a.duplicateOf !== undefined);
            heads.id.push(id);
          }
          id++;
        }
      });
      if (heads.term.length) {
        await client.query(`INSERT INTO search_heads (term, impact, is_copy, passage_id) SELECT * FROM unnest($1::text[], $2::float8[], $3::boolean[], $4::bigint[])`, [
          heads.term,
          heads.impact,
          heads.copy,
          heads.id,
        ]);
      }
    }
    if (!make.length) return;
    // The first head of an archive written incrementally fixes the average its impacts use (a bulk load sets it from its first batch).
    const { rows: avg } = await client.query<{ head_avg: number }>(
      `UPDATE search_totals SET head_avg = CASE WHEN EXISTS (SELECT 1 FROM search_terms WHERE head_floor IS NOT NULL) THEN head_avg ELSE words::float8 / greatest(passages, 1) END RETURNING head_avg`,
    );
    for (const term of make) await this.makeHead(client, term, avg[0]!.head_avg);
  }

  /** Makes the head of `term` from its passages (through the GIN index). */
  private async makeHead(client: pg.PoolClient, term: string, avgWords: number): Promise<void> {
    const p = headParams(avgWords);
    const tf = `(SELECT cardinality(u.positions) FROM unnest(p.tsv) u WHERE u.lexeme = $1)`;
    await client.query(
      `WITH made AS (
         INSERT INTO search_heads (term, impact, is_copy, passage_id)
         SELECT $1, impact, is_copy, id FROM (
           SELECT p.id, p.is_copy, ${headImpactSql(tf, 'p.words', 'p.boost', { d: '$3::float8', k: '$4::float8', a: '$5::float8', b: '$6::float8' })} AS impact
           FROM search_passages p WHERE p.tsv @@ $2::tsquery AND NOT p.same_text) x
         ORDER BY impact DESC, is_copy, id LIMIT $7
         RETURNING impact),
         -- Its passages a head may list (exact copies' are left out).
         listable AS (SELECT count(*) AS n FROM search_passages p WHERE p.tsv @@ $2::tsquery AND NOT p.same_text)
       UPDATE search_terms SET head_floor = CASE WHEN (SELECT n FROM listable) > (SELECT count(*) FROM made) THEN (SELECT min(impact) FROM made) ELSE 0 END WHERE term = $1`,
      [term, `'${term}'`, p.delta, p.k1plus1, p.normA, p.normB, this.options.headSize],
    );
  }
}
