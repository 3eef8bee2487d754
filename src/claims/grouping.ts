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

interface Working {
  claims: Appearance[];
  responses: Appearance[];
  terms: Set<string>;
  keys: Set<string>;
  texts: Set<string>;
  /** Per article, the earliest start of a statement of this group (for "answers a claim its article just reported"). */
  firstAt: Map<string, number>;
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
 * The groups, with an index from each term to the groups holding it, so a statement counts the
 * terms it shares with every group in one pass over its own terms' lists (not a set comparison per group).
 */
class Groups {
  readonly list: Working[] = [];
  private readonly byTerm = new Map<string, number[]>();
  private readonly byText = new Map<string, number[]>();

  add(terms: Set<string>, snippet: string | null): Working {
    const g: Working = { claims: [], responses: [], terms: new Set(), keys: new Set(), texts: new Set(), firstAt: new Map() };
    this.list.push(g);
    this.addTerms(this.list.length - 1, terms);
    if (snippet !== null) this.addText(this.list.length - 1, snippet);
    return g;
  }

  addTerms(index: number, terms: Set<string>): void {
    const g = this.list[index]!;
    for (const t of terms) {
      if (g.terms.has(t)) continue;
      g.terms.add(t);
      const list = this.byTerm.get(t);
      if (list) list.push(index);
      else this.byTerm.set(t, [index]);
    }
  }

  addText(index: number, snippet: string): void {
    const g = this.list[index]!;
    if (g.texts.has(snippet)) return;
    g.texts.add(snippet);
    const list = this.byText.get(snippet);
    if (list) list.push(index);
    else this.byText.set(snippet, [index]);
  }

  /** Terms of `terms` each group holds, by group index (0 for groups sharing none). */
  shared(terms: Set<string>): Uint32Array {
    const counts = new Uint32Array(this.list.length);
    for (const t of terms) for (const i of this.byTerm.get(t) ?? []) counts[i]!++;
    return counts;
  }

  /** Indexes of the groups that share a term with `terms` or already hold `snippet`, in group order. */
  touching(counts: Uint32Array, snippet: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < counts.length; i++) if (counts[i]) out.push(i);
    const same = this.byText.get(snippet);
    if (!same) return out;
    const all = new Set([...out, ...same]);
    return [...all].sort((a, b) => a - b);
  }
}

/** Records that a statement of `a`'s article at its start belongs to `g`. */
function noteArticle(g: Working, a: Appearance): void {
  const at = g.firstAt.get(a.article.id);
  if (at === undefined || a.statement.span.start < at) g.firstAt.set(a.article.id, a.statement.span.start);
}

/**
 * Groups appearances into claims with their denials.
 * @returns groups ordered by relevance, then by date of first appearance
 */
export function groupClaims(appearances: readonly Appearance[]): ClaimGroup[] {
  const sorted = [...appearances].sort(chronological);
  const all = new Groups();
  const groups = all.list;
  const assertive = sorted.filter((a) => a.statement.kind === 'attributed' && (a.statement.stance === 'asserts' || a.statement.stance === 'confirms'));
  const isAssertive = new Set(assertive);
  const answering = sorted.filter((a) => !isAssertive.has(a));

  for (const a of assertive) {
    const terms = claimTerms(textOf(a, 'content'));
    const snippet = textOf(a, 'span');
    const counts = all.shared(terms);
    let best = -1;
    let bestScore = 0;
    // A group sharing no term and not holding the same snippet scores 0, below any threshold: only the others are read.
    for (const i of all.touching(counts, snippet)) {
      const g = groups[i]!;
      const sameClaimant = a.statement.claimantKeys.some((k) => g.keys.has(k));
      const needed = sameClaimant ? 0.25 : 0.5;
      // Jaccard as shared / union of the two term sets.
      const sim = g.texts.has(snippet) ? 1 : !terms.size || !g.terms.size ? 0 : counts[i]! / (terms.size + g.terms.size - counts[i]!);
      if (sim >= needed && sim > bestScore) (best = i), (bestScore = sim);
    }
    if (best < 0) {
      all.add(new Set(), null);
      best = groups.length - 1;
    }
    const g = groups[best]!;
    g.claims.push(a);
    noteArticle(g, a);
    all.addTerms(best, terms);
    for (const k of a.statement.claimantKeys) g.keys.add(k);
    all.addText(best, snippet);
  }

  for (const r of answering) {
    const statement = r.statement;
    const answered = statement.answers ? claimantKey(statement.answers.replace(/\s*\(([^)]+)\)$/, '')) : null;
    const acronym = statement.answers ? /\(([^)]+)\)$/.exec(statement.answers)?.[1]?.toLowerCase() ?? null : null;
    const terms = claimTerms(textOf(r, 'span'));
    const counts = all.shared(terms);
    let best: Working | null = null;
    let bestScore = 0;
    for (const [i, g] of groups.entries()) {
      if (!g.claims.length) continue;
      // Overlap as shared / the smaller term set.
      let score = !terms.size || !g.terms.size ? 0 : counts[i]! / Math.min(terms.size, g.terms.size);
      if ((answered && g.keys.has(answered)) || (acronym && g.keys.has(acronym))) score += 1;
      // The outlet's own doubt ("could not be independently verified") answers a claim of the same article.
      const earlierHere = (g.firstAt.get(r.article.id) ?? Infinity) <= statement.span.start;
      if (statement.kind === 'outlet') score = earlierHere ? score + 0.5 : 0;
      // "called the report fictitious": an anaphoric denial answers the claim its article just reported.
      else if (earlierHere && !answered) score += 0.4;
      // Between equal candidates, the claim reported most often is the one being answered.
      score += Math.min(0.1, 0.02 * g.claims.length);
      if (score > bestScore) (best = g), (bestScore = score);
    }
    if (best && bestScore >= 0.35) {
      best.responses.push(r);
      noteArticle(best, r);
    } else if (statement.kind === 'attributed') {
      const g = all.add(terms, null);
      g.responses.push(r);
      noteArticle(g, r);
    }
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
