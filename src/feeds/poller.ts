/**
 * The feed poller: for each followed feed, a conditional GET through the polite fetcher, the
 * entries read, each new or changed story's full text taken from the feed or its page, and the
 * story written to the corpus (the live corpus watcher indexes it from there). One feed failing
 * never stops the others; a feed that keeps failing is logged once per change of its state
 * (first failure, a different error, recovery), not at every poll.
 */
import type { Clock, Logger } from '../core/ports.js';
import type { FeedRecord, FeedStatePort } from '../store/feed-state.js';
import { StoryWriter, type SaveOutcome } from './article-file.js';
import { extractArticle, withoutChrome } from './extract.js';
import { FetchError, type PoliteFetcher } from './fetch.js';
import { isWordPressUrl, parseFeed, wordPressPage, type FeedEntry } from './parse.js';

/** A feed to follow, as feeds.yml or `feeds add` gives it. */
export interface FeedSource {
  url: string;
  outlet: string;
  tags?: string[];
  /** Poll interval in ms; the poller's default when absent. */
  everyMs?: number;
}

/** How one poll of one feed ended. */
export interface PollOutcome {
  url: string;
  status: 'ok' | 'not-modified' | 'failed' | 'waiting';
  created: number;
  updated: number;
  unchanged: number;
  /** Stories skipped this time (their page failed); they are tried again next poll. */
  skipped: number;
  error?: string;
}

/** Settings of the poller. */
export interface PollerOptions {
  corpusDir: string;
  state: FeedStatePort;
  fetcher: PoliteFetcher;
  logger: Logger;
  clock: Clock;
  /** Poll interval of a feed without `every`. @defaultValue 15 minutes */
  defaultEveryMs?: number;
  /** Feed content at least this long is taken as the full text; shorter, the page is read. @defaultValue 800 */
  fullTextMinChars?: number;
  /** Most WordPress pages read per poll. @defaultValue 3 */
  wordPressPages?: number;
}

/** Longest wait after repeated failures. */
const MAX_BACKOFF_MS = 6 * 3600_000;
/** Most failing story pages remembered (for logging once per change); the oldest is forgotten first. */
const MAX_REMEMBERED_PAGE_FAILURES = 10_000;

/**
 * Polls feeds into the corpus.
 * @example
 * const poller = new FeedPoller({ corpusDir, state, fetcher, logger, clock });
 * await poller.pollDue(feeds);
 */
export class FeedPoller {
  private readonly o: Required<PollerOptions>;
  private readonly writer: StoryWriter;
  /**
   * The last error of each story page that is failing, so a page that keeps failing (a 404, a
   * robots.txt refusal) is logged when it starts failing, fails differently or works again, not
   * at every poll. Kept in memory: a restart says it once more.
   */
  private readonly pageFailures = new Map<string, string>();

  constructor(options: PollerOptions) {
    this.o = { defaultEveryMs: 15 * 60_000, fullTextMinChars: 800, wordPressPages: 3, ...options };
    this.writer = new StoryWriter(options.corpusDir, options.state);
  }

  /** Polls every feed whose time has come (all of them with `force`), one after another. */
  async pollDue(feeds: readonly FeedSource[], force = false): Promise<PollOutcome[]> {
    const outcomes: PollOutcome[] = [];
    for (const feed of feeds) {
      const record = await this.o.state.feed(feed.url);
      if (!force && record && !this.due(record, feed)) continue;
      outcomes.push(await this.pollFeed(feed));
    }
    return outcomes;
  }

  private due(record: FeedRecord, feed: FeedSource): boolean {
    const now = this.o.clock.now().getTime();
    if (record.nextFetch) return Date.parse(record.nextFetch) <= now;
    return !record.lastFetch || Date.parse(record.lastFetch) + (feed.everyMs ?? this.o.defaultEveryMs) <= now;
  }

