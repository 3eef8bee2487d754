/**
 * Builds the timeline of a topic across a library: the events of articles about it, merged when
 * several articles report the same thing on the same date, oldest first.
 */
import type { Library } from '../core/ports.js';
import { compileTopic, parseTopic, type PartMatcher, type TopicQuery } from '../topics/index.js';
import { AS_WRITTEN } from '../topics/word-pattern.js';
import type { Article } from '../core/types.js';
import { eventsOf, hasNews, reportedEventsOf, type TimelineEvent } from './events.js';

/** One line of a timeline: an event and the other articles that report it. */
export interface TimelineEntry {
  event: TimelineEvent;
  alsoIn: TimelineEvent[];
}

/** Options for `buildTimeline`; every field optional. */
export interface TimelineOptions {
  /** Corpora up to this size are scanned whole; larger ones are narrowed with the article index first. @defaultValue 5000 */
  fullScanLimit?: number;
  /** Most candidate articles taken from the index per alias on large corpora (a one-subject topic's aliases share it). @defaultValue 300 */
  candidateLimit?: number;
  /** Most aliases of one subject asked of the index on large corpora (name, demonym, capital come first). @defaultValue 3 */
  aliasLimit?: number;
  /**
   * Most candidate articles one timeline reads on a large corpus, the index's best first (the
   * aliases' lists taken in turn, so each contributes its best): the work of a request is bounded
   * however common its words are. @defaultValue 200
   */
  articleLimit?: number;
}

const defaultOptions: Required<TimelineOptions> = { fullScanLimit: 5000, candidateLimit: 300, aliasLimit: 3, articleLimit: 200 };

/** The timeline of a topic. */
export interface Timeline {
  topic: TopicQuery;
  entries: TimelineEntry[];
  /** The work building it took (counts, not time: the same on a loaded machine as on a quiet one). */
  work: TimelineWork;
}

/** What one timeline cost: index searches asked, candidate articles read, their events tested against the topic. */
export interface TimelineWork {
  searches: number;
  articles: number;
  events: number;
}

/**
 * The dated events of a topic, oldest first.
 * @param library - the loaded corpus (dates analysed at ingest)
 * @param topic - "armenia-russia", "Russia", "border guards"
 * @example buildTimeline(library, 'armenia-russia').entries[0].event.mention.date // '1993'
 */
export function buildTimeline(library: Library, topic: string, options: TimelineOptions = {}): Timeline {
  const opts = { ...defaultOptions, ...options };
  // A timeline holds while the library's version does; the live corpus changes a library in place.
  const key = `${topic.trim().toLowerCase()}\u0000${opts.fullScanLimit}|${opts.candidateLimit}|${opts.aliasLimit}|${opts.articleLimit}`;
  let held = memos.get(library);
  if (!held || held.version !== library.version) memos.set(library, (held = { version: library.version, memo: new Map() }));
  const memo = held.memo;
  const known = memo.get(key);
  if (known) return known;
  const timeline = computeTimeline(library, topic, opts);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, timeline);
  return timeline;
}

/** Timelines kept per library, most recent last. */
const MEMO_SIZE = 200;
const memos = new WeakMap<Library, { version: string; memo: Map<string, Timeline> }>();

function computeTimeline(library: Library, topic: string, opts: Required<TimelineOptions>): Timeline {
  const query = parseTopic(topic, library);
  const work: TimelineWork = { searches: 0, articles: 0, events: 0 };
  if (!query.parts.length) return { topic: query, entries: [], work };
  const matchers = compileTopic(query);
  const events: TimelineEvent[] = [];
  // The article of each event, side by side with `events` (merge reads its text without looking it up again).
  const articles: Article[] = [];
  for (const article of candidates(library, query, opts, work)) {
    const title = article.meta.title;
    const mine: TimelineEvent[] = [];
    work.articles++;
    const own = eventsOf(article);
    work.events += own.length;
    for (const event of own) if (involves(article, event, matchers, title)) mine.push(event);
    // Dated to publication only where the topic is the article's news: named in its title or lead.
    if (hasNews(article) && inNews(article, matchers)) mine.push(...reportedEventsOf(article, (e) => involves(article, e, matchers, title), REPORTED_PER_ARTICLE));
    if (!mine.length) continue;
    const kept = mine.length === 1 ? mine : distinctEvents(mine);
    for (const event of kept) (events.push(event), articles.push(article));
  }
  return { topic: query, entries: merge(events, articles), work };
}

