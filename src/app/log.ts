/** The process logger: pino to stderr, with every secret-bearing field redacted. */
import type { Writable } from 'node:stream';
import { pino } from 'pino';
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

/**
 * Creates the logger. Logs go to stderr so `--json` output on stdout stays clean.
 * @param level - pino level, e.g. "info" or "silent"
 */
export function createLogger(level: string = 'info'): Logger & { level: string } {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, pino.destination(2));
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
