/**
 * The search engine over one or more segments (the main index plus a small delta for live
 * corpus changes). Every query reads a bounded number of postings: AND-first over the rarest
 * required word's impact-ordered list, exact checks through the forward index, then an OR
 * fallback over the best postings of each word.
 */
import type { ArticleSearchOptions, SearchHit, SearchOptions } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { defaultExpansion, planWords, type ExpansionOptions, type WordPlan } from './plan.js';
import { articleScore, passageBoost, passageScore, wordScore } from './rank.js';
import type { Segment } from './segment.js';
import { HitPicker, type Candidate } from './hit-picker.js';
import { closeTerms } from './suggest.js';
import { queryTerms } from './tokenize.js';

/** Tuning knobs of the engine; every field optional, merged over `defaultEngineOptions`. */
export interface EngineOptions extends ExpansionOptions {
  /** Most postings the AND phase reads from the driving word, per segment. @defaultValue 8000 */
  andScanLimit: number;
  /** Candidates read per word variant when one word alone decides the order. @defaultValue 300 */
  singleWordScan: number;
  /** Postings read per word variant in the OR fallback. @defaultValue 400 */
  orScanLimit: number;
  /** A word in more than this share of passages ("the", "said") scores but is not required. @defaultValue 0.2 */
  weakWordShare: number;
  /** Most distinct words of a query that are used (at most 30: words are tracked in a bit mask). @defaultValue 24 */
  maxQueryWords: number;
  /** With `articleIds` this small or smaller, their passages are scanned exhaustively. @defaultValue 4000 */
  exhaustiveArticles: number;
}

/** Defaults for `EngineOptions`. */
export const defaultEngineOptions: EngineOptions = {
  ...defaultExpansion,
  andScanLimit: 8000,
  singleWordScan: 300,
  orScanLimit: 400,
  weakWordShare: 0.2,
  maxQueryWords: 24,
  exhaustiveArticles: 4000,
};

/** Where a live article sits: segment and local number. */
export interface ArticleLocation {
  seg: Segment;
  local: number;
}

interface Plan {
  words: string[];
  /** Per segment, aligned with `words`. */
  perSegment: WordPlan[][];
  requiredMask: number;
  /** Index terms to mark in snippets. */
  highlightTerms: Set<string>;
  /** Words that exist in the index at all. */
  knownCount: number;
}

/** How many times more common than the rarest query word a word must be to count as weak. */
const WEAK_RATIO = 4;

/** A whole, non-negative count from caller input, or the fallback when it is not a number. */
const count = (x: number | undefined, fallback: number): number => (Number.isFinite(x) ? Math.max(0, Math.floor(x!)) : fallback);

const popcount = (x: number): number => {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
};

/** Ranked article lists kept per engine (an engine lives as long as one library version). */
const ARTICLE_MEMO_SIZE = 256;
/** Ranked lists kept per query, one per candidate budget it was asked with. */
const BUDGETS_PER_QUERY = 4;

/** A query's ranked article ids under a candidate budget, and the most candidates one read of a segment took (`read < budget`: the postings ran out first). */
interface RankedList {
  ids: string[];
  budget: number;
  read: number;
}

/**
 * How many articles `searchArticles` reads from the postings for a query of `words` words and a
 * limit. Postings are impact-ordered, so the articles met first are the strongest for the driving
 * word. With one word that order is nearly the answer (a few times the limit covers syndicated
 * copies); with several, the other words are checked on a bounded number of the driving word's
 * best articles.
 */
export function candidateBudget(words: number, limit: number): number {
  return words === 1 ? Math.max(limit * 6, 100) : Math.max(limit * 10, 2000);
}

/** An article ranked for a query: its score and the mask of query words it holds. */
interface Ranked {
  article: Article;
  score: number;
  matched: number;
}

/** Searches segments; see `Library` in src/core/command.ts for the contract of each method. */
export class SearchEngine {
  private readonly options: EngineOptions;
  /** `searchArticles` answers by query words and candidate budget; the engine is replaced when the library changes. */
  private readonly articleMemo = new Map<string, RankedList[]>();
  private stamps = new Map<Segment, Uint32Array>();
  private generation = 0;

