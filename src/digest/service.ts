/**
 * The digest service: channel subscriptions, the scheduler that posts each digest exactly once,
 * and the bookkeeping that makes "new since the last digest" mean "arrived since then".
 *
 * Exactly once, across restarts and replicas: a slot is claimed in the state database (unique per
 * subscription and slot) before anything is posted, and a subscription's next window starts
 * where its last finished one ended. After downtime only the latest missed slot is claimed, so
 * the catch-up is one digest covering everything since the last one. With PostgreSQL the claim
 * is a lease the posting replica renews; a replica that dies mid-slot stops renewing, and another
 * takes the run over once the lease ends (finding the post by its key if it was made).
 */
import { hostname } from 'node:os';
import type { Command } from '../core/command.js';
import { isAnsweringLibrary, type Clock, type Library, type Logger } from '../core/ports.js';
import { NewsdeskError } from '../core/errors.js';
import type { DigestDesk } from '../core/services.js';
import type { DigestPlatform, DigestRun, NewSubscription, Subscription } from '../store/records.js';
import type { SlotClaim, StatePort } from '../store/state-port.js';
import { RunPoster } from './run-poster.js';
import type { Reply } from '../core/types.js';
import { digestFrom } from './content.js';
import type { DigestDefaults } from './env.js';
import type { RetryOptions } from './retry.js';
import type { ChannelRef, CorpusChange, DigestOutlet, DigestPoster, DigestPosters, RunOutcome, TickReport } from './types.js';
import {
  DEFAULT_SCHEDULE,
  DEFAULT_TIMEZONE,
  formatInZone,
  latestSlot,
  nextSlot,
  parseSchedule,
  parseTimezone,
} from './schedule.js';

export type { ChannelRef, CorpusChange, DigestDelivery, DigestLookup, DigestOutlet, DigestPoster, DigestPosters, RunOutcome, TickReport } from './types.js';

/** Most subscriptions one channel may hold. */
export const MAX_SUBSCRIPTIONS_PER_CHANNEL = 10;
/** Longest wait between two scheduler wake-ups, so clock jumps and a deleted state file are noticed. */
const MAX_SLEEP_MS = 60_000;
/** How long a replica's claim on a slot lasts without renewal. @defaultValue one minute */
export const DEFAULT_LEASE_MS = 60_000;

/** This process's name among replicas: host name and process id. */
export const defaultReplicaId = (): string => `${hostname()}:${process.pid}`;

export { newPostKey } from './run-poster.js';

/** A plain poster function as an outlet that cannot look back. */
const toOutlet = (p: DigestPoster | DigestOutlet): DigestOutlet => (typeof p === 'function' ? { postReply: p } : p);

/** What `DigestService` needs. */
export interface DigestServiceOptions {
  /** The state store: the SQLite file, or PostgreSQL shared by replicas. */
  store: StatePort;
  /** This replica's name in slot claims. @defaultValue {@link defaultReplicaId} */
  replicaId?: string;
  /** How long a slot claim lasts unless renewed (PostgreSQL). @defaultValue {@link DEFAULT_LEASE_MS} */
  leaseMs?: number;
  /** Close the store when the service stops. @defaultValue true */
  closeStore?: boolean;
  /** The library as it is now (a live corpus changes it). */
  library: () => Library;
  logger: Logger;
  clock?: Clock;
  /** Loaded commands; `timeline` feeds topic digests (claims come from `claimReply` in src/claims). */
  commands?: ReadonlyMap<string, Command>;
  posters?: DigestPosters;
  /** Subscriptions from DIGEST_* settings, kept in step at start. */
  envSubscriptions?: readonly NewSubscription[];
  /** Schedule and time zone for subscriptions that name none. */
  defaults?: Partial<DigestDefaults>;
  /** Posting retries (tries, backoff, injectable sleep). */
  retry?: Omit<RetryOptions, 'onAttempt' | 'onRetry'>;
}

