/**
 * Schema of the state database, one SQL step per version (`PRAGMA user_version` counts how many
 * have run). Append new steps; never edit a released one, or existing files would diverge.
 *
 * Arrivals are numbered (`seq`, one counter for the whole corpus): digest windows are ranges of
 * that counter, so "new since the last digest" never depends on two clock readings being
 * ordered (a frozen or jumping clock, two events in one millisecond).
 *
 * Times are ISO-8601 UTC strings with milliseconds (`Date.toISOString()`): fixed width, so they
 * sort and compare correctly as text and stay readable in the sqlite3 shell.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: subscriptions, digest runs, article arrivals
  `
  CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    platform TEXT NOT NULL CHECK (platform IN ('slack', 'discord')),
    channel TEXT NOT NULL,
    topic TEXT,
    cron TEXT NOT NULL,
    timezone TEXT NOT NULL,
    created_by TEXT,
    created_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'chat' CHECK (origin IN ('chat', 'env')),
    created_seq INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX subscriptions_key ON subscriptions (platform, channel, ifnull(topic, ''), cron, timezone);

  CREATE TABLE digest_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    slot TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual')),
    window_start_seq INTEGER NOT NULL,
    window_end_seq INTEGER NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'empty', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    posted_at TEXT,
    error TEXT,
    article_count INTEGER,
    created_at TEXT NOT NULL,
    UNIQUE (subscription_id, slot)
  );
  CREATE INDEX digest_runs_by_subscription ON digest_runs (subscription_id, slot);

  CREATE TABLE article_arrivals (
    article_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    removed_at TEXT
  );
  CREATE INDEX article_arrivals_by_time ON article_arrivals (first_seen);
  `,
  // 2: the intent to post a run, recorded before the first attempt: the key the post carries
  // (Slack message metadata, Discord nonce and footer) and when posting began, so a restart can
  // look for a post a killed process may have made instead of posting it again.
  `
  ALTER TABLE digest_runs ADD COLUMN post_key TEXT;
  ALTER TABLE digest_runs ADD COLUMN intent_at TEXT;
  `,
  // 3: feeds (issue 16): each followed feed's HTTP validators and health, and the file each
  // feed article was written to, keyed by canonical URL then GUID so a story is stored once.
  `
  CREATE TABLE feeds (
    url TEXT PRIMARY KEY,
    outlet TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'chat')),
    added_by TEXT,
    added_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    last_fetch TEXT,
    last_success TEXT,
    next_fetch TEXT,
    items INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    failure_streak INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE feed_articles (
    file TEXT PRIMARY KEY,
    feed_url TEXT NOT NULL,
    canonical_url TEXT,
    guid TEXT,
    text_hash TEXT NOT NULL,
    updated TEXT,
    fetched_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX feed_articles_by_url ON feed_articles (canonical_url) WHERE canonical_url IS NOT NULL;
  CREATE INDEX feed_articles_by_guid ON feed_articles (feed_url, guid);
  `,
  // 4: readers' verdicts on answers (issue 17): 👍 or 👎 with a reason and an optional comment,
  // and what was judged (command, query, and the quoted items as JSON: article id and offsets).
  `
  CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    platform TEXT NOT NULL,
    workspace_id TEXT,
    channel_id TEXT,
    user_id TEXT,
    command TEXT NOT NULL,
    query TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down')),
    reason TEXT CHECK (reason IN ('wrong_speaker', 'wrong_stance', 'wrong_date', 'not_relevant', 'other')),
    comment TEXT,
    items TEXT NOT NULL
  );
  CREATE INDEX feedback_by_time ON feedback (created_at);
  `,
];
