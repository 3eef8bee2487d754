/**
 * What a digest says: the new articles (title, outlet, date, link and lead sentence, quoted
 * verbatim) and, for a topic, the new claims and denials and new timeline events on it. Claims
 * come from `claimReply` (what `/claim` answers) and events from the `timeline` command, both run
 * over the new articles only, so a digest groups and labels them exactly as those commands do.
 */
import type { Command, CommandContext } from '../core/command.js';
import { DIGEST_ARTICLES, isAnsweringLibrary, type Clock, type Library, type Logger, type SearchOptions } from '../core/ports.js';
import type { Services } from '../core/services.js';
import { CitationBook, quote } from '../answer/reply.js';
import { countOf } from '../answer/plural.js';
import { compileTopic, parseTopic } from '../topics/index.js';
import { claimReply } from '../claims/answer.js';
import type { Article, Reply, ReplyItem, Span } from '../core/types.js';

/** Most articles one digest lists; the rest are counted in a note. */
export const MAX_DIGEST_ARTICLES = 20;
/** Most claim or timeline items one digest carries per section; the full answer is one command away. */
export const MAX_SECTION_ITEMS = 10;

/** Section headings, also used as `fields.section` in `--json`. */
export const SECTION = { articles: 'New articles', claims: 'New claims and denials', timeline: 'New timeline events' } as const;

/** What `buildDigest` needs. */
export interface DigestContentInput {
  library: Library;
  /** Ids of the articles that are new for this digest (unknown ids are ignored). */
  articleIds: readonly string[];
  /** Only reporting on this topic; null for everything new. */
  topic: string | null;
  /** How the window reads in the headline, e.g. "since Mon 23 Nov 2026, 09:00 (Asia/Yerevan)". */
  windowLabel: string;
  /** Loaded commands: `timeline` feeds topic digests when present (claims come from `claimReply`). */
  commands?: ReadonlyMap<string, Command>;
  clock: Clock;
  logger: Logger;
  /** Services the claim and timeline commands are handed (`ctx.services`). */
  services?: Services;
  /** Earlier arrivals of the window left unread (see {@link MAX_FETCHED_ARRIVALS}); counted in a note. */
  unread?: number;
}

/** Most arrivals one digest reads from an archive it fetches by id (a replica on PostgreSQL); the newest are kept. */
export const MAX_FETCHED_ARRIVALS = 2000;

/**
 * `buildDigest` over whatever library serves: an answering library (a replica over the archive in
 * PostgreSQL, which holds no articles) runs it through a view that fetches the arrivals by id, at
 * most the newest {@link MAX_FETCHED_ARRIVALS} of them (a bulk import must not load the archive).
 */
export function digestFrom(library: Library, input: Omit<DigestContentInput, 'library'>): Promise<Reply | null> {
  if (!isAnsweringLibrary(library)) return buildDigest({ ...input, library });
  const ids = input.articleIds.length > MAX_FETCHED_ARRIVALS ? input.articleIds.slice(-MAX_FETCHED_ARRIVALS) : input.articleIds;
  const unread = input.articleIds.length - ids.length;
  return library.answer(DIGEST_ARTICLES, (view) => buildDigest({ ...input, library: view, articleIds: ids, ...(unread ? { unread } : {}) }));
}

/**
 * A view of `base` that only contains `ids`: what the claim and timeline commands see, so
 * everything they return comes from new articles.
 */
export function restrictLibrary(base: Library, ids: ReadonlySet<string>): Library {
  const articles = base.articles.filter((a) => ids.has(a.id));
  const within = (o?: SearchOptions): ReadonlySet<string> =>
    o?.articleIds ? new Set([...o.articleIds].filter((id) => ids.has(id))) : ids;
  return {
    articles,
    get: (id) => (ids.has(id) ? base.get(id) : undefined),
    search: (query, options) => base.search(query, { ...options, articleIds: within(options) }),
    searchArticles: (query, limit = 10, options) =>
      base.partial
        ? // A view of an archive kept elsewhere fetches every article it is given: ask for passages of
          // these articles only, not for the archive's best thousand to filter here.
          [...new Set(base.search(query, { limit, perArticle: 1, articleIds: ids }).map((h) => h.articleId))].slice(0, limit)
        : base
            .searchArticles(query, Math.max(limit, 1000), options)
            .filter((id) => ids.has(id))
            .slice(0, limit),
    suggest: (query, limit) => base.suggest(query, limit),
    version: `${base.version}+digest`,
  };
}

