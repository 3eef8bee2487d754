/**
 * The `newsdesk` command line: `newsdesk <command> [words…] [--json] [--corpus DIR] [--format NAME] [-- words…]`.
 * Exit codes: 0 for an answer (also an empty one), 2 for a usage error (also an unknown flag), 1 for a failure.
 * It is also the contract scripts and tests rely on.
 */
import type { Writable } from 'node:stream';
import { parseArgs as parseFlags } from 'node:util';
import type { Command } from '../core/command.js';
import type { Library, Logger } from '../core/ports.js';
import { loadCommands } from './commands-loader.js';
import { createRuntime, type Runtime } from './runtime.js';
import { loadConfig, withEnvFile, type Config } from './config.js';
import { isNewsdeskError, NewsdeskError } from '../core/errors.js';
import { createTerminalLogger } from './log.js';
import { emptyCorpusHelp } from './corpus-help.js';
import { terminalProgress } from './progress.js';
import { toJson } from '../render/json.js';
import { toText } from '../render/text.js';
import { FLAGS as DIGEST_FLAGS } from '../digest/command-text.js';
import type { Reply } from '../core/types.js';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Flags the CLI itself takes; every other word goes to the command. */
export interface CliArgs {
  command: string | undefined;
  words: string[];
  json: boolean;
  corpus?: string;
  format?: string;
  help: boolean;
  version: boolean;
}

