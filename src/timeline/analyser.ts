/**
 * The ingest-time events analyser: finds each article's dated events and its undated news
 * sentences once, so a timeline reads them instead of re-reading dates and tenses per query.
 * Runs after the dates analyser (it reads `annotations.dates`).
 */
import type { Analyser } from '../core/ports.js';
import type { Article } from '../core/types.js';
import { eventsAnnotation, findArticleEvents, type EventsAnnotation } from './events.js';

/** Events at ingest (issue 15): stored in `article.annotations.events`. */
export const eventsAnalyser: Analyser<EventsAnnotation> = {
  name: 'events',
  version: '2',
  analyse: (article: Article) => eventsAnnotation(findArticleEvents(article)),
};
