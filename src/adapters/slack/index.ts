/**
 * The Slack front end: a Bolt app over the runtime. HTTP mode with `SLACK_BOT_TOKEN` and
 * `SLACK_SIGNING_SECRET`; Socket Mode when `SLACK_APP_TOKEN` is set too. Unusable settings
 * become one-line `NewsdeskError`s with code `config`, never a stack trace.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, LogLevel, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { Logger } from '../../core/ports.js';
import { NewsdeskError, isNewsdeskError } from '../../core/errors.js';
import type { GuardedExecute, Platform, PlatformRuntime, PostLookup, PostMark } from '../../core/platform.js';
import type { Reply } from '../../core/types.js';
import { uploadToSlack } from './chart.js';
import { digestMetadata, findDigestPost } from './digest-post.js';
import { describeError, redactSecrets } from './errors.js';
import { registerHandlers } from './handlers.js';
import { encodeButton } from './incoming.js';
import { SlackAdmins, withSlackAuthority } from './admins.js';
import { registerFeedback } from './feedback.js';
import { registerExport } from './export.js';
import { guardedExecute } from '../../app/guard.js';
import { SlackReceiver } from './receiver.js';
import { registerCheckShortcut } from './shortcut.js';
import { registerDirectMessages } from './direct-messages.js';
import { registerAppHome } from './app-home.js';
import { renderPage } from './render.js';

/** The running Slack adapter: the platform port, plus where the HTTP receiver listens. */
export interface SlackAdapter extends Platform {
  readonly name: 'slack';
  /** Stops listening (HTTP) or disconnects (Socket Mode). */
  stop(): Promise<void>;
  /** The port the HTTP receiver listens on; undefined in Socket Mode. */
  port: number | undefined;
  /** The address the HTTP receiver listens on (`::` or `0.0.0.0` for all interfaces); undefined in Socket Mode. */
  host: string | undefined;
  /**
   * Posts a reply publicly to a channel (scheduled digests): the first page, with "More" when there is more.
   * With `delivery`, the message carries metadata naming the digest run, for `findDigest`.
   */
  postReply(channel: string, reply: Reply, delivery?: PostMark): Promise<void>;
  /** Looks for a digest post in the channel's recent history (needs `channels:history` / `groups:history`). */
  findDigest(channel: string, delivery: PostMark): Promise<PostLookup>;
}

/** Options for `startSlack`; everything else comes from `runtime.config`. */
export interface SlackOptions {
  /** HTTP port. @defaultValue `SLACK_PORT` (3000) */
  port?: number;
  /** Interface to listen on. @defaultValue `SLACK_HOST` (all interfaces) */
  host?: string;
  /** Web API client options, merged over ours (tests pass `retryConfig: { retries: 0 }`). */
  clientOptions?: webApi.WebClientOptions;
  /**
   * `runtime.execute` behind the rate limit, shared with the other platforms (the process passes its own).
   * @defaultValue a guard of its own: `RATE_LIMIT_PER_MINUTE` per user
   */
  guard?: GuardedExecute;
}

/** Slack API errors that mean the token itself is wrong. */
const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive', 'not_allowed_token_type']);

/** chat.postMessage errors that retrying cannot fix. */
const PERMANENT_POST_ERRORS = new Set([...TOKEN_ERRORS, 'channel_not_found', 'not_in_channel', 'is_archived', 'msg_too_long', 'invalid_blocks', 'restricted_action', 'missing_scope']);

/** Bolt's logger interface over ours, with tokens scrubbed from every line. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const line = (args: unknown[]) =>
    redactSecrets(
      args
        .map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : safeJson(a)))
        .join(' '),
    );
  return {
    debug: (...args) => logger.debug({ source: name }, line(args)),
    info: (...args) => logger.info({ source: name }, line(args)),
    warn: (...args) => logger.warn({ source: name }, line(args)),
    error: (...args) => logger.error({ source: name }, line(args)),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Checks the Slack settings before anything connects; throws a one-line config error. */
function checkSettings(runtime: PlatformRuntime): { token: string; signingSecret?: string; appToken?: string } {
  const c = runtime.config;
  if (!c.SLACK_BOT_TOKEN) throw new NewsdeskError('SLACK_BOT_TOKEN is missing', 'config');
  if (!/^xoxb-[\w-]+$/.test(c.SLACK_BOT_TOKEN)) {
    throw new NewsdeskError('SLACK_BOT_TOKEN must be a bot token (it starts with "xoxb-")', 'config');
  }
  if (c.SLACK_APP_TOKEN) {
    if (!/^xapp-[\w-]+$/.test(c.SLACK_APP_TOKEN)) {
      throw new NewsdeskError('SLACK_APP_TOKEN must be an app-level token (it starts with "xapp-")', 'config');
    }
    return { token: c.SLACK_BOT_TOKEN, appToken: c.SLACK_APP_TOKEN, ...(c.SLACK_SIGNING_SECRET ? { signingSecret: c.SLACK_SIGNING_SECRET } : {}) };
  }
  if (!c.SLACK_SIGNING_SECRET) {
    throw new NewsdeskError('SLACK_SIGNING_SECRET is missing (needed with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN is set)', 'config');
  }
  return { token: c.SLACK_BOT_TOKEN, signingSecret: c.SLACK_SIGNING_SECRET };
}

