/**
 * What the feed poller remembers between polls and restarts, in the state database: each feed's
 * validators (ETag, Last-Modified), when it was fetched, how many stories it gave, its last error
 * and failure streak; and which corpus file each feed story went to (canonical URL, GUID, hash
 * of its text), so a story is written once and rewritten only when its text changes.
 */
import type Database from 'better-sqlite3';
import { openStateDb } from './state-db.js';
import type { Logger } from '../core/ports.js';

/** A followed feed as stored. */
export interface FeedRecord {
  url: string;
  outlet: string;
  /** `file` feeds come from feeds.yml; `chat` ones were added with `feeds add`. */
  origin: 'file' | 'chat';
  addedBy: string | null;
  etag: string | null;
  lastModified: string | null;
  lastFetch: string | null;
  lastSuccess: string | null;
  /** Earliest next poll (backoff after failures, Retry-After); null for "when due". */
  nextFetch: string | null;
  /** Stories stored from this feed so far. */
  items: number;
  lastError: string | null;
  failureStreak: number;
}

/** A story already written to the corpus. */
export interface FeedArticleRecord {
  /** Path relative to CORPUS_DIR. */
  file: string;
  feedUrl: string;
  canonicalUrl: string | null;
  guid: string | null;
  textHash: string;
  /** The feed's updated (or published) stamp when it was last written. */
  updated: string | null;
}

/** A `feeds` row (the same columns in SQLite and PostgreSQL). */
export interface FeedRow {
  url: string;
  outlet: string;
  origin: 'file' | 'chat';
  added_by: string | null;
  etag: string | null;
  last_modified: string | null;
  last_fetch: string | null;
  last_success: string | null;
  next_fetch: string | null;
  items: number;
  last_error: string | null;
  failure_streak: number;
}

/** A feed record from its row. */
export const toFeed = (r: FeedRow): FeedRecord => ({
  url: r.url,
  outlet: r.outlet,
  origin: r.origin,
  addedBy: r.added_by,
  etag: r.etag,
  lastModified: r.last_modified,
  lastFetch: r.last_fetch,
  lastSuccess: r.last_success,
  nextFetch: r.next_fetch,
  items: r.items,
  lastError: r.last_error,
  failureStreak: r.failure_streak,
});


/** What the feed poller keeps, whichever engine keeps it: the SQLite file or PostgreSQL. */
export interface FeedStatePort {
  /** Adds a feed, or updates its outlet; its history is kept. */
  upsertFeed(feed: { url: string; outlet: string; origin: 'file' | 'chat'; addedBy?: string | null }, now: Date): Promise<FeedRecord>;
  /** The feed with that URL. */
  feed(url: string): Promise<FeedRecord | undefined>;
  /** Every feed, by outlet then URL. */
  feeds(): Promise<FeedRecord[]>;
  /** Forgets a feed (its stories stay in the corpus); whether it was there. */
  removeFeed(url: string): Promise<boolean>;
  /** Records a poll that worked: new validators, stories added, the streak reset. */
  recordSuccess(url: string, parts: { etag?: string | null; lastModified?: string | null; added: number; nextFetch: Date | null }, now: Date): Promise<void>;
  /** Records a failed poll; returns the new failure streak. */
  recordFailure(url: string, error: string, nextFetch: Date | null, now: Date): Promise<number>;
  /** The stored story with this canonical URL, else with this GUID from this feed. */
  findArticle(feedUrl: string, canonicalUrl: string | null, guid: string | null): Promise<FeedArticleRecord | undefined>;
  /** True when some stored story already uses `file`. */
  fileTaken(file: string): Promise<boolean>;
  /** Records (or updates) the file a story was written to. */
  saveArticle(record: FeedArticleRecord, now: Date): Promise<void>;
  close(): Promise<void> | void;
}

/** Longest error text kept per feed (both engines). */
export const MAX_FEED_ERROR_LENGTH = 500;

/**
 * Feed state over the state database (`DATA_DIR/newsdesk.db`).
 * @example
 * const feeds = FeedState.open('./data', logger);
 * feeds.upsertFeed({ url: 'https://oc-media.org/feed/', outlet: 'OC Media', origin: 'file' }, new Date());
 */
export class FeedState implements FeedStatePort {
  private constructor(private readonly db: Database.Database) {}

