/**
 * `SEARCH_BACKEND=postgres`: search over the archive tables (search-schema.ts). Passages match
 * through the GIN index on their tsvector (`@@` with a tsquery of our own query terms) and are
 * ranked in SQL with rank.ts's formula (search/pg-rank.ts); the picking of hits (per-story
 * diversity, no repeated text) and the highlights are done here, on the verbatim article text,
 * so hits have the compact engine's shape and a snippet is always `text.slice(start, end)`.
 *
 * Queries are built from `queryTerms`, not `websearch_to_tsquery`: the tsvectors hold our
 * tokenizer's terms (accents folded, any script), and PostgreSQL's parser would split some of
 * them differently, and differently again under another server locale. Our terms are letters,
 * marks and digits only, so a quoted lexeme needs no escaping.
 */
import type pg from 'pg';
import type { ArticleSearchOptions, SearchHit, SearchOptions } from '../../core/ports.js';
import type { Article, Span } from '../../core/types.js';
import { defaultExpansion } from '../../search/plan.js';
import { StoryDiversity } from '../../search/hit-picker.js';
import { pgScoreParams, wordScoreSql } from '../../search/pg-rank.js';
import { EXACT_WEIGHT, fuzzyWeight, prefixWeight } from '../../search/rank.js';
import { forEachWord, queryTerms } from '../../search/tokenize.js';
import { articleFromRow, type ArticleRow } from './article-rows.js';

/** Most distinct query words used (as the compact engine's `maxQueryWords`). */
const MAX_QUERY_WORDS = 24;
/** Most passages ranked per query beyond what the picker needs (diversity drops some). */
const CANDIDATE_SLACK = 40;
/** A word in more than this share of passages (and more than `EXACT_LIMIT` of them) is too common to ask the GIN index with (see `passages`). */
const COMMON_SHARE = 0.2;
/** Candidates scored exactly with rank.ts's formula; past this, `ts_rank` picks `STAGE_ONE` of them first. */
const EXACT_LIMIT = 2000;
const STAGE_ONE = 400;
/** Passages `ts_rank` picks first for an article search with many candidates. */
const STAGE_ONE_ARTICLES = 4000;
/** Most head entries read for a query word whose terms all have heads (split among its terms). */
const HEAD_SCAN = 2000;
/**
 * Head entries read per term when one word alone decides the order: each head is in its term's
 * order already, so a passage among the query's best `want` is among its best term's first `want`
 * (exact copies are in no head; twice `want` leaves room for near copies the window skips), at most this.
 */
const SINGLE_SCAN = 400;
const singleScan = (want: number) => Math.min(SINGLE_SCAN, 2 * want + 20);
/**
 * Passages (copies counted) of the rarest word past which a query of several frequent words does not
 * first ask the GIN index for the passages holding them all: intersecting longer lists costs more than
 * reading the rarest word's head, and finds more than `STAGE_ONE` passages anyway.
 */
const AND_TRY_DF = 10 * EXACT_LIMIT;
/** Head entries read per term for the OR list (as the compact engine's `orScanLimit`). */
const OR_SCAN = 400;
/** Most vocabulary entries a prefix completion reads (as plan.ts's `PREFIX_SCAN_CAP`). */
const PREFIX_SCAN_CAP = 4000;
/**
 * Most bytes of parsed articles kept between requests, as estimated by `rowBytes`: bounded by
 * size, not count (an article with long annotations is many times a wire story).
 */
export const ARTICLE_CACHE_BYTES = 16 * 1024 * 1024;

/** Estimated heap bytes of an article parsed from `row`: its text (two bytes a character) and its JSON columns parsed into objects (about three times their text). */
export function rowBytes(row: ArticleRow): number {
  const len = (v: unknown) => (typeof v === 'string' ? v.length : v ? JSON.stringify(v).length : 0);
  return 2 * row.body.length + 3 * (len(row.meta) + len(row.layout) + len(row.annotations)) + 512;
}

const count = (x: number | undefined, fallback: number): number => (Number.isFinite(x) ? Math.max(0, Math.floor(x!)) : fallback);

/** A tsquery literal: each word's variants ORed, the words joined by `op`. */
const tsquery = (words: readonly WordPlan[], op: '&' | '|'): string => words.map((w) => `(${w.variants.map((v) => `'${v.term}'`).join(' | ')})`).join(` ${op} `);

