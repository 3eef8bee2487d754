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
import type { SearchHit, SearchOptions } from '../../core/ports.js';
import type { Article, Span } from '../../core/types.js';
import { pgScoreParams, wordScoreSql } from '../../search/pg-rank.js';
import { forEachWord, queryTerms } from '../../search/tokenize.js';
import { articleFromRow, type ArticleRow } from './article-rows.js';

/** Most distinct query words used (as the compact engine's `maxQueryWords`). */
const MAX_QUERY_WORDS = 24;
/** Most passages ranked per query beyond what the picker needs (diversity drops some). */
const CANDIDATE_SLACK = 40;
/** A word in more than this share of passages (and more than `EXACT_LIMIT` of them) is too common to ask the GIN index with (see `passages`). */
const COMMON_SHARE = 0.2;
/** Candidates scored exactly with rank.ts's formula; past this, `ts_rank` picks `STAGE_ONE` of them first. */
const EXACT_LIMIT = 5000;
const STAGE_ONE = 500;
/** Passages `ts_rank` picks first for an article search with many candidates. */
const STAGE_ONE_ARTICLES = 4000;
/** Most articles kept parsed between requests. */
const ARTICLE_CACHE = 500;

const count = (x: number | undefined, fallback: number): number => (Number.isFinite(x) ? Math.max(0, Math.floor(x!)) : fallback);

/** A tsquery literal of terms joined by `op`. */
const tsquery = (terms: readonly string[], op: '&' | '|'): string => terms.map((t) => `'${t}'`).join(` ${op} `);

const SCORE = wordScoreSql('q.factor', 'u.positions', 'p.words', { d: '$3::float8', k: '$4::float8', a: '$5::float8', b: '$6::float8' });

/** A query's words, those the archive has with their passage counts, and the score parameters. */
interface Plan {
  words: string[];
  known: string[];
  dfs: number[];
  passages: number;
  params: ReturnType<typeof pgScoreParams>;
}

interface PassageHitRow {
  article_id: string;
  span_start: number;
  span_end: number;
  first_sentence: number;
  sentence_count: number;
  duplicate_of: string | null;
  score: number;
  matched: number;
}

/** Search over the archive in PostgreSQL (see the module comment). */
export class PgSearchIndex {
  readonly backend = 'postgres' as const;
  readonly snapshots = false;
  private readonly cache = new Map<string, Article>();

  constructor(private readonly pool: pg.Pool) {}

