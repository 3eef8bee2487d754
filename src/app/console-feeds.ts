/**
 * The console with FEEDS_FILE set: as under `npm start`, the feed desk polls beside it and the
 * live corpus watcher takes the stories into the library, so a story that arrives is found by
 * the next question. Only one process polls a DATA_DIR: a console started beside a running bot
 * leaves the polling to the bot and says so.
 */
import type { Logger } from '../core/ports.js';
import type { Services } from '../core/services.js';
import { isNewsdeskError } from '../core/errors.js';
import { lockDataDir, type DataDirReadOnly, type DataLock } from '../store/data-lock.js';
import { watchCorpus } from '../watch/index.js';
import type { Booted } from './boot.js';
import type { Config } from './config.js';

/**
 * The DATA_DIR lock for a console that would poll feeds: held, read-only, or undefined when
 * another newsdesk holds it (then this console does not poll; a warning says why).
 */
export function lockForConsoleFeeds(config: Config, logger: Logger): DataLock | DataDirReadOnly | undefined {
  if (!config.FEEDS_FILE) return undefined;
  try {
    return lockDataDir(config.DATA_DIR);
  } catch (err) {
    if (!isNewsdeskError(err, 'state')) throw err;
    logger.warn({ reason: err.message }, 'feeds are polled by the other newsdesk using DATA_DIR; this console does not poll them');
    return undefined;
  }
}

/**
 * Starts the feed desk and the corpus watcher for the console; returns how to stop both.
 * @throws NewsdeskError (code `config`) for a malformed FEEDS_FILE
 */
export async function startConsoleFeeds(config: Config, logger: Logger, services: Services, booted: Booted): Promise<{ stop(): Promise<void> }> {
  const feeds = await (await import('../feeds/service.js')).feedsServiceFor(config, logger);
  services.feeds = feeds;
  const watcher = watchCorpus({
    corpusDir: config.CORPUS_DIR,
    followSymlinks: config.CORPUS_FOLLOW_SYMLINKS,
    library: booted.library,
    logger,
    skipped: booted.warnings.map((w) => w.file),
  });
  feeds.start();
  return {
    async stop() {
      await watcher.close();
      await feeds.stop();
      delete services.feeds;
    },
  };
}