/** Most events of one article dated only by its publication (the first ones carry its news; the rest repeat it). */
const REPORTED_PER_ARTICLE = 3;

/**
 * One sentence dated twice is one event when one date lies within the other ("in the late 1980s
 * … again in 1989", "since January of this year"): the finer date stays. Dates apart are distinct
 * events and both stay.
 */
function distinctEvents(events: TimelineEvent[]): TimelineEvent[] {
  const bySpan = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    const key = `${e.span.start}:${e.span.end}`;
    const group = bySpan.get(key);
    if (group) group.push(e);
    else bySpan.set(key, [e]);
  }
  // Compared within a sentence only, and only in sentences of a few dates (a list of hundreds stays as it is).
  return events.filter((e) => {
    const group = bySpan.get(`${e.span.start}:${e.span.end}`)!;
    return group.length === 1 || group.length > SAME_SENTENCE_LIMIT || !group.some((o) => o !== e && within(o.mention, e.mention));
  });
}

/** Most dates of one sentence compared with each other for nesting. */
const SAME_SENTENCE_LIMIT = 20;

/** True when `inner`'s period lies inside `outer`'s, and `outer` is the coarser (a decade, year or month holding a finer date). */
function within(inner: TimelineEvent['mention'], outer: TimelineEvent['mention']): boolean {
  if (!inner.date || !outer.date || inner.date.length <= outer.date.length && outer.precision !== 'decade') return false;
  if (outer.precision === 'decade') return inner.precision !== 'decade' && inner.precision !== 'century' && inner.date.startsWith(outer.value);
  return (outer.precision === 'year' || outer.precision === 'month') && inner.date.startsWith(outer.date);
}

/** Reporting sentences that make an article's lead (its first paragraph or two). */
const LEAD_SENTENCES = 4;

/** True when every part of the topic is named in the article's title or the first sentences of its reporting. */
function inNews(article: Article, matchers: PartMatcher[]): boolean {
  const lead = leadOf(article);
  return matchers.every((m) => m(article.meta.title) || lead.some((t) => m(t, article)));
}

/** Per article: the text of its lead sentences (the same whatever the topic). */
const leads = new WeakMap<Article, string[]>();

/** The first reporting sentences of an article, read once per article object. */
function leadOf(article: Article): string[] {
  let lead = leads.get(article);
  if (lead) return lead;
  lead = [];
  for (const s of article.sentences) {
    if (lead.length >= LEAD_SENTENCES) break;
    if (s.kind === 'body' || s.kind === 'standfirst') lead.push(article.text.slice(s.start, s.end));
  }
  leads.set(article, lead);
  return lead;
}

/**
 * Articles that may hold events of the topic: all of a small corpus, or on a large one the index's
 * best matches, at most `articleLimit` of them.
 */
function candidates(library: Library, query: TopicQuery, opts: Required<TimelineOptions>, work: TimelineWork): readonly Article[] {
  if (!library.partial && library.articles.length <= opts.fullScanLimit) return library.articles;
  const ask = (alias: string, limit: number): string[] => {
    work.searches++;
    return library.searchArticles(alias, limit, AS_WRITTEN);
  };
  let ids: string[];
  if (query.parts.length === 1) {
    // One subject: its aliases share the budget, each asked for its share, and their lists are read in turn.
    const aliases = searchAliases(query.parts[0]!, opts.aliasLimit);
    const share = Math.ceil(opts.candidateLimit / aliases.length);
    ids = inTurn(aliases.map((alias) => ask(alias, share)));
  } else if (query.parts.every((p) => searchAliases(p, opts.aliasLimit).length === 1)) {
    // Each subject one name ("interest rates", "soviet grain"): the index's AND of the names is every article naming
    // them all that asking each name alone and intersecting could find, ranked by all of them together.
    ids = ask(query.parts.map((p) => p[0]!).join(' '), opts.candidateLimit);
  } else {
    let both: string[] | undefined;
    for (const aliases of query.parts) {
      // The index ANDs the words of a query, so each alias is asked on its own and the answers pooled; the pools are
      // intersected, so each subject's lists are asked deep enough to meet the others'.
      const pool = inTurn(searchAliases(aliases, opts.aliasLimit).map((alias) => ask(alias, opts.candidateLimit)));
      if (both === undefined) both = pool;
      else {
        const found = new Set(pool);
        both = both.filter((id) => found.has(id));
      }
    }
    // Articles about all subjects together may rank low for each alone: ask for the main names together too.
    const together = ask(query.parts.map((p) => p[0]!).join(' '), opts.candidateLimit);
    const seen = new Set(both);
    ids = both!;
    for (const id of together) if (!seen.has(id)) (seen.add(id), ids.push(id));
  }
  const out: Article[] = [];
  for (const id of ids) {
    if (out.length >= opts.articleLimit) break;
    const article = library.get(id);
    if (article) out.push(article);
  }
  return out;
}

