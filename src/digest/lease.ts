/**
 * Keeping a slot's claim while its digest is built and posted: the lease is renewed at a third of
 * its length, so a replica that is alive never loses its slot, and one that dies (kill -9, a lost
 * machine) stops renewing and lets another replica take the slot over once the lease ends.
 */
import type { Logger } from '../core/ports.js';
import type { ClaimRequest, StatePort } from '../store/state-port.js';

/** A claim being kept alive. */
export interface HeldLease {
  /** False once a renewal found the claim gone (taken over after a stall, or finished elsewhere). */
  readonly held: boolean;
  /** Stops renewing. */
  stop(): void;
}

/**
 * Renews `claim` on run `runId` every `leaseMs / 3` until stopped.
 * @example
 * const lease = holdLease(store, run.id, { replicaId, leaseMs }, logger);
 * try { await post(); } finally { lease.stop(); }
 */
export function holdLease(store: StatePort, runId: number, claim: ClaimRequest, logger: Logger): HeldLease {
  let held = true;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const renew = async (): Promise<void> => {
    try {
      if ((await store.renewLease(runId, claim)) === undefined) {
        held = false;
        logger.warn({ run: runId, replica: claim.replicaId }, 'digest slot claim lost (another replica took it over); this replica will not record the outcome');
        return;
      }
    } catch (err) {
      // A passing database error: try again at the next beat, while the lease still runs.
      logger.warn({ run: runId, err: (err as Error).message }, 'digest slot lease could not be renewed; trying again');
    }
    if (!stopped) arm();
  };
  const arm = (): void => {
    timer = setTimeout(() => void renew(), Math.max(50, Math.floor(claim.leaseMs / 3)));
    timer.unref();
  };
  arm();
  return {
    get held() {
      return held;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
