/**
 * The process logger: pino to stderr, with every secret-bearing field redacted — one readable
 * line per entry on a terminal (pino-pretty), JSON for a log collector otherwise.
 */
import type { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import type { pino as pinoFactory } from 'pino';
import type prettyFactory from 'pino-pretty';
import type { Logger } from '../core/ports.js';

/** Field paths that may carry secrets; pino replaces their values. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'config.SLACK_APP_TOKEN',
  'config.DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'DISCORD_TOKEN',
];

/** How log lines look: `pretty` for people, `json` for collectors, `auto` = pretty on a terminal. */
export type LogFormat = 'auto' | 'pretty' | 'json';

/** Options for `createLogger`. */
export interface LoggerOptions {
  /** @defaultValue `auto`: pretty when the stream is a terminal, JSON otherwise */
  format?: LogFormat;
  /** Where lines go. @defaultValue stderr, so `--json` output on stdout stays clean */
  stream?: Writable & { isTTY?: boolean };
}

/**
 * Creates the logger. Logs go to stderr so `--json` output on stdout stays clean.
 * @param level - pino level, e.g. "info" or "silent"
 * @example createLogger(config.LOG_LEVEL, { format: config.LOG_FORMAT })
 */
export function createLogger(level: string = 'info', options: LoggerOptions = {}): Logger & { level: string } {
  const stream = options.stream ?? process.stderr;
  const format = options.format ?? 'auto';
  const readable = format === 'pretty' || (format === 'auto' && Boolean(stream.isTTY));
  const settings = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  // pino and pino-pretty are required when a logger is made, not at import: the CLI and `help` use the
  // plain terminal logger below and start ~100 ms sooner without them.
  const require = createRequire(import.meta.url);
  const { pino } = require('pino') as { pino: typeof pinoFactory };
  if (readable) {
    const colorize = Boolean(stream.isTTY) && !process.env.NO_COLOR;
    // In-process and synchronous: a line logged just before a crash is not lost in a worker's queue.
    // One line per entry, fields after the message, so a request is one line to read or grep.
    const pretty = require('pino-pretty') as typeof prettyFactory;
    return pino(settings, pretty({ destination: stream, sync: true, colorize, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true }));
  }
  return pino(settings, options.stream ?? pino.destination(2));
}

/** A logger that drops everything (tests, quiet CLI runs). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * A logger for people at a terminal (CLI, console): warnings and errors as one plain line each
 * on `stream`, nothing else. The message is printed as given; without one, the file and reason.
 */
export function createTerminalLogger(stream: Writable): Logger {
  const line = (level: string) => (obj: unknown, msg?: string) => {
    const o = (obj ?? {}) as { file?: string; reason?: string; err?: { message?: string } };
    const detail = o.file ? `${o.file}: ${o.reason ?? ''}` : (o.err?.message ?? '');
    stream.write(`newsdesk: ${level}${msg ?? detail}${msg && o.err?.message ? ` (${o.err.message})` : ''}\n`);
  };
  return { info() {}, debug() {}, warn: line('warning: '), error: line('error: ') };
}
