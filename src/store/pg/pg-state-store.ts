/**
 * The state store on PostgreSQL (`DATABASE_URL=postgres://…`), for several replicas sharing one
 * state: the same records and operations as the SQLite {@link StateStore}, asynchronous, plus
 * slot claims with a lease (one replica posts each digest) and event de-duplication across
 * replicas. Leases and event expiry use the database's clock, never a replica's.
 */
import pg from 'pg';
import type { Clock, Logger } from '../../core/ports.js';
import { NewsdeskError } from '../../core/errors.js';
import type { ArrivingArticle, DigestPlatform, DigestRun, NewSubscription, RunStatus, Subscription } from '../records.js';
import type { ClaimRequest, NewRun, SlotClaim, StatePort } from '../state-port.js';
import { recordArrivals } from './pg-arrivals.js';
import { LOCK_NAMESPACE, LOCKS, migratePg } from './pg-migrations.js';
import { pgClaim, pgRun, pgSubscription, type PgRunRow, type PgSubscriptionRow } from './pg-rows.js';

export type { NewRun, SlotClaim } from '../state-port.js';

/** Longest error text kept per run, as in the SQLite store. */
const MAX_ERROR_LENGTH = 500;

/** Expired delivered-event keys are deleted at most this often, and at most this many at once. */
const PURGE_EVERY_MS = 60_000;
const PURGE_BATCH = 5_000;

/** Something to run a query on: the pool, or one client inside a transaction. */
type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** How to open a {@link PgStateStore}. */
export interface PgStateStoreOptions {
  /** A `postgres://` connection URL (the store makes and owns its pool) … */
  url?: string;
  /** … or a pool the caller owns (the store never ends it). */
  pool?: pg.Pool;
  logger: Logger;
  /** Clock for the times records carry (created, posted, seen); leases use the database's clock. */
  clock?: Clock;
}

const SUBSCRIPTION_COLUMNS = `platform, channel, topic, cron, timezone`;
const SAME_SUBSCRIPTION = `platform = $1 AND channel = $2 AND coalesce(topic, '') = coalesce($3, '') AND cron = $4 AND timezone = $5`;
const subscriptionKey = (s: Pick<Subscription, 'platform' | 'channel' | 'topic' | 'cron' | 'timezone'>) => [s.platform, s.channel, s.topic, s.cron, s.timezone];

function positiveMs(ms: number, what: string): number {
  if (!Number.isFinite(ms) || ms <= 0) throw new NewsdeskError(`${what} must be a positive number of milliseconds, not ${ms}.`, 'internal');
  return Math.round(ms);
}

/**
 * The state store over a PostgreSQL database shared by replicas.
 * @example
 * const store = await PgStateStore.open({ url: process.env.DATABASE_URL, logger });
 * const claim = await store.claimSlot(run, { replicaId: 'bot-1', leaseMs: 60_000 });
 * if (claim) { … post …; await store.finishRun(claim.run.id, { status: 'posted' }, { replicaId: 'bot-1' }); }
 */