  /** Articles by id (those the archive has), parsed from their rows; recent ones come from a small cache. */
  async articles(ids: Iterable<string>): Promise<Map<string, Article>> {
    const out = new Map<string, Article>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const hit = this.cache.get(id);
      if (hit) out.set(id, hit);
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
        this.remember(article);
      }
    }
    return out;
  }

  /** Forgets cached articles (the ingest role rewrote the archive). */
  forget(): void {
    this.cache.clear();
  }

  private remember(article: Article): void {
    if (this.cache.size >= ARTICLE_CACHE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(article.id, article);
  }

  /** Query words with their passage counts (words the archive lacks have none), and the totals. */
  private async plan(query: string): Promise<Plan | null> {
    const words = queryTerms(typeof query === 'string' ? query : '', MAX_QUERY_WORDS);
    if (!words.length) return null;
    const { rows } = await this.pool.query<{ term: string | null; df: number; passages: string; words: string }>(
      `SELECT t.term, t.df, s.passages, s.words FROM search_totals s LEFT JOIN search_terms t ON t.term = ANY($1::text[])`,
      [words],
    );
    const df = new Map(rows.filter((r) => r.term !== null).map((r) => [r.term!, r.df]));
    const known = words.filter((w) => df.has(w));
    const passages = Number(rows[0]?.passages ?? 0);
    const dfs = known.map((w) => df.get(w)!);
    return { words, known, dfs, passages, params: pgScoreParams(dfs, passages, Number(rows[0]?.words ?? 0)) };
  }

  /**
   * Ranked passages matching all (`&`) or any (`|`) of the known words. The GIN index is asked
   * with the selective words only (a word in most passages, like "of", filters nothing and its
   * posting list is the longest to read): holding every word is then checked on the candidates,
   * and the OR list leaves such words out unless the query has nothing else. When the candidates
   * are still many, PostgreSQL's own `ts_rank` (C, no idf) picks the best `STAGE_ONE` by field
   * boost first, and only those are scored with rank.ts's formula.
   */
  private async passages(plan: Plan, op: '&' | '|', limit: number, filter?: ReadonlySet<string>): Promise<PassageHitRow[]> {
    const { known, dfs, passages, params } = plan;
    const selective = known.filter((_, i) => dfs[i]! <= Math.max(EXACT_LIMIT, COMMON_SHARE * passages));
    const asked = selective.length ? selective : known;
    const estimate = op === '&' ? Math.min(...asked.map((w) => dfs[known.indexOf(w)]!)) : asked.reduce((n, w) => n + dfs[known.indexOf(w)]!, 0);
    const values: unknown[] = [known, params.factors, params.delta, params.k1plus1, params.normA, params.normB, tsquery(asked, op), limit];
    let only = '';
    if (filter) {
      values.push([...filter]);
      only = `AND p.article_id = ANY($${values.length}::text[])`;
    }
    let holdsAll = '';
    if (op === '&' && asked.length < known.length) {
      values.push(known.length);
      holdsAll = `AND s.matched = $${values.length}`;
    }
    // Few candidates (or a filter to few articles): score them all; many: ts_rank picks the best first.
    const source =
      estimate <= EXACT_LIMIT || filter
        ? `search_passages p`
        : `(SELECT * FROM search_passages p WHERE p.tsv @@ $7::tsquery ORDER BY ts_rank(p.tsv, $7::tsquery, 1) * p.boost DESC LIMIT ${STAGE_ONE}) p`;
    const order = op === '&' ? 'score DESC' : 'matched DESC, score DESC';
    const { rows } = await this.pool.query<PassageHitRow>(
      `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS q(term, factor))
       SELECT p.article_id, p.span_start, p.span_end, p.first_sentence, p.sentence_count, a.duplicate_of,
              p.boost * s.total AS score, s.matched::integer AS matched
       FROM ${source}
       JOIN search_articles a ON a.id = p.article_id
       CROSS JOIN LATERAL (SELECT sum(${SCORE}) AS total, count(*) AS matched FROM unnest(p.tsv) u JOIN q ON q.term = u.lexeme) s
       WHERE p.tsv @@ $7::tsquery ${only} ${holdsAll}
       ORDER BY ${order}, (a.duplicate_of IS NOT NULL), p.id
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
      const more = await this.passages(planned, '|', want, options.articleIds);
      rows = rows.concat(more.filter((r) => !seen.has(`${r.article_id}\u0000${r.span_start}`)));
    }
    const articles = await this.articles(rows.map((r) => r.article_id));
    const picker = new HitPicker(limit, perArticle, words);
    for (const row of rows) {
      const article = articles.get(row.article_id);
      if (article && picker.offer(article, row)) break;
    }
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
  async searchArticles(query: string, limit = 20): Promise<string[]> {
    const max = count(limit, 20);
    const planned = max === 0 ? null : await this.plan(query);
    if (!planned || !planned.known.length) return [];
    const { words, known, dfs, passages, params } = planned;
    // As in `passages`: the GIN index is asked with the selective words; many candidates go through ts_rank first.
    const selective = known.filter((_, i) => dfs[i]! <= Math.max(EXACT_LIMIT, COMMON_SHARE * passages));
    const asked = selective.length ? selective : known;
    const estimate = asked.reduce((n, w) => n + dfs[known.indexOf(w)]!, 0);
    const source =
      estimate <= EXACT_LIMIT
        ? `search_passages p`
        : `(SELECT * FROM search_passages p WHERE p.tsv @@ $7::tsquery ORDER BY ts_rank(p.tsv, $7::tsquery, 1) * p.boost DESC LIMIT ${STAGE_ONE_ARTICLES}) p`;
    const { rows } = await this.pool.query<{ article_id: string; duplicate_of: string | null; score: number; matched: number }>(
      `WITH q AS (SELECT * FROM unnest($1::text[], $2::float8[]) AS q(term, factor)),
            per AS (SELECT p.article_id, q.term, max(p.boost * ${SCORE}) AS s
                    FROM ${source} CROSS JOIN LATERAL unnest(p.tsv) u JOIN q ON q.term = u.lexeme
                    WHERE p.tsv @@ $7::tsquery GROUP BY p.article_id, q.term),
            ranked AS (SELECT article_id, sum(s) AS score, count(*)::integer AS matched FROM per GROUP BY article_id
                       ORDER BY matched DESC, score DESC, article_id LIMIT $8)
       SELECT r.article_id, a.duplicate_of, r.score, r.matched FROM ranked r JOIN search_articles a ON a.id = r.article_id
       ORDER BY r.matched DESC, r.score DESC, r.article_id`,
      [known, params.factors, params.delta, params.k1plus1, params.normA, params.normB, tsquery(asked, '|'), max * 2 + CANDIDATE_SLACK],
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

/** Picks hits in rank order: at most `perArticle` per story (copies count with their original), no repeated passage text. */
class HitPicker {
  readonly hits: SearchHit[] = [];
  private readonly perStory = new Map<string, number>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly limit: number,
    private readonly perArticle: number,
    private readonly words: string[],
  ) {}

  /** Adds the passage if diversity allows; returns true when the list is full. */
  offer(article: Article, row: PassageHitRow): boolean {
    if (this.hits.length >= this.limit) return true;
    const start = row.span_start;
    const end = row.span_end;
    const story = article.duplicateOf ?? article.id;
    const n = this.perStory.get(story) ?? 0;
    if (n >= this.perArticle) return false;
    const uid = `${article.id}\u0000${start}`;
    const text = article.text.slice(start, end).replace(/\s+/g, ' ').trim().toLowerCase();
    if (this.seen.has(uid) || this.seen.has(text)) return false;
    this.seen.add(uid).add(text);
    this.perStory.set(story, n + 1);
    const wanted = new Set(this.words);
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
      terms: this.words.filter((w) => matched.has(w)),
      highlights,
    });
    return this.hits.length >= this.limit;
  }
}
