/**
 * The one port every chat platform implements, the way Bolt's `Receiver` is one small port for
 * Slack's transports: a name, start and stop, posting a reply to a conversation, and (later)
 * uploading a file. Requests carry the neutral `Origin` of who is asking. The process (`src/app/main.ts`)
 * starts every configured platform through this port in one loop; the digest service posts through it.
 * The adapters see the running process only through `PlatformRuntime` and `GuardedExecute`, both
 * declared here, so nothing in an adapter's types reaches into `src/app/`.
 */
import type { Command, Origin } from './command.js';
import type { Clock, Library, Logger } from './ports.js';
import type { Services } from './services.js';
import type { Reply } from './types.js';

export type { Origin } from './command.js';

/** The chat platforms newsdesk speaks. */
export type PlatformName = 'slack' | 'discord';

/** Raw input for a command as a platform has it: free text (Slack) or named options (Discord). */
export interface PlatformInput {
  text?: string;
  options?: Record<string, string | number | boolean | undefined>;
}

/** The settings the adapters read (a subset of the process configuration, same names and types). */
export interface PlatformSettings {
  SLACK_BOT_TOKEN?: string | undefined;
  SLACK_SIGNING_SECRET?: string | undefined;
  SLACK_APP_TOKEN?: string | undefined;
  SLACK_PORT: number;
  SLACK_HOST?: string | undefined;
  SLACK_API_URL?: string | undefined;
  DISCORD_TOKEN?: string | undefined;
  DISCORD_API_URL?: string | undefined;
  DISCORD_ASK_CHANNELS: readonly string[];
  /** Slack users and user groups who may manage channels besides workspace admins and owners. */
  ADMINS_SLACK: readonly string[];
  RATE_LIMIT_PER_MINUTE: number;
}

/** The running process as an adapter sees it (the app's `Runtime` satisfies it). */
export interface PlatformRuntime {
  readonly commands: ReadonlyMap<string, Command>;
  /** The library as it is now; a live corpus replaces it, so call this per request. */
  library(): Library;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: PlatformSettings;
  /**
   * The process's services: the adapters keep readers' feedback through `services.feedback`, and
   * Slack's App Home shows the digest desk's subscriptions.
   */
  readonly services?: Services;
  /** Runs a command by name; user errors become `error` replies. */
  execute(name: string, raw: PlatformInput, origin: Origin): Promise<Reply>;
}

/** What a guarded request came to: an answer, or the polite refusal of a user over the rate limit. */
export type GuardedAnswer = { refused: false; reply: Reply } | { refused: true; text: string };

/**
 * `execute` wrapped once for every platform: the rate limit per asker, and the one
 * "something went wrong" text. Adapters keep only what is theirs: ack, ephemeral or public, paging.
 */
export interface GuardedExecute {
  /** Takes one request for `origin`'s user; runs the command unless that user is over the limit. */
  run(name: string, raw: PlatformInput, origin: Origin): Promise<GuardedAnswer>;
  /** Logs a request that failed while being answered and returns the text to show the asker. */
  failed(fields: Record<string, unknown>, message: string): string;
}

/** What identifies one post so it can be found again (a digest run's key); the digest service's `DigestDelivery`. */
export interface PostMark {
  /** Short key of the post, the same on every attempt and after a restart. */
  runId: string;
  /** When posting began: a history search looks no further back. */
  since: Date;
}

/** Whether a conversation holds the post of a mark. */
export type PostLookup = { status: 'posted' | 'absent' } | { status: 'unknown'; reason: string };

/** A file to upload to a conversation. */
export interface PlatformFile {
  /** File name shown to readers, e.g. `timeline.json`. */
  name: string;
  data: Uint8Array;
  /** Optional title or message shown with the file. */
  title?: string;
}

/** A running chat platform. */
export interface Platform {
  /** Which platform this is (digest subscriptions and logs name it). */
  readonly name: PlatformName;
  /** Stops listening and disconnects. */
  stop(): Promise<void>;
  /**
   * Posts a reply publicly to a conversation (a channel), first page with paging when there is more.
   * With `mark`, the post carries it so `findDigest` can find it again (exactly-once digests).
   */
  postReply(conversation: string, reply: Reply, mark?: PostMark): Promise<void>;
  /** Looks for the post of `mark` in the conversation's recent history. */
  findDigest?(conversation: string, mark: PostMark): Promise<PostLookup>;
  /** The platform itself drops a repeat of a post with the same mark for this long (Discord's nonce window). */
  readonly dedupeWindowMs?: number;
  /**
   * Uploads a file to a conversation (Slack `files.uploadV2`, a Discord attachment). Both adapters
   * implement it; optional so a platform without files can still answer.
   */
  uploadFile?(conversation: string, file: PlatformFile): Promise<void>;
  /**
   * Follows the connection after start: `listener(false)` when it is lost (the library reconnects
   * on its own), `listener(true)` when it is back. Absent where there is no connection to lose
   * (Slack over HTTP listens; it does not connect).
   */
  watchConnection?(listener: (connected: boolean) => void): void;
}

/** How the process starts one platform: whether it is configured, and how to start it with the shared guard. */
export interface PlatformStarter<R extends PlatformRuntime = PlatformRuntime, C = unknown> {
  readonly name: PlatformName;
  /** Name in log lines and start-up errors ("Slack", "Discord"). */
  readonly label: string;
  configured(config: C): boolean;
  start(runtime: R, guard: GuardedExecute): Promise<Platform>;
}