  /** Opens (creating and migrating if needed) the state database under `dataDir`. */
  static open(dataDir: string, logger: Logger): FeedState {
    return new FeedState(openStateDb(dataDir, logger).db);
  }

  /** Closes the database connection. */
  close(): void {
    this.db.close();
  }

  /** Adds a feed, or updates its outlet; its history is kept. */
  async upsertFeed(feed: { url: string; outlet: string; origin: 'file' | 'chat'; addedBy?: string | null }, now: Date): Promise<FeedRecord> {
    this.db
      .prepare(
        `INSERT INTO feeds (url, outlet, origin, added_by, added_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET outlet = excluded.outlet, origin = CASE WHEN feeds.origin = 'file' THEN 'file' ELSE excluded.origin END`,
      )
      .run(feed.url, feed.outlet, feed.origin, feed.addedBy ?? null, now.toISOString());
    return (await this.feed(feed.url))!;
  }

  /** The feed with that URL. */
  async feed(url: string): Promise<FeedRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
    return row && toFeed(row);
  }

  /** Every feed, by outlet then URL. */
  async feeds(): Promise<FeedRecord[]> {
    return (this.db.prepare('SELECT * FROM feeds ORDER BY outlet, url').all() as FeedRow[]).map(toFeed);
  }

  /** Forgets a feed (the stories already written stay in the corpus). Returns whether it was there. */
  async removeFeed(url: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM feeds WHERE url = ?').run(url).changes > 0;
  }

  /** Records a poll that worked: new validators, stories added, the streak reset. */
  async recordSuccess(url: string, parts: { etag?: string | null; lastModified?: string | null; added: number; nextFetch: Date | null }, now: Date): Promise<void> {
    this.db
      .prepare(
        `UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), last_fetch = ?, last_success = ?,
           next_fetch = ?, items = items + ?, last_error = NULL, failure_streak = 0 WHERE url = ?`,
      )
      .run(parts.etag ?? null, parts.lastModified ?? null, now.toISOString(), now.toISOString(), parts.nextFetch?.toISOString() ?? null, parts.added, url);
  }

  /** Records a failed poll; returns the new failure streak. */
  async recordFailure(url: string, error: string, nextFetch: Date | null, now: Date): Promise<number> {
    this.db
      .prepare('UPDATE feeds SET last_fetch = ?, last_error = ?, next_fetch = ?, failure_streak = failure_streak + 1 WHERE url = ?')
      .run(now.toISOString(), error.slice(0, MAX_FEED_ERROR_LENGTH), nextFetch?.toISOString() ?? null, url);
    return (await this.feed(url))?.failureStreak ?? 0;
  }

  /** The stored story with this canonical URL, else with this GUID from this feed. */
  async findArticle(feedUrl: string, canonicalUrl: string | null, guid: string | null): Promise<FeedArticleRecord | undefined> {
    type Row = { file: string; feed_url: string; canonical_url: string | null; guid: string | null; text_hash: string; updated: string | null };
    const byUrl = canonicalUrl ? (this.db.prepare('SELECT * FROM feed_articles WHERE canonical_url = ?').get(canonicalUrl) as Row | undefined) : undefined;
    const row = byUrl ?? (guid ? (this.db.prepare('SELECT * FROM feed_articles WHERE feed_url = ? AND guid = ?').get(feedUrl, guid) as Row | undefined) : undefined);
    return row && { file: row.file, feedUrl: row.feed_url, canonicalUrl: row.canonical_url, guid: row.guid, textHash: row.text_hash, updated: row.updated };
  }

  /** True when some stored story already uses `file`. */
  async fileTaken(file: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM feed_articles WHERE file = ?').get(file) !== undefined;
  }

  /** Records (or updates) the file a story was written to. */
  async saveArticle(record: FeedArticleRecord, now: Date): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO feed_articles (file, feed_url, canonical_url, guid, text_hash, updated, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (file) DO UPDATE SET canonical_url = coalesce(excluded.canonical_url, canonical_url), guid = coalesce(excluded.guid, guid),
           text_hash = excluded.text_hash, updated = excluded.updated, fetched_at = excluded.fetched_at`,
      )
      .run(record.file, record.feedUrl, record.canonicalUrl, record.guid, record.textHash, record.updated, now.toISOString());
  }
}
