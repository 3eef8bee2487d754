/**
 * MiniSearch as a `SearchIndex`: the engine the project was specified with, indexing the same
 * passages (`passagesOf`) under the same fields and boosts (`SEARCH_FIELDS`) with the same
 * words (`forEachWord`), and answering in the same shapes as the compact engine. It is the
 * reference the compact engine's ranking is checked against (`npm run eval:search`), and a
 * plain choice for small corpora.
 *
 * Two MiniSearch indexes: one document per passage (passage search), and one per article with
 * a field per searchable field holding all of the article's text in it (article search, the
 * way MiniSearch ranks whole documents). Both are held in memory without snapshot, so this
 * suits corpora of a few thousand articles.
 */
import MiniSearch, { type SearchOptions as MiniSearchOptions, type SearchResult } from 'minisearch';
import type { ArticleSearchOptions, SearchHit, SearchOptions } from '../core/ports.js';
import type { Article, Span } from '../core/types.js';
import { metaFields, PassageFlag, SEARCH_FIELDS } from './fields.js';
import { StoryDiversity } from './hit-picker.js';
import type { SearchBackend, SearchIndex } from './index-port.js';
import { passagesOf, type PassageSpec } from './passages.js';
import { defaultExpansion, type ExpansionOptions } from './plan.js';
import { forEachWord, queryTerms } from './tokenize.js';

/** Most distinct query words used (as the compact engine's `maxQueryWords`). */
const MAX_QUERY_WORDS = 24;
/** Most characters of a metadata field indexed (as the segment builder). */
const MAX_FIELD_CHARS = 1000;
/** A caption or dateline is not what a match in the metadata title quotes when reporting follows. */
const ASIDE = PassageFlag.caption | PassageFlag.dateline;

/** The MiniSearch field of a passage: the first `SEARCH_FIELDS` row whose flag it carries (plain body text: the flag-0 row). */
function fieldOf(flags: number): string {
  for (const f of SEARCH_FIELDS) if (f.flag === 0 || flags & f.flag) return f.name;
  return SEARCH_FIELDS[SEARCH_FIELDS.length - 1]!.name;
}

/** One MiniSearch field per passage flag (rows sharing a flag share the first row's field and boost). */
const FIELDS = SEARCH_FIELDS.filter((f, i) => SEARCH_FIELDS.findIndex((g) => g.flag === f.flag) === i);
const BOOSTS: Record<string, number> = Object.fromEntries(FIELDS.map((f) => [f.name, f.boost]));

/** Words of a text as the compact index sees them. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, 0, text.length, (t) => void out.push(t));
  return out;
}

/** A whole, non-negative count from caller input, or the fallback when it is not a number. */
const count = (x: number | undefined, fallback: number): number => (Number.isFinite(x) ? Math.max(0, Math.floor(x!)) : fallback);

interface IndexedPassage extends PassageSpec {
  article: Article;
}

interface IndexedArticle {
  article: Article;
  passageIds: number[];
  terms: Set<string>;
}

type Doc = Record<string, string | number>;

/** `SearchIndex` backed by MiniSearch (see the module comment). */
export class MiniSearchIndex implements SearchIndex {
  readonly backend: SearchBackend = 'minisearch';
  readonly snapshots = false;
  private readonly passageIndex: MiniSearch<Doc>;
  private readonly articleIndex: MiniSearch<Doc>;
  private readonly passages = new Map<number, IndexedPassage>();
  private readonly articles = new Map<string, IndexedArticle>();
  /** How many articles hold each term: typo variants are tried only for words the corpus lacks, as the compact engine does. */
  private readonly vocabulary = new Map<string, number>();
  private readonly searchOptions: MiniSearchOptions;
  private nextId = 0;

