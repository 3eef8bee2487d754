/**
 * Loading what every front end needs — the commands and the indexed corpus — into a Runtime.
 * The CLI and the long-running process both start here.
 */
import type { Logger } from '../core/ports.js';
import type { Services } from '../core/services.js';
import { loadCommands } from './commands-loader.js';
import type { Config } from './config.js';
import { buildLibrary, type CorpusWarning, type IndexedLibrary } from '../library/build.js';
import { createRuntime, type Runtime } from './runtime.js';

/** A loaded runtime with the library behind it (the live corpus watcher needs it). */
export interface Booted {
  runtime: Runtime;
  library: IndexedLibrary;
  warnings: CorpusWarning[];
}

/**
 * Loads the commands and the corpus (from the snapshot when unchanged) and creates the runtime.
 * Each skipped corpus file is warned about once per start: a fresh ingest warns as it reads,
 * a snapshot start repeats the warnings it stored.
 * @param services - services commands may use (`ctx.services`); the same object, so later additions are seen
 * @param options - `readOnly`: DATA_DIR cannot be written, so read the snapshot but never write one
 */
export async function boot(config: Config, logger: Logger, services: Services = {}, options: { readOnly?: boolean } = {}): Promise<Booted> {
  const [commands, built] = await Promise.all([
    loadCommands(),
    buildLibrary({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, logger, followSymlinks: config.CORPUS_FOLLOW_SYMLINKS, ...(options.readOnly ? { readOnly: true } : {}) }),
  ]);
  if (built.fromSnapshot) for (const w of built.warnings) logger.warn(w, `Skipped corpus file ${w.file}: ${w.reason}`);
  const runtime = createRuntime({ commands, library: () => built.library, logger, config, services });
  return { runtime, library: built.library, warnings: built.warnings };
}
