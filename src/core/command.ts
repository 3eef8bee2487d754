/**
 * The seam between the neutral core and every front end (CLI, console, Slack, Discord).
 * A command parses platform-neutral input and returns a `Reply`; adapters only render it.
 */
import type { z } from 'zod';
import type { Services } from './services.js';
import type { Article, Reply, Span } from './types.js';

/** One passage found by `Library.search`. */
export interface SearchHit {
  articleId: string;
  /** The passage: one sentence or a short run of sentences of the article. */
  span: Span;
  /** Indexes into `Article.sentences` covered by the passage. */
  sentences: number[];
  score: number;
  /** Query terms that matched (normalised). */
  terms: string[];
  /** Absolute offsets (into `Article.text`) of the matched words inside `span`. */
  highlights: Span[];
}

/** Options for `Library.search`. */
export interface SearchOptions {
  /** Most passages to return. @defaultValue 5 */
  limit?: number;
  /** Most passages from one article (diversity). @defaultValue 2 */
  perArticle?: number;
  /** Only passages of these articles. */
  articleIds?: ReadonlySet<string>;
}

/** The loaded, indexed corpus every command reads. */
export interface Library {
  /** All articles, in corpus order (syndicated copies included, flagged by `duplicateOf`). */
  readonly articles: readonly Article[];
  /** The article with that id. */
  get(id: string): Article | undefined;
  /** Best passages for a free-text query; never throws on odd input. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Ids of articles that match a query at the article level (title, lead, body), best first. */
  searchArticles(query: string, limit?: number): string[];
  /** Close index terms for a word that found nothing ("did you mean"). */
  suggest(query: string, limit?: number): string[];
  /** Key of the corpus content this library was built from. */
  readonly version: string;
}

/** Time, injectable so tests can fake it. */
export interface Clock {
  now(): Date;
}

/** The structured logger (pino's interface, the subset we use). */
export interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
  debug(obj: unknown, msg?: string): void;
}

/** Where a command was invoked from; digest subscriptions and rate limits key on it. */
export interface Origin {
  platform: 'cli' | 'console' | 'slack' | 'discord';
  /** Channel (Slack channel id, Discord channel id); absent on the CLI. */
  channelId?: string;
  userId?: string;
  /** Slack team / Discord guild. */
  workspaceId?: string;
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
  /** Other output formats for the CLI's `--format NAME` (e.g. timeline's `timelinejs`), computed from the Reply. */
  formats?: Record<string, (reply: Reply, ctx: CommandContext) => unknown>;
}

/** Longest query any command accepts, in characters. */
export const MAX_QUERY_LENGTH = 500;
