/**
 * Grouping: statements that make the same claim (in one article or across syndicated and
 * re-reporting articles) become one group, and denials and disputes sit beside the claim they
 * answer. Works on the few hundred statements of a topic's candidate articles, at query time.
 */
import type { Article } from '../core/types.js';
import { claimantKey } from './claimants.js';
import type { Statement } from './types.js';

/** One statement as it appears in one article. */
export interface Appearance {
  article: Article;
  statement: Statement;
  /** 2 when the statement itself mentions the topic; 1 to 1.5 when only its article does (more when near a mention). */
  relevance: number;
  /** Position of the article in the candidate list (a tie-breaker that keeps results stable). */
  order: number;
}

/** A claim and the statements about it. */
export interface ClaimGroup {
  /** Stable within one answer: "c1", "c2", … in display order. */
  id: string;
  /** Statements that assert or confirm the claim. */
  claims: Appearance[];
  /** Statements that deny or dispute it. */
  responses: Appearance[];
  relevance: number;
  /** Earliest publication date among its appearances (YYYY-MM-DD), or null when none is known. */
  first: string | null;
}

const STOP = new Set(
  ('a an the of to in on at for from by with and or but that this these those is was are were be been has have had ' +
    'it its their his her they he she we i you as than then there which who what when where will would could should ' +
    'can may might not no also such into about over after before more most other some any all said says say told ' +
    'claimed claims claim reported report according further').split(' '),
);

/** Content words of a text, lightly stemmed, for comparing claims. */
function claimTerms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) {
    let word = m[0];
    if (word.length < 3 || STOP.has(word)) continue;
    word = word.replace(/(?:ing|ed|es|s|ian|ians)$/, '');
    if (word.length >= 3) out.add(word);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.min(a.size, b.size);
}

interface Working {
  claims: Appearance[];
  responses: Appearance[];
  terms: Set<string>;
  keys: Set<string>;
  texts: Set<string>;
}

const textOf = (a: Appearance, which: 'content' | 'span') => a.article.text.slice(a.statement[which].start, a.statement[which].end);
const dateOf = (a: Appearance) => a.article.meta.published;

/** Earlier date first; unknown dates last; then candidate order, then position in the article. */
function chronological(a: Appearance, b: Appearance): number {
  const dateA = dateOf(a);
  const dateB = dateOf(b);
  if (dateA !== dateB) return dateA === null ? 1 : dateB === null ? -1 : dateA < dateB ? -1 : 1;
  return a.order - b.order || a.statement.span.start - b.statement.span.start;
}

/**
 * Groups appearances into claims with their denials.
 * @returns groups ordered by relevance, then by date of first appearance
 */
export function groupClaims(appearances: readonly Appearance[]): ClaimGroup[] {
  const sorted = [...appearances].sort(chronological);
  const groups: Working[] = [];
  const assertive = sorted.filter((a) => a.statement.kind === 'attributed' && (a.statement.stance === 'asserts' || a.statement.stance === 'confirms'));
  const isAssertive = new Set(assertive);
  const answering = sorted.filter((a) => !isAssertive.has(a));

  for (const a of assertive) {
    const terms = claimTerms(textOf(a, 'content'));
    const snippet = textOf(a, 'span');
    let best: Working | null = null;
    let bestScore = 0;
    for (const g of groups) {
      const sameClaimant = a.statement.claimantKeys.some((k) => g.keys.has(k));
      const needed = sameClaimant ? 0.25 : 0.5;
      const known = g.texts.has(snippet);
      // Jaccard is at most min/max of the two sizes: a group that cannot win is not compared word by word.
      if (!known && g.terms.size && terms.size) {
        const most = Math.min(terms.size, g.terms.size) / Math.max(terms.size, g.terms.size);
        if (most < needed || most <= bestScore) continue;
      }
      const sim = known ? 1 : jaccard(terms, g.terms);
      if (sim >= needed && sim > bestScore) (best = g), (bestScore = sim);
    }
    if (!best) {
      best = { claims: [], responses: [], terms: new Set(), keys: new Set(), texts: new Set() };
      groups.push(best);
    }
    best.claims.push(a);
    for (const t of terms) best.terms.add(t);
    for (const k of a.statement.claimantKeys) best.keys.add(k);
    best.texts.add(snippet);
  }

  for (const r of answering) {
    const statement = r.statement;
    const answered = statement.answers ? claimantKey(statement.answers.replace(/\s*\(([^)]+)\)$/, '')) : null;
    const acronym = statement.answers ? /\(([^)]+)\)$/.exec(statement.answers)?.[1]?.toLowerCase() ?? null : null;
    const terms = claimTerms(textOf(r, 'span'));
    const earlier = (c: Appearance) => c.article.id === r.article.id && c.statement.span.start <= statement.span.start;
    let best: Working | null = null;
    let bestScore = 0;
    for (const g of groups) {
      if (!g.claims.length) continue;
      let score = overlap(terms, g.terms);
      if ((answered && g.keys.has(answered)) || (acronym && g.keys.has(acronym))) score += 1;
      // The outlet's own doubt ("could not be independently verified") answers a claim of the same article.
      const earlierHere = g.claims.some(earlier) || g.responses.some(earlier);
      if (statement.kind === 'outlet') score = earlierHere ? score + 0.5 : 0;
      // "called the report fictitious": an anaphoric denial answers the claim its article just reported.
      else if (earlierHere && !answered) score += 0.4;
      // Between equal candidates, the claim reported most often is the one being answered.
      score += Math.min(0.1, 0.02 * g.claims.length);
      if (score > bestScore) (best = g), (bestScore = score);
    }
    if (best && bestScore >= 0.35) best.responses.push(r);
    else if (statement.kind === 'attributed') groups.push({ claims: [], responses: [r], terms, keys: new Set(), texts: new Set() });
  }

  const ranked = groups.map((g) => {
    const all = [...g.claims, ...g.responses].sort(chronological);
    const relevance = Math.max(...all.map((a) => a.relevance)) + Math.min(0.5, 0.1 * new Set(all.map((a) => a.article.id)).size) +
      (g.claims.length && g.responses.length ? 0.3 : 0) + Math.min(0.2, 0.05 * all.length);
    return { g, relevance, first: all[0] ?? null };
  });
  ranked.sort((x, y) => y.relevance - x.relevance || (x.first && y.first ? chronological(x.first, y.first) : 0));
  return ranked.map(({ g, relevance, first }, i) => ({
    id: `c${i + 1}`,
    claims: g.claims,
    responses: g.responses.sort(chronological),
    relevance,
    first: first ? dateOf(first) : null,
  }));
}