/** The article's lead: its first reporting sentence (body, then standfirst, then title). */
export function leadSpan(article: Article): Span | null {
  for (const kind of ['body', 'standfirst', 'title'] as const) {
    const s = article.sentences.find((x) => x.kind === kind && x.end > x.start);
    if (s) return { start: s.start, end: s.end };
  }
  const block = article.blocks.find((b) => b.kind !== 'chrome' && b.kind !== 'caption' && b.end > b.start);
  return block ? { start: block.start, end: block.end } : null;
}

/** The article's title and reporting sentences (no chrome, captions or datelines), for topic matching. */
function reportingText(article: Article): string {
  const reporting = article.sentences.filter((s) => s.kind === 'body' || s.kind === 'standfirst' || s.kind === 'title');
  return [article.meta.title, ...reporting.map((s) => article.text.slice(s.start, s.end))].join('\n');
}

/** Newest publication first; unknown dates last; arrival order breaks ties. */
function byPublishedDesc(a: { article: Article; order: number }, b: { article: Article; order: number }): number {
  const pa = a.article.meta.published;
  const pb = b.article.meta.published;
  if (pa !== pb) {
    if (pa === null) return 1;
    if (pb === null) return -1;
    return pa < pb ? 1 : -1;
  }
  return a.order - b.order;
}

/** The claims on a topic in the restricted library, as `/claim` answers them; an error reply or a failure gives nothing. */
function claimSection(topic: string, library: Library, logger: Logger): Reply | null {
  if (library.articles.length === 0) return null;
  try {
    const reply = claimReply(library, { topic: topic.trim() });
    return reply.error ? null : reply;
  } catch (err) {
    logger.warn({ err, command: 'claim' }, 'digest section failed; left out');
    return null;
  }
}

/** Runs another command over the restricted library; an error or missing command gives nothing. */
async function runSection(
  name: 'timeline',
  topic: string,
  library: Library,
  input: DigestContentInput,
): Promise<Reply | null> {
  const command = input.commands?.get(name);
  if (!command || library.articles.length === 0) return null;
  const parsed = command.input.safeParse(command.fromText(topic));
  if (!parsed.success) return null;
  const ctx: CommandContext = {
    library,
    clock: input.clock,
    logger: input.logger,
    origin: { platform: 'cli' },
    commands: input.commands ?? new Map(),
    services: input.services ?? {},
  };
  try {
    const reply = await command.run(parsed.data, ctx);
    return reply.error ? null : reply;
  } catch (err) {
    input.logger.warn({ err, command: name }, 'digest section failed; left out');
    return null;
  }
}

/** Copies another reply's items into this digest, renumbering their citations. */
function adoptItems(reply: Reply, section: string, library: Library, book: CitationBook, notes: string[]): ReplyItem[] {
  if (reply.items.length > MAX_SECTION_ITEMS) {
    notes.push(`${section}: ${reply.items.length - MAX_SECTION_ITEMS} more — see /${reply.command} ${reply.query}`);
  }
  const byId = new Map(reply.citations.map((c) => [c.id, c]));
  const renumber = (n: number): number | null => {
    const article = library.get(byId.get(n)?.articleId ?? '');
    return article ? book.cite(article) : null;
  };
  const out: ReplyItem[] = [];
  for (const item of reply.items.slice(0, MAX_SECTION_ITEMS)) {
    const source = renumber(item.source);
    const article = library.get(byId.get(item.source)?.articleId ?? '');
    // Only items that are still exact text of their article are carried over.
    if (source === null || !article || article.text.slice(item.span.start, item.span.end) !== item.text) continue;
    const { alsoIn: oldAlsoIn, ...rest } = item;
    const alsoIn = (oldAlsoIn ?? []).map(renumber).filter((n): n is number => n !== null);
    out.push({
      ...rest,
      source,
      group: item.group ? `${section} — ${item.group}` : section,
      ...(alsoIn.length ? { alsoIn } : {}),
      fields: { ...(item.fields ?? {}), section },
    });
  }
  return out;
}

