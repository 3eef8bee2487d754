/**
 * The long-running process (`npm start`): serves Slack and/or Discord when configured — connecting
 * at once and answering "reading the archive" until the corpus is loaded, then with scheduled
 * digests and a live corpus — or loads the corpus and opens the local console when neither is.
 * This is the one module that wires the adapters in; the core never imports them. Every platform
 * is started, used for digests and stopped through the one port, `Platform` (src/core/platform.ts).
 * An adapter is imported only when its platform is configured: Bolt and discord.js each cost a
 * process about 60 MB of memory, which a replica serving one platform (or the console) never uses.
 * Likewise the corpus watcher and the console's feeds (the ingest pipeline, about 40 MB) load only
 * where they run: a replica on PostgreSQL (`SEARCH_BACKEND=postgres`) watches no folder.
 */
import { bootLoading, type Booted, type LibraryLoader } from './boot.js';
import { logProgress, terminalProgress } from './progress.js';
import { readiness, startHealthServer, type HealthServer, type PlatformHealth } from './health.js';
import { createMetrics, type NewsdeskMetrics } from './metrics.js';
import type { Logger } from '../core/ports.js';
import type { Services } from '../core/services.js';
import type { Platform, PlatformStarter } from '../core/platform.js';
import { discordConfigured, slackConfigured, type Config } from './config.js';
import { runConsole, type ConsoleIO } from './console.js';
import { createDigestService } from '../digest/index.js';
import { openFeedback, openStatePort } from '../store/open-state.js';
import { deliveryLedger } from '../store/delivery-ledger.js';
import type { StatePort } from '../store/state-port.js';
import { isNewsdeskError, NewsdeskError } from '../core/errors.js';
import { createLogger, createTerminalLogger } from './log.js';
import { guardedExecute } from './guard.js';
import { guardProcess } from './process-guard.js';
import { lockDataDir, type DataLock } from '../store/data-lock.js';
import type { Runtime } from './runtime.js';
import { listTopics } from '../topics/index.js';
import type { watchCorpus } from '../watch/index.js';

/** Options for `startProcess`. */
export interface StartOptions {
  /** Open the console even when a chat platform is configured. @defaultValue false */
  forceConsole?: boolean;
  /**
   * Resolves when the process should stop. Without it the process guards itself (see
   * `guardProcess`): it stops on the first SIGINT or SIGTERM, or on an uncaught exception.
   */
  until?: Promise<void>;
  /**
   * Called once the process serves: every configured platform has started or failed (its failure
   * logged), digests are scheduled and the corpus is watched. Tests wait on it instead of polling.
   */
  onReady?: (state: { platforms: string[]; failed: string[] }) => void;
  /**
   * Called once every configured platform has started or failed, possibly before the library is
   * ready (requests are then answered with the loading message).
   */
  onConnected?: (state: { platforms: string[]; failed: string[] }) => void;
  /** Loads the library. @defaultValue buildLibrary (tests put a gate in front of it) */
  loadLibrary?: LibraryLoader;
  /** Where the console reads and writes. @defaultValue the process's stdin and stdout */
  consoleIO?: ConsoleIO;
}

/** The chat platforms this process can serve, in start-up order; each is started through the one port. */
const PLATFORMS: readonly PlatformStarter<Runtime, Config>[] = [
  { name: 'slack', label: 'Slack', configured: slackConfigured, start: async (runtime, guard) => (await import('../adapters/slack/index.js')).startSlack(runtime, { guard }) },
  { name: 'discord', label: 'Discord', configured: discordConfigured, start: async (runtime, guard) => (await import('../adapters/discord/index.js')).startDiscord(runtime, { guard }) },
];

/** Starts one platform; a failure is returned, never thrown, so it cannot stop the other platform. */
async function startPlatform(name: string, logger: Logger, start: () => Promise<Platform>): Promise<Platform | NewsdeskError> {
  try {
    const adapter = await start();
    logger.info({ platform: name }, 'connected');
    return adapter;
  } catch (err) {
    return isNewsdeskError(err) ? err : new NewsdeskError(`${name} could not start: ${(err as Error)?.message ?? String(err)}`, 'platform');
  }
}

/** Keeps a started platform's readiness current: a lost connection makes /readyz 503 until it is back. */
function followConnection(platform: Platform, health: Record<string, PlatformHealth>, logger: Logger): void {
  platform.watchConnection?.((connected) => {
    const now: PlatformHealth = connected ? 'connected' : 'reconnecting';
    if (health[platform.name] === now) return;
    health[platform.name] = now;
    if (connected) logger.info({ platform: platform.name }, 'reconnected');
    else logger.warn({ platform: platform.name }, 'connection lost; reconnecting');
  });
}

/**
 * Opens the health endpoints on HEALTH_PORT (unless it is off). A port that cannot be opened is
 * logged, not fatal: the bot still serves its newsroom, and the readiness probe failing says the rest.
 */
