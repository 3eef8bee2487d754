/**
 * The seam between the neutral core and every front end (CLI, console, Slack, Discord).
 * A command parses platform-neutral input and returns a `Reply`; adapters only render it.
 * What a command reads and calls comes in its `CommandContext`: the ports (src/core/ports.ts)
 * and the process's services (src/core/services.ts).
 */
import type { z } from 'zod';
import type { Clock, Library, Logger } from './ports.js';
import type { Services } from './services.js';
import type { Reply } from './types.js';
import type { Authority } from './permissions.js';

/** Where a command was invoked from; digest subscriptions and rate limits key on it. */
export interface Origin {
  platform: 'cli' | 'console' | 'slack' | 'discord';
  /** Channel (Slack channel id, Discord channel id); absent on the CLI. */
  channelId?: string;
  userId?: string;
  /** Slack team / Discord guild. */
  workspaceId?: string;
  /** Whether the asker may manage the channel, as the platform says (see `requireManager`); absent: they may not. */
  authority?: Authority;
}

/** Everything a command may use; passed in so tests hand in real fakes. */
export interface CommandContext {
  library: Library;
  clock: Clock;
  logger: Logger;
  origin: Origin;
  /** All loaded commands (help and ask use it). */
  commands: ReadonlyMap<string, Command>;
  /** Services registered by the running process (the digest desk …); absent ones are not running here. */
  services: Services;
}

/** How an option shows up on the chat platforms (Discord options, Slack usage text). */
export interface CommandOption {
  name: string;
  description: string;
  required: boolean;
  /** Where autocomplete values come from, if anywhere. */
  autocomplete?: 'topics';
  /** Fixed choices (e.g. digest actions). */
  choices?: readonly string[];
}

/** A platform-neutral command; one per file in `commands/`, `export default {...} satisfies Command`. */
export interface Command<I = any> {
  /** Lower-case name: what follows the slash. */
  name: string;
  /** One line for help and for the platforms' command pickers (Discord: at most 100 characters). */
  description: string;
  /** Usage line, e.g. "claim <topic>". */
  usage: string;
  options: readonly CommandOption[];
  /** Validates the parsed input. */
  input: z.ZodType<I>;
  /** Turns the free text after the command name (CLI words, console line, Slack text) into raw input for `input`. */
  fromText(text: string): unknown;
  /** Turns named options (Discord) into raw input for `input`. Defaults to the options object itself. */
  fromOptions?(options: Record<string, string | number | boolean | undefined>): unknown;
  run(input: I, ctx: CommandContext): Promise<Reply> | Reply;
  /**
   * Other output formats for the CLI's `--format NAME` (e.g. timeline's `timelinejs`), computed from the Reply
   * (may be async). A `Uint8Array` result is written to stdout as bytes (timeline's `png`), anything else as JSON.
   */
  formats?: Record<string, (reply: Reply, ctx: CommandContext) => unknown>;
  /**
   * `all` when every use in chat is for channel managers only (Discord then registers the command with
   * Manage Channels as its default permission); `some` when only some actions are (checked when run).
   */
  managers?: 'all' | 'some';
}

/** Longest query any command accepts, in characters. */
export const MAX_QUERY_LENGTH = 500;