/**
 * Score of a passage `p` for the query: per word its best variant's score, summed (rank.ts's
 * `wordScore`), and how many words matched. When every word stands for one term, no per-word
 * maximum is needed (most queries; half the work per candidate).
 */
const PASSAGE_SCORE = (oneTermPerWord: boolean) =>
  oneTermPerWord
    ? `(SELECT sum(${SCORE_SQL}) AS total, count(*) AS matched FROM ${QUERY_LEXEMES('p')} u JOIN q ON q.term = u.lexeme)`
    : `(SELECT sum(m) AS total, count(*) AS matched FROM (SELECT max(${SCORE_SQL}) AS m FROM ${QUERY_LEXEMES('p')} u JOIN q ON q.term = u.lexeme GROUP BY q.i) w)`;

/**
 * The entries of passage `alias`'s tsvector for the query's terms (`$1`) only, as `unnest` rows
 * (lexeme, positions): the stored tsvectors carry no weights (all D), so marking the query's
 * lexemes A and keeping the A entries leaves those, with all their positions. Unnesting the whole
 * vector (some 20 entries, each with its positions built as an array) was most of a search's
 * time; this reads two or three entries a passage, with the same tf.
 */
const QUERY_LEXEMES = (alias: string) => `unnest(ts_filter(setweight(${alias}.tsv, 'A', $1::text[]), '{a}'))`;

const SCORE_SQL = wordScoreSql('q.factor', 'u.positions', 'p.words', { d: '$3::float8', k: '$4::float8', a: '$5::float8', b: '$6::float8' });

/** One index term a query word stands for: itself, a prefix completion or a typo variant (plan.ts's `Variant`). */
interface Variant {
  term: string;
  df: number;
  /** Expansion weight (rank.ts): 1 for the word itself. */
  weight: number;
  /** The term has a head (search_heads): its best passages, read instead of its whole posting list. */
  head: boolean;
  /** Its score factor for this query (`params.factors`: weight × idf), set once the plan is made. */
  factor?: number;
}

/** A query word with the terms it stands for in the archive. */
interface WordPlan {
  word: string;
  variants: Variant[];
  /** Passages holding any of its variants, at most (what asking the GIN index for it costs). */
  df: number;
}

/** A query: its words, those the archive has terms for, and the score parameters of their variants (flattened in word order). */
interface Plan {
  words: string[];
  known: WordPlan[];
  passages: number;
  /** Per flattened variant: its term, the index of its word in `known`, and `params.factors`. */
  terms: string[];
  wordOf: number[];
  params: ReturnType<typeof pgScoreParams>;
}

interface PassageHitRow {
  article_id: string;
  span_start: number;
  span_end: number;
  first_sentence: number;
  sentence_count: number;
  score: number;
  matched: number;
}

/** Search over the archive in PostgreSQL (see the module comment). */
export class PgSearchIndex {
  readonly backend = 'postgres' as const;
  readonly snapshots = false;
  /** Recently read articles with their estimated size (insertion order: the oldest first out). */
  private readonly cache = new Map<string, { article: Article; bytes: number }>();
  private cacheBytes = 0;
  /** Texts of recently ranked articles that were not quoted (`texts`), by id, with their estimated bytes in `textBytes`. */
  private readonly textCache = new Map<string, PickedArticle>();
  private textBytes = 0;
  /** Whether the server has pg_trgm (typo variants and "did you mean" use it); `PgLibrary` sets it. */
  trigrams = true;

  /** @param cacheBytes - most bytes of parsed articles kept between requests (`ARTICLE_CACHE_BYTES`) */
  constructor(
    private readonly pool: pg.Pool,
    private readonly maxCacheBytes = ARTICLE_CACHE_BYTES,
  ) {}