  /** @param expansion - prefix and typo expansion, as the compact engine's (`defaultExpansion`) */
  constructor(articles: readonly Article[] = [], expansion: Partial<ExpansionOptions> = {}) {
    const exp = { ...defaultExpansion, ...expansion };
    const options = {
      fields: FIELDS.map((f) => f.name),
      tokenize: wordsOf,
      // Terms arrive normalised from `forEachWord`; a query's words are already index terms too.
      processTerm: (term: string) => term || null,
    };
    this.passageIndex = new MiniSearch<Doc>(options);
    this.articleIndex = new MiniSearch<Doc>(options);
    this.searchOptions = {
      boost: BOOSTS,
      prefix: (term: string) => term.length >= exp.prefixMinLength,
      fuzzy: (term: string) => (this.vocabulary.has(term) || term.length < exp.fuzzyMinLength ? false : term.length >= 8 ? 2 : 1),
      weights: { prefix: exp.prefixWeight, fuzzy: exp.fuzzyWeight },
    };
    this.add(articles);
  }

  add(articles: readonly Article[]): void {
    this.remove(articles.map((a) => a.id));
    for (const article of articles) this.addArticle(article);
  }

  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.articles.get(id);
      if (!entry) continue;
      for (const p of entry.passageIds) {
        this.passageIndex.discard(p);
        this.passages.delete(p);
      }
      this.articleIndex.discard(id);
      for (const t of entry.terms) {
        const n = this.vocabulary.get(t)! - 1;
        if (n > 0) this.vocabulary.set(t, n);
        else this.vocabulary.delete(t);
      }
      this.articles.delete(id);
    }
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = count(options.limit, 5);
    const perArticle = Math.max(1, count(options.perArticle, 2));
    const words = queryTerms(typeof query === 'string' ? query : '', MAX_QUERY_WORDS);
    if (!words.length || limit === 0) return [];
    const filter = options.articleIds;
    const opts: MiniSearchOptions = filter ? { ...this.searchOptions, filter: (r) => filter.has(this.passages.get(r.id as number)!.article.id) } : this.searchOptions;
    const picker = new PassagePicker(limit, perArticle, words);
    const q = words.join(' ');
    for (const r of this.passageIndex.search(q, { ...opts, combineWith: 'AND' })) if (picker.offer(this.passages.get(r.id as number)!, r)) return picker.hits;
    const or = this.passageIndex.search(q, opts).sort(byWordsThenScore);
    for (const r of or) if (picker.offer(this.passages.get(r.id as number)!, r)) break;
    return picker.hits;
  }

  searchArticles(query: string, limit = 20, options: ArticleSearchOptions = {}): string[] {
    const max = count(limit, 20);
    const words = queryTerms(typeof query === 'string' ? query : '', MAX_QUERY_WORDS);
    if (!words.length || max === 0) return [];
    const q = words.join(' ');
    const search = options.typos === false ? { ...this.searchOptions, fuzzy: false } : this.searchOptions;
    let ranked = this.articleIndex.search(q, { ...search, combineWith: 'AND' });
    if (!ranked.length) ranked = this.articleIndex.search(q, search).sort(byWordsThenScore);
    const ids = new Set(ranked.map((r) => r.id as string));
    const out: string[] = [];
    for (const r of ranked) {
      if (out.length >= max) break;
      // A syndicated copy adds nothing when its original is listed too.
      const original = this.articles.get(r.id as string)!.article.duplicateOf;
      if (original && ids.has(original)) continue;
      out.push(r.id as string);
    }
    return out;
  }

  /**
   * Articles ranked the compact engine's way (per query word, the article's best passage score;
   * summed) over MiniSearch's passage scores. Not part of the port: the oracle uses it to tell
   * differences of scoring (BM25 per field, prefix and typo weights) from those of passage
   * against whole-document ranking.
   */
  searchArticlesByPassage(query: string, limit = 20): string[] {
    const max = count(limit, 20);
    const words = queryTerms(typeof query === 'string' ? query : '', MAX_QUERY_WORDS);
    if (!words.length || max === 0) return [];
    const best = new Map<string, Float64Array>();
    words.forEach((word, i) => {
      for (const r of this.passageIndex.search(word, this.searchOptions)) {
        const id = this.passages.get(r.id as number)!.article.id;
        let scores = best.get(id);
        if (!scores) best.set(id, (scores = new Float64Array(words.length)));
        if (r.score > scores[i]!) scores[i] = r.score;
      }
    });
    const ranked = [...best].map(([id, scores]) => ({ id, score: scores.reduce((s, x) => s + x, 0), matched: scores.filter((x) => x > 0).length }));
    const all = ranked.filter((r) => r.matched === words.length).sort((a, b) => b.score - a.score);
    const list = all.length ? all : ranked.sort((a, b) => b.matched - a.matched || b.score - a.score);
    const ids = new Set(list.map((r) => r.id));
    return list
      .filter((r) => {
        const original = this.articles.get(r.id)!.article.duplicateOf;
        return !original || !ids.has(original);
      })
      .slice(0, max)
      .map((r) => r.id);
  }

  private addArticle(article: Article): void {
    const entry: IndexedArticle = { article, passageIds: [], terms: new Set() };
    const whole: Record<string, string[]> = {};
    const put = (field: string, text: string) => {
      const words = wordsOf(text);
      if (!words.length) return false;
      for (const w of words) entry.terms.add(w);
      (whole[field] ??= []).push(text);
      return true;
    };
    let opening: PassageSpec | null = null;
    for (const passage of passagesOf(article)) {
      const field = fieldOf(passage.flags);
      const text = article.text.slice(passage.start, passage.end);
      if (!put(field, text)) continue;
      if (opening === null || (opening.flags & ASIDE && !(passage.flags & ASIDE))) opening = passage;
      this.addPassage(entry, { ...passage, article }, field, text);
    }
    // A match in the metadata title quotes the article's opening passage: a snippet is always text of the article.
    if (opening) {
      for (const meta of metaFields(article)) {
        const field = fieldOf(meta.flag);
        const text = meta.text.slice(0, MAX_FIELD_CHARS);
        if (put(field, text)) this.addPassage(entry, { ...opening, flags: meta.flag, article }, field, text);
      }
    }
    for (const t of entry.terms) this.vocabulary.set(t, (this.vocabulary.get(t) ?? 0) + 1);
    const doc: Doc = { id: article.id };
    for (const [field, texts] of Object.entries(whole)) doc[field] = texts.join('\n');
    this.articleIndex.add(doc);
    this.articles.set(article.id, entry);
  }

  private addPassage(entry: IndexedArticle, passage: IndexedPassage, field: string, text: string): void {
    const id = this.nextId++;
    this.passageIndex.add({ id, [field]: text });
    this.passages.set(id, passage);
    entry.passageIds.push(id);
  }
}

