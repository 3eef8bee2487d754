/**
 * The feed poller's state in PostgreSQL (`feeds`, `feed_articles`, migration 3), with
 * DATABASE_URL: the same records and rules as the SQLite `FeedState`, so whichever process polls
 * the feeds (the ingest role, or any one replica) finds what the last one stored.
 */
import pg from 'pg';
import { NewsdeskError } from '../../core/errors.js';
import type { Logger } from '../../core/ports.js';
import { MAX_FEED_ERROR_LENGTH, toFeed, type FeedArticleRecord, type FeedRecord, type FeedRow, type FeedStatePort } from '../feed-state.js';
import { migratePg } from './pg-migrations.js';

type ArticleRow = { file: string; feed_url: string; canonical_url: string | null; guid: string | null; text_hash: string; updated: string | null };

/**
 * Feed state over PostgreSQL.
 * @example
 * const feeds = await PgFeedState.open({ url: process.env.DATABASE_URL, logger });
 * await feeds.upsertFeed({ url: 'https://oc-media.org/feed/', outlet: 'OC Media', origin: 'file' }, new Date());
 */
export class PgFeedState implements FeedStatePort {
  private constructor(private readonly pool: pg.Pool) {}

  /**
   * Connects (a small pool of its own) and brings the schema up to date.
   * @throws NewsdeskError (code `state`) when the database cannot be reached
   */
  static async open(options: { url: string; logger: Logger }): Promise<PgFeedState> {
    const pool = new pg.Pool({ connectionString: options.url, max: 2, connectionTimeoutMillis: 10_000, statement_timeout: 30_000, application_name: 'newsdesk-feeds' });
    pool.on('error', (err) => options.logger.warn({ reason: err.message }, 'feed state database connection lost; it is replaced on next use'));
    try {
      await migratePg(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      if (err instanceof NewsdeskError) throw err;
      // The URL carries a password: say what failed, never the URL.
      throw new NewsdeskError(`Cannot open the feed state database: ${(err as Error).message}`, 'state', { cause: err });
    }
    return new PgFeedState(pool);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async upsertFeed(feed: { url: string; outlet: string; origin: 'file' | 'chat'; addedBy?: string | null }, now: Date): Promise<FeedRecord> {
    const { rows } = await this.pool.query<FeedRow>(
      `INSERT INTO feeds (url, outlet, origin, added_by, added_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (url) DO UPDATE SET outlet = EXCLUDED.outlet, origin = CASE WHEN feeds.origin = 'file' THEN 'file' ELSE EXCLUDED.origin END
       RETURNING *`,
      [feed.url, feed.outlet, feed.origin, feed.addedBy ?? null, now.toISOString()],
    );
    return toFeed(rows[0]!);
  }

  async feed(url: string): Promise<FeedRecord | undefined> {
    const { rows } = await this.pool.query<FeedRow>(`SELECT * FROM feeds WHERE url = $1`, [url]);
    return rows[0] && toFeed(rows[0]);
  }

  async feeds(): Promise<FeedRecord[]> {
    // COLLATE "C": the byte order SQLite sorts text in, so both engines list feeds alike.
    const { rows } = await this.pool.query<FeedRow>(`SELECT * FROM feeds ORDER BY outlet COLLATE "C", url COLLATE "C"`);
    return rows.map(toFeed);
  }

  async removeFeed(url: string): Promise<boolean> {
    return ((await this.pool.query(`DELETE FROM feeds WHERE url = $1`, [url])).rowCount ?? 0) > 0;
  }

  async recordSuccess(url: string, parts: { etag?: string | null; lastModified?: string | null; added: number; nextFetch: Date | null }, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE feeds SET etag = coalesce($1, etag), last_modified = coalesce($2, last_modified), last_fetch = $3, last_success = $3,
         next_fetch = $4, items = items + $5, last_error = NULL, failure_streak = 0 WHERE url = $6`,
      [parts.etag ?? null, parts.lastModified ?? null, now.toISOString(), parts.nextFetch?.toISOString() ?? null, parts.added, url],
    );
  }

  async recordFailure(url: string, error: string, nextFetch: Date | null, now: Date): Promise<number> {
    const { rows } = await this.pool.query<{ failure_streak: number }>(
      `UPDATE feeds SET last_fetch = $1, last_error = $2, next_fetch = $3, failure_streak = failure_streak + 1 WHERE url = $4 RETURNING failure_streak`,
      [now.toISOString(), error.slice(0, MAX_FEED_ERROR_LENGTH), nextFetch?.toISOString() ?? null, url],
    );
    return rows[0]?.failure_streak ?? 0;
  }

  async findArticle(feedUrl: string, canonicalUrl: string | null, guid: string | null): Promise<FeedArticleRecord | undefined> {
    const byUrl = canonicalUrl ? (await this.pool.query<ArticleRow>(`SELECT * FROM feed_articles WHERE canonical_url = $1`, [canonicalUrl])).rows[0] : undefined;
    const row = byUrl ?? (guid ? (await this.pool.query<ArticleRow>(`SELECT * FROM feed_articles WHERE feed_url = $1 AND guid = $2 LIMIT 1`, [feedUrl, guid])).rows[0] : undefined);
    return row && { file: row.file, feedUrl: row.feed_url, canonicalUrl: row.canonical_url, guid: row.guid, textHash: row.text_hash, updated: row.updated };
  }

  async fileTaken(file: string): Promise<boolean> {
    return (await this.pool.query(`SELECT 1 FROM feed_articles WHERE file = $1`, [file])).rows.length > 0;
  }

  async saveArticle(record: FeedArticleRecord, now: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO feed_articles (file, feed_url, canonical_url, guid, text_hash, updated, fetched_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (file) DO UPDATE SET canonical_url = coalesce(EXCLUDED.canonical_url, feed_articles.canonical_url), guid = coalesce(EXCLUDED.guid, feed_articles.guid),
         text_hash = EXCLUDED.text_hash, updated = EXCLUDED.updated, fetched_at = EXCLUDED.fetched_at`,
      [record.file, record.feedUrl, record.canonicalUrl, record.guid, record.textHash, record.updated, now.toISOString()],
    );
  }
}
