/**
 * The running process as front ends see it: the commands, the current library (a live corpus
 * swaps it), and one `execute` that every front end calls, so parsing, validation and error
 * replies are the same on the CLI, the console, Slack and Discord.
 */
import { z } from 'zod';
import type { Command, CommandContext, Origin } from '../core/command.js';
import { isAnsweringLibrary, type Clock, type Library, type Logger } from '../core/ports.js';
import type { Services } from '../core/services.js';
import type { Config } from './config.js';
import { isNewsdeskError } from '../core/errors.js';
import type { Reply } from '../core/types.js';
import { messageReply } from '../answer/message.js';
import { loadingMessage, type LibraryStatus } from './library-state.js';

/** Raw input for a command: free text (CLI, console, Slack) or named options (Discord). */
export interface RawInput {
  text?: string;
  options?: Record<string, string | number | boolean | undefined>;
}

/** What every front end is handed. */
export interface Runtime {
  readonly commands: ReadonlyMap<string, Command>;
  /** The library as it is now; a live corpus replaces it, so call this per request. */
  library(): Library;
  /** Whether the library is still loading (then `library()` is empty and `execute` says so) or ready. */
  libraryStatus(): LibraryStatus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: Config;
  /** Services registered by the process (e.g. `digest`), passed to commands as `ctx.services`. */
  readonly services: Services;
  /** Runs a command by name; unknown commands and bad input become `error` replies, never throws for user error. */
  execute(name: string, raw: RawInput, origin: Origin): Promise<Reply>;
}


/** First zod issue as one short line. */
function describeIssue(err: z.ZodError): string {
  const issue = err.issues[0];
  return issue ? issue.message : 'invalid input';
}

/** Creates a Runtime over the given parts. */
export function createRuntime(parts: {
  commands: ReadonlyMap<string, Command>;
  library: () => Library;
  /** Where loading the library stands; without it the library is ready from the start. */
  status?: () => LibraryStatus;
  clock?: Clock;
  logger: Logger;
  config: Config;
  services?: Services;
}): Runtime {
  const clock = parts.clock ?? { now: () => new Date() };
  const services: Services = parts.services ?? {};
  const runtime: Runtime = {
    commands: parts.commands,
    library: parts.library,
    libraryStatus: parts.status ?? (() => ({ state: 'ready', articles: parts.library().articles.length })),
    clock,
    logger: parts.logger,
    config: parts.config,
    services,
    async execute(name, raw, origin) {
      const key = name.trim().toLowerCase().replace(/^\//, '');
      const query = raw.text ?? Object.values(raw.options ?? {}).filter((v) => v !== undefined).join(' ');
      const command = parts.commands.get(key);
      if (!command) {
        const known = [...parts.commands.keys()].sort().join(', ');
        return messageReply(key, query, `Unknown command "${key.slice(0, 40)}".`, [`Commands: ${known}.`], 'not_found');
      }
      const status = runtime.libraryStatus();
      if (status.state === 'loading') return messageReply(command.name, query, loadingMessage(status.progress), [], 'loading');
      let input: unknown;
      try {
        const rawInput = raw.options && command.fromOptions ? command.fromOptions(raw.options) : raw.options ?? command.fromText(raw.text ?? '');
        const parsed = command.input.safeParse(rawInput);
        if (!parsed.success) {
          return messageReply(command.name, query, describeIssue(parsed.error), [`Usage: ${command.usage}`]);
        }
        input = parsed.data;
      } catch (err) {
        if (isNewsdeskError(err)) return messageReply(command.name, query, err.message, [`Usage: ${command.usage}`]);
        throw err;
      }
      const ctx: CommandContext = {
        library: parts.library(),
        clock,
        logger: parts.logger,
        origin,
        commands: parts.commands,
        services,
      };
      try {
        // A replica over an archive in PostgreSQL runs the command against views of what it reads.
        if (isAnsweringLibrary(ctx.library)) return await ctx.library.answer(command.name, async (library) => command.run(input, { ...ctx, library }));
        return await command.run(input, ctx);
      } catch (err) {
        if (isNewsdeskError(err)) return messageReply(command.name, query, err.message, [], err.code);
        parts.logger.error({ err, command: command.name }, 'command failed');
        return messageReply(command.name, query, 'Something went wrong while answering; the error was logged.', [], 'internal');
      }
    },
  };
  return runtime;
}
