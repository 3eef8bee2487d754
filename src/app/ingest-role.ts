/**
 * `newsdesk ingest [--watch]`: the ingest role. Reads CORPUS_DIR with the same ingest code,
 * copy marking and analysers as a compact start (and its snapshot under DATA_DIR, so a restart
 * does not re-analyse), and makes the archive in PostgreSQL (`DATABASE_URL`) hold exactly those
 * articles; with `--watch` it keeps watching the folder and writes each change. Replicas started
 * with `SEARCH_BACKEND=postgres` serve what it wrote. One process can do both roles: a
 * compact `newsdesk start` beside it reads the same folder.
 */
import type { Logger } from '../core/ports.js';
import { ANALYSERS } from '../library/analysers.js';
import { buildLibrary } from '../library/build.js';
import { archiveSalt, PgArchiveWriter } from '../library/pg/archive-writer.js';
import { openArchivePool } from '../library/pg/pg-open.js';
import { watchCorpus } from '../watch/corpus-watcher.js';
import type { Config } from './config.js';

/** Options of `runIngest`. */
export interface IngestRoleOptions {
  /** Keep watching CORPUS_DIR and write its changes. */
  watch: boolean;
  /** The archive database. */
  databaseUrl: string | undefined;
  /** Resolves when the process should stop (watching only). */
  until?: Promise<void>;
}

/** Runs the ingest role (see the module comment); returns the exit code. */
export async function runIngest(config: Config, logger: Logger, options: IngestRoleOptions): Promise<number> {
  const pool = await openArchivePool(options.databaseUrl, logger);
  try {
    const { library, warnings } = await buildLibrary({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, logger, followSymlinks: config.CORPUS_FOLLOW_SYMLINKS });
    const writer = new PgArchiveWriter(pool, archiveSalt(ANALYSERS));
    const started = performance.now();
    const stats = await writer.sync(library.articles);
    logger.info({ ...stats, skipped: warnings.length, ms: Math.round(performance.now() - started) }, 'archive written to PostgreSQL');
    if (!options.watch) return 0;
    // Changes are written one after another: each sync compares the whole library with the archive,
    // so copy marks a change moved onto other articles are written too.
    let queue: Promise<unknown> = Promise.resolve();
    const watcher = watchCorpus({
      corpusDir: config.CORPUS_DIR,
      followSymlinks: config.CORPUS_FOLLOW_SYMLINKS,
      library,
      logger,
      skipped: warnings.map((w) => w.file),
      onChange: (change) => {
        queue = queue
          .then(() => writer.sync(library.articles))
          .then((s) => logger.info({ file: change.file, ...s }, 'corpus change written to PostgreSQL'))
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
    await pool.end();
  }
}