  constructor(
    private readonly segments: readonly Segment[],
    private readonly locate: (id: string) => ArticleLocation | undefined,
    options: Partial<EngineOptions> = {},
  ) {
    this.options = { ...defaultEngineOptions, ...options };
    this.options.maxQueryWords = Math.min(30, this.options.maxQueryWords);
  }

  /** True when some segment holds `word` exactly (an index term, not a prefix or a typo of one). */
  private knows(word: string): boolean {
    return this.segments.some((s) => s.termIds.has(word));
  }

  /** Best passages for a query; never throws on odd input. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = count(options.limit, 5);
    const perArticle = Math.max(1, count(options.perArticle, 2));
    const plan = this.plan(query);
    if (!plan || limit === 0) return [];
    const filter = options.articleIds;
    const picker = new HitPicker(limit, perArticle, plan);

    const andHits = this.collectAnd(plan, filter);
    andHits.sort((a, b) => b.score - a.score);
    for (const c of andHits) if (picker.offer(c)) break;
    if (picker.full()) return picker.hits;

    const orHits = this.collectOr(plan, filter);
    orHits.sort((a, b) => popcount(b.matched) - popcount(a.matched) || b.score - a.score);
    for (const c of orHits) if (picker.offer(c)) break;
    return picker.hits;
  }

  /** Ids of articles holding every required word somewhere (or, when none does, any word), best first. */
  searchArticles(query: string, limit = 20, options: ArticleSearchOptions = {}): string[] {
    const max = count(limit, 20);
    if (max === 0) return [];
    const words = queryTerms(typeof query === 'string' ? query : '', this.options.maxQueryWords);
    if (!words.length) return [];
    // The ranking depends on the words and on how many candidates are read, not on the limit itself: one list
    // serves every limit with the same budget ("federal reserve" for its aliases, its candidates, its page 2).
    const budget = candidateBudget(words.length, max);
    // Without typo correction a query differs only when some word is not in the index: otherwise one list serves both.
    const typos = options.typos !== false || words.every((w) => this.knows(w));
    const key = `${typos ? '' : 'exact\u0001'}${words.join('\u0000')}`;
    let lists = this.articleMemo.get(key);
    // A list read under another budget serves when that read ran out of postings before its budget: any budget
    // larger than what it read reads the very same candidates ("tin" asked by claim, then by timeline).
    let ranked = lists?.find((l) => l.budget === budget || (l.read < l.budget && budget > l.read));
    if (!ranked) {
      ranked = this.rankedArticleIds(query, budget, typos);
      if (!lists) {
        if (this.articleMemo.size >= ARTICLE_MEMO_SIZE) this.articleMemo.delete(this.articleMemo.keys().next().value!);
        this.articleMemo.set(key, (lists = []));
      }
      if (lists.length >= BUDGETS_PER_QUERY) lists.shift();
      lists.push(ranked);
    }
    const ids = ranked.ids;
    return ids.length > max ? ids.slice(0, max) : [...ids];
  }

  /** Every ranked article id for a query within a candidate budget, syndicated copies of listed originals left out. */
  private rankedArticleIds(query: string, budget: number, typos: boolean): RankedList {
    const plan = this.plan(query, typos);
    if (!plan) return { ids: [], budget, read: 0 };
    const reach = { read: 0 };
    // Articles are the unit a topic command works on: only when no article has every word do partial matches count.
    let ranked = this.rankArticles(plan, 'and', budget, reach);
    if (!ranked.length) ranked = this.rankArticles(plan, 'or', budget, reach);
    const ids = new Set(ranked.map((r) => r.article.id));
    const out: string[] = [];
    for (const r of ranked) {
      // A syndicated copy adds nothing when its original is listed too.
      if (r.article.duplicateOf && ids.has(r.article.duplicateOf)) continue;
      out.push(r.article.id);
    }
    return { ids: out, budget, read: reach.read };
  }

