/**
 * The ingest-time dates analyser: resolves every date expression of an article against its
 * publication date and stores the mentions in `article.annotations.dates`.
 */
import type { Analyser } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { resolveDates } from './resolve.js';
import type { DateMention, DateReference } from './types.js';

/** The publication date to resolve against, or null when the article has none. */
export function referenceOf(article: Article): DateReference | null {
  const published = article.meta.published;
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return null;
  return { date: published, inferred: article.meta.publishedInferred };
}

/** Results by text, sentence spans and publication date: syndicated copies are analysed once. */
const memo = new Map<string, DateMention[]>();
/** Bound on `memo`; past it the memo starts afresh (a copy usually follows its original closely). */
const MEMO_LIMIT = 50_000;

/**
 * The date mentions of one article, resolved against its publication date. The result may be
 * shared with identical copies of the article (same text, sentences and date): treat it as read-only.
 */
export function analyseDates(article: Article): DateMention[] {
  const reference = referenceOf(article);
  // Mentions depend on the text, the sentence spans they are looked for in, and the reference date only.
  const layout = article.sentences.map((x) => `${x.start},${x.end}`).join(';');
  const key = `${article.contentHash}|${reference ? `${reference.date},${String(reference.inferred)}` : ''}|${layout}`;
  const known = memo.get(key);
  if (known) return known;
  const mentions = resolveDates(article.text, article.sentences, reference);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, mentions);
  return mentions;
}

/** Runs on every article at ingest (also 100,000 Reuters stories in the benchmark), so it only parses sentences that pass a cheap prefilter. */
export const datesAnalyser: Analyser<DateMention[]> = {
  name: 'dates',
  version: '5',
  analyse: analyseDates,
};

/** The date mentions stored on an article (empty when the analyser has not run). */
export function datesOf(article: Article): DateMention[] {
  const value = article.annotations['dates'];
  return Array.isArray(value) ? (value as DateMention[]) : [];
}