  /** Polls one feed now; never throws. */
  async pollFeed(feed: FeedSource): Promise<PollOutcome> {
    const { state, clock } = this.o;
    const before = (await state.feed(feed.url)) ?? (await state.upsertFeed({ url: feed.url, outlet: feed.outlet, origin: 'file' }, clock.now()));
    const outcome: PollOutcome = { url: feed.url, status: 'ok', created: 0, updated: 0, unchanged: 0, skipped: 0 };
    try {
      const first = await this.o.fetcher.fetch(isWordPressUrl(feed.url) ? wordPressPage(feed.url, 1) : feed.url, { etag: before.etag, lastModified: before.lastModified });
      if (first.notModified) {
        outcome.status = 'not-modified';
      } else {
        const entries = parseFeed(first.text(), first.url).entries;
        if (isWordPressUrl(feed.url)) {
          const pages = Math.min(Number(first.headers['x-wp-totalpages'] ?? 1) || 1, this.o.wordPressPages);
          for (let page = 2; page <= pages; page++) {
            const next = await this.o.fetcher.fetch(wordPressPage(feed.url, page));
            entries.push(...parseFeed(next.text(), next.url).entries);
          }
        }
        for (const entry of entries) await this.takeEntry(feed, entry, outcome);
      }
      const now = clock.now();
      await state.recordSuccess(feed.url, { etag: first.etag, lastModified: first.lastModified, added: outcome.created, nextFetch: null }, now);
      if (before.failureStreak > 0) this.o.logger.info({ feed: feed.url, outlet: feed.outlet, after: before.failureStreak }, 'feed is working again');
      if (outcome.created + outcome.updated > 0) this.o.logger.info({ feed: feed.url, created: outcome.created, updated: outcome.updated }, 'feed stories stored');
      return outcome;
    } catch (err) {
      return this.failed(feed, before, err, outcome);
    }
  }

  private async failed(feed: FeedSource, before: FeedRecord, err: unknown, outcome: PollOutcome): Promise<PollOutcome> {
    const now = this.o.clock.now();
    const error = err instanceof Error ? err.message : String(err);
    if (err instanceof FetchError && err.failure === 'backoff') {
      // The host asked us to wait: not the feed's fault, so no failure is counted.
      return { ...outcome, status: 'waiting', error };
    }
    const streak = before.failureStreak + 1;
    const every = feed.everyMs ?? this.o.defaultEveryMs;
    const backoff = Math.min(MAX_BACKOFF_MS, every * 2 ** Math.min(streak - 1, 10));
    const wait = Math.max(backoff, err instanceof FetchError ? (err.retryAfterMs ?? 0) : 0);
    await this.o.state.recordFailure(feed.url, error, new Date(now.getTime() + wait), now);
    if (before.failureStreak === 0 || before.lastError !== error) {
      this.o.logger.warn({ feed: feed.url, outlet: feed.outlet, error, retryInMs: wait }, before.failureStreak === 0 ? 'feed failed' : 'feed fails differently');
    }
    return { ...outcome, status: 'failed', error };
  }

  private pageFails(feed: FeedSource, page: string, error: string): void {
    const before = this.pageFailures.get(page);
    if (before === error) return;
    this.pageFailures.delete(page);
    if (this.pageFailures.size >= MAX_REMEMBERED_PAGE_FAILURES) this.pageFailures.delete(this.pageFailures.keys().next().value!);
    this.pageFailures.set(page, error);
    this.o.logger.warn({ feed: feed.url, page, error }, before === undefined ? 'story page not read; will try again next poll' : 'story page fails differently');
  }

  private pageWorks(feed: FeedSource, page: string): void {
    if (this.pageFailures.delete(page)) this.o.logger.info({ feed: feed.url, page }, 'story page read again');
  }

  private async takeEntry(feed: FeedSource, entry: FeedEntry, outcome: PollOutcome): Promise<void> {
    const stamp = entry.updated ?? entry.published ?? null;
    const link = entry.link ? canonical(entry.link) : undefined;
    const known = await this.writer.find(feed.url, link, entry.guid);
    // A story seen before with the same stamp is not fetched again (duplicate GUIDs included).
    if (known && known.updated === stamp) return void outcome.unchanged++;
    let text: string | undefined;
    let url = link;
    let author = entry.author;
    let published = entry.published;
    if (entry.content && entry.content.length >= this.o.fullTextMinChars) {
      text = withoutChrome(entry.content, entry.title);
    } else if (link) {
      try {
        const page = await this.o.fetcher.fetch(link);
        const article = extractArticle(page.text(), page.url);
        if (article) {
          text = article.text;
          url = article.canonicalUrl ? canonical(article.canonicalUrl) : canonical(page.url);
          author ??= article.author;
          published ??= article.published;
        }
        this.pageWorks(feed, link);
      } catch (err) {
        this.pageFails(feed, link, (err as Error).message);
      }
    }
    text ??= entry.content ? withoutChrome(entry.content, entry.title) : undefined;
    if (!text) return void outcome.skipped++;
    const saved: SaveOutcome = await this.writer.save({
      title: entry.title || '(untitled)',
      outlet: feed.outlet,
      url,
      guid: entry.guid,
      published,
      updated: stamp ?? undefined,
      author,
      feedUrl: feed.url,
      ...(feed.tags ? { tags: feed.tags } : {}),
      fetched: this.o.clock.now(),
      text,
    });
    outcome[saved]++;
  }
}

/** A URL without its fragment, the key a story is stored under. */
export function canonical(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.toString();
  } catch {
    return url;
  }
}