/**
 * Subscriptions and scheduled digests.
 * @example
 * const digest = new DigestService({ store, library: () => lib, logger, posters: { slack: post } });
 * await digest.start();
 */
export class DigestService implements DigestDesk {
  private readonly store: StatePort;
  private readonly replicaId: string;
  private readonly leaseMs: number;
  private readonly closeStore: boolean;
  private readonly library: () => Library;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly commands: ReadonlyMap<string, Command> | undefined;
  private readonly posters: Partial<Record<DigestPlatform, DigestOutlet>> = {};
  private readonly env: readonly NewSubscription[];
  private readonly defaults: DigestDefaults;
  private readonly retry: Omit<RetryOptions, 'onAttempt' | 'onRetry'>;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** Arrivals being recorded, in the order the watcher saw them; passes wait for them. */
  private noting: Promise<void> = Promise.resolve();
  /** Set by a pass that found a run another replica holds: wake again when its lease may have ended. */
  private waitingOnOthers = false;
  /** Builds, posts and records each claimed run. */
  private readonly poster: RunPoster;
  /** Env subscriptions not synced yet: the archive in PostgreSQL had no arrivals recorded (see `seed`). */
  private envWaiting = false;

  constructor(options: DigestServiceOptions) {
    this.store = options.store;
    this.replicaId = options.replicaId ?? defaultReplicaId();
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.closeStore = options.closeStore ?? true;
    this.library = options.library;
    this.logger = options.logger;
    this.clock = options.clock ?? { now: () => new Date() };
    this.commands = options.commands;
    for (const [platform, poster] of Object.entries(options.posters ?? {}) as Array<[DigestPlatform, DigestPoster | DigestOutlet | undefined]>) {
      if (poster) this.posters[platform] = toOutlet(poster);
    }
    this.env = options.envSubscriptions ?? [];
    this.defaults = { schedule: DEFAULT_SCHEDULE, timezone: DEFAULT_TIMEZONE, ...options.defaults };
    this.retry = options.retry ?? {};
    this.poster = new RunPoster({
      store: this.store,
      claim: this.claimRequest(),
      library: this.library,
      logger: this.logger,
      clock: this.clock,
      commands: this.commands,
      retry: this.retry,
      state: (fn) => this.state(fn),
    });
  }

  /**
   * Sets (or replaces) the poster of a platform, e.g. once its adapter has connected. An outlet
   * that can search its channel's history (`findDigest`) makes a post interrupted by a crash
   * safe to finish after a restart; a plain function cannot tell, see `execute`.
   */
  setPoster(platform: DigestPlatform, poster: DigestPoster | DigestOutlet | undefined): void {
    if (poster) this.posters[platform] = toOutlet(poster);
    else delete this.posters[platform];
  }

  /**
   * Seeds the arrivals log with the corpus as it is, syncs the env subscriptions, catches up on
   * missed slots, then keeps waking for the next slot.
   */
  async start(): Promise<TickReport> {
    await this.state(() => this.seed());
    this.running = true;
    const report = await this.tick();
    await this.arm();
    return report;
  }

  /** Stops the scheduler, waits for a pass in progress, and closes the state store (when it is the service's). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.queue.catch(() => undefined);
    await this.noting;
    if (this.closeStore) await this.store.close();
  }

  /**
   * Records what the corpus watcher saw, so new articles count from the moment they arrived. An
   * article changed materially (`revised`) counts as arriving again; any other edit does not.
   */
  noteChanges(change: CorpusChange): Promise<void> {
    const now = this.clock.now();
    this.noting = this.noting.then(() =>
      this.state(async () => {
        if (change.upserted.length) await this.store.recordArrivals(change.upserted, now, change.revised);
        if (change.removed.length) await this.store.recordRemovals(change.removed, now);
      }).catch((err: unknown) => this.logger.error({ err: (err as Error).message }, 'digest: arrivals could not be recorded')),
    );
    return this.noting;
  }