  /** Close index terms (or whole corrected queries) for words of the query that are not in the index. */
  suggest(query: string, limit = 5): string[] {
    const words = queryTerms(String(query ?? ''), this.options.maxQueryWords);
    const max = count(limit, 5);
    if (!words.length || max === 0) return [];
    const known = words.map((w) => this.knows(w));
    if (known.every(Boolean)) return [];
    const options = words.map((w, i) => (known[i] ? [w] : closeTerms(this.segments, w, max)));
    if (options.some((o) => o.length === 0)) {
      // Some word has nothing close: suggest the others alone rather than nothing.
      const usable = options.filter((o) => o.length > 0);
      if (!usable.length) return [];
      return [usable.map((o) => o[0]).join(' ')].filter((s) => s !== words.join(' '));
    }
    const first = options.findIndex((o, i) => !known[i] && o.length > 0);
    const out: string[] = [];
    for (const alt of options[first]!) {
      out.push(options.map((o, i) => (i === first ? alt : o[0])).join(' '));
      if (out.length >= max) break;
    }
    return out;
  }

  /** The query's words resolved in every segment; `typos` false matches no close terms for unknown words. */
  private plan(query: string, typos = true): Plan | null {
    const words = queryTerms(typeof query === 'string' ? query : '', this.options.maxQueryWords);
    if (!words.length) return null;
    const fuzzy = words.map((w) => typos && !this.knows(w));
    const perSegment = this.segments.map((seg) => planWords(seg, words, fuzzy, this.options));
    let totalPassages = 0;
    for (const seg of this.segments) totalPassages += seg.passageCount;
    let requiredMask = 0;
    let knownCount = 0;
    const highlightTerms = new Set<string>();
    const shares = words.map((_, i) => {
      let df = 0;
      for (const plans of perSegment) {
        for (const v of plans[i]!.variants) highlightTerms.add(v.term);
        df += plans[i]!.df;
      }
      if (df > 0) knownCount++;
      return df / Math.max(1, totalPassages);
    });
    const rarest = Math.min(...shares.filter((s) => s > 0));
    shares.forEach((share, i) => {
      // A word far more common than the rarest one ("the", "said") scores but is not required.
      // Words that match nothing stay required: AND over them fails and the OR fallback answers.
      const weak = share > this.options.weakWordShare && share >= WEAK_RATIO * rarest;
      if (!weak) requiredMask |= 1 << i;
    });
    if (knownCount === 0) return null;
    if (requiredMask === 0) requiredMask = (1 << words.length) - 1;
    return { words, perSegment, requiredMask, highlightTerms, knownCount };
  }

