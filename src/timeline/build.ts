/**
 * Builds the timeline of a topic across a library: the events of articles about it, merged when
 * several articles report the same thing on the same date, oldest first.
 */
import type { Library } from '../command.js';
import { compileTopic, parseTopic, type PartMatcher, type TopicQuery } from '../topics/index.js';
import type { Article } from '../types.js';
import { eventsOf, type TimelineEvent } from './events.js';

/** One line of a timeline: an event and the other articles that report it. */
export interface TimelineEntry {
  event: TimelineEvent;
  alsoIn: TimelineEvent[];
}

/** Options for `buildTimeline`; every field optional. */
export interface TimelineOptions {
  /** Corpora up to this size are scanned whole; larger ones are narrowed with the article index first. @defaultValue 5000 */
  fullScanLimit?: number;
  /** Most candidate articles taken from the index per subject on large corpora. @defaultValue 400 */
  candidateLimit?: number;
}

const defaultOptions: Required<TimelineOptions> = { fullScanLimit: 5000, candidateLimit: 400 };

/** The timeline of a topic. */
export interface Timeline {
  topic: TopicQuery;
  entries: TimelineEntry[];
}

/**
 * The dated events of a topic, oldest first.
 * @param library - the loaded corpus (dates analysed at ingest)
 * @param topic - "armenia-russia", "Russia", "border guards"
 * @example buildTimeline(library, 'armenia-russia').entries[0].event.mention.date // '1993'
 */
export function buildTimeline(library: Library, topic: string, options: TimelineOptions = {}): Timeline {
  const opts = { ...defaultOptions, ...options };
  const query = parseTopic(topic, library);
  if (!query.parts.length) return { topic: query, entries: [] };
  const matchers = compileTopic(query);
  const events: TimelineEvent[] = [];
  for (const article of candidates(library, query, opts)) {
    const title = article.meta.title;
    for (const event of eventsOf(article)) if (involves(article, event, matchers, title)) events.push(event);
  }
  return { topic: query, entries: merge(library, events) };
}

/** Articles that may hold events of the topic: all of a small corpus, or the index's best matches on a large one. */
function candidates(library: Library, query: TopicQuery, opts: Required<TimelineOptions>): readonly Article[] {
  if (library.articles.length <= opts.fullScanLimit) return library.articles;
  let ids: string[] | undefined;
  for (const aliases of query.parts) {
    const found = new Set(library.searchArticles(aliases.join(' '), opts.candidateLimit));
    ids = ids === undefined ? [...found] : ids.filter((id) => found.has(id));
  }
  return (ids ?? []).map((id) => library.get(id)).filter((a): a is Article => a !== undefined);
}

/**
 * An event involves the topic when its own sentence names at least one subject and every other
 * subject is named there, in a neighbouring sentence, or in the article's title.
 */
function involves(article: Article, event: TimelineEvent, matchers: PartMatcher[], title: string): boolean {
  const own = article.text.slice(event.span.start, event.span.end);
  const context = [-1, 1]
    .map((d) => article.sentences[event.sentence + d])
    .filter((s): s is NonNullable<typeof s> => s !== undefined && s.kind !== 'chrome' && s.kind !== 'caption')
    .map((s) => article.text.slice(s.start, s.end));
  let inOwn = 0;
  for (const match of matchers) {
    if (match(own)) inOwn++;
    else if (!context.some((c) => match(c)) && !match(title)) return false;
  }
  return inOwn > 0;
}

const STOP = new Set(
  'that this with from have has had were was been said says will would their there which about after before into over than they them its also such'.split(' '),
);

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)));
}

/** Same date and similar words → one entry; the earliest-published article leads, the rest go to `alsoIn`. */
function merge(library: Library, events: TimelineEvent[]): TimelineEntry[] {
  const published = (e: TimelineEvent) => library.get(e.articleId)?.meta.published ?? '9999';
  const ordered = [...events].sort(
    (a, b) => compareDates(a, b) || published(a).localeCompare(published(b)) || a.articleId.localeCompare(b.articleId) || a.span.start - b.span.start,
  );
  const entries: (TimelineEntry & { words: Set<string> })[] = [];
  const byValue = new Map<string, (TimelineEntry & { words: Set<string> })[]>();
  for (const event of ordered) {
    const article = library.get(event.articleId)!;
    const words = contentWords(article.text.slice(event.span.start, event.span.end));
    const same = (byValue.get(event.mention.value) ?? []).find(
      (e) => e.event.articleId !== event.articleId && !e.alsoIn.some((o) => o.articleId === event.articleId) && similar(e.words, words),
    );
    if (same) {
      same.alsoIn.push(event);
      continue;
    }
    const entry = { event, alsoIn: [], words };
    entries.push(entry);
    byValue.set(event.mention.value, [...(byValue.get(event.mention.value) ?? []), entry]);
  }
  return entries.map(({ event, alsoIn }) => ({ event, alsoIn }));
}

/** Share of the smaller word set found in the larger: syndicated copies and re-reports score high. */
function similar(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / small.size >= 0.6;
}

/** Oldest first; at the same start, the coarser period first (a year heads the days within it). */
export function compareDates(a: TimelineEvent, b: TimelineEvent): number {
  const da = a.mention.date ?? '';
  const db = b.mention.date ?? '';
  const pa = da.padEnd(10, ' ');
  const pb = db.padEnd(10, ' ');
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