  /**
   * Subscribes a channel.
   * @throws NewsdeskError (code `usage`) for a bad schedule or time zone (with an example), a duplicate, or too many
   */
  async subscribe(request: ChannelRef & { topic?: string | null; schedule?: string; timezone?: string; createdBy?: string | null }): Promise<Subscription> {
    const timezone = parseTimezone(request.timezone ?? this.defaults.timezone);
    const { cron } = parseSchedule(request.schedule ?? this.defaults.schedule, timezone);
    const topic = request.topic?.trim() || null;
    await this.noting;
    return this.state(async () => {
      // A replica (no copy of the archive) before the ingest role recorded it: a subscription now would
      // count the whole archive as news once it does (as the env subscriptions, it must wait).
      if (isAnsweringLibrary(this.library()) && (await this.store.latestArrival()) === 0) {
        throw new NewsdeskError('The archive is not recorded yet (the ingest role has not run): subscribe once it has, or its first digest would be the whole archive.', 'loading');
      }
      const existing = await this.store.listSubscriptions({ platform: request.platform, channel: request.channel });
      if (existing.length >= MAX_SUBSCRIPTIONS_PER_CHANNEL) {
        throw new NewsdeskError(`This channel already has ${existing.length} digests; unsubscribe one first.`, 'usage');
      }
      return this.store.addSubscription({
        platform: request.platform,
        channel: request.channel,
        topic,
        cron,
        timezone,
        createdBy: request.createdBy ?? null,
      });
    });
  }

  /** A channel's subscriptions (all of them when no channel is given). */
  list(ref?: ChannelRef): Promise<Subscription[]> {
    return this.state(() => this.store.listSubscriptions(ref ? { platform: ref.platform, channel: ref.channel } : {}));
  }

  /**
   * Removes a channel's subscription: the one with `id`, or its only one.
   * @throws NewsdeskError (`not_found` when there is none, `usage` when an id is needed or it comes from the environment)
   */
  unsubscribe(ref: ChannelRef & { id?: number }): Promise<Subscription> {
    return this.state(async () => {
      const target = await this.pick(ref);
      if (target.origin === 'env') {
        throw new NewsdeskError(
          `Digest ${target.id} comes from the DIGEST_* settings; remove the channel from ${ref.platform === 'slack' ? 'DIGEST_SLACK_CHANNELS' : 'DIGEST_DISCORD_CHANNELS'} instead.`,
          'usage',
        );
      }
      await this.store.removeSubscription(target.id);
      return target;
    });
  }

  /** When a subscription fires next. */
  nextRun(sub: Pick<Subscription, 'cron' | 'timezone'>): Date | null {
    return nextSlot({ cron: sub.cron, timezone: sub.timezone }, this.clock.now());
  }

  /** The latest finished run of a subscription. */
  lastRun(sub: Pick<Subscription, 'id'>): Promise<DigestRun | undefined> {
    return this.state(() => this.store.lastRun(sub.id));
  }

  /**
   * Posts a channel's digests now (one subscription with `id`, else all of the channel's).
   * Counts as that subscription's digest: the next scheduled one starts from here.
   * @throws NewsdeskError (`not_found` when the channel has no digest, `platform` when its platform is not running)
   */
  async runNow(ref: ChannelRef & { id?: number }): Promise<Array<{ subscription: Subscription; outcome: RunOutcome }>> {
    await this.noting;
    const subs = await this.state(async () => (ref.id !== undefined ? [await this.pick(ref)] : await this.store.listSubscriptions(ref)));
    if (subs.length === 0) throw new NewsdeskError('This channel has no digest yet; subscribe first with /digest subscribe.', 'not_found');
    const poster = this.posters[ref.platform];
    if (!poster) throw new NewsdeskError(`Posting to ${ref.platform} is not running.`, 'platform');
    return this.exclusive(async () => {
      const now = this.clock.now();
      const results: Array<{ subscription: Subscription; outcome: RunOutcome }> = [];
      for (const sub of subs) {
        const claim = await this.state(() => this.claim(sub, now, 'manual'));
        if (claim) results.push({ subscription: sub, outcome: await this.poster.execute(sub, claim, poster) });
      }
      return results;
    });
  }