export class PgStateStore implements StatePort {
  readonly engine = 'postgres' as const;
  private lastPurge = 0;
  /** How many schema steps this store applied when it opened (0 when another replica had). */
  migrated = 0;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly ownsPool: boolean,
    private readonly clock: Clock,
  ) {}

  /**
   * Connects and brings the schema up to date (once, however many replicas open at the same time).
   * @throws NewsdeskError (code `state`) when the database cannot be reached or has a newer schema
   */
  static async open(options: PgStateStoreOptions): Promise<PgStateStore> {
    if (!options.pool && !options.url) throw new NewsdeskError('PgStateStore needs a url or a pool.', 'internal');
    const pool =
      options.pool ??
      new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 10_000, statement_timeout: 30_000, application_name: 'newsdesk' });
    // An idle client losing its connection must be logged, not crash the process.
    pool.on('error', (err) => options.logger.warn({ reason: err.message }, 'state database connection lost; it is replaced on next use'));
    const store = new PgStateStore(pool, !options.pool, options.clock ?? { now: () => new Date() });
    try {
      store.migrated = await migratePg(pool);
    } catch (err) {
      if (!options.pool) await pool.end().catch(() => undefined);
      if (err instanceof NewsdeskError) throw err;
      throw new NewsdeskError(`Cannot open the state database: ${(err as Error).message}`, 'state', { cause: err });
    }
    return store;
  }

  /** Nothing to check: the database is not a file that can vanish under the process. */
  ensureFile(): boolean {
    return false;
  }

  /** A PostgreSQL error is never a corrupt file to replace: the caller sees it. */
  recoverFrom(): boolean {
    return false;
  }

  /** Closes the pool, if the store made it. */
  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  /** Runs `work` in one transaction on one client. */
  private async transaction<T>(work: (q: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  // ---- subscriptions ----

  /**
   * Adds a subscription.
   * @throws NewsdeskError (code `usage`) when the channel already has the same one
   */
  async addSubscription(s: NewSubscription, q: Queryable = this.pool): Promise<Subscription> {
    const { rows } = await q.query<PgSubscriptionRow>(
      `INSERT INTO subscriptions (${SUBSCRIPTION_COLUMNS}, created_by, created_at, origin, created_seq)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT coalesce(max(seq), 0) FROM article_arrivals))
       ON CONFLICT (platform, channel, coalesce(topic, ''), cron, timezone) DO NOTHING RETURNING *`,
      [...subscriptionKey(s), s.createdBy, this.clock.now(), s.origin ?? 'chat'],
    );
    if (rows[0]) return pgSubscription(rows[0]);
    const existing = await this.findSubscription(s, q);
    throw new NewsdeskError(`This channel already has that digest (subscription ${existing?.id ?? '?'}).`, 'usage');
  }

  /** The subscription with the same platform, channel, topic, cron and time zone, if any. */
  async findSubscription(
    s: Pick<Subscription, 'platform' | 'channel' | 'topic' | 'cron' | 'timezone'>,
    q: Queryable = this.pool,
  ): Promise<Subscription | undefined> {
    const { rows } = await q.query<PgSubscriptionRow>(`SELECT * FROM subscriptions WHERE ${SAME_SUBSCRIPTION}`, subscriptionKey(s));
    return rows[0] ? pgSubscription(rows[0]) : undefined;
  }

  /** Subscriptions, optionally of one platform and channel, oldest first. */
  async listSubscriptions(filter: { platform?: DigestPlatform; channel?: string } = {}, q: Queryable = this.pool): Promise<Subscription[]> {
    const { rows } = await q.query<PgSubscriptionRow>(
      `SELECT * FROM subscriptions WHERE ($1::text IS NULL OR platform = $1) AND ($2::text IS NULL OR channel = $2) ORDER BY id`,
      [filter.platform ?? null, filter.channel ?? null],
    );
    return rows.map(pgSubscription);
  }

  /** One subscription by id. */
  async getSubscription(id: number): Promise<Subscription | undefined> {
    const { rows } = await this.pool.query<PgSubscriptionRow>(`SELECT * FROM subscriptions WHERE id = $1`, [id]);
    return rows[0] ? pgSubscription(rows[0]) : undefined;
  }

  /** Deletes a subscription and its run history; false when there was none. */
  async removeSubscription(id: number, q: Queryable = this.pool): Promise<boolean> {
    return ((await q.query(`DELETE FROM subscriptions WHERE id = $1`, [id])).rowCount ?? 0) > 0;
  }

  /**
   * Makes the `env` subscriptions exactly `wanted`: keeps matching ones (and so their history),
   * adds new ones, removes those no longer configured. Replicas starting together take turns.
   * @returns the env subscriptions now in force
   */
  async syncEnvSubscriptions(wanted: readonly NewSubscription[]): Promise<Subscription[]> {
    return this.transaction(async (q) => {
      await q.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LOCKS.envSubscriptions]);
      const keep = new Set<number>();
      const result: Subscription[] = [];
      for (const w of wanted) {
        const sub = (await this.findSubscription(w, q)) ?? (await this.addSubscription({ ...w, origin: 'env' }, q));
        keep.add(sub.id);
        result.push(sub);
      }
      for (const old of (await this.listSubscriptions({}, q)).filter((s) => s.origin === 'env' && !keep.has(s.id))) {
        await this.removeSubscription(old.id, q);
      }
      return result;
    });
  }

  // ---- digest runs ----

  private async oneRun(sql: string, params: unknown[]): Promise<DigestRun | undefined> {
    const { rows } = await this.pool.query<PgRunRow>(sql, params);
    return rows[0] ? pgRun(rows[0]) : undefined;
  }

  private async someRuns(sql: string, params: unknown[]): Promise<DigestRun[]> {
    return (await this.pool.query<PgRunRow>(sql, params)).rows.map(pgRun);
  }

  /** The run with the latest slot for a subscription. */
  lastRun(subscriptionId: number): Promise<DigestRun | undefined> {
    return this.oneRun(`SELECT * FROM digest_runs WHERE subscription_id = $1 ORDER BY slot DESC, id DESC LIMIT 1`, [subscriptionId]);
  }

  /** The latest run that finished (posted, or found nothing to post): the next window starts at its end. */
  lastCompletedRun(subscriptionId: number): Promise<DigestRun | undefined> {
    return this.oneRun(
      `SELECT * FROM digest_runs WHERE subscription_id = $1 AND status IN ('posted', 'empty') ORDER BY window_end_seq DESC, id DESC LIMIT 1`,
      [subscriptionId],
    );
  }

  /** Runs not yet finished, oldest first (including ones another replica holds a live claim on). */
  pendingRuns(subscriptionId: number): Promise<DigestRun[]> {
    return this.someRuns(`SELECT * FROM digest_runs WHERE subscription_id = $1 AND status = 'pending' ORDER BY slot`, [subscriptionId]);
  }

  /** All runs of a subscription, oldest first. */
  runs(subscriptionId: number): Promise<DigestRun[]> {
    return this.someRuns(`SELECT * FROM digest_runs WHERE subscription_id = $1 ORDER BY slot, id`, [subscriptionId]);
  }

  private runValues(r: NewRun): unknown[] {
    return [r.subscriptionId, r.slot, r.kind, r.windowStartSeq, r.windowEndSeq, r.windowStart, r.windowEnd, this.clock.now()];
  }

  /**
   * Records that a run for `slot` is starting, without a claim (one process, as with SQLite).
   * @returns the new run, or undefined when that slot already has one
   */
  createRun(r: NewRun): Promise<DigestRun | undefined> {
    return this.oneRun(
      `INSERT INTO digest_runs (subscription_id, slot, kind, window_start_seq, window_end_seq, window_start, window_end, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8) ON CONFLICT (subscription_id, slot) DO NOTHING RETURNING *`,
      this.runValues(r),
    );
  }

  /**
   * Claims the run for a slot for this replica, for `leaseMs` by the database's clock. Exactly one
   * replica gets a slot: the first to create its run; after that only a replica finding the
   * lease expired and the run still pending (its holder died or stalled) takes it over — the
   * run keeps its window and post key, so the new holder can look for a post the old one made.
   * Call {@link renewLease} well within the lease while working.
   * @returns the claim, or undefined when another replica holds the slot or its run is finished
   */
  async claimSlot(r: NewRun, claim: ClaimRequest): Promise<SlotClaim | undefined> {
    const leaseMs = positiveMs(claim.leaseMs, 'A lease');
    const created = await this.pool.query<PgRunRow>(
      `INSERT INTO digest_runs (subscription_id, slot, kind, window_start_seq, window_end_seq, window_start, window_end, status, created_at,
                                claimed_by, lease_until, claims)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, now() + $10 * interval '1 millisecond', 1)
       ON CONFLICT (subscription_id, slot) DO NOTHING RETURNING *`,
      [...this.runValues(r), claim.replicaId, leaseMs],
    );
    if (created.rows[0]) return pgClaim(created.rows[0]);
    // One statement decides a takeover: the row is locked while its lease is checked, so of
    // replicas racing for an expired claim only the first sees it expired.
    const taken = await this.pool.query<PgRunRow>(
      `UPDATE digest_runs SET claimed_by = $3, lease_until = now() + $4 * interval '1 millisecond', claims = claims + 1
       WHERE subscription_id = $1 AND slot = $2 AND status = 'pending' AND lease_until < now() RETURNING *`,
      [r.subscriptionId, r.slot, claim.replicaId, leaseMs],
    );
    return taken.rows[0] ? pgClaim(taken.rows[0]) : undefined;
  }

  /**
   * Extends this replica's claim on a pending run to `leaseMs` from now (the database's clock).
   * @returns the new end of the lease, or undefined when the claim was lost (taken over, or the run finished)
   */
  async renewLease(runId: number, claim: ClaimRequest): Promise<Date | undefined> {
    const { rows } = await this.pool.query<{ lease_until: Date }>(
      `UPDATE digest_runs SET lease_until = now() + $3 * interval '1 millisecond'
       WHERE id = $1 AND claimed_by = $2 AND status = 'pending' RETURNING lease_until`,
      [runId, claim.replicaId, positiveMs(claim.leaseMs, 'A lease')],
    );
    return rows[0]?.lease_until;
  }

  /**
   * Records the intent to post a run, before the first attempt: a fresh post key and the time.
   * A run that already has an intent keeps it, so every attempt, on any replica, carries the same key.
   * @returns the run's post key and when posting began
   */
  async recordIntent(runId: number, key: string, at: Date = this.clock.now()): Promise<{ key: string; at: Date }> {
    const { rows } = await this.pool.query<{ post_key: string; intent_at: Date }>(
      `UPDATE digest_runs SET post_key = coalesce(post_key, $1), intent_at = coalesce(intent_at, $2) WHERE id = $3 RETURNING post_key, intent_at`,
      [key, at, runId],
    );
    if (!rows[0]) throw new NewsdeskError(`Digest run ${runId} is not in the state database.`, 'state');
    return { key: rows[0].post_key, at: rows[0].intent_at };
  }

  /** Counts one posting attempt (before it is made, so a crash mid-post still shows it). */
  async countAttempt(runId: number): Promise<void> {
    await this.pool.query(`UPDATE digest_runs SET attempts = attempts + 1 WHERE id = $1`, [runId]);
  }

  /**
   * Finishes a run. With `replicaId`, only while that replica still holds the claim: a replica
   * whose run was taken over must not overwrite the new holder's outcome.
   * @returns false when the run does not exist or (with `replicaId`) the claim was lost
   */
  async finishRun(
    runId: number,
    outcome: { status: Exclude<RunStatus, 'pending'>; articleCount?: number; error?: string },
    claim?: { replicaId: string },
  ): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE digest_runs SET status = $1, posted_at = $2, article_count = $3, error = $4
       WHERE id = $5 AND ($6::text IS NULL OR (claimed_by = $6 AND status = 'pending'))`,
      [
        outcome.status,
        outcome.status === 'posted' ? this.clock.now() : null,
        outcome.articleCount ?? null,
        outcome.error ? outcome.error.slice(0, MAX_ERROR_LENGTH) : null,
        runId,
        claim?.replicaId ?? null,
      ],
    );
    return (rowCount ?? 0) > 0;
  }

  // ---- delivered events ----

  /**
   * True exactly once per `eventKey` across all replicas while the key is remembered (`ttlMs`,
   * by the database's clock): the replica that gets true answers the event, the others drop it.
   * A key older than its time to live counts as new again; expired keys are deleted now and then.
   */
  async firstDelivery(eventKey: string, ttlMs: number): Promise<boolean> {
    const ttl = positiveMs(ttlMs, 'A time to live');
    const { rowCount } = await this.pool.query(
      `INSERT INTO delivered_events (event_key, expires_at) VALUES ($1, now() + $2 * interval '1 millisecond')
       ON CONFLICT (event_key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE delivered_events.expires_at < now()`,
      [eventKey, ttl],
    );
    await this.purgeDeliveries();
    return (rowCount ?? 0) > 0;
  }

  /** Deletes expired event keys (a bounded batch), at most once a minute per store. */
  private async purgeDeliveries(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.pool.query(
      // The outer test is checked again on a row a concurrent delivery just renewed, so a renewed key stays.
      `DELETE FROM delivered_events
       WHERE expires_at < now() AND event_key IN (SELECT event_key FROM delivered_events WHERE expires_at < now() LIMIT $1)`,
      [PURGE_BATCH],
    );
  }

  // ---- article arrivals ----

  /**
   * Notes articles as seen now: new ids get `first_seen = at` and the next arrival numbers;
   * known ones keep their first-seen time (a corrected article is not news again) but take the
   * new content hash. A known article listed in `revised` (its text changed materially) arrives
   * again: a new number and `first_seen = at`. Writers on several replicas take turns, so numbers
   * appear in order.
   * @returns ids seen for the first time
   */
  recordArrivals(articles: readonly ArrivingArticle[], at: Date = this.clock.now(), revised: readonly string[] = []): Promise<string[]> {
    return this.transaction((q) => recordArrivals(q, articles, at, revised));
  }

  /** Notes articles as gone from the corpus (kept, so their return is not news). */
  async recordRemovals(ids: readonly string[], at: Date = this.clock.now()): Promise<void> {
    await this.pool.query(`UPDATE article_arrivals SET removed_at = $1 WHERE article_id = ANY($2::text[]) AND removed_at IS NULL`, [at, [...ids]]);
  }

  /** The arrivals counter: the number of the latest article first seen (0 when none). */
  async latestArrival(): Promise<number> {
    const { rows } = await this.pool.query<{ seq: number }>(`SELECT coalesce(max(seq), 0) AS seq FROM article_arrivals`);
    return rows[0]!.seq;
  }

  /** Ids of articles with arrival numbers in `(startSeq, endSeq]` and still present, in order of arrival. */
  async arrivalsBetween(startSeq: number, endSeq: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ article_id: string }>(
      `SELECT article_id FROM article_arrivals WHERE seq > $1 AND seq <= $2 AND removed_at IS NULL ORDER BY seq`,
      [startSeq, endSeq],
    );
    return rows.map((r) => r.article_id);
  }

  /** Ids of articles first seen at or after `since` and still present, in order of arrival. */
  async arrivalsSince(since: Date): Promise<string[]> {
    const { rows } = await this.pool.query<{ article_id: string }>(
      `SELECT article_id FROM article_arrivals WHERE first_seen >= $1 AND removed_at IS NULL ORDER BY seq`,
      [since],
    );
    return rows.map((r) => r.article_id);
  }

  /** When an article was first seen, if it was. */
  async firstSeen(articleId: string): Promise<Date | undefined> {
    const { rows } = await this.pool.query<{ first_seen: Date }>(`SELECT first_seen FROM article_arrivals WHERE article_id = $1`, [articleId]);
    return rows[0]?.first_seen;
  }
}
