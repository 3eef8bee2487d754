/**
 * The one state-store port both engines implement: the SQLite file (one process, the default)
 * through {@link SqliteStatePort}, and PostgreSQL (`DATABASE_URL`, several replicas) through
 * `PgStateStore`. Every operation returns a promise, so callers are the same for both.
 *
 * Slot claims are part of the port: with PostgreSQL a claim is a lease one replica holds while it
 * posts; with SQLite only one process can hold the file (DATA_DIR's lock), so a claim is simply
 * the run and never expires.
 */
import type { Clock, Logger } from '../core/ports.js';
import type { ArrivingArticle, DigestPlatform, DigestRun, NewSubscription, RunStatus, Subscription } from './records.js';
import { StateStore } from './state-store.js';

/** What a new digest run needs. */
export type NewRun = Pick<DigestRun, 'subscriptionId' | 'slot' | 'kind' | 'windowStartSeq' | 'windowEndSeq' | 'windowStart' | 'windowEnd'>;

/** A digest run held by one replica until its lease ends. */
export interface SlotClaim {
  run: DigestRun;
  /** The replica holding the claim. */
  replicaId: string;
  /** When the lease ends, by the database's clock. */
  leaseUntil: Date;
  /** True when the run was claimed before (a replica died or stalled mid-slot) and this is a takeover. */
  takenOver: boolean;
}

/** Who claims, and for how long. */
export interface ClaimRequest {
  replicaId: string;
  leaseMs: number;
}

/** How a run ended. */
export interface RunOutcomeRecord {
  status: Exclude<RunStatus, 'pending'>;
  articleCount?: number;
  error?: string;
}

/** The state store as the digest service uses it, whichever engine keeps it. */
export interface StatePort {
  /** `sqlite`: one process owns the state; `postgres`: replicas share it. */
  readonly engine: 'sqlite' | 'postgres';
  /** SQLite: true (after a warning) when the file was deleted or replaced and a fresh one started; PostgreSQL: false. */
  ensureFile(): boolean;
  /** SQLite: true when `err` meant a corrupt file, now replaced by a fresh one; PostgreSQL: false. */
  recoverFrom(err: unknown): boolean;
  close(): Promise<void>;

  addSubscription(s: NewSubscription): Promise<Subscription>;
  findSubscription(s: Pick<Subscription, 'platform' | 'channel' | 'topic' | 'cron' | 'timezone'>): Promise<Subscription | undefined>;
  listSubscriptions(filter?: { platform?: DigestPlatform; channel?: string }): Promise<Subscription[]>;
  getSubscription(id: number): Promise<Subscription | undefined>;
  removeSubscription(id: number): Promise<boolean>;
  syncEnvSubscriptions(wanted: readonly NewSubscription[]): Promise<Subscription[]>;

  lastRun(subscriptionId: number): Promise<DigestRun | undefined>;
  lastCompletedRun(subscriptionId: number): Promise<DigestRun | undefined>;
  pendingRuns(subscriptionId: number): Promise<DigestRun[]>;
  runs(subscriptionId: number): Promise<DigestRun[]>;
  /**
   * Claims the run for a slot: creates it, or takes over a pending one whose holder is gone.
   * @returns the claim, or undefined when someone else holds the slot or its run is finished
   */
  claimSlot(r: NewRun, claim: ClaimRequest): Promise<SlotClaim | undefined>;
  /** Extends a claim; undefined when it was lost (taken over, or the run finished). */
  renewLease(runId: number, claim: ClaimRequest): Promise<Date | undefined>;
  recordIntent(runId: number, key: string, at?: Date): Promise<{ key: string; at: Date }>;
  countAttempt(runId: number): Promise<void>;
  /** Finishes a run; with `claim`, only while that replica holds it. False when nothing was finished. */
  finishRun(runId: number, outcome: RunOutcomeRecord, claim?: { replicaId: string }): Promise<boolean>;

  recordArrivals(articles: readonly ArrivingArticle[], at?: Date, revised?: readonly string[]): Promise<string[]>;
  recordRemovals(ids: readonly string[], at?: Date): Promise<void>;
  latestArrival(): Promise<number>;
  arrivalsBetween(startSeq: number, endSeq: number): Promise<string[]>;
  arrivalsSince(since: Date): Promise<string[]>;
  firstSeen(articleId: string): Promise<Date | undefined>;