/** OR results: those matching more query words first, then by score (as the compact engine's fallback). */
const byWordsThenScore = (a: SearchResult, b: SearchResult): number => b.queryTerms.length - a.queryTerms.length || b.score - a.score;

/** Picks hits in rank order: at most `perArticle` per story (copies count with their original), no repeated passage text. */
class PassagePicker {
  readonly hits: SearchHit[] = [];
  private readonly diversity: StoryDiversity;

  constructor(
    private readonly limit: number,
    perArticle: number,
    private readonly words: string[],
  ) {
    this.diversity = new StoryDiversity(perArticle);
  }

  /** Adds the passage if diversity allows; returns true when the list is full. */
  offer(p: IndexedPassage, r: SearchResult): boolean {
    if (this.hits.length >= this.limit) return true;
    const { article, start, end } = p;
    if (!this.diversity.admit(article, start, end)) return false;
    const matched = new Set(r.terms);
    const highlights: Span[] = [];
    forEachWord(article.text, start, end, (term, from, to) => {
      if (matched.has(term)) highlights.push({ start: from, end: to });
    });
    this.hits.push({
      articleId: article.id,
      span: { start, end },
      sentences: Array.from({ length: p.sentenceCount }, (_, i) => p.firstSentence + i),
      score: r.score,
      terms: this.words.filter((w) => r.queryTerms.includes(w)),
      highlights,
    });
    return this.hits.length >= this.limit;
  }
}