  /**
   * One scheduler pass: finishes runs a restart interrupted, then claims and posts every
   * subscription's latest due slot. Platforms post in parallel, so one failing (and retrying)
   * does not hold up another.
   */
  tick(): Promise<TickReport> {
    return this.exclusive(async () => {
      const report: TickReport = { posted: 0, empty: 0, failed: 0 };
      this.waitingOnOthers = false;
      await this.noting;
      let subs: Subscription[];
      try {
        if (this.envWaiting) await this.state(() => this.seed());
        subs = await this.state(() => this.store.listSubscriptions());
      } catch (err) {
        this.logger.error({ err: (err as Error).message }, 'digest pass skipped');
        return report;
      }
      const jobs = subs.map(async (sub) => {
        const poster = this.posters[sub.platform];
        if (!poster) return; // its platform is not running; the slot waits and is caught up once
        let held = false;
        for (const run of await this.state(() => this.store.pendingRuns(sub.id))) {
          // Unfinished: a previous process stopped mid-run, or (PostgreSQL) another replica holds it —
          // alive and renewing, or dead and its lease running out. Only an expired claim is taken.
          const claim = await this.state(() => this.store.claimSlot(run, this.claimRequest()));
          if (!claim) {
            held = true;
            continue;
          }
          if (claim.takenOver && this.store.engine === 'postgres') {
            this.logger.warn({ subscription: sub.id, slot: run.slot.toISOString(), replica: this.replicaId }, 'digest slot taken over: the replica that claimed it stopped renewing its lease');
          }
          report[await this.poster.execute(sub, claim, poster)]++;
        }
        if (held) {
          // A newer slot would take the same news again: wait for the held run to finish or expire.
          this.waitingOnOthers = true;
          return;
        }
        const claim = await this.state(() => this.claim(sub, this.clock.now(), 'scheduled'));
        if (claim) report[await this.poster.execute(sub, claim, poster)]++;
      });
      for (const r of await Promise.allSettled(jobs)) {
        if (r.status === 'rejected') this.logger.error({ err: String(r.reason) }, 'digest run failed');
      }
      return report;
    });
  }

  /** The earliest next slot over all subscriptions whose platform is running. */
  async nextWake(): Promise<Date | null> {
    const now = this.clock.now();
    let next: Date | null = null;
    for (const sub of await this.state(() => this.store.listSubscriptions())) {
      if (!this.posters[sub.platform]) continue;
      const at = nextSlot({ cron: sub.cron, timezone: sub.timezone }, now);
      if (at && (!next || at < next)) next = at;
    }
    return next;
  }

  /**
   * The digest of articles that arrived since `since` (a preview: nothing is posted or recorded).
   * @returns null when nothing arrived
   */
  async preview(options: { since: Date; topic?: string | null; timezone?: string }): Promise<Reply | null> {
    await this.noting;
    const ids = await this.state(() => this.store.arrivalsSince(options.since));
    return digestFrom(this.library(), {
      articleIds: ids,
      topic: options.topic ?? null,
      windowLabel: `since ${formatInZone(options.since, options.timezone ?? this.defaults.timezone)}`,
      clock: this.clock,
      logger: this.logger,
      ...(this.commands ? { commands: this.commands } : {}),
    });
  }

  // ---- internals ----

  /** This replica's claim request. */
  private claimRequest(): { replicaId: string; leaseMs: number } {
    return { replicaId: this.replicaId, leaseMs: this.leaseMs };
  }

