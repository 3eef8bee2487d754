/**
 * Scheduled digests: the public face of `src/digest/` and the one call `main` needs.
 * @example
 * const digest = createDigestService({ config, runtime });
 * runtime.services.digest = digest;
 * digest.setPoster('slack', (channel, reply) => slack.postReply(channel, reply));
 * await digest.start();
 */
import type { Clock } from '../core/ports.js';
import type { Config } from '../app/config.js';
import type { Runtime } from '../app/runtime.js';
import { openStatePort } from '../store/open-state.js';
import type { StatePort } from '../store/state-port.js';
import { digestDefaults, envSubscriptions } from './env.js';
import type { RetryOptions } from './retry.js';
import { DigestService } from './service.js';
import type { DigestPosters } from './types.js';

export { buildDigest, leadSpan, restrictLibrary } from './content.js';
export { digestDefaults, envSubscriptions } from './env.js';
export { withRetry } from './retry.js';
export * from './schedule.js';
export { DEFAULT_LEASE_MS, DigestService, defaultReplicaId } from './service.js';
export type { ChannelRef, CorpusChange, DigestDelivery, DigestLookup, DigestOutlet, DigestPoster, DigestPosters, RunOutcome, TickReport } from './types.js';

/**
 * Opens the state store (PostgreSQL with DATABASE_URL, else the SQLite file under DATA_DIR) and
 * creates the digest service over the runtime. A store passed in stays the caller's to close.
 * @throws NewsdeskError (code `config`) when DIGEST_SCHEDULE or DIGEST_TIMEZONE is invalid; (code `state`) when the state store is unusable
 */
export async function createDigestService(parts: {
  config: Config;
  runtime: Pick<Runtime, 'library' | 'logger' | 'clock' | 'commands'>;
  posters?: DigestPosters;
  clock?: Clock;
  retry?: Omit<RetryOptions, 'onAttempt' | 'onRetry'>;
  store?: StatePort;
}): Promise<DigestService> {
  const { config, runtime } = parts;
  const clock = parts.clock ?? runtime.clock;
  // Settings are checked before anything is opened, so a bad DIGEST_* setting leaves nothing behind.
  const defaults = digestDefaults(config);
  const env = envSubscriptions(config);
  const store = parts.store ?? (await openStatePort({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger: runtime.logger, clock }));
  return new DigestService({
    store,
    closeStore: !parts.store,
    ...(config.REPLICA_ID ? { replicaId: config.REPLICA_ID } : {}),
    leaseMs: config.DIGEST_LEASE_MS,
    library: runtime.library,
    logger: runtime.logger,
    clock,
    commands: runtime.commands,
    envSubscriptions: env,
    defaults,
    ...(parts.posters ? { posters: parts.posters } : {}),
    ...(parts.retry ? { retry: parts.retry } : {}),
  });
}