/** The CLI's own flags, for `node:util` `parseArgs`. */
const OPTIONS = {
  json: { type: 'boolean' },
  corpus: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Flags a command reads from its own text (`newsdesk digest --since 2021-06-01 --topic gyumri`):
 * after that command they are passed to it as words, in their place, instead of being refused.
 */
const COMMAND_FLAGS: Readonly<Record<string, ReadonlySet<string>>> = { digest: DIGEST_FLAGS, claim: new Set(['page']), sources: new Set(['page']) };
/** A command's own flags that take no value (`feeds fetch --once`), kept in its words as typed. */
const COMMAND_SWITCHES: Readonly<Record<string, ReadonlySet<string>>> = { feeds: new Set(['once']), ingest: new Set(['watch']) };

/**
 * Splits argv into the CLI's own flags and the command's words, with `node:util` `parseArgs`
 * (strict): an unknown flag is refused rather than searched for. Flags may come anywhere, also
 * before the command, and take `--corpus DIR` or `--corpus=DIR`. After `--` nothing is a flag,
 * so a query may start with "-": `newsdesk search -- -troops`. A command's own flags
 * (`COMMAND_FLAGS`) stay in its words.
 * @throws NewsdeskError (code "usage") with a one-line reason, for an unknown flag or a missing value
 * @example parseArgs(['search', 'gyumri', '--json']) // { command: 'search', words: ['gyumri'], json: true, … }
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args = [...argv];
  // Which flags are known depends on the command, so find the command (the first word) first.
  const first = parseFlags({ args, options: OPTIONS, strict: false, allowPositionals: true }).positionals[0];
  const command = first === undefined ? undefined : first.replace(/^\//, '').toLowerCase();
  const passed = (command !== undefined && COMMAND_FLAGS[command]) || new Set<string>();
  const switches = (command !== undefined && COMMAND_SWITCHES[command]) || new Set<string>();
  const options = {
    ...Object.fromEntries([...passed].map((name) => [name, { type: 'string' as const }])),
    ...Object.fromEntries([...switches].map((name) => [name, { type: 'boolean' as const }])),
    ...OPTIONS,
  };
  const { values, tokens } = (() => {
    try {
      return parseFlags({ args, options, strict: true, allowPositionals: true, tokens: true });
    } catch (err) {
      throw new NewsdeskError(flagProblem(err, command), 'usage', { cause: err });
    }
  })();
  const words: string[] = [];
  let commandSeen = false;
  for (const t of tokens) {
    if (t.kind === 'positional') {
      if (commandSeen) words.push(t.value);
      commandSeen = true;
    } else if (t.kind === 'option' && switches.has(t.name) && commandSeen) {
      words.push(t.rawName);
    } else if (t.kind === 'option' && passed.has(t.name) && commandSeen) {
      // As typed: "--since=DATE" is one word, "--since DATE" two.
      words.push(...args.slice(t.index, t.index + (t.inlineValue ? 1 : 2)));
    } else if (t.kind === 'option' && passed.has(t.name)) {
      throw new NewsdeskError(`${t.rawName} goes after the command (newsdesk ${command} ${t.rawName} …)`, 'usage');
    }
  }
  return {
    command,
    words,
    json: values.json === true,
    ...(typeof values.corpus === 'string' ? { corpus: values.corpus } : {}),
    ...(typeof values.format === 'string' ? { format: values.format } : {}),
    help: values.help === true,
    version: values.version === true,
  };
}

/** One short line for what `parseArgs` refused (its own messages span several lines). */
function flagProblem(err: unknown, command = 'search'): string {
  const e = err as { code?: string; message?: string };
  const message = String(e?.message ?? err);
  const flag = /'(-[^' ]*)/.exec(message)?.[1] ?? 'a flag';
  if (e?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${flag} (a word starting with "-" goes after --, e.g. newsdesk ${command} -- ${flag})`;
  if (e?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return /does not take/.test(message) ? `${flag} takes no value` : `${flag} needs a value`;
  return message.split('\n')[0]!;
}

/** Where the CLI writes; injectable for tests. */
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  color: boolean;
  /** Where `.env` is looked for. @defaultValue `process.cwd()` */
  cwd?: string;
}

/** The library `help` runs with: it lists commands and never reads an article. */
const NO_CORPUS: Library = { articles: [], get: () => undefined, search: () => [], searchArticles: () => [], suggest: () => [], version: 'none' };

const USAGE = 'usage: newsdesk <command> [words…] [--json] [--corpus DIR] [--format NAME]   (newsdesk help lists the commands)';

function exitCodeFor(reply: Reply): number {
  if (!reply.error) return EXIT.ok;
  return reply.errorCode === 'usage' || reply.errorCode === 'not_found' ? EXIT.usage : EXIT.failure;
}

/**
 * Loads the corpus for a command that reads it: a slow first load (a large archive, no snapshot
 * yet) shows its progress on stderr, a quick one shows nothing; an empty corpus says what to put there.
 */
async function bootForCommand(
  config: Config,
  logger: Logger,
  commands: ReadonlyMap<string, Command>,
  stderr: Writable,
  say: (s: string) => void,
): Promise<Runtime> {
  const { boot } = await import('./boot.js');
  const progress = terminalProgress(stderr, (stderr as { isTTY?: boolean }).isTTY === true);
  const { runtime } = await boot(config, logger, {}, { commands, onProgress: (p) => progress.update(p) }).finally(() => progress.done());
  if (!runtime.library().articles.length) say(`newsdesk: ${emptyCorpusHelp(config.CORPUS_DIR)}`);
  return runtime;
}

/** The feed desk for one CLI command. */
async function openFeeds(config: Config, logger: Logger) {
  const { feedsServiceFor } = await import('../feeds/service.js');
  return feedsServiceFor(config, logger);
}

/**
 * Runs the CLI once and returns the exit code.
 * @example process.exitCode = await runCli(process.argv.slice(2))
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const say = (s: string) => io.stderr.write(s + '\n');
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    say(`newsdesk: ${(err as Error).message}. ${USAGE}`);
    return EXIT.usage;
  }
  if (args.version) {
    io.stdout.write('newsdesk 0.1.0\n');
    return EXIT.ok;
  }
  const logger = createTerminalLogger(io.stderr);
  try {
    const env = withEnvFile(io.env, io.cwd ?? process.cwd());
    const config = loadConfig({ ...env, ...(args.corpus ? { CORPUS_DIR: args.corpus } : {}) });
    const name = args.help || !args.command ? 'help' : args.command;
    if (name === 'start' || name === 'console') {
      const { startProcess } = await import('./main.js');
      return await startProcess(config, { forceConsole: name === 'console' });
    }
    if (name === 'ingest') {
      // The ingest role: CORPUS_DIR into the archive in PostgreSQL (src/app/ingest-role.ts).
      const { runIngest } = await import('./ingest-role.js');
      const { databaseUrlOf } = await import('./boot.js');
      const watch = args.words.includes('--watch') || args.words.includes('watch');
      return await runIngest(config, logger, { watch, databaseUrl: databaseUrlOf(config) ?? (env.DATABASE_URL || undefined) });
    }
    if (name === 'feedback') {
      // Not a chat command: readers' verdicts are read where the state file is (docs/feedback.md).
      const { runFeedbackCli } = await import('./feedback-cli.js');
      return await runFeedbackCli(args.words, args.format, { dataDir: config.DATA_DIR, databaseUrl: config.DATABASE_URL }, io, logger);
    }
    const commands = await loadCommands();
    // `help` and an unknown command read no article: answering them without loading the corpus
    // (and the ingest and index code) keeps `newsdesk help` and a typo instant.
    // `feeds` reads no article either; it opens the feed desk instead (`feeds fetch --once` is the cron job).
    const feeds = name === 'feeds' ? await openFeeds(config, logger) : undefined;
    const runtime: Runtime =
      name === 'help' || !commands.has(name) || feeds
        ? createRuntime({ commands, library: () => NO_CORPUS, logger, config, services: feeds ? { feeds } : {} })
        : await bootForCommand(config, logger, commands, io.stderr, say);
    const command: Command | undefined = runtime.commands.get(name);
    const reply = await runtime.execute(name, { text: args.words.join(' ') }, { platform: 'cli' }).finally(() => feeds?.stop());
    const code = exitCodeFor(reply);
    if (reply.error) {
      const usage = command ? `usage: newsdesk ${command.usage}` : USAGE;
      say(`newsdesk: ${reply.headline}${code === EXIT.usage ? ` ${usage}` : ''}`);
      if (args.json) io.stdout.write(JSON.stringify(toJson(reply)) + '\n');
      return code;
    }
    if (args.format) {
      const format = command?.formats?.[args.format];
      if (!format) {
        const known = Object.keys(command?.formats ?? {});
        say(`newsdesk: ${name} has no format "${args.format}"${known.length ? ` (formats: ${known.join(', ')})` : ''}. ${USAGE}`);
        return EXIT.usage;
      }
      const ctx = { library: runtime.library(), clock: runtime.clock, logger, origin: { platform: 'cli' as const }, commands: runtime.commands, services: runtime.services };
      const output = await format(reply, ctx);
      if (output instanceof Uint8Array) {
        // A picture on a terminal is a screenful of noise that can upset it: say where to send it.
        if ((io.stdout as { isTTY?: boolean }).isTTY === true) {
          say(`newsdesk: --format ${args.format} writes binary; redirect it to a file (newsdesk ${name} … --format ${args.format} > out.${args.format}).`);
          return EXIT.usage;
        }
        io.stdout.write(output);
        return EXIT.ok;
      }
      io.stdout.write(JSON.stringify(output, null, 2) + '\n');
      return EXIT.ok;
    }
    io.stdout.write((args.json ? JSON.stringify(toJson(reply), null, 2) : toText(reply, { color: io.color })) + '\n');
    return EXIT.ok;
  } catch (err) {
    if (isNewsdeskError(err)) {
      say(`newsdesk: ${err.message}`);
      return err.code === 'usage' ? EXIT.usage : EXIT.failure;
    }
    say(`newsdesk: unexpected failure: ${(err as Error)?.message ?? String(err)}`);
    return EXIT.failure;
  }
}
