/**
 * Posting one claimed digest run: build it from the run's window, record the intent (its post
 * key) before the first attempt, look for a post an earlier holder may have made, post with
 * retries, and record the outcome as the claim's holder. With PostgreSQL the claim's lease is
 * renewed meanwhile. The digest service claims; this posts.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from '../core/command.js';
import type { Clock, Library, Logger } from '../core/ports.js';
import type { Reply } from '../core/types.js';
import type { DigestRun, Subscription } from '../store/records.js';
import type { ClaimRequest, SlotClaim, StatePort } from '../store/state-port.js';
import { buildDigest } from './content.js';
import { holdLease } from './lease.js';
import { withRetry, type RetryOptions } from './retry.js';
import { formatInZone } from './schedule.js';
import type { DigestDelivery, DigestOutlet, RunOutcome } from './types.js';

/** A fresh post key: 12 characters (fits Discord's 25-character nonce and a short footer), 72 random bits. */
export const newPostKey = (): string => randomBytes(9).toString('base64url');

/** What a {@link RunPoster} works with (the digest service's own parts). */
export interface RunPosterParts {
  store: StatePort;
  /** This replica's claims. */
  claim: ClaimRequest;
  library: () => Library;
  logger: Logger;
  clock: Clock;
  commands: ReadonlyMap<string, Command> | undefined;
  retry: Omit<RetryOptions, 'onAttempt' | 'onRetry'>;
  /** Runs a state operation (the service recovers a deleted or corrupt SQLite file there). */
  state: <T>(fn: () => Promise<T>) => Promise<T>;
}

/**
 * Posts claimed digest runs.
 * @example const outcome = await new RunPoster(parts).execute(subscription, claim, outlet);
 */
export class RunPoster {
  constructor(private readonly p: RunPosterParts) {}

  /**
   * Builds and posts one claimed run's digest, with retries; records the outcome. With PostgreSQL
   * the claim's lease is renewed meanwhile, and the outcome is recorded only while it is held.
   */
  async execute(sub: Subscription, claim: SlotClaim, outlet: DigestOutlet): Promise<RunOutcome> {
    const lease = this.p.store.engine === 'postgres' ? holdLease(this.p.store, claim.run.id, this.p.claim, this.p.logger) : undefined;
    try {
      return await this.post(sub, claim.run, outlet);
    } finally {
      lease?.stop();
    }
  }

  /** Records a run's outcome, as its holder. */
  private async finish(run: DigestRun, outcome: Parameters<StatePort['finishRun']>[1]): Promise<void> {
    const recorded = await this.p.state(() => this.p.store.finishRun(run.id, outcome, { replicaId: this.p.claim.replicaId }));
    if (!recorded) this.p.logger.warn({ run: run.id, replica: this.p.claim.replicaId }, 'digest run outcome not recorded: another replica holds its slot now');
  }

  /** Builds and posts one run's digest, with retries; records the outcome. */
  private async post(sub: Subscription, run: DigestRun, outlet: DigestOutlet): Promise<RunOutcome> {
    const log = { subscription: sub.id, platform: sub.platform, channel: sub.channel, slot: run.slot.toISOString() };
    let reply: Reply | null;
    try {
      const ids = await this.p.state(() => this.p.store.arrivalsBetween(run.windowStartSeq, run.windowEndSeq));
      reply = await buildDigest({
        library: this.p.library(),
        articleIds: ids,
        topic: sub.topic,
        windowLabel: `since ${formatInZone(run.windowStart, sub.timezone)}`,
        clock: this.p.clock,
        logger: this.p.logger,
        ...(this.p.commands ? { commands: this.p.commands } : {}),
      });
    } catch (err) {
      this.p.logger.error({ ...log, err: (err as Error).message }, 'digest could not be built');
      await this.finish(run, { status: 'failed', error: `build: ${(err as Error).message}` });
      return 'failed';
    }
    if (!reply) {
      await this.finish(run, { status: 'empty', articleCount: 0 });
      this.p.logger.debug(log, 'digest: nothing new, nothing posted');
      return 'empty';
    }
    const count = reply.citations.length;
    // The intent goes into the state database before anything is sent. A run that already had one
    // was being posted when a previous process stopped (kill -9, power loss): its post may be in the channel.
    const resumed = run.intentAt !== null;
    const intent = await this.p.state(() => this.p.store.recordIntent(run.id, newPostKey(), this.p.clock.now()));
    const delivery: DigestDelivery = { runId: intent.key, since: intent.at };
    const logged = { ...log, run: delivery.runId };
    if (resumed) {
      const found = await this.lookup(outlet, sub.channel, delivery);
      if (found.status === 'posted') {
        await this.finish(run, { status: 'posted', articleCount: count });
        this.p.logger.info(logged, 'digest was posted before the restart; not posting it again');
        return 'posted';
      }
      const deduped = outlet.dedupeWindowMs !== undefined && this.p.clock.now().getTime() - delivery.since.getTime() < outlet.dedupeWindowMs;
      if (found.status === 'unknown' && !deduped) {
        // At most once: a second copy in the channel is worse than news a digest late, and the
        // run's articles are not lost — a failed run's window rolls into the next digest.
        const error = `may have been posted before the restart; ${sub.platform} history cannot be read (${found.reason})`;
        this.p.logger.warn(logged, `digest ${error}; not posting it again — its articles go into the next digest`);
        await this.finish(run, { status: 'failed', error });
        return 'failed';
      }
    }
    try {
      await withRetry(
        async (attempt) => {
          // An attempt that failed may still have reached the channel (a timeout, a lost answer): look first.
          if (attempt > 1 && (await this.lookup(outlet, sub.channel, delivery)).status === 'posted') return;
          await outlet.postReply(sub.channel, reply, delivery);
        },
        {
          ...this.p.retry,
          onAttempt: () => this.p.state(() => this.p.store.countAttempt(run.id)),
          onRetry: (attempt, err, delayMs) =>
            this.p.logger.warn({ ...logged, attempt, delayMs, err: (err as Error)?.message }, 'digest post failed; retrying'),
        },
      );
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      this.p.logger.error({ ...log, err: message }, 'digest post failed; its news rolls into the next digest');
      await this.finish(run, { status: 'failed', error: message });
      return 'failed';
    }
    await this.finish(run, { status: 'posted', articleCount: count });
    this.p.logger.info({ ...log, articles: count }, 'digest posted');
    return 'posted';
  }

  /** Asks the outlet whether the post of `delivery` is in the channel; `unknown` when it cannot look or the look fails. */
  private async lookup(outlet: DigestOutlet, channel: string, delivery: DigestDelivery): Promise<Awaited<ReturnType<NonNullable<DigestOutlet['findDigest']>>>> {
    if (!outlet.findDigest) return { status: 'unknown', reason: 'this poster cannot read the channel' };
    try {
      return await outlet.findDigest(channel, delivery);
    } catch (err) {
      return { status: 'unknown', reason: (err as Error)?.message ?? String(err) };
    }
  }
}