/** The ids of several ranked lists taken in turn (each list's first, then each one's second, …), each id once. */
function inTurn(lists: string[][]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let rank = 0; rank < longest; rank++) {
    for (const list of lists) {
      const id = list[rank];
      if (id !== undefined && !seen.has(id)) (seen.add(id), out.push(id));
    }
  }
  return out;
}

/** The aliases worth asking the index for: no plural or case variant of one already asked. */
function searchAliases(aliases: string[], limit: number): string[] {
  const out: string[] = [];
  for (const alias of aliases) {
    const key = alias.toLowerCase().replace(/\./g, '');
    if (out.some((o) => key.startsWith(o.toLowerCase().replace(/\./g, '')))) continue;
    out.push(alias);
    if (out.length >= limit) break;
  }
  return out;
}

/**
 * An event involves the topic when its own sentence names at least one subject and every other
 * subject is named there, in a neighbouring sentence, or in the article's title.
 */
function involves(article: Article, event: TimelineEvent, matchers: PartMatcher[], title: string): boolean {
  const own = article.text.slice(event.span.start, event.span.end);
  // Most sentences name no subject at all: they are settled before any neighbour is read.
  // (Plain loops, no closures: this runs for every event of every candidate article.)
  let any = false;
  const inOwn: boolean[] = [];
  for (const match of matchers) {
    const found = match(own, article) || (match.person === true && PERSON_PRONOUN.test(own) && match(previousOf(article, event), article));
    inOwn.push(found);
    if (found) any = true;
  }
  if (!any) return false;
  // The neighbours are read only when a subject is missing from the sentence itself (most calls end sooner).
  let context: string[] | undefined;
  for (let i = 0; i < matchers.length; i++) {
    if (inOwn[i]) continue;
    const match = matchers[i]!;
    context ??= neighboursOf(article, event.sentence);
    if (!context.some((c) => match(c, article)) && !match(title)) return false;
  }
  return true;
}

/** The reporting sentences either side of sentence `index` (chrome and captions left out). */
function neighboursOf(article: Article, index: number): string[] {
  const out: string[] = [];
  for (const d of [-1, 1]) {
    const s = article.sentences[index + d];
    if (s !== undefined && s.kind !== 'chrome' && s.kind !== 'caption') out.push(article.text.slice(s.start, s.end));
  }
  return out;
}

/** The sentence before an event's sentence ('' for the first). */
function previousOf(article: Article, event: TimelineEvent): string {
  const previous = article.sentences[event.sentence - 1];
  return previous ? article.text.slice(previous.start, previous.end) : '';
}

/** A sentence whose subject is "he" or "she" ("He started Apple in 1976", "In 1986 he bought Pixar"): it continues the person the sentence before named. */
const PERSON_PRONOUN = /^\W*(?:[^,.;:!?]{0,30}?\s)?(?:he|she)\s+(?!said\b)[\p{Ll}]/iu;

const STOP = new Set(
  'that this with from have has had were was been said says will would their there which about after before into over than they them its also such'.split(' '),
);

