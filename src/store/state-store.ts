/**
 * Typed access to the state database: digest subscriptions, digest runs and article arrivals.
 * Everything a restart must remember lives here, so the digest scheduler itself stays stateless.
 */
import type Database from 'better-sqlite3';
import type { Clock, Logger } from '../core/ports.js';
import { NewsdeskError } from '../core/errors.js';
import {
  toRun,
  toSubscription,
  type ArrivingArticle,
  type DigestPlatform,
  type DigestRun,
  type NewSubscription,
  type RunRow,
  type RunStatus,
  type SubscriptionRow,
  type Subscription,
} from './records.js';
import { fileIdentity, isUnusableDbError, openStateDb, type StateOpenOutcome } from './state-db.js';

export type { ArrivingArticle, DigestPlatform, DigestRun, NewSubscription, RunStatus, Subscription } from './records.js';

const iso = (d: Date): string => d.toISOString();

/** Longest error text kept per run: enough to diagnose, never a whole response body. */
const MAX_ERROR_LENGTH = 500;

/**
 * The state store over `DATA_DIR/newsdesk.db`.
 * @example
 * const store = StateStore.open({ dataDir: './data', logger, clock });
 * store.addSubscription({ platform: 'slack', channel: 'C1', topic: null, cron: '0 9 * * 1-5', timezone: 'Asia/Yerevan', createdBy: 'U1' });
 */
export class StateStore {
  private db: Database.Database;
  private identity: string | null;
  /** How the file was found when last opened. */
  outcome: StateOpenOutcome;
  /** The database file path. */
  readonly file: string;
  private readonly dataDir: string;
  private readonly logger: Logger;
  private readonly clock: Clock;

  private constructor(dataDir: string, logger: Logger, clock: Clock) {
    this.dataDir = dataDir;
    this.logger = logger;
    this.clock = clock;
    const opened = openStateDb(dataDir, logger, clock.now());
    this.db = opened.db;
    this.file = opened.file;
    this.outcome = opened.outcome;
    this.identity = fileIdentity(opened.file);
  }

  /**
   * Opens the store, creating, migrating or (when unusable) replacing the file.
   * @throws NewsdeskError (code `state`) when DATA_DIR cannot be used at all
   */
  static open(parts: { dataDir: string; logger: Logger; clock?: Clock }): StateStore {
    return new StateStore(parts.dataDir, parts.logger, parts.clock ?? { now: () => new Date() });
  }

  /**
   * Checks the file is still the one we opened. If it was deleted or replaced while the bot ran,
   * warns and starts a fresh database, returning true so callers can re-seed what they keep there.
   */
  ensureFile(): boolean {
    const now = fileIdentity(this.file);
    if (now !== null && now === this.identity) return false;
    this.logger.warn(
      { file: this.file },
      now === null
        ? 'state database was deleted while running; starting a fresh one — chat subscriptions must be made again'
        : 'state database was replaced while running; reopening it',
    );
    this.reopen();
    return true;
  }

  /**
   * If `err` says the database file became corrupt while open, moves it aside, starts a fresh
   * one (with a warning) and returns true; otherwise returns false and leaves things alone.
   */
  recoverFrom(err: unknown): boolean {
    if (!isUnusableDbError(err)) return false;
    this.logger.warn({ file: this.file, reason: (err as Error).message }, 'state database became unreadable');
    this.reopen();
    return true;
  }

  private reopen(): void {
    try {
      this.db.close();
    } catch {
      // The old handle may already be unusable; a fresh one is what matters.
    }
    const opened = openStateDb(this.dataDir, this.logger, this.clock.now());
    this.db = opened.db;
    this.outcome = opened.outcome === 'opened' ? 'opened' : 'recovered';
    this.identity = fileIdentity(opened.file);
  }

  /** Closes the database. */
  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- subscriptions ----