  /** Articles by id (those the archive has), parsed from their rows; recent ones come from a small cache. */
  async articles(ids: Iterable<string>): Promise<Map<string, Article>> {
    const out = new Map<string, Article>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id);
      if (hit) out.set(id, hit.article);
      else missing.push(id);
    }
    if (missing.length) {
      const { rows } = await this.pool.query<ArticleRow>(
        `SELECT id, content_hash, duplicate_of, meta, body, layout, annotations FROM search_articles WHERE id = ANY($1::text[])`,
        [missing],
      );
      for (const row of rows) {
        const article = articleFromRow(row);
        out.set(article.id, article);
        this.remember(article, rowBytes(row));
      }
    }
    return out;
  }

  /**
   * What picking hits reads of the candidates' articles (id, copy mark, text), by id: from the
   * cache when the article is there, else the body and copy mark only, so the ranked candidates
   * (up to `want` of them) cost no parse of layouts and annotations (most are never quoted).
   */
  private async texts(ids: Iterable<string>): Promise<Map<string, PickedArticle>> {
    const out = new Map<string, PickedArticle>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id)?.article ?? this.textCache.get(id);
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length) {
      const { rows } = await this.pool.query<{ id: string; duplicate_of: string | null; body: string }>(
        `SELECT id, duplicate_of, body FROM search_articles WHERE id = ANY($1::text[])`,
        [missing],
      );
      for (const row of rows) {
        const picked: PickedArticle = row.duplicate_of ? { id: row.id, text: row.body, duplicateOf: row.duplicate_of } : { id: row.id, text: row.body };
        out.set(row.id, picked);
        this.rememberText(picked);
      }
    }
    return out;
  }

  /** Forgets cached articles (the ingest role rewrote the archive). */
  forget(): void {
    this.cache.clear();
    this.cacheBytes = 0;
    this.textCache.clear();
    this.textBytes = 0;
  }

  /** Bytes of parsed articles the cache holds (estimated, `rowBytes`). */
  get cachedBytes(): number {
    return this.cacheBytes;
  }

  /** Keeps a candidate's text (`texts`) within a quarter of the article cache's bound (oldest out first). */
  private rememberText(picked: PickedArticle): void {
    const bytes = 2 * picked.text.length + 128;
    const bound = this.maxCacheBytes / 4;
    const old = this.textCache.get(picked.id);
    if (old) {
      this.textCache.delete(picked.id);
      this.textBytes -= 2 * old.text.length + 128;
    }
    if (bytes > bound) return;
    for (const [id, entry] of this.textCache) {
      if (this.textBytes + bytes <= bound) break;
      this.textCache.delete(id);
      this.textBytes -= 2 * entry.text.length + 128;
    }
    this.textCache.set(picked.id, picked);
    this.textBytes += bytes;
  }

  private remember(article: Article, bytes: number): void {
    const old = this.cache.get(article.id);
    if (old) {
      this.cache.delete(article.id);
      this.cacheBytes -= old.bytes;
    }
    // An article larger than the whole bound is not kept.
    if (bytes > this.maxCacheBytes) return;
    for (const [id, entry] of this.cache) {
      if (this.cacheBytes + bytes <= this.maxCacheBytes) break;
      this.cache.delete(id);
      this.cacheBytes -= entry.bytes;
    }
    this.cache.set(article.id, { article, bytes });
    this.cacheBytes += bytes;
  }

  /**
   * The query's words with the terms each stands for, as plan.ts does for the compact engine: the
   * word itself, for words of 4 letters or more its most frequent completions (at most 12 of the
   * first 4,000), and for a word of 5 letters or more the archive lacks, its closest typo variants
   * (at most 6, edit distance 1, or 2 from 8 letters; found through the trigram index) unless `typos` is false.
   */
  private async plan(query: string, typos = true): Promise<Plan | null> {
    const words = queryTerms(typeof query === 'string' ? query : '', MAX_QUERY_WORDS);
    if (!words.length) return null;
    const exp = defaultExpansion;
    const { rows } = await this.pool.query<{ i: number | null; term: string | null; df: number; head: boolean; passages: string; words: string }>(
      `SELECT NULL::integer AS i, NULL::text AS term, 0 AS df, false AS head, passages, words FROM search_totals
       UNION ALL
       SELECT w.i::integer - 1, t.term, t.df, t.head_floor IS NOT NULL, 0, 0 FROM unnest($1::text[]) WITH ORDINALITY w(word, i) JOIN search_terms t ON t.term = w.word
       UNION ALL
       SELECT w.i::integer - 1, x.term, x.df, x.head_floor IS NOT NULL, 0, 0 FROM unnest($1::text[]) WITH ORDINALITY w(word, i)
       CROSS JOIN LATERAL (SELECT term, df, head_floor FROM (SELECT term, df, head_floor FROM search_terms WHERE term > w.word AND term < w.word || chr(1114111) ORDER BY term LIMIT ${PREFIX_SCAN_CAP}) y
                           ORDER BY df DESC, term LIMIT ${exp.maxPrefixExpansions}) x
       WHERE length(w.word) >= ${exp.prefixMinLength}`,
      [words],
    );
    const totals = rows.find((r) => r.i === null)!;
    const plans: WordPlan[] = words.map((word) => ({ word, variants: [], df: 0 }));
    for (const r of rows) {
      if (r.i === null) continue;
      const plan = plans[r.i]!;
      plan.variants.push({ term: r.term!, df: r.df, head: r.head, weight: r.term === plan.word ? EXACT_WEIGHT : prefixWeight(exp.prefixWeight, plan.word.length, r.term!.length) });
    }
    for (const plan of plans) {
      if (typos && this.trigrams && plan.word.length >= exp.fuzzyMinLength && !plan.variants.some((v) => v.term === plan.word)) {
        const maxDistance = plan.word.length >= 8 ? 2 : 1;
        const near = await this.pool.query<{ term: string; df: number; head: boolean }>(
          `SELECT term, df, head_floor IS NOT NULL AS head FROM search_terms WHERE term % $1 ORDER BY similarity(term, $1) DESC LIMIT 200`,
          [plan.word],
        );
        const fuzzy = near.rows
          .map((r) => ({ ...r, distance: boundedDistance(plan.word, r.term, maxDistance) }))
          .filter((f) => f.distance <= maxDistance && !plan.variants.some((v) => v.term === f.term))
          .sort((a, b) => a.distance - b.distance || b.df - a.df)
          .slice(0, exp.maxFuzzyExpansions);
        for (const f of fuzzy) plan.variants.push({ term: f.term, df: f.df, head: f.head, weight: fuzzyWeight(exp.fuzzyWeight, f.distance) });
      }
      plan.df = plan.variants.reduce((n, v) => n + v.df, 0);
    }
    const known = plans.filter((p) => p.variants.length > 0);
    const flat = known.flatMap((p, i) => p.variants.map((v) => ({ ...v, i })));
    const passages = Number(totals.passages);
    const params = pgScoreParams(flat, passages, Number(totals.words));
    let at = 0;
    for (const w of known) for (const v of w.variants) v.factor = params.factors[at++];
    return {
      words,
      known,
      passages,
      terms: flat.map((v) => v.term),
      wordOf: flat.map((v) => v.i),
      params,
    };
  }

  /** Words of a plan worth asking the GIN index with (see `passages`): all, unless some are very common and others are not. */
  private selective(plan: Plan): WordPlan[] {
    const selective = plan.known.filter((w) => w.df <= Math.max(EXACT_LIMIT, COMMON_SHARE * plan.passages));
    return selective.length ? selective : plan.known;
  }

  /**
   * The candidate passages of a query (SQL for a row source aliased `p`; the caller still checks
   * `p.tsv @@ $7`). A word all of whose terms have heads is read from them: with `&` when it is
   * the rarest asked word (its best `HEAD_SCAN` passages, or `SINGLE_SCAN` when its one term
   * decides the order), with `|` the best `orScan` of each such term. Terms without heads are
   * read through the GIN index; when they are many, `ts_rank` (C, no idf) picks the best
   * `stageOne` of them by field boost first.
   * @param values - the query's parameters so far; those of the source are appended
   */
  private source(
    asked: readonly WordPlan[],
    op: '&' | '|',
    values: unknown[],
    stageOne: number,
    single: boolean,
    orScan = OR_SCAN,
    want = SINGLE_SCAN,
    ctes?: string[],
    perWord?: number,
  ): string {
    const heads = (terms: readonly string[], per: number) => {
      values.push(terms, per);
      return `SELECT x.* FROM unnest($${values.length - 1}::text[]) v(term)
              CROSS JOIN LATERAL (SELECT passage_id FROM search_heads h WHERE h.term = v.term ORDER BY impact DESC, is_copy, passage_id LIMIT $${values.length}) h
              JOIN search_passages x ON x.id = h.passage_id`;
    };
    // One word alone: its terms' heads merged in the order of the word's score (a passage scores its best
    // term's factor × head impact), and only the best `per` distinct passages of them read: a passage among
    // the word's best `per` is among the first `per` of its best term's head. One read for all the terms
    // (a prefix or a typo stands for up to 18), not `per` passages each.
    const merged = (variants: readonly Variant[], per: number) => {
      values.push(
        variants.map((v) => v.term),
        variants.map((v) => v.factor ?? 1),
        per,
      );
      const [t, f, n] = [values.length - 2, values.length - 1, values.length];
      return `SELECT x.* FROM (SELECT h.passage_id FROM unnest($${t}::text[], $${f}::float8[]) v(term, factor)
                CROSS JOIN LATERAL (SELECT passage_id, is_copy, impact * v.factor AS s FROM search_heads h WHERE h.term = v.term ORDER BY impact DESC, is_copy, passage_id LIMIT $${n}) h
                GROUP BY h.passage_id ORDER BY max(h.s) DESC, bool_or(h.is_copy), h.passage_id LIMIT $${n}) m
              JOIN search_passages x ON x.id = m.passage_id`;
    };
    const gin = (words: readonly WordPlan[], estimate: number) => {
      values.push(tsquery(words, op));
      const q = `$${values.length}::tsquery`;
      // Exact copies' passages are not candidates (their originals' are, ranked before them): the GIN index leaves them out.
      return estimate <= EXACT_LIMIT
        ? `SELECT * FROM search_passages WHERE tsv @@ ${q} AND NOT same_text`
        : `SELECT * FROM search_passages WHERE tsv @@ ${q} AND NOT same_text ORDER BY ts_rank(tsv, ${q}, 1) * boost DESC, is_copy, id LIMIT ${stageOne}`;
    };
    const parts: string[] = [];
    const split = (words: readonly WordPlan[], per: (headed: number) => number, one = false) => {
      const headed = words.flatMap((w) => w.variants.filter((v) => v.head));
      const rest = words.map((w) => ({ ...w, variants: w.variants.filter((v) => !v.head) })).filter((w) => w.variants.length);
      if (headed.length > 1 && one) parts.push(merged(headed, per(1)));
      else if (headed.length) parts.push(heads(headed.map((v) => v.term), per(headed.length)));
      if (rest.length) parts.push(gin(rest, rest.reduce((n, w) => n + w.variants.reduce((m, v) => m + v.df, 0), 0)));
    };
    if (op === '&') {
      const driver = asked.reduce((a, b) => (b.df < a.df ? b : a));
      // Without heads the whole query goes to the GIN index (it intersects the words' lists itself).
      if (!driver.variants.some((v) => v.head)) parts.push(gin(asked, driver.df));
      // Else the rarest word's candidates: its headed terms' heads and its other terms' passages (holding every word is checked after).
      else split([driver], (n) => (single ? singleScan(want) : Math.ceil(HEAD_SCAN / n)), single);
      if (ctes && asked.length > 1 && driver.variants.some((v) => v.head) && driver.df <= AND_TRY_DF) {
        // Several frequent words, the rarest not too frequent (`AND_TRY_DF`): when the GIN index (which intersects
        // the words' lists itself) finds at most `STAGE_ONE` passages holding them all, those are the candidates,
        // every one of them (no more scored than the head's passages that hold them all, and no head's `HEAD_SCAN`
        // passages read); else the rarest word's head as above. The GIN read stops at `STAGE_ONE` + 1 passages.
        values.push(tsquery(asked, '&'));
        ctes.push(`every AS MATERIALIZED (SELECT * FROM search_passages WHERE tsv @@ $${values.length}::tsquery AND NOT same_text LIMIT ${STAGE_ONE + 1})`);
        const few = `(SELECT count(*) FROM every) <= ${STAGE_ONE}`;
        const heads = parts.splice(0).map((x) => `SELECT * FROM (${x}) h WHERE NOT ${few}`);
        parts.push(`SELECT * FROM every WHERE ${few}`, ...heads);
      }
    } else if (perWord !== undefined) {
      // Two words, one list: each word's headed terms merged in its score order, its best `perWord` passages.
      for (const w of asked) split([w], () => perWord, true);
    } else split(asked, () => orScan);
    // A passage both in a head and matched by a rarer term comes twice; the callers keep its best row.
    return `(${parts.map((x) => `(${x})`).join(' UNION ALL ')}) p`;
  }

  /**
   * Ranked passages matching all (`&`) or any (`|`) of the known words. The GIN index is asked
   * with the selective words only (a word in most passages, like "of", filters nothing and its
   * posting list is the longest to read): holding every word is then checked on the candidates,
   * and the OR list leaves such words out unless the query has nothing else. When the candidates
   * are still many, PostgreSQL's own `ts_rank` (C, no idf) picks the best `STAGE_ONE` by field
   * boost first, and only those are scored with rank.ts's formula.
   */
  /**
   * @param found - passages already listed as holding every word (the OR list of a two-word query then
   *   reads each word's best `singleScan(limit) + found` passages, not `OR_SCAN` per term: a passage
   *   holding one word only scores that word's score, so the best of them are among that word's best,
   *   past those holding both)
   */
  private async passages(plan: Plan, op: '&' | '|', limit: number, filter?: ReadonlySet<string>, found = 0): Promise<PassageHitRow[]> {
    const { known, params } = plan;
    const asked = this.selective(plan);
    // The rows' own test: with `&`, every known word (a passage lacking a very common word is dropped before it is scored, not after).
    const rowTest = op === '&' ? tsquery(known, '&') : tsquery(asked, op);
    const values: unknown[] = [plan.terms, params.factors, params.delta, params.k1plus1, params.normA, params.normB, rowTest, limit, plan.wordOf];
    let only = '';
    let originalIn = '';
    if (filter) {
      values.push([...filter]);
      only = `AND p.article_id = ANY($${values.length}::text[])`;
      originalIn = `AND o.id = ANY($${values.length}::text[])`;
    }
    let holdsAll = '';
    if (op === '&' && asked.length < known.length) {
      values.push(known.length);
      holdsAll = `AND s.matched = $${values.length}`;
    }
    // A filter to some articles: their passages are scored (through the GIN index); else the candidates of `source`.
    const ctes: string[] = [];
    const perWord = op === '|' && known.length === 2 && asked.length === 2 ? Math.min(OR_SCAN, singleScan(limit) + found) : undefined;
    const source = filter ? `search_passages p` : this.source(asked, op, values, STAGE_ONE, op === '&' && known.length === 1, OR_SCAN, limit, ctes, perWord);
    const order = op === '&' ? 'score DESC' : 'matched DESC, score DESC';
    // A passage of a syndicated copy that another article of its story with the same text (content hash) has too,
    // ranked before it (same span, terms, length and boost: the same score; the original, or an earlier copy) can
    // never be picked (its text is already there): it is skipped, so the copies of a story do not fill the window.
    // Checked on the ranked rows as they are read (the subquery keeps its order): about `limit` × copies of them.
    // The original first (one look-up, and most copies have it), then the story's other copies.
    const sameText = (story: string) => `EXISTS (SELECT 1 FROM search_articles c
         JOIN search_articles o ON ${story} AND o.content_hash = c.content_hash ${originalIn}
         JOIN search_passages op ON op.article_id = o.id AND op.span_start = r.span_start AND op.span_end = r.span_end
                                 AND op.boost = r.boost AND op.words = r.words AND op.tsv = r.tsv AND (NOT op.is_copy OR op.id < r.id)
         WHERE c.id = r.article_id)`;
    const { rows } = await this.pool.query<PassageHitRow>(
      `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[], $9::integer[]) AS q(term, factor, i))${ctes.map((c) => `, ${c}`).join('')}
       SELECT r.article_id, r.span_start, r.span_end, r.first_sentence, r.sentence_count, r.score, r.matched FROM (
         SELECT p.article_id, p.span_start, p.span_end, p.first_sentence, p.sentence_count,
                p.boost * s.total AS score, s.matched::integer AS matched, p.id, p.is_copy, p.boost, p.words, p.tsv
         FROM ${source}
         CROSS JOIN LATERAL ${PASSAGE_SCORE(plan.terms.length === known.length)} s
         WHERE p.tsv @@ $7::tsquery ${only} ${holdsAll}
         ORDER BY ${order}, p.is_copy, p.id
         OFFSET 0) r
       WHERE NOT (r.is_copy AND (${sameText('o.id = c.duplicate_of')} OR ${sameText('o.duplicate_of = c.duplicate_of AND o.id <> c.id')}))
       LIMIT $8`,
      values,
    );
    return rows;
  }

  /**
   * Best passages for a free-text query, as `Library.search`: passages holding every word first,
   * then (to fill the list) those holding most of them. Returns the hits and the articles they quote.
   */
  async search(query: string, options: SearchOptions = {}): Promise<{ hits: SearchHit[]; articles: Map<string, Article> }> {
    const limit = count(options.limit, 5);
    const perArticle = Math.max(1, count(options.perArticle, 2));
    const planned = limit === 0 ? null : await this.plan(query);
    if (!planned || !planned.known.length) return { hits: [], articles: new Map() };
    const { words, known } = planned;
    const want = limit * perArticle + CANDIDATE_SLACK;
    let rows = known.length === words.length ? await this.passages(planned, '&', want, options.articleIds) : [];
    if (rows.length < want && (known.length > 1 || known.length < words.length)) {
      const seen = new Set(rows.map((r) => `${r.article_id}\u0000${r.span_start}`));
      const more = await this.passages(planned, '|', want, options.articleIds, rows.length);
      rows = rows.concat(more.filter((r) => !seen.has(`${r.article_id}\u0000${r.span_start}`)));
    }
    const texts = await this.texts(rows.map((r) => r.article_id));
    const picker = new HitPicker(limit, perArticle, planned.known);
    for (const row of rows) {
      const article = texts.get(row.article_id);
      if (article && picker.offer(article, row)) break;
    }
    // Only the quoted articles are read whole (their layout and annotations parsed).
    const articles = await this.articles(picker.hits.map((h) => h.articleId));
    const quoted = new Map<string, Article>();
    for (const hit of picker.hits) quoted.set(hit.articleId, articles.get(hit.articleId)!);
    return { hits: picker.hits, articles: quoted };
  }

  /**
   * Ids of matching articles, best first, as `Library.searchArticles`: an article scores, per
   * word, its best passage's score for that word, summed (rank.ts's `articleScore`); articles
   * holding every word come first, and only they when there are any. A syndicated copy is left
   * out when its original is listed.
   */
  async searchArticles(query: string, limit = 20, options: ArticleSearchOptions = {}): Promise<string[]> {
    const max = count(limit, 20);
    const planned = max === 0 ? null : await this.plan(query, options.typos !== false);
    if (!planned || !planned.known.length) return [];
    const { words, known, params } = planned;
    // As in `passages`: the selective words' candidates (heads of frequent terms, the GIN index for the others).
    const asked = this.selective(planned);
    const values: unknown[] = [planned.terms, params.factors, params.delta, params.k1plus1, params.normA, params.normB, tsquery(asked, '|'), max * 2 + CANDIDATE_SLACK, planned.wordOf];
    const source = this.source(asked, '|', values, STAGE_ONE_ARTICLES, false, HEAD_SCAN);
    const { rows } = await this.pool.query<{ article_id: string; duplicate_of: string | null; score: number; matched: number }>(
      `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[], $9::integer[]) AS q(term, factor, i)),
            per AS (SELECT p.article_id, q.i, max(p.boost * ${SCORE_SQL}) AS s, bool_or(p.is_copy) AS copy
                    FROM ${source} CROSS JOIN LATERAL ${QUERY_LEXEMES('p')} u JOIN q ON q.term = u.lexeme
                    WHERE p.tsv @@ $7::tsquery GROUP BY p.article_id, q.i),
            agg AS (SELECT article_id, sum(s) AS score, count(*)::integer AS matched, bool_or(copy) AS copy FROM per GROUP BY article_id),
            -- A copy whose original is a candidate ranking at least as high is left out here (as the compact engine
            -- ranks a copy only when its original is not), so the copies of a story do not fill the window.
            -- Hash joins: only the copies' rows are looked up, and each once.
            orig AS (SELECT g.article_id, a.duplicate_of FROM agg g JOIN search_articles a ON a.id = g.article_id WHERE g.copy),
            ranked AS (SELECT g.article_id, g.score, g.matched, g.copy FROM agg g
                       LEFT JOIN orig c ON c.article_id = g.article_id LEFT JOIN agg o ON o.article_id = c.duplicate_of
                       WHERE o.article_id IS NULL OR o.matched < g.matched OR (o.matched = g.matched AND o.score < g.score)
                       ORDER BY g.matched DESC, g.score DESC, g.copy, g.article_id LIMIT $8)
       SELECT r.article_id, a.duplicate_of, r.score, r.matched FROM ranked r JOIN search_articles a ON a.id = r.article_id
       ORDER BY r.matched DESC, r.score DESC, r.copy, r.article_id`,
      values,
    );
    const all = words.length === known.length ? rows.filter((r) => r.matched === words.length) : [];
    const list = all.length ? all : rows;
    const ids = new Set(list.map((r) => r.article_id));
    return list
      .filter((r) => !r.duplicate_of || !ids.has(r.duplicate_of))
      .slice(0, max)
      .map((r) => r.article_id);
  }

  /**
   * "Did you mean": terms of the archive close to a word, closest first, then most frequent, as the
   * compact engine's `closeTerms` (edit distance 1 for words of up to three letters, else 2, then
   * completions). Candidates come from the trigram index when there is one, and from prefixes.
   */
  async suggest(query: string, limit = 5, trigrams = true): Promise<string[]> {
    const words = queryTerms(typeof query === 'string' ? query : '', 1);
    const word = words[0];
    const max = count(limit, 5);
    if (!word || max === 0) return [];
    const maxDistance = word.length <= 3 ? 1 : 2;
    const found = new Map<string, { distance: number; df: number }>();
    if (trigrams) {
      const { rows } = await this.pool.query<{ term: string; df: number }>(
        `SELECT term, df FROM search_terms WHERE term % $1 ORDER BY similarity(term, $1) DESC, df DESC LIMIT 200`,
        [word],
      );
      for (const r of rows) {
        const d = boundedDistance(word, r.term, maxDistance);
        if (d <= maxDistance) found.set(r.term, { distance: d, df: r.df });
      }
    }
    if (word.length >= 2) {
      const { rows } = await this.pool.query<{ term: string; df: number }>(
        `SELECT term, df FROM search_terms WHERE term >= $1 AND term < $1 || chr(1114111) ORDER BY term LIMIT 2000`,
        [word],
      );
      for (const r of rows) if (!found.has(r.term)) found.set(r.term, { distance: maxDistance + 0.5, df: r.df });
    }
    return [...found.entries()]
      .filter(([term]) => term.length > 1)
      .sort((a, b) => a[1].distance - b[1].distance || b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
      .slice(0, max)
      .map(([term]) => term);
  }

  /** Articles in the archive. */
  async size(): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM search_articles`);
    return Number(rows[0]!.n);
  }
}

/** Edit distance of two words, or `max + 1` once it exceeds `max` (the words are at most 40 letters). */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < low) low = v;
    }
    if (low > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** What the hit picker reads of an article: its id, its story (the original of a copy) and its text. */
type PickedArticle = Pick<Article, 'id' | 'duplicateOf' | 'text'>;

/** Picks hits in rank order: at most `perArticle` per story (copies count with their original), no repeated passage text. */
class HitPicker {
  readonly hits: SearchHit[] = [];
  private readonly diversity: StoryDiversity;

  constructor(
    private readonly limit: number,
    perArticle: number,
    private readonly words: readonly WordPlan[],
  ) {
    this.diversity = new StoryDiversity(perArticle);
  }

  /** Adds the passage if diversity allows; returns true when the list is full. */
  offer(article: PickedArticle, row: PassageHitRow): boolean {
    if (this.hits.length >= this.limit) return true;
    const start = row.span_start;
    const end = row.span_end;
    // StoryDiversity reads the id, the copy mark and the text only.
    if (!this.diversity.admit(article as Article, start, end)) return false;
    const wanted = new Set(this.words.flatMap((w) => w.variants.map((v) => v.term)));
    const matched = new Set<string>();
    const highlights: Span[] = [];
    forEachWord(article.text, start, end, (term, from, to) => {
      if (!wanted.has(term)) return;
      matched.add(term);
      highlights.push({ start: from, end: to });
    });
    this.hits.push({
      articleId: article.id,
      span: { start, end },
      sentences: Array.from({ length: row.sentence_count }, (_, i) => row.first_sentence + i),
      score: row.score,
      terms: this.words.filter((w) => w.variants.some((v) => matched.has(v.term))).map((w) => w.word),
      highlights,
    });
    return this.hits.length >= this.limit;
  }
}