  /**
   * Shared engines only: true exactly once per `eventKey` across replicas while it is remembered
   * (`ttlMs`). A single process remembers its events in memory instead.
   */
  firstDelivery?(eventKey: string, ttlMs: number): Promise<boolean>;
}

/** A lease that never ends: a SQLite file has one process. */
const FOREVER = new Date(8.64e15);

/**
 * The SQLite {@link StateStore} behind the async port, behaving exactly as the store does.
 * @example
 * const state = SqliteStatePort.open({ dataDir: './data', logger });
 * await state.listSubscriptions();
 */
export class SqliteStatePort implements StatePort {
  readonly engine = 'sqlite' as const;

  constructor(
    /** The wrapped store (tests read it directly). */
    readonly store: StateStore,
  ) {}

  /** Opens the state file under `dataDir` (see {@link StateStore.open}). */
  static open(parts: { dataDir: string; logger: Logger; clock?: Clock }): SqliteStatePort {
    return new SqliteStatePort(StateStore.open(parts));
  }

  ensureFile(): boolean {
    return this.store.ensureFile();
  }
  recoverFrom(err: unknown): boolean {
    return this.store.recoverFrom(err);
  }
  async close(): Promise<void> {
    this.store.close();
  }

  async addSubscription(s: NewSubscription): Promise<Subscription> {
    return this.store.addSubscription(s);
  }
  async findSubscription(s: Pick<Subscription, 'platform' | 'channel' | 'topic' | 'cron' | 'timezone'>): Promise<Subscription | undefined> {
    return this.store.findSubscription(s);
  }
  async listSubscriptions(filter?: { platform?: DigestPlatform; channel?: string }): Promise<Subscription[]> {
    return this.store.listSubscriptions(filter);
  }
  async getSubscription(id: number): Promise<Subscription | undefined> {
    return this.store.getSubscription(id);
  }
  async removeSubscription(id: number): Promise<boolean> {
    return this.store.removeSubscription(id);
  }
  async syncEnvSubscriptions(wanted: readonly NewSubscription[]): Promise<Subscription[]> {
    return this.store.syncEnvSubscriptions(wanted);
  }

  async lastRun(subscriptionId: number): Promise<DigestRun | undefined> {
    return this.store.lastRun(subscriptionId);
  }
  async lastCompletedRun(subscriptionId: number): Promise<DigestRun | undefined> {
    return this.store.lastCompletedRun(subscriptionId);
  }
  async pendingRuns(subscriptionId: number): Promise<DigestRun[]> {
    return this.store.pendingRuns(subscriptionId);
  }
  async runs(subscriptionId: number): Promise<DigestRun[]> {
    return this.store.runs(subscriptionId);
  }
  /** Creates the slot's run; a pending run already there was left by a previous process (the only other holder a file can have). */
  async claimSlot(r: NewRun, claim: ClaimRequest): Promise<SlotClaim | undefined> {
    const created = this.store.createRun(r);
    const run = created ?? this.store.pendingRuns(r.subscriptionId).find((p) => p.slot.getTime() === r.slot.getTime());
    return run ? { run, replicaId: claim.replicaId, leaseUntil: FOREVER, takenOver: !created } : undefined;
  }
  async renewLease(): Promise<Date | undefined> {
    return FOREVER;
  }
  async recordIntent(runId: number, key: string, at?: Date): Promise<{ key: string; at: Date }> {
    return this.store.recordIntent(runId, key, at);
  }
  async countAttempt(runId: number): Promise<void> {
    this.store.countAttempt(runId);
  }
  async finishRun(runId: number, outcome: RunOutcomeRecord): Promise<boolean> {
    this.store.finishRun(runId, outcome);
    return true;
  }

  async recordArrivals(articles: readonly ArrivingArticle[], at?: Date, revised?: readonly string[]): Promise<string[]> {
    return this.store.recordArrivals(articles, at, revised);
  }
  async recordRemovals(ids: readonly string[], at?: Date): Promise<void> {
    this.store.recordRemovals(ids, at);
  }
  async latestArrival(): Promise<number> {
    return this.store.latestArrival();
  }
  async arrivalsBetween(startSeq: number, endSeq: number): Promise<string[]> {
    return this.store.arrivalsBetween(startSeq, endSeq);
  }
  async arrivalsSince(since: Date): Promise<string[]> {
    return this.store.arrivalsSince(since);
  }
  async firstSeen(articleId: string): Promise<Date | undefined> {
    return this.store.firstSeen(articleId);
  }
}