/**
 * Builds the digest Reply, or null when there is nothing new to say (then nothing is posted).
 * @example
 * const reply = await buildDigest({ library, articleIds: ['gyumri.md'], topic: null, windowLabel: 'since yesterday', clock, logger });
 */
export async function buildDigest(input: DigestContentInput): Promise<Reply | null> {
  const { library, topic } = input;
  const newIds = new Set(input.articleIds.filter((id) => library.get(id)));
  if (newIds.size === 0) return null;
  const view = restrictLibrary(library, newIds);

  let candidates = [...newIds];
  if (topic) {
    // The same reading of a topic as /claim and /timeline: every subject, by any of its aliases.
    const matchers = compileTopic(parseTopic(topic, library));
    candidates = candidates.filter((id) => {
      const article = library.get(id)!;
      const text = reportingText(article);
      return matchers.every((matches) => matches(text, article));
    });
  }

  const book = new CitationBook();
  const notes: string[] = [];
  const order = new Map(input.articleIds.map((id, i) => [id, i]));
  const entries = candidates
    .map((id) => ({ article: library.get(id)!, order: order.get(id) ?? 0 }))
    .sort(byPublishedDesc);

  // A syndicated copy of an article in this digest is shown as "also in"; a copy of an older
  // article is not news.
  const items: ReplyItem[] = [];
  const itemOf = new Map<string, ReplyItem>();
  let copiesOfOlder = 0;
  const originals = entries.filter((e) => !e.article.duplicateOf || !newIds.has(e.article.duplicateOf));
  for (const { article } of originals) {
    if (article.duplicateOf) {
      copiesOfOlder++;
      continue;
    }
    if (items.length >= MAX_DIGEST_ARTICLES) continue;
    const span = leadSpan(article);
    if (!span) continue;
    const item = quote(article, span, book, {
      label: article.meta.title,
      group: SECTION.articles,
      fields: { section: SECTION.articles, articleId: article.id },
    });
    items.push(item);
    itemOf.set(article.id, item);
  }
  for (const { article } of entries) {
    const original = article.duplicateOf ? itemOf.get(article.duplicateOf) : undefined;
    if (original) original.alsoIn = [...(original.alsoIn ?? []), book.cite(article)];
  }
  const shownArticles = items.length;
  const listed = originals.length - copiesOfOlder;
  if (listed > shownArticles) notes.push(`…and ${countOf(listed - shownArticles, 'more new article')} not shown.`);
  if (input.unread) notes.push(`…and ${countOf(input.unread, 'earlier new article')} not read for this digest.`);
  if (copiesOfOlder) {
    notes.push(`${countOf(copiesOfOlder, 'syndicated copy', 'syndicated copies')} of earlier articles left out.`);
  }

  let claimCount = 0;
  let eventCount = 0;
  if (topic) {
    const claims = claimSection(topic, view, input.logger);
    if (claims) {
      const adopted = adoptItems(claims, SECTION.claims, library, book, notes);
      claimCount = adopted.length;
      items.push(...adopted);
    }
    const timeline = await runSection('timeline', topic, view, input);
    if (timeline) {
      const adopted = adoptItems(timeline, SECTION.timeline, library, book, notes);
      eventCount = adopted.length;
      items.push(...adopted);
    }
  }
  if (items.length === 0) return null;

  const parts = listed || !(claimCount || eventCount) ? [countOf(listed, 'new article')] : [];
  if (claimCount) parts.push(countOf(claimCount, 'claim or denial', 'claims and denials'));
  if (eventCount) parts.push(countOf(eventCount, 'timeline event'));
  const about = topic ? ` on "${topic}"` : '';
  return {
    command: 'digest',
    query: topic ?? '',
    headline: `Digest${about}: ${parts.join(', ')} ${input.windowLabel}`,
    items,
    citations: book.list(),
    notes,
  };
}