  /** Claims the run for `sub` at `now`: its latest due slot (scheduled) or this moment (manual). */
  private async claim(sub: Subscription, now: Date, kind: DigestRun['kind']): Promise<SlotClaim | undefined> {
    let slot: Date | null = now;
    if (kind === 'scheduled') {
      const after = (await this.store.lastRun(sub.id))?.slot ?? sub.createdAt;
      slot = latestSlot({ cron: sub.cron, timezone: sub.timezone }, after, now);
      if (!slot) return undefined;
    }
    const last = await this.store.lastCompletedRun(sub.id);
    const claim = await this.store.claimSlot(
      {
        subscriptionId: sub.id,
        slot,
        kind,
        windowStartSeq: last?.windowEndSeq ?? sub.createdSeq,
        windowEndSeq: await this.store.latestArrival(),
        windowStart: last?.windowEnd ?? sub.createdAt,
        windowEnd: now,
      },
      this.claimRequest(),
    );
    // Only a run made just now is this slot's: a pending one found instead belongs to the pass over pending runs.
    return claim && !claim.takenOver ? claim : undefined;
  }

  /** The channel's subscription `ref.id`, or its only one. */
  private async pick(ref: ChannelRef & { id?: number }): Promise<Subscription> {
    const mine = await this.store.listSubscriptions({ platform: ref.platform, channel: ref.channel });
    if (ref.id !== undefined) {
      const found = mine.find((s) => s.id === ref.id);
      if (!found) throw new NewsdeskError(`This channel has no digest ${ref.id}; /digest list shows its digests.`, 'not_found');
      return found;
    }
    if (mine.length === 0) throw new NewsdeskError('This channel has no digest.', 'not_found');
    if (mine.length > 1) {
      throw new NewsdeskError(`This channel has ${mine.length} digests (${mine.map((s) => s.id).join(', ')}); name one by its id.`, 'usage');
    }
    return mine[0]!;
  }

  /**
   * Arrivals and env subscriptions; run at start and after a fresh state file. A library that
   * holds no copy of the archive (a replica on PostgreSQL) records none: the ingest role does.
   */
  private async seed(): Promise<void> {
    const library = this.library();
    if (!isAnsweringLibrary(library)) await this.store.recordArrivals(library.articles, this.clock.now());
    else if (this.env.length > 0 && (await this.store.latestArrival()) === 0) {
      // The ingest role has not recorded the archive yet: a subscription made now would count the
      // whole archive as news when it does. The env subscriptions wait for it (each pass looks again).
      this.envWaiting = true;
      return;
    }
    this.envWaiting = false;
    await this.store.syncEnvSubscriptions(this.env);
  }

  /**
   * Runs a state operation. A state file deleted or corrupted under the running bot is replaced
   * by a fresh one (with a warning) and re-seeded; the operation then runs on the fresh file.
   */
  private async state<T>(fn: () => Promise<T>): Promise<T> {
    if (this.store.ensureFile()) await this.seed();
    try {
      return await fn();
    } catch (err) {
      if (!this.store.recoverFrom(err)) throw err;
      await this.seed();
      return fn();
    }
  }

  /** Serialises scheduler passes and manual runs, so a slot is never worked on twice at once. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Sleeps until the next slot (at most a minute), runs a pass, repeats. */
  private async arm(): Promise<void> {
    if (!this.running) return;
    let delay = MAX_SLEEP_MS;
    try {
      const next = await this.nextWake();
      if (next) delay = Math.min(MAX_SLEEP_MS, Math.max(250, next.getTime() - this.clock.now().getTime() + 50));
    } catch (err) {
      this.logger.error({ err: (err as Error).message }, 'digest scheduler: could not compute the next slot');
    }
    // Another replica holds a run: look again once its lease may have run out (it renews while alive).
    if (this.waitingOnOthers) delay = Math.min(delay, this.leaseMs + 250);
    if (!this.running) return;
    this.timer = setTimeout(() => {
      this.tick()
        .catch((err: unknown) => this.logger.error({ err: (err as Error).message }, 'digest pass failed'))
        .finally(() => void this.arm());
    }, delay);
    this.timer.unref();
  }
}