/** The words of four letters or more of a text, lower-cased, stop words left out. */
function contentWords(text: string): Set<string> {
  const low = text.toLowerCase();
  // Outside ASCII a letter is any Unicode letter: the pattern decides. Inside it, a letter is a-z once lower-cased,
  // and a plain scan finds the same words without a Unicode-aware pattern (most sentences of a timeline).
  if (NON_ASCII.test(low)) return new Set((low.match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)));
  const out = new Set<string>();
  let start = -1;
  for (let i = 0; i <= low.length; i++) {
    const c = i < low.length ? low.charCodeAt(i) : 0;
    if (c >= 97 && c <= 122) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= 4) {
      const w = low.slice(start, i);
      if (!STOP.has(w)) out.add(w);
    }
    start = -1;
  }
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Same date and similar words → one entry; the earliest-published article leads, the rest go to `alsoIn`. */
function merge(events: TimelineEvent[], articles: Article[]): TimelineEntry[] {
  // Each event keeps its article (`articles[i]` reports `events[i]`): a look-up in the library's table of every
  // article costs more than the rest of an event's merge.
  const keyed = events.map((e, i) => {
    const article = articles[i]!;
    // One sort key per event: date (coarser first), then the earliest report, then place in the article.
    const key = `${sortKey(e)}|${article.meta.published ?? '9999'}|${e.articleId}|${String(e.span.start).padStart(9, '0')}`;
    return { e, key, article };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const entries: MergeEntry[] = [];
  const byValue = new Map<string, MergeEntry[]>();
  // Per date value, the latest entry of each sentence text.
  const byText = new Map<string, Map<string, MergeEntry>>();
  for (const { e: event, article } of keyed) {
    const text = article.text.slice(event.span.start, event.span.end);
    // Syndicated copies carry the very same sentence: found at once, whatever the group size.
    let texts = byText.get(event.mention.value);
    if (!texts) byText.set(event.mention.value, (texts = new Map()));
    const exact = texts.get(text);
    if (exact && fresh(exact, event)) {
      exact.alsoIn.push(event);
      continue;
    }
    const group = byValue.get(event.mention.value) ?? [];
    // Re-reports are compared with the latest entries of the same date only, so a busy date stays cheap.
    // Word sets are made only for events that are compared (most dates of a timeline have one event).
    let same: MergeEntry | undefined;
    let words: Set<string> | undefined;
    for (let i = Math.max(0, group.length - MERGE_WINDOW); i < group.length && !same; i++) {
      const e = group[i]!;
      if (!fresh(e, event)) continue;
      words ??= wordsOf(event, text);
      if (similar((e.words ??= wordsOf(e.event, e.text)), words)) same = e;
    }
    if (same) {
      same.alsoIn.push(event);
      continue;
    }
    const entry: MergeEntry = { event, alsoIn: [], text, words };
    entries.push(entry);
    group.push(entry);
    byValue.set(event.mention.value, group);
    texts.set(text, entry);
  }
  return entries.map(({ event, alsoIn }) => ({ event, alsoIn }));
}

/** An entry while merging: its sentence's text, and its content words once compared. */
type MergeEntry = TimelineEntry & { text: string; words: Set<string> | undefined };

/** True when `event` comes from an article the entry does not already hold. */
function fresh(entry: MergeEntry, event: TimelineEvent): boolean {
  return entry.event.articleId !== event.articleId && !entry.alsoIn.some((o) => o.articleId === event.articleId);
}

/** How many earlier entries of the same date a new event is compared with when merging. */
const MERGE_WINDOW = 40;

const wordCache = new WeakMap<TimelineEvent, Set<string>>();

function wordsOf(event: TimelineEvent, text: string): Set<string> {
  let words = wordCache.get(event);
  if (!words) {
    words = contentWords(text);
    wordCache.set(event, words);
  }
  return words;
}

/** Share of the smaller word set found in the larger: syndicated copies and re-reports score high. */
function similar(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (!small.size) return false;
  // Decided as soon as the outcome is certain: most pairs compared share too few words to reach the share.
  let shared = 0;
  let left = small.size;
  for (const w of small) {
    left--;
    if (large.has(w)) {
      if (++shared / small.size >= 0.6) return true;
    } else if ((shared + left) / small.size < 0.6) return false;
  }
  return false;
}

/** Sorts oldest first; at the same start, the coarser period first (a year heads the days within it). */
export function sortKey(e: TimelineEvent): string {
  return (e.mention.date ?? '').padEnd(10, ' ');
}
