/**
 * The `newsdesk` command line: `newsdesk <command> [words…] [--json] [--corpus DIR] [--format NAME]`.
 * Exit codes: 0 for an answer (also an empty one), 2 for a usage error, 1 for a failure.
 * It is also the contract scripts and tests rely on.
 */
import type { Writable } from 'node:stream';
import { boot } from './boot.js';
import type { Command } from './command.js';
import { loadConfig } from './config.js';
import { isNewsdeskError } from './errors.js';
import { createTerminalLogger } from './log.js';
import { toJson } from './render/json.js';
import { toText } from './render/text.js';
import type { Reply } from './types.js';

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

/** Splits argv into the CLI's own flags and the command's words. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: undefined, words: [], json: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    if (flag === '--json') args.json = true;
    else if (flag === '--corpus') args.corpus = value();
    else if (flag === '--format') args.format = value();
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--version' || flag === '-v') args.version = true;
    else if (args.command === undefined && !word.startsWith('-')) args.command = word.replace(/^\//, '').toLowerCase();
    else args.words.push(word);
  }
  return args;
}

class UsageError extends Error {}

/** Where the CLI writes; injectable for tests. */
export interface CliIO {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  color: boolean;
}

const USAGE = 'usage: newsdesk <command> [words…] [--json] [--corpus DIR] [--format NAME]   (newsdesk help lists the commands)';

function exitCodeFor(reply: Reply): number {
  if (!reply.error) return EXIT.ok;
  return reply.errorCode === 'usage' || reply.errorCode === 'not_found' ? EXIT.usage : EXIT.failure;
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
    const config = loadConfig({ ...io.env, ...(args.corpus ? { CORPUS_DIR: args.corpus } : {}) });
    const name = args.help || !args.command ? 'help' : args.command;
    if (name === 'start' || name === 'console') {
      const { startProcess } = await import('./main.js');
      return await startProcess(config, { forceConsole: name === 'console' });
    }
    const { runtime } = await boot(config, logger);
    const command: Command | undefined = runtime.commands.get(name);
    const reply = await runtime.execute(name, { text: args.words.join(' ') }, { platform: 'cli' });
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
      io.stdout.write(JSON.stringify(format(reply, ctx), null, 2) + '\n');
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