  /**
   * Adds a subscription.
   * @throws NewsdeskError (code `usage`) when the channel already has the same one
   */
  addSubscription(s: NewSubscription): Subscription {
    const existing = this.findSubscription(s);
    if (existing) {
      throw new NewsdeskError(`This channel already has that digest (subscription ${existing.id}).`, 'usage');
    }
    const row = this.db
      .prepare(
        `INSERT INTO subscriptions (platform, channel, topic, cron, timezone, created_by, created_at, origin, created_seq)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(s.platform, s.channel, s.topic, s.cron, s.timezone, s.createdBy, iso(this.clock.now()), s.origin ?? 'chat', this.latestArrival()) as SubscriptionRow;
    return toSubscription(row);
  }

  /** The subscription with the same platform, channel, topic, cron and time zone, if any. */
  findSubscription(s: Pick<Subscription, 'platform' | 'channel' | 'topic' | 'cron' | 'timezone'>): Subscription | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM subscriptions WHERE platform = ? AND channel = ? AND ifnull(topic, '') = ifnull(?, '') AND cron = ? AND timezone = ?`,
      )
      .get(s.platform, s.channel, s.topic, s.cron, s.timezone) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  /** Subscriptions, optionally of one platform and channel, oldest first. */
  listSubscriptions(filter: { platform?: DigestPlatform; channel?: string } = {}): Subscription[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM subscriptions WHERE (@platform IS NULL OR platform = @platform) AND (@channel IS NULL OR channel = @channel) ORDER BY id`,
      )
      .all({ platform: filter.platform ?? null, channel: filter.channel ?? null }) as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  /** One subscription by id. */
  getSubscription(id: number): Subscription | undefined {
    const row = this.db.prepare(`SELECT * FROM subscriptions WHERE id = ?`).get(id) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : undefined;
  }

  /** Deletes a subscription and its run history; false when there was none. */
  removeSubscription(id: number): boolean {
    return this.db.prepare(`DELETE FROM subscriptions WHERE id = ?`).run(id).changes > 0;
  }

  /**
   * Makes the `env` subscriptions exactly `wanted`: keeps matching ones (and so their history),
   * adds new ones, removes those no longer configured.
   * @returns the env subscriptions now in force
   */
  syncEnvSubscriptions(wanted: readonly NewSubscription[]): Subscription[] {
    return this.db.transaction(() => {
      const keep = new Set<number>();
      const result: Subscription[] = [];
      for (const w of wanted) {
        const found = this.findSubscription(w);
        const sub = found ?? this.addSubscription({ ...w, origin: 'env' });
        keep.add(sub.id);
        result.push(sub);
      }
      for (const old of this.listSubscriptions().filter((s) => s.origin === 'env' && !keep.has(s.id))) {
        this.removeSubscription(old.id);
      }
      return result;
    })();
  }

  // ---- digest runs ----

  /** The run with the latest slot for a subscription. */
  lastRun(subscriptionId: number): DigestRun | undefined {
    const row = this.db
      .prepare(`SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY slot DESC, id DESC LIMIT 1`)
      .get(subscriptionId) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  /** The latest run that finished (posted, or found nothing to post): the next window starts at its end. */
  lastCompletedRun(subscriptionId: number): DigestRun | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM digest_runs WHERE subscription_id = ? AND status IN ('posted', 'empty') ORDER BY window_end_seq DESC, id DESC LIMIT 1`,
      )
      .get(subscriptionId) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  /** Runs not yet finished (a crash or stop between creating and finishing one), oldest first. */
  pendingRuns(subscriptionId: number): DigestRun[] {
    const rows = this.db
      .prepare(`SELECT * FROM digest_runs WHERE subscription_id = ? AND status = 'pending' ORDER BY slot`)
      .all(subscriptionId) as RunRow[];
    return rows.map(toRun);
  }

  /** All runs of a subscription, oldest first. */
  runs(subscriptionId: number): DigestRun[] {
    const rows = this.db
      .prepare(`SELECT * FROM digest_runs WHERE subscription_id = ? ORDER BY slot, id`)
      .all(subscriptionId) as RunRow[];
    return rows.map(toRun);
  }

  /**
   * Records that a run for `slot` is starting. The (subscription, slot) pair is unique, so a slot
   * can be claimed only once, even across restarts.
   * @returns the new run, or undefined when that slot already has one
   */
  createRun(
    r: Pick<DigestRun, 'subscriptionId' | 'slot' | 'kind' | 'windowStartSeq' | 'windowEndSeq' | 'windowStart' | 'windowEnd'>,
  ): DigestRun | undefined {
    const row = this.db
      .prepare(
        `INSERT INTO digest_runs (subscription_id, slot, kind, window_start_seq, window_end_seq, window_start, window_end, status, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT (subscription_id, slot) DO NOTHING RETURNING *`,
      )
      .get(
        r.subscriptionId,
        iso(r.slot),
        r.kind,
        r.windowStartSeq,
        r.windowEndSeq,
        iso(r.windowStart),
        iso(r.windowEnd),
        iso(this.clock.now()),
      ) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  /**
   * Records the intent to post a run, before the first attempt: a fresh post key and the time.
   * A run that already has an intent keeps it, so every attempt, in this process or after a
   * restart, carries the same key.
   * @returns the run's post key and when posting began
   */
  recordIntent(runId: number, key: string, at: Date = this.clock.now()): { key: string; at: Date } {
    const row = this.db
      .prepare(
        `UPDATE digest_runs SET post_key = ifnull(post_key, ?), intent_at = ifnull(intent_at, ?) WHERE id = ? RETURNING post_key, intent_at`,
      )
      .get(key, iso(at), runId) as { post_key: string; intent_at: string } | undefined;
    if (!row) throw new NewsdeskError(`Digest run ${runId} is not in the state database.`, 'state');
    return { key: row.post_key, at: new Date(row.intent_at) };
  }

  /** Counts one posting attempt (before it is made, so a crash mid-post still shows it). */
  countAttempt(runId: number): void {
    this.db.prepare(`UPDATE digest_runs SET attempts = attempts + 1 WHERE id = ?`).run(runId);
  }

  /** Finishes a run. */
  finishRun(runId: number, outcome: { status: Exclude<RunStatus, 'pending'>; articleCount?: number; error?: string }): void {
    this.db
      .prepare(`UPDATE digest_runs SET status = ?, posted_at = ?, article_count = ?, error = ? WHERE id = ?`)
      .run(
        outcome.status,
        outcome.status === 'posted' ? iso(this.clock.now()) : null,
        outcome.articleCount ?? null,
        outcome.error ? outcome.error.slice(0, MAX_ERROR_LENGTH) : null,
        runId,
      );
  }

  // ---- article arrivals ----

  /**
   * Notes articles as seen now: new ids get `first_seen = at`; known ones keep their first-seen
   * time (a corrected article is not news again) but take the new content hash. A known article
   * listed in `revised` (its text changed materially) arrives again: a new arrival number and
   * `first_seen = at`, so the next digest carries it once more, once.
   * @returns ids seen for the first time
   */
  recordArrivals(articles: readonly ArrivingArticle[], at: Date = this.clock.now(), revised: readonly string[] = []): string[] {
    const insert = this.db.prepare(
      `INSERT INTO article_arrivals (article_id, seq, content_hash, first_seen, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    const update = this.db.prepare(`UPDATE article_arrivals SET content_hash = ?, updated_at = ?, removed_at = NULL WHERE article_id = ?`);
    const renew = this.db.prepare(
      `UPDATE article_arrivals SET seq = ?, content_hash = ?, first_seen = ?, updated_at = ?, removed_at = NULL WHERE article_id = ?`,
    );
    const news = new Set(revised);
    return this.db.transaction(() => {
      // One read of what is known, instead of a query per article: a restart over a large
      // corpus re-notes every article.
      const known = new Map<string, string>();
      const rows = this.db
        .prepare(`SELECT article_id, content_hash, removed_at IS NOT NULL AS removed FROM article_arrivals`)
        .all() as Array<{ article_id: string; content_hash: string; removed: number }>;
      for (const r of rows) known.set(r.article_id, r.removed ? '' : r.content_hash);
      let seq = this.latestArrival();
      const fresh: string[] = [];
      for (const a of articles) {
        const hash = known.get(a.id);
        if (hash === undefined) {
          insert.run(a.id, ++seq, a.contentHash, iso(at), iso(at));
          known.set(a.id, a.contentHash);
          fresh.push(a.id);
        } else if (hash !== a.contentHash && news.has(a.id)) {
          renew.run(++seq, a.contentHash, iso(at), iso(at), a.id);
          known.set(a.id, a.contentHash);
        } else if (hash !== a.contentHash) {
          update.run(a.contentHash, iso(at), a.id);
          known.set(a.id, a.contentHash);
        }
      }
      return fresh;
    })();
  }

  /** Notes articles as gone from the corpus (kept, so their return is not news). */
  recordRemovals(ids: readonly string[], at: Date = this.clock.now()): void {
    const stmt = this.db.prepare(`UPDATE article_arrivals SET removed_at = ? WHERE article_id = ? AND removed_at IS NULL`);
    this.db.transaction(() => {
      for (const id of ids) stmt.run(iso(at), id);
    })();
  }

  /** The arrivals counter: the number of the latest article first seen (0 when none). */
  latestArrival(): number {
    return (this.db.prepare(`SELECT ifnull(max(seq), 0) FROM article_arrivals`).pluck().get() as number) ?? 0;
  }

  /** Ids of articles with arrival numbers in `(startSeq, endSeq]` and still present, in order of arrival. */
  arrivalsBetween(startSeq: number, endSeq: number): string[] {
    return this.db
      .prepare(`SELECT article_id FROM article_arrivals WHERE seq > ? AND seq <= ? AND removed_at IS NULL ORDER BY seq`)
      .pluck()
      .all(startSeq, endSeq) as string[];
  }

  /** Ids of articles first seen at or after `since` and still present, in order of arrival. */
  arrivalsSince(since: Date): string[] {
    return this.db
      .prepare(`SELECT article_id FROM article_arrivals WHERE first_seen >= ? AND removed_at IS NULL ORDER BY seq`)
      .pluck()
      .all(iso(since)) as string[];
  }

  /** When an article was first seen, if it was. */
  firstSeen(articleId: string): Date | undefined {
    const row = this.db.prepare(`SELECT first_seen FROM article_arrivals WHERE article_id = ?`).get(articleId) as
      | { first_seen: string }
      | undefined;
    return row ? new Date(row.first_seen) : undefined;
  }
}
