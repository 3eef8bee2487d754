/**
 * `newsdesk ingest [--watch]`: the ingest role. Reads CORPUS_DIR with the same ingest code,
 * copy marking and analysers as a compact start (and its snapshot under DATA_DIR, so a restart
 * does not re-analyse), and makes the archive in PostgreSQL (`DATABASE_URL`) hold exactly those
 * articles; with `--watch` it keeps watching the folder and writes each change. Replicas started
 * with `SEARCH_BACKEND=postgres` serve what it wrote. It also keeps the digests' arrivals log (the
 * state tables of the same database): replicas hold no corpus to see arrivals in. One process can
 * do both roles: a compact `newsdesk start` beside it reads the same folder.
 */
import type { Clock, Logger } from '../core/ports.js';
import { openStatePort } from '../store/open-state.js';
import type { StatePort } from '../store/state-port.js';
import { ANALYSERS } from '../library/analysers.js';
import { buildLibrary } from '../library/build.js';
import { archiveSalt, PgArchiveWriter } from '../library/pg/archive-writer.js';
import { openArchivePool } from '../library/pg/pg-open.js';
import { watchCorpus, type WatchSummary } from '../watch/corpus-watcher.js';
import type { Config } from './config.js';

/** Options of `runIngest`. */
export interface IngestRoleOptions {
  /** Keep watching CORPUS_DIR and write its changes. */
  watch: boolean;
  /** The archive database. */
  databaseUrl: string | undefined;
  /** Resolves when the process should stop (watching only). */
  until?: Promise<void>;
  /** When arrivals are recorded. @defaultValue the system clock */
  clock?: Clock;
}

/** Runs the ingest role (see the module comment); returns the exit code. */
export async function runIngest(config: Config, logger: Logger, options: IngestRoleOptions): Promise<number> {
  const pool = await openArchivePool(options.databaseUrl, logger);
  const clock = options.clock ?? { now: () => new Date() };
  let state: StatePort | undefined;
  try {
    // The arrivals log digests read (in the state tables of the same database).
    const arrivals = (state = await openStatePort({ databaseUrl: options.databaseUrl, dataDir: config.DATA_DIR, logger, clock }));
    const { library, warnings } = await buildLibrary({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, logger, followSymlinks: config.CORPUS_FOLLOW_SYMLINKS });
    const writer = new PgArchiveWriter(pool, archiveSalt(ANALYSERS));
    const started = performance.now();
    const stats = await writer.sync(library.articles);
    logger.info({ ...stats, skipped: warnings.length, ms: Math.round(performance.now() - started) }, 'archive written to PostgreSQL');
    // The arrivals log, as a single process seeds it at start: articles it has not seen before are
    // news (they came while ingest was down); known ones keep their number, and an edit made
    // meanwhile only updates the hash (nothing says it was material), so a restart is not news.
    await arrivals.recordArrivals(library.articles, clock.now());
    if (!options.watch) return 0;
    // Changes are written one after another: each sync compares the whole library with the archive,
    // so copy marks a change moved onto other articles are written too. Arrivals are recorded once
    // the archive holds them (a replica building a digest reads them there); a change whose sync
    // failed is recorded after the next sync that succeeds.
    let queue: Promise<unknown> = Promise.resolve();
    const unrecorded: Array<{ change: WatchSummary; at: Date }> = [];
    const record = async (): Promise<void> => {
      // In order, each dropped once recorded (recording one twice is harmless: a known hash is no news).
      for (let next = unrecorded[0]; next; next = unrecorded[0]) {
        if (next.change.upserted.length) await arrivals.recordArrivals(next.change.upserted, next.at, next.change.revised);
        if (next.change.removed.length) await arrivals.recordRemovals(next.change.removed, next.at);
        unrecorded.shift();
      }
    };
    const watcher = watchCorpus({
      corpusDir: config.CORPUS_DIR,
      followSymlinks: config.CORPUS_FOLLOW_SYMLINKS,
      library,
      logger,
      skipped: warnings.map((w) => w.file),
      onChange: (change) => {
        unrecorded.push({ change, at: clock.now() });
        queue = queue
          .then(() => writer.sync(library.articles))
          .then(async (s) => {
            await record();
            logger.info({ file: change.file, ...s, upserted: change.upserted.length, removed: change.removed.length }, 'corpus change written to PostgreSQL');
          })
          .catch((err: Error) => logger.error({ file: change.file, reason: err.message }, 'could not write a corpus change to PostgreSQL; the next change retries'));
      },
    });
    logger.info({ corpus: config.CORPUS_DIR }, 'watching the corpus for changes');
    await (options.until ?? new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
    await watcher.close();
    await queue;
    return 0;
  } finally {
    await state?.close();
    await pool.end();
  }
}