/** Turns a failure while connecting into a one-line NewsdeskError naming the setting at fault. */
function startError(err: unknown, what: 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN', apiUrl: string): NewsdeskError {
  if (isNewsdeskError(err)) return err;
  const e = err as { code?: string; data?: { error?: string }; message?: string };
  const slackError = e?.data?.error;
  if (slackError && TOKEN_ERRORS.has(slackError)) return new NewsdeskError(`Slack refused ${what} (${slackError})`, 'config', { cause: err });
  if (e?.code === 'EADDRINUSE') return new NewsdeskError('SLACK_PORT is already in use by another program', 'config', { cause: err });
  if (e?.code === 'EACCES') return new NewsdeskError('SLACK_PORT cannot be opened (permission denied)', 'config', { cause: err });
  if (e?.code === 'EADDRNOTAVAIL' || e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') {
    return new NewsdeskError('SLACK_HOST is not an address of this machine', 'config', { cause: err });
  }
  const reason = slackError ?? describeError(err).message;
  return new NewsdeskError(`Could not start Slack (Web API ${apiUrl}): ${reason.split('\n')[0]}`, 'platform', { cause: err });
}

/**
 * Starts the Slack adapter over a runtime.
 * @param runtime - commands, library and config (`SLACK_*`, `RATE_LIMIT_PER_MINUTE`)
 * @param opts - port, host and Web API client options
 * @throws NewsdeskError (`config`) for unusable settings, (`platform`) when Slack cannot be reached
 * @example const slack = await startSlack(runtime); await slack.postReply('C123', digest)
 */
export async function startSlack(runtime: PlatformRuntime, opts: SlackOptions = {}): Promise<SlackAdapter> {
  const settings = checkSettings(runtime);
  const apiUrl = runtime.config.SLACK_API_URL ?? 'https://slack.com/api/';
  const clientOptions: webApi.WebClientOptions = {
    // Slack's default retries for half an hour; a start-up against a dead endpoint should fail soon.
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
    ...(runtime.config.SLACK_API_URL ? { slackApiUrl: runtime.config.SLACK_API_URL } : {}),
    ...opts.clientOptions,
  };
  const logger = boltLogger(runtime.logger);
  const socketMode = Boolean(settings.appToken);
  // Socket Mode's receiver made here (as Bolt would make it) so its client's connection can be followed for /readyz.
  const socket = socketMode ? new SocketModeReceiver({ appToken: settings.appToken!, logger, installerOptions: { clientOptions } }) : undefined;
  const app = socket
    ? new App({ token: settings.token, receiver: socket, logger, clientOptions, deferInitialization: true })
    : new App({
        token: settings.token,
        // Ours, not Bolt's HTTPReceiver: it limits the body before reading it and checks what it parses.
        receiver: new SlackReceiver({ signingSecret: settings.signingSecret!, logger }),
        logger,
        clientOptions,
        deferInitialization: true,
      });
  app.error(async (err) => {
    runtime.logger.error({ err: describeError(err) }, 'slack listener failed');
  });
  // One guard for every listener: one rate limit per person whatever they use, and one rule for who
  // manages a channel.
  const admins = new SlackAdmins({ client: app.client, listed: runtime.config.ADMINS_SLACK, clock: runtime.clock, logger: runtime.logger });
  const guard = withSlackAuthority(opts.guard ?? guardedExecute(runtime), admins);
  registerHandlers(app, runtime, guard);
  registerExport(app, runtime, guard);
  if (runtime.services?.feedback) registerFeedback(app, runtime, runtime.services.feedback);
  registerCheckShortcut(app, runtime, guard);
  registerDirectMessages(app, runtime, guard);
  registerAppHome(app, runtime, guard);

  try {
    await app.init();
  } catch (err) {
    throw startError(err, 'SLACK_BOT_TOKEN', apiUrl);
  }

  let port: number | undefined;
  let host: string | undefined;
  try {
    if (socketMode) {
      await app.start();
    } else {
      const bind = opts.host ?? runtime.config.SLACK_HOST;
      const listen = { port: opts.port ?? runtime.config.SLACK_PORT, ...(bind ? { host: bind } : {}) };
      const server = (await app.start(listen)) as Server;
      const address = server.address() as AddressInfo | null;
      port = address?.port;
      host = address?.address;
    }
  } catch (err) {
    throw startError(err, socketMode ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN', apiUrl);
  }
  runtime.logger.info({ mode: socketMode ? 'socket' : 'http', ...(host !== undefined ? { host } : {}), port }, 'slack adapter started');

  return {
    name: 'slack',
    port,
    host,
    async stop() {
      await app.stop();
    },
    ...(socket
      ? {
          watchConnection(listener: (connected: boolean) => void) {
            // The Socket Mode client reconnects by itself; it says when the socket is gone and back.
            socket.client.on('disconnected', () => listener(false));
            socket.client.on('reconnecting', () => listener(false));
            socket.client.on('connected', () => listener(true));
          },
        }
      : {}),
    findDigest: (channel, delivery) => findDigestPost(app.client, channel, delivery),
    uploadFile: (channel, file) => uploadToSlack(app.client, channel, file),
    async postReply(channel, reply, delivery) {
      const more = runtime.commands.has(reply.command) && !reply.error;
      const { message } = renderPage(
        reply,
        more ? { moreValue: (next) => encodeButton({ command: reply.command, text: reply.query, cursor: next, delivery: 'ephemeral' }) } : {},
      );
      try {
        await app.client.chat.postMessage({ channel, ...message, ...(delivery ? { metadata: digestMetadata(delivery) } : {}) });
      } catch (err) {
        const slackError = (err as { data?: { error?: string } }).data?.error;
        const failure = new NewsdeskError(`Slack refused the message for ${channel}: ${slackError ?? describeError(err).message}`, 'platform', { cause: err });
        // A missing channel or a bad token will not heal by retrying (the digest retry reads this).
        if (slackError && PERMANENT_POST_ERRORS.has(slackError)) Object.assign(failure, { retryable: false });
        throw failure;
      }
    },
  };
}
