/**
 * The ingest-time events analyser: finds each article's dated events and its undated news
 * sentences once, so a timeline reads them instead of re-reading dates and tenses per query.
 * Runs after the dates analyser (it reads `annotations.dates`).
 */
import type { Analyser } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { eventsAnnotation, findArticleEvents, type EventsAnnotation } from './events.js';

/**
 * Results of syndicated copies, found once: by the article's dates annotation (the dates
 * analyser hands identical copies the same array), then by what else events read — the text,
 * the sentence spans and kinds, and the publication date.
 */
const memo = new WeakMap<object, Map<string, EventsAnnotation>>();

/**
 * The events of one article. The result may be shared with identical copies of the article:
 * treat it as read-only.
 */
export function analyseEvents(article: Article): EventsAnnotation {
  const dates = article.annotations['dates'];
  // Without a dates annotation (dates not run, or failed) there is no copy to share with.
  if (!Array.isArray(dates)) return eventsAnnotation(findArticleEvents(article));
  const layout = article.sentences.map((x) => `${x.start},${x.end},${x.kind}`).join(';');
  const key = `${article.contentHash}|${article.meta.published ?? ''}|${layout}`;
  let known = memo.get(dates);
  const hit = known?.get(key);
  if (hit) return hit;
  const result = eventsAnnotation(findArticleEvents(article));
  if (!known) memo.set(dates, (known = new Map()));
  known.set(key, result);
  return result;
}

/** Events at ingest (issue 15): stored in `article.annotations.events`. */
export const eventsAnalyser: Analyser<EventsAnnotation> = {
  name: 'events',
  version: '2',
  analyse: analyseEvents,
};
