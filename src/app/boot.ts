/**
 * Loading what every front end needs — the commands and the indexed corpus — into a Runtime.
 * The CLI and the long-running process both start here: the CLI waits for the library (`boot`),
 * the bot gets a runtime at once and connects while the library loads (`bootLoading`).
 */
import type { Command } from '../core/command.js';
import type { Logger } from '../core/ports.js';
import type { Services } from '../core/services.js';
import { loadCommands } from './commands-loader.js';
import type { Config } from './config.js';
import type { BuildLibraryOptions, BuildProgress, BuiltLibrary, CorpusWarning, IndexedLibrary } from '../library/build.js';
import { LibraryState } from './library-state.js';
import { createRuntime, type Runtime } from './runtime.js';

/** DATABASE_URL (the state store's setting, which the archive shares); read loosely so this builds before and after it joins `Config`. */
export function databaseUrlOf(config: Config): string | undefined {
  return (config as Config & { DATABASE_URL?: string }).DATABASE_URL;
}

/**
 * The default library loader, importing only what the backend needs: a replica on PostgreSQL opens
 * the archive (pg-open) without loading the ingest pipeline and the compact engine (library/build
 * and wink-nlp's model, about 30 MB of a replica's memory); other backends build from the corpus.
 */
export async function loadLibraryFor(options: BuildLibraryOptions): Promise<BuiltLibrary> {
  if (options.searchBackend === 'postgres') return (await import('../library/pg/pg-open.js')).replicaStart(options.databaseUrl, options.logger);
  return (await import('../library/build.js')).buildLibrary(options);
}

/** A loaded runtime with the library behind it (the live corpus watcher needs it). */
export interface Booted {
  runtime: Runtime;
  library: IndexedLibrary;
  warnings: CorpusWarning[];
}

/** Loads the library; `buildLibrary` unless a test puts a gate in front of it. */
export type LibraryLoader = (options: BuildLibraryOptions) => Promise<BuiltLibrary>;

/** Options of `boot` and `bootLoading`. */
export interface BootOptions {
  /** DATA_DIR cannot be written: read the snapshot but never write one. @defaultValue false */
  readOnly?: boolean;
  /** Told how far loading has come (besides the runtime's own `libraryStatus`). */
  onProgress?: (progress: BuildProgress) => void;
  /** @defaultValue loadLibraryFor (buildLibrary, or the replica's archive in PostgreSQL) */
  loadLibrary?: LibraryLoader;
  /** Commands already loaded by the caller (the CLI loads them to answer `help` without a corpus). @defaultValue loaded here */
  commands?: ReadonlyMap<string, Command>;
}

/** A runtime that answers at once, and the library still loading behind it. */
export interface Booting {
  /** Answers every command with the loading message until the library is ready. */
  runtime: Runtime;
  /** Resolves once the library is ready (and the runtime answers from it); rejects when it cannot load. */
  loaded: Promise<Booted>;
}

/**
 * Loads the commands, creates the runtime, and starts loading the corpus (from the snapshot when
 * unchanged) without waiting for it. Each skipped corpus file is warned about once per start: a
 * fresh ingest warns as it reads, a snapshot start repeats the warnings it stored.
 * @param services - services commands may use (`ctx.services`); the same object, so later additions are seen
 */
export async function bootLoading(config: Config, logger: Logger, services: Services = {}, options: BootOptions = {}): Promise<Booting> {
  const state = new LibraryState();
  const load = options.loadLibrary ?? loadLibraryFor;
  const onProgress = options.onProgress;
  // The corpus starts loading while the commands are imported; neither waits for the other.
  const building = load({
    corpusDir: config.CORPUS_DIR,
    dataDir: config.DATA_DIR,
    logger,
    followSymlinks: config.CORPUS_FOLLOW_SYMLINKS,
    searchBackend: config.SEARCH_BACKEND,
    ...(config.SEARCH_BACKEND === 'postgres' ? { databaseUrl: databaseUrlOf(config) } : {}),
    onProgress: onProgress ? (p) => (state.progress(p), onProgress(p)) : state.progress,
    ...(options.readOnly ? { readOnly: true } : {}),
  });
  building.catch(() => undefined); // observed through `loaded`; a failed command import must not leave it unhandled
  const commands = options.commands ?? (await loadCommands());
  const runtime = createRuntime({ commands, library: () => state.library(), status: () => state.status(), logger, config, services });
  const loaded = building.then((built) => {
    if (built.fromSnapshot) for (const w of built.warnings) logger.warn(w, `Skipped corpus file ${w.file}: ${w.reason}`);
    state.ready(built.library);
    return { runtime, library: built.library, warnings: built.warnings };
  });
  return { runtime, loaded };
}

/**
 * Loads the commands and the corpus and creates the runtime, resolving once the library is ready.
 * @param services - services commands may use (`ctx.services`); the same object, so later additions are seen
 * @param options - `readOnly`: DATA_DIR cannot be written, so read the snapshot but never write one
 */
export async function boot(config: Config, logger: Logger, services: Services = {}, options: BootOptions = {}): Promise<Booted> {
  return (await bootLoading(config, logger, services, options)).loaded;
}
