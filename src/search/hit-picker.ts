/** Choosing which scored passages become hits: diversity across stories, no repeated text, highlights. */
import type { SearchHit } from '../core/ports.js';
import type { Article, Span } from '../core/types.js';
import type { Segment } from './segment.js';
import { forEachWord } from './tokenize.js';

/** A scored passage of one segment. */
export interface Candidate {
  seg: Segment;
  p: number;
  score: number;
  /** Bit i set when query word i matched. */
  matched: number;
}

/** What the picker needs from the query plan. */
export interface PickerPlan {
  words: string[];
  /** Index terms to mark in snippets. */
  highlightTerms: Set<string>;
}

/**
 * The diversity rule every engine's hit picking shares: at most `perArticle` passages per story (a
 * syndicated copy counts with its original), no passage twice, no repeated passage text.
 */
export class StoryDiversity {
  private readonly perStory = new Map<string, number>();
  private readonly texts = new Set<string>();
  private readonly taken = new Set<string>();

  constructor(private readonly perArticle: number) {}

  /** True (and the passage counted) when the passage `start`–`end` of `article` may be shown next. */
  admit(article: Article, start: number, end: number): boolean {
    const uid = `${article.id}\u0000${start}`;
    if (this.taken.has(uid)) return false;
    const story = article.duplicateOf ?? article.id;
    const count = this.perStory.get(story) ?? 0;
    if (count >= this.perArticle) return false;
    const text = article.text.slice(start, end).replace(/\s+/g, ' ').trim().toLowerCase();
    if (this.texts.has(text)) return false;
    this.texts.add(text);
    this.taken.add(uid);
    this.perStory.set(story, count + 1);
    return true;
  }
}

/** Picks hits in rank order: at most `perArticle` per story (copies count with their original), no repeated passage text. */
export class HitPicker {
  readonly hits: SearchHit[] = [];
  private readonly diversity: StoryDiversity;

  constructor(
    private readonly limit: number,
    perArticle: number,
    private readonly plan: PickerPlan,
  ) {
    this.diversity = new StoryDiversity(perArticle);
  }

  full(): boolean {
    return this.hits.length >= this.limit;
  }

  /** Adds the candidate if diversity allows; returns true when the list is full. */
  offer(c: Candidate): boolean {
    if (this.full()) return true;
    const { seg, p } = c;
    const article = seg.articles[seg.data.pArticle[p]!]!;
    const start = seg.data.pStart[p]!;
    const end = seg.data.pEnd[p]!;
    if (!this.diversity.admit(article, start, end)) return false;
    const highlights: Span[] = [];
    forEachWord(article.text, start, end, (term, from, to) => {
      if (this.plan.highlightTerms.has(term)) highlights.push({ start: from, end: to });
    });
    const first = seg.data.pSentFirst[p]!;
    const sentences = Array.from({ length: seg.data.pSentCount[p]! }, (_, i) => first + i);
    this.hits.push({
      articleId: article.id,
      span: { start, end },
      sentences,
      score: c.score,
      terms: this.plan.words.filter((_, i) => c.matched & (1 << i)),
      highlights,
    });
    return this.full();
  }
}
