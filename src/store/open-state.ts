/**
 * Opens the state store the configuration asks for: PostgreSQL when `DATABASE_URL` is set
 * (shared by replicas), else the SQLite file in DATA_DIR (one process, the default).
 */
import type { Clock, Logger } from '../core/ports.js';
import type { FeedbackDesk } from '../core/feedback.js';
import { FeedbackStore, sqliteFeedbackArchive, type FeedbackArchive } from './feedback-store.js';
import { FeedState, type FeedStatePort } from './feed-state.js';
import { SqliteStatePort, type StatePort } from './state-port.js';

/** Where the state lives. */
export interface StateLocation {
  /** `postgres://…`; undefined for the SQLite file. */
  databaseUrl?: string | undefined;
  dataDir: string;
  logger: Logger;
  clock?: Clock;
}

/**
 * Opens (and migrates) the state store.
 * @throws NewsdeskError (code `state`) when the database or DATA_DIR cannot be used
 * @example const state = await openStatePort({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger });
 */
export async function openStatePort(where: StateLocation): Promise<StatePort> {
  const clock = where.clock ? { clock: where.clock } : {};
  if (!where.databaseUrl) return SqliteStatePort.open({ dataDir: where.dataDir, logger: where.logger, ...clock });
  // Loaded only when asked for: a desk on SQLite never loads the PostgreSQL client.
  const { PgStateStore } = await import('./pg/pg-state-store.js');
  return PgStateStore.open({ url: where.databaseUrl, logger: where.logger, ...clock });
}

/** Where verdicts are kept and read, whichever engine. */
export type FeedbackKeeper = FeedbackDesk & FeedbackArchive;

/**
 * Opens the verdicts store: PostgreSQL with `databaseUrl` (one table for every replica), else the
 * SQLite state file in `dataDir`.
 * @throws NewsdeskError (code `state`) when the database or DATA_DIR cannot be used
 */
export async function openFeedback(where: StateLocation): Promise<FeedbackKeeper> {
  const clock = where.clock ? { clock: where.clock } : {};
  if (where.databaseUrl) {
    const { PgFeedbackStore } = await import('./pg/pg-feedback.js');
    return PgFeedbackStore.open({ url: where.databaseUrl, logger: where.logger, ...clock });
  }
  const store = FeedbackStore.open({ dataDir: where.dataDir, logger: where.logger, ...clock });
  return { ...sqliteFeedbackArchive(store), record: (input) => store.record(input), addComment: (id, user, comment) => store.addComment(id, user, comment) };
}

/**
 * Opens the feed poller's state: PostgreSQL with `databaseUrl`, else the SQLite state file in `dataDir`.
 * @throws NewsdeskError (code `state`) when the database or DATA_DIR cannot be used
 */
export async function openFeedState(where: Omit<StateLocation, 'clock'>): Promise<FeedStatePort> {
  if (!where.databaseUrl) return FeedState.open(where.dataDir, where.logger);
  const { PgFeedState } = await import('./pg/pg-feed-state.js');
  return PgFeedState.open({ url: where.databaseUrl, logger: where.logger });
}
