/**
 * Events: sentences (or clauses) that say something happened on a date. Dates that only frame
 * the article (datelines, "Date:" lines, publication stamps), chrome and captions are not events,
 * nor is anything dated after the article that reports it. Found once per article at ingest by
 * the `events` analyser (./analyser.ts): bump its version when what is found here changes.
 */
import { datesOf } from '../dates/analyser.js';
import type { DateMention } from '../dates/types.js';
import { sentenceTense } from '../dates/tense.js';
import type { Article, Span } from '../core/types.js';

/**
 * Where an event's date comes from: `stated` by a date expression of its sentence, or
 * `reported` — the sentence reports the article's news with no time words, so it is dated to the
 * publication date ("reported 4 June 2021") — or `planned`: a stated date after publication in a
 * sentence that speaks of the future ("will vote on Friday"), shown as planned, never as done.
 */
export type EventBasis = 'stated' | 'reported' | 'planned';

/** One dated event as one article reports it. */
export interface TimelineEvent {
  articleId: string;
  /** The sentence or clause that reports it (offsets into the article text). */
  span: Span;
  /** Index of its sentence in `Article.sentences`. */
  sentence: number;
  /** The date expression that dates it; for a `reported` event, the publication date as an empty mention at the sentence start. */
  mention: DateMention;
  basis: EventBasis;
}

/** Precisions a timeline shows; vague references ("recently") and centuries date nothing usefully. */
const TIMELINE_PRECISIONS = new Set(['day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade']);
/** Sentence kinds that are reporting. */
const REPORTING = new Set(['body', 'standfirst']);
/** Words right before a date that make it a stamp on the page, not an event ("Published on 4 June"). */
const STAMP_BEFORE = /\b(?:published|updated|posted|modified|copyright|filed|dated)\b[^.!?]{0,20}$|©\s*$|^\s*date\s*:?\s*$/i;
/**
 * "…districts that Armenia had controlled since 1993": a `since` date closing a relative clause
 * starts a state that clause describes; it does not date what the sentence reports. ("Tense
 * since May 12, when …" and "Since the end of June, …" are not relative clauses and stay.)
 */
const STATE_SINCE_BEFORE = /\b(?:that|which|who|whom)\b[^,;:.!?]*\bsince\s*$/i;
/**
 * A date that only qualifies a noun ("the 1991 agreement", "this year's conference", "its 2010
 * developer conference") names which thing is meant; it does not date what the sentence reports.
 */