async function openHealth(config: Config, logger: Logger, runtime: Runtime, metrics: NewsdeskMetrics, platforms: Record<string, PlatformHealth>): Promise<HealthServer | undefined> {
  if (config.HEALTH_PORT === null) return undefined;
  try {
    const server = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST }, {
      readiness: () => readiness(runtime.libraryStatus(), platforms, metrics.lastDigest()),
      metrics: async () => ({ contentType: metrics.registry.contentType, text: await metrics.text() }),
    }, logger);
    logger.info({ port: server.port, ...(config.HEALTH_HOST ? { host: config.HEALTH_HOST } : {}) }, 'health endpoints listening (/healthz, /readyz, /metrics)');
    return server;
  } catch (err) {
    logger.error({ port: config.HEALTH_PORT, reason: (err as Error)?.message ?? String(err) }, 'health endpoints could not start; serving without them');
    return undefined;
  }
}

/**
 * Starts newsdesk and resolves with the exit code when it stops (0, or `EXIT_CRASHED` after an uncaught exception).
 * @param config - validated configuration (see `loadConfig`)
 * @throws NewsdeskError when every configured platform failed to start (the CLI prints its one line)
 */
export async function startProcess(config: Config, options: StartOptions = {}): Promise<number> {
  const chat = !options.forceConsole && PLATFORMS.some((p) => p.configured(config));
  const logger = chat ? createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT }) : createTerminalLogger(process.stderr);
  // Chat mode posts digests, so one process per DATA_DIR: a second one refuses (NewsdeskError) rather
  // than post them again. The console and the CLI only read the snapshot (written atomically) and take no lock,
  // except a console with FEEDS_FILE, which polls the feeds when no other newsdesk holds DATA_DIR.
  const data = chat ? lockDataDir(config.DATA_DIR) : (await import('./console-feeds.js')).lockForConsoleFeeds(config, logger);
  try {
    return await serve(config, options, chat, logger, data);
  } finally {
    if (data?.kind === 'held') data.release();
  }
}

