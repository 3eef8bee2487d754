/**
 * The ranking of rank.ts written as SQL, for the PostgreSQL backend: a passage scores
 *
 *     boost × Σ over query words present of max over the word's terms of weight × idf(df, N) × (δ + tf·(k1+1) / (tf + lengthNorm(words, avgWords)))
 *
 * i.e. `passageScore(Σ wordScore, passageBoost)` with `wordScore` the best `termScore(termFactor(weight, df, N), tf, len, avgLen)`
 * (rank.ts), with tf read from the passage's tsvector positions, df and N from the archive's
 * vocabulary counts, and the boost of the passage's field (`SEARCH_FIELDS`) stored on its row.
 * The BM25+ constants are read back from rank.ts's own functions, so there is one formula.
 *
 * Not PostgreSQL's `ts_rank`/`ts_rank_cd`: they know no idf (a rare word weighs what a common one
 * does), and their four weight labels A–D cannot carry our five field boosts (caption 0.5 and
 * dateline 0.7 would share D), whereas one passage is one field, so a per-row boost is exact.
 * A word's terms (itself, prefix completions, typo variants) and their weights are plan.ts's.
 */
import { idf, lengthNorm, normedTfWeight, termFactor } from './rank.js';

/** The numbers a query's SQL score needs (see `scoreSql`). */
export interface PgScoreParams {
  /** Per index term a query word stands for, its factor: `termFactor(weight, df, passages)`. */
  factors: number[];
  /** δ, k1+1, and lengthNorm(len) = normA + normB·len. */
  delta: number;
  k1plus1: number;
  normA: number;
  normB: number;
}

/**
 * The score parameters for the index terms of a query (each with its passage count and expansion
 * weight: `EXACT_WEIGHT` for the word itself, less for a completion or typo variant), over
 * `passages` passages of `words` words.
 */
export function pgScoreParams(terms: readonly { df: number; weight: number }[], passages: number, words: number): PgScoreParams {
  const n = Math.max(1, passages);
  const avg = Math.max(1, words) / n;
  const normA = lengthNorm(0, avg);
  const delta = normedTfWeight(0, 1);
  return {
    factors: terms.map((t) => termFactor(t.weight, t.df, n)),
    delta,
    k1plus1: normedTfWeight(1, 0) - delta,
    normA,
    normB: lengthNorm(1, avg) - normA,
  };
}

/**
 * SQL for the score of one query word in passage alias `p`, given its factor expression and the
 * tsvector entry `u` (from `unnest(p.tsv)`): `termScore` of rank.ts. Placeholders `$d`, `$k`, `$a`,
 * `$b` are replaced by the caller's parameter numbers.
 */
export function wordScoreSql(factor: string, positions: string, words: string, params: { d: string; k: string; a: string; b: string }): string {
  const tf = `cardinality(${positions})`;
  return `${factor} * (${params.d} + ${tf} * ${params.k} / (${tf} + ${params.a} + ${params.b} * ${words}))`;
}

/** The idf rank.ts uses (re-exported for tests that compare the SQL score with it). */
export { idf };

/** The length and tf constants of `headImpact` for an average passage length (`pgScoreParams`' numbers without the factors). */
export function headParams(avgWords: number): Omit<PgScoreParams, 'factors'> {
  const { delta, k1plus1, normA, normB } = pgScoreParams([], 1, avgWords);
  return { delta, k1plus1, normA, normB };
}

/**
 * Head impact of a term in a passage (the order of a frequent term's head, search_heads): the
 * passage's score for the one-word query of that term without its idf (a constant per term):
 * boost × (δ + tf·(k1+1) / (tf + lengthNorm(words))), with the boost as the row stores it
 * (float4) and the length constants of the average the heads were built with (`headParams`).
 * Within one term this orders passages as rank.ts scores them (exactly, while the average is
 * that one). The operations are those of `headImpactSql`, in its order, so both give one number.
 */
export function headImpact(tf: number, words: number, boost: number, p: Omit<PgScoreParams, 'factors'>): number {
  return (p.delta + (tf * p.k1plus1) / (tf + p.normA + p.normB * words)) * Math.fround(boost);
}

/** `headImpact` as SQL over expressions for tf, words and the stored boost, and placeholders for `headParams`' numbers. */
export function headImpactSql(tf: string, words: string, boost: string, params: { d: string; k: string; a: string; b: string }): string {
  return `((${params.d} + ${tf} * ${params.k} / (${tf} + ${params.a} + ${params.b} * ${words})) * ${boost}::float8)`;
}