  /** A fresh "seen" marker for a segment's passages (no per-query allocation of sets). */
  private stampFor(seg: Segment, size: number): { stamp: Uint32Array; gen: number } {
    let stamp = this.stamps.get(seg);
    if (!stamp || stamp.length < size) {
      stamp = new Uint32Array(size);
      this.stamps.set(seg, stamp);
    }
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      for (const s of this.stamps.values()) s.fill(0);
      this.generation = 1;
    }
    return { stamp, gen: this.generation };
  }

  /** Scores passage `p` for the query (see rank.ts) and notes which words it holds. */
  private score(seg: Segment, plans: WordPlan[], p: number): Candidate {
    const len = seg.data.pLen[p]!;
    const avg = seg.data.avgLen;
    let sum = 0;
    let matched = 0;
    for (let i = 0; i < plans.length; i++) {
      const word = wordScore(seg, plans[i]!.variants, p, len, avg);
      if (word > 0) {
        matched |= 1 << i;
        sum += word;
      }
    }
    return { seg, p, score: passageScore(sum, passageBoost(seg.data.pFlags[p]!)), matched };
  }

  /**
   * Fills `best[i]` with local article `a`'s best passage score for word i alone (the input of
   * `articleScore`; `best` is the caller's, reused across articles); returns the mask of words it holds.
   */
  private scoreArticle(seg: Segment, plans: WordPlan[], a: number, best: Float64Array): number {
    const { pLen, pFlags, aPassOffsets, avgLen } = seg.data;
    best.fill(0);
    let matched = 0;
    for (let p = aPassOffsets[a]!; p < aPassOffsets[a + 1]!; p++) {
      const len = pLen[p]!;
      const boost = passageBoost(pFlags[p]!);
      for (let i = 0; i < plans.length; i++) {
        const word = wordScore(seg, plans[i]!.variants, p, len, avgLen);
        if (word > 0) {
          matched |= 1 << i;
          const s = passageScore(word, boost);
          if (s > best[i]!) best[i] = s;
        }
      }
    }
    return matched;
  }

  private accepts(seg: Segment, p: number, filter: ReadonlySet<string> | undefined): boolean {
    const local = seg.data.pArticle[p]!;
    if (seg.deleted[local]) return false;
    return !filter || filter.has(seg.articles[local]!.id);
  }

  /** Passages holding every required word. */
  private collectAnd(plan: Plan, filter: ReadonlySet<string> | undefined): Candidate[] {
    const out: Candidate[] = [];
    const required = plan.requiredMask;
    const exhaustive = this.exhaustiveSet(filter);
    this.segments.forEach((seg, s) => {
      const plans = plan.perSegment[s]!;
      let driver = -1;
      for (let i = 0; i < plans.length; i++) {
        if (!(required & (1 << i))) continue;
        if (plans[i]!.variants.length === 0) return; // a required word absent here: no AND match in this segment
        if (driver < 0 || plans[i]!.df < plans[driver]!.df) driver = i;
      }
      if (driver < 0) return;
      // Most of the driving word's passages lack some other required word: a presence check (exact form first)
      // rejects them before any scoring.
      const others = plans.filter((wp, i) => i !== driver && required & (1 << i)).map((wp) => wp.variants.map((v) => v.id));
      const consider = (p: number) => {
        for (const ids of others) {
          let found = false;
          for (const id of ids) {
            if (seg.tf(p, id)) {
              found = true;
              break;
            }
          }
          if (!found) return;
        }
        const c = this.score(seg, plans, p);
        if ((c.matched & required) === required) out.push(c);
      };
      if (exhaustive) {
        for (const p of this.passagesOf(seg, exhaustive)) consider(p);
        return;
      }
      const { stamp, gen } = this.stampFor(seg, seg.passageCount);
      const variants = plans[driver]!.variants;
      // With one word the impact order is already the answer's order, so a short prefix of each list suffices.
      const single = popcount(required) === 1 && plan.knownCount === 1;
      const budget = single ? this.options.singleWordScan : Math.ceil(this.options.andScanLimit / variants.length);
      const { postOffsets, postings } = seg.data;
      for (const v of variants) {
        const from = postOffsets[v.id]!;
        const to = Math.min(postOffsets[v.id + 1]!, from + (filter ? this.options.andScanLimit : budget));
        let taken = 0;
        for (let j = from; j < to && taken < budget; j++) {
          const p = postings[j]!;
          if (stamp[p] === gen) continue;
          stamp[p] = gen;
          if (!this.accepts(seg, p, filter)) continue;
          taken++;
          consider(p);
        }
      }
    });
    return out;
  }

  /** Passages holding any query word, from the head of every variant's list. */
  private collectOr(plan: Plan, filter: ReadonlySet<string> | undefined): Candidate[] {
    const out: Candidate[] = [];
    const exhaustive = this.exhaustiveSet(filter);
    this.segments.forEach((seg, s) => {
      const plans = plan.perSegment[s]!;
      if (exhaustive) {
        for (const p of this.passagesOf(seg, exhaustive)) {
          const c = this.score(seg, plans, p);
          if (c.matched) out.push(c);
        }
        return;
      }
      const { stamp, gen } = this.stampFor(seg, seg.passageCount);
      const { postOffsets, postings } = seg.data;
      for (const wp of plans) {
        for (const v of wp.variants) {
          const from = postOffsets[v.id]!;
          const to = postOffsets[v.id + 1]!;
          let taken = 0;
          for (let j = from; j < to && taken < this.options.orScanLimit; j++) {
            const p = postings[j]!;
            if (stamp[p] === gen) continue;
            stamp[p] = gen;
            if (!this.accepts(seg, p, filter)) continue;
            taken++;
            const c = this.score(seg, plans, p);
            if (c.matched) out.push(c);
          }
        }
      }
    });
    return out;
  }

  /** Small filters are answered exactly by scanning the filtered articles' passages. */
  private exhaustiveSet(filter: ReadonlySet<string> | undefined): ArticleLocation[] | null {
    if (!filter || filter.size > this.options.exhaustiveArticles) return null;
    const out: ArticleLocation[] = [];
    for (const id of filter) {
      const loc = this.locate(id);
      if (loc) out.push(loc);
    }
    return out;
  }

  private *passagesOf(seg: Segment, locations: ArticleLocation[]): Generator<number> {
    for (const loc of locations) {
      if (loc.seg !== seg || seg.deleted[loc.local]) continue;
      for (let p = seg.data.aPassOffsets[loc.local]!; p < seg.data.aPassOffsets[loc.local + 1]!; p++) yield p;
    }
  }

  /**
   * Articles scored by their best passage per word; `and` keeps those holding every required word.
   * @param maxCandidates - most articles read from the postings (`candidateBudget`)
   * @param reach - raised to the most candidates read from one segment's postings
   */
  private rankArticles(plan: Plan, mode: 'and' | 'or', maxCandidates: number, reach: { read: number }): Ranked[] {
    const out: Ranked[] = [];
    const required = plan.requiredMask;
    const single = popcount(required) === 1 && plan.knownCount === 1;
    this.segments.forEach((seg, s) => {
      const plans = plan.perSegment[s]!;
      const { postOffsets, postings, pArticle, aPassOffsets } = seg.data;
      const { stamp, gen } = this.stampFor(seg, Math.max(seg.passageCount, seg.articles.length));
      const candidates: number[] = [];
      const take = (variants: WordPlan['variants'], perVariant: number) => {
        for (const v of variants) {
          const from = postOffsets[v.id]!;
          const to = Math.min(postOffsets[v.id + 1]!, from + perVariant);
          for (let j = from; j < to && candidates.length < maxCandidates; j++) {
            const a = pArticle[postings[j]!]!;
            if (stamp[a] === gen || seg.deleted[a]) continue;
            stamp[a] = gen;
            candidates.push(a);
          }
        }
      };
      let driver = -1;
      if (mode === 'and') {
        for (let i = 0; i < plans.length; i++) {
          if (!(required & (1 << i))) continue;
          if (plans[i]!.variants.length === 0) return;
          if (driver < 0 || plans[i]!.df < plans[driver]!.df) driver = i;
        }
        if (driver < 0) return;
        take(plans[driver]!.variants, Math.ceil(this.options.andScanLimit / plans[driver]!.variants.length));
      } else {
        for (const wp of plans) take(wp.variants, this.options.orScanLimit);
      }
      reach.read = Math.max(reach.read, candidates.length);
      const best = new Float64Array(plans.length);
      // Presence check first: an article lacking a required word is dropped before any of its passages is scored.
      // Every candidate came from the driving word's postings, so that word is there: only the others are checked.
      const requiredIds = plans.map((wp, i) => (mode === 'and' && i !== driver && required & (1 << i) ? wp.variants.map((v) => v.id) : null));
      const hasAllRequired = (a: number): boolean => {
        for (const ids of requiredIds) {
          if (!ids) continue;
          let found = false;
          for (let p = aPassOffsets[a]!; p < aPassOffsets[a + 1]! && !found; p++) {
            for (const id of ids) {
              if (seg.tf(p, id)) {
                found = true;
                break;
              }
            }
          }
          if (!found) return false;
        }
        return true;
      };
      const rank = (a: number): Ranked | null => {
        if (mode === 'and' && !single && !hasAllRequired(a)) return null;
        const matched = this.scoreArticle(seg, plans, a, best);
        if (mode === 'and' ? (matched & required) !== required : matched === 0) return null;
        return { article: seg.articles[a]!, score: articleScore(best, plans.length), matched };
      };
      // Syndicated copies follow their originals in the postings, so most candidates of a copied corpus are copies. A copy
      // whose original is ranked here is left out of the answer (`rankedArticleIds`): it is ranked only when its original is not.
      const at = new Map<string, number>();
      candidates.forEach((a, i) => at.set(seg.articles[a]!.id, i));
      const results: (Ranked | null | undefined)[] = new Array(candidates.length);
      candidates.forEach((a, i) => {
        const original = seg.articles[a]!.duplicateOf;
        if (original === undefined || !at.has(original)) results[i] = rank(a);
      });
      candidates.forEach((a, i) => {
        if (results[i] !== undefined) return;
        const original = results[at.get(seg.articles[a]!.duplicateOf!)!];
        results[i] = original === undefined ? rank(a) : original === null ? rank(a) : null;
      });
      for (const r of results) if (r) out.push(r);
    });
    if (mode === 'and') out.sort((a, b) => b.score - a.score);
    else out.sort((a, b) => popcount(b.matched) - popcount(a.matched) || b.score - a.score);
    return out;
  }
}