const ATTRIBUTIVE_BEFORE = /(?:^|\s)(?:the|its|their|his|her|our|a|an|this|that|whose|[\p{L}]+['’]s)\s+$/iu;
const ATTRIBUTIVE_AFTER = /^(?:['’]s\s|\s+(?!(?:and|or|to|when|as|at|in|on|with|by|from|for|after|before|until|the|a|an)\b)[\p{L}][\p{L}-]*)/iu;
/** Words that make a sentence background rather than the article's news. */
const BACKGROUND = /\b(?:originally|previously|formerly|once|used to|was born|were born|founded|in the past|historically|traditionally|first (?:introduced|released|launched|announced))\b/i;
/** Fewest words a sentence needs to report an event on its own. */
const REPORTED_MIN_WORDS = 6;
/** Reporting sentences of an article read for news told without a date. */
const REPORTED_SCAN = 60;

/** True when a text has at least `n` words (counted up to `n`, whatever its length). */
function hasWords(text: string, n: number): boolean {
  const word = /\p{L}+/gu;
  let count = 0;
  while (count < n && word.exec(text)) count++;
  return count >= n;
}

/** True when two texts hold at least `n` words of two or more letters between them (counted up to `n`). */
function hasLongWords(before: string, after: string, n: number): boolean {
  let count = 0;
  for (const text of [before, after]) {
    const word = /\p{L}{2,}/gu;
    while (count < n && word.exec(text)) count++;
  }
  return count >= n;
}

/** Where a sentence may be cut into clauses: semicolons, dashes, and a comma before a new clause. */
const CLAUSE_BREAK = /;\s+|\s+[–—]\s+|,\s+(?=(?:and|but|while|whereas|when|after|before|which|as|then)\b)/g;

/** True when the mention's period starts no later than publication (so the article can report it as past). */
export function notAfter(mention: DateMention, published: string | null): boolean {
  if (!published || !mention.date) return true;
  return mention.date <= published.slice(0, mention.date.length);
}

const cache = new WeakMap<Article, TimelineEvent[]>();

/** The events one article reports, in text order: read from its `events` annotation (found at ingest), else found now; once per article object. */
export function eventsOf(article: Article): TimelineEvent[] {
  let events = cache.get(article);
  if (!events) {
    events = storedEventsOf(article) ?? findEvents(article, new Set());
    cache.set(article, events);
  }
  return events;
}

/** What one article holds for timelines, found once (at ingest by the `events` analyser). */
export interface ArticleEvents {
  /** Events dated by a date expression of their sentence (stated or planned), in text order. */
  events: TimelineEvent[];
  /** Sentences that report the article's news with no time words, in text order (dated to publication when they name a topic). */
  news: number[];
}

/** How the `events` analyser stores an article's events (JSON): each mention whole, its clause and whether it is planned. */
export interface EventsAnnotation {
  events: { m: DateMention; s: [number, number]; p?: 1 }[];
  news: number[];
}

/** The stored form of what `findArticleEvents` found. */
export function eventsAnnotation(found: ArticleEvents): EventsAnnotation {
  return {
    events: found.events.map((e) => ({ m: e.mention, s: [e.span.start, e.span.end], ...(e.basis === 'planned' ? { p: 1 as const } : {}) })),
    news: found.news,
  };
}

/** Per article: its `events` annotation as read once (null when it has none). */
const annotations = new WeakMap<Article, EventsAnnotation | null>();

/** The `events` annotation of an article when it has a well-formed one (read once per article object). */
function annotationOf(article: Article): EventsAnnotation | undefined {
  let held = annotations.get(article);
  if (held === undefined) {
    // An article from the snapshot decodes this one annotation alone, not its claims and dates.
    const own = (article as { annotation?: (name: string) => unknown }).annotation;
    const a = (typeof own === 'function' ? own.call(article, 'events') : article.annotations['events']) as EventsAnnotation | undefined;
    held = a && Array.isArray(a.events) && Array.isArray(a.news) ? a : null;
    annotations.set(article, held);
  }
  return held ?? undefined;
}

/** The events stored on an article at ingest, or undefined when it has none stored. */
function storedEventsOf(article: Article): TimelineEvent[] | undefined {
  const a = annotationOf(article);
  return a?.events.map(({ m, s, p }) => ({ articleId: article.id, span: { start: s[0], end: s[1] }, sentence: m.sentence, mention: m, basis: p ? 'planned' : 'stated' }));
}

/** The news sentences stored on an article at ingest, or undefined when it has none stored. */
function storedNewsOf(article: Article): number[] | undefined {
  return annotationOf(article)?.news;
}

/** Finds the events and the undated news sentences of an article (what the `events` analyser stores). */
export function findArticleEvents(article: Article): ArticleEvents {
  const mentioned = new Set<number>();
  const events = findEvents(article, mentioned);
  return { events, news: newsSentences(article, mentioned) };
}

/** The stated and planned events of an article; records in `mentioned` the sentences holding a time word (other than a qualifying one). */
function findEvents(article: Article, mentioned: Set<number>): TimelineEvent[] {
  const bySentence = new Map<number, DateMention[]>();
  // Sentences holding any time word other than a qualifying one are not dated to publication.
  for (const m of datesOf(article)) {
    const sentence = article.sentences[m.sentence];
    // The sentence's text, sliced once per mention (both checks below read it).
    const s = sentence ? article.text.slice(sentence.start, sentence.end) : '';
    if (sentence && !attributive(s, m.start - sentence.start, m.end - sentence.start, m.precision)) {
      mentioned.add(m.sentence);
    }
    if (!m.date || !TIMELINE_PRECISIONS.has(m.precision)) continue;
    if (!sentence || !REPORTING.has(sentence.kind)) continue;
    if (!notAfter(m, article.meta.published) && !speaksOfFuture(s)) continue;
    const local = m.start - sentence.start;
    if (STAMP_BEFORE.test(s.slice(0, local))) continue;
    if (STATE_SINCE_BEFORE.test(s.slice(0, local))) continue;
    if (attributive(s, local, local + m.text.length, m.precision)) continue;
    // A sentence that is nothing but the date ("23 February 2021.") frames the page.
    if (!hasLongWords(s.slice(0, local), s.slice(local + m.text.length), 3)) continue;
    const list = bySentence.get(m.sentence) ?? [];
    list.push(m);
    bySentence.set(m.sentence, list);
  }
  const events: TimelineEvent[] = [];
  for (const [index, mentions] of bySentence) {
    const sentence = article.sentences[index]!;
    const spans = clauseSpans(article.text, sentence, mentions);
    const seen = new Set<string>();
    mentions.forEach((mention, i) => {
      const span = spans[i]!;
      const key = `${mention.value}@${span.start}`;
      if (seen.has(key)) return;
      seen.add(key);
      const basis = notAfter(mention, article.meta.published) ? 'stated' : 'planned';
      events.push({ articleId: article.id, span, sentence: index, mention, basis });
    });
  }
  return events.sort((a, b) => a.span.start - b.span.start || a.mention.start - b.mention.start);
}

/** Words that put a sentence's event ahead of its article even where the verb does not ("slated for", "due on"). */
const PLAN_WORDS = /\b(?:slated|scheduled|due (?:to|on|in|for)|expected to|planned|upcoming|plans? to|set to)\b/i;

/** True when a sentence speaks of something still to come: future tense or words of a plan. */
function speaksOfFuture(sentence: string): boolean {
  return sentenceTense(sentence) === 'future' || PLAN_WORDS.test(sentence);
}

/** True when the date at [start, end) of a sentence only qualifies the noun after it. */
function attributive(s: string, start: number, end: number, precision: string): boolean {
  if (precision !== 'year') return false;
  const after = s.slice(end, end + 40);
  // "this year's conference": the determiner is part of the expression.
  if (/^(?:this|last|next)\s/i.test(s.slice(start, end)) && /^['’]s\s/.test(after)) return true;
  // "her 2000 and 2006 Senate races": each year of a coordinated list qualifies the noun after the list.
  let from = start;
  let to = end;
  for (let k = 0; k < COORDINATED_LIMIT; k++) {
    const m = YEAR_BEFORE.exec(s.slice(Math.max(0, from - 16), from));
    if (!m) break;
    from -= m[0].length;
  }
  for (let k = 0; k < COORDINATED_LIMIT; k++) {
    const m = YEAR_AFTER.exec(s.slice(to, to + 16));
    if (!m) break;
    to += m[0].length;
  }
  return ATTRIBUTIVE_BEFORE.test(s.slice(Math.max(0, from - 24), from)) && ATTRIBUTIVE_AFTER.test(to === end ? after : s.slice(to, to + 40));
}

/** Most years of one coordinated list read either side of a year (bounded work). */
const COORDINATED_LIMIT = 6;
/** A year and a list separator right before a year ("2000 and ", "1998, "). */
const YEAR_BEFORE = /\b(?:1[5-9]|20)\d\d(?:\s*,\s*|\s*,?\s+(?:and|or|&)\s+)$/;
/** A list separator and a year right after a year (" and 2006", ", 2004"). */
const YEAR_AFTER = /^(?:\s*,\s*|\s*,?\s+(?:and|or|&)\s+)(?:1[5-9]|20)\d\d\b/;

/** Per article: its news sentences when no annotation holds them (computed on first use). */
const newsCache = new WeakMap<Article, number[]>();

/** The news sentences of an article: from its `events` annotation, else found now (a timeline asks only of articles whose lead names its topic). */
function newsOf(article: Article): number[] {
  const stored = storedNewsOf(article);
  if (stored) return stored;
  let indices = newsCache.get(article);
  if (!indices) newsCache.set(article, (indices = findArticleEvents(article).news));
  return indices;
}

/** True when the article has sentences reporting its news without a date (so `reportedEventsOf` may find some). */
export function hasNews(article: Article): boolean {
  return newsOf(article).length > 0;
}

/**
 * Sentences that may report the article's news without a date: no time words, long enough, not
 * background, among the first reporting sentences, and told in the past or present perfect
 * (read outside quotations: '"…", said X' reports the saying).
 */
function newsSentences(article: Article, mentioned: ReadonlySet<number>): number[] {
  const published = article.meta.published;
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return [];
  const out: number[] = [];
  let seen = 0;
  for (const [index, sentence] of article.sentences.entries()) {
    if (!REPORTING.has(sentence.kind)) continue;
    // The news is told early: only the first reporting sentences are read (bounded work on any article).
    if (++seen > REPORTED_SCAN) break;
    if (mentioned.has(index)) continue;
    const s = article.text.slice(sentence.start, sentence.end);
    if (!hasWords(s, REPORTED_MIN_WORDS) || BACKGROUND.test(s.slice(0, 2000))) continue;
    const tense = sentenceTense(s);
    if (tense === 'past' || tense === 'perfect') out.push(index);
  }
  return out;
}

/**
 * Sentences that report the article's news with no time words, in the past or present perfect
 * (read outside quotations: '"…", said X' reports the saying), not background. They happened on
 * or just before publication, so they are dated to it — shown as reported on that date, not as a
 * stated date. At most `limit` events are returned, so a timeline reads few sentences per article.
 * @param wanted - decides first whether an event is wanted at all (cheap topic test)
 */
export function reportedEventsOf(article: Article, wanted: (event: TimelineEvent) => boolean, limit: number): TimelineEvent[] {
  const indices = newsOf(article);
  if (!indices.length) return [];
  const published = article.meta.published!;
  const out: TimelineEvent[] = [];
  for (const index of indices) {
    if (out.length >= limit) break;
    const sentence = article.sentences[index]!;
    const mention: DateMention = {
      start: sentence.start,
      end: sentence.start,
      text: '',
      sentence: index,
      value: published,
      date: published,
      precision: 'day',
      inferred: article.meta.publishedInferred,
      approximate: false,
    };
    const event: TimelineEvent = { articleId: article.id, span: { start: sentence.start, end: sentence.end }, sentence: index, mention, basis: 'reported' };
    if (wanted(event)) out.push(event);
  }
  return out;
}

/**
 * Cuts a sentence holding several dates into one clause per date where the text has a clean
 * break between them; otherwise every date keeps the whole sentence.
 */
function clauseSpans(text: string, sentence: Span, mentions: DateMention[]): Span[] {
  const whole = { start: sentence.start, end: sentence.end };
  if (mentions.length < 2) return mentions.map(() => whole);
  const s = text.slice(sentence.start, sentence.end);
  const breaks: { at: number; after: number }[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(s); m; m = CLAUSE_BREAK.exec(s)) breaks.push({ at: sentence.start + m.index, after: sentence.start + m.index + m[0].length });
  const cuts: { at: number; after: number }[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const between = breaks.filter((b) => b.at >= mentions[i]!.end && b.after <= mentions[i + 1]!.start);
    const cut = between[between.length - 1];
    if (!cut) return mentions.map(() => whole);
    cuts.push(cut);
  }
  return mentions.map((_, i) => ({
    start: i === 0 ? sentence.start : cuts[i - 1]!.after,
    end: i === cuts.length ? sentence.end : cuts[i]!.at,
  }));
}