async function serve(config: Config, options: StartOptions, chat: boolean, logger: Logger, data: ReturnType<typeof lockDataDir> | undefined): Promise<number> {
  const services: Services = {};
  const readOnly = data?.kind === 'read-only' ? data.reason : undefined;
  if (readOnly) {
    logger.warn(
      { dataDir: config.DATA_DIR, reason: readOnly },
      `DATA_DIR ${config.DATA_DIR} cannot be written (${readOnly}): running without scheduled digests and without saving the index snapshot`,
    );
    services.digestUnavailable = `Scheduled digests are off: newsdesk cannot write its data folder (DATA_DIR).`;
  }
  const progress = chat ? logProgress(logger) : terminalProgress(process.stderr, Boolean(process.stderr.isTTY));
  const booting = await bootLoading(config, logger, services, {
    readOnly: Boolean(readOnly),
    onProgress: (p) => progress.update(p),
    ...(options.loadLibrary ? { loadLibrary: options.loadLibrary } : {}),
  });
  const { runtime } = booting;
  const loaded = booting.loaded.finally(() => progress.done());
  if (!chat) {
    const booted = await loaded;
    // With FEEDS_FILE (and DATA_DIR to itself) the console polls the feeds and watches the corpus, as `npm start` does.
    const live = data?.kind === 'held' ? await (await import('./console-feeds.js')).startConsoleFeeds(config, logger, services, booted) : undefined;
    try {
      await runConsole(runtime, options.consoleIO ?? { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    } finally {
      await live?.stop();
    }
    return 0;
  }
  loaded.catch(() => undefined); // awaited below, once the platforms are up
  const configured = PLATFORMS.filter((p) => p.configured(config));
  const platformHealth: Record<string, PlatformHealth> = Object.fromEntries(configured.map((p) => [p.name, 'connecting' as const]));
  const metrics = createMetrics({ commands: runtime.commands, status: () => runtime.libraryStatus(), now: () => runtime.clock.now() });
  const health = await openHealth(config, logger, runtime, metrics, platformHealth);
  try {
    return await serveChat(config, options, logger, { runtime, loaded, services, readOnly, configured, platformHealth, metrics });
  } finally {
    await health?.close();
  }
}

/** Closes the state store last (platforms may still ask the delivery ledger while stopping); a failure is logged. */
async function closeState(state: StatePort | undefined, logger: Logger): Promise<void> {
  try {
    await state?.close();
  } catch (err) {
    logger.warn({ reason: (err as Error)?.message ?? String(err) }, 'state store did not close cleanly');
  }
}

/** The chat half of `serve`: connect, wait for the library, then digests and the live corpus until stopped. */
async function serveChat(
  config: Config,
  options: StartOptions,
  logger: Logger,
  parts: {
    runtime: Runtime;
    loaded: Promise<Booted>;
    services: Services;
    readOnly: string | undefined;
    configured: readonly PlatformStarter<Runtime, Config>[];
    platformHealth: Record<string, PlatformHealth>;
    metrics: NewsdeskMetrics;
  },
): Promise<number> {
  const { runtime, loaded, services, readOnly, configured, platformHealth, metrics } = parts;
  // Subscriptions, digest runs and (with PostgreSQL) answered events: the SQLite file in DATA_DIR, or
  // the database replicas share. Opened before connecting, so an unreachable database stops the start.
  const state = readOnly ? undefined : await openStatePort({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger, clock: runtime.clock });
  if (state?.engine === 'postgres') logger.info({ replica: config.REPLICA_ID ?? null }, 'state in PostgreSQL (DATABASE_URL): shared with the other replicas');
  const ledger = state ? deliveryLedger(state, logger) : undefined;
  if (ledger) services.deliveries = ledger;
  // Made before connecting, so a bad DIGEST_* setting stops the start before anyone is connected; it starts once the library is ready.
  let digest: Awaited<ReturnType<typeof createDigestService>> | undefined;
  try {
    digest = state ? await createDigestService({ config, runtime, store: state }) : undefined;
  } catch (err) {
    await state?.close();
    throw err;
  }
  if (digest) services.digest = digest;
  // Readers' 👍/👎 go to the state database beside the subscriptions; without it the buttons are not shown.
  const feedback = readOnly ? undefined : await openFeedback({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger, clock: runtime.clock });
  if (feedback) services.feedback = feedback;
  // Feeds (FEEDS_FILE) flow into the corpus beside the bot; a malformed file stops the start here too.
  const feeds = readOnly || !config.FEEDS_FILE ? undefined : await (await import('../feeds/service.js')).feedsServiceFor(config, logger);
  if (feeds) services.feeds = feeds;
  // Connect first: until the library is ready every command answers with the loading message.
  // One guard for every platform: the rate limit follows the asker (keys are per platform) and failures
  // read the same; the metrics count every request it takes.
  const asking = metrics.instrument(guardedExecute(runtime));
  const started = await Promise.all(
    configured.map(async (p) => {
      const result = await startPlatform(p.label, logger, () => p.start(runtime, asking));
      platformHealth[p.name] = result instanceof NewsdeskError ? 'failed' : 'connected';
      return result;
    }),
  );
  const running = started.filter((a): a is Platform => !(a instanceof NewsdeskError));
  for (const p of running) followConnection(p, platformHealth, logger);
  const failures = started.filter((a): a is NewsdeskError => a instanceof NewsdeskError);
  if (failures.length && !running.length) {
    // Nothing to serve: the CLI prints the first reason as one line and exits 1.
    await digest?.stop();
    await feeds?.stop();
    await feedback?.close();
    await state?.close();
    throw failures[0]!;
  }
  for (const f of failures) logger.error({ code: f.code, reason: f.message }, 'a chat platform could not start; the other keeps running');
  const connected = { platforms: running.map((p) => p.name), failed: failures.map((f) => f.message) };
  options.onConnected?.(connected);

  const guard = options.until ? undefined : guardProcess({ logger, config });
  const stopping = options.until ?? guard!.stopping;
  let watcher: ReturnType<typeof watchCorpus> | undefined;
  let failure: { err: unknown } | undefined;
  try {
    // Stopped while still reading the archive: nothing else is started.
    const booted = await Promise.race([loaded, stopping.then(() => null)]);
    if (booted) {
      const { library, warnings } = booted;
      // The corpus's topic table feeds autocomplete and multi-word topics; build it now, not on someone's first question.
      listTopics(library);
      // The platforms are the digest's outlets: they post, and find a post an interrupted run may have made.
      for (const platform of running) digest?.setPoster(platform.name, metrics.digestOutlet(platform));
      // A replica on the archive in PostgreSQL leaves the corpus to the ingest role (`newsdesk ingest
      // --watch`), which writes its changes and records their arrivals: reading the folder here would
      // ingest the whole corpus again in every replica, for a library that takes no changes.
      if (config.SEARCH_BACKEND !== 'postgres') watcher = (await import('../watch/index.js')).watchCorpus({
        corpusDir: config.CORPUS_DIR,
        followSymlinks: config.CORPUS_FOLLOW_SYMLINKS,
        library,
        logger,
        skipped: warnings.map((w) => w.file),
        onChange: (change) => {
          logger.info({ file: change.file, upserted: change.upserted.length, removed: change.removed.length }, 'corpus changed');
          digest?.noteChanges(change);
          setImmediate(() => listTopics(library)); // rebuild the topic table for the new version off the request path
        },
      });
      await digest?.start();
      feeds?.start();
      logger.info({ articles: library.articles.length }, 'newsdesk is running');
      options.onReady?.(connected);
      await stopping;
    }
  } catch (err) {
    failure = { err }; // e.g. the corpus folder is missing: everything stops as after a failed start, and the CLI says why
  } finally {
    await watcher?.close();
    await digest?.stop();
    await feeds?.stop();
    await Promise.allSettled(running.map((platform) => platform.stop()));
    await feedback?.close();
    await closeState(state, logger);
  }
  const code = guard?.finish() ?? 0;
  if (failure) throw failure.err;
  return code;
}
