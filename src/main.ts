/**
 * The long-running process (`npm start`): loads the corpus, then serves Slack and/or Discord when
 * configured, or opens the local console when neither is.
 */
import { loadCommands } from './commands-loader.js';
import { discordConfigured, slackConfigured, type Config } from './config.js';
import { runConsole } from './console.js';
import { buildLibrary } from './library.js';
import { createLogger, createTerminalLogger } from './log.js';
import { createRuntime } from './runtime.js';

/** Options for `startProcess`. */
export interface StartOptions {
  /** Open the console even when a chat platform is configured. @defaultValue false */
  forceConsole?: boolean;
}

/**
 * Starts newsdesk and resolves with the exit code when it stops.
 * @param config - validated configuration (see `loadConfig`)
 */
export async function startProcess(config: Config, options: StartOptions = {}): Promise<number> {
  const chat = !options.forceConsole && (slackConfigured(config) || discordConfigured(config));
  const logger = chat ? createLogger(config.LOG_LEVEL) : createTerminalLogger(process.stderr);
  const [commands, built] = await Promise.all([
    loadCommands(),
    buildLibrary({ corpusDir: config.CORPUS_DIR, dataDir: config.DATA_DIR, logger }),
  ]);
  if (built.fromSnapshot) for (const w of built.warnings) logger.warn(w, `Skipped corpus file ${w.file}: ${w.reason}`);
  const services: Record<string, unknown> = {};
  const runtime = createRuntime({ commands, library: () => built.library, logger, config, services });
  if (!chat) {
    await runConsole(runtime, { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY) });
    return 0;
  }
  logger.error({}, 'chat platforms are not wired in yet');
  return 1;
}
